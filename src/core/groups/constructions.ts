import {
  kirkmanTripleSystem,
  nearlyKirkmanTripleSystem,
  resolvableGdd4Type3,
  resolvableQuadrupleSystem,
} from "./designs/families.ts";
import { pg33MinusLine } from "./designs/projective.ts";
import type { Design, DesignRound } from "./designs/types.ts";

/**
 * Algebraic constructions of repeat-free schedules (resolvable designs).
 *
 * Local search struggles on "perfect" instances, where every pair must meet exactly once
 * (15-3-7, 28-4-9, 32-4-10): the last few repeats sit on a vast plateau. Design theory gives
 * those schedules directly. A design here is a list of rounds on points 0..v-1; every round
 * is a partition of the points and no two points share a block twice.
 *
 * Families:
 * - round robin (circle method): v even, pairs, v-1 rounds;
 * - affine geometry AG(d, q): lines of q^d points, one round per direction
 *   (AG(2,3), AG(2,4), AG(2,5), AG(3,3));
 * - 2-flats of AG(5, 2) over a partial spread: 32 points in fours, 9 rounds;
 * - 1-rotational designs (designs/families.ts): Kirkman and nearly Kirkman triple systems,
 *   resolvable quadruple systems and a 4-RGDD, their base rounds found by a seeded exact-cover
 *   search at run time (method of differences) and verified before use;
 * - rounds on Z_m x {0..m} that are invariant under translation (30 pupils in fives);
 * - stored schedules from the literature (32 in fours for 10 rounds), also verified by tests.
 */

export type { Design, DesignRound } from "./designs/types.ts";

/**
 * Rounds invariant under x -> x+1 on Z_m x {0..m} (m(m+1) points, groups of m). Round i has
 * level i as one group and the m translates of the transversal {(b_j, j) : j != i} as the
 * others. A pair inside a level meets only in the round of that level; a pair across levels
 * j, j' meets in round i exactly when its difference is b_j' - b_j, so the rounds are
 * repeat-free when, for every two levels, these differences are distinct over the rounds that
 * fix neither level. The bases were found by a small search over those difference conditions.
 * For 30 pupils in fives this gives 6 repeat-free rounds, the most possible (the social golfer
 * number T(6,5) = 6, OEIS A107431); on 8 rounds of 30-5 it is the start that lets the
 * annealing land below the best schedule previously known.
 */
interface LevelSpec {
  readonly name: string;
  readonly m: number;
  /** bases[i][j]: the transversal's point on level j in round i (entry i is unused). */
  readonly bases: readonly (readonly number[])[];
}

const LEVEL_ROUNDS: readonly LevelSpec[] = [
  {
    name: "6 rounds of 30 in fives, Z5-invariant",
    m: 5,
    bases: [
      [0, 0, 1, 3, 1, 3],
      [0, 0, 0, 1, 1, 0],
      [0, 2, 0, 4, 0, 1],
      [0, 4, 1, 0, 4, 4],
      [0, 1, 4, 2, 0, 3],
      [0, 3, 3, 3, 2, 0],
    ],
  },
];

export function cyclicLevelRounds(spec: LevelSpec): Design {
  const { m } = spec;
  const levels = m + 1;
  const rounds: DesignRound[] = spec.bases.map((base, i) => {
    const round: number[][] = [Array.from({ length: m }, (_, x) => i * m + x)];
    for (let t = 0; t < m; t++) {
      const block: number[] = [];
      for (let j = 0; j < levels; j++) {
        if (j !== i) block.push(j * m + (((base[j] as number) + t) % m));
      }
      round.push(block);
    }
    return round;
  });
  return { name: spec.name, v: m * levels, k: m, rounds };
}

