import { createPrng, type Prng, shuffleInPlace } from "../prng.ts";
import { type Design, type DesignRound, designDefect } from "./types.ts";

/**
 * Cyclic (1-rotational) resolvable designs found by a seeded, deterministic search.
 *
 * Points are Z_m x {0..levels-1} plus `fixed` points that the group does not move; point
 * (x, i) is i*m + x and fixed point j is levels*m + j. The translation x -> x+t (mod m) acts on
 * the pairs; two pairs in one orbit meet in translated rounds, so a schedule made of
 *  - `invariant` rounds, each the orbit of one transversal block {(a_0,0), ..., (a_{L-1},L-1)}
 *    (a round fixed by every translation), and
 *  - one base round developed into m rounds by the translations,
 * is repeat-free exactly when no pair orbit is used twice. This is the method of differences
 * (Bose 1939, "On the construction of balanced incomplete block designs"), in the 1-rotational
 * form used for Kirkman triple systems by Ray-Chaudhuri & Wilson (1971) and for resolvable
 * designs in general by Buratti & Zuanni (1998). Orbits that must stay unused (the holes of a
 * group divisible design, and the short orbit of difference m/2 for even m) are excluded.
 *
 * The base blocks come from a randomised depth-first exact-cover search with restarts, seeded
 * and budgeted so it is deterministic; the result is verified before it is returned.
 */
export interface CyclicSpec {
  readonly name: string;
  readonly m: number;
  readonly levels: number;
  readonly fixed: number;
  readonly k: number;
  /** Invariant transversal rounds (needs k === levels and fixed === 0). */
  readonly invariant: number;
  /** Base rounds, each developed into m rounds (default 1). */
  readonly baseRounds?: number;
  /** Mixed differences excluded between every two levels (the holes of a GDD), e.g. [0]. */
  readonly excludedMixed?: readonly number[];
  /** Seed of the first attempt; later attempts use seed+1, seed+2, ... */
  readonly seed?: number;
  /** Search nodes per attempt and attempts (defaults below). */
  readonly nodes?: number;
  readonly attempts?: number;
}

/** Search budget: nodes per attempt and attempts. Deterministic, not wall-clock. */
const NODES_PER_ATTEMPT = 20_000;
const ATTEMPTS = 400;

export function cyclicOrbitCount(spec: CyclicSpec): number {
  return orbitSpace(spec).size;
}

function orbitSpace(spec: CyclicSpec): {
  readonly size: number;
  readonly orbit: (p: number, q: number) => number;
} {
  const { m, levels, fixed } = spec;
  const finite = m * levels;
  const pureBase = fixed * levels;
  const mixedBase = pureBase + levels * m;
  const size = mixedBase + levels * levels * m;
  /** Orbit id of the pair {p, q}, or -1 when the pair may never share a block. */
  const orbit = (p: number, q: number): number => {
    if (p >= finite && q >= finite) return -1;
    if (q >= finite) [p, q] = [q, p];
    if (p >= finite) return (p - finite) * levels + Math.floor(q / m);
    const lp = Math.floor(p / m);
    const lq = Math.floor(q / m);
    const xp = p % m;
    const xq = q % m;
    if (lp === lq) {
      const d = (((xq - xp) % m) + m) % m;
      const e = Math.min(d, m - d);
      if (2 * e === m || e === 0) return -1;
      return pureBase + lp * m + e;
    }
    const [i, j, xi, xj] = lp < lq ? [lp, lq, xp, xq] : [lq, lp, xq, xp];
    const delta = (((xj - xi) % m) + m) % m;
    if (spec.excludedMixed?.includes(delta)) return -1;
    return mixedBase + (i * levels + j) * m + delta;
  };
  return { size, orbit };
}

/** Attempts the last successful search needed (for choosing seeds that succeed at once). */
export let lastAttempt = -1;

