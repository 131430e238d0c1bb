import { describe, expect, it } from "vitest";
import {
  apply,
  caseIn,
  ctx,
  d,
  evaluationFor,
  people,
  planDraft,
  TIMES,
  todayOf,
} from "./builders.ts";
import { caseKeepApartPairs, keepApartPairs } from "./keep-apart.ts";
import { transition } from "./transition.ts";
import type { CaseState } from "./types.ts";

const principal = people.principal;

function withKeepApart(
  pairs: readonly (readonly [string, string])[],
  options: { caseId?: string; endsOn?: string } = {},
): CaseState {
  const c = caseIn("staff-concern", "investigating", options.caseId ?? "case-1");
  const draft = planDraft(principal.personId, todayOf(TIMES.measuresActive), { keepApart: pairs });
  const plan = {
    ...draft,
    measures: draft.measures.map((m) => ({
      ...m,
      endsOn: options.endsOn ? d(options.endsOn) : null,
    })),
  };
  return apply(c, { type: "savePlan", plan }, principal, TIMES.measuresActive);
}

describe("keepApartPairs", () => {
  it("gives the groups feature pupil pairs only — no case, no reason", () => {
    const c = withKeepApart([["pupil-9", "pupil-1"]]);
    const pairs = keepApartPairs([c], d("2027-04-01"));
    expect(pairs).toEqual([["pupil-1", "pupil-9"]]);
    expect(JSON.stringify(pairs)).not.toMatch(/case|measure|break/i);
  });

  it("merges the pairs of several cases, unique and sorted", () => {
    const a = withKeepApart(
      [
        ["p-3", "p-1"],
        ["p-2", "p-1"],
      ],
      { caseId: "a" },
    );
    const b = withKeepApart(
      [
        ["p-1", "p-3"],
        ["p-4", "p-0"],
      ],
      { caseId: "b" },
    );
    expect(keepApartPairs([a, b], d("2027-04-01"))).toEqual([
      ["p-0", "p-4"],
      ["p-1", "p-2"],
      ["p-1", "p-3"],
    ]);
  });

  it("stops with the measure's end date, and includes measures not yet started", () => {
    const c = withKeepApart([["p-1", "p-2"]], { endsOn: "2027-04-09" });
    expect(keepApartPairs([c], d("2027-03-29"))).toHaveLength(1);
    expect(keepApartPairs([c], d("2027-04-09"))).toHaveLength(1);
    expect(keepApartPairs([c], d("2027-04-10"))).toHaveLength(0);
  });

  it("holds while evaluating; ends when the case closes or the plan drops the measure", () => {
    const c = withKeepApart([["p-1", "p-2"]]);
    const evaluated = apply(
      c,
      evaluationFor(c, todayOf(TIMES.evaluating)),
      principal,
      TIMES.evaluating,
    );
    expect(caseKeepApartPairs(evaluated, d("2027-04-20"))).toHaveLength(1);
    const closed = transition(
      evaluated,
      { type: "close", closure: { type: "pupilFeelsSafe" } },
      ctx(TIMES.closed, principal),
    );
    if (!closed.ok) throw new Error(closed.error.code);
    expect(caseKeepApartPairs(closed.next, d("2027-04-21"))).toEqual([]);
    // Closing a case that kept pupils apart tells the groups feature to recompute.
    expect(closed.jobs).toContainEqual({ type: "keepApartChanged", schoolId: "school-a" });
    const revised = transition(
      evaluated,
      { type: "savePlan", plan: planDraft(principal.personId, d("2027-04-21")) },
      ctx(TIMES.closed, principal),
    );
    if (!revised.ok) throw new Error(revised.error.code);
    expect(caseKeepApartPairs(revised.next, d("2027-04-21"))).toEqual([]);
    expect(revised.jobs).toContainEqual({ type: "keepApartChanged", schoolId: "school-a" });
  });

  it("a plan without keep-apart changes nothing for the groups feature", () => {
    const c = caseIn("staff-concern", "investigating");
    const r = transition(
      c,
      { type: "savePlan", plan: planDraft(principal.personId, d("2027-04-22")) },
      ctx(TIMES.later, principal),
    );
    expect(r.ok && r.jobs.some((j) => j.type === "keepApartChanged")).toBe(false);
    const withPairs = transition(
      c,
      {
        type: "savePlan",
        plan: planDraft(principal.personId, d("2027-04-22"), { keepApart: [["p-1", "p-2"]] }),
      },
      ctx(TIMES.later, principal),
    );
    expect(withPairs.ok && withPairs.jobs.some((j) => j.type === "keepApartChanged")).toBe(true);
  });

  it("ignores other schools and cases without a plan in force", () => {
    const c = withKeepApart([["p-1", "p-2"]]);
    expect(keepApartPairs([c], d("2027-04-01"), "school-b")).toEqual([]);
    expect(keepApartPairs([caseIn("staff-concern", "investigating")], d("2027-04-01"))).toEqual([]);
  });
});
