import type { DesignRound } from "./designs/types.ts";
import { type Prng, randomPermutation } from "./prng.ts";
import type { Assignment, Problem } from "./problem.ts";
import { mixDeviation } from "./quality.ts";

/**
 * Which pupil sits on which point of a design. Relabelling never adds repeats inside the
 * design, so it is the safe place to honour keep-apart pairs (map them to points that never
 * meet), to avoid pairs that already met in the history, and to mix attributes. A small
 * annealing over transpositions of the labelling does that; the cost counts a forbidden pair
 * that meets, and two pupils fixed to different groups who meet, as a large penalty.
 *
 * Group indices are then chosen per round: the block holding a fixed pupil gets that pupil's
 * group, the other blocks the remaining groups by size. A round where a forbidden pair still
 * shares a block, or whose fixed pupils cannot all get their groups, is dropped, so the design
 * still supplies every round it can honour and the caller builds the rest another way.
 */
const FORBIDDEN_PENALTY = 1000;
const MIX_WEIGHT = 0.1;

export interface Relabelled {
  /** The kept rounds, `keptRounds * n` entries; every hard constraint holds in them. */
  readonly groupOf: Assignment;
  readonly keptRounds: number;
}

/**
 * Map design rounds onto pupils. `rounds` are partitions of 0..n-1 whose block sizes match
 * `problem.sizes` as a multiset; blocks are assigned to group indices by size.
 */
export function relabelDesign(
  problem: Problem,
  rounds: readonly DesignRound[],
  rng: Prng,
  iterations: number,
): Relabelled {
  const { n, history, forbidden, attributes } = problem;
  const fixedOf = Int32Array.from(
    { length: n },
    (_, p) => problem.unitFixed[problem.unitOf[p] as number] ?? -1,
  );
  const R = rounds.length;
  // Group index of each design point per round, with blocks matched to groups by size.
  const slotGroup = new Int32Array(R * n);
  rounds.forEach((round, r) => {
    const order = problem.sizes.map((s, g) => ({ s, g })).sort((a, b) => b.s - a.s || a.g - b.g);
    const blocks = [...round].sort((a, b) => b.length - a.length);
    blocks.forEach((block, i) => {
      const g = order[i]?.g ?? 0;
      for (const point of block) slotGroup[r * n + point] = g;
    });
  });
  const meet = new Int32Array(n * n);
  for (let r = 0; r < R; r++) {
    for (let a = 0; a < n; a++) {
      for (let b = a + 1; b < n; b++) {
        if (slotGroup[r * n + a] === slotGroup[r * n + b]) {
          meet[a * n + b] = (meet[a * n + b] as number) + 1;
          meet[b * n + a] = (meet[b * n + a] as number) + 1;
        }
      }
    }
  }

  const slotOf = Int32Array.from(randomPermutation(n, rng)); // pupil -> design point
  const hasHistory = history.some((h) => h > 0);
  const hasFixed = fixedOf.some((g) => g >= 0);
  const worthSearching =
    problem.forbiddenPairs.length > 0 || hasHistory || attributes.length > 0 || hasFixed;

  const pairCost = (p: number, q: number, sp: number, sq: number): number => {
    if (problem.unitOf[p] === problem.unitOf[q]) return 0;
    const d = meet[sp * n + sq] as number;
    if (d === 0) return 0;
    const total = d + (history[p * n + q] as number);
    const fp = fixedOf[p] as number;
    const fq = fixedOf[q] as number;
    const clash = forbidden[p * n + q] === 1 || (fp >= 0 && fq >= 0 && fp !== fq);
    return total - 1 + (clash ? FORBIDDEN_PENALTY * d : 0);
  };

  // Attribute value counts per (attribute, round, group).
  const G = problem.sizes.length;
  const counts = attributes.map((a) => new Float64Array(R * G * a.valueCount));
  const place = (p: number, slot: number, sign: number): void => {
    attributes.forEach((a, ai) => {
      const v = a.codeOf[p] as number;
      if (v < 0) return;
      const c = counts[ai] as Float64Array;
      for (let r = 0; r < R; r++) {
        const at = (r * G + (slotGroup[r * n + slot] as number)) * a.valueCount + v;
        c[at] = (c[at] as number) + sign;
      }
    });
  };
  const mixPenalty = (): number => {
    let total = 0;
    attributes.forEach((a, ai) => {
      const c = counts[ai] as Float64Array;
      for (let r = 0; r < R; r++) {
        for (let g = 0; g < G; g++) {
          total += mixDeviation(c, (r * G + g) * a.valueCount, a.valueCount, a.share);
        }
      }
    });
    return total;
  };

  if (worthSearching && n >= 2) {
    for (let p = 0; p < n; p++) place(p, slotOf[p] as number, 1);
    let mix = mixPenalty();
    const t0 = 2;
    const t1 = 0.02;
    for (let it = 0; it < iterations; it++) {
      const temperature = t0 * (t1 / t0) ** (it / iterations);
      const p = rng.int(n);
      let q = rng.int(n - 1);
      if (q >= p) q++;
      const sp = slotOf[p] as number;
      const sq = slotOf[q] as number;
      let delta = 0;
      for (let x = 0; x < n; x++) {
        if (x === p || x === q) continue;
        const sx = slotOf[x] as number;
        delta += pairCost(p, x, sq, sx) - pairCost(p, x, sp, sx);
        delta += pairCost(q, x, sp, sx) - pairCost(q, x, sq, sx);
      }
      let newMix = mix;
      if (attributes.length > 0) {
        place(p, sp, -1);
        place(q, sq, -1);
        place(p, sq, 1);
        place(q, sp, 1);
        newMix = mixPenalty();
        delta += MIX_WEIGHT * (newMix - mix);
      }
      if (delta <= 0 || rng.next() < Math.exp(-delta / temperature)) {
        slotOf[p] = sq;
        slotOf[q] = sp;
        mix = newMix;
      } else if (attributes.length > 0) {
        place(p, sq, -1);
        place(q, sp, -1);
        place(p, sp, 1);
        place(q, sq, 1);
      }
    }
  }

  const pupilAt = new Int32Array(n);
  for (let p = 0; p < n; p++) pupilAt[slotOf[p] as number] = p;
  const kept: Int32Array[] = [];
  for (const round of rounds) {
    const labelled = labelRound(problem, round, pupilAt, fixedOf);
    if (labelled) kept.push(labelled);
  }
  const groupOf = new Int32Array(kept.length * n);
  kept.forEach((round, r) => {
    groupOf.set(round, r * n);
  });
  return { groupOf, keptRounds: kept.length };
}

