// The teacher's own rules for a plan: two pupils never together, or always together. The
// school's keep-apart pairs are not stored here and cannot be removed. A new rule marks the
// plan as needing a re-plan; it does not move anyone by itself.
import type { z } from "zod";
import type { RotationPlanView } from "../../contract/rotations.ts";
import type { Db } from "../platform/db/database.ts";
import { notFound } from "../platform/errors.ts";
import { changeRotation } from "./change.ts";
import type { RotationCommand } from "./context.ts";
import { rotationError } from "./errors.ts";
import type { constraintInput } from "./inputs.ts";

export async function addConstraint(
  db: Db,
  cmd: RotationCommand & { planId: string; input: z.infer<typeof constraintInput> },
): Promise<RotationPlanView> {
  const { input, lang } = cmd;
  return changeRotation(db, cmd, cmd.planId, async (tx, state) => {
    const [x, y] = input.pupilIds;
    if (x === y) throw rotationError(400, lang, "rotation.samePupil", "pupilIds");
    const current = new Set(state.pupils.map((p) => p.id));
    if (!current.has(x) || !current.has(y)) {
      throw rotationError(400, lang, "rotation.pupilNotInGroup", "pupilIds");
    }
    if (input.kind === "together" && state.plan.structure === "vip") {
      throw rotationError(400, lang, "rotation.togetherNotForVip", "kind");
    }
    const [a, b] = x < y ? [x, y] : [y, x];
    const exists = state.teacherConstraints.some((c) => c.a === a && c.b === b);
    if (exists) throw rotationError(409, lang, "rotation.constraintExists", "pupilIds");
    const row = await tx
      .insertInto("rotation_constraint")
      .values({
        plan_id: state.plan.id,
        school_id: state.plan.school_id,
        kind: input.kind,
        pupil_a: a,
        pupil_b: b,
        created_by: cmd.actor.personId,
        created_at: cmd.now,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    return { action: "rotation.addConstraint", detail: { constraintId: row.id, kind: input.kind } };
  });
}

export async function removeConstraint(
  db: Db,
  cmd: RotationCommand & { planId: string; constraintId: string },
): Promise<RotationPlanView> {
  return changeRotation(db, cmd, cmd.planId, async (tx, state) => {
    const found = state.teacherConstraints.find((c) => c.id === cmd.constraintId);
    if (!found) throw notFound();
    await tx.deleteFrom("rotation_constraint").where("id", "=", found.id).execute();
    return {
      action: "rotation.removeConstraint",
      detail: { constraintId: found.id, kind: found.kind },
    };
  });
}
