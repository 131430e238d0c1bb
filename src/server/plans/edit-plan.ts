// Editing a draft: replace the whole content, or add, replace or remove one activity. Every
// edit is checked whole before anything is written: the content's shape and rules
// (parsePlanContent) and its schedule in the version's school year (schedulePlan), so a
// timing rule the year cannot satisfy is refused with its own code and nothing changes.
import { z } from "zod";
import { schedulePlan } from "../../core/plans/schedule.ts";
import { parsePlanContent } from "../../core/plans/template.ts";
import { PLAN_PART_IDS, type PlanContent, type PlanPartId } from "../../core/plans/types.ts";
import { appendAudit } from "../platform/audit.ts";
import type { Db } from "../platform/db/database.ts";
import { notFound } from "../platform/errors.ts";
import type { PlanCommand } from "./context.ts";
import { type PlanView, presentPlan } from "./present.ts";
import { calendarError, planError, planIssuesError } from "./problems.ts";
import { loadCalendar, lockPlan } from "./store.ts";

// Bodies are checked by the core's own schemas (parsePlanContent), which report each problem
// with its path; here only "is there something" is asked.
export const contentInput = z.object({ content: z.unknown() });
export const activityInput = z.object({ activity: z.record(z.string(), z.unknown()) });
export const newActivityInput = z.object({
  partId: z.enum(PLAN_PART_IDS),
  activity: z.record(z.string(), z.unknown()),
});

export type PlanEdit =
  | { kind: "replaceContent"; content: unknown }
  | { kind: "saveActivity"; activityId: string; activity: Record<string, unknown> }
  | { kind: "addActivity"; partId: PlanPartId; activity: Record<string, unknown> }
  | { kind: "removeActivity"; activityId: string };

type RawContent = { parts: { id: string; activities: Record<string, unknown>[] }[] };

/** The candidate content as plain JSON, or null when the activity to change is not there. */
function candidateOf(current: PlanContent, edit: PlanEdit): unknown | null {
  if (edit.kind === "replaceContent") return edit.content;
  const copy = structuredClone(current) as unknown as RawContent;
  if (edit.kind === "addActivity") {
    const part = copy.parts.find((p) => p.id === edit.partId);
    if (!part) return null;
    part.activities.push(edit.activity);
    return copy;
  }
  for (const part of copy.parts) {
    const index = part.activities.findIndex((a) => a.id === edit.activityId);
    if (index < 0) continue;
    if (edit.kind === "removeActivity") part.activities.splice(index, 1);
    // The id stays: occurrence keys and evaluation decisions refer to it.
    else part.activities[index] = { ...edit.activity, id: edit.activityId };
    return copy;
  }
  return null;
}

export async function editPlan(
  db: Db,
  cmd: PlanCommand & { planId: string; edit: PlanEdit },
): Promise<PlanView> {
  const { schoolId, planId, edit, lang } = cmd;
  return db.transaction().execute(async (tx) => {
    const row = await lockPlan(tx, schoolId, planId);
    if (!row) throw notFound();
    if (row.status !== "draft") throw planError(409, lang, "plan.version.notDraft");

    const candidate = candidateOf(row.content as PlanContent, edit);
    if (candidate === null) throw planError(404, lang, "plan.activityUnknown");
    const parsed = parsePlanContent(candidate);
    if (!parsed.ok) throw planIssuesError(lang, parsed.error);
    const loaded = await loadCalendar(tx, schoolId, row.school_year_id);
    if (!loaded) throw notFound();
    if (!loaded.calendar.ok) throw calendarError(lang, loaded.calendar.error);
    const scheduled = schedulePlan(parsed.value, loaded.calendar.value);
    if (!scheduled.ok) throw planIssuesError(lang, scheduled.error);
    const updated = await tx
      .updateTable("action_plan")
      .set({
        content: JSON.stringify(parsed.value),
        updated_at: cmd.now,
        updated_by: cmd.actorId,
      })
      .where("id", "=", planId)
      .returningAll()
      .executeTakeFirstOrThrow();
    await appendAudit(tx, {
      at: cmd.now,
      actorId: cmd.actorId,
      action: `plan.${edit.kind}`,
      resourceType: "actionPlan",
      resourceId: planId,
      schoolId,
      ownerId: cmd.ownerId,
      requestId: cmd.requestId,
      detail: {
        version: row.version,
        ...("activityId" in edit ? { activityId: edit.activityId } : {}),
        ...(edit.kind === "addActivity" ? { partId: edit.partId } : {}),
        occurrences: scheduled.value.length,
      },
    });
    return presentPlan(tx, updated);
  });
}
