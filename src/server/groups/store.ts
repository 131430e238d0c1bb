// SQL of the rotations feature: the study group and its pupils, rotation plans with their
// rounds, the teacher's constraints and fixed seats, and classrooms. Loads and stores only.
import type { Selectable } from "kysely";
import type { ClassroomLayout, FixedSeat } from "../../contract/rotations.ts";
import type { Db, Tx } from "../platform/db/database.ts";
import type {
  ClassroomTable,
  RotationPlanTable,
  RotationRoundTable,
} from "../platform/db/schema.ts";

export type Q = Db | Tx;
export type PlanRow = Selectable<RotationPlanTable>;
export type RoundRow = Selectable<RotationRoundTable>;
export type ClassroomRow = Selectable<ClassroomTable>;

export interface GroupInfo {
  id: string;
  name: string;
  kind: "class" | "teachingGroup";
}

export interface Pupil {
  id: string;
  name: string;
  gender: "female" | "male" | "other" | null;
}

export interface TeacherConstraint {
  id: string;
  kind: "apart" | "together";
  a: string;
  b: string;
}

export async function loadGroup(
  q: Q,
  schoolId: string,
  groupId: string,
): Promise<GroupInfo | null> {
  const row = await q
    .selectFrom("study_group")
    .select(["id", "name", "kind"])
    .where("id", "=", groupId)
    .where("school_id", "=", schoolId)
    .executeTakeFirst();
  return row ?? null;
}

/** The group's pupils today, by family name. */
export async function loadPupils(q: Q, groupId: string): Promise<Pupil[]> {
  const rows = await q
    .selectFrom("group_membership as m")
    .innerJoin("person as p", "p.id", "m.person_id")
    .select(["p.id", "p.given_name", "p.family_name", "p.gender"])
    .where("m.group_id", "=", groupId)
    .where("m.member_role", "=", "pupil")
    .orderBy("p.family_name")
    .orderBy("p.given_name")
    .orderBy("p.id")
    .execute();
  return rows.map((r) => ({
    id: r.id,
    name: `${r.given_name} ${r.family_name}`,
    gender: (r.gender as Pupil["gender"]) ?? null,
  }));
}

export async function namesOf(q: Q, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await q
    .selectFrom("person")
    .select(["id", "given_name", "family_name"])
    .where("id", "in", [...ids])
    .execute();
  return new Map(rows.map((r) => [r.id, `${r.given_name} ${r.family_name}`]));
}

export async function loadPlanRow(
  q: Q,
  schoolId: string,
  planId: string,
  opts: { lock?: boolean } = {},
): Promise<PlanRow | null> {
  let query = q
    .selectFrom("rotation_plan")
    .selectAll()
    .where("id", "=", planId)
    .where("school_id", "=", schoolId);
  if (opts.lock) query = query.forUpdate();
  return (await query.executeTakeFirst()) ?? null;
}

export async function loadRounds(q: Q, planId: string): Promise<RoundRow[]> {
  return q
    .selectFrom("rotation_round")
    .selectAll()
    .where("plan_id", "=", planId)
    .orderBy("round_index")
    .execute();
}

export async function loadTeacherConstraints(q: Q, planId: string): Promise<TeacherConstraint[]> {
  const rows = await q
    .selectFrom("rotation_constraint")
    .select(["id", "kind", "pupil_a", "pupil_b"])
    .where("plan_id", "=", planId)
    .orderBy("created_at")
    .orderBy("id")
    .execute();
  return rows.map((r) => ({ id: r.id, kind: r.kind, a: r.pupil_a, b: r.pupil_b }));
}

export async function loadFixedSeats(q: Q, planId: string): Promise<FixedSeat[]> {
  const rows = await q
    .selectFrom("rotation_fixed_seat")
    .select(["pupil_id", "seat_id"])
    .where("plan_id", "=", planId)
    .orderBy("seat_id")
    .execute();
  return rows.map((r) => ({ pupilId: r.pupil_id, seatId: r.seat_id }));
}

export async function loadClassroomRow(
  q: Q,
  schoolId: string,
  classroomId: string,
): Promise<ClassroomRow | null> {
  const row = await q
    .selectFrom("classroom")
    .selectAll()
    .where("id", "=", classroomId)
    .where("school_id", "=", schoolId)
    .executeTakeFirst();
  return row ?? null;
}

export function layoutOf(row: ClassroomRow): ClassroomLayout {
  return row.layout as ClassroomLayout;
}

export interface NewRound {
  index: number;
  startsOn: string;
  endsOn: string;
  groups: string[][];
  buddyPairs?: string[][][] | undefined;
  seats?: Record<string, string> | undefined;
  locked?: string[];
  edited?: boolean;
}

/** Replaces the rounds from `from` on with `rounds` (their indexes must start at `from`). */
export async function replaceRounds(
  tx: Tx,
  plan: { id: string; schoolId: string },
  from: number,
  rounds: readonly NewRound[],
  now: Date,
): Promise<void> {
  await tx
    .deleteFrom("rotation_round")
    .where("plan_id", "=", plan.id)
    .where("round_index", ">=", from)
    .execute();
  if (rounds.length === 0) return;
  await tx
    .insertInto("rotation_round")
    .values(
      rounds.map((r) => ({
        plan_id: plan.id,
        school_id: plan.schoolId,
        round_index: r.index,
        starts_on: r.startsOn,
        ends_on: r.endsOn,
        groups: JSON.stringify(r.groups),
        buddy_pairs: r.buddyPairs ? JSON.stringify(r.buddyPairs) : null,
        seats: r.seats ? JSON.stringify(r.seats) : null,
        locked: JSON.stringify(r.locked ?? []),
        edited: r.edited ?? false,
        planned_at: now,
      })),
    )
    .execute();
}
