// Re-plan from a round on (pupils joined or left, constraints changed): past rounds never
// change; the rounds from `fromRound` on are solved again, hand-edited ones included, and
// pupils locked in them keep their group.
import type { RotationPlanView } from "../../contract/rotations.ts";
import type { Db } from "../platform/db/database.ts";
import { changeRotation, defaultReplanFrom, firstOpenRound } from "./change.ts";
import type { RotationCommand } from "./context.ts";
import { rotationError } from "./errors.ts";
import { rewriteRounds } from "./rewrite-rounds.ts";

export async function replanRotation(
  db: Db,
  cmd: RotationCommand & {
    planId: string;
    fromRound?: number | undefined;
    seed?: number | undefined;
  },
): Promise<RotationPlanView> {
  return changeRotation(db, cmd, cmd.planId, async (tx, state) => {
    const from = cmd.fromRound ?? defaultReplanFrom(state);
    if (from === null || from < firstOpenRound(state) || from >= state.rounds.length) {
      throw rotationError(409, cmd.lang, "rotation.pastRound", "fromRound");
    }
    if (cmd.seed !== undefined && cmd.seed !== state.plan.seed) {
      await tx
        .updateTable("rotation_plan")
        .set({ seed: cmd.seed })
        .where("id", "=", state.plan.id)
        .execute();
      state.plan.seed = cmd.seed;
    }
    const { planned } = await rewriteRounds(tx, state, cmd, from);
    return { action: "rotation.replan", detail: { fromRound: from, rounds: planned } };
  });
}
