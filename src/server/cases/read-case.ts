// Reading one case: the whole state, its reports, timeline and attachments, the next dated
// step, what the reader may do, and the names of everyone mentioned. Every read is audited
// (restricted for a leadership case, so the school's audit view never shows it).
import type { Actor } from "../../core/access/actor.ts";
import { authorize } from "../../core/access/policy.ts";
import { accessViewOf } from "../../core/cases/case-access.ts";
import { CASE_COMMAND_TYPES, type CaseCommandType } from "../../core/cases/commands.ts";
import { nextStep, pendingSteps } from "../../core/cases/deadlines.ts";
import { suggestJoins } from "../../core/cases/join-suggestions.ts";
import type { CaseState } from "../../core/cases/types.ts";
import { appendAudit } from "../platform/audit.ts";
import type { Db } from "../platform/db/database.ts";
import { notFound } from "../platform/errors.ts";
import { restrictedCase } from "./effects.ts";
import { caseEvents, caseStateOf, loadCase, namesOf, reportRows } from "./store.ts";

const UUIDS = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;

/** Every person id mentioned anywhere in these values (ids only; names come from the db). */
export function mentionedIds(...values: unknown[]): Set<string> {
  return new Set(JSON.stringify(values).match(UUIDS) ?? []);
}

export function caseResourceOf(state: CaseState, command?: CaseCommandType) {
  return {
    type: "case" as const,
    caseId: state.id,
    closed: state.status === "closed",
    view: accessViewOf(state),
    ...(command ? { command } : {}),
  };
}

/** Commands accepted on a closed case too (the covering statement is written afterwards). */
const AFTER_CLOSING: readonly CaseCommandType[] = ["recordCoveringStatement"];

/** What the reader may do, for the UI (the server asks the policy again on every request). */
export function permissions(actor: Actor, state: CaseState) {
  const commands = Object.fromEntries(
    CASE_COMMAND_TYPES.map((c) => [
      c,
      (state.status !== "closed" || AFTER_CLOSING.includes(c)) &&
        authorize(actor, "case.command", caseResourceOf(state, c)).allow,
    ]),
  ) as Record<CaseCommandType, boolean>;
  return {
    ...commands,
    attach: authorize(actor, "case.attach", caseResourceOf(state)).allow,
    export: authorize(actor, "case.export", caseResourceOf(state)).allow,
  };
}

export async function readCase(
  db: Db,
  actor: Actor,
  caseId: string,
  opts: { now: Date; requestId: string | null },
) {
  const stored = await loadCase(db, caseId);
  if (!stored) throw notFound();
  const state = stored.state;
  const [reports, events, attachments, school] = await Promise.all([
    reportRows(db, caseId),
    caseEvents(db, caseId),
    db
      .selectFrom("case_attachment")
      .select(["id", "file_name", "media_type", "size_bytes", "uploaded_at", "uploaded_by"])
      .where("case_id", "=", caseId)
      .orderBy("uploaded_at")
      .execute(),
    db.selectFrom("school").select("name").where("id", "=", state.schoolId).executeTakeFirst(),
  ]);
  const can = permissions(actor, state);
  let joinSuggestions: { caseId: string; sharedPupils: readonly string[]; reportedAt: string }[] =
    [];
  if (can.joinInto && (state.status === "reported" || state.status === "acknowledged")) {
    const open = await db
      .selectFrom("school_case")
      .select(["state"])
      .where("school_id", "=", state.schoolId)
      .where("status", "!=", "closed")
      .where("id", "!=", caseId)
      .execute();
    const visible = open
      .map((r) => caseStateOf(r.state))
      .filter((c) => authorize(actor, "case.command", caseResourceOf(c, "joinReport")).allow);
    joinSuggestions = suggestJoins(
      { caseId, schoolId: state.schoolId, kind: state.kind, pupils: state.pupils },
      visible,
    ).map((s) => ({
      ...s,
      reportedAt: visible.find((c) => c.id === s.caseId)?.reportedAt ?? "",
      pupils: visible.find((c) => c.id === s.caseId)?.pupils ?? [],
    }));
  }
  const names = await namesOf(
    db,
    mentionedIds(
      state,
      reports.map((r) => [r.reporter_id, r.details]),
      events.map((e) => [e.actor_id, e.data]),
      attachments.map((a) => a.uploaded_by),
      joinSuggestions,
    ),
  );
  await db.transaction().execute((tx) =>
    appendAudit(tx, {
      at: opts.now,
      actorId: actor.personId,
      action: "case.read",
      resourceType: "case",
      resourceId: caseId,
      schoolId: state.schoolId,
      ownerId: state.ownerId,
      restricted: restrictedCase(state),
      requestId: opts.requestId,
    }),
  );
  return {
    case: state,
    schoolName: school?.name ?? "",
    names,
    reports: reports.map((r) => ({
      id: r.id,
      kind: r.kind,
      reporterId: r.reporter_id,
      capacity: r.reporter_capacity,
      details: r.details,
      reportedAt: new Date(r.reported_at).toISOString(),
    })),
    timeline: events.map((e) => ({
      seq: Number(e.seq),
      type: e.type,
      at: new Date(e.at).toISOString(),
      actorId: e.actor_id,
      data: e.data,
    })),
    attachments: attachments.map((a) => ({
      id: a.id,
      fileName: a.file_name,
      mediaType: a.media_type,
      sizeBytes: a.size_bytes,
      uploadedAt: new Date(a.uploaded_at).toISOString(),
      uploadedBy: a.uploaded_by,
    })),
    nextStep: nextStep(state, opts.now),
    steps: pendingSteps(state, opts.now),
    can,
    joinSuggestions,
  };
}