/** The design, or null when the budgeted search finds none. */
export function searchCyclicDesign(spec: CyclicSpec): Design | null {
  const { m, levels, fixed, k } = spec;
  const v = m * levels + fixed;
  if (v % k !== 0) return null;
  const { size, orbit } = orbitSpace(spec);
  const used = new Uint8Array(size);
  for (let attempt = 0; attempt < (spec.attempts ?? ATTEMPTS); attempt++) {
    const rng = createPrng((spec.seed ?? 1) + attempt);
    used.fill(0);
    const invariant = chooseInvariant(spec, orbit, used, rng);
    if (!invariant) continue;
    const count = spec.baseRounds ?? 1;
    const base = searchBaseRounds(v, k, count, orbit, used, rng, spec.nodes ?? NODES_PER_ATTEMPT);
    if (!base) continue;
    const design = develop(spec, invariant, base);
    if (designDefect(design, k) === null) {
      lastAttempt = attempt;
      return design;
    }
  }
  return null;
}

/** Transversal offsets for the invariant rounds, marking their mixed orbits used. */
function chooseInvariant(
  spec: CyclicSpec,
  orbit: (p: number, q: number) => number,
  used: Uint8Array,
  rng: Prng,
): number[][] | null {
  const { m, levels, invariant } = spec;
  const chosen: number[][] = [];
  for (let round = 0; round < invariant; round++) {
    let placed = false;
    for (let tries = 0; tries < 200 && !placed; tries++) {
      const offsets = [0];
      for (let i = 1; i < levels; i++) offsets.push(rng.int(m));
      const ids: number[] = [];
      let ok = true;
      for (let i = 0; i < levels && ok; i++) {
        for (let j = i + 1; j < levels && ok; j++) {
          const id = orbit(i * m + (offsets[i] as number), j * m + (offsets[j] as number));
          if (id < 0 || used[id] === 1 || ids.includes(id)) ok = false;
          else ids.push(id);
        }
      }
      if (!ok) continue;
      for (const id of ids) used[id] = 1;
      chosen.push(offsets);
      placed = true;
    }
    if (!placed) return null;
  }
  return chosen;
}

/**
 * One partition of the v points into blocks of k whose pairs use distinct unused orbits: an
 * exact cover (points, and orbits when the count is tight) solved by Knuth's Algorithm X with
 * dancing links, the column with the fewest rows first, rows in a seeded random order.
 */
function searchBaseRounds(
  v: number,
  k: number,
  count: number,
  orbit: (p: number, q: number) => number,
  used: Uint8Array,
  rng: Prng,
  budget: number,
): number[][][] | null {
  const free: number[] = [];
  for (let id = 0; id < used.length; id++) if (used[id] === 0) free.push(id);
  const orbitColumn = new Int32Array(used.length).fill(-1);
  free.forEach((id, i) => {
    orbitColumn[id] = count * v + i;
  });
  // Rows: k-subsets whose pairs lie in distinct free orbits.
  const rows: { readonly round: number; readonly block: number[] }[] = [];
  const rowCols: number[][] = [];
  const block: number[] = [];
  const cols: number[] = [];
  const enumerate = (from: number): void => {
    if (block.length === k) {
      for (let b = 0; b < count; b++) {
        rows.push({ round: b, block: [...block] });
        rowCols.push([...block.map((p) => b * v + p), ...cols]);
      }
      return;
    }
    for (let q = from; q < v; q++) {
      const added: number[] = [];
      let ok = true;
      for (const p of block) {
        const id = orbit(p, q);
        const c = id < 0 ? -1 : (orbitColumn[id] as number);
        if (c < 0 || cols.includes(c) || added.includes(c)) {
          ok = false;
          break;
        }
        added.push(c);
      }
      if (!ok) continue;
      block.push(q);
      cols.push(...added);
      enumerate(q + 1);
      block.pop();
      cols.length -= added.length;
    }
  };
  enumerate(0);
  const pairs = count * (v / k) * ((k * (k - 1)) / 2);
  const primary = pairs === free.length ? count * v + free.length : count * v;
  const solution = exactCover(count * v + free.length, primary, rowCols, rng, budget);
  if (!solution) return null;
  const rounds: number[][][] = Array.from({ length: count }, () => []);
  for (const r of solution) {
    const row = rows[r] as { round: number; block: number[] };
    rounds[row.round]?.push(row.block);
  }
  return rounds;
}

/**
 * Algorithm X with dancing links (Knuth 2000). Columns [0, primary) must be covered exactly
 * once, the rest at most once. Returns row indices, or null when the node budget runs out.
 */
