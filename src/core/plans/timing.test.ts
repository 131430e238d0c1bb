// One table per timing rule, each across two real school years built by defaultSchoolYear:
//
// 2026–27: planning days Wed 12 – Fri 14 Aug; pupils from Mon 17 Aug; autumn break
//   28 Sep – 2 Oct; Christmas 21 Dec – 1 Jan; winter break 22–26 Feb; Easter 22–29 Mar
//   (Easter Monday 29 Mar); Ascension Thu 6 May; 17 May is also Whit Monday; ends Fri
//   18 Jun. 39 teaching weeks.
// 2027–28: planning days Wed 18 – Fri 20 Aug; pupils from Mon 23 Aug; autumn break
//   4–8 Oct; Christmas 21 Dec – 1 Jan (the week of 20 Dec has one teaching day);
//   winter break 21–25 Feb; Easter 10–17 Apr (Easter Monday 17 Apr); 1 May is a Monday;
//   17 May a Wednesday; Ascension Thu 25 May; Whit Monday 5 Jun; ends Tue 20 Jun.
//   40 teaching weeks.

import { describe, expect, it } from "vitest";
import { type IsoDate, parseIsoDate } from "../calendar/iso-date.ts";
import {
  createSchoolYearCalendar,
  defaultSchoolYear,
  type SchoolYearCalendar,
  type SchoolYearDefinition,
} from "../calendar/school-year.ts";
import type { PlanIssueCode } from "./errors.ts";
import { isMonthDay, monthDayDates, occurrencesFor, validateTimingRule } from "./timing.ts";
import type { RuleOccurrence, TimingRule } from "./types.ts";

const d = parseIsoDate;

function build(definition: SchoolYearDefinition): SchoolYearCalendar {
  const result = createSchoolYearCalendar(definition);
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.value;
}

const YEARS = { 2026: build(defaultSchoolYear(2026)), 2027: build(defaultSchoolYear(2027)) };
type Year = keyof typeof YEARS;

function schedule(year: Year, rule: TimingRule, anchors?: Map<string, readonly RuleOccurrence[]>) {
  return occurrencesFor("a", rule, YEARS[year], anchors);
}

function dues(year: Year, rule: TimingRule, anchors?: Map<string, readonly RuleOccurrence[]>) {
  const result = schedule(year, rule, anchors);
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.value.map((o) => o.dueOn);
}

function windows(year: Year, rule: TimingRule) {
  const result = schedule(year, rule);
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.value.map((o) => o.windowStartsOn);
}

function codes(year: Year | SchoolYearCalendar, rule: TimingRule): PlanIssueCode[] {
  const calendar = typeof year === "number" ? YEARS[year] : year;
  const result = occurrencesFor("a", rule, calendar);
  return result.ok ? [] : result.error.map((issue) => issue.code);
}

interface DatedCase {
  name: string;
  year: Year;
  rule: TimingRule;
  due: string[];
  window?: string[];
}

function runDated(cases: DatedCase[]) {
  it.each(cases)("$year: $name", ({ year, rule, due, window }) => {
    expect(dues(year, rule)).toEqual(due);
    if (window !== undefined) expect(windows(year, rule)).toEqual(window);
  });
}

// The two calendars themselves, so a change in defaultSchoolYear shows up here first.
describe("the two school years used below", () => {
  it.each([
    [2026, "2026-08-12", "2026-08-17", "2027-06-18", 39],
    [2027, "2027-08-18", "2027-08-23", "2028-06-20", 40],
  ] as const)("%i", (year, startsOn, firstTeachingDay, endsOn, teachingWeeks) => {
    const calendar = YEARS[year];
    expect(calendar.definition.startsOn).toBe(startsOn);
    expect(calendar.firstTeachingDay).toBe(firstTeachingDay);
    expect(calendar.definition.endsOn).toBe(endsOn);
    expect(calendar.weeks.filter((w) => w.teachingWeekNumber !== null)).toHaveLength(teachingWeeks);
  });
});

