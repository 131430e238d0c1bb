// The principal creates the school's plan for a school year from a template: version n+1,
// a draft copy of the template's content. The template must fit the year's calendar (a
// "before school starts" activity needs a planning day before the first teaching day).
import { z } from "zod";
import { schedulePlan } from "../../core/plans/schedule.ts";
import { createFromTemplate } from "../../core/plans/versions.ts";
import { errorMessage } from "../../i18n/errors.ts";
import { appendAudit } from "../platform/audit.ts";
import type { Db } from "../platform/db/database.ts";
import { AppError } from "../platform/errors.ts";
import type { PlanCommand } from "./context.ts";
import { type PlanView, presentPlan } from "./present.ts";
import { calendarError, planError, planIssuesError } from "./problems.ts";
import { latestVersionNumber, loadCalendar } from "./store.ts";
import { findTemplate } from "./templates.ts";

export const createPlanInput = z.object({
  templateId: z.string().min(1).max(100),
  schoolYearId: z.uuid(),
});

export async function createPlan(
  db: Db,
  cmd: PlanCommand & { input: z.infer<typeof createPlanInput> },
): Promise<PlanView> {
  const { schoolId, input, lang } = cmd;
  const template = findTemplate(input.templateId);
  if (!template) throw planError(400, lang, "plan.templateUnknown", "templateId");

  return db.transaction().execute(async (tx) => {
    const loaded = await loadCalendar(tx, schoolId, input.schoolYearId);
    if (!loaded) {
      throw new AppError(400, "validation.failed", {
        fields: [
          {
            path: "schoolYearId",
            code: "field.invalid",
            message: errorMessage(lang, "field.invalid"),
          },
        ],
      });
    }
    if (!loaded.calendar.ok) throw calendarError(lang, loaded.calendar.error);
    const scheduled = schedulePlan(template.content, loaded.calendar.value);
    if (!scheduled.ok) throw planIssuesError(lang, scheduled.error);

    const existing = await tx
      .selectFrom("action_plan")
      .select(["status"])
      .where("school_year_id", "=", input.schoolYearId)
      .forUpdate()
      .execute();
    if (existing.some((p) => p.status === "draft")) {
      throw planError(409, lang, "plan.draftExists", "schoolYearId");
    }
    if (existing.length > 0) throw planError(409, lang, "plan.yearHasPlan", "schoolYearId");

    const version = {
      ...createFromTemplate(template, loaded.year.startYear),
      version: (await latestVersionNumber(tx, schoolId)) + 1,
    };
    const row = await tx
      .insertInto("action_plan")
      .values({
        school_id: schoolId,
        school_year_id: input.schoolYearId,
        school_year: version.schoolYear,
        version: version.version,
        status: version.status,
        content: JSON.stringify(version.content),
        template_id: version.templateId,
        based_on_version: version.basedOnVersion,
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
      action: "plan.create",
      resourceType: "actionPlan",
      resourceId: row.id,
      schoolId,
      ownerId: cmd.ownerId,
      requestId: cmd.requestId,
      detail: { version: row.version, templateId: template.id, schoolYearId: input.schoolYearId },
    });
    return presentPlan(tx, row);
  });
}
