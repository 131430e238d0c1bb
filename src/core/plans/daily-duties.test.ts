// Daily duties: a "done today / not today" record per school day, made on the day, with the
// places from the plan; and the share of school days done per month.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { eachDay, type IsoDate } from "../calendar/iso-date.ts";
import { createSchoolYearCalendar, defaultSchoolYear } from "../calendar/school-year.ts";
import {
  type DailyDuty,
  type DutyRecordInput,
  dailyDutiesOf,
  decideDutyRecord,
  dutyMonthShares,
} from "./daily-duties.ts";
import type { PlanContent } from "./types.ts";

const built = createSchoolYearCalendar(defaultSchoolYear(2026));
if (!built.ok) throw new Error(JSON.stringify(built.error));
const calendar = built.value;
const d = (s: string) => s as IsoDate;

/** The first day of the year with this status (from the default 2026/27 calendar). */
function firstDay(status: string): IsoDate {
  const days = [...eachDay(calendar.definition.startsOn, calendar.definition.endsOn)];
  const found = days.find((day) => calendar.dayStatus(day) === status);
  if (!found) throw new Error(`no ${status} day`);
  return found;
}

const duty: DailyDuty = {
  activityId: "duty-monitor-common-areas",
  description: "Følge med",
  method: "Miljøarbeider oppholde seg i kantine, aula og andre fellesområder",
  places: ["Kantina", "Aulaen", "Andre fellesområder"],
  roles: ["socialWorker"],
};

const teaching = d("2026-09-14"); // a Monday with teaching
const done = (places: string[], note?: string): DutyRecordInput => ({
  status: "done",
  places,
  ...(note !== undefined ? { note } : {}),
});
const notToday = (note?: string, places: string[] = []): DutyRecordInput => ({
  status: "notToday",
  places,
  ...(note !== undefined ? { note } : {}),
});

describe("decideDutyRecord", () => {
  it("decides every case as the rules say (one table, every wrong cell listed)", () => {
    const cases: Array<[string, IsoDate, IsoDate, DutyRecordInput, string | object]> = [
      [
        "done today in two places",
        teaching,
        teaching,
        done(["Aulaen", "Kantina"]),
        {
          status: "done",
          places: ["Kantina", "Aulaen"],
          note: null,
        },
      ],
      [
        "done with a short note",
        teaching,
        teaching,
        done(["Kantina"], "  Rolig lunsj. "),
        {
          status: "done",
          places: ["Kantina"],
          note: "Rolig lunsj.",
        },
      ],
      [
        "not today, no reason",
        teaching,
        teaching,
        notToday(),
        {
          status: "notToday",
          places: [],
          note: null,
        },
      ],
      [
        "not today with a reason, places dropped",
        teaching,
        teaching,
        notToday("Kurs", ["Aulaen"]),
        {
          status: "notToday",
          places: [],
          note: "Kurs",
        },
      ],
      [
        "a blank note is no note",
        teaching,
        teaching,
        notToday("   "),
        {
          status: "notToday",
          places: [],
          note: null,
        },
      ],
      ["a weekend", d("2026-09-12"), d("2026-09-12"), done(["Kantina"]), "plan.duty.notSchoolDay"],
      [
        "the autumn break",
        firstDay("schoolHoliday"),
        firstDay("schoolHoliday"),
        notToday(),
        "plan.duty.notSchoolDay",
      ],
      [
        "a planning day",
        firstDay("planningDay"),
        firstDay("planningDay"),
        done(["Kantina"]),
        "plan.duty.notSchoolDay",
      ],
      [
        "a public holiday (17 May)",
        d("2027-05-17"),
        d("2027-05-17"),
        done(["Kantina"]),
        "plan.duty.notSchoolDay",
      ],
      [
        "outside the school year",
        d("2027-07-01"),
        d("2027-07-01"),
        done(["Kantina"]),
        "plan.duty.notSchoolDay",
      ],
      [
        "yesterday is closed",
        d("2026-09-14"),
        d("2026-09-15"),
        done(["Kantina"]),
        "plan.duty.dayClosed",
      ],
      [
        "tomorrow is not open yet",
        d("2026-09-15"),
        d("2026-09-14"),
        done(["Kantina"]),
        "plan.duty.dayClosed",
      ],
      ["done needs a place", teaching, teaching, done([]), "plan.duty.placesNeeded"],
      ["only the plan's places", teaching, teaching, done(["Gymsalen"]), "plan.duty.placeUnknown"],
      ["a note is short", teaching, teaching, notToday("x".repeat(281)), "plan.duty.noteTooLong"],
      [
        "280 characters fit",
        teaching,
        teaching,
        notToday("x".repeat(280)),
        {
          status: "notToday",
          places: [],
          note: "x".repeat(280),
        },
      ],
    ];
    const wrong = cases.flatMap(([name, day, today, input, expected]) => {
      const got = decideDutyRecord({ duty, calendar, day, today, input });
      const actual = got.ok ? got.value : got.error;
      return JSON.stringify(actual) === JSON.stringify(expected)
        ? []
        : [`${name}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`];
    });
    expect(wrong).toEqual([]);
  });
});

