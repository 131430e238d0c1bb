/**
 * The school-year calendar (skolerute): when the year starts and ends, the school holidays,
 * and the staff planning days. The action plan (handlingsplan) dates its activities
 * against it: "before school starts", "first school week", "every third week", and so on.
 *
 * Vocabulary used throughout:
 * - The school year runs from `startsOn` to `endsOn`, both inclusive. It includes the
 *   staff planning days before the pupils arrive, so `startsOn` is the first day staff are
 *   at work and is usually a planning day, not a teaching day.
 * - A teaching day (elevdag) is a day inside the school year that is a working day
 *   (Mon–Fri, not a public holiday, not an owner closed day), not inside a school holiday
 *   and not a planning day.
 * - A school week is an ISO week (Monday–Sunday) that overlaps the school year.
 * - The first teaching week is the ISO week that contains the first teaching day. If
 *   pupils start on a Thursday, it holds only Thursday and Friday; rules that need a full
 *   week can use the weeks' `teachingWeekNumber` instead.
 *
 * School holidays affect teaching days only. They never stop the working-day clock of a
 * chapter 12 case (see working-days.ts).
 */

import { CalendarError, type Result } from "./errors.ts";
import {
  addDays,
  compareIsoDate,
  daysBetween,
  eachDay,
  endOfIsoWeek,
  type IsoDate,
  isIsoDate,
  isoDateOf,
  isoWeekOf,
  isWeekend,
  maxIsoDate,
  minIsoDate,
  mondayOfIsoWeek,
  startOfIsoWeek,
  weekday,
} from "./iso-date.ts";
import { easterSunday } from "./norwegian-holidays.ts";
import { createWorkingDayCalendar, type WorkingDayCalendar } from "./working-days.ts";

/** Stable kinds the UI translates; `label` carries the school's own wording if any. */
export type SchoolHolidayKind = "autumnBreak" | "christmas" | "winterBreak" | "easter" | "other";

export interface SchoolHoliday {
  readonly kind: SchoolHolidayKind;
  /** Free text from the school, e.g. "Høstferie" or "Inneklemt dag". */
  readonly label?: string;
  /** First day off, inclusive. */
  readonly from: IsoDate;
  /** Last day off, inclusive. */
  readonly to: IsoDate;
}

export interface SchoolYearDefinition {
  readonly startsOn: IsoDate;
  readonly endsOn: IsoDate;
  readonly schoolHolidays: readonly SchoolHoliday[];
  /** Staff-only days without teaching (planleggingsdager). */
  readonly planningDays: readonly IsoDate[];
}

export type SchoolYearIssueCode =
  | "calendar.invalidDate"
  | "calendar.endBeforeStart"
  | "calendar.yearTooLong"
  | "calendar.holidayEndsBeforeStart"
  | "calendar.holidayOutsideYear"
  | "calendar.holidaysOverlap"
  | "calendar.planningDayOutsideYear"
  | "calendar.planningDayDuplicate"
  | "calendar.planningDayNotWorkingDay"
  | "calendar.planningDayInHoliday"
  | "calendar.noTeachingDays";

export interface SchoolYearIssue {
  readonly code: SchoolYearIssueCode;
  /** The offending field, e.g. `schoolHolidays[2].to`, so a form can mark it. */
  readonly path: string;
  readonly params: Readonly<Record<string, string | number>>;
}

/** How a date is used; one value, by the priority order of the union below. */
export type SchoolDayStatus =
  | "outsideYear"
  | "publicHoliday"
  | "closedDay"
  | "weekend"
  | "schoolHoliday"
  | "planningDay"
  | "teachingDay";

export interface SchoolWeek {
  /** 1-based position among all weeks that overlap the school year. */
  readonly index: number;
  readonly isoWeekYear: number;
  readonly isoWeek: number;
  readonly monday: IsoDate;
  readonly sunday: IsoDate;
  readonly teachingDays: readonly IsoDate[];
  /**
   * 1-based position among weeks with at least one teaching day; `null` for weeks without
   * any (holiday weeks, the planning week). Rotations "every third week" count these.
   */
  readonly teachingWeekNumber: number | null;
}

