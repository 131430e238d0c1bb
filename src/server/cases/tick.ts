// The case clock, run by a job every minute (and on any instance: each step locks its case
// row, and the core refuses an escalation that is no longer due, so a double run is a
// no-op): unacknowledged alerts go on to the next level (principal and deputy → the owner's
// case officer; for leadership cases case officer → area director), and reminders of dated
// steps are sent to whoever owns the step, if the step is still pending; and the pupils'
// check-ins at their plans' evaluation dates are opened (check-in.ts, idempotent).
import { osloDateOf } from "../../core/calendar/iso-date.ts";
import { SYSTEM_ACTOR } from "../../core/cases/case-access.ts";
import { pendingSteps, type StepOwner } from "../../core/cases/deadlines.ts";
import type { NotificationTemplate, Recipient } from "../../core/cases/effects.ts";
import { appendAudit } from "../platform/audit.ts";
import { OUTBOX_QUEUE } from "../platform/outbox/enqueue.ts";
import { runCaseCommand } from "./apply.ts";
import { openDueCheckIns } from "./check-in.ts";
import { type CaseDeps, notifyRecipient, restrictedCase } from "./effects.ts";
import { appendCaseEvents, lockCase } from "./store.ts";

export const CASE_TICK_QUEUE = "cases.tick";

function recipientOf(owner: StepOwner, c: { schoolId: string; ownerId: string }): Recipient {
  if (owner.type === "person") return { type: "person", personId: owner.personId };
  if (owner.role === "principal" || owner.role === "deputy") {
    return { type: "schoolRole", role: owner.role, schoolId: c.schoolId };
  }
  return { type: "ownerRole", role: owner.role, ownerId: c.ownerId };
}

export async function runCaseTick(
  deps: CaseDeps,
): Promise<{ escalated: number; reminded: number; checkInsOpened: number }> {
  const now = deps.clock();
  let escalated = 0;
  const due = await deps.db
    .selectFrom("school_case")
    .select(["id", "alert_level"])
    .where("status", "=", "reported")
    .where("alert_next_at", "<=", now)
    .orderBy("alert_next_at")
    .limit(200)
    .execute();
  for (const c of due) {
    try {
      await runCaseCommand(
        deps,
        { actor: SYSTEM_ACTOR, caseId: c.id, requestId: null, lang: "nb" },
        { type: "escalateAlert", level: c.alert_level + 1 },
      );
      escalated++;
    } catch {
      // Acknowledged or escalated meanwhile (another instance): nothing to do.
    }
  }

  const today = osloDateOf(now);
  const reminders = await deps.db
    .selectFrom("case_reminder")
    .select(["case_id", "step", "ref", "phase", "template", "owner"])
    .where("sent_at", "is", null)
    .where("due_on", "<=", today)
    .limit(500)
    .execute();
  let reminded = 0;
  let notified = false;
  for (const r of reminders) {
    await deps.db.transaction().execute(async (tx) => {
      const stored = await lockCase(tx, r.case_id);
      const fresh = await tx
        .selectFrom("case_reminder")
        .select("sent_at")
        .where("case_id", "=", r.case_id)
        .where("step", "=", r.step)
        .where("ref", "=", r.ref)
        .where("phase", "=", r.phase)
        .executeTakeFirst();
      if (!stored || !fresh || fresh.sent_at !== null) return;
      const state = stored.state;
      const pending = pendingSteps(state, now).some(
        (s) => s.kind === r.step && (s.ref ?? "") === r.ref,
      );
      if (pending) {
        const count = await notifyRecipient(
          tx,
          deps,
          state,
          recipientOf(r.owner as unknown as StepOwner, state),
          r.template as NotificationTemplate,
          now,
        );
        if (count > 0) notified = true;
        const data = { step: r.step, phase: r.phase };
        await appendCaseEvents(tx, [
          {
            caseId: state.id,
            type: "case.reminderSent",
            at: now.toISOString(),
            actorId: "system",
            data,
          },
        ]);
        await appendAudit(tx, {
          at: now,
          actorId: null,
          action: "case.reminderSent",
          resourceType: "case",
          resourceId: state.id,
          schoolId: state.schoolId,
          ownerId: state.ownerId,
          restricted: restrictedCase(state),
          detail: { ...data, recipients: count },
        });
        reminded++;
      }
      // A step done meanwhile needs no reminder; either way this one is settled.
      await tx
        .updateTable("case_reminder")
        .set({ sent_at: now })
        .where("case_id", "=", r.case_id)
        .where("step", "=", r.step)
        .where("ref", "=", r.ref)
        .where("phase", "=", r.phase)
        .execute();
    });
  }
  if (notified) deps.kick?.(OUTBOX_QUEUE);
  const checkInsOpened = await openDueCheckIns(deps);
  return { escalated, reminded, checkInsOpened };
}