describe("dutyMonthShares", () => {
  const teachingDays = calendar.teachingDaysBetween(calendar.definition.startsOn, d("2027-06-30"));

  it("counts school days per month, not weekends or breaks", () => {
    const shares = dutyMonthShares([], calendar, d("2026-10-31"));
    expect(shares.map((s) => s.month)).toEqual(["2026-08", "2026-09", "2026-10"]);
    // The autumn break is 28 September – 2 October: September 2026 has 22 working days and
    // loses 3 to it, October has 22 and loses 2. August starts with the pupils on the 17th.
    expect(shares.map((s) => [s.month, s.schoolDays, s.missing, s.share])).toEqual([
      ["2026-08", 11, 11, 0],
      ["2026-09", 19, 19, 0],
      ["2026-10", 20, 20, 0],
    ]);
  });

  it("gives the share of days done; 'not today' is a record, not a day done", () => {
    const september = calendar.teachingDaysBetween(d("2026-09-01"), d("2026-09-30"));
    const records = september.map((day, i) => ({
      day,
      status: i % 2 === 0 ? ("done" as const) : ("notToday" as const),
    }));
    const [share] = dutyMonthShares(records, calendar, d("2026-09-30")).filter(
      (s) => s.month === "2026-09",
    );
    expect(share?.done).toBe(Math.ceil(september.length / 2));
    expect(share?.missing).toBe(0);
    expect(share?.share).toBe(Math.round((share!.done / september.length) * 100) / 100);
  });

  it("property: each month adds up, shares lie in [0, 1], days after `until` never count", () => {
    fc.assert(
      fc.property(
        fc.subarray([...teachingDays]),
        fc.array(fc.boolean(), { minLength: teachingDays.length, maxLength: teachingDays.length }),
        fc.integer({ min: 0, max: teachingDays.length - 1 }),
        (days, flags, cut) => {
          const until = teachingDays[cut] as IsoDate;
          const records = days.map((day, i) => ({
            day,
            status: flags[i] ? ("done" as const) : ("notToday" as const),
          }));
          const shares = dutyMonthShares(records, calendar, until);
          const total = shares.reduce((n, s) => n + s.schoolDays, 0);
          expect(total).toBe(cut + 1);
          for (const s of shares) {
            expect(s.done + s.notToday + s.missing).toBe(s.schoolDays);
            expect(s.share).not.toBeNull();
            expect(s.share ?? -1).toBeGreaterThanOrEqual(0);
            expect(s.share ?? 2).toBeLessThanOrEqual(1);
          }
          const doneCounted = shares.reduce((n, s) => n + s.done, 0);
          expect(doneCounted).toBe(
            records.filter((r) => r.status === "done" && r.day <= until).length,
          );
        },
      ),
      { numRuns: 100, seed: 118 },
    );
  });
});

describe("dailyDutiesOf", () => {
  it("finds the activities with a daily duty and the roles that record them", () => {
    const content = {
      title: "Plan",
      sections: [],
      parts: [
        {
          id: "dutyToAct",
          title: "Del 3",
          intro: [],
          links: [],
          activities: [
            {
              id: "a",
              description: "Følge med",
              details: [],
              responsible: [
                { kind: "role", role: "socialWorker" },
                { kind: "other", label: "X" },
              ],
              methods: ["Oppholde seg i fellesområder"],
              timing: { kind: "continuous", checkInEveryWeeks: 4 },
              deadlineText: "Daglig",
              links: [],
              dailyDuty: { places: ["Kantina"] },
            },
            {
              id: "b",
              description: "Annet",
              details: [],
              responsible: [{ kind: "role", role: "principal" }],
              methods: [],
              timing: { kind: "month", month: 9 },
              deadlineText: "September",
              links: [],
            },
          ],
        },
      ],
    } as unknown as PlanContent;
    expect(dailyDutiesOf(content)).toEqual([
      {
        activityId: "a",
        description: "Følge med",
        method: "Oppholde seg i fellesområder",
        places: ["Kantina"],
        roles: ["socialWorker"],
      },
    ]);
  });
});
