// Gender mix in VIP plans: the buddy groups balance only the genders that are recorded. A
// pupil recorded as "other" or with no gender (null) is neutral: never counted as a girl or
// a boy, never gathered or spread on purpose, and a class with no recorded gender plans
// exactly as a class without the mix.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { AttributeValue } from "./types.ts";
import { planVipRounds, type VipRound, vipLayout, vipMix } from "./vip.ts";

const F = "female";
const M = "male";
const _ = null;

const ids = (n: number) => Array.from({ length: n }, (_x, i) => `p${i}`);

/** One round of buddy groups given as gender lists, pupils numbered in order. */
function roundOf(groups: AttributeValue[][]): { pupils: string[]; round: VipRound } {
  let i = 0;
  const buddyGroups = groups.map((g) => [g.map(() => `p${i++}`)]);
  return { pupils: ids(i), round: { buddyGroups } };
}

function penalty(groups: AttributeValue[][]): number {
  const { pupils, round } = roundOf(groups);
  return vipMix(pupils, { gender: groups.flat() })([round]);
}

describe("VIP gender mix penalty", () => {
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
      "'other' pupils are neutral: the recorded ones are mixed",
      [
        [F, M, _, _],
        [F, M, _, _],
      ],
      0,
    ],
    [
      "nobody recorded: nothing to balance",
      [
        [_, _, _, _],
        [_, _, _, _],
      ],
      0,
    ],
    [
      "only girls recorded: nothing to balance",
      [
        [F, _, F, _],
        [F, F, _, _],
      ],
      0,
    ],
    [
      "a neutral pupil does not dilute a one-sided group",
      [
        [F, F, _, _],
        [M, M, _, _],
      ],
      4,
    ],
  ])("%s", (_name, groups, expected) => {
    expect(penalty(groups as AttributeValue[][])).toBe(expected);
  });
});

describe("planVipRounds with a gender mix", () => {
  it("mixes the buddy groups of a class of 8 girls and 8 boys", () => {
    const pupils = ids(16);
    const gender = pupils.map((_p, i) => (i < 8 ? F : M));
    const mixed = planVipRounds({ pupils, rounds: 4, attributes: { gender }, seed: 3 });
    const plain = planVipRounds({ pupils, rounds: 4, seed: 3 });
    if (mixed.ok) {
      for (const round of mixed.rounds) {
        expect(round.buddyGroups.flat(2).sort()).toEqual([...pupils].sort());
      }
    }
    expect(mixed.ok && plain.ok).toBe(true);
    if (!mixed.ok || !plain.ok) return;
    const mix = vipMix(pupils, { gender });
    expect(mix(mixed.rounds)).toBeLessThanOrEqual(mix(plain.rounds));
    expect(mix(mixed.rounds)).toBeLessThanOrEqual(4);
  });

  it("property: a pupil with no recorded gender counts for nothing in the mix", () => {
    fc.assert(
      fc.property(
        fc
          .array(fc.constantFrom<AttributeValue>(F, M, _), { minLength: 8, maxLength: 30 })
          .chain((gender) =>
            fc.tuple(
              fc.constant(gender),
              fc.shuffledSubarray(ids(gender.length), {
                minLength: gender.length,
                maxLength: gender.length,
              }),
            ),
          ),
        ([gender, order]) => {
          const pupils = ids(gender.length);
          // Any buddy groups of the VIP layout: the order cut into groups of 4-5.
          let at = 0;
          const buddyGroups = vipLayout(pupils.length).map((units) =>
            units.map((size) => {
              at += size;
              return order.slice(at - size, at);
            }),
          );
          const rounds = [{ buddyGroups }];
          const recorded = new Set(pupils.filter((_p, i) => gender[i] !== null));
          const without = [
            {
              buddyGroups: buddyGroups.map((group) =>
                group.map((unit) => unit.filter((id) => recorded.has(id))),
              ),
            },
          ];
          const mix = vipMix(pupils, { gender });
          expect(mix(without)).toBeCloseTo(mix(rounds), 6);
        },
      ),
      { numRuns: 200, seed: 12 },
    );
  });

  it("property: a class with no recorded gender plans as without the mix (no forced binary)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 8, max: 22 }), fc.integer({ min: 1, max: 1000 }), (n, seed) => {
        const pupils = ids(n);
        const gender = pupils.map(() => null);
        const withMix = planVipRounds({
          pupils,
          rounds: 2,
          attributes: { gender },
          seed,
          effort: 0.05,
        });
        const without = planVipRounds({ pupils, rounds: 2, seed, effort: 0.05 });
        expect(withMix).toEqual(without);
      }),
      { numRuns: 5, seed: 7 },
    );
  });
});