export interface SchoolYearCalendar {
  /** The validated definition, with holidays sorted by start and planning days sorted. */
  readonly definition: SchoolYearDefinition;
  readonly firstTeachingDay: IsoDate;
  readonly lastTeachingDay: IsoDate;
  /** The ISO week (Mon–Sun) containing the first teaching day. */
  readonly firstTeachingWeek: SchoolWeek;
  /** Every ISO week overlapping [startsOn, endsOn], in order. */
  readonly weeks: readonly SchoolWeek[];
  contains(date: IsoDate): boolean;
  isTeachingDay(date: IsoDate): boolean;
  dayStatus(date: IsoDate): SchoolDayStatus;
  schoolHolidayOn(date: IsoDate): SchoolHoliday | undefined;
  /** Teaching days in [from, to], both inclusive; empty when the range misses the year. */
  teachingDaysBetween(from: IsoDate, to: IsoDate): readonly IsoDate[];
  /** The school week containing `date`, if the date's week overlaps the school year. */
  weekOf(date: IsoDate): SchoolWeek | undefined;
}

// A school year is at most one calendar year long (inclusive span of 366 days).
const MAX_SPAN_DAYS = 365;

function issue(
  code: SchoolYearIssueCode,
  path: string,
  params: Record<string, string | number> = {},
): SchoolYearIssue {
  return { code, path, params };
}

function validateDates(definition: SchoolYearDefinition): SchoolYearIssue[] {
  // The IsoDate brand is a compile-time promise only; definitions arrive as JSON from the
  // database or a form, so check the shape before doing arithmetic on it.
  const issues: SchoolYearIssue[] = [];
  const check = (value: unknown, path: string): void => {
    if (typeof value !== "string" || !isIsoDate(value)) {
      issues.push(issue("calendar.invalidDate", path, { value: String(value) }));
    }
  };
  check(definition.startsOn, "startsOn");
  check(definition.endsOn, "endsOn");
  definition.schoolHolidays.forEach((holiday, i) => {
    check(holiday.from, `schoolHolidays[${i}].from`);
    check(holiday.to, `schoolHolidays[${i}].to`);
  });
  definition.planningDays.forEach((day, i) => {
    check(day, `planningDays[${i}]`);
  });
  return issues;
}

function validateStructure(
  definition: SchoolYearDefinition,
  workingDays: WorkingDayCalendar,
): SchoolYearIssue[] {
  const { startsOn, endsOn, schoolHolidays, planningDays } = definition;
  const issues: SchoolYearIssue[] = [];

  if (compareIsoDate(endsOn, startsOn) <= 0) {
    issues.push(issue("calendar.endBeforeStart", "endsOn", { startsOn, endsOn }));
    // Range checks below would only repeat the same mistake in other words.
    return issues;
  }
  if (daysBetween(startsOn, endsOn) > MAX_SPAN_DAYS) {
    issues.push(issue("calendar.yearTooLong", "endsOn", { startsOn, endsOn }));
  }

  const insideYear = (date: IsoDate): boolean => date >= startsOn && date <= endsOn;

  schoolHolidays.forEach((holiday, i) => {
    if (holiday.to < holiday.from) {
      issues.push(
        issue("calendar.holidayEndsBeforeStart", `schoolHolidays[${i}].to`, {
          from: holiday.from,
          to: holiday.to,
        }),
      );
    } else if (!insideYear(holiday.from) || !insideYear(holiday.to)) {
      issues.push(
        issue("calendar.holidayOutsideYear", `schoolHolidays[${i}]`, {
          from: holiday.from,
          to: holiday.to,
        }),
      );
    }
  });

  // Pairwise: a school has a handful of holidays, and naming both parties of each
  // overlap is more useful to the editor than a sweep that reports only neighbours.
  schoolHolidays.forEach((a, i) => {
    schoolHolidays.forEach((b, j) => {
      if (j <= i || a.to < a.from || b.to < b.from) return;
      if (a.from <= b.to && b.from <= a.to) {
        issues.push(
          issue("calendar.holidaysOverlap", `schoolHolidays[${j}]`, {
            index: i,
            otherIndex: j,
            from: maxIsoDate(a.from, b.from),
            to: minIsoDate(a.to, b.to),
          }),
        );
      }
    });
  });

  const seen = new Set<IsoDate>();
  planningDays.forEach((day, i) => {
    const path = `planningDays[${i}]`;
    if (seen.has(day)) {
      issues.push(issue("calendar.planningDayDuplicate", path, { date: day }));
      return;
    }
    seen.add(day);
    if (!insideYear(day)) {
      issues.push(issue("calendar.planningDayOutsideYear", path, { date: day }));
    } else if (!workingDays.isWorkingDay(day)) {
      issues.push(issue("calendar.planningDayNotWorkingDay", path, { date: day }));
    } else {
      const holiday = schoolHolidays.findIndex((h) => day >= h.from && day <= h.to);
      if (holiday >= 0) {
        issues.push(issue("calendar.planningDayInHoliday", path, { date: day, index: holiday }));
      }
    }
  });

  return issues;
}

