// Check-ins tied to a case (ADR 0117): the case tick opens a "how is it now?" for each pupil
// of a case whose plan's evaluation date is near (src/core/cases/check-in.ts decides which);
// the pupil sees it on their home page and in "Mine meldinger" and answers it; the answer
// lands in the case as the pupil's own recorded view. Not anonymous, and the pupil is told so.
import { randomUUID } from "node:crypto";
import { z } from "zod";
import type { Actor } from "../../core/access/actor.ts";
import { type IsoDate, osloDateOf } from "../../core/calendar/iso-date.ts";
import {
  CHECK_IN_ANSWERS,
  CHECK_IN_WORDS_MAX,
  type CheckIn,
  checkInOpen,
  dueCheckIns,
  recordCheckInAnswer,
} from "../../core/cases/check-in.ts";
import type { Lang } from "../../i18n/lang.ts";
import { appendAudit } from "../platform/audit.ts";
import type { Tx } from "../platform/db/database.ts";
import { notFound } from "../platform/errors.ts";
import { OUTBOX_QUEUE } from "../platform/outbox/enqueue.ts";
import { applyJobs, type CaseDeps, recordEvents, restrictedCase } from "./effects.ts";
import { caseRefused } from "./errors.ts";
import { appendCaseEvents, caseStateOf, loadOwnerRules, lockCase, saveCase } from "./store.ts";

export const checkInAnswerInput = z.object({
  answer: z.enum(CHECK_IN_ANSWERS),
  words: z
    .string()
    .trim()
    .max(CHECK_IN_WORDS_MAX)
    .nullish()
    .transform((v) => (v ? v : null)),
});

type Row = {
  id: string;
  case_id: string;
  pupil_id: string;
  revision: number;
  evaluate_on: string;
  opens_on: string;
  closes_on: string;
  answered_at: Date | string | null;
};

function checkInOf(r: Row): CheckIn {
  return {
    id: r.id,
    caseId: r.case_id,
    pupilId: r.pupil_id,
    revision: r.revision,
    evaluateOn: r.evaluate_on as IsoDate,
    opensOn: r.opens_on as IsoDate,
    closesOn: r.closes_on as IsoDate,
    answeredAt: r.answered_at ? new Date(r.answered_at).toISOString() : null,
  };
}

const COLUMNS = [
  "id",
  "case_id",
  "pupil_id",
  "revision",
  "evaluate_on",
  "opens_on",
  "closes_on",
  "answered_at",
] as const;

/**
 * Open the check-ins due now (idempotent: one per pupil per evaluation date, guarded by the
 * core and by a unique key). Each is a line in the case's timeline and an audit row.
 */
export async function openDueCheckIns(deps: CaseDeps): Promise<number> {
  const now = deps.clock();
  const today = osloDateOf(now);
  const rows = await deps.db
    .selectFrom("school_case")
    .select(["id", "state", "owner_id"])
    .where("status", "=", "measuresActive")
    .where("kind", "!=", "leadership-violation")
    .execute();
  if (rows.length === 0) return 0;
  const states = rows.map((r) => caseStateOf(r.state));
  const existing = await deps.db
    .selectFrom("case_check_in")
    .select(COLUMNS)
    .where(
      "case_id",
      "in",
      states.map((s) => s.id),
    )
    .execute();
  const pupils = await deps.db
    .selectFrom("role_assignment")
    .select(["person_id", "school_id"])
    .where("role", "=", "pupil")
    .where(
      "person_id",
      "in",
      [...new Set(states.flatMap((s) => s.pupils))].concat([
        "00000000-0000-4000-8000-000000000000",
      ]),
    )
    .execute();
  const enrolled = new Set(pupils.map((p) => `${p.person_id}|${p.school_id}`));
  let opened = 0;
  const byOwner = new Map<string, typeof states>();
  for (const s of states) byOwner.set(s.ownerId, [...(byOwner.get(s.ownerId) ?? []), s]);
  for (const [ownerId, owned] of byOwner) {
    const { calendar } = await loadOwnerRules(deps.db, ownerId);
    const due = dueCheckIns(
      owned,
      existing.map(checkInOf),
      (pupilId, schoolId) => enrolled.has(`${pupilId}|${schoolId}`),
      today,
      calendar,
    );
    for (const d of due) {
      const state = owned.find((s) => s.id === d.caseId);
      if (!state) continue;
      const id = randomUUID();
      await deps.db.transaction().execute(async (tx) => {
        const inserted = await tx
          .insertInto("case_check_in")
          .values({
            id,
            case_id: d.caseId,
            school_id: state.schoolId,
            pupil_id: d.pupilId,
            revision: d.revision,
            evaluate_on: d.evaluateOn,
            opens_on: d.opensOn,
            closes_on: d.closesOn,
            opened_at: now,
          })
          .onConflict((oc) => oc.columns(["case_id", "pupil_id", "evaluate_on"]).doNothing())
          .returning("id")
          .executeTakeFirst();
        // Another instance opened it meanwhile: nothing more to record.
        if (!inserted) return;
        const data = { checkInId: id, pupilId: d.pupilId, evaluateOn: d.evaluateOn };
        await appendCaseEvents(tx, [
          {
            caseId: d.caseId,
            type: "case.checkInOpened",
            at: now.toISOString(),
            actorId: "system",
            data,
          },
        ]);
        await appendAudit(tx, {
          at: now,
          actorId: null,
          action: "case.checkInOpened",
          resourceType: "case",
          resourceId: d.caseId,
          schoolId: state.schoolId,
          ownerId: state.ownerId,
          restricted: restrictedCase(state),
          detail: data,
        });
        opened++;
      });
    }
  }
  return opened;
}

