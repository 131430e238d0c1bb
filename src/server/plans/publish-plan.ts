// Publishing a draft puts it in force: the previously published version of the same school
// year is archived, and the year wheel is reconciled with the new schedule (done and noted
// occurrences stay as they are; open future ones follow the new plan) and fanned out to the
// current role holders.
import { schedulePlan } from "../../core/plans/schedule.ts";
import { archiveVersion, publishVersion } from "../../core/plans/versions.ts";
import { appendAudit } from "../platform/audit.ts";
import type { Db } from "../platform/db/database.ts";
import { notFound } from "../platform/errors.ts";
import { type PlanCommand, todayOf } from "./context.ts";
import { type PlanView, presentPlan } from "./present.ts";
import { calendarError, planError, planIssuesError } from "./problems.ts";
import { loadCalendar, lockPlan, versionOf } from "./store.ts";
import { type SyncCounts, syncYearWheel } from "./year-wheel.ts";

export async function publishPlan(
  db: Db,
  cmd: PlanCommand & { planId: string },
): Promise<{ plan: PlanView; yearWheel: SyncCounts }> {
  const { schoolId, planId, lang } = cmd;
  const today = todayOf(cmd.now);
  return db.transaction().execute(async (tx) => {
    const row = await lockPlan(tx, schoolId, planId);
    if (!row) throw notFound();
    const published = publishVersion(versionOf(row), today);
    if (!published.ok) {
      const notDraft = published.error.some((i) => i.code === "plan.version.notDraft");
      throw notDraft
        ? planError(409, lang, "plan.version.notDraft")
        : planIssuesError(lang, published.error);
    }
    const loaded = await loadCalendar(tx, schoolId, row.school_year_id);
    if (!loaded) throw notFound();
    if (!loaded.calendar.ok) throw calendarError(lang, loaded.calendar.error);
    const schedule = schedulePlan(published.value.content, loaded.calendar.value);
    if (!schedule.ok) throw planIssuesError(lang, schedule.error);

    const previous = await tx
      .selectFrom("action_plan")
      .selectAll()
      .where("school_year_id", "=", row.school_year_id)
      .where("status", "=", "published")
      .forUpdate()
      .executeTakeFirst();
    if (previous) {
      const archived = archiveVersion(versionOf(previous), today);
      if (!archived.ok) throw planIssuesError(lang, archived.error);
      await tx
        .updateTable("action_plan")
        .set({
          status: "archived",
          archived_on: today,
          updated_at: cmd.now,
          updated_by: cmd.actorId,
        })
        .where("id", "=", previous.id)
        .execute();
    }
    const updated = await tx
      .updateTable("action_plan")
      .set({
        status: "published",
        published_on: today,
        updated_at: cmd.now,
        updated_by: cmd.actorId,
      })
      .where("id", "=", planId)
      .returningAll()
      .executeTakeFirstOrThrow();

    const yearWheel = await syncYearWheel(tx, {
      schoolId,
      schoolYearId: row.school_year_id,
      planId,
      content: published.value.content,
      schedule: schedule.value,
      today,
    });
    await appendAudit(tx, {
      at: cmd.now,
      actorId: cmd.actorId,
      action: "plan.publish",
      resourceType: "actionPlan",
      resourceId: planId,
      schoolId,
      ownerId: cmd.ownerId,
      requestId: cmd.requestId,
      detail: {
        version: row.version,
        archivedVersion: previous?.version ?? null,
        ...yearWheel,
      },
    });
    return { plan: await presentPlan(tx, updated), yearWheel };
  });
}
