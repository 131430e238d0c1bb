// Invariants of every timing rule in every school year, checked on random rules over the
// default school years 2024–2035 (real Easter dates, 17 May on every weekday, …).

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { IsoWeekday } from "../calendar/iso-date.ts";
import {
  createSchoolYearCalendar,
  defaultSchoolYear,
  type SchoolYearCalendar,
} from "../calendar/school-year.ts";
import { PLAN_ISSUE_CODES } from "./errors.ts";
import { schedulePlan } from "./schedule.ts";
import { occurrencesFor } from "./timing.ts";
import type { PlanActivity, PlanContent, RuleOccurrence, TimingRule } from "./types.ts";

const calendars = new Map<number, SchoolYearCalendar>();
function calendarOf(year: number): SchoolYearCalendar {
  let calendar = calendars.get(year);
  if (calendar === undefined) {
    const result = createSchoolYearCalendar(defaultSchoolYear(year));
    if (!result.ok) throw new Error(JSON.stringify(result.error));
    calendar = result.value;
    calendars.set(year, calendar);
  }
  return calendar;
}

const yearArb = fc.integer({ min: 2024, max: 2035 });
const weekdayArb = fc.integer({ min: 1, max: 5 }).map((n) => n as IsoWeekday);
const monthDayArb = fc
  .tuple(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 31 }))
  .map(([m, day]) => `${String(m).padStart(2, "0")}-${String(Math.min(day, 28)).padStart(2, "0")}`);
const periodArb = fc.option(
  fc.record({
    from: fc.option(monthDayArb, { nil: undefined }),
    to: fc.option(monthDayArb, { nil: undefined }),
  }),
  { nil: undefined },
);

/** Mostly valid rules, with some out-of-range values to exercise the refusals. */
const ruleArb: fc.Arbitrary<TimingRule> = fc.oneof(
  fc.record({
    kind: fc.constant("beforeSchoolStarts" as const),
    daysBefore: fc.integer({ min: 0, max: 5 }),
  }),
  fc.record({
    kind: fc.constant("firstSchoolWeek" as const),
    weeks: fc.integer({ min: 1, max: 4 }),
  }),
  fc.record({
    kind: fc.constant("month" as const),
    month: fc.integer({ min: 0, max: 13 }),
    which: fc.constantFrom("start" as const, "end" as const),
  }),
  fc.record({ kind: fc.constant("byDate" as const), monthDay: monthDayArb }),
  fc.record({ kind: fc.constant("weekly" as const), weekday: weekdayArb, period: periodArb }),
  fc
    .record({
      n: fc.integer({ min: 0, max: 8 }),
      min: fc.integer({ min: 1, max: 4 }),
      spread: fc.integer({ min: 0, max: 3 }),
      weekday: weekdayArb,
      firstWeek: fc.integer({ min: 1, max: 10 }),
      period: periodArb,
    })
    .map(({ n, min, spread, weekday, firstWeek, period }) => ({
      kind: "everyNWeeks" as const,
      n,
      min,
      max: min + spread,
      weekday,
      firstWeek,
      period,
    })),
  fc.record({
    kind: fc.constant("timesPerYear" as const),
    k: fc.integer({ min: 0, max: 45 }),
    period: periodArb,
  }),
  fc.record({
    kind: fc.constant("continuous" as const),
    checkInEveryWeeks: fc.integer({ min: 0, max: 12 }),
    period: periodArb,
  }),
);

function checkOccurrences(
  calendar: SchoolYearCalendar,
  rule: TimingRule,
  list: readonly RuleOccurrence[],
) {
  const { startsOn, endsOn } = calendar.definition;
  expect(list.length).toBeGreaterThan(0);
  list.forEach((o, i) => {
    // Inside the school year, on a school day, never in a holiday.
    expect(o.dueOn >= startsOn && o.dueOn <= endsOn).toBe(true);
    expect(["teachingDay", "planningDay"]).toContain(calendar.dayStatus(o.dueOn));
    expect(["teachingDay", "planningDay"]).toContain(calendar.dayStatus(o.windowStartsOn));
    expect(calendar.schoolHolidayOn(o.dueOn)).toBeUndefined();
    expect(o.windowStartsOn <= o.dueOn).toBe(true);
    // Only "before school starts" and "by a date" may use a planning day.
    if (rule.kind !== "beforeSchoolStarts" && rule.kind !== "byDate") {
      expect(calendar.isTeachingDay(o.dueOn)).toBe(true);
    }
    expect(o.sequence).toBe(i + 1);
    expect(o.key).toBe(`${o.activityId}@${o.dueOn}`);
    const previous = list[i - 1];
    if (previous !== undefined) expect(previous.dueOn < o.dueOn).toBe(true);
  });
}

