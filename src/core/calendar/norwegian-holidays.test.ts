import Holidays from "date-holidays";
import { describe, expect, it } from "vitest";
import { CalendarError } from "./errors.ts";
import { type IsoDate, isoDateParts, parseIsoDate, weekday } from "./iso-date.ts";
import {
  easterSunday,
  HOLIDAY_NAMES,
  type HolidayId,
  holidaysOn,
  isPublicHoliday,
  publicHolidayDates,
  publicHolidays,
} from "./norwegian-holidays.ts";

const YEARS = Array.from({ length: 12 }, (_, i) => 2024 + i); // 2024–2035

/** date-holidays describes each holiday by a rule string; map those we know to our ids. */
const RULE_TO_ID: Readonly<Record<string, HolidayId>> = {
  "01-01": "newYearsDay",
  "easter -3": "maundyThursday",
  "easter -2": "goodFriday",
  easter: "easterSunday",
  "easter 1": "easterMonday",
  "05-01": "labourDay",
  "05-17": "constitutionDay",
  "easter 39": "ascensionDay",
  "easter 49": "whitSunday",
  "easter 50": "whitMonday",
  "12-25": "christmasDay",
  "12-26": "boxingDay",
};

const reference = new Holidays("NO");

/** Public holidays of `year` according to date-holidays, as (id, date) pairs. */
function referenceHolidays(year: number): Array<{ id: HolidayId; date: IsoDate }> {
  return reference
    .getHolidays(year)
    .filter((holiday) => holiday.type === "public")
    .map((holiday) => {
      const id = RULE_TO_ID[holiday.rule];
      if (id === undefined)
        throw new Error(`date-holidays has an unknown public rule: ${holiday.rule}`);
      // date-holidays formats dates as "YYYY-MM-DD hh:mm:ss" in the country's zone.
      return { id, date: parseIsoDate(holiday.date.slice(0, 10)) };
    });
}

describe("easterSunday (anonymous Gregorian algorithm)", () => {
  it.each<[number, string, string]>([
    [1818, "1818-03-22", "earliest possible date"],
    [1943, "1943-04-25", "latest possible date"],
    [2000, "2000-04-23", ""],
    [2024, "2024-03-31", ""],
    [2025, "2025-04-20", ""],
    [2026, "2026-04-05", ""],
    [2027, "2027-03-28", ""],
    [2028, "2028-04-16", ""],
    [2029, "2029-04-01", ""],
    [2030, "2030-04-21", ""],
    [2031, "2031-04-13", ""],
    [2032, "2032-03-28", ""],
    [2033, "2033-04-17", ""],
    [2034, "2034-04-09", ""],
    [2035, "2035-03-25", ""],
    [2038, "2038-04-25", "latest possible date"],
    [2285, "2285-03-22", "earliest possible date"],
  ])("%i: %s %s", (year, expected) => {
    expect(easterSunday(year)).toBe(expected);
    expect(weekday(easterSunday(year))).toBe(7);
  });

  it.each([1582, 0, 2025.5, 10000])("rejects year %s with calendar.invalidYear", (year) => {
    expect(() => easterSunday(year)).toThrowError(CalendarError);
    expect(() => easterSunday(year)).toThrowError(/1583–9999/);
  });
});

describe("public holidays match date-holidays (NO, type public)", () => {
  const cases = YEARS.flatMap((year) =>
    referenceHolidays(year).map(({ id, date }) => ({ year, id, date })),
  );

  it("date-holidays reports each of our twelve holidays once per year", () => {
    expect(cases).toHaveLength(YEARS.length * 12);
  });

  it.each(cases)("$year: $id on $date", ({ year, id, date }) => {
    expect(publicHolidays(year)).toContainEqual({ id, date });
    expect(holidaysOn(date)).toContain(id);
    expect(isPublicHoliday(date)).toBe(true);
  });

  it.each(YEARS)("%i: the same set of dates, deduplicated", (year) => {
    const expected = new Set(referenceHolidays(year).map((holiday) => holiday.date));
    expect([...publicHolidayDates(year)].sort()).toEqual([...expected].sort());
    expect(publicHolidays(year)).toHaveLength(12);
  });
});

describe("coinciding holidays", () => {
  it.each<[string, HolidayId[]]>([
    ["2027-05-17", ["constitutionDay", "whitMonday"]],
    ["2032-05-17", ["constitutionDay", "whitMonday"]],
    ["2008-05-01", ["ascensionDay", "labourDay"]],
    ["2018-05-10", ["ascensionDay"]],
  ])("%s is %j", (date, ids) => {
    expect(holidaysOn(parseIsoDate(date))).toEqual(ids);
  });

  it.each([2008, 2027, 2032])("%i has only eleven distinct holiday dates", (year) => {
    expect(publicHolidayDates(year).size).toBe(11);
  });

  it("lists holidays sorted by date, ties in a fixed order", () => {
    const dates = publicHolidays(2027).map((holiday) => holiday.date);
    expect(dates).toEqual([...dates].sort());
  });
});

describe("days that are not public holidays", () => {
  it.each([
    ["2024-12-24", "Christmas Eve"],
    ["2024-12-31", "New Year's Eve"],
    ["2025-05-08", "Liberation Day (a flag day only)"],
    ["2025-06-07", "Union Dissolution Day (a flag day only)"],
    ["2025-04-16", "Wednesday of Holy Week"],
    ["2025-04-19", "Holy Saturday"],
    ["2025-04-13", "Palm Sunday"],
    ["2025-03-16", "an ordinary Sunday"],
  ])("%s (%s)", (date) => {
    expect(isPublicHoliday(parseIsoDate(date))).toBe(false);
    expect(holidaysOn(parseIsoDate(date))).toEqual([]);
  });
});

describe("HOLIDAY_NAMES", () => {
  it("names every holiday in nb, nn and en", () => {
    for (const { id } of publicHolidays(2025)) {
      const names = HOLIDAY_NAMES[id];
      expect(names.nb.length).toBeGreaterThan(0);
      expect(names.nn.length).toBeGreaterThan(0);
      expect(names.en.length).toBeGreaterThan(0);
    }
    expect(Object.keys(HOLIDAY_NAMES)).toHaveLength(12);
  });

  it("holiday dates all fall in the requested year", () => {
    for (const year of YEARS) {
      for (const { date } of publicHolidays(year)) expect(isoDateParts(date).year).toBe(year);
    }
  });
});
