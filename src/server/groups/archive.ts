// Archiving a plan: it stays readable (history) but can no longer be changed.
import type { RotationPlanView } from "../../contract/rotations.ts";
import type { Db } from "../platform/db/database.ts";
import { changeRotation } from "./change.ts";
import type { RotationCommand } from "./context.ts";

export async function archiveRotation(
  db: Db,
  cmd: RotationCommand & { planId: string },
): Promise<RotationPlanView> {
  return changeRotation(
    db,
    cmd,
    cmd.planId,
    async (tx, state) => {
      if (!state.plan.archived) {
        await tx
          .updateTable("rotation_plan")
          .set({ archived: true, updated_at: cmd.now })
          .where("id", "=", state.plan.id)
          .execute();
      }
      return { action: "rotation.archive" };
    },
    { allowArchived: true },
  );
}
