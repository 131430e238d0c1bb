import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { checkSchedule } from "./quality.ts";
import { solveGroups } from "./solve.ts";
import type { PupilId, SolveInput } from "./types.ts";

/**
 * One test per public benchmark case (../shared/bench/groups-cases.json beside the repo):
 * hard constraints always hold, cases whose known best is 0 reach 0, and the others land at or
 * below the best result known. Skipped when the shared folder is not there.
 */
interface BenchCase {
  id: string;
  n: number;
  k: number;
  rounds: number;
  unevenPolicy?: "smaller" | "larger";
  forbidden?: [number, number][];
  together?: [number, number][];
  fixedGroup?: Record<string, number>;
  theory: { bestRepeats: number | string };
}

const file = path.resolve("../shared/bench/groups-cases.json");
let cases: BenchCase[] = [];
try {
  cases = (JSON.parse(readFileSync(file, "utf8")) as { cases: BenchCase[] }).cases;
} catch {
  cases = [];
}

/** The upper end of "[lo, hi]: ..." or the number itself. */
function bestKnown(best: number | string): number {
  if (typeof best === "number") return best;
  const match = /\[\s*\d+\s*,\s*(\d+)\s*\]/.exec(best);
  return match ? Number(match[1]) : Number.POSITIVE_INFINITY;
}

describe.skipIf(cases.length === 0)("benchmark cases", () => {
  it.each(cases.map((c) => [c.id, c] as const))("%s", (_, c) => {
    const input: SolveInput = {
      pupils: Array.from({ length: c.n }, (_, i) => i),
      k: c.k,
      rounds: c.rounds,
      ...(c.unevenPolicy ? { unevenPolicy: c.unevenPolicy } : {}),
      ...(c.forbidden ? { forbidden: c.forbidden } : {}),
      ...(c.together ? { together: c.together } : {}),
      ...(c.fixedGroup
        ? {
            fixedGroup: new Map<PupilId, number>(
              Object.entries(c.fixedGroup).map(([id, g]) => [Number(id), g]),
            ),
          }
        : {}),
      seed: 1,
    };
    const result = solveGroups(input);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const check = checkSchedule(input, result.schedule);
    expect(check.violations).toEqual([]);
    const bound = bestKnown(c.theory.bestRepeats);
    expect(check.quality.totalRepeats).toBeLessThanOrEqual(bound);
  });
});
