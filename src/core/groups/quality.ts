import { buildProblem } from "./constraints.ts";
import type { Assignment, Problem } from "./problem.ts";
import type { PupilId, Quality, Schedule, SolveInput } from "./types.ts";

/** Lexicographic comparison: negative when `a` is better than `b`. */
export function compareQuality(a: Quality, b: Quality): number {
  return (
    a.hardViolations - b.hardViolations ||
    a.totalRepeats - b.totalRepeats ||
    a.maxMeetings - b.maxMeetings ||
    a.mixPenalty - b.mixPenalty
  );
}

/** Pair meetings (history + planned rounds) as a flat n*n matrix. */
export function meetingMatrix(problem: Problem, groupOf: Assignment): Int32Array {
  const { n, sizes, rounds } = problem;
  const meetings = Int32Array.from(problem.history);
  const members: number[][] = sizes.map(() => []);
  for (let r = 0; r < rounds; r++) {
    for (const list of members) list.length = 0;
    for (let p = 0; p < n; p++) members[groupOf[r * n + p] as number]?.push(p);
    for (const list of members) {
      for (let x = 0; x < list.length; x++) {
        for (let y = x + 1; y < list.length; y++) {
          const a = list[x] as number;
          const b = list[y] as number;
          meetings[a * n + b] = (meetings[a * n + b] as number) + 1;
          meetings[b * n + a] = (meetings[b * n + a] as number) + 1;
        }
      }
    }
  }
  return meetings;
}

/**
 * Squared deviation of one group's value counts (`counts[at..at+valueCount)`) from the class
 * shares, measured among the group's pupils whose value is recorded. A pupil without a value
 * (gender "other" or not given) is neutral: they neither help nor hurt the mix of the group
 * they are in, so the solver never gathers them, spreads them or counts them as either value.
 */
export function mixDeviation(
  counts: ArrayLike<number>,
  at: number,
  valueCount: number,
  share: ArrayLike<number>,
): number {
  let known = 0;
  for (let v = 0; v < valueCount; v++) known += counts[at + v] as number;
  let penalty = 0;
  for (let v = 0; v < valueCount; v++) {
    const d = (counts[at + v] as number) - known * (share[v] as number);
    penalty += d * d;
  }
  return penalty;
}

/** Soft mix penalty of one group, summed over the attributes (see `mixDeviation`). */
export function groupMixPenalty(problem: Problem, groupMembers: readonly number[]): number {
  let penalty = 0;
  for (const attr of problem.attributes) {
    const counts = new Float64Array(attr.valueCount);
    for (const p of groupMembers) {
      const v = attr.codeOf[p] as number;
      if (v >= 0) counts[v] = (counts[v] as number) + 1;
    }
    penalty += mixDeviation(counts, 0, attr.valueCount, attr.share);
  }
  return penalty;
}

export function evaluateAssignment(problem: Problem, groupOf: Assignment): Quality {
  const { n, sizes, rounds, unitOf, unitFixed, forbidden } = problem;
  const meetings = meetingMatrix(problem, groupOf);
  let totalRepeats = 0;
  let maxMeetings = 0;
  for (let a = 0; a < n; a++) {
    for (let b = a + 1; b < n; b++) {
      if (unitOf[a] === unitOf[b]) continue;
      const m = meetings[a * n + b] as number;
      if (m > 1) totalRepeats += m - 1;
      if (m > maxMeetings) maxMeetings = m;
    }
  }
  let mixPenalty = 0;
  let hardViolations = 0;
  const members: number[][] = sizes.map(() => []);
  for (let r = 0; r < rounds; r++) {
    for (const list of members) list.length = 0;
    for (let p = 0; p < n; p++) {
      const g = groupOf[r * n + p] as number;
      const list = members[g];
      if (list === undefined) hardViolations++;
      else list.push(p);
      const fixed = unitFixed[unitOf[p] as number] as number;
      if (fixed >= 0 && fixed !== g) hardViolations++;
    }
    members.forEach((list, g) => {
      if (list.length !== sizes[g]) hardViolations++;
      mixPenalty += groupMixPenalty(problem, list);
      for (let x = 0; x < list.length; x++) {
        for (let y = x + 1; y < list.length; y++) {
          if (forbidden[(list[x] as number) * n + (list[y] as number)] === 1) hardViolations++;
        }
      }
    });
    for (const unit of problem.units) {
      const g = groupOf[r * n + (unit[0] as number)];
      if (unit.some((p) => groupOf[r * n + p] !== g)) hardViolations++;
    }
  }
  return { totalRepeats, maxMeetings, mixPenalty: round6(mixPenalty), hardViolations };
}