/**
 * Group index per pupil for one design round, or null when the round breaks a hard constraint
 * (a forbidden pair in one block, fixed pupils whose groups cannot all be given).
 */
function labelRound(
  problem: Problem,
  round: DesignRound,
  pupilAt: Int32Array,
  fixedOf: Int32Array,
): Int32Array | null {
  const { n, sizes, forbidden } = problem;
  const label = new Int32Array(round.length).fill(-1);
  const taken = new Uint8Array(sizes.length);
  for (let b = 0; b < round.length; b++) {
    const block = round[b] as readonly number[];
    for (let i = 0; i < block.length; i++) {
      const p = pupilAt[block[i] as number] as number;
      for (let j = i + 1; j < block.length; j++) {
        if (forbidden[p * n + (pupilAt[block[j] as number] as number)] === 1) return null;
      }
      const g = fixedOf[p] as number;
      if (g < 0 || label[b] === g) continue;
      if (label[b] !== -1 || taken[g] === 1 || sizes[g] !== block.length) return null;
      label[b] = g;
      taken[g] = 1;
    }
  }
  // Free groups to free blocks, largest first; sizes match as multisets, so this always fits.
  const freeGroups = sizes
    .map((size, g) => ({ size, g }))
    .filter(({ g }) => taken[g] === 0)
    .sort((a, b) => b.size - a.size || a.g - b.g);
  const freeBlocks = round
    .map((block, b) => ({ size: block.length, b }))
    .filter(({ b }) => label[b] === -1)
    .sort((a, b) => b.size - a.size || a.b - b.b);
  for (let i = 0; i < freeBlocks.length; i++) {
    const block = freeBlocks[i] as { size: number; b: number };
    const group = freeGroups[i];
    if (!group || group.size !== block.size) return null;
    label[block.b] = group.g;
  }
  const groupOf = new Int32Array(n);
  round.forEach((block, b) => {
    for (const point of block) groupOf[pupilAt[point] as number] = label[b] as number;
  });
  return groupOf;
}
