// Reading a rotation plan: its rounds name pupils, so every read is audited.
import type { FastifyRequest } from "fastify";
import type { RotationPlanView } from "../../contract/rotations.ts";
import type { Actor } from "../../core/access/actor.ts";
import type { Db } from "../platform/db/database.ts";
import { auditRead } from "../schools/audit-read.ts";
import { presentRotation } from "./present.ts";
import { loadState } from "./state.ts";

export async function readRotation(
  db: Db,
  req: FastifyRequest,
  opts: { schoolId: string; ownerId: string; planId: string; actor: Actor; now: Date },
): Promise<RotationPlanView> {
  const state = await loadState(db, opts.schoolId, opts.planId, opts.now);
  const view = await presentRotation(db, state, opts.actor, opts.ownerId);
  await auditRead(db, req, opts.now, {
    action: "rotation.read",
    resourceType: "rotationPlan",
    resourceId: opts.planId,
    schoolId: opts.schoolId,
    ownerId: opts.ownerId,
    detail: { groupId: state.plan.study_group_id, pupils: state.pupils.length },
  });
  return view;
}
