// Filing a report (melding): a member of staff's concern (§12-4), a suspected violation by
// staff or leadership (§12-5), or a pupil's or guardian's "si ifra". Opens a case, alerts the
// principal and deputy (or the owner, for the leadership) at once, and gives the reporter a
// receipt — not the case.
import { randomUUID } from "node:crypto";
import { z } from "zod";
import type { Actor } from "../../core/access/actor.ts";
import { authorize } from "../../core/access/policy.ts";
import { STAFF_ROLES } from "../../core/access/roles.ts";
import { isIsoDate, osloDateOf } from "../../core/calendar/iso-date.ts";
import { accessViewOf } from "../../core/cases/case-access.ts";
import { openCase } from "../../core/cases/transition.ts";
import { CASE_KINDS, REPORT_CHANNELS, type ReporterCapacity } from "../../core/cases/types.ts";
import { PLACES, TIMES_OF_DAY, weekKeyOf } from "../../core/surveys/where-when/where-when.ts";
import type { Lang } from "../../i18n/lang.ts";
import type { Tx } from "../platform/db/database.ts";
import { OUTBOX_QUEUE } from "../platform/outbox/enqueue.ts";
import { applyJobs, type CaseDeps, recordEvents } from "./effects.ts";
import { caseInputProblem, caseRefused } from "./errors.ts";
import { type ComplaintInfo, complaintFor } from "./family-complaint.ts";
import { insertCase, insertReport, loadOwnerRules, type ReportDetails } from "./store.ts";

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullish()
    .transform((v) => (v ? v : null));

export const reportInput = z.object({
  kind: z.enum(CASE_KINDS),
  pupilIds: z.array(z.uuid()).max(30).default([]),
  description: z.string().trim().min(1).max(20_000),
  occurredOn: z
    .string()
    .refine((v) => isIsoDate(v), { error: "field.invalidDate" })
    .nullish(),
  place: optionalText(500),
  /** Where and when from the fixed lists (ADR 0117), both optional. */
  placeKind: z.enum(PLACES).nullish(),
  timeOfDay: z.enum(TIMES_OF_DAY).nullish(),
  involvedPupilIds: z.array(z.uuid()).max(50).default([]),
  involvedStaffIds: z.array(z.uuid()).max(50).default([]),
  others: optionalText(2000),
  pupilSaidUnsafe: z.boolean().nullish(),
  intervened: z.boolean().nullish(),
  intervention: optionalText(2000),
  /**
   * A report given in person, by phone, Teams, SMS or e-mail and registered afterwards:
   * how, and when the school was told (the core refuses the future and more than 30 days
   * back). Staff only; a pupil's or guardian's own report is told when it is sent.
   */
  channel: z.enum(REPORT_CHANNELS).default("form"),
  toldAt: z.iso.datetime({ offset: true }).nullish(),
});
export type ReportInput = z.infer<typeof reportInput>;

export interface ReportContext {
  actor: Actor;
  schoolId: string;
  ownerId: string;
  requestId: string | null;
  lang: Lang;
}

export interface ReportReceiptView {
  reportId: string;
  status: "received";
  receivedAt: string;
  /** Only for someone who may read the case anyway (a principal reporting themself). */
  caseId: string | null;
  /** For a pupil or guardian: the right to go to Statsforvalteren (§12-6); null for staff. */
  complaint: ComplaintInfo | null;
}

async function peopleWithRole(tx: Tx, schoolId: string, ids: string[], roles: string[]) {
  if (ids.length === 0) return new Set<string>();
  const rows = await tx
    .selectFrom("role_assignment")
    .select("person_id")
    .where("school_id", "=", schoolId)
    .where("person_id", "in", ids)
    .where("role", "in", roles)
    .execute();
  return new Set(rows.map((r) => r.person_id));
}

export function capacityAt(actor: Actor, schoolId: string): ReporterCapacity | null {
  const roles = actor.grants.filter((g) => "schoolId" in g && g.schoolId === schoolId);
  if (roles.some((g) => (STAFF_ROLES as readonly string[]).includes(g.role))) return "staff";
  if (roles.some((g) => g.role === "pupil")) return "pupil";
  if (roles.some((g) => g.role === "guardian")) return "guardian";
  return null;
}

/** The pupils a guardian may speak up for at a school: their own children there. */
export async function wardsAt(tx: Tx, guardianId: string, schoolId: string): Promise<string[]> {
  const rows = await tx
    .selectFrom("guardianship as g")
    .innerJoin("role_assignment as r", "r.person_id", "g.pupil_id")
    .select("g.pupil_id")
    .where("g.guardian_id", "=", guardianId)
    .where("r.school_id", "=", schoolId)
    .where("r.role", "=", "pupil")
    .execute();
  return [...new Set(rows.map((r) => r.pupil_id))];
}

