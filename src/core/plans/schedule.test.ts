import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { type IsoDate, weekday } from "../calendar/iso-date.ts";
import {
  createSchoolYearCalendar,
  defaultSchoolYear,
  type SchoolYearCalendar,
  type SchoolYearDefinition,
} from "../calendar/school-year.ts";
import type { PlanIssueCode } from "./errors.ts";
import { schedulePlan } from "./schedule.ts";
import { parsePlanContent, parsePlanTemplate } from "./template.ts";
import type { PlanActivity, PlanContent, PlanTemplate, TimingRule } from "./types.ts";
import { validatePlan } from "./validate.ts";

function build(definition: SchoolYearDefinition): SchoolYearCalendar {
  const result = createSchoolYearCalendar(definition);
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.value;
}
const YEARS = { 2026: build(defaultSchoolYear(2026)), 2027: build(defaultSchoolYear(2027)) };

const here = path.dirname(fileURLToPath(import.meta.url));
const templatePath = path.resolve(
  here,
  "../../../templates/action-plans/trygt-skolemiljo-akershus-vgs.nb.json",
);

function loadTemplate(): PlanTemplate {
  const parsed = parsePlanTemplate(JSON.parse(fs.readFileSync(templatePath, "utf8")));
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.error, null, 2));
  return parsed.value;
}

function activity(id: string, timing: TimingRule, extra: Partial<PlanActivity> = {}) {
  return {
    id,
    description: `Aktivitet ${id}`,
    details: [],
    responsible: [{ kind: "role", role: "principal" }],
    methods: [],
    timing,
    deadlineText: "Frist",
    links: [],
    ...extra,
  } satisfies PlanActivity;
}

function content(
  information: PlanActivity[],
  prevention: PlanActivity[] = [],
  dutyToAct: PlanActivity[] = [],
): PlanContent {
  return {
    title: "Plan",
    sections: [],
    parts: [
      { id: "information", title: "1", intro: [], activities: information, links: [] },
      { id: "prevention", title: "2", intro: [], activities: prevention, links: [] },
      { id: "dutyToAct", title: "3", intro: [], activities: dutyToAct, links: [] },
      { id: "resources", title: "4", intro: [], activities: [], links: [] },
    ],
  };
}

const WEEKLY: TimingRule = { kind: "weekly", weekday: 5 };
const ROUTINE: TimingRule = {
  kind: "caseRoutine",
  step: "report",
  caseKinds: ["pupil-reported"],
  deadline: "immediately",
};

function issueCodes(plan: PlanContent): Array<[PlanIssueCode, string | undefined]> {
  return validatePlan(plan).map((issue) => [issue.code, issue.activityId]);
}

