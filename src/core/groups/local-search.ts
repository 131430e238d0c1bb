import type { Prng } from "./prng.ts";
import type { Assignment, AttributeIndex, Problem } from "./problem.ts";
import { mixDeviation } from "./quality.ts";

/**
 * Simulated annealing over whole schedules (all rounds at once, not round by round).
 *
 * A move swaps two pupils (or two equally large sets of together-units) between groups of
 * one round, so group sizes and fixed groups never change and forbidden pairs are checked
 * before a move is taken: every visited state meets all hard constraints. The cost of a pair
 * that met m times is (m-1) repeats plus a small, steeply convex term for m >= 3, so that among
 * schedules with equal repeats the search prefers ones where no pair meets three times
 * (the lexicographic second criterion), plus a small weight for the soft attribute mix.
 * A swap changes O(k) pair counts, so its cost delta is O(k) and the search runs millions
 * of moves per second. Moves prefer pupils that sit with someone they already met, the
 * conflict-directed idea of Triska & Musliu's social golfer local search.
 */
export interface AnnealOptions {
  readonly iterations: number;
  readonly rng: Prng;
  /** Stop as soon as the total repeats reach this value and no pair meets 3+ times. */
  readonly targetRepeats: number;
  readonly startTemperature?: number;
  readonly endTemperature?: number;
}

export interface AnnealResult {
  readonly groupOf: Assignment;
  readonly iterations: number;
}

/** Weight of the convex extra cost per meeting beyond the second (max-meetings proxy). */
const TRIPLE_WEIGHT = 0.3;
/** Weight of the soft attribute mix; small so that repeats always dominate. */
const MIX_WEIGHT = 0.1;
/** How often a move starts from a pupil in conflict, when one is found quickly. */
const CONFLICT_TRIES = 4;

/**
 * (m-1) repeats plus a penalty growing by a factor 3 per extra meeting beyond two, so that a
 * pair meeting five times costs far more than several pairs meeting three times: the sum then
 * tracks the max-meetings criterion, not just the number of triples.
 */
function pairCost(m: number): number {
  if (m <= 1) return 0;
  return m - 1 + (TRIPLE_WEIGHT * (3 ** (m - 2) - 1)) / 2;
}

