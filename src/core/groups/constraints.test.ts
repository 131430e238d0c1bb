import { describe, expect, it } from "vitest";
import { describeConflict } from "./constraints.ts";
import { solveGroups } from "./solve.ts";
import type { ConstraintConflict, PupilId, SolveInput } from "./types.ts";

const ids = (n: number): PupilId[] => Array.from({ length: n }, (_, i) => i);
const base: SolveInput = { pupils: ids(12), k: 4, rounds: 3, seed: 1, effort: 0.01 };

function conflictsOf(input: SolveInput): readonly ConstraintConflict[] {
  const result = solveGroups(input);
  expect(result.ok).toBe(false);
  return result.ok ? [] : result.conflicts;
}

describe("typed conflict errors", () => {
  it.each<[string, Partial<SolveInput>, ConstraintConflict["kind"], Record<string, unknown>]>([
    [
      "a fixedGroup pair that is also forbidden",
      {
        forbidden: [[0, 1]],
        fixedGroup: new Map([
          [0, 1],
          [1, 1],
        ]),
      },
      "fixed-forbidden",
      { pair: [0, 1], group: 1 },
    ],
    [
      "a together-chain larger than any group",
      {
        together: [
          [0, 1],
          [1, 2],
          [2, 3],
          [3, 4],
        ],
      },
      "together-too-large",
      { unit: [0, 1, 2, 3, 4], maxGroupSize: 4 },
    ],
    [
      "more fixed pupils than seats",
      {
        fixedGroup: new Map([
          [0, 2],
          [1, 2],
          [2, 2],
          [3, 2],
          [4, 2],
        ]),
      },
      "fixed-overflow",
      { group: 2, capacity: 4, pupils: [0, 1, 2, 3, 4] },
    ],
    [
      "a forbidden pair chained by together",
      {
        together: [
          [0, 1],
          [1, 2],
        ],
        forbidden: [[0, 2]],
      },
      "together-forbidden",
      { pair: [0, 2] },
    ],
    [
      "a together-chain fixed to two groups",
      {
        together: [[0, 1]],
        fixedGroup: new Map([
          [0, 0],
          [1, 1],
        ]),
      },
      "together-fixed-mismatch",
      { unit: [0, 1] },
    ],
    [
      "a fixed group index out of range",
      { fixedGroup: new Map([[5, 3]]) },
      "fixed-group-out-of-range",
      { pupil: 5, group: 3, groupCount: 3 },
    ],
    [
      "an unknown pupil in forbidden",
      { forbidden: [[0, 99]] },
      "unknown-pupil",
      { pupil: 99, where: "forbidden" },
    ],
    ["a pupil paired with itself", { together: [[3, 3]] }, "self-pair", { pupil: 3 }],
    ["group sizes that do not add up", { groupSizes: [4, 4, 3] }, "invalid-group-sizes", { n: 12 }],
    ["too many rounds", { rounds: 201 }, "invalid-parameter", { parameter: "rounds" }],
    [
      "a fixed together-chain that does not fit its group",
      {
        groupSizes: [5, 5, 2],
        together: [
          [0, 1],
          [1, 2],
        ],
        fixedGroup: new Map([[0, 2]]),
      },
      "fixed-overflow",
      { group: 2, capacity: 2 },
    ],
  ])("%s", (_, patch, kind, fields) => {
    const conflicts = conflictsOf({ ...base, ...patch });
    const found = conflicts.find((c) => c.kind === kind);
    expect(found, JSON.stringify(conflicts)).toBeDefined();
    expect(found).toMatchObject(fields);
    expect(describeConflict(found as ConstraintConflict)).toMatch(/\S/);
  });

  it("reports a duplicate pupil", () => {
    const conflicts = conflictsOf({ ...base, pupils: [1, 2, 3, 3] });
    expect(conflicts).toContainEqual({ kind: "duplicate-pupil", pupil: 3 });
  });

  it("reports every local conflict at once", () => {
    const conflicts = conflictsOf({
      ...base,
      forbidden: [[0, 1]],
      fixedGroup: new Map([
        [0, 1],
        [1, 1],
      ]),
      together: [
        [4, 5],
        [5, 6],
        [6, 7],
        [7, 8],
      ],
    });
    expect(conflicts.map((c) => c.kind).sort()).toEqual(["fixed-forbidden", "together-too-large"]);
  });

  it("detects a conflict that only shows when packing: a pupil forbidden with too many others", () => {
    // Pupil 0 may sit with nobody but 1 and 2, yet every group has 4 seats.
    const forbidden: [number, number][] = [];
    for (let p = 3; p < 12; p++) forbidden.push([0, p]);
    const conflicts = conflictsOf({ ...base, forbidden });
    expect(conflicts[0]?.kind).toBe("infeasible");
  });

  it("explains conflicts in plain English naming the pupils", () => {
    const text = describeConflict({ kind: "fixed-forbidden", pair: ["ola", "kari"], group: 2 });
    expect(text).toContain("ola");
    expect(text).toContain("kari");
    expect(text).toContain("group 2");
  });
});
