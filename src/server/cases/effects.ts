// Performs what a transition asked for, inside the caller's transaction: the timeline rows,
// the audit rows, the notifications (outbox) and the reminders. Nothing here carries case
// content: events and audit details hold ids, codes and dates; notifications a template key
// and a link.
import { LEADERSHIP_ROLES } from "../../core/access/roles.ts";
import type { CaseEvent, CaseJob, Recipient } from "../../core/cases/effects.ts";
import { isLeadershipKind } from "../../core/cases/escalation.ts";
import type { CaseState } from "../../core/cases/types.ts";
import type { NotificationTemplate } from "../notifications/templates.ts";
import { appendAudit } from "../platform/audit.ts";
import type { Clock } from "../platform/clock.ts";
import type { Config } from "../platform/config.ts";
import type { Db, Tx } from "../platform/db/database.ts";
import { enqueueNotification } from "../platform/outbox/enqueue.ts";
import { appendCaseEvents, replaceReminders } from "./store.ts";

export interface CaseDeps {
  db: Db;
  clock: Clock;
  config: Config;
  /** Wakes a job queue after commit (the outbox sender). */
  kick?: ((queue: string) => void) | undefined;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isPersonId(id: string): boolean {
  return UUID.test(id);
}

/**
 * Audit rows about a leadership case are restricted: the school's audit view (which its
 * principal reads) never shows them.
 */
export function restrictedCase(...states: (Pick<CaseState, "kind"> | null | undefined)[]) {
  return states.some((s) => s && isLeadershipKind(s.kind));
}

export async function recordEvents(
  tx: Tx,
  state: CaseState,
  events: readonly CaseEvent[],
  opts: { requestId: string | null; before?: CaseState | null },
): Promise<void> {
  await appendCaseEvents(
    tx,
    events.map((e) => ({ ...e, data: { ...e.data } })),
  );
  const restricted = restrictedCase(state, opts.before);
  await appendAudit(
    tx,
    ...events.map((e) => ({
      at: new Date(e.at),
      actorId: isPersonId(e.actorId) ? e.actorId : null,
      action: e.type,
      resourceType: "case",
      resourceId: e.caseId,
      schoolId: state.schoolId,
      ownerId: state.ownerId,
      restricted,
      requestId: opts.requestId,
      detail: { ...e.data, ...(isPersonId(e.actorId) ? {} : { by: e.actorId }) },
    })),
  );
}

/** The people a core recipient stands for at this case's school or owner. */
export async function resolveRecipient(tx: Tx, recipient: Recipient): Promise<string[]> {
  switch (recipient.type) {
    case "person":
      return isPersonId(recipient.personId) ? [recipient.personId] : [];
    case "reporter": {
      const row = await tx
        .selectFrom("case_report")
        .select("reporter_id")
        .where("id", "=", recipient.reportId)
        .executeTakeFirst();
      return row?.reporter_id ? [row.reporter_id] : [];
    }
    case "schoolRole": {
      const rows = await tx
        .selectFrom("role_assignment")
        .select("person_id")
        .where("school_id", "=", recipient.schoolId)
        .where("role", "=", recipient.role)
        .execute();
      return rows.map((r) => r.person_id);
    }
    case "ownerRole": {
      const rows = await tx
        .selectFrom("role_assignment")
        .select(["person_id", "role"])
        .where("owner_id", "=", recipient.ownerId)
        .where("role", "in", ["ownerCaseOfficer", "areaDirector"])
        .execute();
      const exact = rows.filter((r) => r.role === recipient.role);
      // An owner without a case officer still hears of the case: its area director does.
      return (exact.length > 0 ? exact : rows).map((r) => r.person_id);
    }
  }
}

/** People in the school's leadership: never told anything about a leadership case. */
async function schoolLeadership(tx: Tx, schoolId: string): Promise<Set<string>> {
  const rows = await tx
    .selectFrom("role_assignment")
    .select("person_id")
    .where("school_id", "=", schoolId)
    .where("role", "in", [...LEADERSHIP_ROLES])
    .execute();
  return new Set(rows.map((r) => r.person_id));
}

export function caseLink(caseId: string): string {
  return `/cases/${caseId}`;
}

export const MY_REPORTS_LINK = "/cases/mine";

/** Sends a notification template to everyone a recipient stands for. Returns how many. */
export async function notifyRecipient(
  tx: Tx,
  deps: CaseDeps,
  state: CaseState,
  recipient: Recipient,
  template: NotificationTemplate,
  now: Date,
  /** People already sent this template by the same transition (one alert to two roles). */
  alreadySent: Set<string> = new Set(),
): Promise<number> {
  let people = await resolveRecipient(tx, recipient);
  if (isLeadershipKind(state.kind)) {
    const leaders = await schoolLeadership(tx, state.schoolId);
    people = people.filter((p) => !leaders.has(p));
  }
  people = people.filter((p) => !alreadySent.has(`${template}\u0000${p}`));
  for (const p of people) alreadySent.add(`${template}\u0000${p}`);
  const link = recipient.type === "reporter" ? MY_REPORTS_LINK : caseLink(state.id);
  for (const personId of new Set(people)) {
    await enqueueNotification(
      tx,
      { recipientId: personId, template, link },
      { teamsWebhookUrl: deps.config.teamsWebhookUrl, now },
    );
  }
  return people.length;
}

/** Performs the jobs a transition returned. Returns true when notifications were queued. */
export async function applyJobs(
  tx: Tx,
  deps: CaseDeps,
  state: CaseState,
  jobs: readonly CaseJob[],
  now: Date,
): Promise<boolean> {
  let notified = false;
  const sent = new Set<string>();
  for (const job of jobs) {
    switch (job.type) {
      case "notify":
        if ((await notifyRecipient(tx, deps, state, job.recipient, job.template, now, sent)) > 0) {
          notified = true;
        }
        break;
      case "replaceReminders":
        await replaceReminders(tx, job.caseId, job.reminders);
        break;
      // The escalation instant and keep-apart pairs are columns and rows derived from the
      // state on every save (store.ts), and the case tick job reads them: nothing to do here.
      case "scheduleAlertEscalation":
      case "cancelAlertEscalation":
      case "keepApartChanged":
        break;
    }
  }
  return notified;
}
