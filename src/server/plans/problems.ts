// Plan issues (src/core/plans/errors.ts) as one 400: every issue at once, each with its
// stable code, the path of the offending field, the activity it concerns, its numbers and
// dates (`params`) and the message in the caller's language.
import type { SchoolYearIssue } from "../../core/calendar/school-year.ts";
import type { PlanIssue } from "../../core/plans/errors.ts";
import { errorMessage } from "../../i18n/errors.ts";
import type { Lang } from "../../i18n/lang.ts";
import { AppError } from "../platform/errors.ts";

export function planIssuesError(lang: Lang, issues: readonly PlanIssue[]): AppError {
  return new AppError(400, "validation.failed", {
    fields: issues.map((issue) => ({
      path: issue.path,
      code: issue.code,
      message: errorMessage(lang, issue.code),
    })),
    issues: issues.map((issue) => ({
      code: issue.code,
      path: issue.path,
      ...(issue.activityId === undefined ? {} : { activityId: issue.activityId }),
      params: issue.params,
    })),
  });
}

/** The school year's own calendar is broken: the plan cannot be dated until it is fixed. */
export function calendarError(lang: Lang, issues: readonly SchoolYearIssue[]): AppError {
  return new AppError(409, "plan.calendarInvalid", {
    fields: [
      {
        path: "schoolYearId",
        code: "plan.calendarInvalid",
        message: errorMessage(lang, "plan.calendarInvalid"),
      },
    ],
    calendarIssues: issues.map((i) => ({ code: i.code, path: i.path })),
  });
}

export function planError(
  status: number,
  lang: Lang,
  code: Parameters<typeof errorMessage>[1],
  path?: string,
): AppError {
  return new AppError(
    status,
    code,
    path === undefined
      ? undefined
      : { fields: [{ path, code, message: errorMessage(lang, code) }] },
  );
}
