/**
 * Norwegian public holidays (offentlige høytidsdager and 1 and 17 May), computed for any year.
 *
 * Computed here rather than taken from `date-holidays` so the pure core carries no large
 * data dependency and no time-zone-dependent date objects; the tests cross-check every
 * holiday against `date-holidays` for 2024–2035.
 *
 * The same twelve holidays are applied to every year (the set has been stable since 1947).
 * Christmas Eve and New Year's Eve are not public holidays, and neither are Sundays as such;
 * Sundays are non-working days anyway.
 */

import { CalendarError } from "./errors.ts";
import { addDays, type IsoDate, isoDateOf, isoDateParts } from "./iso-date.ts";

/** Stable identifiers, also used as i18n keys by the UI. */
export type HolidayId =
  | "newYearsDay"
  | "maundyThursday"
  | "goodFriday"
  | "easterSunday"
  | "easterMonday"
  | "labourDay"
  | "constitutionDay"
  | "ascensionDay"
  | "whitSunday"
  | "whitMonday"
  | "christmasDay"
  | "boxingDay";

export interface PublicHoliday {
  readonly date: IsoDate;
  readonly id: HolidayId;
}

export interface HolidayNames {
  readonly nb: string;
  readonly nn: string;
  readonly en: string;
}

/**
 * Default names so a caller without an i18n catalogue (CLI, PDF export, logs) can still
 * print something correct. The UI should translate `HolidayId` through its own catalogue.
 */
export const HOLIDAY_NAMES: Readonly<Record<HolidayId, HolidayNames>> = {
  newYearsDay: { nb: "Første nyttårsdag", nn: "Første nyttårsdag", en: "New Year's Day" },
  maundyThursday: { nb: "Skjærtorsdag", nn: "Skjærtorsdag", en: "Maundy Thursday" },
  goodFriday: { nb: "Langfredag", nn: "Langfredag", en: "Good Friday" },
  easterSunday: { nb: "Første påskedag", nn: "Første påskedag", en: "Easter Sunday" },
  easterMonday: { nb: "Andre påskedag", nn: "Andre påskedag", en: "Easter Monday" },
  labourDay: { nb: "Arbeidernes dag", nn: "Arbeidarane sin dag", en: "Labour Day" },
  constitutionDay: { nb: "Grunnlovsdagen", nn: "Grunnlovsdagen", en: "Constitution Day" },
  ascensionDay: {
    nb: "Kristi himmelfartsdag",
    nn: "Kristi himmelfartsdag",
    en: "Ascension Day",
  },
  whitSunday: { nb: "Første pinsedag", nn: "Første pinsedag", en: "Whit Sunday" },
  whitMonday: { nb: "Andre pinsedag", nn: "Andre pinsedag", en: "Whit Monday" },
  christmasDay: { nb: "Første juledag", nn: "Første juledag", en: "Christmas Day" },
  boxingDay: { nb: "Andre juledag", nn: "Andre juledag", en: "Boxing Day" },
};

/** Easter-based holidays as offsets (in days) from Easter Sunday. */
const EASTER_OFFSETS: ReadonlyArray<readonly [HolidayId, number]> = [
  ["maundyThursday", -3],
  ["goodFriday", -2],
  ["easterSunday", 0],
  ["easterMonday", 1],
  ["ascensionDay", 39],
  ["whitSunday", 49],
  ["whitMonday", 50],
];

const FIXED: ReadonlyArray<readonly [HolidayId, number, number]> = [
  ["newYearsDay", 1, 1],
  ["labourDay", 5, 1],
  ["constitutionDay", 5, 17],
  ["christmasDay", 12, 25],
  ["boxingDay", 12, 26],
];

// The Gregorian Easter rule (and with it the algorithm) applies from 1583.
const FIRST_GREGORIAN_EASTER_YEAR = 1583;

function assertSupportedYear(year: number): void {
  if (!Number.isInteger(year) || year < FIRST_GREGORIAN_EASTER_YEAR || year > 9999) {
    throw new CalendarError(
      "calendar.invalidYear",
      `Holidays are computed for years ${FIRST_GREGORIAN_EASTER_YEAR}–9999, not ${year}`,
      { year },
    );
  }
}

/**
 * Western (Gregorian) Easter Sunday by the anonymous Gregorian algorithm
 * (Meeus/Jones/Butcher). Pure integer arithmetic, exact for every Gregorian year.
 */
export function easterSunday(year: number): IsoDate {
  assertSupportedYear(year);
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return isoDateOf(year, month, day);
}

/**
 * All public holidays of `year`, sorted by date. Holidays that fall on the same date are
 * all listed (17 May and Whit Monday both fall on 2027-05-17), so the UI can name both;
 * use `publicHolidayDates` when only the set of dates matters.
 */
export function publicHolidays(year: number): readonly PublicHoliday[] {
  const easter = easterSunday(year);
  const holidays: PublicHoliday[] = [
    ...FIXED.map(([id, month, day]) => ({ id, date: isoDateOf(year, month, day) })),
    ...EASTER_OFFSETS.map(([id, offset]) => ({ id, date: addDays(easter, offset) })),
  ];
  // Ties keep a fixed order (by id) so output is deterministic.
  return holidays.sort((x, y) =>
    x.date === y.date ? x.id.localeCompare(y.id) : x.date < y.date ? -1 : 1,
  );
}

/** The distinct dates of `year` that are public holidays. */
export function publicHolidayDates(year: number): ReadonlySet<IsoDate> {
  return new Set(publicHolidays(year).map((holiday) => holiday.date));
}

/** The holidays on `date` (empty when it is not a public holiday; two in 2027-05-17). */
export function holidaysOn(date: IsoDate): readonly HolidayId[] {
  return publicHolidays(isoDateParts(date).year)
    .filter((holiday) => holiday.date === date)
    .map((holiday) => holiday.id);
}

export function isPublicHoliday(date: IsoDate): boolean {
  return holidaysOn(date).length > 0;
}
