import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDays, daysBetween, isoDateParts, parseIsoDate, weekday } from "./iso-date.ts";
import {
  createSchoolYearCalendar,
  defaultSchoolYear,
  type SchoolDayStatus,
  type SchoolYearCalendar,
  type SchoolYearDefinition,
  type SchoolYearIssueCode,
} from "./school-year.ts";
import { createWorkingDayCalendar, type WorkingDayCalendar } from "./working-days.ts";

const d = parseIsoDate;

/** A hand-written 2025/26 year; each validation case below breaks it in one way. */
const base: SchoolYearDefinition = {
  startsOn: d("2025-08-13"),
  endsOn: d("2026-06-19"),
  schoolHolidays: [
    { kind: "autumnBreak", from: d("2025-09-29"), to: d("2025-10-03") },
    { kind: "christmas", from: d("2025-12-20"), to: d("2026-01-04") },
    { kind: "winterBreak", from: d("2026-02-16"), to: d("2026-02-20") },
    { kind: "easter", from: d("2026-03-28"), to: d("2026-04-06") },
  ],
  planningDays: [d("2025-08-13"), d("2025-08-14"), d("2025-08-15")],
};

function build(definition: SchoolYearDefinition, workingDays?: WorkingDayCalendar) {
  const result = createSchoolYearCalendar(definition, workingDays);
  if (!result.ok) throw new Error(`expected a valid year, got ${JSON.stringify(result.error)}`);
  return result.value;
}

function issuesOf(definition: SchoolYearDefinition, workingDays?: WorkingDayCalendar) {
  const result = createSchoolYearCalendar(definition, workingDays);
  return result.ok ? [] : result.error.map(({ code, path }) => ({ code, path }));
}

