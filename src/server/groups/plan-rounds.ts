// Turns a plan's settings and constraints into solver input and solver output into rounds to
// store. Rounds already played (and rounds kept by a re-plan) are history: the solver counts
// their meetings. A round with locked pupils is solved on its own with those pupils fixed to
// their group; the other rounds are solved together, so repeats are spread over the year.
import type {
  ClassroomLayout,
  FixedSeat,
  RotationStructure,
  UnevenPolicy,
} from "../../contract/rotations.ts";
import { solveGroups } from "../../core/groups/solve.ts";
import type { AttributeValue, PupilPair, SolveInput } from "../../core/groups/types.ts";
import { planVipRounds, type VipRound } from "../../core/groups/vip.ts";
import type { Lang } from "../../i18n/lang.ts";
import { SOLVER_EFFORT } from "./context.ts";
import { conflictPupils, rotationError, violation } from "./errors.ts";
import { roundProblem } from "./round-check.ts";
import { type SeatingPlan, seatingPlan, seatsFor } from "./seating-plan.ts";
import type { Pupil } from "./store.ts";

export type Pair = readonly [string, string];

export interface PlanningSpec {
  structure: RotationStructure;
  /** The group's pupils today. */
  pupils: readonly Pupil[];
  groupSize: number | null;
  unevenPolicy: UnevenPolicy;
  mixGender: boolean;
  /** Teacher and school pairs, both pupils current. */
  apart: readonly Pair[];
  together: readonly Pair[];
  layout: ClassroomLayout | null;
  fixedSeats: readonly FixedSeat[];
  seed: number;
  lang: Lang;
}

/** A stored round as the planner needs it (history or a round to re-plan). */
export interface RoundContent {
  groups: string[][];
  buddyPairs?: string[][][] | null | undefined;
  seats?: Record<string, string> | null | undefined;
  locked: string[];
}

export interface PlannedRound {
  groups: string[][];
  buddyPairs?: string[][][];
  seats?: Record<string, string>;
  locked: string[];
}

export const MIN_PUPILS = 4;

function names(spec: PlanningSpec): Map<string, string> {
  return new Map(spec.pupils.map((p) => [p.id, p.name]));
}

function constrained(spec: PlanningSpec): string[] {
  return [...spec.apart.flat(), ...spec.together.flat()];
}

/**
 * Plans `count` rounds after `history`. `previous[i]`, when given, is the round being
 * replaced at position i: its locked pupils keep their group.
 */
export function planRounds(
  spec: PlanningSpec,
  history: readonly RoundContent[],
  count: number,
  previous: readonly (RoundContent | undefined)[] = [],
): PlannedRound[] {
  if (spec.pupils.length < MIN_PUPILS) {
    throw rotationError(400, spec.lang, "rotation.tooFewPupils");
  }
  const seating = spec.structure === "seating" ? seatingPlan(spec) : null;
  const out: PlannedRound[] = [];
  const done: RoundContent[] = [...history];
  let i = 0;
  while (i < count) {
    const lock = lockedGroups(spec, previous[i], seating);
    if (lock.size > 0) {
      const kept = spec.structure === "vip" ? keepVipRound(spec, previous[i]) : null;
      const rounds = kept ? [kept] : solveSegment(spec, seating, done, 1, lock);
      out.push(...rounds);
      done.push(...rounds);
      i += 1;
      continue;
    }
    let j = i;
    while (j < count && lockedGroups(spec, previous[j], seating).size === 0) j++;
    const rounds = solveSegment(spec, seating, done, j - i, new Map());
    out.push(...rounds);
    done.push(...rounds);
    i = j;
  }
  return out;
}

