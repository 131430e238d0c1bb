// Everything one rotation plan is made of, loaded together: the plan, its group and pupils
// today, its rounds, the teacher's constraints, the school's keep-apart pairs (pairs only,
// from open cases, filtered to this group's pupils), fixed seats and the classroom.
import { createHash } from "node:crypto";
import type { ClassroomLayout, FixedSeat } from "../../contract/rotations.ts";
import { type IsoDate, osloDateOf } from "../../core/calendar/iso-date.ts";
import type { Lang } from "../../i18n/lang.ts";
import { keepApartPairsForSchool } from "../cases/keep-apart.ts";
import { notFound } from "../platform/errors.ts";
import type { Pair, PlanningSpec, RoundContent } from "./plan-rounds.ts";
import {
  type ClassroomRow,
  type GroupInfo,
  layoutOf,
  loadClassroomRow,
  loadFixedSeats,
  loadGroup,
  loadPlanRow,
  loadPupils,
  loadRounds,
  loadTeacherConstraints,
  type PlanRow,
  type Pupil,
  type Q,
  type RoundRow,
  type TeacherConstraint,
} from "./store.ts";

export interface RotationState {
  plan: PlanRow;
  group: GroupInfo;
  pupils: Pupil[];
  rounds: RoundRow[];
  teacherConstraints: TeacherConstraint[];
  /** Keep-apart pairs from the school's cases, both pupils in the group today. */
  schoolPairs: Pair[];
  fixedSeats: FixedSeat[];
  classroom: ClassroomRow | null;
  today: IsoDate;
}

const ordered = (a: string, b: string): Pair => (a < b ? [a, b] : [b, a]);

/** The school's keep-apart pairs among these pupils, as ordered pairs. */
export async function schoolPairsFor(
  q: Q,
  schoolId: string,
  pupilIds: ReadonlySet<string>,
  today: IsoDate,
): Promise<Pair[]> {
  const all = await keepApartPairsForSchool(q, schoolId, today);
  const seen = new Set<string>();
  const out: Pair[] = [];
  for (const [a, b] of all) {
    if (!pupilIds.has(a) || !pupilIds.has(b) || a === b) continue;
    const pair = ordered(a, b);
    const key = pair.join(":");
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(pair);
  }
  return out;
}

export async function loadState(
  q: Q,
  schoolId: string,
  planId: string,
  now: Date,
  opts: { lock?: boolean } = {},
): Promise<RotationState> {
  const plan = await loadPlanRow(q, schoolId, planId, opts);
  if (!plan) throw notFound();
  const today = osloDateOf(now);
  const group = await loadGroup(q, schoolId, plan.study_group_id);
  if (!group) throw notFound();
  const [pupils, rounds, teacherConstraints, fixedSeats, classroom] = await Promise.all([
    loadPupils(q, group.id),
    loadRounds(q, plan.id),
    loadTeacherConstraints(q, plan.id),
    loadFixedSeats(q, plan.id),
    plan.classroom_id ? loadClassroomRow(q, schoolId, plan.classroom_id) : Promise.resolve(null),
  ]);
  const schoolPairs = await schoolPairsFor(q, schoolId, new Set(pupils.map((p) => p.id)), today);
  return {
    plan,
    group,
    pupils,
    rounds,
    teacherConstraints,
    schoolPairs,
    fixedSeats,
    classroom,
    today,
  };
}

/** The hard constraints among today's pupils: teacher and school pairs. */
export function pairsOf(
  state: Pick<RotationState, "pupils" | "teacherConstraints" | "schoolPairs">,
): {
  apart: Pair[];
  together: Pair[];
} {
  const current = new Set(state.pupils.map((p) => p.id));
  const both = (c: TeacherConstraint) => current.has(c.a) && current.has(c.b);
  const apart = new Map<string, Pair>();
  for (const p of state.schoolPairs) apart.set(p.join(":"), p);
  for (const c of state.teacherConstraints) {
    if (c.kind === "apart" && both(c)) apart.set(ordered(c.a, c.b).join(":"), ordered(c.a, c.b));
  }
  const together = state.teacherConstraints
    .filter((c) => c.kind === "together" && both(c))
    .map((c) => ordered(c.a, c.b));
  return { apart: [...apart.values()], together };
}

export function specOf(state: RotationState, lang: Lang): PlanningSpec {
  const { apart, together } = pairsOf(state);
  const current = new Set(state.pupils.map((p) => p.id));
  return {
    structure: state.plan.structure,
    pupils: state.pupils,
    groupSize: state.plan.group_size,
    unevenPolicy: state.plan.uneven_policy,
    mixGender: state.plan.mix_gender,
    apart,
    together,
    layout: state.classroom ? layoutOf(state.classroom) : null,
    fixedSeats: state.fixedSeats.filter((f) => current.has(f.pupilId)),
    seed: state.plan.seed,
    lang,
  };
}

/**
 * A digest of what the rounds must honour: the pairs, the fixed seats and (seating) the
 * classroom's layout. Stored when rounds are planned; a different digest today means the
 * rounds no longer reflect the constraints.
 */
export function constraintDigest(spec: PlanningSpec, layout: ClassroomLayout | null): string {
  const parts = [
    ...spec.apart.map(([a, b]) => `apart:${a}:${b}`),
    ...spec.together.map(([a, b]) => `together:${a}:${b}`),
    ...spec.fixedSeats.map((f) => `seat:${f.pupilId}:${f.seatId}`),
  ].sort();
  if (layout) parts.push(`layout:${JSON.stringify(layout)}`);
  // A hash: the stored value says nothing about which pupils are kept apart.
  return createHash("sha256").update(parts.join("|")).digest("hex");
}

export function roundContent(row: RoundRow): RoundContent {
  return {
    groups: row.groups,
    buddyPairs: row.buddy_pairs,
    seats: row.seats,
    locked: row.locked,
  };
}