/**
 * Validates a school-year definition and builds the calendar model. All problems are
 * reported at once, each with a stable `code` and the `path` of the offending field.
 *
 * `workingDays` supplies the owner's closed days; they are not teaching days either.
 */
export function createSchoolYearCalendar(
  definition: SchoolYearDefinition,
  workingDays: WorkingDayCalendar = createWorkingDayCalendar(),
): Result<SchoolYearCalendar, readonly SchoolYearIssue[]> {
  const dateIssues = validateDates(definition);
  if (dateIssues.length > 0) return { ok: false, error: dateIssues };
  const issues = validateStructure(definition, workingDays);
  if (issues.length > 0) return { ok: false, error: issues };

  const normalized: SchoolYearDefinition = {
    startsOn: definition.startsOn,
    endsOn: definition.endsOn,
    schoolHolidays: [...definition.schoolHolidays].sort((a, b) => compareIsoDate(a.from, b.from)),
    planningDays: [...definition.planningDays].sort(compareIsoDate),
  };
  const { startsOn, endsOn, schoolHolidays } = normalized;
  const planningDays = new Set(normalized.planningDays);

  const contains = (date: IsoDate): boolean => date >= startsOn && date <= endsOn;
  const schoolHolidayOn = (date: IsoDate): SchoolHoliday | undefined =>
    schoolHolidays.find((holiday) => date >= holiday.from && date <= holiday.to);

  const dayStatus = (date: IsoDate): SchoolDayStatus => {
    if (!contains(date)) return "outsideYear";
    const reasons = workingDays.nonWorkingReasons(date);
    if (reasons.includes("publicHoliday")) return "publicHoliday";
    if (reasons.includes("closedDay")) return "closedDay";
    if (reasons.includes("weekend")) return "weekend";
    if (schoolHolidayOn(date) !== undefined) return "schoolHoliday";
    if (planningDays.has(date)) return "planningDay";
    return "teachingDay";
  };

  // A year has ~300 days; computing them once keeps every later query a set lookup.
  const teachingDays = [...eachDay(startsOn, endsOn)].filter(
    (date) => dayStatus(date) === "teachingDay",
  );
  const firstTeachingDay = teachingDays[0];
  const lastTeachingDay = teachingDays[teachingDays.length - 1];
  if (firstTeachingDay === undefined || lastTeachingDay === undefined) {
    return { ok: false, error: [issue("calendar.noTeachingDays", "schoolHolidays")] };
  }
  const teachingDaySet = new Set(teachingDays);
  const isTeachingDay = (date: IsoDate): boolean => teachingDaySet.has(date);

  const weeks: SchoolWeek[] = [];
  let teachingWeekCount = 0;
  for (let monday = startOfIsoWeek(startsOn); monday <= endsOn; monday = addDays(monday, 7)) {
    const sunday = endOfIsoWeek(monday);
    const daysInWeek = [...eachDay(monday, sunday)].filter(isTeachingDay);
    if (daysInWeek.length > 0) teachingWeekCount++;
    const { isoWeekYear, week } = isoWeekOf(monday);
    weeks.push({
      index: weeks.length + 1,
      isoWeekYear,
      isoWeek: week,
      monday,
      sunday,
      teachingDays: daysInWeek,
      teachingWeekNumber: daysInWeek.length > 0 ? teachingWeekCount : null,
    });
  }

  const firstWeekStart = startOfIsoWeek(startsOn);
  const weekOf = (date: IsoDate): SchoolWeek | undefined => {
    const offset = daysBetween(firstWeekStart, startOfIsoWeek(date));
    return offset < 0 ? undefined : weeks[offset / 7];
  };

  const firstTeachingWeek = weekOf(firstTeachingDay);
  if (firstTeachingWeek === undefined) {
    // Unreachable: the first teaching day lies inside the year, so its week was built.
    throw new Error("First teaching week missing from the school weeks");
  }

  return {
    ok: true,
    value: {
      definition: normalized,
      firstTeachingDay,
      lastTeachingDay,
      firstTeachingWeek,
      weeks,
      contains,
      isTeachingDay,
      dayStatus,
      schoolHolidayOn,
      teachingDaysBetween: (from, to) => teachingDays.filter((date) => date >= from && date <= to),
      weekOf,
    },
  };
}

