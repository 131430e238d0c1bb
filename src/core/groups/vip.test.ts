import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { planVipRounds, vipLayout } from "./vip.ts";

describe("vipLayout", () => {
  it.each([
    [
      8,
      [
        [2, 2],
        [2, 2],
      ],
    ],
    [
      10,
      [
        [2, 3],
        [2, 3],
      ],
    ],
    [
      13,
      [
        [2, 3],
        [2, 2],
        [2, 2],
      ],
    ],
    [
      26,
      [
        [2, 3],
        [2, 3],
        [2, 2],
        [2, 2],
        [2, 2],
        [2, 2],
      ],
    ],
    [6, [[3], [3]]],
    [7, [[2, 2], [3]]],
    [5, [[2, 3]]],
    [11, [[2, 2], [2, 2], [3]]],
  ])("n=%i -> %j", (n, layout) => {
    expect(vipLayout(n)).toEqual(layout);
  });

  it("uses buddy groups of 4-5 from 8 pupils up (11 aside)", () => {
    for (let n = 8; n <= 40; n++) {
      if (n === 11) continue;
      const layout = vipLayout(n);
      expect(layout.flat().reduce((s, x) => s + x, 0)).toBe(n);
      for (const group of layout) {
        const size = group.reduce((s, x) => s + x, 0);
        expect(size).toBeGreaterThanOrEqual(4);
        expect(size).toBeLessThanOrEqual(5);
      }
    }
  });
});

describe("planVipRounds", () => {
  it("nests pairs into buddy groups, every pupil once per round, keep-apart pairs apart", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 8, max: 30 }),
        fc.integer({ min: 1, max: 6 }),
        fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 4 }),
        (n, rounds, raw) => {
          const pupils = Array.from({ length: n }, (_, i) => `p${i}`);
          const forbidden = raw
            .filter(([a, b]) => a % n !== b % n)
            .map(([a, b]) => [`p${a % n}`, `p${b % n}`] as const);
          const result = planVipRounds({ pupils, rounds, forbidden, effort: 0.01 });
          if (!result.ok) return;
          expect(result.rounds.length).toBe(rounds);
          for (const round of result.rounds) {
            expect(round.buddyGroups.flat(2).sort()).toEqual([...pupils].sort());
            const shape = (groups: readonly (readonly number[])[]): string =>
              groups
                .map((g) => g.reduce((s, x) => s + x, 0))
                .sort()
                .join();
            expect(shape(round.buddyGroups.map((g) => g.map((u) => u.length)))).toBe(
              shape(vipLayout(n)),
            );
            for (const group of round.buddyGroups) {
              const members = group.flat();
              for (const unit of group) expect([2, 3]).toContain(unit.length);
              for (const [a, b] of forbidden) {
                expect(members.includes(a) && members.includes(b)).toBe(false);
              }
            }
          }
        },
      ),
      { numRuns: 25 },
    );
  });

  it("gives a class of 24 new buddies every round for 10 rounds", () => {
    const pupils = Array.from({ length: 24 }, (_, i) => i);
    const result = planVipRounds({ pupils, rounds: 10, seed: 3 });
    expect(result.ok && result.quality.pairRepeats).toBe(0);
  });

  it("mixes the buddy groups as well: 24 pupils in fours over 10 rounds reach the bound", () => {
    // Each pupil has 30 group-mates over 10 rounds among 23 classmates: at least 7 meetings
    // are repeats, so 24 * 7 / 2 = 84 repeated pairs is the best any plan can do.
    const pupils = Array.from({ length: 24 }, (_, i) => i);
    const result = planVipRounds({ pupils, rounds: 10, seed: 3 });
    expect(result.ok && result.quality).toEqual({ pairRepeats: 0, groupRepeats: 84 });
  });

  it("is deterministic for a seed", () => {
    const pupils = Array.from({ length: 17 }, (_, i) => i);
    expect(planVipRounds({ pupils, rounds: 4, seed: 9 })).toEqual(
      planVipRounds({ pupils, rounds: 4, seed: 9 }),
    );
  });
});