export async function fileReport(
  deps: CaseDeps,
  ctx: ReportContext,
  input: ReportInput,
): Promise<ReportReceiptView> {
  const now = deps.clock();
  const capacity = capacityAt(ctx.actor, ctx.schoolId);
  const caseId = randomUUID();
  const reportId = randomUUID();
  const { receipt, notified } = await deps.db.transaction().execute(async (tx) => {
    let pupils = [...new Set(input.pupilIds)];
    let involvedPupils = [...new Set(input.involvedPupilIds)];
    let involvedStaff = [...new Set(input.involvedStaffIds)];
    if (capacity === "pupil") {
      // A pupil speaks up for themself; the form names nobody else.
      pupils = [ctx.actor.personId];
      involvedPupils = [];
      involvedStaff = [];
    } else if (capacity === "guardian") {
      const wards = await wardsAt(tx, ctx.actor.personId, ctx.schoolId);
      if (pupils.length === 0 && wards.length === 1) pupils = wards;
      if (pupils.some((p) => !wards.includes(p))) {
        throw caseInputProblem(ctx.lang, "pupilIds", "pupil.notYourChild");
      }
      involvedPupils = [];
      involvedStaff = [];
    }
    const atSchool = await peopleWithRole(
      tx,
      ctx.schoolId,
      [...pupils, ...involvedPupils],
      ["pupil"],
    );
    if ([...pupils, ...involvedPupils].some((p) => !atSchool.has(p))) {
      throw caseInputProblem(ctx.lang, "pupilIds", "pupil.notAtSchool");
    }
    const staffHere = await peopleWithRole(tx, ctx.schoolId, involvedStaff, [...STAFF_ROLES]);
    if (involvedStaff.some((p) => !staffHere.has(p))) {
      throw caseInputProblem(ctx.lang, "involvedStaffIds", "team.notStaff");
    }
    const told =
      capacity === "staff" && input.channel !== "form" && input.toldAt
        ? { toldAt: new Date(input.toldAt).toISOString(), channel: input.channel }
        : capacity === "staff" && input.channel !== "form"
          ? { channel: input.channel }
          : {};
    const rules = await loadOwnerRules(tx, ctx.ownerId);
    const result = openCase(
      {
        caseId,
        reportId,
        schoolId: ctx.schoolId,
        ownerId: ctx.ownerId,
        kind: input.kind,
        pupils,
        description: input.description,
        reporter: { type: "person", personId: ctx.actor.personId, capacity: capacity ?? "staff" },
        ...told,
        involvedPupils: involvedPupils.map((pupilId) => ({ pupilId, role: "other" as const })),
        pupilSaidUnsafe: input.pupilSaidUnsafe === true && pupils.length > 0,
      },
      { now, actor: ctx.actor, ...rules },
    );
    if (!result.ok) throw caseRefused(result.error, ctx.lang);
    const details: ReportDetails = {
      occurredOn: input.occurredOn ?? null,
      place: input.place,
      placeKind: input.placeKind ?? null,
      timeOfDay: input.timeOfDay ?? null,
      involvedPupilIds: involvedPupils,
      involvedStaffIds: involvedStaff,
      others: input.others,
      pupilSaidUnsafe: input.pupilSaidUnsafe ?? null,
      intervened: input.intervened ?? null,
      intervention: input.intervention,
    };
    await insertCase(tx, result.next, now);
    await insertReport(tx, {
      id: reportId,
      caseId,
      schoolId: ctx.schoolId,
      kind: input.kind,
      reporterId: ctx.actor.personId,
      capacity,
      receiptCodeHash: null,
      details,
      reportedAt: result.next.reportedAt,
      // The week it happened: the date given, else the day the school was told.
      occurredWeek:
        input.placeKind || input.timeOfDay
          ? weekKeyOf(
              input.occurredOn && isIsoDate(input.occurredOn)
                ? input.occurredOn
                : result.next.learnedOn,
            )
          : null,
    });
    await recordEvents(tx, result.next, result.events, { requestId: ctx.requestId });
    const notified = await applyJobs(tx, deps, result.next, result.jobs, now);
    const canRead = authorize(ctx.actor, "case.read", {
      type: "case",
      caseId,
      closed: false,
      view: accessViewOf(result.next),
    }).allow;
    return {
      receipt: {
        reportId,
        status: "received" as const,
        receivedAt: result.next.reportedAt,
        caseId: canRead ? caseId : null,
      },
      notified,
    };
  });
  if (notified) deps.kick?.(OUTBOX_QUEUE);
  const family = capacity === "pupil" || capacity === "guardian";
  const complaint = family
    ? await complaintFor(deps.db, ctx.ownerId, osloDateOf(new Date(receipt.receivedAt)))
    : null;
  return { ...receipt, complaint };
}
