// A teacher creates a rotation plan for a class or teaching group: the settings are stored
// and every round from the start date to the end of the school year is planned at once.

import type { RotationPlanView } from "../../contract/rotations.ts";
import { type IsoDate, osloDateOf } from "../../core/calendar/iso-date.ts";
import { appendAudit } from "../platform/audit.ts";
import type { Db } from "../platform/db/database.ts";
import type { RotationCommand } from "./context.ts";
import { rotationCalendar } from "./dates.ts";
import { rotationError } from "./errors.ts";
import type { CreateRotation } from "./inputs.ts";
import { presentRotation } from "./present.ts";
import { rewriteRounds } from "./rewrite-rounds.ts";
import { loadState } from "./state.ts";
import { loadClassroomRow, loadGroup } from "./store.ts";

/** Same group, same seed: a plan made again from scratch comes out the same. */
export function seedOf(id: string): number {
  return Number.parseInt(id.replace(/-/g, "").slice(0, 7), 16) || 1;
}

export async function createRotation(
  db: Db,
  cmd: RotationCommand & { input: CreateRotation },
): Promise<RotationPlanView> {
  const { input, lang, schoolId } = cmd;
  return db.transaction().execute(async (tx) => {
    const group = await loadGroup(tx, schoolId, input.groupId);
    if (!group) throw rotationError(400, lang, "rotation.groupUnknown", "groupId");
    if (input.structure === "groups" && input.groupSize === undefined) {
      throw rotationError(400, lang, "rotation.groupSizeRequired", "groupSize");
    }
    let classroomId: string | null = null;
    if (input.structure === "seating") {
      if (!input.classroomId) {
        throw rotationError(400, lang, "rotation.classroomRequired", "classroomId");
      }
      const room = await loadClassroomRow(tx, schoolId, input.classroomId);
      if (!room) throw rotationError(400, lang, "rotation.classroomUnknown", "classroomId");
      classroomId = room.id;
    }
    const startsOn = (input.startsOn ?? osloDateOf(cmd.now)) as IsoDate;
    const calendar = await rotationCalendar(tx, schoolId, startsOn, input.rotationWeeks, lang);
    const row = await tx
      .insertInto("rotation_plan")
      .values({
        school_id: schoolId,
        study_group_id: group.id,
        school_year_id: calendar.schoolYearId,
        name: input.name,
        structure: input.structure,
        group_size: input.structure === "groups" ? (input.groupSize ?? null) : null,
        uneven_policy: input.unevenPolicy ?? "smaller",
        rotation_weeks: input.rotationWeeks,
        mix_gender: input.mixGender ?? false,
        classroom_id: classroomId,
        starts_on: startsOn,
        seed: seedOf(group.id),
        planned_pupils: JSON.stringify([]),
        planned_constraints: "",
        created_by: cmd.actor.personId,
        created_at: cmd.now,
        updated_at: cmd.now,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    const state = await loadState(tx, schoolId, row.id, cmd.now);
    const { planned } = await rewriteRounds(tx, state, cmd, 0);
    await appendAudit(tx, {
      at: cmd.now,
      actorId: cmd.actor.personId,
      action: "rotation.create",
      resourceType: "rotationPlan",
      resourceId: row.id,
      schoolId,
      ownerId: cmd.ownerId,
      requestId: cmd.requestId,
      detail: { groupId: group.id, structure: input.structure, rounds: planned },
    });
    return presentRotation(
      tx,
      await loadState(tx, schoolId, row.id, cmd.now),
      cmd.actor,
      cmd.ownerId,
    );
  });
}
