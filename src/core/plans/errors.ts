/**
 * Stable issue codes of the action-plan module. Each code is a translation key (nb/nn/en
 * messages belong in src/i18n) and what API error mappers and tests match on. `path` names
 * the offending field so a form can mark it; `params` carry ids, numbers and dates only.
 */

import type { ActivityId } from "./types.ts";

export const PLAN_ISSUE_CODES = [
  // template and content shape
  "plan.template.invalid",
  "plan.part.missing",
  "plan.part.order",
  "plan.activity.invalidId",
  "plan.activity.duplicateId",
  "plan.activity.descriptionMissing",
  "plan.activity.noResponsible",
  "plan.activity.deadlineTextMissing",
  "plan.activity.caseRoutineOutsidePart3",
  "plan.link.invalidUrl",
  // timing rules that are malformed on their own
  "plan.timing.invalidDaysBefore",
  "plan.timing.invalidWeeks",
  "plan.timing.invalidMonth",
  "plan.timing.invalidMonthDay",
  "plan.timing.invalidWeekday",
  "plan.timing.invalidN",
  "plan.timing.invalidRange",
  "plan.timing.nOutOfRange",
  "plan.timing.invalidFirstWeek",
  "plan.timing.invalidK",
  "plan.timing.kOutOfRange",
  "plan.timing.invalidCheckInInterval",
  "plan.timing.invalidOffset",
  "plan.timing.noCaseKinds",
  "plan.timing.unknownActivity",
  "plan.timing.cycle",
  "plan.timing.relativeToUndated",
  // timing rules that a given school year cannot satisfy
  "plan.timing.noDayBeforeSchoolStarts",
  "plan.timing.notEnoughTeachingWeeks",
  "plan.timing.monthOutsideYear",
  "plan.timing.monthAllHoliday",
  "plan.timing.dateOutsideYear",
  "plan.timing.noSchoolDayByDate",
  "plan.timing.endBeforeStart",
  "plan.timing.periodAllHoliday",
  "plan.timing.tooManyTimes",
  "plan.timing.noOccurrences",
  // versions and the yearly evaluation
  "plan.version.notDraft",
  "plan.version.notPublished",
  "plan.version.schoolYearNotAfter",
  "plan.evaluation.invalidDate",
  "plan.evaluation.missingParticipantGroup",
  "plan.evaluation.noDecisions",
  "plan.evaluation.textMissing",
  "plan.evaluation.unknownActivity",
] as const;
export type PlanIssueCode = (typeof PLAN_ISSUE_CODES)[number];

export type PlanIssueParams = Readonly<Record<string, string | number>>;

export interface PlanIssue {
  readonly code: PlanIssueCode;
  /** The activity concerned, when there is one. */
  readonly activityId?: ActivityId;
  /** Dotted path of the offending field, e.g. `parts[1].activities[4].timing.n`. */
  readonly path: string;
  readonly params: PlanIssueParams;
}

export function planIssue(
  code: PlanIssueCode,
  path: string,
  params: PlanIssueParams = {},
  activityId?: ActivityId,
): PlanIssue {
  return activityId === undefined ? { code, path, params } : { code, path, params, activityId };
}