describe("createSchoolYearCalendar: validation", () => {
  it("accepts the base year", () => {
    expect(issuesOf(base)).toEqual([]);
  });

  interface InvalidCase {
    name: string;
    definition: SchoolYearDefinition;
    workingDays?: WorkingDayCalendar;
    expected: Array<{ code: SchoolYearIssueCode; path: string }>;
  }

  const holidays = base.schoolHolidays;
  const cases: InvalidCase[] = [
    {
      name: "end before start",
      definition: { ...base, endsOn: d("2025-08-01") },
      expected: [{ code: "calendar.endBeforeStart", path: "endsOn" }],
    },
    {
      name: "end on the start day",
      definition: { ...base, endsOn: base.startsOn },
      expected: [{ code: "calendar.endBeforeStart", path: "endsOn" }],
    },
    {
      name: "a year longer than a year",
      definition: { ...base, endsOn: d("2026-08-14") },
      expected: [{ code: "calendar.yearTooLong", path: "endsOn" }],
    },
    {
      name: "a holiday that ends before it starts",
      definition: {
        ...base,
        schoolHolidays: [{ kind: "other", from: d("2025-11-10"), to: d("2025-11-07") }],
      },
      expected: [{ code: "calendar.holidayEndsBeforeStart", path: "schoolHolidays[0].to" }],
    },
    {
      name: "a holiday starting before the year",
      definition: {
        ...base,
        schoolHolidays: [{ kind: "other", from: d("2025-08-01"), to: d("2025-08-14") }],
        planningDays: [],
      },
      expected: [{ code: "calendar.holidayOutsideYear", path: "schoolHolidays[0]" }],
    },
    {
      name: "a holiday running past the end of the year",
      definition: {
        ...base,
        schoolHolidays: [{ kind: "other", from: d("2026-06-19"), to: d("2026-06-26") }],
      },
      expected: [{ code: "calendar.holidayOutsideYear", path: "schoolHolidays[0]" }],
    },
    {
      name: "two overlapping holidays",
      definition: {
        ...base,
        schoolHolidays: [
          ...holidays,
          { kind: "other", label: "Inneklemt dag", from: d("2026-01-02"), to: d("2026-01-05") },
        ],
      },
      expected: [{ code: "calendar.holidaysOverlap", path: "schoolHolidays[4]" }],
    },
    {
      name: "a holiday nested inside another",
      definition: {
        ...base,
        schoolHolidays: [
          { kind: "autumnBreak", from: d("2025-09-29"), to: d("2025-10-03") },
          { kind: "other", from: d("2025-10-01"), to: d("2025-10-01") },
        ],
      },
      expected: [{ code: "calendar.holidaysOverlap", path: "schoolHolidays[1]" }],
    },
    {
      name: "a planning day before the year",
      definition: { ...base, planningDays: [d("2025-08-12")] },
      expected: [{ code: "calendar.planningDayOutsideYear", path: "planningDays[0]" }],
    },
    {
      name: "the same planning day twice",
      definition: { ...base, planningDays: [d("2025-08-13"), d("2025-08-13")] },
      expected: [{ code: "calendar.planningDayDuplicate", path: "planningDays[1]" }],
    },
    {
      name: "a planning day on a Saturday",
      definition: { ...base, planningDays: [d("2025-08-16")] },
      expected: [{ code: "calendar.planningDayNotWorkingDay", path: "planningDays[0]" }],
    },
    {
      name: "a planning day on Ascension Day",
      definition: { ...base, planningDays: [d("2026-05-14")] },
      expected: [{ code: "calendar.planningDayNotWorkingDay", path: "planningDays[0]" }],
    },
    {
      name: "a planning day on an owner closed day",
      definition: { ...base, planningDays: [d("2026-05-15")] },
      workingDays: createWorkingDayCalendar({ extraClosedDays: [d("2026-05-15")] }),
      expected: [{ code: "calendar.planningDayNotWorkingDay", path: "planningDays[0]" }],
    },
    {
      name: "a planning day inside the autumn break",
      definition: { ...base, planningDays: [d("2025-10-01")] },
      expected: [{ code: "calendar.planningDayInHoliday", path: "planningDays[0]" }],
    },
    {
      name: "a malformed date from a form",
      definition: { ...base, endsOn: "2026-06-31" as SchoolYearDefinition["endsOn"] },
      expected: [{ code: "calendar.invalidDate", path: "endsOn" }],
    },
    {
      name: "holidays covering every weekday",
      definition: {
        startsOn: d("2025-08-18"),
        endsOn: d("2025-08-29"),
        schoolHolidays: [{ kind: "other", from: d("2025-08-18"), to: d("2025-08-29") }],
        planningDays: [],
      },
      expected: [{ code: "calendar.noTeachingDays", path: "schoolHolidays" }],
    },
    {
      name: "several problems at once are all reported",
      definition: {
        ...base,
        schoolHolidays: [
          { kind: "autumnBreak", from: d("2025-09-29"), to: d("2025-10-03") },
          { kind: "autumnBreak", from: d("2025-09-29"), to: d("2025-10-03") },
          { kind: "other", from: d("2026-07-01"), to: d("2026-07-02") },
        ],
        planningDays: [d("2025-08-16"), d("2026-08-01")],
      },
      expected: [
        { code: "calendar.holidayOutsideYear", path: "schoolHolidays[2]" },
        { code: "calendar.holidaysOverlap", path: "schoolHolidays[1]" },
        { code: "calendar.planningDayNotWorkingDay", path: "planningDays[0]" },
        { code: "calendar.planningDayOutsideYear", path: "planningDays[1]" },
      ],
    },
  ];

  it.each(cases)("rejects $name", ({ definition, workingDays, expected }) => {
    expect(issuesOf(definition, workingDays)).toEqual(expected);
  });

  it("names both holidays and the overlapping days in an overlap issue", () => {
    const result = createSchoolYearCalendar(cases[6]?.definition ?? base);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error[0]?.params).toEqual({
        index: 1,
        otherIndex: 4,
        from: "2026-01-02",
        to: "2026-01-04",
      });
    }
  });

  it("accepts holidays that touch without overlapping", () => {
    const definition: SchoolYearDefinition = {
      ...base,
      schoolHolidays: [
        { kind: "autumnBreak", from: d("2025-09-29"), to: d("2025-10-05") },
        { kind: "other", from: d("2025-10-06"), to: d("2025-10-06") },
      ],
    };
    expect(issuesOf(definition)).toEqual([]);
  });
});