describe("validatePlan", () => {
  it("accepts a small plan", () => {
    expect(validatePlan(content([activity("a", WEEKLY)]))).toEqual([]);
  });

  it.each<[string, PlanContent, Array<[PlanIssueCode, string | undefined]>]>([
    [
      "a duplicate id",
      content([activity("a", WEEKLY)], [activity("a", WEEKLY)]),
      [["plan.activity.duplicateId", "a"]],
    ],
    ["an id with @", content([activity("a@b", WEEKLY)]), [["plan.activity.invalidId", "a@b"]]],
    [
      "no responsible, no description, no deadline text",
      content([activity("a", WEEKLY, { responsible: [], description: " ", deadlineText: "" })]),
      [
        ["plan.activity.descriptionMissing", "a"],
        ["plan.activity.noResponsible", "a"],
        ["plan.activity.deadlineTextMissing", "a"],
      ],
    ],
    [
      "a javascript: link",
      content([activity("a", WEEKLY, { links: [{ label: "x", url: "javascript:alert(1)" }] })]),
      [["plan.link.invalidUrl", "a"]],
    ],
    [
      "a relative rule to an unknown activity",
      content([activity("a", { kind: "relative", activityId: "ghost", offsetDays: 1 })]),
      [["plan.timing.unknownActivity", "a"]],
    ],
    [
      "a relative rule to itself",
      content([activity("a", { kind: "relative", activityId: "a", offsetDays: 1 })]),
      [["plan.timing.cycle", "a"]],
    ],
    [
      "a cycle of three",
      content([
        activity("a", { kind: "relative", activityId: "c", offsetDays: 1 }),
        activity("b", { kind: "relative", activityId: "a", offsetDays: 1 }),
        activity("c", { kind: "relative", activityId: "b", offsetDays: 1 }),
      ]),
      [["plan.timing.cycle", "a"]],
    ],
    [
      "a relative rule to a case-routine step",
      content(
        [activity("a", { kind: "relative", activityId: "r", offsetDays: 1 })],
        [],
        [activity("r", ROUTINE)],
      ),
      [["plan.timing.relativeToUndated", "a"]],
    ],
    [
      "a case-routine step outside part 3",
      content([activity("r", ROUTINE)]),
      [["plan.activity.caseRoutineOutsidePart3", "r"]],
    ],
    [
      "an every-N-weeks rule with N = 0",
      content([activity("a", { kind: "everyNWeeks", n: 0, min: 3, max: 4, weekday: 1 })]),
      [["plan.timing.invalidN", "a"]],
    ],
  ])("refuses %s", (_name, plan, expected) => {
    expect(issueCodes(plan)).toEqual(expected);
  });

  it("names the cycle", () => {
    const plan = content([
      activity("a", { kind: "relative", activityId: "b", offsetDays: 1 }),
      activity("b", { kind: "relative", activityId: "a", offsetDays: 1 }),
    ]);
    expect(validatePlan(plan)[0]).toMatchObject({
      code: "plan.timing.cycle",
      path: "parts[0].activities[0].timing.activityId",
      params: { cycle: "a → b → a" },
    });
  });

  it("refuses missing and reordered parts", () => {
    const plan = content([]);
    expect(validatePlan({ ...plan, parts: plan.parts.slice(0, 3) }).map((i) => i.code)).toEqual([
      "plan.part.missing",
    ]);
    expect(validatePlan({ ...plan, parts: [...plan.parts].reverse() }).map((i) => i.code)).toEqual([
      "plan.part.order",
    ]);
  });
});

describe("schedulePlan", () => {
  it("resolves a chain of relative rules in dependency order, whatever the plan order", () => {
    const plan = content([
      activity("c", { kind: "relative", activityId: "b", offsetDays: 7 }),
      activity("b", { kind: "relative", activityId: "a", offsetDays: 7 }),
      activity("a", { kind: "month", month: 11 }),
    ]);
    const result = schedulePlan(plan, YEARS[2026]);
    expect(result.ok && result.value.map((o) => o.key)).toEqual([
      "a@2026-11-30",
      "b@2026-12-07",
      "c@2026-12-14",
    ]);
  });

  it("reports every year-dependent problem at once, not the rules relative to a failed one", () => {
    const plan = content([
      activity("july", { kind: "month", month: 7 }),
      activity("after-july", { kind: "relative", activityId: "july", offsetDays: 7 }),
      activity("many", { kind: "timesPerYear", k: 45 }),
    ]);
    const result = schedulePlan(plan, YEARS[2027]);
    expect(result.ok ? [] : result.error.map((i) => [i.code, i.activityId, i.path])).toEqual([
      ["plan.timing.monthOutsideYear", "july", "parts[0].activities[0].timing.month"],
      ["plan.timing.tooManyTimes", "many", "parts[0].activities[2].timing.k"],
    ]);
  });

  it("orders by date, then part, then plan order, and carries part and roles", () => {
    const plan = content(
      [
        activity(
          "info",
          { kind: "firstSchoolWeek" },
          { responsible: [{ kind: "role", role: "contactTeacher" }] },
        ),
      ],
      [
        activity(
          "prev",
          { kind: "firstSchoolWeek" },
          {
            responsible: [
              { kind: "roleGroup", group: "pupilServices" },
              { kind: "role", role: "pupilCouncil", cooperating: true },
              { kind: "everyone", who: "staff" },
              { kind: "other", label: "Russestyret" },
            ],
          },
        ),
      ],
    );
    const result = schedulePlan(plan, YEARS[2026]);
    expect(result.ok && result.value.map((o) => [o.key, o.partId, o.roles])).toEqual([
      ["info@2026-08-21", "information", ["contactTeacher"]],
      ["prev@2026-08-21", "prevention", ["counsellor", "socialWorker", "schoolNurse"]],
    ]);
  });
});

