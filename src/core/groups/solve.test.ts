import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkSchedule } from "./quality.ts";
import { deriveGroupSizes } from "./sizes.ts";
import { replanGroups, solveGroups } from "./solve.ts";
import type { PupilId, PupilPair, Schedule, SolveInput } from "./types.ts";

/** Random small inputs with hard constraints drawn from the class (some infeasible). */
const inputArb = fc
  .record({
    n: fc.integer({ min: 4, max: 24 }),
    k: fc.integer({ min: 2, max: 6 }),
    rounds: fc.integer({ min: 1, max: 6 }),
    policy: fc.constantFrom("smaller" as const, "larger" as const),
    seed: fc.integer(),
    forbiddenRaw: fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 6 }),
    togetherRaw: fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 3 }),
    fixedRaw: fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 3 }),
    stringIds: fc.boolean(),
  })
  .map((r): SolveInput => {
    const id = (i: number): PupilId => (r.stringIds ? `p${i % r.n}` : i % r.n);
    const pairs = (raw: [number, number][]): PupilPair[] =>
      raw.filter(([a, b]) => a % r.n !== b % r.n).map(([a, b]) => [id(a), id(b)]);
    const groups = deriveGroupSizes(r.n, r.k, r.policy).length;
    return {
      pupils: Array.from({ length: r.n }, (_, i) => id(i)),
      k: r.k,
      rounds: r.rounds,
      unevenPolicy: r.policy,
      forbidden: pairs(r.forbiddenRaw),
      together: pairs(r.togetherRaw),
      fixedGroup: new Map(r.fixedRaw.map(([p, g]) => [id(p), g % groups])),
      seed: r.seed,
      effort: 0.005,
    };
  });

describe("solveGroups properties", () => {
  it("places every pupil exactly once per round, with policy sizes and all hard constraints", () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const result = solveGroups(input);
        if (!result.ok) {
          expect(result.conflicts.length).toBeGreaterThan(0);
          return;
        }
        const sizes = deriveGroupSizes(input.pupils.length, input.k, input.unevenPolicy);
        expect(result.schedule.length).toBe(input.rounds);
        for (const round of result.schedule) expect(round.map((g) => g.length)).toEqual(sizes);
        const check = checkSchedule(input, result.schedule);
        expect(check.violations).toEqual([]);
        expect(result.quality.hardViolations).toBe(0);
        expect(check.quality.totalRepeats).toBe(result.quality.totalRepeats);
        expect(result.quality.totalRepeats).toBeGreaterThanOrEqual(result.repeatsLowerBound);
      }),
      { numRuns: 60 },
    );
  });

  it("is deterministic: same seed, same schedule", () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        expect(solveGroups(input)).toEqual(solveGroups(input));
      }),
      { numRuns: 25 },
    );
  });

  it("unconstrained inputs always solve", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 4, max: 40 }),
        fc.integer({ min: 2, max: 6 }),
        fc.integer({ min: 1, max: 20 }),
        (n, k, rounds) => {
          const input: SolveInput = {
            pupils: Array.from({ length: n }, (_, i) => i),
            k,
            rounds,
            effort: 0.002,
          };
          const result = solveGroups(input);
          expect(result.ok).toBe(true);
          if (result.ok) expect(checkSchedule(input, result.schedule).violations).toEqual([]);
        },
      ),
      { numRuns: 30 },
    );
  });
});

