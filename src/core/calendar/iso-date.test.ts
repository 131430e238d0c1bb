import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CalendarError } from "./errors.ts";
import {
  addDays,
  compareIsoDate,
  daysBetween,
  eachDay,
  endOfIsoWeek,
  fromEpochDay,
  type IsoDate,
  isIsoDate,
  isoDateOf,
  isoWeekOf,
  isoWeeksInYear,
  mondayOfIsoWeek,
  osloDateOf,
  parseIsoDate,
  startOfIsoWeek,
  toEpochDay,
  tryParseIsoDate,
  weekday,
} from "./iso-date.ts";

const d = parseIsoDate;

/** Epoch days for 1900-01-01 … 2199-12-31: where Date.UTC is a trustworthy oracle. */
const epochDayArb = fc.integer({
  min: toEpochDay(d("1900-01-01")),
  max: toEpochDay(d("2199-12-31")),
});

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (error) {
    return error instanceof CalendarError ? error.code : `not a CalendarError: ${String(error)}`;
  }
  return undefined;
}

describe("parseIsoDate", () => {
  it.each(["2024-02-29", "2025-12-31", "0001-01-01", "9999-12-31", "2000-02-29"])(
    "accepts %s",
    (value) => {
      expect(parseIsoDate(value)).toBe(value);
      expect(isIsoDate(value)).toBe(true);
    },
  );

  it.each([
    ["2023-02-29", "no leap day in a common year"],
    ["1900-02-29", "1900 is not a leap year"],
    ["2024-04-31", "April has 30 days"],
    ["2024-13-01", "month 13"],
    ["2024-00-10", "month 0"],
    ["2024-01-00", "day 0"],
    ["2024-1-01", "unpadded month"],
    ["24-01-01", "two-digit year"],
    ["0000-01-01", "year 0"],
    ["2024-01-01T00:00:00Z", "an instant, not a date"],
    [" 2024-01-01", "leading space"],
    ["2024/01/01", "wrong separator"],
    ["", "empty string"],
  ])("rejects %s (%s) with calendar.invalidDate", (value) => {
    expect(isIsoDate(value)).toBe(false);
    expect(tryParseIsoDate(value)).toBeUndefined();
    expect(codeOf(() => parseIsoDate(value))).toBe("calendar.invalidDate");
  });

  it("isoDateOf rejects impossible parts", () => {
    expect(codeOf(() => isoDateOf(2025, 2, 29))).toBe("calendar.invalidDate");
    expect(isoDateOf(2025, 3, 7)).toBe("2025-03-07");
  });
});

describe("weekday", () => {
  it.each<[string, number, string]>([
    ["1970-01-01", 4, "Thursday (epoch)"],
    ["2024-03-29", 5, "Friday (Good Friday 2024)"],
    ["2025-05-17", 6, "Saturday"],
    ["2027-05-17", 1, "Monday"],
    ["2025-12-28", 7, "Sunday"],
    ["1969-12-31", 3, "Wednesday (before the epoch)"],
  ])("%s is ISO weekday %i, %s", (date, expected) => {
    expect(weekday(d(date))).toBe(expected);
  });
});

describe("addDays and daysBetween", () => {
  it.each<[string, number, string]>([
    ["2024-02-28", 1, "2024-02-29"],
    ["2024-02-29", 1, "2024-03-01"],
    ["2025-02-28", 1, "2025-03-01"],
    ["2024-12-31", 1, "2025-01-01"],
    ["2025-01-01", -1, "2024-12-31"],
    ["2025-03-30", 0, "2025-03-30"],
    ["2024-01-01", 366, "2025-01-01"],
  ])("%s %+i days is %s", (from, days, expected) => {
    expect(addDays(d(from), days)).toBe(expected);
    expect(daysBetween(d(from), d(expected))).toBe(days);
  });

  it("refuses to leave the 0001–9999 range", () => {
    expect(codeOf(() => addDays(d("9999-12-31"), 1))).toBe("calendar.invalidDate");
  });
});

describe("epoch-day arithmetic matches Date.UTC", () => {
  it("toEpochDay/fromEpochDay agree with Date.UTC and round-trip", () => {
    fc.assert(
      fc.property(epochDayArb, (epochDay) => {
        const date = fromEpochDay(epochDay);
        expect(toEpochDay(date)).toBe(epochDay);
        expect(new Date(epochDay * 86_400_000).toISOString().slice(0, 10)).toBe(date);
      }),
    );
  });

  it("weekday agrees with Date#getUTCDay", () => {
    fc.assert(
      fc.property(epochDayArb, (epochDay) => {
        const utcDay = new Date(epochDay * 86_400_000).getUTCDay();
        expect(weekday(fromEpochDay(epochDay))).toBe(utcDay === 0 ? 7 : utcDay);
      }),
    );
  });

  it("string comparison agrees with chronological order", () => {
    fc.assert(
      fc.property(epochDayArb, epochDayArb, (a, b) => {
        expect(compareIsoDate(fromEpochDay(a), fromEpochDay(b))).toBe(Math.sign(a - b));
      }),
    );
  });
});