describe("beforeSchoolStarts", () => {
  runDated([
    {
      name: "the last planning day",
      year: 2026,
      rule: { kind: "beforeSchoolStarts" },
      due: ["2026-08-14"],
      window: ["2026-08-12"],
    },
    {
      name: "the last planning day",
      year: 2027,
      rule: { kind: "beforeSchoolStarts" },
      due: ["2027-08-20"],
      window: ["2027-08-18"],
    },
    {
      name: "3 school days before = the first planning day",
      year: 2026,
      rule: { kind: "beforeSchoolStarts", daysBefore: 3 },
      due: ["2026-08-12"],
    },
    {
      name: "2 school days before",
      year: 2027,
      rule: { kind: "beforeSchoolStarts", daysBefore: 2 },
      due: ["2027-08-19"],
    },
  ]);

  it.each([2026, 2027] as const)("%i: more days before than planning days is refused", (year) => {
    expect(codes(year, { kind: "beforeSchoolStarts", daysBefore: 4 })).toEqual([
      "plan.timing.noDayBeforeSchoolStarts",
    ]);
  });

  it("a year that starts on its first teaching day has no day before school starts", () => {
    const calendar = build({
      ...defaultSchoolYear(2026),
      startsOn: d("2026-08-17"),
      planningDays: [],
    });
    expect(codes(calendar, { kind: "beforeSchoolStarts" })).toEqual([
      "plan.timing.noDayBeforeSchoolStarts",
    ]);
  });
});

describe("firstSchoolWeek", () => {
  runDated([
    {
      name: "first week",
      year: 2026,
      rule: { kind: "firstSchoolWeek" },
      due: ["2026-08-21"],
      window: ["2026-08-17"],
    },
    {
      name: "first week",
      year: 2027,
      rule: { kind: "firstSchoolWeek" },
      due: ["2027-08-27"],
      window: ["2027-08-23"],
    },
    {
      name: "first two weeks (første skoleuker)",
      year: 2026,
      rule: { kind: "firstSchoolWeek", weeks: 2 },
      due: ["2026-08-28"],
    },
    {
      name: "first two weeks (første skoleuker)",
      year: 2027,
      rule: { kind: "firstSchoolWeek", weeks: 2 },
      due: ["2027-09-03"],
    },
  ]);

  it("pupils starting on a Thursday: the first week is Thursday and Friday", () => {
    const definition = defaultSchoolYear(2026);
    const calendar = build({
      ...definition,
      planningDays: [...definition.planningDays, d("2026-08-17"), d("2026-08-18"), d("2026-08-19")],
    });
    expect(occurrencesFor("a", { kind: "firstSchoolWeek" }, calendar)).toMatchObject({
      ok: true,
      value: [{ windowStartsOn: "2026-08-20", dueOn: "2026-08-21" }],
    });
  });
});

describe("month", () => {
  runDated([
    {
      name: "August: from the first teaching day to the 31st",
      year: 2026,
      rule: { kind: "month", month: 8 },
      due: ["2026-08-31"],
      window: ["2026-08-17"],
    },
    {
      name: "August",
      year: 2027,
      rule: { kind: "month", month: 8 },
      due: ["2027-08-31"],
      window: ["2027-08-23"],
    },
    {
      name: "September ends in the autumn break",
      year: 2026,
      rule: { kind: "month", month: 9 },
      due: ["2026-09-25"],
      window: ["2026-09-01"],
    },
    {
      name: "October starts in the autumn break",
      year: 2026,
      rule: { kind: "month", month: 10 },
      due: ["2026-10-30"],
      window: ["2026-10-05"],
    },
    {
      name: "October, the break in the middle",
      year: 2027,
      rule: { kind: "month", month: 10 },
      due: ["2027-10-29"],
      window: ["2027-10-01"],
    },
    {
      name: "November (Elevundersøkelsen)",
      year: 2026,
      rule: { kind: "month", month: 11 },
      due: ["2026-11-30"],
      window: ["2026-11-02"],
    },
    {
      name: "November",
      year: 2027,
      rule: { kind: "month", month: 11 },
      due: ["2027-11-30"],
      window: ["2027-11-01"],
    },
    {
      name: "December ends before Christmas",
      year: 2027,
      rule: { kind: "month", month: 12 },
      due: ["2027-12-20"],
    },
    {
      name: "January after New Year",
      year: 2026,
      rule: { kind: "month", month: 1, which: "start" },
      due: ["2027-01-04"],
    },
    {
      name: "June, the last month",
      year: 2027,
      rule: { kind: "month", month: 6 },
      due: ["2028-06-20"],
      window: ["2028-06-01"],
    },
    {
      name: "May, at the start",
      year: 2027,
      rule: { kind: "month", month: 5, which: "start" },
      due: ["2028-05-02"],
      window: ["2028-05-02"],
    },
  ]);

  it.each([2026, 2027] as const)("%i: July is outside the school year", (year) => {
    expect(codes(year, { kind: "month", month: 7 })).toEqual(["plan.timing.monthOutsideYear"]);
  });

  it("a month that is all holiday is refused", () => {
    const definition = defaultSchoolYear(2026);
    const calendar = build({
      ...definition,
      endsOn: d("2027-07-30"),
      schoolHolidays: [
        ...definition.schoolHolidays,
        { kind: "other", label: "Sommerferie", from: d("2027-06-21"), to: d("2027-07-30") },
      ],
    });
    expect(codes(calendar, { kind: "month", month: 7 })).toEqual(["plan.timing.monthAllHoliday"]);
  });
});