describe("first teaching week", () => {
  const cases: Array<{
    name: string;
    definition: SchoolYearDefinition;
    workingDays?: WorkingDayCalendar;
    firstTeachingDay: string;
    monday: string;
    isoWeek: number;
    teachingDays: string[];
  }> = [
    {
      name: "pupils start on Monday after three planning days",
      definition: base,
      firstTeachingDay: "2025-08-18",
      monday: "2025-08-18",
      isoWeek: 34,
      teachingDays: ["2025-08-18", "2025-08-19", "2025-08-20", "2025-08-21", "2025-08-22"],
    },
    {
      name: "pupils start on Thursday: the week holds only Thursday and Friday",
      definition: {
        ...base,
        startsOn: d("2025-08-18"),
        planningDays: [d("2025-08-18"), d("2025-08-19"), d("2025-08-20")],
      },
      firstTeachingDay: "2025-08-21",
      monday: "2025-08-18",
      isoWeek: 34,
      teachingDays: ["2025-08-21", "2025-08-22"],
    },
    {
      name: "the year starts on a Thursday without planning days: the week begins before it",
      definition: { ...base, startsOn: d("2025-08-21"), planningDays: [] },
      firstTeachingDay: "2025-08-21",
      monday: "2025-08-18",
      isoWeek: 34,
      teachingDays: ["2025-08-21", "2025-08-22"],
    },
    {
      name: "the year starts on a Saturday: the first teaching week is the next one",
      definition: { ...base, startsOn: d("2025-08-16"), planningDays: [] },
      firstTeachingDay: "2025-08-18",
      monday: "2025-08-18",
      isoWeek: 34,
      teachingDays: ["2025-08-18", "2025-08-19", "2025-08-20", "2025-08-21", "2025-08-22"],
    },
    {
      name: "an owner closed day on the first Monday",
      definition: base,
      workingDays: createWorkingDayCalendar({ extraClosedDays: [d("2025-08-18")] }),
      firstTeachingDay: "2025-08-19",
      monday: "2025-08-18",
      isoWeek: 34,
      teachingDays: ["2025-08-19", "2025-08-20", "2025-08-21", "2025-08-22"],
    },
    {
      name: "planning days fill the whole first week",
      definition: {
        ...base,
        startsOn: d("2025-08-11"),
        planningDays: ["2025-08-11", "2025-08-12", "2025-08-13", "2025-08-14", "2025-08-15"].map(d),
      },
      firstTeachingDay: "2025-08-18",
      monday: "2025-08-18",
      isoWeek: 34,
      teachingDays: ["2025-08-18", "2025-08-19", "2025-08-20", "2025-08-21", "2025-08-22"],
    },
    {
      name: "a year starting on New Year's Day (a Thursday holiday) in ISO week 1",
      definition: {
        startsOn: d("2026-01-01"),
        endsOn: d("2026-06-19"),
        schoolHolidays: [],
        planningDays: [],
      },
      firstTeachingDay: "2026-01-02",
      monday: "2025-12-29",
      isoWeek: 1,
      teachingDays: ["2026-01-02"],
    },
  ];

  it.each(cases)(
    "$name",
    ({ definition, workingDays, firstTeachingDay, monday, isoWeek, teachingDays }) => {
      const year = build(definition, workingDays);
      expect(year.firstTeachingDay).toBe(firstTeachingDay);
      expect(year.firstTeachingWeek.monday).toBe(monday);
      expect(year.firstTeachingWeek.sunday).toBe(addDays(d(monday), 6));
      expect(year.firstTeachingWeek.isoWeek).toBe(isoWeek);
      expect(year.firstTeachingWeek.teachingDays).toEqual(teachingDays);
      expect(year.firstTeachingWeek.teachingWeekNumber).toBe(1);
    },
  );
});

