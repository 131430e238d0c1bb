import { buildProblem } from "./constraints.ts";
import { bestConstruction } from "./constructions.ts";
import { findFeasibleRound, greedyRound } from "./feasibility.ts";
import { anneal } from "./local-search.ts";
import { createPrng, type Prng, shuffleInPlace } from "./prng.ts";
import type { Assignment, Problem } from "./problem.ts";
import { compareQuality, evaluateAssignment, repeatsLowerBound } from "./quality.ts";
import { relabelDesign } from "./relabel.ts";
import type {
  PupilId,
  Quality,
  Round,
  Schedule,
  SolveInput,
  SolveMethod,
  SolveResult,
} from "./types.ts";

/**
 * Local-search budget in moves at effort 1. Iterations, not wall-clock, so a seed always
 * gives the same schedule; 4M moves take roughly 1-1.5 s on one core of the reference machine.
 */
const BASE_ITERATIONS = 4_000_000;
const RELABEL_ITERATIONS = 40_000;
/** A construction is polished at a low temperature so its structure survives. */
const POLISH_TEMPERATURE = 0.2;
/** Share of the rounds a design must cover for the second search to start from a design too. */
const DESIGN_SHARE_FOR_RESTART = 0.75;

interface Candidate {
  readonly groupOf: Assignment;
  readonly quality: Quality;
  readonly method: SolveMethod;
  readonly iterations: number;
}

/**
 * Plan `input.rounds` rounds. Pipeline: validate -> prove one feasible round exists ->
 * (a) an algebraic construction, relabelled to honour keep-apart pairs and history, then
 * polished by annealing, and (b) annealing from a greedy start; the lexicographically best
 * wins. When (a) already meets the lower bound no search runs at all.
 */
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
  const budget = Math.max(1, Math.round(BASE_ITERATIONS * (input.effort ?? 1)));
  const atBound = (q: Quality): boolean =>
    q.hardViolations === 0 &&
    q.totalRepeats === lowerBound &&
    q.maxMeetings <= (lowerBound === 0 ? 1 : 2) &&
    q.mixPenalty === 0;

  const candidates: Candidate[] = [];
  // Relabelling is cheap next to the search but must shrink with small test budgets too.
  const relabelIterations = Math.min(RELABEL_ITERATIONS, Math.max(2_000, Math.floor(budget / 20)));
  const constructed = constructionStart(problem, feasible.groupOf, rng, relabelIterations);
  let remaining = budget;
  const polishFrom = (start: Assignment, iterations: number): Candidate => {
    const polish = anneal(problem, start, {
      iterations,
      rng,
      targetRepeats: lowerBound,
      startTemperature: POLISH_TEMPERATURE,
    });
    return {
      groupOf: polish.groupOf,
      quality: evaluateAssignment(problem, polish.groupOf),
      method: "construction",
      iterations: polish.iterations,
    };
  };
  if (constructed) {
    const quality = evaluateAssignment(problem, constructed.groupOf);
    if (atBound(quality)) {
      return success(problem, input.pupils, lowerBound, {
        groupOf: constructed.groupOf,
        quality,
        method: "construction",
        iterations: 0,
      });
    }
    const candidate = polishFrom(constructed.groupOf, Math.floor(budget / 2));
    remaining -= candidate.iterations;
    if (atBound(candidate.quality)) return success(problem, input.pupils, lowerBound, candidate);
    candidates.push(candidate);
  }
  // When a design covers most rounds, a second, differently shuffled and relabelled design
  // start beats annealing from scratch (30-5-8: about 61 against 66 repeats); otherwise the
  // rest of the budget goes to annealing from a greedy start.
  const second =
    constructed && constructed.designRounds >= DESIGN_SHARE_FOR_RESTART * problem.rounds
      ? constructionStart(problem, feasible.groupOf, rng, relabelIterations)
      : null;
  if (second) {
    candidates.push(polishFrom(second.groupOf, remaining));
  } else {
    const start = greedyStart(problem, feasible.groupOf, rng, 0, new Int32Array(0));
    const searched = anneal(problem, start, {
      iterations: remaining,
      rng,
      targetRepeats: lowerBound,
    });
    candidates.push({
      groupOf: searched.groupOf,
      quality: evaluateAssignment(problem, searched.groupOf),
      method: "local-search",
      iterations: searched.iterations,
    });
  }
  candidates.sort((a, b) => compareQuality(a.quality, b.quality));
  const best = candidates[0] as Candidate;
  const iterations = candidates.reduce((s, c) => s + c.iterations, 0);
  return success(problem, input.pupils, lowerBound, { ...best, iterations });
}

