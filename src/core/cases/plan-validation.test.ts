// The five parts of the measure plan (§12-4): each missing part is refused with its own code.
import { describe, expect, it } from "vitest";
import { type IsoDate, parseIsoDate } from "../calendar/iso-date.ts";
import type { MeasureDraft, PlanDraft } from "./commands.ts";
import { validatePlan } from "./plan-validation.ts";

const d = parseIsoDate;
const today = d("2027-04-01");

const measure = (over: Partial<MeasureDraft> = {}): MeasureDraft => ({
  id: "m1",
  description: "An adult is present in every break.",
  startsOn: d("2027-04-05"),
  endsOn: null,
  schedule: "Every break",
  responsiblePersonId: "p-social",
  keepApart: [],
  ...over,
});

const complete = (over: Partial<PlanDraft> = {}): PlanDraft => ({
  problem: "The pupil is excluded in breaks.",
  measures: [measure()],
  evaluateOn: d("2027-04-26"),
  ...over,
});

interface Case {
  name: string;
  draft: PlanDraft;
  code: string;
  path: string;
}

const cases: Case[] = [
  // (a) the problem
  {
    name: "(a) no problem",
    draft: complete({ problem: null }),
    code: "plan.problemMissing",
    path: "problem",
  },
  {
    name: "(a) a blank problem",
    draft: complete({ problem: "  \n" }),
    code: "plan.problemMissing",
    path: "problem",
  },
  {
    name: "(a) a problem too long",
    draft: complete({ problem: "x".repeat(20_001) }),
    code: "plan.textTooLong",
    path: "problem",
  },
  // (b) the measures
  {
    name: "(b) no measures",
    draft: complete({ measures: [] }),
    code: "plan.noMeasures",
    path: "measures",
  },
  {
    name: "(b) a measure without description",
    draft: complete({ measures: [measure({ description: "" })] }),
    code: "plan.measureDescriptionMissing",
    path: "measures.0.description",
  },
  {
    name: "(b) a measure without id",
    draft: complete({ measures: [measure({ id: "" })] }),
    code: "plan.measureIdMissing",
    path: "measures.0.id",
  },
  {
    name: "(b) two measures with one id",
    draft: complete({ measures: [measure(), measure()] }),
    code: "plan.duplicateMeasureId",
    path: "measures.1.id",
  },
  // (c) when
  {
    name: "(c) a measure without a start",
    draft: complete({ measures: [measure({ startsOn: null })] }),
    code: "plan.measureWhenMissing",
    path: "measures.0.startsOn",
  },
  {
    name: "(c) a malformed start",
    draft: complete({ measures: [measure({ startsOn: "5 April" as IsoDate })] }),
    code: "plan.invalidDate",
    path: "measures.0.startsOn",
  },
  {
    name: "(c) an end before the start",
    draft: complete({ measures: [measure({ endsOn: d("2027-04-04") })] }),
    code: "plan.measureEndsBeforeStart",
    path: "measures.0.endsOn",
  },
  {
    name: "(c) a malformed end",
    draft: complete({ measures: [measure({ endsOn: "2027-02-30" as IsoDate })] }),
    code: "plan.invalidDate",
    path: "measures.0.endsOn",
  },
  // (d) who
  {
    name: "(d) a measure without a responsible person",
    draft: complete({ measures: [measure({ responsiblePersonId: null })] }),
    code: "plan.measureResponsibleMissing",
    path: "measures.0.responsiblePersonId",
  },
  {
    name: "(d) a blank responsible person",
    draft: complete({ measures: [measure({ responsiblePersonId: " " })] }),
    code: "plan.measureResponsibleMissing",
    path: "measures.0.responsiblePersonId",
  },
  // (e) evaluation
  {
    name: "(e) no evaluation date",
    draft: complete({ evaluateOn: null }),
    code: "plan.evaluationDateMissing",
    path: "evaluateOn",
  },
  {
    name: "(e) a malformed evaluation date",
    draft: complete({ evaluateOn: "soon" as IsoDate }),
    code: "plan.invalidDate",
    path: "evaluateOn",
  },
  {
    name: "(e) an evaluation date already past",
    draft: complete({
      evaluateOn: d("2027-03-31"),
      measures: [measure({ startsOn: d("2027-03-30") })],
    }),
    code: "plan.evaluationDateInPast",
    path: "evaluateOn",
  },
  {
    name: "(e) evaluation before a measure starts",
    draft: complete({ evaluateOn: d("2027-04-02") }),
    code: "plan.evaluationBeforeMeasureStart",
    path: "evaluateOn",
  },
  // keep-apart
  {
    name: "keep a pupil apart from themself",
    draft: complete({ measures: [measure({ keepApart: [["pupil-1", "pupil-1"]] })] }),
    code: "plan.keepApartInvalid",
    path: "measures.0.keepApart.0",
  },
  {
    name: "keep apart with a blank pupil",
    draft: complete({ measures: [measure({ keepApart: [["pupil-1", ""]] })] }),
    code: "plan.keepApartInvalid",
    path: "measures.0.keepApart.0",
  },
];