/** Locked pupils who are still in the group -> their group in the solver's numbering. */
function lockedGroups(
  spec: PlanningSpec,
  round: RoundContent | undefined,
  seating: SeatingPlan | null,
): Map<string, number> {
  const lock = new Map<string, number>();
  if (!round || round.locked.length === 0) return lock;
  const current = new Set(spec.pupils.map((p) => p.id));
  const fixedSeat = new Set(spec.fixedSeats.map((f) => f.pupilId));
  for (const id of round.locked) {
    if (!current.has(id) || fixedSeat.has(id)) continue;
    const g = round.groups.findIndex((members) => members.includes(id));
    if (g < 0) continue;
    if (seating) {
      const tableId = spec.layout?.tables[g]?.id;
      const solverGroup = tableId === undefined ? -1 : seating.tableIds.indexOf(tableId);
      if (solverGroup >= 0) lock.set(id, solverGroup);
    } else {
      lock.set(id, g);
    }
  }
  return lock;
}

/** VIP has no per-pupil fixing: a round with locks is kept as it is while it is still valid. */
function keepVipRound(spec: PlanningSpec, round: RoundContent | undefined): PlannedRound | null {
  if (!round?.buddyPairs) return null;
  const problem = roundProblem(round.groups, spec);
  if (problem) return null;
  return { groups: round.groups, buddyPairs: round.buddyPairs, locked: round.locked };
}

function solveSegment(
  spec: PlanningSpec,
  seating: SeatingPlan | null,
  history: readonly RoundContent[],
  rounds: number,
  lock: ReadonlyMap<string, number>,
): PlannedRound[] {
  const ids = spec.pupils.map((p) => p.id);
  const lockedIds = [...lock.keys()];
  if (spec.structure === "vip") {
    const result = planVipRounds({
      pupils: ids,
      rounds,
      forbidden: spec.apart as readonly PupilPair[],
      history: history.map(vipRoundOf),
      ...(spec.mixGender ? { attributes: { gender: genders(spec) } } : {}),
      seed: spec.seed + history.length,
      effort: SOLVER_EFFORT,
    });
    if (!result.ok) {
      throw violation(
        spec.lang,
        "unsolvable",
        conflictPupils(result.conflicts, constrained(spec)),
        names(spec),
      );
    }
    return result.rounds.map((r) => {
      const buddyPairs = r.buddyGroups.map((g) => g.map((u) => u.map(String)));
      return { groups: buddyPairs.map((g) => g.flat()), buddyPairs, locked: [] };
    });
  }

  const fixedGroup = new Map<string, number>(seating ? seating.fixedGroup : []);
  for (const [id, g] of lock) fixedGroup.set(id, g);
  const input: SolveInput = {
    pupils: ids,
    k: seating ? Math.max(...seating.sizes) : (spec.groupSize ?? 4),
    rounds,
    ...(seating ? { groupSizes: seating.sizes } : {}),
    unevenPolicy: spec.unevenPolicy,
    forbidden: spec.apart as readonly PupilPair[],
    together: spec.together as readonly PupilPair[],
    ...(fixedGroup.size > 0 ? { fixedGroup } : {}),
    ...(spec.mixGender ? { attributes: { gender: genders(spec) } } : {}),
    history: history.map((r) => r.groups),
    seed: spec.seed + history.length,
    effort: SOLVER_EFFORT,
  };
  const result = solveGroups(input);
  if (!result.ok) {
    throw violation(
      spec.lang,
      "unsolvable",
      conflictPupils(result.conflicts, [...constrained(spec), ...lockedIds]),
      names(spec),
    );
  }
  return result.schedule.map((round) => {
    const groups = round.map((g) => g.map(String));
    if (!seating || !spec.layout) return { groups, locked: lockedIds };
    const placed = seatsFor(spec, seating, groups);
    return { groups: placed.groups, seats: placed.seats, locked: lockedIds };
  });
}

/** Female/male are mixed; "other" and unknown are left out of the mix (never singled out). */
function genders(spec: PlanningSpec): AttributeValue[] {
  return spec.pupils.map((p) => (p.gender === "female" || p.gender === "male" ? p.gender : null));
}

function vipRoundOf(round: RoundContent): VipRound {
  if (round.buddyPairs && round.buddyPairs.length > 0) return { buddyGroups: round.buddyPairs };
  return { buddyGroups: round.groups.map((g) => [g]) };
}
