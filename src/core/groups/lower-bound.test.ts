import { describe, expect, it } from "vitest";
import { buildProblem } from "./constraints.ts";
import { repeatsLowerBound } from "./quality.ts";
import type { SolveInput } from "./types.ts";

/**
 * The counting bound, as a table: each round gives a pupil (g-1) partners, after r rounds
 * r(g-1) meetings among n-1 others, so every planned meeting beyond the fresh pairs is a
 * repeat (class-wide and per pupil, each repeat counted from both ends).
 */
const bound = (input: Omit<SolveInput, "pupils"> & { n: number }): number => {
  const { n, ...rest } = input;
  const built = buildProblem({ ...rest, pupils: Array.from({ length: n }, (_, i) => i) });
  if (!built.ok) throw new Error("invalid input");
  return repeatsLowerBound(built.problem);
};

describe("repeatsLowerBound", () => {
  it("matches the counting bound on a table of classes", () => {
    const cells: [number, number, number, number][] = [
      // n, k, rounds, bound
      [15, 3, 7, 0], // KTS(15): every pair exactly once
      [15, 3, 8, 15], // one round too many: all 15 meetings of the 8th round repeat
      [12, 4, 4, 6], // 4*18 = 72 meetings among 66 pairs
      [30, 5, 8, 45], // the public benchmark's open case
      [40, 2, 39, 0], // round robin
      [40, 2, 40, 20],
      [16, 4, 6, 24], // AG(2,4) has 5 rounds; a 6th repeats all 24 meetings
      [21, 3, 10, 0],
    ];
    const failing = cells
      .map(([n, k, rounds, expected]) => ({ n, k, rounds, expected, got: bound({ n, k, rounds }) }))
      .filter((c) => c.got !== c.expected)
      .map((c) => `${c.n}/${c.k}/${c.rounds}: ${c.got}, expected ${c.expected}`);
    expect(failing).toEqual([]);
  });

  it("counts keep-apart pairs as pairs that can never be fresh meetings", () => {
    // 4 pupils in pairs, 3 rounds: a round robin. Keeping 0 and 1 apart leaves 5 pairs for 6
    // meetings: at least 1 repeat (the true optimum is 2; the bound is proven, not tight).
    expect(bound({ n: 4, k: 2, rounds: 3 })).toBe(0);
    expect(bound({ n: 4, k: 2, rounds: 3, forbidden: [[0, 1]] })).toBe(1);
  });

  it("never exceeds what the solver reaches on a design instance", () => {
    expect(bound({ n: 28, k: 4, rounds: 9 })).toBe(0);
  });
});
