import { buildProblem } from "./constraints.ts";
import { findFeasibleRound, greedyRound } from "./feasibility.ts";
import { anneal } from "./local-search.ts";
import type { Assignment, Problem } from "./problem.ts";
import { createPrng, type Prng } from "./prng.ts";
import { evaluateAssignment, repeatsLowerBound } from "./quality.ts";
import type { PupilId, Round, SolveInput, SolveResult } from "./types.ts";

/** Default local-search budget in moves; ~1 s for the largest cases on a slow core. */
const BASE_ITERATIONS = 4_000_000;

export function solveGroups(input: SolveInput): SolveResult {
  const built = buildProblem(input);
  if (!built.ok) return built;
  const problem = built.problem;
  const feasible = findFeasibleRound(problem);
  if (feasible.status !== "found") {
    return {
      ok: false,
      conflicts: [
        {
          kind: "infeasible",
          message:
            feasible.status === "infeasible"
              ? "the forbidden pairs, together-chains and fixed groups cannot all be met at once"
              : "no grouping meeting the forbidden pairs, together-chains and fixed groups was found within the search budget",
        },
      ],
    };
  }
  const rng = createPrng(input.seed ?? 1);
  const lowerBound = repeatsLowerBound(problem);
  const initial = greedyInitial(problem, feasible.groupOf, rng);
  const iterations = Math.round(BASE_ITERATIONS * (input.effort ?? 1));
  const result = anneal(problem, initial, { iterations, rng, targetRepeats: lowerBound });
  const quality = evaluateAssignment(problem, result.groupOf);
  return {
    ok: true,
    schedule: toSchedule(problem, result.groupOf, input.pupils),
    quality,
    repeatsLowerBound: lowerBound,
    method: "local-search",
    iterations: result.iterations,
  };
}

function greedyInitial(problem: Problem, fallback: Int32Array, rng: Prng): Assignment {
  const { n, rounds } = problem;
  const meetings = Int32Array.from(problem.history);
  const groupOf = new Int32Array(rounds * n);
  for (let r = 0; r < rounds; r++) {
    const round = greedyRound(problem, meetings, rng) ?? fallback;
    groupOf.set(round, r * n);
    for (let a = 0; a < n; a++) {
      for (let b = a + 1; b < n; b++) {
        if (round[a] === round[b]) {
          meetings[a * n + b] = (meetings[a * n + b] as number) + 1;
          meetings[b * n + a] = (meetings[b * n + a] as number) + 1;
        }
      }
    }
  }
  return groupOf;
}

export function toSchedule(
  problem: Problem,
  groupOf: Assignment,
  ids: readonly PupilId[],
): Round[] {
  const { n, sizes, rounds } = problem;
  const schedule: Round[] = [];
  for (let r = 0; r < rounds; r++) {
    const groups: PupilId[][] = sizes.map(() => []);
    for (let p = 0; p < n; p++) groups[groupOf[r * n + p] as number]?.push(ids[p] as PupilId);
    schedule.push(groups);
  }
  return schedule;
}