describe("eachDay", () => {
  it("yields both ends inclusive, across a month boundary", () => {
    expect([...eachDay(d("2024-02-27"), d("2024-03-02"))]).toEqual([
      "2024-02-27",
      "2024-02-28",
      "2024-02-29",
      "2024-03-01",
      "2024-03-02",
    ]);
  });

  it("yields a single day for a one-day range and nothing for a reversed range", () => {
    expect([...eachDay(d("2025-01-01"), d("2025-01-01"))]).toEqual(["2025-01-01"]);
    expect([...eachDay(d("2025-01-02"), d("2025-01-01"))]).toEqual([]);
  });
});

describe("ISO weeks", () => {
  it.each<[string, number, number, string]>([
    ["2024-12-30", 2025, 1, "a late-December Monday belongs to next year's week 1"],
    ["2021-01-03", 2020, 53, "an early-January Sunday belongs to last year's week 53"],
    ["2026-01-01", 2026, 1, "a Thursday 1 January is in week 1"],
    ["2027-01-01", 2026, 53, "a Friday 1 January is in the previous year's last week"],
    ["2025-09-29", 2025, 40, "autumn break week 40 in 2025"],
    ["2026-02-16", 2026, 8, "winter break week 8 in 2026"],
  ])("%s is %i-W%i (%s)", (date, isoWeekYear, week) => {
    expect(isoWeekOf(d(date))).toEqual({ isoWeekYear, week });
  });

  it.each<[number, number, string]>([
    [2025, 1, "2024-12-30"],
    [2025, 40, "2025-09-29"],
    [2026, 8, "2026-02-16"],
    [2026, 53, "2026-12-28"],
    [2020, 53, "2020-12-28"],
  ])("week %i-W%i starts on %s", (year, week, monday) => {
    expect(mondayOfIsoWeek(year, week)).toBe(monday);
  });

  it.each<[number, number]>([
    [2025, 53],
    [2025, 0],
    [2025, 1.5],
  ])("%i has no week %s", (year, week) => {
    expect(codeOf(() => mondayOfIsoWeek(year, week))).toBe("calendar.invalidIsoWeek");
  });

  it.each<[number, number]>([
    [2020, 53],
    [2024, 52],
    [2026, 53],
    [2032, 53],
  ])("%i has %i ISO weeks", (year, weeks) => {
    expect(isoWeeksInYear(year)).toBe(weeks);
  });

  it("startOfIsoWeek/endOfIsoWeek give the Monday and Sunday around any date", () => {
    fc.assert(
      fc.property(epochDayArb, (epochDay) => {
        const date = fromEpochDay(epochDay);
        const monday = startOfIsoWeek(date);
        expect(weekday(monday)).toBe(1);
        expect(weekday(endOfIsoWeek(date))).toBe(7);
        expect(daysBetween(monday, date)).toBeGreaterThanOrEqual(0);
        expect(daysBetween(monday, date)).toBeLessThan(7);
        expect(isoWeekOf(monday)).toEqual(isoWeekOf(date));
      }),
    );
  });
});

describe("osloDateOf", () => {
  it.each<[string, string, string]>([
    ["2024-12-31T22:59:59.999Z", "2024-12-31", "last instant of the year in Oslo (CET, UTC+1)"],
    ["2024-12-31T23:00:00.000Z", "2025-01-01", "midnight in Oslo is still 31 Dec in UTC"],
    ["2024-03-30T23:30:00Z", "2024-03-31", "00:30 CET on the night DST starts"],
    ["2024-03-31T01:30:00Z", "2024-03-31", "03:30 CEST right after DST starts"],
    ["2024-06-30T21:59:59Z", "2024-06-30", "23:59:59 CEST (UTC+2)"],
    ["2024-06-30T22:00:00Z", "2024-07-01", "midnight CEST is 22:00 UTC"],
    ["2024-10-26T22:30:00Z", "2024-10-27", "00:30 CEST on the night DST ends"],
    ["2024-10-27T22:59:00Z", "2024-10-27", "23:59 CET after DST ended"],
    ["2025-03-21T12:00:00Z", "2025-03-21", "midday is the same date everywhere"],
  ])("%s → %s (%s)", (instant, expected) => {
    expect(osloDateOf(new Date(instant))).toBe(expected);
  });

  it("rejects an invalid Date with calendar.invalidInstant", () => {
    expect(codeOf(() => osloDateOf(new Date("not a date")))).toBe("calendar.invalidInstant");
  });

  it("is the UTC date or the day after (Oslo is UTC+1 or UTC+2)", () => {
    const from = Date.UTC(2000, 0, 1);
    const to = Date.UTC(2100, 0, 1);
    fc.assert(
      fc.property(fc.integer({ min: from, max: to }), (ms) => {
        const instant = new Date(ms);
        const utcDate = instant.toISOString().slice(0, 10) as IsoDate;
        const oslo = osloDateOf(instant);
        expect([utcDate, addDays(utcDate, 1)]).toContain(oslo);
        // Only the last one or two UTC hours of a day can already be tomorrow in Oslo.
        if (instant.getUTCHours() < 22) expect(oslo).toBe(utcDate);
      }),
    );
  });
});