describe("solveGroups behaviour", () => {
  it("honours explicit group sizes in group-index order", () => {
    const input: SolveInput = {
      pupils: Array.from({ length: 10 }, (_, i) => i),
      k: 4,
      groupSizes: [2, 4, 4],
      rounds: 3,
      effort: 0.01,
    };
    const result = solveGroups(input);
    expect(
      result.ok && result.schedule.every((r) => r.map((g) => g.length).join() === "2,4,4"),
    ).toBe(true);
  });

  it("mixes a soft attribute within groups", () => {
    const n = 24;
    const gender = Array.from({ length: n }, (_, i) => (i < 12 ? "f" : "m"));
    const input: SolveInput = {
      pupils: Array.from({ length: n }, (_, i) => i),
      k: 4,
      rounds: 4,
      attributes: { gender },
      effort: 0.1,
    };
    const result = solveGroups(input);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.quality.totalRepeats).toBe(0);
    // A perfect mix is 2+2 in every group.
    expect(result.quality.mixPenalty).toBe(0);
  });

  it("keeps together-chains in one group and fixed pupils at their group every round", () => {
    const pupils = Array.from({ length: 20 }, (_, i) => `p${i}`);
    const input: SolveInput = {
      pupils,
      k: 4,
      rounds: 6,
      together: [
        ["p0", "p1"],
        ["p1", "p2"],
        ["p5", "p6"],
      ],
      fixedGroup: new Map([
        ["p0", 3],
        ["p9", 0],
      ]),
      forbidden: [
        ["p9", "p10"],
        ["p5", "p11"],
      ],
      effort: 0.1,
    };
    const result = solveGroups(input);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    for (const round of result.schedule) {
      expect(round[3]).toEqual(expect.arrayContaining(["p0", "p1", "p2"]));
      expect(round[0]).toContain("p9");
      const withP5 = round.find((g) => g.includes("p5"));
      expect(withP5).toContain("p6");
      expect(withP5).not.toContain("p11");
    }
    expect(checkSchedule(input, result.schedule).violations).toEqual([]);
    // Meetings inside a together-chain are not repeats: counted, the four together pairs
    // alone would add 4 x 5 = 20 repeats over 6 rounds.
    expect(result.quality.totalRepeats).toBeLessThan(20);
    expect(result.quality.maxMeetings).toBeLessThanOrEqual(2);
  });

  it("solves the social golfer instance 8-4-10 (32 in fours, 10 rounds) with no repeat", () => {
    const pupils = Array.from({ length: 32 }, (_, i) => i);
    for (const seed of [1, 2, 3]) {
      const input: SolveInput = { pupils, k: 4, rounds: 10, seed, effort: 0.05 };
      const result = solveGroups(input);
      expect(result.ok).toBe(true);
      if (!result.ok) return;
      expect(result.method).toBe("construction");
      expect(checkSchedule(input, result.schedule).quality.totalRepeats).toBe(0);
    }
  });

  it("places keep-apart pairs on the pairs 8-4-10 never joins, so they cost no repeat", () => {
    const pupils = Array.from({ length: 32 }, (_, i) => i);
    const forbidden: PupilPair[] = [
      [0, 1],
      [2, 3],
      [4, 5],
      [6, 7],
    ];
    const input: SolveInput = { pupils, k: 4, rounds: 10, forbidden, seed: 5, effort: 0.05 };
    const result = solveGroups(input);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const check = checkSchedule(input, result.schedule);
    expect(check.violations).toEqual([]);
    expect(check.quality.totalRepeats).toBe(0);
  });

  it("uses the 8-4-10 design with fixed pupils: their blocks take their groups in every round", () => {
    const pupils = Array.from({ length: 32 }, (_, i) => i);
    const input: SolveInput = {
      pupils,
      k: 4,
      rounds: 10,
      // Two pupils fixed to different groups must be the one pair the design never joins.
      fixedGroup: new Map([
        [3, 2],
        [17, 5],
      ]),
      seed: 2,
      effort: 0.05,
    };
    const result = solveGroups(input);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    for (const round of result.schedule) {
      expect(round[2]).toContain(3);
      expect(round[5]).toContain(17);
    }
    const check = checkSchedule(input, result.schedule);
    expect(check.violations).toEqual([]);
    expect(check.quality.totalRepeats).toBe(0);
  });

  it("drops only the design rounds a keep-apart pair cannot avoid", () => {
    // Pupil 0 kept apart from two pupils: the design misses one partner per pupil, so one
    // round has to be rebuilt; the rest of the design stays repeat-free.
    const pupils = Array.from({ length: 32 }, (_, i) => i);
    const forbidden: PupilPair[] = [
      [0, 1],
      [0, 2],
    ];
    const input: SolveInput = { pupils, k: 4, rounds: 10, forbidden, seed: 3, effort: 0.1 };
    const result = solveGroups(input);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const check = checkSchedule(input, result.schedule);
    expect(check.violations).toEqual([]);
    expect(result.method).toBe("construction");
    expect(check.quality.totalRepeats).toBeLessThanOrEqual(8);
  });

  it("counts history meetings as repeats and avoids them", () => {
    const pupils = Array.from({ length: 12 }, (_, i) => i);
    const history: Schedule = [
      [
        [0, 1, 2],
        [3, 4, 5],
        [6, 7, 8],
        [9, 10, 11],
      ],
    ];
    const result = solveGroups({ pupils, k: 3, rounds: 3, history, effort: 0.05 });
    expect(result.ok && result.quality.totalRepeats).toBe(0);
  });

  it("re-plans from a round on, keeping played rounds and taking in a new pupil", () => {
    const pupils = Array.from({ length: 15 }, (_, i) => i);
    const first = solveGroups({ pupils, k: 3, rounds: 7, seed: 4, effort: 0.2 });
    expect(first.ok).toBe(true);
    if (!first.ok) return;
    // Pupil 14 leaves and "new" joins after three rounds.
    const next: SolveInput = {
      pupils: [...pupils.slice(0, 14), "new"],
      k: 3,
      rounds: 7,
      seed: 4,
      effort: 0.2,
    };
    const replanned = replanGroups(next, first.schedule, 3);
    expect(replanned.ok).toBe(true);
    if (!replanned.ok) return;
    expect(replanned.schedule.slice(0, 3)).toEqual(first.schedule.slice(0, 3));
    expect(replanned.schedule.length).toBe(7);
    for (const round of replanned.schedule.slice(3)) {
      expect(round.flat()).toContain("new");
      expect(round.flat()).not.toContain(14);
    }
  });

  it("rejects a re-plan point outside the schedule", () => {
    const result = replanGroups({ pupils: [0, 1, 2, 3], k: 2, rounds: 2 }, [], 1);
    expect(result.ok).toBe(false);
  });
});
