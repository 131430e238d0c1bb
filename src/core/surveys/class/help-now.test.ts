import { describe, expect, it } from "vitest";
import { helpNow, showHelpNow } from "./help-now.ts";
import { STANDARD_TEMPLATE } from "./template.ts";
import type { SurveyAnswer } from "./types.ts";
import { buildOwnDefinition } from "./validate.ts";

describe("the si ifra help after a worrying answer", () => {
  const cases: [string, SurveyAnswer, string[]][] = [
    ["nothing answered", {}, []],
    ["never bullied, safe", { bullied: "never", safeWay: 5 }, []],
    ["once or twice", { bullied: "onceOrTwice" }, []],
    ["several times a month", { bullied: "severalMonthly" }, ["bullied"]],
    ["weekly", { bullied: "weekly" }, ["bullied"]],
    ["unsafe 1", { safeWay: 1 }, ["unsafe"]],
    ["unsafe 2", { safeWay: 2 }, ["unsafe"]],
    ["3 is not unsafe", { safeWay: 3 }, []],
    ["both", { bullied: "weekly", safeWay: 1 }, ["bullied", "unsafe"]],
    ["low well-being alone does not trigger", { wellbeing: 1 }, []],
  ];
  it("decides every cell of the table", () => {
    const failing = cases.filter(([, a, want]) => {
      const got = helpNow(STANDARD_TEMPLATE, a);
      return (
        JSON.stringify(got) !== JSON.stringify(want) ||
        showHelpNow(STANDARD_TEMPLATE, a) !== want.length > 0
      );
    });
    expect(failing.map(([name]) => name)).toEqual([]);
  });

  it("a teacher's own questions never trigger it (they carry no signal)", () => {
    const own = buildOwnDefinition([{ kind: "scale", text: "Føler du deg trygg?" }]);
    if (!own.ok) throw new Error("invalid");
    expect(showHelpNow(own.definition, { q1: 1 })).toBe(false);
  });
});