/**
 * Resolvable designs stored as explicit rounds, for instances no construction above reaches.
 *
 * 32 points in fours for 10 rounds (the social golfer instance 8-4-10, first solved by
 * A. Aguado in 2004): the 2-flats of AG(5,2) stop at 9 rounds, and a 10th round cannot be
 * added to them (the 4 directions a maximal partial spread of PG(4,2) leaves uncovered do not
 * contain the 6 differences of any block). The table is the 8-4-10 schedule published with the
 * Wolfram Demonstrations Project "Social Golfer Problem" (as collected in the
 * fpvandoorn/Dagstuhl-tables literature notes, where it is the first 10 rounds of an
 * 11-round covering), relabelled A..P -> 0..15 and a..p -> 16..31. Each pupil misses exactly
 * one other pupil, so the 16 pairs that never meet form a perfect matching: a resolvable
 * 4-GDD of type 2^16. The tests verify every round is a partition and no pair meets twice.
 */
const STORED: readonly Design[] = [
  {
    name: "8-4-10 social golfer schedule (resolvable 4-GDD of type 2^16)",
    v: 32,
    k: 4,
    rounds: [
      [
        [0, 1, 2, 3],
        [4, 5, 6, 7],
        [8, 9, 10, 11],
        [12, 13, 14, 15],
        [16, 17, 18, 19],
        [20, 21, 22, 23],
        [24, 25, 26, 27],
        [28, 29, 30, 31],
      ],
      [
        [0, 4, 8, 28],
        [1, 18, 22, 7],
        [3, 5, 10, 31],
        [19, 21, 26, 15],
        [16, 20, 24, 12],
        [17, 2, 6, 23],
        [25, 11, 13, 30],
        [9, 27, 29, 14],
      ],
      [
        [0, 21, 27, 30],
        [1, 23, 26, 28],
        [3, 6, 24, 13],
        [16, 5, 11, 14],
        [17, 7, 10, 12],
        [2, 20, 9, 15],
        [18, 4, 25, 31],
        [19, 22, 8, 29],
      ],
      [
        [0, 18, 24, 11],
        [1, 19, 25, 10],
        [17, 3, 9, 26],
        [5, 22, 30, 15],
        [21, 6, 14, 31],
        [16, 2, 8, 27],
        [4, 23, 12, 29],
        [20, 7, 28, 13],
      ],
      [
        [0, 22, 10, 13],
        [1, 4, 27, 15],
        [3, 7, 8, 30],
        [19, 23, 24, 14],
        [17, 20, 11, 31],
        [2, 21, 25, 28],
        [18, 5, 9, 12],
        [16, 6, 26, 29],
      ],
      [
        [0, 23, 9, 31],
        [1, 5, 24, 29],
        [18, 3, 28, 14],
        [17, 21, 8, 13],
        [20, 6, 10, 27],
        [2, 19, 12, 30],
        [4, 22, 26, 11],
        [16, 7, 25, 15],
      ],
      [
        [0, 19, 20, 5],
        [1, 6, 9, 30],
        [16, 3, 4, 21],
        [18, 23, 27, 13],
        [24, 10, 28, 15],
        [2, 7, 11, 29],
        [17, 22, 25, 14],
        [8, 26, 12, 31],
      ],
      [
        [0, 17, 29, 15],
        [16, 1, 13, 31],
        [3, 22, 27, 12],
        [18, 20, 26, 30],
        [21, 7, 24, 9],
        [2, 4, 10, 14],
        [5, 23, 8, 25],
        [19, 6, 11, 28],
      ],
      [
        [0, 6, 25, 12],
        [1, 20, 8, 14],
        [3, 23, 11, 15],
        [16, 22, 9, 28],
        [18, 21, 10, 29],
        [2, 5, 26, 13],
        [17, 4, 24, 30],
        [19, 7, 27, 31],
      ],
      [
        [0, 7, 26, 14],
        [1, 21, 11, 12],
        [3, 20, 25, 29],
        [17, 5, 27, 28],
        [18, 6, 8, 15],
        [2, 22, 24, 31],
        [19, 4, 9, 13],
        [16, 23, 10, 30],
      ],
    ],
  },
];