function mondayToFriday(monday: IsoDate): { from: IsoDate; to: IsoDate } {
  return { from: monday, to: addDays(monday, 4) };
}

function lastWeekdayOnOrBefore(date: IsoDate): IsoDate {
  let day = date;
  while (isWeekend(day)) day = addDays(day, -1);
  return day;
}

/**
 * A proposal for a typical Norwegian (Akershus) upper-secondary school year starting in
 * August of `startYear`, for the school to edit; it is not any county's official
 * skolerute. Owner closed days are not included.
 *
 * - Planning days: Wednesday–Friday of ISO week 33; the year starts on the first of them.
 * - First teaching day: Monday of ISO week 34 (16–23 August).
 * - Autumn break: Monday–Friday of ISO week 40.
 * - Christmas: 21 December – 1 January, stretched to 2 January when that is a Friday so
 *   pupils do not come back for a single day.
 * - Winter break: Monday–Friday of ISO week 8.
 * - Easter: Monday of Holy Week through Easter Monday.
 * - Last day: the last weekday on or before 20 June (no public holiday can fall there:
 *   Whit Monday is at the latest 14 June).
 */
export function defaultSchoolYear(startYear: number): SchoolYearDefinition {
  if (!Number.isInteger(startYear) || startYear < 1583 || startYear > 9998) {
    throw new CalendarError(
      "calendar.invalidYear",
      `A default school year needs a start year in 1583–9998, not ${startYear}`,
      { year: startYear },
    );
  }
  const endYear = startYear + 1;
  const firstTeachingDay = mondayOfIsoWeek(startYear, 34);
  const planningDays = [-5, -4, -3].map((offset) => addDays(firstTeachingDay, offset));
  const [firstPlanningDay] = planningDays;
  if (firstPlanningDay === undefined) throw new Error("unreachable: three planning days");

  const newYearsDay = isoDateOf(endYear, 1, 1);
  const secondOfJanuary = addDays(newYearsDay, 1);
  const christmasEnd = weekday(secondOfJanuary) === 5 ? secondOfJanuary : newYearsDay;
  const easter = easterSunday(endYear);

  return {
    startsOn: firstPlanningDay,
    endsOn: lastWeekdayOnOrBefore(isoDateOf(endYear, 6, 20)),
    schoolHolidays: [
      { kind: "autumnBreak", ...mondayToFriday(mondayOfIsoWeek(startYear, 40)) },
      { kind: "christmas", from: isoDateOf(startYear, 12, 21), to: christmasEnd },
      { kind: "winterBreak", ...mondayToFriday(mondayOfIsoWeek(endYear, 8)) },
      { kind: "easter", from: addDays(easter, -6), to: addDays(easter, 1) },
    ],
    planningDays,
  };
}