describe("byDate", () => {
  runDated([
    {
      name: "10 Oct is a Saturday: the Friday before",
      year: 2026,
      rule: { kind: "byDate", monthDay: "10-10" },
      due: ["2026-10-09"],
    },
    {
      name: "10 Oct is a Sunday after the autumn break: the Friday before the break",
      year: 2027,
      rule: { kind: "byDate", monthDay: "10-10" },
      due: ["2027-10-01"],
    },
    {
      name: "17 May is a public holiday (and Whit Monday)",
      year: 2026,
      rule: { kind: "byDate", monthDay: "05-17" },
      due: ["2027-05-14"],
    },
    {
      name: "17 May is a public holiday",
      year: 2027,
      rule: { kind: "byDate", monthDay: "05-17" },
      due: ["2028-05-16"],
    },
    {
      name: "29 Feb in a common year is 28 Feb, a Sunday after the winter break",
      year: 2026,
      rule: { kind: "byDate", monthDay: "02-29" },
      due: ["2027-02-19"],
    },
    {
      name: "29 Feb in a leap year",
      year: 2027,
      rule: { kind: "byDate", monthDay: "02-29" },
      due: ["2028-02-29"],
    },
    {
      name: "a planning day counts",
      year: 2026,
      rule: { kind: "byDate", monthDay: "08-13" },
      due: ["2026-08-13"],
    },
  ]);

  it.each([2026, 2027] as const)("%i: 15 July is outside the school year", (year) => {
    expect(codes(year, { kind: "byDate", monthDay: "07-15" })).toEqual([
      "plan.timing.dateOutsideYear",
    ]);
  });

  it("no school day on or before the date", () => {
    const calendar = build({ ...defaultSchoolYear(2026), startsOn: d("2026-08-08") });
    expect(codes(calendar, { kind: "byDate", monthDay: "08-09" })).toEqual([
      "plan.timing.noSchoolDayByDate",
    ]);
  });

  it.each(["10-10", "02-29", "12-31", "01-01"])("%s is a month-day", (value) => {
    expect(isMonthDay(value)).toBe(true);
  });

  it.each(["13-01", "02-30", "04-31", "1-10", "10-1", "2026-10-10", ""])(
    "%s is not a month-day",
    (value) => {
      expect(isMonthDay(value)).toBe(false);
    },
  );

  it("monthDayDates finds the date in the right calendar year", () => {
    expect(monthDayDates("12-24", YEARS[2026])).toEqual(["2026-12-24"]);
    expect(monthDayDates("03-01", YEARS[2026])).toEqual(["2027-03-01"]);
    expect(monthDayDates("08-01", YEARS[2026])).toEqual([]);
  });
});