describe("validatePlan", () => {
  it("accepts a complete plan and normalises it", () => {
    const result = validatePlan(
      complete({
        problem: "  The pupil is excluded.  ",
        measures: [
          measure({
            description: " Break supervision ",
            schedule: "  ",
            keepApart: [
              ["pupil-9", "pupil-1"],
              ["pupil-1", "pupil-9"],
            ],
          }),
        ],
      }),
      { today },
    );
    expect(result).toEqual({
      ok: true,
      plan: {
        problem: "The pupil is excluded.",
        evaluateOn: "2027-04-26",
        measures: [
          {
            id: "m1",
            description: "Break supervision",
            startsOn: "2027-04-05",
            endsOn: null,
            schedule: null,
            responsiblePersonId: "p-social",
            keepApart: [["pupil-1", "pupil-9"]],
          },
        ],
      },
    });
  });

  it("accepts a measure that started before today (carried over from the last revision)", () => {
    expect(
      validatePlan(complete({ measures: [measure({ startsOn: d("2027-03-01") })] }), { today }).ok,
    ).toBe(true);
  });

  it("accepts evaluation on the day a measure starts, and today", () => {
    expect(validatePlan(complete({ evaluateOn: d("2027-04-05") }), { today }).ok).toBe(true);
    expect(
      validatePlan(complete({ evaluateOn: today, measures: [measure({ startsOn: today })] }), {
        today,
      }).ok,
    ).toBe(true);
  });

  it.each(cases)("refuses $name with $code at $path", ({ draft, code, path }) => {
    const result = validatePlan(draft, { today });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.issues).toHaveLength(1);
      expect(result.issues[0]).toMatchObject({ code, path });
    }
  });

  it("reports every problem at once, per measure, in form order", () => {
    const result = validatePlan(
      {
        problem: "",
        measures: [
          measure({ id: "a", startsOn: null }),
          measure({ id: "b", description: null, responsiblePersonId: null }),
        ],
        evaluateOn: null,
      },
      { today },
    );
    expect(result.ok ? [] : result.issues.map((i) => [i.code, i.path])).toEqual([
      ["plan.problemMissing", "problem"],
      ["plan.measureWhenMissing", "measures.0.startsOn"],
      ["plan.measureDescriptionMissing", "measures.1.description"],
      ["plan.measureResponsibleMissing", "measures.1.responsiblePersonId"],
      ["plan.evaluationDateMissing", "evaluateOn"],
    ]);
  });

  it("names the measure whose start comes after the evaluation", () => {
    const result = validatePlan(
      complete({
        measures: [measure({ id: "a" }), measure({ id: "b", startsOn: d("2027-05-01") })],
      }),
      { today },
    );
    expect(result.ok ? null : result.issues).toEqual([
      { code: "plan.evaluationBeforeMeasureStart", path: "evaluateOn", params: { measure: 1 } },
    ]);
  });

  it("checks the responsible person against the team when asked", () => {
    const eligibleResponsible = new Set(["p-principal"]);
    const result = validatePlan(complete(), { today, eligibleResponsible });
    expect(result.ok ? null : result.issues.map((i) => i.code)).toEqual([
      "plan.responsibleNotOnTeam",
    ]);
    expect(validatePlan(complete(), { today, eligibleResponsible: new Set(["p-social"]) }).ok).toBe(
      true,
    );
  });

  it("survives a draft with missing arrays (from a sloppy client)", () => {
    const result = validatePlan({ problem: "x", evaluateOn: today } as unknown as PlanDraft, {
      today,
    });
    expect(result.ok ? null : result.issues.map((i) => i.code)).toEqual(["plan.noMeasures"]);
  });
});
