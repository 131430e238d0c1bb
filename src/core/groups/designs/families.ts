import { type CyclicSpec, searchCyclicDesign } from "./cyclic.ts";
import { pg33Packing } from "./projective.ts";
import type { Design } from "./types.ts";

/**
 * The cyclic design families, each a `CyclicSpec` for `searchCyclicDesign` (method of
 * differences with a seeded exact-cover search; see cyclic.ts). Results are memoised per
 * process: a search takes milliseconds to about a second and its result never changes.
 */
const memo = new Map<string, Design | null>();

function cached(spec: CyclicSpec): Design | null {
  const hit = memo.get(spec.name);
  if (hit !== undefined) return hit;
  const design = searchCyclicDesign(spec);
  memo.set(spec.name, design);
  return design;
}

/**
 * Kirkman triple system KTS(v), v = 3 (mod 6): v pupils in threes for (v-1)/2 rounds, every
 * pair exactly once. Existence for every such v: Ray-Chaudhuri & Wilson (1971), "Solution of
 * Kirkman's schoolgirl problem". Built here by their 1-rotational method of differences:
 * - v = 3 (mod 12): points Z_m x {0,1} plus a fixed point, m = (v-1)/2 odd, one base round
 *   developed into m rounds (the classical 1-rotational KTS; Kirkman's schoolgirls for v = 15);
 * - v = 9 (mod 12): points Z_m x {0,1,2}, m = v/3 odd, (m-1)/2 rounds invariant under Z_m
 *   (orbits of one transversal triple) plus one base round developed into m rounds.
 */
export function kirkmanTripleSystem(v: number): Design | null {
  if (v % 6 !== 3 || v < 9) return null;
  if (v % 12 === 3) {
    const m = (v - 1) / 2;
    return cached({ name: `KTS(${v})`, m, levels: 2, fixed: 1, k: 3, invariant: 0, seed: 1 });
  }
  const m = v / 3;
  return cached({
    name: `KTS(${v})`,
    m,
    levels: 3,
    fixed: 0,
    k: 3,
    invariant: (m - 1) / 2,
    seed: 1,
  });
}

/**
 * Nearly Kirkman triple system NKTS(v), v = 0 (mod 6), v >= 18: a resolvable 3-GDD of type
 * 2^(v/2), i.e. v/2 - 1 rounds of triples where every pair except a perfect matching (the
 * "holes") meets exactly once. Existence: Baker & Wilson (1977), Kotzig & Rosa (1974); there is
 * none for v = 6, 12. Built 1-rotationally on Z_m x {0,1} plus two fixed points, m = (v-2)/2:
 * the holes are the fixed pair and, for even m, the pairs at difference m/2 on each level, for
 * odd m the pairs {(x,0),(x,1)}. NKTS(18) has no such base round within the search budget and is
 * built on Z_4 x {0..3} plus two fixed points with two base rounds (holes: difference 2).
 */
export function nearlyKirkmanTripleSystem(v: number): Design | null {
  if (v % 6 !== 0 || v < 18) return null;
  if (v === 18) {
    return cached({
      name: "NKTS(18)",
      m: 4,
      levels: 4,
      fixed: 2,
      k: 3,
      invariant: 0,
      baseRounds: 2,
      seed: 1,
    });
  }
  const m = (v - 2) / 2;
  return cached({
    name: `NKTS(${v})`,
    m,
    levels: 2,
    fixed: 2,
    k: 3,
    invariant: 0,
    ...(m % 2 === 1 ? { excludedMixed: [0] } : {}),
    seed: 201,
  });
}

/**
 * Resolvable BIBD(v, 4, 1), v = 4 (mod 12): v pupils in fours for (v-1)/3 rounds, every pair
 * exactly once (Hanani, Ray-Chaudhuri & Wilson 1972). 1-rotational on Z_m x {0,1,2} plus a
 * fixed point, m = (v-1)/3, one base round developed into m rounds. v = 16 is also AG(2,4).
 * v = 40 is not reached by this search within budget; it is a packing of PG(3,3) instead
 * (projective.ts, ADR 0119).
 */
export function resolvableQuadrupleSystem(v: number): Design | null {
  if (v === 40) return pg33Packing();
  if (v % 12 !== 4 || v > 28) return null;
  const m = (v - 1) / 3;
  return cached({ name: `RBIBD(${v},4,1)`, m, levels: 3, fixed: 1, k: 4, invariant: 0, seed: 1 });
}

/**
 * Resolvable 4-GDD of type 3^8 (24 pupils in fours, 7 rounds; the pairs that never meet form
 * 8 triangles, where keep-apart pairs go for free). 1-rotational on Z_7 x {0,1,2} plus three
 * fixed points; the holes are {(x,0),(x,1),(x,2)} and the fixed triple (Shen 1992 for the
 * existence of 4-RGDDs of type 3^u).
 */
export function resolvableGdd4Type3(u: number): Design | null {
  if (u !== 8) return null;
  return cached({
    name: "4-RGDD of type 3^8",
    m: 7,
    levels: 3,
    fixed: 3,
    k: 4,
    invariant: 0,
    excludedMixed: [0],
    seed: 201,
  });
}