/** Rounding keeps float noise out of comparisons and output. */
export function round6(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}

/**
 * A proven lower bound on total repeats. Repeats already inside the history are unavoidable;
 * on top of that (1) every planned meeting beyond the number of pairs that have never met and
 * may meet is a repeat, and (2) per pupil, the seats next to them over all rounds beyond their
 * allowed fresh partners are repeats (each repeat counted from both ends).
 */
export function repeatsLowerBound(problem: Problem): number {
  const { n, sizes, rounds, units, unitOf, forbidden, history } = problem;
  let baked = 0;
  let freshPairs = 0;
  const freshOf = new Int32Array(n);
  for (let a = 0; a < n; a++) {
    for (let b = a + 1; b < n; b++) {
      if (unitOf[a] === unitOf[b]) continue;
      const h = history[a * n + b] as number;
      if (h > 1) baked += h - 1;
      if (h === 0 && forbidden[a * n + b] === 0) {
        freshPairs++;
        freshOf[a] = (freshOf[a] as number) + 1;
        freshOf[b] = (freshOf[b] as number) + 1;
      }
    }
  }
  let perRound = 0;
  for (const s of sizes) perRound += (s * (s - 1)) / 2;
  for (const unit of units) perRound -= (unit.length * (unit.length - 1)) / 2;
  const countingBound = Math.max(0, rounds * perRound - freshPairs);

  let excess = 0;
  for (let p = 0; p < n; p++) {
    const unitSize = (units[unitOf[p] as number] as number[]).length;
    const smallest = Math.min(...sizes.filter((s) => s >= unitSize));
    const seats = rounds * (smallest - unitSize);
    excess += Math.max(0, seats - (freshOf[p] as number));
  }
  return baked + Math.max(countingBound, Math.ceil(excess / 2));
}

export interface ScheduleCheck {
  readonly quality: Quality;
  /** Human-readable hard-constraint violations (empty when the schedule is valid). */
  readonly violations: readonly string[];
}

/**
 * Check a schedule in ids against an input, independently of how it was produced: every pupil
 * exactly once per round, group sizes as derived, and every hard constraint. Used by tests
 * and the benchmark so that they never trust the solver's own bookkeeping.
 */
export function checkSchedule(input: SolveInput, schedule: Schedule): ScheduleCheck {
  const built = buildProblem({ ...input, rounds: Math.max(1, schedule.length) });
  if (!built.ok) {
    return {
      quality: { totalRepeats: 0, maxMeetings: 0, mixPenalty: 0, hardViolations: 1 },
      violations: ["input is invalid"],
    };
  }
  const problem = built.problem;
  const { n, sizes } = problem;
  const violations: string[] = [];
  const indexOf = new Map<PupilId, number>(input.pupils.map((id, i) => [id, i]));
  if (schedule.length !== input.rounds) {
    violations.push(`expected ${input.rounds} rounds, got ${schedule.length}`);
  }
  const groupOf = new Int32Array(problem.rounds * n).fill(-1);
  schedule.forEach((round, r) => {
    if (round.length !== sizes.length) {
      violations.push(`round ${r}: expected ${sizes.length} groups, got ${round.length}`);
    }
    round.forEach((group, g) => {
      if (group.length !== sizes[g]) {
        violations.push(`round ${r} group ${g}: size ${group.length}, expected ${sizes[g]}`);
      }
      for (const id of group) {
        const p = indexOf.get(id);
        if (p === undefined) violations.push(`round ${r}: unknown pupil ${id}`);
        else if (groupOf[r * n + p] !== -1) violations.push(`round ${r}: pupil ${id} twice`);
        else groupOf[r * n + p] = g;
      }
    });
    for (let p = 0; p < n; p++) {
      if (groupOf[r * n + p] === -1)
        violations.push(`round ${r}: pupil ${input.pupils[p]} missing`);
    }
  });
  const quality = evaluateAssignment(problem, groupOf);
  if (violations.length === 0 && quality.hardViolations > 0) {
    violations.push(`${quality.hardViolations} hard-constraint violation(s)`);
  }
  return {
    quality: { ...quality, hardViolations: Math.max(quality.hardViolations, violations.length) },
    violations,
  };
}
