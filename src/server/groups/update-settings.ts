// Changing a plan's settings. A new name is just stored; any other change (interval, group
// size, classroom, gender mix, fixed seats) re-plans the rounds that are not over yet.
import type { ClassroomLayout, FixedSeat, RotationPlanView } from "../../contract/rotations.ts";
import type { Lang } from "../../i18n/lang.ts";
import type { Db } from "../platform/db/database.ts";
import { changeRotation, defaultReplanFrom } from "./change.ts";
import type { RotationCommand } from "./context.ts";
import { rotationError } from "./errors.ts";
import type { Settings } from "./inputs.ts";
import { rewriteRounds } from "./rewrite-rounds.ts";
import { layoutOf, loadClassroomRow } from "./store.ts";

export function checkFixedSeats(
  lang: Lang,
  seats: readonly FixedSeat[],
  layout: ClassroomLayout,
  pupilIds: ReadonlySet<string>,
): void {
  const known = new Set(layout.tables.flatMap((t) => t.seats.map((s) => s.id)));
  const takenSeats = new Set<string>();
  const seated = new Set<string>();
  seats.forEach((f, i) => {
    if (!pupilIds.has(f.pupilId)) {
      throw rotationError(400, lang, "rotation.pupilNotInGroup", `fixedSeats.${i}.pupilId`);
    }
    if (!known.has(f.seatId)) {
      throw rotationError(400, lang, "rotation.seatUnknown", `fixedSeats.${i}.seatId`);
    }
    if (takenSeats.has(f.seatId) || seated.has(f.pupilId)) {
      throw rotationError(400, lang, "rotation.seatTaken", `fixedSeats.${i}.seatId`);
    }
    takenSeats.add(f.seatId);
    seated.add(f.pupilId);
  });
}

export async function updateSettings(
  db: Db,
  cmd: RotationCommand & { planId: string; input: Settings },
): Promise<RotationPlanView> {
  const { input, lang } = cmd;
  return changeRotation(db, cmd, cmd.planId, async (tx, state) => {
    const plan = state.plan;
    const next = {
      name: input.name,
      rotation_weeks: input.rotationWeeks,
      group_size: plan.structure === "groups" ? (input.groupSize ?? plan.group_size) : null,
      uneven_policy: input.unevenPolicy ?? plan.uneven_policy,
      mix_gender: input.mixGender ?? plan.mix_gender,
      classroom_id: plan.classroom_id,
    };
    let classroom = state.classroom;
    if (
      plan.structure === "seating" &&
      input.classroomId &&
      input.classroomId !== plan.classroom_id
    ) {
      classroom = await loadClassroomRow(tx, cmd.schoolId, input.classroomId);
      if (!classroom) throw rotationError(400, lang, "rotation.classroomUnknown", "classroomId");
      next.classroom_id = classroom.id;
    }
    const fixedChanged =
      plan.structure === "seating" &&
      input.fixedSeats !== undefined &&
      JSON.stringify([...input.fixedSeats].sort((a, b) => (a.seatId < b.seatId ? -1 : 1))) !==
        JSON.stringify(state.fixedSeats);
    if (fixedChanged && input.fixedSeats && classroom) {
      checkFixedSeats(
        lang,
        input.fixedSeats,
        layoutOf(classroom),
        new Set(state.pupils.map((p) => p.id)),
      );
      await tx.deleteFrom("rotation_fixed_seat").where("plan_id", "=", plan.id).execute();
      if (input.fixedSeats.length > 0) {
        await tx
          .insertInto("rotation_fixed_seat")
          .values(
            input.fixedSeats.map((f) => ({
              plan_id: plan.id,
              school_id: plan.school_id,
              pupil_id: f.pupilId,
              seat_id: f.seatId,
            })),
          )
          .execute();
      }
    }
    const replan =
      fixedChanged ||
      next.rotation_weeks !== plan.rotation_weeks ||
      next.group_size !== plan.group_size ||
      next.uneven_policy !== plan.uneven_policy ||
      next.mix_gender !== plan.mix_gender ||
      next.classroom_id !== plan.classroom_id;
    await tx
      .updateTable("rotation_plan")
      .set({ ...next, updated_at: cmd.now })
      .where("id", "=", plan.id)
      .execute();
    const changed = Object.keys(next).filter(
      (k) => next[k as keyof typeof next] !== plan[k as keyof typeof next],
    );
    if (fixedChanged) changed.push("fixed_seats");
    const from = defaultReplanFrom(state);
    if (replan && from !== null) {
      const fresh = {
        ...state,
        plan: { ...plan, ...next },
        classroom,
        fixedSeats: input.fixedSeats ?? state.fixedSeats,
      };
      await rewriteRounds(tx, fresh, cmd, from);
    }
    return {
      action: "rotation.updateSettings",
      detail: { changed, ...(replan && from !== null ? { replannedFrom: from } : {}) },
    };
  });
}