/**
 * Round robin by the circle method (a 1-factorisation of K_v, v even; Kirkman 1847, the
 * "GK_{2n}" factorisation): fix point v-1, rotate the rest; v-1 rounds of pairs, every pair
 * exactly once. Odd classes use v+1 with one point deleted (a pupil rests, or joins a pair).
 */
export function roundRobin(v: number): Design {
  const rounds: DesignRound[] = [];
  const m = v - 1;
  for (let t = 0; t < m; t++) {
    const round: number[][] = [[v - 1, t]];
    for (let i = 1; i < v / 2; i++) round.push([(t + i) % m, (t - i + m) % m]);
    rounds.push(round);
  }
  return { name: `round robin on ${v}`, v, k: 2, rounds };
}

/** Arithmetic of GF(q) for primes and 4, 8 (polynomials over GF(2) modulo x^2+x+1, x^3+x+1). */
interface Field {
  readonly q: number;
  add(a: number, b: number): number;
  mul(a: number, b: number): number;
}

function field(q: number): Field {
  const modulus = q === 4 ? 0b111 : q === 8 ? 0b1011 : 0;
  if (modulus !== 0) {
    const e = Math.log2(q);
    const mul = (a: number, b: number): number => {
      let product = 0;
      for (let bit = 0; b >> bit > 0; bit++) if ((b >> bit) & 1) product ^= a << bit;
      for (let bit = 2 * e - 2; bit >= e; bit--) {
        if ((product >> bit) & 1) product ^= modulus << (bit - e);
      }
      return product;
    };
    return { q, add: (a, b) => a ^ b, mul };
  }
  return { q, add: (a, b) => (a + b) % q, mul: (a, b) => (a * b) % q };
}

/**
 * Lines of the affine geometry AG(d, q), q a prime power (Bose 1939; for d = 2 the affine
 * plane: q^2 pupils, groups of q, q+1 rounds, every pair exactly once). One round per direction (a point of PG(d-1, q), normalised so its first
 * non-zero coordinate is 1); the round is the set of lines with that direction.
 */
export function affineGeometry(d: number, q: number): Design {
  const f = field(q);
  const v = q ** d;
  const coords = (p: number): number[] => {
    const c: number[] = [];
    for (let i = 0; i < d; i++) {
      c.push(p % q);
      p = Math.floor(p / q);
    }
    return c;
  };
  const index = (c: readonly number[]): number => {
    let p = 0;
    for (let i = d - 1; i >= 0; i--) p = p * q + (c[i] as number);
    return p;
  };
  const directions: number[][] = [];
  for (let p = 1; p < v; p++) {
    const c = coords(p);
    const lead = c.findIndex((x) => x !== 0);
    if (c[lead] === 1) directions.push(c);
  }
  const rounds: DesignRound[] = directions.map((dir) => {
    const seen = new Uint8Array(v);
    const lines: number[][] = [];
    for (let p = 0; p < v; p++) {
      if (seen[p] === 1) continue;
      const base = coords(p);
      const line: number[] = [];
      for (let t = 0; t < q; t++) {
        const point = index(base.map((x, i) => f.add(x, f.mul(t, dir[i] as number))));
        seen[point] = 1;
        line.push(point);
      }
      lines.push(line);
    }
    return lines;
  });
  return { name: `AG(${d},${q})`, v, k: q, rounds };
}

/**
 * Parallel classes of 2-flats of AG(d, 2): points are the vectors of GF(2)^d, and each class is
 * the set of cosets of one 2-dimensional subspace. Classes from pairwise disjoint subspaces (a
 * partial spread of lines of PG(d-1, 2)) never repeat a pair, because a pair {x, y} meets only
 * in the class whose subspace contains x + y. For d = 5 a maximal partial spread has 9 lines,
 * so 32 pupils in fours get 9 repeat-free rounds; the depth-first search below finds one.
 */