describe("the default template", () => {
  const template = loadTemplate();

  it("is valid and round-trips through parsePlanContent", () => {
    expect(parsePlanContent(JSON.parse(JSON.stringify(template.content)))).toEqual({
      ok: true,
      value: template.content,
    });
  });

  it("refuses unknown keys (a typo must not fall back to a default)", () => {
    const json = JSON.parse(fs.readFileSync(templatePath, "utf8"));
    json.content.parts[1].activities[6].timing.weekDay = 3;
    const parsed = parsePlanTemplate(json);
    expect(parsed.ok ? [] : parsed.error.map((i) => [i.code, i.path])).toEqual([
      ["plan.template.invalid", "content.parts[1].activities[6].timing"],
    ]);
  });

  describe.each([2026, 2027] as const)("in %i", (year) => {
    const calendar = YEARS[year];
    const result = schedulePlan(template.content, calendar);
    if (!result.ok) throw new Error(JSON.stringify(result.error, null, 2));
    const wheel = result.value;
    const of = (id: string) => wheel.filter((o) => o.activityId === id).map((o) => o.dueOn);

    it("dates parts 1 and 2, and in part 3 only the calendar methods of «følge med»", () => {
      expect(new Set(wheel.map((o) => o.partId))).toEqual(
        new Set(["information", "prevention", "dutyToAct"]),
      );
      expect(
        new Set(wheel.filter((o) => o.partId === "dutyToAct").map((o) => o.activityId)),
      ).toEqual(
        new Set([
          "duty-monitor-start-talks",
          "duty-monitor-conferences",
          // The daily duty's check-ins on its record (the daily record itself is not dated).
          "duty-monitor-common-areas",
        ]),
      );
    });

    it("keys are unique and the wheel is sorted", () => {
      expect(new Set(wheel.map((o) => o.key)).size).toBe(wheel.length);
      const dates = wheel.map((o) => o.dueOn);
      expect([...dates].sort()).toEqual(dates);
    });

    it("nothing falls in a holiday or outside the school year", () => {
      for (const o of wheel) {
        expect(["teachingDay", "planningDay"]).toContain(calendar.dayStatus(o.dueOn));
        expect(calendar.schoolHolidayOn(o.dueOn)).toBeUndefined();
      }
    });

    it("staff hear about the routine on the last planning day; pupils in the first week", () => {
      const lastPlanningDay = calendar.definition.planningDays.at(-1);
      expect(of("info-staff-routine")).toEqual([lastPlanningDay]);
      expect(of("info-pupils-rights-class")).toEqual([
        calendar.firstTeachingWeek.teachingDays.at(-1),
      ]);
    });

    it("the class hour is weekly and the survey is in November", () => {
      expect(of("prev-class-hour")).toHaveLength(
        calendar.weeks.filter((w) => w.teachingWeekNumber !== null).length,
      );
      const survey = of("prev-pupil-survey");
      expect(survey).toHaveLength(1);
      expect(survey[0]?.slice(5, 7)).toBe("11");
      expect(of("prev-mental-health-day")[0]?.slice(5, 7)).toBe("10");
    });

    it("seating rotates on the buddy-group days", () => {
      expect(of("prev-rotate-seating")).toEqual(of("prev-rotate-buddies"));
      for (const due of of("prev-rotate-buddies")) {
        expect([1, 2]).toContain(weekday(due as IsoDate));
      }
    });

    it("TK meetings 4 times, class-teacher meetings 3 times, substance-abuse training once", () => {
      expect(of("prev-tk-meetings")).toHaveLength(4);
      expect(of("prev-class-teacher-meetings")).toHaveLength(3);
      expect(of("prev-substance-abuse")).toHaveLength(1);
    });
  });
});