describe("timing properties", () => {
  it("every occurrence is a school day in the year, sorted, with unique keys; refusals use known codes", () => {
    fc.assert(
      fc.property(yearArb, ruleArb, (year, rule) => {
        const calendar = calendarOf(year);
        const result = occurrencesFor("x", rule, calendar);
        if (result.ok) {
          checkOccurrences(calendar, rule, result.value);
        } else {
          expect(result.error.length).toBeGreaterThan(0);
          for (const issue of result.error) {
            expect(PLAN_ISSUE_CODES).toContain(issue.code);
            expect(issue.activityId).toBe("x");
          }
        }
      }),
      { numRuns: 1000 },
    );
  });

  it("relative rules keep the invariants and snap away from their anchor", () => {
    fc.assert(
      fc.property(yearArb, ruleArb, fc.integer({ min: -60, max: 60 }), (year, rule, offsetDays) => {
        const calendar = calendarOf(year);
        const target = occurrencesFor("t", rule, calendar);
        if (!target.ok) return;
        const result = occurrencesFor(
          "x",
          { kind: "relative", activityId: "t", offsetDays },
          calendar,
          new Map([["t", target.value]]),
        );
        if (!result.ok) {
          expect(result.error.map((i) => i.code)).toEqual(["plan.timing.noOccurrences"]);
          return;
        }
        const { startsOn, endsOn } = calendar.definition;
        const keys = new Set<string>();
        result.value.forEach((o, i) => {
          expect(o.dueOn >= startsOn && o.dueOn <= endsOn).toBe(true);
          expect(["teachingDay", "planningDay"]).toContain(calendar.dayStatus(o.dueOn));
          expect(o.windowStartsOn <= o.dueOn).toBe(true);
          const previous = result.value[i - 1];
          if (previous !== undefined) expect(previous.dueOn < o.dueOn).toBe(true);
          keys.add(o.key);
        });
        expect(keys.size).toBe(result.value.length);
        expect(result.value.length).toBeLessThanOrEqual(target.value.length);
      }),
      { numRuns: 1000 },
    );
  });

  it("a whole random plan schedules with unique keys across activities, sorted by date", () => {
    const activityArb = (i: number) =>
      ruleArb.map(
        (timing): PlanActivity => ({
          id: `a${i}`,
          description: "x",
          details: [],
          responsible: [{ kind: "role", role: "principal" }],
          methods: [],
          timing,
          deadlineText: "x",
          links: [],
        }),
      );
    fc.assert(
      fc.property(
        yearArb,
        fc.tuple(activityArb(0), activityArb(1), activityArb(2), activityArb(3)),
        (year, list) => {
          const content: PlanContent = {
            title: "x",
            sections: [],
            parts: [
              { id: "information", title: "1", intro: [], activities: list.slice(0, 2), links: [] },
              {
                id: "prevention",
                title: "2",
                intro: [],
                activities: [
                  ...list.slice(2),
                  {
                    ...list[0],
                    id: "rel",
                    timing: { kind: "relative", activityId: "a0", offsetDays: 3 },
                  },
                ],
                links: [],
              },
              { id: "dutyToAct", title: "3", intro: [], activities: [], links: [] },
              { id: "resources", title: "4", intro: [], activities: [], links: [] },
            ],
          };
          const result = schedulePlan(content, calendarOf(year));
          if (!result.ok) return;
          const keys = result.value.map((o) => o.key);
          expect(new Set(keys).size).toBe(keys.length);
          const dates = result.value.map((o) => o.dueOn);
          expect([...dates].sort()).toEqual(dates);
        },
      ),
      { numRuns: 300 },
    );
  });
});