export function binaryFlatClasses(d: number): Design {
  const v = 2 ** d;
  const subspaces: number[][] = [];
  for (let a = 1; a < v; a++) {
    for (let b = a + 1; b < v; b++) {
      const c = a ^ b;
      if (c > b) subspaces.push([a, b, c]);
    }
  }
  const used = new Uint8Array(v);
  const chosen: number[][] = [];
  const target = Math.floor((v - 1) / 3);
  let best: number[][] = [];
  let nodes = 0;
  const dfs = (from: number): boolean => {
    if (chosen.length > best.length) best = [...chosen];
    if (chosen.length === target || ++nodes > 200_000) return chosen.length === target;
    for (let i = from; i < subspaces.length; i++) {
      const w = subspaces[i] as number[];
      if (w.some((x) => used[x] === 1)) continue;
      for (const x of w) used[x] = 1;
      chosen.push(w);
      if (dfs(i + 1)) return true;
      chosen.pop();
      for (const x of w) used[x] = 0;
    }
    return false;
  };
  dfs(0);
  const rounds: DesignRound[] = best.map(([a, b, c]) => {
    const seen = new Uint8Array(v);
    const blocks: number[][] = [];
    for (let x = 0; x < v; x++) {
      if (seen[x] === 1) continue;
      const block = [x, x ^ (a as number), x ^ (b as number), x ^ (c as number)];
      for (const p of block) seen[p] = 1;
      blocks.push(block);
    }
    return blocks;
  });
  return { name: `2-flats of AG(${d},2)`, v, k: 4, rounds };
}

/** Affine planes AG(2, q) the catalogue builds (q^2 <= 64). */
const AFFINE_ORDERS = [2, 3, 4, 5, 7, 8];

/**
 * Every design this module can build with at most `maxPoints` points and block size k (any k
 * when omitted). `minBlock` also admits affine planes with larger lines, which the fitting
 * cuts down to size by deleting parallel lines.
 */
export function designCatalogue(maxPoints = 40, k?: number, minBlock = k): Design[] {
  const designs: Design[] = [];
  const wants = (size: number): boolean => k === undefined || size === k;
  if (wants(2)) for (let v = 4; v <= maxPoints; v += 2) designs.push(roundRobin(v));
  for (const q of AFFINE_ORDERS) {
    const bigger = minBlock !== undefined && q > minBlock;
    if (q * q <= maxPoints && (wants(q) || bigger) && q > 2) designs.push(affineGeometry(2, q));
  }
  if (27 <= maxPoints && wants(3)) designs.push(affineGeometry(3, 3));
  if (wants(3)) {
    for (let v = 15; v <= Math.min(45, maxPoints); v += 6)
      pushDesign(designs, kirkmanTripleSystem(v));
    for (let v = 18; v <= Math.min(42, maxPoints); v += 6) {
      pushDesign(designs, nearlyKirkmanTripleSystem(v));
    }
  }
  if (wants(4)) {
    if (28 <= maxPoints) pushDesign(designs, resolvableQuadrupleSystem(28));
    if (40 <= maxPoints) pushDesign(designs, resolvableQuadrupleSystem(40));
    if (36 <= maxPoints) pushDesign(designs, pg33MinusLine());
    if (24 <= maxPoints) pushDesign(designs, resolvableGdd4Type3(8));
    if (32 <= maxPoints) designs.push(binaryFlatClasses(5));
  }
  for (const spec of LEVEL_ROUNDS) {
    if (spec.m * (spec.m + 1) <= maxPoints && wants(spec.m)) designs.push(cyclicLevelRounds(spec));
  }
  for (const design of STORED) if (design.v <= maxPoints && wants(design.k)) designs.push(design);
  return designs;
}

function pushDesign(designs: Design[], design: Design | null): void {
  if (design) designs.push(design);
}