function success(
  problem: Problem,
  ids: readonly PupilId[],
  lowerBound: number,
  candidate: Candidate,
): SolveResult {
  return {
    ok: true,
    schedule: toSchedule(problem, candidate.groupOf, ids),
    quality: candidate.quality,
    repeatsLowerBound: lowerBound,
    method: candidate.method,
    iterations: candidate.iterations,
  };
}

/**
 * A construction-based start, or null when no design fits or none of its rounds can honour
 * the hard constraints. Together-chains rule designs out (a chain would need the same pupils
 * in one block every round, which repeat-free designs never do); forbidden pairs and fixed
 * groups are honoured by the relabelling, which drops the design rounds it cannot fit, and
 * the remaining rounds are built greedily.
 */
function constructionStart(
  problem: Problem,
  fallback: Int32Array,
  rng: Prng,
  relabelIterations: number,
): { readonly groupOf: Assignment; readonly designRounds: number } | null {
  const { n, rounds } = problem;
  if (problem.units.length !== n) return null;
  const fitted = bestConstruction(problem.sizes, rounds);
  if (!fitted) return null;
  const chosen = shuffleInPlace([...fitted.rounds], rng).slice(0, rounds);
  const relabelled = relabelDesign(problem, chosen, rng, relabelIterations);
  if (relabelled.keptRounds === 0) return null;
  return {
    groupOf: greedyStart(problem, fallback, rng, relabelled.keptRounds, relabelled.groupOf),
    designRounds: relabelled.keptRounds,
  };
}

/** Rounds [0, prefixRounds) come from `prefix`; later rounds are built greedily. */
function greedyStart(
  problem: Problem,
  fallback: Int32Array,
  rng: Prng,
  prefixRounds: number,
  prefix: Int32Array,
): Assignment {
  const { n, rounds } = problem;
  const meetings = Int32Array.from(problem.history);
  const groupOf = new Int32Array(rounds * n);
  for (let r = 0; r < rounds; r++) {
    const round =
      r < prefixRounds
        ? prefix.subarray(r * n, (r + 1) * n)
        : (greedyRound(problem, meetings, rng) ?? fallback);
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

/**
 * Re-plan from round `fromRound` on, e.g. when a pupil joins or leaves: rounds before it are
 * kept exactly as they were (they have been played) and count as history, the rest is solved
 * again for the current class in `input`. `input.rounds` is the length of the whole schedule.
 * Kept rounds are returned verbatim, so they may name pupils who have left since.
 */
export function replanGroups(
  input: SolveInput,
  previous: Schedule,
  fromRound: number,
): SolveResult {
  if (!Number.isInteger(fromRound) || fromRound < 0 || fromRound > previous.length) {
    return invalid("fromRound", `must be an integer in 0..${previous.length}, got ${fromRound}`);
  }
  if (fromRound >= input.rounds) {
    return invalid("fromRound", `must be below the schedule length ${input.rounds}`);
  }
  const kept = previous.slice(0, fromRound);
  const known = new Set<PupilId>(input.pupils);
  // Pupils who left are dropped from the history view; the kept rounds stay untouched.
  const playedHistory = kept.map((round) =>
    round.map((group) => group.filter((id) => known.has(id))),
  );
  const result = solveGroups({
    ...input,
    rounds: input.rounds - fromRound,
    history: [...(input.history ?? []), ...playedHistory],
  });
  if (!result.ok) return result;
  return { ...result, schedule: [...kept, ...result.schedule] };
}

function invalid(parameter: string, message: string): SolveResult {
  return { ok: false, conflicts: [{ kind: "invalid-parameter", parameter, message }] };
}