export function anneal(
  problem: Problem,
  initial: Assignment,
  options: AnnealOptions,
): AnnealResult {
  const { n, sizes, rounds: R, unitOf, units, unitFixed, forbidden } = problem;
  const G = sizes.length;
  const rng = options.rng;
  const groupOf = Int32Array.from(initial);

  // Group g of round r occupies memb[r*n + start[g] .. r*n + start[g] + sizes[g]).
  const start = new Int32Array(G + 1);
  for (let g = 0; g < G; g++) start[g + 1] = (start[g] as number) + (sizes[g] as number);
  const memb = new Int32Array(R * n);
  const posOf = new Int32Array(R * n);
  for (let r = 0; r < R; r++) {
    const fill = Int32Array.from(start.subarray(0, G));
    for (let p = 0; p < n; p++) {
      const g = groupOf[r * n + p] as number;
      const at = fill[g] as number;
      fill[g] = at + 1;
      memb[r * n + at] = p;
      posOf[r * n + p] = at;
    }
  }

  const maxMeet = R + 2 + maxOf(problem.history);
  const inc = new Float64Array(maxMeet + 2); // inc[m] = cost(m+1) - cost(m)
  for (let m = 0; m <= maxMeet; m++) inc[m] = pairCost(m + 1) - pairCost(m);
  const meetings = Int32Array.from(problem.history);
  for (let r = 0; r < R; r++) {
    for (let g = 0; g < G; g++) {
      const lo = r * n + (start[g] as number);
      const hi = r * n + (start[g + 1] as number);
      for (let i = lo; i < hi; i++) {
        for (let j = i + 1; j < hi; j++) {
          const a = memb[i] as number;
          const b = memb[j] as number;
          meetings[a * n + b] = (meetings[a * n + b] as number) + 1;
          meetings[b * n + a] = (meetings[b * n + a] as number) + 1;
        }
      }
    }
  }

  const movable = new Uint8Array(n);
  for (let p = 0; p < n; p++) movable[p] = unitFixed[unitOf[p] as number] === -1 ? 1 : 0;
  const movablePupils: number[] = [];
  for (let p = 0; p < n; p++) if (movable[p] === 1) movablePupils.push(p);
  const unitSize = Int32Array.from(units, (u) => u.length);
  const hasUnits = units.some((u) => u.length > 1);

  // Attribute counts, flattened: counts[((ai * R + r) * G + g) * V + v].
  const attrs = problem.attributes;
  const A = attrs.length;
  const V = Math.max(1, ...attrs.map((a) => a.valueCount));
  const codes = new Int32Array(A * n).fill(-1);
  const counts = new Float64Array(A * R * G * V);
  attrs.forEach((a, ai) => {
    for (let p = 0; p < n; p++) codes[ai * n + p] = a.codeOf[p] as number;
    for (let r = 0; r < R; r++) {
      for (let p = 0; p < n; p++) {
        const v = a.codeOf[p] as number;
        if (v < 0) continue;
        const at = ((ai * R + r) * G + (groupOf[r * n + p] as number)) * V + v;
        counts[at] = (counts[at] as number) + 1;
      }
    }
  });
  const deviation = (ai: number, at: number): number => {
    const a = attrs[ai] as AttributeIndex;
    return mixDeviation(counts, at, a.valueCount, a.share);
  };

  /**
   * Move pupil p from group `from` to `to` in round r in the attribute counts and return the
   * change of the mix penalty (`mixDeviation`: only recorded values count, so a pupil without
   * one moves for free). Applied immediately so that several moves of one swap interact
   * correctly; a rejected swap is undone by the reverse moves.
   */
  const mixShift = (r: number, p: number, from: number, to: number): number => {
    let delta = 0;
    for (let ai = 0; ai < A; ai++) {
      const v = codes[ai * n + p] as number;
      if (v < 0) continue;
      const atFrom = ((ai * R + r) * G + from) * V;
      const atTo = ((ai * R + r) * G + to) * V;
      const before = deviation(ai, atFrom) + deviation(ai, atTo);
      counts[atFrom + v] = (counts[atFrom + v] as number) - 1;
      counts[atTo + v] = (counts[atTo + v] as number) + 1;
      delta += deviation(ai, atFrom) + deviation(ai, atTo) - before;
    }
    return delta;
  };
  const hasAttrs = attrs.length > 0;

  let cost = 0;
  for (let a = 0; a < n; a++) {
    for (let b = a + 1; b < n; b++) {
      if (unitOf[a] !== unitOf[b]) cost += pairCost(meetings[a * n + b] as number);
    }
  }
  for (let ai = 0; ai < A; ai++) {
    for (let r = 0; r < R; r++) {
      for (let g = 0; g < G; g++) cost += MIX_WEIGHT * deviation(ai, ((ai * R + r) * G + g) * V);
    }
  }

  let best = Int32Array.from(groupOf);
  let bestCost = cost;
  // No repeats beyond the target and no triple meetings means the pair cost is at its bound.
  const target = options.targetRepeats;
  const done = (): boolean => cost <= target + 1e-9;
  const iterations = Math.max(0, Math.floor(options.iterations));
  const t0 = options.startTemperature ?? 0.6;
  const t1 = options.endTemperature ?? 0.02;
  const cooling = iterations > 0 ? (t1 / t0) ** (1 / iterations) : 1;
  let temperature = t0;

  // Scratch sets for unit moves.
  const setU: number[] = [];
  const setV: number[] = [];

  let it = 0;
  if (movablePupils.length < 2 || G < 2 || done()) return { groupOf: best, iterations: 0 };

  for (; it < iterations; it++) {
    temperature *= cooling;
    const r = rng.int(R);
    const base = r * n;

    // Pick a movable pupil, preferring one who sits with someone already met.
    let a = movablePupils[rng.int(movablePupils.length)] as number;
    for (let t = 0; t < CONFLICT_TRIES; t++) {
      const ga = groupOf[base + a] as number;
      const lo = base + (start[ga] as number);
      const hi = base + (start[ga + 1] as number);
      let conflicted = false;
      for (let i = lo; i < hi; i++) {
        const x = memb[i] as number;
        if (x !== a && (meetings[a * n + x] as number) >= 2 && unitOf[a] !== unitOf[x]) {
          conflicted = true;
          break;
        }
      }
      if (conflicted) break;
      a = movablePupils[rng.int(movablePupils.length)] as number;
    }
    const ga = groupOf[base + a] as number;
    let gb = rng.int(G - 1);
    if (gb >= ga) gb++;
    const sizeB = sizes[gb] as number;
    const b = memb[base + (start[gb] as number) + rng.int(sizeB)] as number;
    if (movable[b] === 0) continue;

    const ua = unitOf[a] as number;
    const ub = unitOf[b] as number;
    if (!hasUnits || (unitSize[ua] === 1 && unitSize[ub] === 1)) {
      // Fast path: swap two single pupils.
      const loA = base + (start[ga] as number);
      const hiA = base + (start[ga + 1] as number);
      const loB = base + (start[gb] as number);
      const hiB = base + (start[gb + 1] as number);
      let delta = 0;
      let allowed = true;
      const an = a * n;
      const bn = b * n;
      for (let i = loA; i < hiA; i++) {
        const x = memb[i] as number;
        if (x === a) continue;
        if (forbidden[bn + x] === 1) {
          allowed = false;
          break;
        }
        delta +=
          (inc[meetings[bn + x] as number] as number) -
          (inc[(meetings[an + x] as number) - 1] as number);
      }
      if (!allowed) continue;
      for (let i = loB; i < hiB; i++) {
        const y = memb[i] as number;
        if (y === b) continue;
        if (forbidden[an + y] === 1) {
          allowed = false;
          break;
        }
        delta +=
          (inc[meetings[an + y] as number] as number) -
          (inc[(meetings[bn + y] as number) - 1] as number);
      }
      if (!allowed) continue;
      if (hasAttrs) delta += MIX_WEIGHT * (mixShift(r, a, ga, gb) + mixShift(r, b, gb, ga));
      if (delta > 0 && rng.next() >= Math.exp(-delta / temperature)) {
        if (hasAttrs) {
          mixShift(r, b, ga, gb);
          mixShift(r, a, gb, ga);
        }
        continue;
      }
      // Apply.
      for (let i = loA; i < hiA; i++) {
        const x = memb[i] as number;
        if (x === a) continue;
        meetings[an + x] = (meetings[an + x] as number) - 1;
        meetings[x * n + a] = (meetings[x * n + a] as number) - 1;
        meetings[bn + x] = (meetings[bn + x] as number) + 1;
        meetings[x * n + b] = (meetings[x * n + b] as number) + 1;
      }
      for (let i = loB; i < hiB; i++) {
        const y = memb[i] as number;
        if (y === b) continue;
        meetings[bn + y] = (meetings[bn + y] as number) - 1;
        meetings[y * n + b] = (meetings[y * n + b] as number) - 1;
        meetings[an + y] = (meetings[an + y] as number) + 1;
        meetings[y * n + a] = (meetings[y * n + a] as number) + 1;
      }
      const pa = posOf[base + a] as number;
      const pb = posOf[base + b] as number;
      memb[base + pa] = b;
      memb[base + pb] = a;
      posOf[base + a] = pb;
      posOf[base + b] = pa;
      groupOf[base + a] = gb;
      groupOf[base + b] = ga;
      cost += delta;
    } else {
      // General path: swap set U (unit of a, padded with single pupils of group A) with
      // set V (unit of b, padded likewise) of equal size.
      setU.length = 0;
      setV.length = 0;
      for (const p of units[ua] as number[]) setU.push(p);
      for (const p of units[ub] as number[]) setV.push(p);
      if (!padWithSingles(setU, setV.length, ga, base)) continue;
      if (!padWithSingles(setV, setU.length, gb, base)) continue;
      const pairDelta = unitSwapDelta(base, ga, gb);
      if (pairDelta === null) continue;
      let delta = pairDelta;
      if (hasAttrs) {
        for (const u of setU) delta += MIX_WEIGHT * mixShift(r, u, ga, gb);
        for (const v of setV) delta += MIX_WEIGHT * mixShift(r, v, gb, ga);
      }
      if (delta > 0 && rng.next() >= Math.exp(-delta / temperature)) {
        if (hasAttrs) {
          for (const v of setV) mixShift(r, v, ga, gb);
          for (const u of setU) mixShift(r, u, gb, ga);
        }
        continue;
      }
      applyUnitSwap(base, ga, gb);
      cost += delta;
      if (cost < bestCost - 1e-9) {
        bestCost = cost;
        best = Int32Array.from(groupOf);
        if (done()) break;
      }
      continue;
    }
    if (cost < bestCost - 1e-9) {
      bestCost = cost;
      best = Int32Array.from(groupOf);
      if (done()) break;
    }
  }
  return { groupOf: best, iterations: Math.min(it + 1, iterations) };

  // --- helpers (hoisted function declarations share the state above) ---

  function padWithSingles(set: number[], wanted: number, g: number, roundBase: number): boolean {
    if (set.length >= wanted) return true;
    const lo = roundBase + (start[g] as number);
    const size = sizes[g] as number;
    // Scan from a random offset so padding pupils vary between moves.
    const offset = rng.int(size);
    for (let k = 0; k < size && set.length < wanted; k++) {
      const p = memb[lo + ((offset + k) % size)] as number;
      if (movable[p] === 1 && unitSize[unitOf[p] as number] === 1 && !set.includes(p)) set.push(p);
    }
    return set.length === wanted;
  }

  function unitSwapDelta(roundBase: number, ga: number, gb: number): number | null {
    let delta = 0;
    const loA = roundBase + (start[ga] as number);
    const hiA = roundBase + (start[ga + 1] as number);
    const loB = roundBase + (start[gb] as number);
    const hiB = roundBase + (start[gb + 1] as number);
    for (const u of setU) {
      for (let i = loA; i < hiA; i++) {
        const x = memb[i] as number;
        if (setU.includes(x) || unitOf[x] === unitOf[u]) continue;
        delta -= inc[(meetings[u * n + x] as number) - 1] as number;
      }
      for (let i = loB; i < hiB; i++) {
        const y = memb[i] as number;
        if (setV.includes(y)) continue;
        if (forbidden[u * n + y] === 1) return null;
        delta += inc[meetings[u * n + y] as number] as number;
      }
    }
    for (const v of setV) {
      for (let i = loB; i < hiB; i++) {
        const y = memb[i] as number;
        if (setV.includes(y) || unitOf[y] === unitOf[v]) continue;
        delta -= inc[(meetings[v * n + y] as number) - 1] as number;
      }
      for (let i = loA; i < hiA; i++) {
        const x = memb[i] as number;
        if (setU.includes(x)) continue;
        if (forbidden[v * n + x] === 1) return null;
        delta += inc[meetings[v * n + x] as number] as number;
      }
    }
    // Pairs inside U (or V) that are not one unit still sit together after the swap: no change.
    return delta;
  }

  function applyUnitSwap(roundBase: number, ga: number, gb: number): void {
    const loA = roundBase + (start[ga] as number);
    const hiA = roundBase + (start[ga + 1] as number);
    const loB = roundBase + (start[gb] as number);
    const hiB = roundBase + (start[gb + 1] as number);
    const bump = (p: number, q: number, d: number): void => {
      meetings[p * n + q] = (meetings[p * n + q] as number) + d;
      meetings[q * n + p] = (meetings[q * n + p] as number) + d;
    };
    for (const u of setU) {
      for (let i = loA; i < hiA; i++) {
        const x = memb[i] as number;
        if (!setU.includes(x)) bump(u, x, -1);
      }
      for (let i = loB; i < hiB; i++) {
        const y = memb[i] as number;
        if (!setV.includes(y)) bump(u, y, 1);
      }
    }
    for (const v of setV) {
      for (let i = loB; i < hiB; i++) {
        const y = memb[i] as number;
        if (!setV.includes(y)) bump(v, y, -1);
      }
      for (let i = loA; i < hiA; i++) {
        const x = memb[i] as number;
        if (!setU.includes(x)) bump(v, x, 1);
      }
    }
    for (let k = 0; k < setU.length; k++) {
      const u = setU[k] as number;
      const v = setV[k] as number;
      const pu = posOf[roundBase + u] as number;
      const pv = posOf[roundBase + v] as number;
      memb[roundBase + pu] = v;
      memb[roundBase + pv] = u;
      posOf[roundBase + u] = pv;
      posOf[roundBase + v] = pu;
      groupOf[roundBase + u] = gb;
      groupOf[roundBase + v] = ga;
    }
  }
}

function maxOf(values: Int32Array): number {
  let m = 0;
  for (const v of values) if (v > m) m = v;
  return m;
}