describe("dayStatus and isTeachingDay (default 2025/26 proposal)", () => {
  const year = build(defaultSchoolYear(2025));

  it.each<[string, SchoolDayStatus, string]>([
    ["2025-08-12", "outsideYear", "before the year"],
    ["2025-08-13", "planningDay", "first planning day (the year's first day)"],
    ["2025-08-18", "teachingDay", "first teaching day"],
    ["2025-08-23", "weekend", "first Saturday"],
    ["2025-09-30", "schoolHoliday", "autumn break"],
    ["2025-12-24", "schoolHoliday", "Christmas Eve (not a public holiday)"],
    ["2025-12-25", "publicHoliday", "Christmas Day inside the Christmas break"],
    ["2025-12-27", "weekend", "a Saturday inside the Christmas break"],
    ["2026-01-02", "schoolHoliday", "Friday 2 January added to the Christmas break"],
    ["2026-01-05", "teachingDay", "back after Christmas"],
    ["2026-02-18", "schoolHoliday", "winter break"],
    ["2026-03-31", "schoolHoliday", "Tuesday of Holy Week"],
    ["2026-04-02", "publicHoliday", "Maundy Thursday"],
    ["2026-04-07", "teachingDay", "Tuesday after Easter"],
    ["2026-05-14", "publicHoliday", "Ascension Day"],
    ["2026-05-15", "teachingDay", "the Friday after Ascension is not closed by default"],
    ["2026-06-19", "teachingDay", "last day"],
    ["2026-06-22", "outsideYear", "after the year"],
  ])("%s is %s (%s)", (date, status) => {
    expect(year.dayStatus(d(date))).toBe(status);
    expect(year.isTeachingDay(d(date))).toBe(status === "teachingDay");
    expect(year.contains(d(date))).toBe(status !== "outsideYear");
  });

  it("owner closed days are not teaching days", () => {
    const closed = build(
      defaultSchoolYear(2025),
      createWorkingDayCalendar({ extraClosedDays: [d("2026-05-15")] }),
    );
    expect(closed.dayStatus(d("2026-05-15"))).toBe("closedDay");
    expect(closed.isTeachingDay(d("2026-05-15"))).toBe(false);
  });

  it("schoolHolidayOn names the break", () => {
    expect(year.schoolHolidayOn(d("2026-02-18"))?.kind).toBe("winterBreak");
    expect(year.schoolHolidayOn(d("2026-02-23"))).toBeUndefined();
  });

  it.each<[string, string, number]>([
    ["2025-08-18", "2025-08-24", 5],
    ["2025-09-29", "2025-10-05", 0],
    ["2026-03-30", "2026-04-12", 4],
    ["2025-01-01", "2025-08-17", 0],
    ["2026-06-15", "2026-12-31", 5],
  ])("teachingDaysBetween(%s, %s) has %i days", (from, to, count) => {
    expect(year.teachingDaysBetween(d(from), d(to))).toHaveLength(count);
  });
});