describe("weekly", () => {
  it.each([
    [2026, 5, 39, "2026-08-21", "2027-06-18"],
    [2026, 1, 39, "2026-08-17", "2027-06-14"],
    [2027, 5, 40, "2027-08-27", "2028-06-20"],
    [2027, 1, 40, "2027-08-23", "2028-06-19"],
  ] as const)("%i, weekday %i: %i teaching weeks, %s … %s", (year, weekday, count, first, last) => {
    const list = dues(year, { kind: "weekly", weekday });
    expect(list).toHaveLength(count);
    expect(list[0]).toBe(first);
    expect(list[list.length - 1]).toBe(last);
  });

  interface MovedCase {
    name: string;
    year: Year;
    weekday: 1 | 2 | 3 | 4 | 5;
    absent: string;
    present: string;
  }
  const moved: MovedCase[] = [
    {
      name: "Easter Monday → Tuesday",
      year: 2026,
      weekday: 1,
      absent: "2027-03-29",
      present: "2027-03-30",
    },
    {
      name: "17 May / Whit Monday → Tuesday",
      year: 2026,
      weekday: 1,
      absent: "2027-05-17",
      present: "2027-05-18",
    },
    {
      name: "Ascension Thursday → Friday",
      year: 2026,
      weekday: 4,
      absent: "2027-05-06",
      present: "2027-05-07",
    },
    {
      name: "Easter Monday → Tuesday",
      year: 2027,
      weekday: 1,
      absent: "2028-04-17",
      present: "2028-04-18",
    },
    {
      name: "1 May Monday → Tuesday",
      year: 2027,
      weekday: 1,
      absent: "2028-05-01",
      present: "2028-05-02",
    },
    {
      name: "Whit Monday → Tuesday",
      year: 2027,
      weekday: 1,
      absent: "2028-06-05",
      present: "2028-06-06",
    },
    {
      name: "17 May Wednesday → Thursday",
      year: 2027,
      weekday: 3,
      absent: "2028-05-17",
      present: "2028-05-18",
    },
    {
      name: "Ascension Thursday → Friday",
      year: 2027,
      weekday: 4,
      absent: "2028-05-25",
      present: "2028-05-26",
    },
    {
      name: "a Friday in a one-day week → its Monday",
      year: 2027,
      weekday: 5,
      absent: "2027-12-24",
      present: "2027-12-20",
    },
  ];
  it.each(moved)("$year: $name", ({ year, weekday, absent, present }) => {
    const list = dues(year, { kind: "weekly", weekday });
    expect(list).not.toContain(absent);
    expect(list).toContain(present);
  });

  it.each([2026, 2027] as const)("%i: no class hour in any school holiday", (year) => {
    const calendar = YEARS[year];
    for (const due of dues(year, { kind: "weekly", weekday: 5 })) {
      expect(calendar.schoolHolidayOn(due as IsoDate)).toBeUndefined();
      expect(calendar.isTeachingDay(due as IsoDate)).toBe(true);
    }
  });

  it("a period limits the weeks", () => {
    expect(
      dues(2026, { kind: "weekly", weekday: 3, period: { from: "01-01", to: "01-31" } }),
    ).toEqual(["2027-01-06", "2027-01-13", "2027-01-20", "2027-01-27"]);
  });

  it("a period whose end is before its start is refused", () => {
    expect(
      codes(2026, { kind: "weekly", weekday: 3, period: { from: "03-01", to: "10-01" } }),
    ).toEqual(["plan.timing.endBeforeStart"]);
  });

  it("a period that is all holiday is refused", () => {
    expect(
      codes(2026, { kind: "weekly", weekday: 3, period: { from: "12-21", to: "12-31" } }),
    ).toEqual(["plan.timing.periodAllHoliday"]);
  });
});

