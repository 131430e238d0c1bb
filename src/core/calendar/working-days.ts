/**
 * Working days (virkedager) for chapter 12 deadlines.
 *
 * A working day is Monday–Friday that is neither a Norwegian public holiday nor a day the
 * school owner has closed (`extraClosedDays`). School holidays (autumn, Christmas, winter,
 * Easter breaks) deliberately do NOT stop the clock: the duty to act runs while pupils are
 * on holiday, so those breaks are modelled in `school-year.ts`, not here.
 *
 * Counting rule (see docs/decisions/0102-working-day-calendar.md): the day the school learns
 * of something is day 0; counting starts the day after. "Within 5 working days" of a report
 * made on Friday 22 March 2024 (Easter week) is therefore Wednesday 3 April 2024.
 */

import { CalendarError } from "./errors.ts";
import {
  addDays,
  compareIsoDate,
  type IsoDate,
  isIsoDate,
  isoDateParts,
  isWeekend,
} from "./iso-date.ts";
import { publicHolidayDates } from "./norwegian-holidays.ts";

export interface WorkingDayCalendarOptions {
  /** Extra non-working days decided by the school owner (e.g. a county-wide closed day). */
  readonly extraClosedDays?: readonly IsoDate[];
}

export type NonWorkingReason = "weekend" | "publicHoliday" | "closedDay";

export interface WorkingDayCalendar {
  /** The owner's closed days, sorted and without duplicates. */
  readonly extraClosedDays: readonly IsoDate[];
  isWorkingDay(date: IsoDate): boolean;
  /** Why `date` is not a working day; empty when it is one. A holiday may also be a weekend. */
  nonWorkingReasons(date: IsoDate): readonly NonWorkingReason[];
  /** The first working day strictly after `date`. */
  nextWorkingDay(date: IsoDate): IsoDate;
  /** `date` itself when it is a working day, otherwise the next working day. */
  workingDayOnOrAfter(date: IsoDate): IsoDate;
  /**
   * The `n`-th working day after `start` (counting starts the day after `start`).
   * `n = 0` returns `workingDayOnOrAfter(start)`: a deadline of "zero working days" is
   * "today", and a deadline that lands on a non-working day moves forward.
   */
  addWorkingDays(start: IsoDate, n: number): IsoDate;
  /**
   * The number of working days in the half-open interval (from, to]: the inverse of
   * `addWorkingDays`, so `workingDaysBetween(s, addWorkingDays(s, n)) === n` for n ≥ 1.
   * Antisymmetric: negative when `to` is before `from`, 0 when they are equal.
   */
  workingDaysBetween(from: IsoDate, to: IsoDate): number;
}

export function createWorkingDayCalendar(
  options: WorkingDayCalendarOptions = {},
): WorkingDayCalendar {
  const closed = new Set<IsoDate>();
  for (const day of options.extraClosedDays ?? []) {
    // Closed days arrive from the database or the CLI; the brand is only a compile-time
    // promise, so check it once here rather than computing nonsense later.
    if (!isIsoDate(day)) {
      throw new CalendarError("calendar.invalidDate", `Not a valid closed day: "${day}"`, {
        value: String(day),
      });
    }
    closed.add(day);
  }
  const extraClosedDays = [...closed].sort(compareIsoDate);

  // Holidays are recomputed per year at most once per calendar instance; a deadline loop
  // asks about the same year many times.
  const holidaysByYear = new Map<number, ReadonlySet<IsoDate>>();
  const holidaysOfYear = (year: number): ReadonlySet<IsoDate> => {
    let dates = holidaysByYear.get(year);
    if (dates === undefined) {
      dates = publicHolidayDates(year);
      holidaysByYear.set(year, dates);
    }
    return dates;
  };

  const isPublicHoliday = (date: IsoDate): boolean =>
    holidaysOfYear(isoDateParts(date).year).has(date);

  const isWorkingDay = (date: IsoDate): boolean =>
    !isWeekend(date) && !closed.has(date) && !isPublicHoliday(date);

  const nonWorkingReasons = (date: IsoDate): readonly NonWorkingReason[] => {
    const reasons: NonWorkingReason[] = [];
    if (isWeekend(date)) reasons.push("weekend");
    if (isPublicHoliday(date)) reasons.push("publicHoliday");
    if (closed.has(date)) reasons.push("closedDay");
    return reasons;
  };

  const nextWorkingDay = (date: IsoDate): IsoDate => {
    // Terminates: the closed-day set is finite and no week is all holidays.
    let day = addDays(date, 1);
    while (!isWorkingDay(day)) day = addDays(day, 1);
    return day;
  };

  const workingDayOnOrAfter = (date: IsoDate): IsoDate =>
    isWorkingDay(date) ? date : nextWorkingDay(date);

  const addWorkingDays = (start: IsoDate, n: number): IsoDate => {
    if (!Number.isSafeInteger(n) || n < 0) {
      throw new CalendarError(
        "calendar.invalidWorkingDayCount",
        `Working days must be a whole number ≥ 0, not ${n}`,
        { value: String(n) },
      );
    }
    if (n === 0) return workingDayOnOrAfter(start);
    let day = start;
    for (let counted = 0; counted < n; counted++) day = nextWorkingDay(day);
    return day;
  };

  const workingDaysBetween = (from: IsoDate, to: IsoDate): number => {
    const order = compareIsoDate(from, to);
    if (order === 0) return 0;
    // `0 - x` rather than `-x`: an empty reversed interval must give 0, not -0.
    if (order > 0) return 0 - workingDaysBetween(to, from);
    let count = 0;
    for (let day = addDays(from, 1); day <= to; day = addDays(day, 1)) {
      if (isWorkingDay(day)) count++;
    }
    return count;
  };

  return {
    extraClosedDays,
    isWorkingDay,
    nonWorkingReasons,
    nextWorkingDay,
    workingDayOnOrAfter,
    addWorkingDays,
    workingDaysBetween,
  };
}
