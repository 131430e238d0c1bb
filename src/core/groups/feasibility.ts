import type { Prng } from "./prng.ts";
import type { Problem } from "./problem.ts";

/**
 * Hard constraints are the same in every round, so one round that meets them proves the
 * whole schedule feasible (repeat that round) and gives the local search a safe fallback.
 * Finding it is bin packing with conflicts (NP-hard in general, tiny here): a depth-first
 * search with a node budget so it always terminates.
 */
export type FeasibleRound =
  | { readonly status: "found"; readonly groupOf: Int32Array }
  | { readonly status: "infeasible" }
  | { readonly status: "unknown" };

const NODE_BUDGET = 400_000;

export function findFeasibleRound(problem: Problem): FeasibleRound {
  const { n, sizes, units, unitFixed, forbidden } = problem;
  const groupOf = new Int32Array(n).fill(-1);
  const members: number[][] = sizes.map(() => []);
  const remaining = [...sizes];

  const fits = (unit: readonly number[], g: number): boolean => {
    if ((remaining[g] as number) < unit.length) return false;
    for (const p of unit) {
      for (const x of members[g] as number[]) if (forbidden[p * n + x] === 1) return false;
    }
    return true;
  };
  const place = (unit: readonly number[], g: number): void => {
    for (const p of unit) {
      (members[g] as number[]).push(p);
      groupOf[p] = g;
    }
    remaining[g] = (remaining[g] as number) - unit.length;
  };
  const unplace = (unit: readonly number[], g: number): void => {
    const list = members[g] as number[];
    list.length -= unit.length;
    for (const p of unit) groupOf[p] = -1;
    remaining[g] = (remaining[g] as number) + unit.length;
  };

  const free: (readonly number[])[] = [];
  units.forEach((unit, u) => {
    const g = unitFixed[u] as number;
    if (g >= 0) {
      if (!fits(unit, g)) return; // cannot happen after validation, but stay safe
      place(unit, g);
    } else {
      free.push(unit);
    }
  });
  if (units.some((unit, u) => (unitFixed[u] as number) >= 0 && groupOf[unit[0] as number] === -1)) {
    return { status: "infeasible" };
  }

  // Most constrained first: big units, then pupils with many forbidden partners.
  const degree = (unit: readonly number[]): number => {
    let d = 0;
    for (const p of unit) for (let x = 0; x < n; x++) d += forbidden[p * n + x] as number;
    return d;
  };
  free.sort((a, b) => b.length - a.length || degree(b) - degree(a));

  let nodes = 0;
  let exhausted = false;
  const dfs = (i: number): boolean => {
    if (i === free.length) return true;
    if (++nodes > NODE_BUDGET) {
      exhausted = true;
      return false;
    }
    const unit = free[i] as readonly number[];
    const triedEmpty = new Set<number>();
    for (let g = 0; g < sizes.length; g++) {
      // Empty groups of the same size are interchangeable: trying one of them is enough.
      if ((members[g] as number[]).length === 0) {
        if (triedEmpty.has(sizes[g] as number)) continue;
        triedEmpty.add(sizes[g] as number);
      }
      if (!fits(unit, g)) continue;
      place(unit, g);
      if (dfs(i + 1)) return true;
      unplace(unit, g);
      if (exhausted) return false;
    }
    return false;
  };
  if (dfs(0)) return { status: "found", groupOf };
  return exhausted ? { status: "unknown" } : { status: "infeasible" };
}

/**
 * A greedy round in the spirit of Triska & Musliu's initialisation: fixed units first, then
 * the other units in random order (large ones first), each into the allowed group where it
 * adds the fewest repeated meetings given `meetings` (history plus rounds built so far).
 * Returns null when greedy packing gets stuck; the caller then uses the feasible round.
 */
export function greedyRound(problem: Problem, meetings: Int32Array, rng: Prng): Int32Array | null {
  const { n, sizes, units, unitFixed, forbidden } = problem;
  const groupOf = new Int32Array(n).fill(-1);
  const members: number[][] = sizes.map(() => []);
  const remaining = [...sizes];
  const order: number[] = [];
  units.forEach((unit, u) => {
    const g = unitFixed[u] as number;
    if (g >= 0) {
      for (const p of unit) {
        groupOf[p] = g;
        (members[g] as number[]).push(p);
      }
      remaining[g] = (remaining[g] as number) - unit.length;
    } else {
      order.push(u);
    }
  });
  // Random order with large units first: random keys break ties between equal sizes.
  const keys = new Float64Array(units.length);
  for (const u of order) keys[u] = rng.next();
  order.sort(
    (a, b) =>
      (units[b] as number[]).length - (units[a] as number[]).length ||
      (keys[a] as number) - (keys[b] as number),
  );

  for (const u of order) {
    const unit = units[u] as readonly number[];
    let best = -1;
    let bestScore = Number.POSITIVE_INFINITY;
    for (let g = 0; g < sizes.length; g++) {
      if ((remaining[g] as number) < unit.length) continue;
      let score = 0;
      let allowed = true;
      for (const p of unit) {
        for (const x of members[g] as number[]) {
          if (forbidden[p * n + x] === 1) {
            allowed = false;
            break;
          }
          const m = meetings[p * n + x] as number;
          score += m * m;
        }
        if (!allowed) break;
      }
      if (!allowed) continue;
      // Prefer emptier groups slightly so early pupils spread out; random jitter breaks ties.
      score = score * 4 - (remaining[g] as number) + rng.next();
      if (score < bestScore) {
        bestScore = score;
        best = g;
      }
    }
    if (best < 0) return null;
    for (const p of unit) {
      groupOf[p] = best;
      (members[best] as number[]).push(p);
    }
    remaining[best] = (remaining[best] as number) - unit.length;
  }
  return groupOf;
}