describe("everyNWeeks", () => {
  runDated([
    {
      name: "every 3rd teaching week from week 4, Mondays (buddy groups)",
      year: 2026,
      rule: { kind: "everyNWeeks", n: 3, min: 3, max: 4, weekday: 1, firstWeek: 4 },
      due: [
        "2026-09-07",
        "2026-10-05",
        "2026-10-26",
        "2026-11-16",
        "2026-12-07",
        "2027-01-11",
        "2027-02-01",
        "2027-03-01",
        "2027-03-30",
        "2027-04-19",
        "2027-05-10",
        "2027-05-31",
      ],
    },
    {
      name: "every 3rd teaching week from week 4, Mondays (buddy groups)",
      year: 2027,
      rule: { kind: "everyNWeeks", n: 3, min: 3, max: 4, weekday: 1, firstWeek: 4 },
      due: [
        "2027-09-13",
        "2027-10-11",
        "2027-11-01",
        "2027-11-22",
        "2027-12-13",
        "2028-01-10",
        "2028-01-31",
        "2028-02-28",
        "2028-03-20",
        "2028-04-18",
        "2028-05-08",
        "2028-05-29",
        "2028-06-19",
      ],
    },
    {
      name: "every 4th week from week 1, Fridays",
      year: 2026,
      rule: { kind: "everyNWeeks", n: 4, min: 3, max: 4, weekday: 5 },
      due: [
        "2026-08-21",
        "2026-09-18",
        "2026-10-23",
        "2026-11-20",
        "2026-12-18",
        "2027-01-29",
        "2027-03-05",
        "2027-04-09",
        "2027-05-07",
        "2027-06-04",
      ],
    },
  ]);

  it.each<[string, TimingRule, PlanIssueCode[]]>([
    ["n = 0", { kind: "everyNWeeks", n: 0, min: 3, max: 4, weekday: 1 }, ["plan.timing.invalidN"]],
    [
      "n = 2.5",
      { kind: "everyNWeeks", n: 2.5, min: 2, max: 4, weekday: 1 },
      ["plan.timing.invalidN"],
    ],
    [
      "n below the range",
      { kind: "everyNWeeks", n: 2, min: 3, max: 4, weekday: 1 },
      ["plan.timing.nOutOfRange"],
    ],
    [
      "n above the range",
      { kind: "everyNWeeks", n: 5, min: 3, max: 4, weekday: 1 },
      ["plan.timing.nOutOfRange"],
    ],
    [
      "range upside down",
      { kind: "everyNWeeks", n: 3, min: 4, max: 3, weekday: 1 },
      ["plan.timing.invalidRange"],
    ],
    [
      "range from 0",
      { kind: "everyNWeeks", n: 3, min: 0, max: 4, weekday: 1 },
      ["plan.timing.invalidRange"],
    ],
    [
      "Saturday",
      { kind: "everyNWeeks", n: 3, min: 3, max: 4, weekday: 6 },
      ["plan.timing.invalidWeekday"],
    ],
    [
      "first week 0",
      { kind: "everyNWeeks", n: 3, min: 3, max: 4, weekday: 1, firstWeek: 0 },
      ["plan.timing.invalidFirstWeek"],
    ],
  ])("%s is refused", (_name, rule, expected) => {
    expect(codes(2026, rule)).toEqual(expected);
    expect(codes(2027, rule)).toEqual(expected);
  });

  it("a first week after the last teaching week is refused", () => {
    expect(
      codes(2026, { kind: "everyNWeeks", n: 3, min: 3, max: 4, weekday: 1, firstWeek: 40 }),
    ).toEqual(["plan.timing.notEnoughTeachingWeeks"]);
  });
});

describe("timesPerYear", () => {
  runDated([
    {
      name: "4 times (TK meetings)",
      year: 2026,
      rule: { kind: "timesPerYear", k: 4 },
      due: ["2026-09-18", "2026-12-04", "2027-03-05", "2027-05-21"],
      window: ["2026-08-17", "2026-10-26", "2027-01-18", "2027-04-12"],
    },
    {
      name: "4 times (TK meetings)",
      year: 2027,
      rule: { kind: "timesPerYear", k: 4 },
      due: ["2027-10-01", "2027-12-17", "2028-03-10", "2028-05-26"],
      window: ["2027-08-23", "2027-11-08", "2028-01-24", "2028-04-18"],
    },
    {
      name: "once",
      year: 2026,
      rule: { kind: "timesPerYear", k: 1 },
      due: ["2027-01-22"],
      window: ["2026-08-17"],
    },
  ]);

  it.each([2026, 2027] as const)("%i: 3 times inside 2–3, spread over the year", (year) => {
    const list = dues(year, { kind: "timesPerYear", k: 3, min: 2, max: 3 });
    expect(list).toHaveLength(3);
    expect(list[0]! < `${year}-12-01`).toBe(true);
    expect(list[2]! > `${year + 1}-03-31`).toBe(true);
  });

  it("as many times as teaching weeks is allowed, one more is refused", () => {
    expect(dues(2026, { kind: "timesPerYear", k: 39 })).toHaveLength(39);
    expect(codes(2026, { kind: "timesPerYear", k: 40 })).toEqual(["plan.timing.tooManyTimes"]);
    expect(dues(2027, { kind: "timesPerYear", k: 40 })).toHaveLength(40);
  });

  it.each<[string, TimingRule, PlanIssueCode[]]>([
    ["k = 0", { kind: "timesPerYear", k: 0 }, ["plan.timing.invalidK"]],
    ["k = 1.5", { kind: "timesPerYear", k: 1.5 }, ["plan.timing.invalidK"]],
    ["k outside 2–3", { kind: "timesPerYear", k: 4, min: 2, max: 3 }, ["plan.timing.kOutOfRange"]],
    [
      "range upside down",
      { kind: "timesPerYear", k: 3, min: 3, max: 2 },
      ["plan.timing.invalidRange"],
    ],
  ])("%s is refused", (_name, rule, expected) => {
    expect(codes(2026, rule)).toEqual(expected);
  });
});