export interface FittedDesign {
  readonly design: Design;
  /** Rounds whose block sizes match the target sizes, relabelled to points 0..n-1. */
  readonly rounds: readonly DesignRound[];
}

const shapeOf = (sizes: readonly number[]): string => [...sizes].sort((a, b) => b - a).join(",");

/**
 * Fit a design to n <= v pupils with the given sizes by deleting v - n points, trying:
 * - d < k points of one block (they met only in that block's round, so every other round
 *   loses at most one point per block: d groups of k-1);
 * - j whole parallel blocks of one round plus r more points (deleting j parallel lines of
 *   AG(2,q) leaves q rounds with lines of q-j: a resolvable transversal design, Bose 1939);
 * - points that pairwise never meet (the holes of an NKTS or GDD): every round keeps its shape.
 * The deletion keeping most rounds of the target shape wins.
 */
export function fitDesign(design: Design, sizes: readonly number[]): FittedDesign | null {
  const n = sizes.reduce((s, x) => s + x, 0);
  const d = design.v - n;
  if (d < 0 || design.rounds.length === 0) return null;
  const wanted = shapeOf(sizes);
  const round0 = design.rounds[design.rounds.length - 1] as DesignRound;
  const met = new Uint8Array(design.v * design.v);
  for (const round of design.rounds) {
    for (const block of round) {
      for (const a of block) for (const b of block) met[a * design.v + b] = 1;
    }
  }
  const candidates: number[][] = [];
  for (let j = 0; j * design.k <= d && j <= round0.length; j++) {
    const whole = round0.slice(0, j).flat();
    const r = d - whole.length;
    const rest = round0[j];
    if (rest && r < rest.length) candidates.push([...whole, ...rest.slice(0, r)]);
    // r points that pairwise never met, outside the deleted blocks.
    const chosen: number[] = [];
    const gone = new Set(whole);
    for (let p = 0; p < design.v && chosen.length < r; p++) {
      if (gone.has(p) || chosen.some((c) => met[c * design.v + p] === 1)) continue;
      chosen.push(p);
    }
    if (chosen.length === r) candidates.push([...whole, ...chosen]);
  }
  let best: DesignRound[] = [];
  for (const deleted of candidates) {
    const gone = new Uint8Array(design.v);
    for (const p of deleted) gone[p] = 1;
    const newIndex = new Int32Array(design.v).fill(-1);
    let next = 0;
    for (let p = 0; p < design.v; p++) if (gone[p] === 0) newIndex[p] = next++;
    const rounds: DesignRound[] = [];
    for (const round of design.rounds) {
      const blocks = round
        .map((block) => block.filter((p) => gone[p] === 0).map((p) => newIndex[p] as number))
        .filter((block) => block.length > 0);
      if (shapeOf(blocks.map((b) => b.length)) === wanted) rounds.push(blocks);
    }
    if (rounds.length > best.length) best = rounds;
  }
  return best.length > 0 ? { design, rounds: best } : null;
}

/**
 * The fitted design with the most usable rounds (counted up to `rounds` when given), or null
 * when none fits. Groups larger than the design's blocks (the `larger` policy) are left to the
 * annealing: inserting the extra pupils into a design greedily measured worse (31/3/12
 * larger: 1 repeat against 0 from a greedy start).
 */
export function bestConstruction(sizes: readonly number[], rounds?: number): FittedDesign | null {
  const n = sizes.reduce((s, x) => s + x, 0);
  const k = Math.max(...sizes);
  const score = (f: FittedDesign): number => Math.min(rounds ?? 1000, f.rounds.length);
  let best: FittedDesign | null = null;
  const consider = (fitted: FittedDesign | null): void => {
    if (fitted && (!best || score(fitted) > score(best))) best = fitted;
  };
  for (const design of designCatalogue(Math.max(n + k, 2 * n), k, k)) {
    consider(fitDesign(design, sizes));
  }
  return best;
}
