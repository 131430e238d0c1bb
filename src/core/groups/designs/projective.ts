import { createPrng } from "../prng.ts";
import { exactCover } from "./cyclic.ts";
import { type Design, type DesignRound, designDefect } from "./types.ts";

/**
 * PG(3,3) and a packing of it: RBIBD(40,4,1), 40 pupils in fours for 13 rounds.
 *
 * The points of PG(3,3) are the 40 one-dimensional subspaces of GF(3)^4 and its lines the 130
 * two-dimensional ones (4 points each); every two points lie on exactly one line, so the lines
 * form a BIBD(40,4,1). A spread is 10 pairwise disjoint lines (a round) and a packing is 13
 * spreads that together use every line once: a resolution. Packings of PG(3,q) exist for every
 * q (Denniston 1972, "Some packings of projective spaces"; those of PG(3,3) were classified by
 * Betten 2016, "The packings of PG(3,3)"). Built here by two exact covers: all 8424 spreads
 * (a depth-first search over the lines through the first uncovered point), then 13 spreads
 * covering the 130 lines once (Algorithm X with dancing links, fixed seed; about 0.1 s).
 * A spread with one line from each orbit of an element of order 13 (diag(A,1), A a Singer
 * cycle of PG(2,3)) was tried first and does not exist, so the packing is found without a
 * prescribed group. The design is verified by `designDefect` before use.
 */

/** Vectors of GF(3)^4 as integers 0..80, coordinate i the i-th base-3 digit. */
const digits = (x: number): number[] => [
  x % 3,
  Math.floor(x / 3) % 3,
  Math.floor(x / 9) % 3,
  Math.floor(x / 27) % 3,
];
const vector = (d: readonly number[]): number =>
  (d[0] as number) + 3 * (d[1] as number) + 9 * (d[2] as number) + 27 * (d[3] as number);

/** The projective point of a nonzero vector: its multiple whose first nonzero digit is 1. */
function normalise(x: number): number {
  const d = digits(x);
  const lead = d.find((c) => c !== 0) as number;
  return lead === 1 ? x : vector(d.map((c) => (2 * c) % 3));
}

export interface ProjectiveSpace {
  /** Normalised vectors of the 40 points; point i is points[i]. */
  readonly points: readonly number[];
  /** The 130 lines, each 4 sorted point indices. */
  readonly lines: readonly (readonly number[])[];
  /** Point index of a normalised vector, -1 for others. */
  readonly index: Int32Array;
}

export function projectiveSpace33(): ProjectiveSpace {
  const points: number[] = [];
  const index = new Int32Array(81).fill(-1);
  for (let x = 1; x < 81; x++) {
    if (normalise(x) === x) {
      index[x] = points.length;
      points.push(x);
    }
  }
  const add = (a: number, b: number): number =>
    vector(digits(a).map((c, i) => (c + (digits(b)[i] as number)) % 3));
  const seen = new Set<string>();
  const lines: number[][] = [];
  for (let i = 0; i < points.length; i++) {
    for (let j = i + 1; j < points.length; j++) {
      const u = points[i] as number;
      const w = points[j] as number;
      const span = [u, w, add(u, w), add(u, add(w, w))].map((x) => index[normalise(x)] as number);
      span.sort((a, b) => a - b);
      const key = span.join(",");
      if (!seen.has(key)) {
        seen.add(key);
        lines.push(span);
      }
    }
  }
  return { points, lines, index };
}

let memo: Design | null | undefined;

/** RBIBD(40,4,1) from a packing of PG(3,3), or null if the budgeted search fails. */
export function pg33Packing(): Design | null {
  if (memo !== undefined) return memo;
  memo = buildPacking();
  return memo;
}

/** Every spread of PG(3,3) (8424 of them), as line indices, by depth-first search. */
export function spreadsOf(space: ProjectiveSpace): number[][] {
  const through: number[][] = Array.from({ length: space.points.length }, () => []);
  space.lines.forEach((line, i) => {
    for (const p of line) through[p]?.push(i);
  });
  const covered = new Uint8Array(space.points.length);
  const spreads: number[][] = [];
  const chosen: number[] = [];
  const extend = (): void => {
    const p = covered.indexOf(0);
    if (p < 0) {
      spreads.push([...chosen]);
      return;
    }
    for (const i of through[p] as number[]) {
      const line = space.lines[i] as readonly number[];
      if (line.some((q) => covered[q] === 1)) continue;
      for (const q of line) covered[q] = 1;
      chosen.push(i);
      extend();
      chosen.pop();
      for (const q of line) covered[q] = 0;
    }
  };
  extend();
  return spreads;
}

function buildPacking(): Design | null {
  const space = projectiveSpace33();
  const spreads = spreadsOf(space);
  // Second exact cover: 13 spreads covering each of the 130 lines once.
  const solution = exactCover(
    space.lines.length,
    space.lines.length,
    spreads,
    createPrng(1),
    2_000_000,
  );
  if (!solution) return null;
  const rounds: DesignRound[] = solution.map((s) =>
    (spreads[s] as number[]).map((i) => [...(space.lines[i] as readonly number[])]),
  );
  const design: Design = { name: "RBIBD(40,4,1) = packing of PG(3,3)", v: 40, k: 4, rounds };
  return designDefect(design, 4) === null ? design : null;
}

let memoMinusLine: Design | null | undefined;

/**
 * 36 pupils in fours for 9 rounds: PG(3,3) without the 4 points of one line l. The 81 lines
 * skew to l are resolved by 9 spreads through l (each minus l), a third exact cover over the
 * 648 spreads through l. Every skew line meets each of the 4 planes through l once, so pupils
 * in one plane (9 each) never meet: a resolvable 4-GDD of type 9^4 (a resolvable TD(4,9)),
 * where keep-apart pairs go for free. 9 rounds is the most for this structure: a 10th round
 * would need fours inside the 9-point planes, and 9 is not a multiple of 4.
 */
export function pg33MinusLine(): Design | null {
  if (memoMinusLine !== undefined) return memoMinusLine;
  memoMinusLine = buildMinusLine();
  return memoMinusLine;
}

function buildMinusLine(): Design | null {
  const space = projectiveSpace33();
  const removed = 0;
  const l = space.lines[removed] as readonly number[];
  const skew: number[] = [];
  space.lines.forEach((line, i) => {
    if (!line.some((p) => l.includes(p))) skew.push(i);
  });
  const column = new Map(skew.map((i, c) => [i, c]));
  const through = spreadsOf(space).filter((spread) => spread.includes(removed));
  const rows = through.map((spread) =>
    spread.filter((i) => i !== removed).map((i) => column.get(i) as number),
  );
  const solution = exactCover(skew.length, skew.length, rows, createPrng(1), 1_000_000);
  if (!solution) return null;
  // Relabel the 36 remaining points 0..35.
  const label = new Int32Array(space.points.length).fill(-1);
  let next = 0;
  for (let p = 0; p < space.points.length; p++) if (!l.includes(p)) label[p] = next++;
  const rounds: DesignRound[] = solution.map((r) =>
    (through[r] as number[])
      .filter((i) => i !== removed)
      .map((i) => (space.lines[i] as readonly number[]).map((p) => label[p] as number)),
  );
  const design: Design = { name: "PG(3,3) minus a line (4-RGDD of type 9^4)", v: 36, k: 4, rounds };
  return designDefect(design, 4) === null ? design : null;
}
