// The frame of every change to a rotation plan: one transaction that locks the plan, refuses
// an archived one, runs the change, writes its audit row and returns the plan as it is now.
import type { RotationPlanView } from "../../contract/rotations.ts";
import { appendAudit } from "../platform/audit.ts";
import type { Db, Tx } from "../platform/db/database.ts";
import type { RotationCommand } from "./context.ts";
import { rotationError } from "./errors.ts";
import { presentRotation } from "./present.ts";
import { loadState, type RotationState } from "./state.ts";

export interface Change {
  action: string;
  detail?: Record<string, unknown>;
}

export async function changeRotation(
  db: Db,
  cmd: RotationCommand,
  planId: string,
  change: (tx: Tx, state: RotationState) => Promise<Change>,
  opts: { allowArchived?: boolean } = {},
): Promise<RotationPlanView> {
  return db.transaction().execute(async (tx) => {
    const state = await loadState(tx, cmd.schoolId, planId, cmd.now, { lock: true });
    if (state.plan.archived && !opts.allowArchived) {
      throw rotationError(409, cmd.lang, "rotation.archived");
    }
    const done = await change(tx, state);
    await appendAudit(tx, {
      at: cmd.now,
      actorId: cmd.actor.personId,
      action: done.action,
      resourceType: "rotationPlan",
      resourceId: planId,
      schoolId: cmd.schoolId,
      ownerId: cmd.ownerId,
      requestId: cmd.requestId,
      detail: { groupId: state.plan.study_group_id, ...(done.detail ?? {}) },
    });
    const after = await loadState(tx, cmd.schoolId, planId, cmd.now);
    return presentRotation(tx, after, cmd.actor, cmd.ownerId);
  });
}

/** The round re-planning starts from by default: the next one, else the one in force. */
export function defaultReplanFrom(state: RotationState): number | null {
  const status = (r: { starts_on: string; ends_on: string }) =>
    r.ends_on < state.today ? "past" : r.starts_on <= state.today ? "current" : "planned";
  const next = state.rounds.find((r) => status(r) === "planned");
  if (next) return next.round_index;
  const current = state.rounds.find((r) => status(r) === "current");
  return current ? current.round_index : null;
}

/** The first round that is not over: nothing before it may change. */
export function firstOpenRound(state: RotationState): number {
  const open = state.rounds.find((r) => r.ends_on >= state.today);
  return open ? open.round_index : state.rounds.length;
}