export interface MyCheckIn {
  id: string;
  schoolName: string;
  /** The plan's evaluation date the check-in belongs to. */
  evaluateOn: string;
  /** The last day it can be answered. */
  closesOn: string;
}

/** The caller's own open check-ins (a pupil's; nobody else's ever). */
export async function myCheckIns(
  deps: CaseDeps,
  actor: Actor,
  opts: { requestId: string | null },
): Promise<{ items: MyCheckIn[] }> {
  const now = deps.clock();
  const today = osloDateOf(now);
  const rows = await deps.db
    .selectFrom("case_check_in as c")
    .innerJoin("school_case as s", "s.id", "c.case_id")
    .innerJoin("school as sc", "sc.id", "c.school_id")
    .select([
      "c.id",
      "c.case_id",
      "c.pupil_id",
      "c.revision",
      "c.evaluate_on",
      "c.opens_on",
      "c.closes_on",
      "c.answered_at",
      "s.state",
      "sc.name as school_name",
      "c.school_id",
    ])
    .where("c.pupil_id", "=", actor.personId)
    .where("c.answered_at", "is", null)
    .where("c.opens_on", "<=", today)
    .where("c.closes_on", ">=", today)
    .orderBy("c.closes_on")
    .execute();
  const open = rows.filter((r) => checkInOpen(caseStateOf(r.state), checkInOf(r), today));
  if (open.length > 0) {
    await deps.db.transaction().execute(async (tx) => {
      for (const r of open) {
        await appendAudit(tx, {
          at: now,
          actorId: actor.personId,
          action: "case.checkInRead",
          resourceType: "case",
          resourceId: r.case_id,
          schoolId: r.school_id,
          requestId: opts.requestId,
          detail: { checkInId: r.id },
        });
      }
    });
  }
  return {
    items: open.map((r) => ({
      id: r.id,
      schoolName: r.school_name,
      evaluateOn: String(r.evaluate_on),
      closesOn: String(r.closes_on),
    })),
  };
}

async function lockCheckIn(tx: Tx, id: string, pupilId: string) {
  // Scoped to the caller: another person's check-in is "not found", never "forbidden".
  return tx
    .selectFrom("case_check_in")
    .select(COLUMNS)
    .where("id", "=", id)
    .where("pupil_id", "=", pupilId)
    .forUpdate()
    .executeTakeFirst();
}

/** The pupil answers their own check-in: once, while it is open. */
export async function answerCheckIn(
  deps: CaseDeps,
  req: { actor: Actor; checkInId: string; requestId: string | null; lang: Lang },
  input: z.infer<typeof checkInAnswerInput>,
): Promise<{ answeredAt: string }> {
  const now = deps.clock();
  const { answeredAt, notified } = await deps.db.transaction().execute(async (tx) => {
    const row = await lockCheckIn(tx, req.checkInId, req.actor.personId);
    if (!row) throw notFound();
    const stored = await lockCase(tx, row.case_id);
    if (!stored) throw notFound();
    const rules = await loadOwnerRules(tx, stored.state.ownerId);
    const result = recordCheckInAnswer(
      stored.state,
      checkInOf(row),
      { viewId: randomUUID(), answer: input.answer, words: input.words },
      { now, personId: req.actor.personId, ...rules },
    );
    if (!result.ok) throw caseRefused(result.error, req.lang);
    await saveCase(tx, result.next, stored.version, now);
    await recordEvents(tx, result.next, result.events, {
      requestId: req.requestId,
      before: stored.state,
    });
    const notified = await applyJobs(tx, deps, result.next, result.jobs, now);
    const viewId = result.next.pupilViews[result.next.pupilViews.length - 1]?.id ?? null;
    await tx
      .updateTable("case_check_in")
      .set({ answered_at: now, view_id: viewId })
      .where("id", "=", row.id)
      .execute();
    return { answeredAt: now.toISOString(), notified };
  });
  if (notified) deps.kick?.(OUTBOX_QUEUE);
  return { answeredAt };
}
