// The school-year form as the API takes it (a list of breaks: holidays and planning days, each
// a date range), checked by the calendar core (src/core/calendar/school-year.ts), whose issues
// are mapped back onto the form's fields.
import { z } from "zod";
import { eachDay, type IsoDate, isIsoDate } from "../../core/calendar/iso-date.ts";
import {
  createSchoolYearCalendar,
  type SchoolHoliday,
  type SchoolYearIssue,
} from "../../core/calendar/school-year.ts";
import type { WorkingDayCalendar } from "../../core/calendar/working-days.ts";
import type { Problem } from "./input.ts";

const isoDate = z
  .string()
  .min(1, { abort: true })
  .refine((v) => isIsoDate(v), { error: "field.invalidDate" })
  .transform((v) => v as IsoDate);
const label = z.string().trim().min(1).max(100);

export const breakInput = z.object({
  kind: z.enum(["holiday", "planningDay"]),
  label,
  startsOn: isoDate,
  endsOn: isoDate,
});

export const schoolYearInput = z.object({
  label: z.string().trim().min(1).max(40),
  startsOn: isoDate,
  endsOn: isoDate,
  // A real year has about ten; the cap keeps a hostile request from costing much.
  breaks: z.array(breakInput).max(100).default([]),
});

export type SchoolYearInput = z.infer<typeof schoolYearInput>;
export type BreakInput = z.infer<typeof breakInput>;

/** Where a core issue points, as a path into the form. */
function issueIndex(path: string): number | null {
  const match = /\[(\d+)\]/.exec(path);
  return match ? Number(match[1]) : null;
}

/**
 * All problems with a school year, as form fields (`breaks.2.endsOn`) with codes from
 * src/i18n/errors.ts. Planning-day ranges stand for their working days; a range without any
 * working day is itself a problem.
 */
export function schoolYearProblems(
  input: SchoolYearInput,
  workingDays: WorkingDayCalendar,
): Problem[] {
  const problems: Problem[] = [];
  const holidays: SchoolHoliday[] = [];
  /** Index in `holidays` -> index in `input.breaks`. */
  const holidayBreak: number[] = [];
  const planningDays: IsoDate[] = [];
  /** Index in `planningDays` -> index in `input.breaks`. */
  const planningBreak: number[] = [];
  // With the year's end before its start, the core reports only that; nothing else is
  // meaningful until it is fixed.
  const yearIsOrdered = input.startsOn < input.endsOn;

  input.breaks.forEach((b, i) => {
    if (b.endsOn < b.startsOn) {
      problems.push({ path: `breaks.${i}.endsOn`, code: "calendar.breakEndsBeforeStart" });
      return;
    }
    if (b.kind === "holiday") {
      holidays.push({ kind: "other", label: b.label, from: b.startsOn, to: b.endsOn });
      holidayBreak.push(i);
      return;
    }
    if (!yearIsOrdered) return;
    if (b.startsOn < input.startsOn || b.endsOn > input.endsOn) {
      const field =
        b.startsOn < input.startsOn || b.startsOn > input.endsOn ? "startsOn" : "endsOn";
      problems.push({ path: `breaks.${i}.${field}`, code: "calendar.breakOutsideYear" });
      return;
    }
    // Inside an ordered year the range is at most a year long: cheap to expand.
    const days = [...eachDay(b.startsOn, b.endsOn)];
    const working = days.filter((d) => workingDays.isWorkingDay(d));
    if (working.length === 0) {
      problems.push({ path: `breaks.${i}.startsOn`, code: "calendar.planningDayNotWorkingDay" });
      return;
    }
    for (const day of working) {
      planningDays.push(day);
      planningBreak.push(i);
    }
  });

  const result = createSchoolYearCalendar(
    {
      startsOn: input.startsOn,
      endsOn: input.endsOn,
      schoolHolidays: holidays,
      planningDays,
    },
    workingDays,
  );
  if (!result.ok) {
    for (const issue of result.error)
      problems.push(...mapIssue(issue, input, holidayBreak, planningBreak, planningDays));
  }
  return problems;
}

function mapIssue(
  issue: SchoolYearIssue,
  input: SchoolYearInput,
  holidayBreak: readonly number[],
  planningBreak: readonly number[],
  planningDays: readonly IsoDate[],
): Problem[] {
  const index = issueIndex(issue.path);
  const holiday = index === null ? undefined : holidayBreak[index];
  const planning = index === null ? undefined : planningBreak[index];
  const outside = (date: IsoDate | undefined) =>
    date !== undefined && (date < input.startsOn || date > input.endsOn);
  switch (issue.code) {
    case "calendar.invalidDate":
      // The zod schema checked every date already; keep the field anyway for safety.
      return [{ path: "startsOn", code: "field.invalidDate" }];
    case "calendar.endBeforeStart":
      return [{ path: "endsOn", code: "calendar.endBeforeStart" }];
    case "calendar.yearTooLong":
      return [{ path: "endsOn", code: "calendar.yearTooLong" }];
    case "calendar.holidayEndsBeforeStart":
      return holiday === undefined
        ? []
        : [{ path: `breaks.${holiday}.endsOn`, code: "calendar.breakEndsBeforeStart" }];
    case "calendar.holidayOutsideYear": {
      if (holiday === undefined) return [];
      const b = input.breaks[holiday];
      const field = outside(b?.startsOn) ? "startsOn" : "endsOn";
      return [{ path: `breaks.${holiday}.${field}`, code: "calendar.breakOutsideYear" }];
    }
    case "calendar.holidaysOverlap":
      return holiday === undefined
        ? []
        : [{ path: `breaks.${holiday}.startsOn`, code: "calendar.breaksOverlap" }];
    case "calendar.planningDayOutsideYear": {
      if (planning === undefined) return [];
      const day = index === null ? undefined : planningDays[index];
      const b = input.breaks[planning];
      const field =
        day !== undefined && b !== undefined && day === b.startsOn ? "startsOn" : "endsOn";
      return [{ path: `breaks.${planning}.${field}`, code: "calendar.breakOutsideYear" }];
    }
    case "calendar.planningDayDuplicate":
    case "calendar.planningDayInHoliday":
      return planning === undefined
        ? []
        : [{ path: `breaks.${planning}.startsOn`, code: "calendar.breaksOverlap" }];
    case "calendar.planningDayNotWorkingDay":
      return planning === undefined
        ? []
        : [{ path: `breaks.${planning}.startsOn`, code: "calendar.planningDayNotWorkingDay" }];
    case "calendar.noTeachingDays":
      return [{ path: "breaks", code: "calendar.noTeachingDays" }];
  }
}
