import type { UnevenPolicy } from "./types.ts";

/**
 * Group sizes for n pupils with target size k.
 *
 * `smaller` gives ceil(n/k) groups and `larger` gives floor(n/k) groups (at least one). The
 * pupils are then spread as evenly as possible, so sizes differ by at most one: that yields
 * exactly "some groups of k-1" (or "k+1") whenever that is arithmetically possible, and the
 * nearest even split when it is not (e.g. n=5, k=4, smaller -> [3, 2], because [4, 1] would
 * leave a pupil alone). Larger groups come first, so group indices are stable for fixedGroup.
 */
export function deriveGroupSizes(n: number, k: number, policy: UnevenPolicy = "smaller"): number[] {
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`n must be a positive integer, got ${n}`);
  if (!Number.isInteger(k) || k < 1) throw new RangeError(`k must be a positive integer, got ${k}`);
  const groups = policy === "smaller" ? Math.ceil(n / k) : Math.max(1, Math.floor(n / k));
  return evenSplit(n, groups);
}

/** Split n into `groups` parts that differ by at most one, larger parts first. */
export function evenSplit(n: number, groups: number): number[] {
  const base = Math.floor(n / groups);
  const extra = n - base * groups;
  return Array.from({ length: groups }, (_, g) => (g < extra ? base + 1 : base));
}

/** Number of pair meetings one round produces with these sizes. */
export function meetingsPerRound(sizes: readonly number[]): number {
  let total = 0;
  for (const s of sizes) total += (s * (s - 1)) / 2;
  return total;
}
