/**
 * Calendar dates as ISO strings `YYYY-MM-DD`.
 *
 * A deadline is a calendar date, not an instant: "5 working days after the school learned of
 * it" must give the same day whether the code runs in UTC (CI, servers) or Europe/Oslo
 * (production, laptops). So dates are plain strings branded as `IsoDate`, and all arithmetic
 * is integer arithmetic on an epoch-day count (days since 1970-01-01 in the proleptic
 * Gregorian calendar). No `Date` object, and therefore no machine time zone, is involved
 * except in `osloDateOf`, which converts an instant explicitly in Europe/Oslo.
 *
 * Years are limited to 0001–9999 so the string form is always exactly ten characters, which
 * also makes plain string comparison agree with chronological order.
 */

import { CalendarError } from "./errors.ts";

declare const isoDateBrand: unique symbol;

/** A valid calendar date formatted `YYYY-MM-DD`. Create with `parseIsoDate` or `isoDateOf`. */
export type IsoDate = string & { readonly [isoDateBrand]: true };

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export type IsoWeekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

export interface IsoDateParts {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

export interface IsoWeek {
  /** The ISO week-numbering year; differs from the calendar year around New Year. */
  readonly isoWeekYear: number;
  /** 1–53. */
  readonly week: number;
}

const MIN_YEAR = 1;
const MAX_YEAR = 9999;
const ISO_DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

function isValidParts(year: number, month: number, day: number): boolean {
  return (
    Number.isInteger(year) &&
    Number.isInteger(month) &&
    Number.isInteger(day) &&
    year >= MIN_YEAR &&
    year <= MAX_YEAR &&
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= daysInMonth(year, month)
  );
}

function format(year: number, month: number, day: number): IsoDate {
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}` as IsoDate;
}

/** True when `value` is a real calendar date in `YYYY-MM-DD` form (so 2025-02-29 is not). */
export function isIsoDate(value: string): value is IsoDate {
  const match = ISO_DATE_PATTERN.exec(value);
  if (match === null) return false;
  return isValidParts(Number(match[1]), Number(match[2]), Number(match[3]));
}

/** Parses user or database input; throws `calendar.invalidDate` on anything but a real date. */
export function parseIsoDate(value: string): IsoDate {
  if (!isIsoDate(value)) {
    throw new CalendarError("calendar.invalidDate", `Not a valid date (YYYY-MM-DD): "${value}"`, {
      value,
    });
  }
  return value;
}

/** Like `parseIsoDate`, but returns `undefined` instead of throwing. */
export function tryParseIsoDate(value: string): IsoDate | undefined {
  return isIsoDate(value) ? value : undefined;
}

/** Builds a date from numeric parts (month and day are 1-based). */
export function isoDateOf(year: number, month: number, day: number): IsoDate {
  if (!isValidParts(year, month, day)) {
    throw new CalendarError("calendar.invalidDate", `Not a valid date: ${year}-${month}-${day}`, {
      value: `${year}-${month}-${day}`,
    });
  }
  return format(year, month, day);
}

export function isoDateParts(date: IsoDate): IsoDateParts {
  // The brand guarantees the shape, so slicing is safe and cheaper than a regex.
  return {
    year: Number(date.slice(0, 4)),
    month: Number(date.slice(5, 7)),
    day: Number(date.slice(8, 10)),
  };
}

/**
 * Days since 1970-01-01. Howard Hinnant's `days_from_civil`: exact integer arithmetic, valid
 * for the whole proleptic Gregorian calendar, no `Date` needed.
 */
export function toEpochDay(date: IsoDate): number {
  const { year, month, day } = isoDateParts(date);
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra =
    yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

/** Inverse of `toEpochDay` (Hinnant's `civil_from_days`). */
export function fromEpochDay(epochDay: number): IsoDate {
  if (!Number.isSafeInteger(epochDay)) {
    throw new CalendarError("calendar.invalidDate", `Not an integer day count: ${epochDay}`, {
      value: String(epochDay),
    });
  }
  const z = epochDay + 719468;
  const era = Math.floor(z / 146097);
  const dayOfEra = z - era * 146097;
  const yearOfEra = Math.floor(
    (dayOfEra -
      Math.floor(dayOfEra / 1460) +
      Math.floor(dayOfEra / 36524) -
      Math.floor(dayOfEra / 146096)) /
      365,
  );
  const dayOfYear =
    dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  // Months counted from March, so the leap day is the last day of the "year".
  const shifted = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * shifted + 2) / 5) + 1;
  const month = shifted < 10 ? shifted + 3 : shifted - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  return isoDateOf(year, month, day);
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return fromEpochDay(toEpochDay(date) + days);
}

/** Signed number of days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return toEpochDay(to) - toEpochDay(from);
}

/** -1, 0 or 1. Fixed-width zero-padded strings sort chronologically, so compare as strings. */
export function compareIsoDate(a: IsoDate, b: IsoDate): -1 | 0 | 1 {
  if (a === b) return 0;
  return a < b ? -1 : 1;
}

export function minIsoDate(a: IsoDate, b: IsoDate): IsoDate {
  return a <= b ? a : b;
}

export function maxIsoDate(a: IsoDate, b: IsoDate): IsoDate {
  return a >= b ? a : b;
}

/** ISO weekday of a date: 1 = Monday … 7 = Sunday. 1970-01-01 was a Thursday. */
export function weekday(date: IsoDate): IsoWeekday {
  const mod = (((toEpochDay(date) + 3) % 7) + 7) % 7;
  return (mod + 1) as IsoWeekday;
}

export function isWeekend(date: IsoDate): boolean {
  return weekday(date) >= 6;
}

/** Every date from `from` to `to`, both inclusive; nothing when `to` is before `from`. */
export function* eachDay(from: IsoDate, to: IsoDate): Generator<IsoDate> {
  const last = toEpochDay(to);
  for (let day = toEpochDay(from); day <= last; day++) {
    yield fromEpochDay(day);
  }
}

/** The Monday of the ISO (Monday–Sunday) week that contains `date`. */
export function startOfIsoWeek(date: IsoDate): IsoDate {
  return addDays(date, 1 - weekday(date));
}

/** The Sunday of the ISO week that contains `date`. */
export function endOfIsoWeek(date: IsoDate): IsoDate {
  return addDays(date, 7 - weekday(date));
}

/** ISO 8601 week number: the week belongs to the year that holds its Thursday. */
export function isoWeekOf(date: IsoDate): IsoWeek {
  const thursday = addDays(date, 4 - weekday(date));
  const isoWeekYear = isoDateParts(thursday).year;
  const dayOfYear = daysBetween(isoDateOf(isoWeekYear, 1, 1), thursday);
  return { isoWeekYear, week: Math.floor(dayOfYear / 7) + 1 };
}

/** 52 or 53. */
export function isoWeeksInYear(isoWeekYear: number): number {
  return isoWeekOf(isoDateOf(isoWeekYear, 12, 28)).week;
}

/** The Monday of ISO week `week` in `isoWeekYear` (week 1 is the week holding 4 January). */
export function mondayOfIsoWeek(isoWeekYear: number, week: number): IsoDate {
  if (!Number.isInteger(week) || week < 1 || week > isoWeeksInYear(isoWeekYear)) {
    throw new CalendarError(
      "calendar.invalidIsoWeek",
      `Year ${isoWeekYear} has no ISO week ${week}`,
      { isoWeekYear, week },
    );
  }
  return addDays(startOfIsoWeek(isoDateOf(isoWeekYear, 1, 4)), (week - 1) * 7);
}

// Intl formatters are costly to build and immutable once built, so one is shared. It holds
// no state that could leak between callers.
let osloFormatter: Intl.DateTimeFormat | undefined;

/**
 * The calendar date in Europe/Oslo at `instant`. A report made at 00:30 Oslo time on
 * 1 March is "learned of" on 1 March even though it is still 28 February in UTC, and the
 * working-day clock starts from that Oslo date.
 */
export function osloDateOf(instant: Date): IsoDate {
  if (Number.isNaN(instant.getTime())) {
    throw new CalendarError("calendar.invalidInstant", "Invalid instant (Invalid Date)");
  }
  osloFormatter ??= new Intl.DateTimeFormat("en-CA", {
    timeZone: "Europe/Oslo",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    calendar: "gregory",
    numberingSystem: "latn",
  });
  let year = Number.NaN;
  let month = Number.NaN;
  let day = Number.NaN;
  // formatToParts rather than format(): the separator and order of the formatted string
  // are locale data that may change between ICU versions; the parts are not.
  for (const part of osloFormatter.formatToParts(instant)) {
    if (part.type === "year") year = Number(part.value);
    else if (part.type === "month") month = Number(part.value);
    else if (part.type === "day") day = Number(part.value);
  }
  return isoDateOf(year, month, day);
}