describe("continuous", () => {
  runDated([
    {
      name: "check-in every 6 teaching weeks",
      year: 2026,
      rule: { kind: "continuous", checkInEveryWeeks: 6 },
      due: ["2026-09-25", "2026-11-13", "2027-01-08", "2027-02-19", "2027-04-16", "2027-05-28"],
      window: ["2026-08-17", "2026-10-05", "2026-11-16", "2027-01-11", "2027-03-01", "2027-04-19"],
    },
    {
      name: "check-in every 6 teaching weeks",
      year: 2027,
      rule: { kind: "continuous", checkInEveryWeeks: 6 },
      due: ["2027-10-01", "2027-11-19", "2028-01-07", "2028-02-18", "2028-04-07", "2028-05-26"],
      window: ["2027-08-23", "2027-10-11", "2027-11-22", "2028-01-10", "2028-02-28", "2028-04-18"],
    },
    {
      name: "a period shorter than one block: one check-in at its end",
      year: 2026,
      rule: { kind: "continuous", checkInEveryWeeks: 8, period: { from: "04-19", to: "05-14" } },
      due: ["2027-05-14"],
      window: ["2027-04-19"],
    },
  ]);

  it("check-ins are of kind checkIn", () => {
    const result = schedule(2026, { kind: "continuous", checkInEveryWeeks: 6 });
    expect(result.ok && result.value.every((o) => o.kind === "checkIn")).toBe(true);
  });

  it.each([0, -1, 1.5, 53])("every %s weeks is refused", (checkInEveryWeeks) => {
    expect(codes(2026, { kind: "continuous", checkInEveryWeeks })).toEqual([
      "plan.timing.invalidCheckInInterval",
    ]);
  });
});

describe("relative", () => {
  function anchorsFor(year: Year, rule: TimingRule) {
    const result = occurrencesFor("target", rule, YEARS[year]);
    if (!result.ok) throw new Error(JSON.stringify(result.error));
    return new Map([["target", result.value]]);
  }

  it.each<[string, Year, TimingRule, number, string[]]>([
    ["two weeks after the November survey", 2026, { kind: "month", month: 11 }, 14, ["2026-12-14"]],
    ["two weeks after the November survey", 2027, { kind: "month", month: 11 }, 14, ["2027-12-14"]],
    [
      "a month after: lands in Christmas, moves to after it",
      2026,
      { kind: "month", month: 11 },
      28,
      ["2027-01-04"],
    ],
    [
      "three days before the end of the first week",
      2026,
      { kind: "firstSchoolWeek" },
      -3,
      ["2026-08-18"],
    ],
    [
      "a day before the first planning day: backwards, out of the year",
      2027,
      { kind: "month", month: 8, which: "start" },
      -1,
      ["2027-08-20"],
    ],
  ])("%s (%i)", (_name, year, target, offsetDays, expected) => {
    expect(
      dues(year, { kind: "relative", activityId: "target", offsetDays }, anchorsFor(year, target)),
    ).toEqual(expected);
  });

  it("the day after each Friday class hour: Monday, across the autumn break, none after the last", () => {
    const list = dues(
      2026,
      { kind: "relative", activityId: "target", offsetDays: 1 },
      anchorsFor(2026, { kind: "weekly", weekday: 5 }),
    );
    expect(list).toHaveLength(38);
    expect(list).toContain("2026-10-05");
    expect(list[list.length - 1]).toBe("2027-06-14");
  });

  it("offset 0 copies the target's dates (seating follows the buddy-group rhythm)", () => {
    const rule: TimingRule = {
      kind: "everyNWeeks",
      n: 3,
      min: 3,
      max: 4,
      weekday: 1,
      firstWeek: 4,
    };
    expect(
      dues(2027, { kind: "relative", activityId: "target", offsetDays: 0 }, anchorsFor(2027, rule)),
    ).toEqual(dues(2027, rule));
  });

  it("every shifted date outside the year is refused", () => {
    expect(
      schedule(
        2026,
        { kind: "relative", activityId: "target", offsetDays: -10 },
        anchorsFor(2026, { kind: "beforeSchoolStarts" }),
      ),
    ).toMatchObject({ ok: false, error: [{ code: "plan.timing.noOccurrences" }] });
  });

  it("an unknown target and an undated target are refused", () => {
    expect(codes(2026, { kind: "relative", activityId: "nope", offsetDays: 1 })).toEqual([
      "plan.timing.unknownActivity",
    ]);
    expect(
      schedule(
        2026,
        { kind: "relative", activityId: "target", offsetDays: 1 },
        new Map([["target", []]]),
      ),
    ).toMatchObject({ ok: false, error: [{ code: "plan.timing.relativeToUndated" }] });
  });

  it.each([400, -400, 0.5])("offset %s is refused", (offsetDays) => {
    expect(codes(2026, { kind: "relative", activityId: "target", offsetDays })).toEqual([
      "plan.timing.invalidOffset",
    ]);
  });
});

