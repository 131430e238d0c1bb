// A mid-year revision: a new draft copied from the published version of the same school
// year. The published version stays in force (and public) until the draft is published.
import { startRevision } from "../../core/plans/versions.ts";
import { appendAudit } from "../platform/audit.ts";
import type { Db } from "../platform/db/database.ts";
import { notFound } from "../platform/errors.ts";
import type { PlanCommand } from "./context.ts";
import { type PlanView, presentPlan } from "./present.ts";
import { planError } from "./problems.ts";
import { latestVersionNumber, lockPlan, versionOf } from "./store.ts";

export async function revisePlan(db: Db, cmd: PlanCommand & { planId: string }): Promise<PlanView> {
  const { schoolId, planId, lang } = cmd;
  return db.transaction().execute(async (tx) => {
    const row = await lockPlan(tx, schoolId, planId);
    if (!row) throw notFound();
    const revision = startRevision(versionOf(row), await latestVersionNumber(tx, schoolId));
    if (!revision.ok) throw planError(409, lang, "plan.version.notPublished");
    const draft = await tx
      .selectFrom("action_plan")
      .select("id")
      .where("school_year_id", "=", row.school_year_id)
      .where("status", "=", "draft")
      .executeTakeFirst();
    if (draft) throw planError(409, lang, "plan.draftExists");
    const next = revision.value;
    const inserted = await tx
      .insertInto("action_plan")
      .values({
        school_id: schoolId,
        school_year_id: row.school_year_id,
        school_year: next.schoolYear,
        version: next.version,
        status: "draft",
        content: JSON.stringify(next.content),
        template_id: next.templateId,
        based_on_version: next.basedOnVersion,
        created_at: cmd.now,
        created_by: cmd.actorId,
        updated_at: cmd.now,
        updated_by: cmd.actorId,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await appendAudit(tx, {
      at: cmd.now,
      actorId: cmd.actorId,
      action: "plan.startRevision",
      resourceType: "actionPlan",
      resourceId: inserted.id,
      schoolId,
      ownerId: cmd.ownerId,
      requestId: cmd.requestId,
      detail: { version: inserted.version, basedOnVersion: row.version },
    });
    return presentPlan(tx, inserted);
  });
}
