// The two-way conversation with an anonymous reporter. The school (the case's leads and team)
// answers in the case; the pupil reads the answers and writes back with the receipt code
// alone. The code holder's side stores no identity: no person, no session, no request id
// (it would tie the audit row to the request's access log), and the public routes do not
// log requests. Events and audit rows carry ids only; the text lives in the case state.
import { randomUUID } from "node:crypto";
import { z } from "zod";
import { osloDateOf } from "../../core/calendar/iso-date.ts";
import { receiveReporterMessage } from "../../core/cases/transition.ts";
import type { CaseState } from "../../core/cases/types.ts";
import type { Lang } from "../../i18n/lang.ts";
import { appendAudit } from "../platform/audit.ts";
import type { Db } from "../platform/db/database.ts";
import { OUTBOX_QUEUE } from "../platform/outbox/enqueue.ts";
import { resolveSecret } from "../platform/secret.ts";
import { receiptHash } from "./anonymous.ts";
import { type CommandRequest, runCaseCommand } from "./apply.ts";
import { applyJobs, type CaseDeps, recordEvents, restrictedCase } from "./effects.ts";
import { caseRefused } from "./errors.ts";
import { type ComplaintInfo, complaintFor } from "./family-complaint.ts";
import { text } from "./inputs.ts";
import { loadCase, loadOwnerRules, lockCase, saveCase } from "./store.ts";

const MESSAGE_MAX = 5_000;

export const replyInput = z.object({ reportId: z.uuid(), text: text(MESSAGE_MAX) });
export const reporterMessageInput = z.object({
  code: z.string().trim().min(8).max(40),
  text: text(MESSAGE_MAX),
});

export function replyToReporter(
  deps: CaseDeps,
  req: CommandRequest,
  input: z.infer<typeof replyInput>,
) {
  return runCaseCommand(deps, req, {
    type: "replyToReporter",
    messageId: randomUUID(),
    reportId: input.reportId,
    text: input.text,
  });
}

/** The report a receipt code belongs to, and the case it is in now (after any join). */
async function reportByCode(db: Db, deps: CaseDeps, code: string) {
  return db
    .selectFrom("case_report")
    .select(["id", "case_id", "reported_at", "acknowledged_at"])
    .where("receipt_code_hash", "=", receiptHash(resolveSecret(deps.config), code))
    .executeTakeFirst();
}

/** What the code holder sees: received/acknowledged and their conversation, no names. */
async function receiptView(
  db: Db,
  report: { id: string; reported_at: Date | string; acknowledged_at: Date | string | null },
  state: CaseState | null,
) {
  /** When the pupil may take it to Statsforvalteren, counted from the day they wrote. */
  const complaint: ComplaintInfo | null = state
    ? await complaintFor(db, state.ownerId, osloDateOf(new Date(report.reported_at)))
    : null;
  return {
    status: report.acknowledged_at ? ("acknowledged" as const) : ("received" as const),
    receivedAt: new Date(report.reported_at).toISOString(),
    acknowledgedAt: report.acknowledged_at ? new Date(report.acknowledged_at).toISOString() : null,
    /** Closed: the school has closed the case; the conversation can be read, not continued. */
    open: state !== null && state.status !== "closed",
    messages: (state?.reporterMessages ?? [])
      .filter((m) => m.reportId === report.id)
      .map((m) => ({ id: m.id, from: m.from, text: m.text, at: m.at })),
    complaint,
  };
}

/**
 * The receipt of an anonymous report with its conversation, or null for an unknown code.
 * Reading the conversation is audited like any read of case content, without an actor.
 */
export async function anonymousReceipt(deps: CaseDeps, code: string) {
  const report = await reportByCode(deps.db, deps, code);
  if (!report) return null;
  const stored = await loadCase(deps.db, report.case_id);
  const state = stored?.state ?? null;
  if (state) {
    await deps.db.transaction().execute((tx) =>
      appendAudit(tx, {
        at: deps.clock(),
        actorId: null,
        action: "case.receiptRead",
        resourceType: "case",
        resourceId: state.id,
        schoolId: state.schoolId,
        ownerId: state.ownerId,
        restricted: restrictedCase(state),
        requestId: null,
        detail: { reportId: report.id, by: "anonymous" },
      }),
    );
  }
  return receiptView(deps.db, report, state);
}

/**
 * The code holder writes to the school. One transaction: lock the case, let the core accept
 * the message, save, record the event and audit row (actor "anonymous"), notify the leads
 * and team that there is something new. Null for an unknown code.
 */
export async function postReporterMessage(
  deps: CaseDeps,
  input: z.infer<typeof reporterMessageInput>,
  lang: Lang,
) {
  const now = deps.clock();
  const report = await reportByCode(deps.db, deps, input.code);
  if (!report) return null;
  const { state, notified } = await deps.db.transaction().execute(async (tx) => {
    const stored = await lockCase(tx, report.case_id);
    if (!stored) throw new Error("report without a case");
    const rules = await loadOwnerRules(tx, stored.state.ownerId);
    const result = receiveReporterMessage(
      stored.state,
      { messageId: randomUUID(), reportId: report.id, text: input.text },
      { now, ...rules },
    );
    if (!result.ok) throw caseRefused(result.error, lang);
    await saveCase(tx, result.next, stored.version, now);
    await recordEvents(tx, result.next, result.events, { requestId: null, before: stored.state });
    const notified = await applyJobs(tx, deps, result.next, result.jobs, now);
    return { state: result.next, notified };
  });
  if (notified) deps.kick?.(OUTBOX_QUEUE);
  return receiptView(deps.db, report, state);
}
