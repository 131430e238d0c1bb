import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDays, type IsoDate } from "../calendar/iso-date.ts";
import { createWorkingDayCalendar } from "../calendar/working-days.ts";
import { caseIn } from "../cases/builders.ts";
import { CASE_KINDS } from "../cases/types.ts";
import {
  type CaseFacts,
  caseFacts,
  complianceFigures,
  median,
  ownerCompliance,
  schoolYearOf,
} from "./compliance.ts";

const calendar = createWorkingDayCalendar();
const year = { from: "2026-08-01" as IsoDate, to: "2027-07-31" as IsoDate };
const today = "2026-12-07" as IsoDate;
const d = (s: string) => s as IsoDate;

function facts(overrides: Partial<CaseFacts> = {}): CaseFacts {
  return {
    schoolId: "s1",
    kind: "staff-concern",
    open: true,
    serious: false,
    learnedOn: d("2026-11-02"),
    planDueOn: d("2026-11-09"),
    firstPlanOn: null,
    investigateBy: d("2026-11-04"),
    investigationStartedOn: null,
    closedOn: null,
    joined: false,
    overdueSteps: 0,
    ...overrides,
  };
}

describe("complianceFigures", () => {
  it("counts plans and investigations due and on time, one rule per row", () => {
    const cells: [
      string,
      CaseFacts,
      { planDue: number; planOnTime: number; invDue: number; invOnTime: number },
    ][] = [
      [
        "plan on the deadline day",
        facts({ firstPlanOn: d("2026-11-09") }),
        { planDue: 1, planOnTime: 1, invDue: 1, invOnTime: 0 },
      ],
      [
        "plan a day late",
        facts({ firstPlanOn: d("2026-11-10") }),
        { planDue: 1, planOnTime: 0, invDue: 1, invOnTime: 0 },
      ],
      ["no plan, deadline passed", facts(), { planDue: 1, planOnTime: 0, invDue: 1, invOnTime: 0 }],
      [
        "no plan, deadline not yet passed",
        facts({
          learnedOn: d("2026-12-04"),
          planDueOn: d("2026-12-11"),
          investigateBy: d("2026-12-08"),
        }),
        { planDue: 0, planOnTime: 0, invDue: 0, invOnTime: 0 },
      ],
      [
        "closed before the deadline without a plan",
        facts({ open: false, closedOn: d("2026-11-05"), investigationStartedOn: d("2026-11-03") }),
        { planDue: 0, planOnTime: 0, invDue: 1, invOnTime: 1 },
      ],
      [
        "closed after the deadline without a plan",
        facts({ open: false, closedOn: d("2026-11-20") }),
        { planDue: 1, planOnTime: 0, invDue: 1, invOnTime: 0 },
      ],
      [
        "investigation started late",
        facts({ investigationStartedOn: d("2026-11-05"), firstPlanOn: d("2026-11-06") }),
        { planDue: 1, planOnTime: 1, invDue: 1, invOnTime: 0 },
      ],
      [
        "joined into another case",
        facts({ joined: true, open: false, closedOn: d("2026-11-03") }),
        { planDue: 0, planOnTime: 0, invDue: 0, invOnTime: 0 },
      ],
      [
        "knew of it before the period",
        facts({ learnedOn: d("2026-07-30") }),
        { planDue: 0, planOnTime: 0, invDue: 0, invOnTime: 0 },
      ],
    ];
    const wrong: string[] = [];
    for (const [name, f, want] of cells) {
      const got = complianceFigures([f], year, today, calendar);
      const seen = {
        planDue: got.plan.due,
        planOnTime: got.plan.onTime,
        invDue: got.investigation.due,
        invOnTime: got.investigation.onTime,
      };
      if (JSON.stringify(seen) !== JSON.stringify(want))
        wrong.push(`${name}: ${JSON.stringify(seen)}`);
    }
    expect(wrong).toEqual([]);
  });

  it("gives no share (not 0 %) when nothing was due, and the median working days to the plan", () => {
    const none = complianceFigures([], year, today, calendar);
    expect(none.plan).toEqual({ due: 0, onTime: 0, share: null });
    expect(none.medianWorkingDaysToPlan).toBeNull();
    // Monday 2 Nov → Friday 6 Nov is 4 working days; → Monday 9 Nov is 5; → Tuesday 17 Nov is 11.
    const got = complianceFigures(
      [
        facts({ firstPlanOn: d("2026-11-06") }),
        facts({ firstPlanOn: d("2026-11-09") }),
        facts({ firstPlanOn: d("2026-11-17") }),
      ],
      year,
      today,
      calendar,
    );
    expect(got.medianWorkingDaysToPlan).toBe(5);
    expect(got.plan).toEqual({ due: 3, onTime: 2, share: 2 / 3 });
    expect(median([1, 2, 3, 10])).toBe(2.5);
  });

  it("lists every month of the school year, and counts open and overdue now", () => {
    const got = complianceFigures(
      [
        facts({ overdueSteps: 2 }),
        facts({ learnedOn: d("2026-09-15"), open: false, closedOn: d("2026-10-01") }),
        facts({ learnedOn: d("2025-09-15"), overdueSteps: 1 }),
      ],
      year,
      today,
      calendar,
    );
    expect(Object.keys(got.byMonth)).toHaveLength(12);
    expect(got.byMonth["2026-11"]).toBe(1);
    expect(got.byMonth["2026-09"]).toBe(1);
    expect(got.cases).toBe(2);
    // Open now counts the old case too: it is still open and overdue.
    expect(got.openNow).toBe(2);
    expect(got.overdueSteps).toBe(3);
    expect(got.casesWithOverdueSteps).toBe(2);
  });

  it("keeps its sums whatever the cases (property)", () => {
    const day = fc.integer({ min: 0, max: 500 }).map((n) => addDays(d("2026-01-01"), n));
    const fact = fc
      .record({
        schoolId: fc.constantFrom("s1", "s2", "s3"),
        kind: fc.constantFrom(...CASE_KINDS),
        learnedOn: day,
        planAfter: fc.option(fc.integer({ min: 0, max: 20 })),
        invAfter: fc.option(fc.integer({ min: 0, max: 10 })),
        closedAfter: fc.option(fc.integer({ min: 0, max: 40 })),
        joined: fc.boolean(),
        overdueSteps: fc.integer({ min: 0, max: 3 }),
      })
      .map(
        (r): CaseFacts =>
          facts({
            schoolId: r.schoolId,
            kind: r.kind,
            learnedOn: r.learnedOn,
            planDueOn: calendar.addWorkingDays(r.learnedOn, 5),
            investigateBy: calendar.addWorkingDays(r.learnedOn, 2),
            firstPlanOn: r.planAfter === null ? null : addDays(r.learnedOn, r.planAfter),
            investigationStartedOn: r.invAfter === null ? null : addDays(r.learnedOn, r.invAfter),
            closedOn: r.closedAfter === null ? null : addDays(r.learnedOn, r.closedAfter),
            open: r.closedAfter === null,
            joined: r.joined && r.closedAfter !== null,
            overdueSteps: r.closedAfter === null ? r.overdueSteps : 0,
          }),
      );
    fc.assert(
      fc.property(fc.array(fact, { maxLength: 60 }), (all) => {
        const { schools, total } = ownerCompliance(["s1", "s2", "s3"], all, year, today, calendar);
        const sum = (pick: (f: (typeof schools)[number]["figures"]) => number) =>
          schools.reduce((n, s) => n + pick(s.figures), 0);
        expect(sum((f) => f.cases)).toBe(total.cases);
        expect(sum((f) => f.plan.due)).toBe(total.plan.due);
        expect(sum((f) => f.plan.onTime)).toBe(total.plan.onTime);
        expect(sum((f) => f.investigation.onTime)).toBe(total.investigation.onTime);
        expect(sum((f) => f.overdueSteps)).toBe(total.overdueSteps);
        expect(Object.values(total.byKind).reduce((a, b) => a + b, 0)).toBe(total.cases);
        expect(Object.values(total.byMonth).reduce((a, b) => a + b, 0)).toBe(total.cases);
        for (const f of [total, ...schools.map((s) => s.figures)]) {
          expect(f.plan.onTime).toBeLessThanOrEqual(f.plan.due);
          expect(f.investigation.onTime).toBeLessThanOrEqual(f.investigation.due);
          if (f.plan.share !== null) expect(f.plan.share).toBeGreaterThanOrEqual(0);
          if (f.plan.share !== null) expect(f.plan.share).toBeLessThanOrEqual(1);
        }
      }),
      { numRuns: 200 },
    );
  });
});

describe("caseFacts", () => {
  it("reads a case without any name or text", () => {
    const c = caseIn("staff-concern", "measuresActive");
    const f = caseFacts(c, new Date("2026-12-07T10:00:00Z"));
    expect(f.firstPlanOn).not.toBeNull();
    expect(f.open).toBe(true);
    expect(JSON.stringify(f)).not.toMatch(/text|name/i);
  });
});

describe("schoolYearOf", () => {
  it("runs from 1 August to 31 July", () => {
    expect(schoolYearOf(d("2026-12-07"))).toEqual({
      from: "2026-08-01",
      to: "2027-07-31",
      label: "2026-2027",
    });
    expect(schoolYearOf(d("2026-07-31")).label).toBe("2025-2026");
    expect(schoolYearOf(d("2026-08-01")).label).toBe("2026-2027");
  });
});