describe("weeks of the school year", () => {
  function checkWeeks(year: SchoolYearCalendar): void {
    const { startsOn, endsOn } = year.definition;
    const first = year.weeks[0];
    const last = year.weeks[year.weeks.length - 1];
    expect(first?.monday !== undefined && first.monday <= startsOn).toBe(true);
    expect(last?.sunday !== undefined && last.sunday >= endsOn).toBe(true);
    let expectedTeachingWeek = 0;
    year.weeks.forEach((week, i) => {
      expect(week.index).toBe(i + 1);
      expect(weekday(week.monday)).toBe(1);
      expect(daysBetween(week.monday, week.sunday)).toBe(6);
      if (i > 0) expect(daysBetween(year.weeks[i - 1]?.monday ?? week.monday, week.monday)).toBe(7);
      if (week.teachingDays.length > 0) expectedTeachingWeek++;
      expect(week.teachingWeekNumber).toBe(
        week.teachingDays.length > 0 ? expectedTeachingWeek : null,
      );
      expect(year.weekOf(week.monday)).toBe(week);
      expect(year.weekOf(week.sunday)).toBe(week);
    });
    const all = year.weeks.flatMap((week) => week.teachingDays);
    expect(all).toEqual(year.teachingDaysBetween(startsOn, endsOn));
    expect(year.weekOf(addDays(first?.monday ?? startsOn, -1))).toBeUndefined();
    expect(year.weekOf(addDays(last?.sunday ?? endsOn, 1))).toBeUndefined();
  }

  it("2025/26: weeks are consecutive, cover the year and count teaching weeks", () => {
    const year = build(defaultSchoolYear(2025));
    checkWeeks(year);
    expect(year.weeks).toHaveLength(45);
    expect(year.weeks[0]).toMatchObject({ isoWeek: 33, teachingWeekNumber: null });
    expect(year.weekOf(d("2025-10-01"))).toMatchObject({ isoWeek: 40, teachingWeekNumber: null });
    expect(year.weekOf(d("2025-10-06"))).toMatchObject({ isoWeek: 41, teachingWeekNumber: 7 });
  });

  it("holds for every default year 2000–2100", () => {
    fc.assert(
      fc.property(fc.integer({ min: 2000, max: 2100 }), (startYear) => {
        checkWeeks(build(defaultSchoolYear(startYear)));
      }),
      { numRuns: 30 },
    );
  });
});

describe("defaultSchoolYear", () => {
  it.each([
    {
      startYear: 2024,
      startsOn: "2024-08-14",
      endsOn: "2025-06-20",
      christmas: ["2024-12-21", "2025-01-01"],
      easter: ["2025-04-14", "2025-04-21"],
    },
    {
      startYear: 2025,
      startsOn: "2025-08-13",
      endsOn: "2026-06-19",
      christmas: ["2025-12-21", "2026-01-02"],
      easter: ["2026-03-30", "2026-04-06"],
    },
    {
      startYear: 2026,
      startsOn: "2026-08-12",
      endsOn: "2027-06-18",
      christmas: ["2026-12-21", "2027-01-01"],
      easter: ["2027-03-22", "2027-03-29"],
    },
  ])("$startYear/$endsOn", ({ startYear, startsOn, endsOn, christmas, easter }) => {
    const definition = defaultSchoolYear(startYear);
    expect(definition.startsOn).toBe(startsOn);
    expect(definition.endsOn).toBe(endsOn);
    const byKind = new Map(definition.schoolHolidays.map((h) => [h.kind, [h.from, h.to]]));
    expect(byKind.get("christmas")).toEqual(christmas);
    expect(byKind.get("easter")).toEqual(easter);
  });

  it("is a valid, plausible year for every start year 2000–2100", () => {
    for (let startYear = 2000; startYear <= 2100; startYear++) {
      const definition = defaultSchoolYear(startYear);
      const year = build(definition);
      const first = isoDateParts(year.firstTeachingDay);
      expect(weekday(year.firstTeachingDay)).toBe(1);
      expect(first.month).toBe(8);
      expect(first.day).toBeGreaterThanOrEqual(16);
      expect(first.day).toBeLessThanOrEqual(23);
      expect(year.firstTeachingWeek.isoWeek).toBe(34);
      const end = isoDateParts(definition.endsOn);
      expect(end.month).toBe(6);
      expect(end.day).toBeGreaterThanOrEqual(18);
      expect(end.day).toBeLessThanOrEqual(20);
      const kinds = definition.schoolHolidays.map((h) => h.kind);
      expect(kinds).toEqual(["autumnBreak", "christmas", "winterBreak", "easter"]);
      // Norwegian schools have 190 pupil days a year; the proposal should be close to it.
      const teachingDays = year.teachingDaysBetween(definition.startsOn, definition.endsOn);
      expect(teachingDays.length).toBeGreaterThanOrEqual(185);
      expect(teachingDays.length).toBeLessThanOrEqual(195);
    }
  });

  it.each([1582, 2025.5, 9999])("rejects start year %s with calendar.invalidYear", (year) => {
    expect(() => defaultSchoolYear(year)).toThrowError(
      expect.objectContaining({ code: "calendar.invalidYear" }),
    );
  });
});
