// A draft nobody wants can be thrown away. Published and archived versions are the record
// and stay.
import { appendAudit } from "../platform/audit.ts";
import type { Db } from "../platform/db/database.ts";
import { notFound } from "../platform/errors.ts";
import type { PlanCommand } from "./context.ts";
import { planError } from "./problems.ts";
import { lockPlan } from "./store.ts";

export async function discardDraft(db: Db, cmd: PlanCommand & { planId: string }): Promise<void> {
  const { schoolId, planId, lang } = cmd;
  await db.transaction().execute(async (tx) => {
    const row = await lockPlan(tx, schoolId, planId);
    if (!row) throw notFound();
    if (row.status !== "draft") throw planError(409, lang, "plan.version.notDraft");
    await tx.deleteFrom("action_plan").where("id", "=", planId).execute();
    await appendAudit(tx, {
      at: cmd.now,
      actorId: cmd.actorId,
      action: "plan.discardDraft",
      resourceType: "actionPlan",
      resourceId: planId,
      schoolId,
      ownerId: cmd.ownerId,
      requestId: cmd.requestId,
      detail: { version: row.version },
    });
  });
}
