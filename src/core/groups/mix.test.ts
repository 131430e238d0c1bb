// The soft gender mix balances only the genders that are recorded. A pupil whose gender is
// "other" or not given (null here; the server maps "other" to null) is neutral: where they sit
// neither helps nor hurts the score, so nobody is counted as a girl or a boy by default.
import { describe, expect, it } from "vitest";
import { checkSchedule } from "./quality.ts";
import { solveGroups } from "./solve.ts";
import type { AttributeValue, SolveInput } from "./types.ts";

const F = "female";
const M = "male";
const _ = null;

/** Mix penalty of one round of two groups of four, with the genders given group by group. */
function penalty(groups: AttributeValue[][]): number {
  const gender = groups.flat();
  const pupils = gender.map((_g, i) => `p${i}`);
  const input: SolveInput = { pupils, k: 4, rounds: 1, attributes: { gender } };
  let i = 0;
  const round = groups.map((g) => g.map(() => `p${i++}`));
  const check = checkSchedule(input, [round]);
  expect(check.violations).toEqual([]);
  return check.quality.mixPenalty;
}

describe("gender mix", () => {
  it.each([
    [
      "two girls and two boys in each group",
      [
        [F, F, M, M],
        [F, M, F, M],
      ],
      0,
    ],
    [
      "girls in one group, boys in the other",
      [
        [F, F, F, F],
        [M, M, M, M],
      ],
      16,
    ],
    [
      "one girl, one boy and two not given in each",
      [
        [F, M, _, _],
        [F, M, _, _],
      ],
      0,
    ],
    [
      "the not-given pupils together, the rest mixed",
      [
        [_, _, _, _],
        [F, M, F, M],
      ],
      0,
    ],
    [
      "nobody's gender given",
      [
        [_, _, _, _],
        [_, _, _, _],
      ],
      0,
    ],
    [
      "three recorded in a group of four",
      [
        [F, F, M, _],
        [F, M, M, _],
      ],
      1,
    ],
    [
      "a group whose only recorded pupils are girls",
      [
        [F, F, _, _],
        [M, M, _, _],
      ],
      4,
    ],
    [
      "one girl among not-given pupils",
      [
        [F, _, _, _],
        [F, M, M, M],
      ],
      1.44,
    ],
  ])("%s", (_name, groups, expected) => {
    expect(penalty(groups)).toBeCloseTo(expected, 6);
  });

  it("scores the same wherever the not-given pupils sit", () => {
    // The recorded pupils stay where they are; only the neutral pupils change groups.
    const a = penalty([
      [F, M, _, _],
      [F, F, M, M],
      [_, _, M, F],
    ]);
    const b = penalty([
      [F, M, M, F],
      [F, F, M, M],
      [_, _, _, _],
    ]);
    expect(a).toBeCloseTo(b, 6);
    expect(a).toBe(0);
  });

  it("balances values other than two when they are recorded", () => {
    const x = "x";
    const y = "y";
    const z = "z";
    expect(
      penalty([
        [x, y, z, _],
        [x, y, z, _],
      ]),
    ).toBeCloseTo(0, 6);
    expect(
      penalty([
        [x, x, x, _],
        [y, y, z, z],
      ]),
    ).toBeGreaterThan(0);
  });

  it("the solver mixes a class with a third of the genders not given perfectly", () => {
    const n = 24;
    const gender = Array.from({ length: n }, (_v, i) => [F, M, _][i % 3] as AttributeValue);
    const result = solveGroups({
      pupils: Array.from({ length: n }, (_v, i) => i),
      k: 4,
      rounds: 3,
      attributes: { gender },
      effort: 0.2,
      seed: 1,
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.quality.totalRepeats).toBe(0);
    // Every group has as many girls as boys; the not-given pupils are not counted as either.
    expect(result.quality.mixPenalty).toBe(0);
    for (const round of result.schedule) {
      for (const group of round) {
        const count = (g: AttributeValue) => group.filter((p) => gender[p as number] === g).length;
        expect(count(F)).toBe(count(M));
      }
    }
  });
});