describe("caseRoutine", () => {
  it("has no dates of its own", () => {
    expect(
      schedule(2026, {
        kind: "caseRoutine",
        step: "report",
        caseKinds: ["pupil-reported"],
        deadline: "immediately",
      }),
    ).toEqual({ ok: true, value: [] });
  });

  it("needs at least one case kind", () => {
    expect(
      codes(2026, { kind: "caseRoutine", step: "report", caseKinds: [], deadline: "immediately" }),
    ).toEqual(["plan.timing.noCaseKinds"]);
  });
});

describe("occurrence keys and sequence", () => {
  it("keys are activity@due, sequences count from 1", () => {
    const result = occurrencesFor("prev-tk-meetings", { kind: "timesPerYear", k: 2 }, YEARS[2026]);
    expect(result.ok && result.value.map((o) => [o.key, o.sequence])).toEqual([
      ["prev-tk-meetings@2026-10-30", 1],
      ["prev-tk-meetings@2027-04-16", 2],
    ]);
  });
});

describe("validateTimingRule: static problems, with paths", () => {
  it.each<[string, TimingRule, Array<{ code: PlanIssueCode; path: string }>]>([
    [
      "daysBefore 0",
      { kind: "beforeSchoolStarts", daysBefore: 0 },
      [{ code: "plan.timing.invalidDaysBefore", path: "timing.daysBefore" }],
    ],
    [
      "weeks 0",
      { kind: "firstSchoolWeek", weeks: 0 },
      [{ code: "plan.timing.invalidWeeks", path: "timing.weeks" }],
    ],
    [
      "month 13",
      { kind: "month", month: 13 },
      [{ code: "plan.timing.invalidMonth", path: "timing.month" }],
    ],
    [
      "month 0",
      { kind: "month", month: 0 },
      [{ code: "plan.timing.invalidMonth", path: "timing.month" }],
    ],
    [
      "bad month-day",
      { kind: "byDate", monthDay: "31-12" },
      [{ code: "plan.timing.invalidMonthDay", path: "timing.monthDay" }],
    ],
    [
      "Sunday",
      { kind: "weekly", weekday: 7 },
      [{ code: "plan.timing.invalidWeekday", path: "timing.weekday" }],
    ],
    [
      "bad period",
      { kind: "weekly", weekday: 1, period: { from: "1-1", to: "02-30" } },
      [
        { code: "plan.timing.invalidMonthDay", path: "timing.period.from" },
        { code: "plan.timing.invalidMonthDay", path: "timing.period.to" },
      ],
    ],
    [
      "n 0 and Saturday at once",
      { kind: "everyNWeeks", n: 0, min: 3, max: 4, weekday: 6 },
      [
        { code: "plan.timing.invalidN", path: "timing.n" },
        { code: "plan.timing.invalidWeekday", path: "timing.weekday" },
      ],
    ],
  ])("%s", (_name, rule, expected) => {
    expect(validateTimingRule(rule).map(({ code, path }) => ({ code, path }))).toEqual(expected);
  });
});
