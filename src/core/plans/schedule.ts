/**
 * A whole plan → its year wheel (årshjul): every dated occurrence of every activity in one
 * school year, with the part and the roles to assign, sorted by due date.
 */

import type { Result } from "../calendar/errors.ts";
import { compareIsoDate } from "../calendar/iso-date.ts";
import type { SchoolYearCalendar } from "../calendar/school-year.ts";
import type { PlanIssue } from "./errors.ts";
import { assignableRoles } from "./fan-out.ts";
import { occurrencesFor } from "./timing.ts";
import {
  type ActivityId,
  type Occurrence,
  PLAN_PART_IDS,
  type PlanContent,
  type RuleOccurrence,
} from "./types.ts";
import { activitiesOf, dependencyOrder, validatePlan } from "./validate.ts";

/**
 * Schedules every activity of `content` in the school year. Refuses the plan with every
 * issue at once: the static ones from validatePlan, then each rule this year cannot
 * satisfy (`plan.timing.monthAllHoliday`, `plan.timing.tooManyTimes`, …).
 *
 * Order: due date, then part, then the activity's place in the plan.
 */
export function schedulePlan(
  content: PlanContent,
  calendar: SchoolYearCalendar,
): Result<readonly Occurrence[], readonly PlanIssue[]> {
  const invalid = validatePlan(content);
  if (invalid.length > 0) return { ok: false, error: invalid };

  const located = activitiesOf(content);
  const order = dependencyOrder(located.map(({ activity }) => activity));
  // validatePlan has already refused cycles; this keeps the types honest.
  if (!order.ok) throw new Error("unreachable: validatePlan refuses cycles");

  const byId = new Map(located.map((entry, index) => [entry.activity.id, { ...entry, index }]));
  const anchors = new Map<ActivityId, readonly RuleOccurrence[]>();
  const failed = new Set<ActivityId>();
  const issues: PlanIssue[] = [];
  const occurrences: Occurrence[] = [];

  for (const activity of order.order) {
    const entry = byId.get(activity.id);
    if (entry === undefined) continue;
    // A rule relative to a failed activity would only repeat that failure.
    if (activity.timing.kind === "relative" && failed.has(activity.timing.activityId)) {
      failed.add(activity.id);
      continue;
    }
    const result = occurrencesFor(
      activity.id,
      activity.timing,
      calendar,
      anchors,
      `${entry.path}.timing`,
    );
    if (!result.ok) {
      failed.add(activity.id);
      issues.push(...result.error);
      continue;
    }
    anchors.set(activity.id, result.value);
    const roles = assignableRoles(activity.responsible);
    for (const occurrence of result.value) {
      occurrences.push({ ...occurrence, partId: entry.partId, roles });
    }
  }
  if (issues.length > 0) return { ok: false, error: issues };

  const place = (occurrence: Occurrence): [number, number] => [
    PLAN_PART_IDS.indexOf(occurrence.partId),
    byId.get(occurrence.activityId)?.index ?? 0,
  ];
  occurrences.sort((a, b) => {
    const byDate = compareIsoDate(a.dueOn, b.dueOn);
    if (byDate !== 0) return byDate;
    const [partA, indexA] = place(a);
    const [partB, indexB] = place(b);
    return partA - partB || indexA - indexB;
  });
  return { ok: true, value: occurrences };
}