export function exactCover(
  columnCount: number,
  primary: number,
  rowCols: readonly (readonly number[])[],
  rng: Prng,
  budget: number,
): number[] | null {
  const order = shuffleInPlace(
    Array.from({ length: rowCols.length }, (_, i) => i),
    rng,
  );
  let nodeCount = columnCount + 1;
  for (const r of rowCols) nodeCount += r.length;
  const L = new Int32Array(nodeCount);
  const R = new Int32Array(nodeCount);
  const U = new Int32Array(nodeCount);
  const D = new Int32Array(nodeCount);
  const C = new Int32Array(nodeCount);
  const rowOf = new Int32Array(nodeCount).fill(-1);
  const S = new Int32Array(columnCount + 1);
  const head = columnCount;
  for (let c = 0; c <= columnCount; c++) {
    U[c] = c;
    D[c] = c;
    C[c] = c;
    L[c] = c;
    R[c] = c;
  }
  // Only primary columns are linked into the header list.
  let prev = head;
  for (let c = 0; c < primary; c++) {
    R[prev] = c;
    L[c] = prev;
    prev = c;
  }
  R[prev] = head;
  L[head] = prev;
  let next = columnCount + 1;
  for (const r of order) {
    const cs = rowCols[r] as readonly number[];
    const first = next;
    for (const c of cs) {
      const x = next++;
      C[x] = c;
      rowOf[x] = r;
      U[x] = U[c] as number;
      D[x] = c;
      D[U[c] as number] = x;
      U[c] = x;
      S[c] = (S[c] as number) + 1;
      L[x] = x === first ? x : x - 1;
      R[x] = first;
      if (x !== first) R[x - 1] = x;
      L[first] = x;
    }
  }
  const cover = (c: number): void => {
    R[L[c] as number] = R[c] as number;
    L[R[c] as number] = L[c] as number;
    for (let i = D[c] as number; i !== c; i = D[i] as number) {
      for (let j = R[i] as number; j !== i; j = R[j] as number) {
        U[D[j] as number] = U[j] as number;
        D[U[j] as number] = D[j] as number;
        S[C[j] as number] = (S[C[j] as number] as number) - 1;
      }
    }
  };
  const uncover = (c: number): void => {
    for (let i = U[c] as number; i !== c; i = U[i] as number) {
      for (let j = L[i] as number; j !== i; j = L[j] as number) {
        S[C[j] as number] = (S[C[j] as number] as number) + 1;
        U[D[j] as number] = j;
        D[U[j] as number] = j;
      }
    }
    R[L[c] as number] = c;
    L[R[c] as number] = c;
  };
  const solution: number[] = [];
  let nodes = 0;
  const search = (): boolean => {
    if (R[head] === head) return true;
    if (++nodes > budget) return false;
    let c = R[head] as number;
    for (let j = R[c] as number; j !== head; j = R[j] as number) {
      if ((S[j] as number) < (S[c] as number)) c = j;
    }
    if (S[c] === 0) return false;
    cover(c);
    for (let r = D[c] as number; r !== c; r = D[r] as number) {
      solution.push(rowOf[r] as number);
      for (let j = R[r] as number; j !== r; j = R[j] as number) cover(C[j] as number);
      if (search()) return true;
      for (let j = L[r] as number; j !== r; j = L[j] as number) uncover(C[j] as number);
      solution.pop();
      if (nodes > budget) break;
    }
    uncover(c);
    return false;
  };
  return search() ? solution : null;
}

function develop(spec: CyclicSpec, invariant: readonly number[][], bases: number[][][]): Design {
  const { m, levels, fixed, k } = spec;
  const finite = m * levels;
  const shift = (p: number, t: number): number =>
    p >= finite ? p : Math.floor(p / m) * m + (((p % m) + t) % m);
  const rounds: DesignRound[] = invariant.map((offsets) =>
    Array.from({ length: m }, (_, t) => offsets.map((a, i) => i * m + ((a + t) % m))),
  );
  for (const base of bases) {
    for (let t = 0; t < m; t++) rounds.push(base.map((block) => block.map((p) => shift(p, t))));
  }
  return { name: spec.name, v: finite + fixed, k, rounds };
}
