// A staff member marks their task done with a short note of what they did: the record that
// the school met its duty to monitor and prevent. The note can be corrected later and the
// task reopened; each change is audited (ids only, never the note).
import type { FastifyRequest } from "fastify";
import { z } from "zod";
import type { Resource } from "../../core/access/policy.ts";
import { appendAudit } from "../platform/audit.ts";
import type { Db } from "../platform/db/database.ts";
import { notFound } from "../platform/errors.ts";
import type { PlanCommand } from "./context.ts";

export const completeInput = z.object({ note: z.string().trim().min(1).max(2000) });

const taskParams = z.object({ taskId: z.uuid() });

export function taskIdOf(req: FastifyRequest): string {
  const p = taskParams.safeParse(req.params);
  if (!p.success) throw notFound();
  return p.data.taskId;
}

/** The task in `:taskId` with whose it is, for the policy. */
export function taskFromParam(db: Db) {
  return async (req: FastifyRequest): Promise<Resource> => {
    const task = await db
      .selectFrom("plan_task as t")
      .innerJoin("school as s", "s.id", "t.school_id")
      .select(["t.school_id", "s.owner_id", "t.person_id"])
      .where("t.id", "=", taskIdOf(req))
      .executeTakeFirst();
    if (!task) throw notFound();
    return {
      type: "planTask",
      schoolId: task.school_id,
      ownerId: task.owner_id,
      assigneeId: task.person_id,
    };
  };
}

export interface TaskState {
  id: string;
  status: "open" | "done" | "skipped";
  note: string | null;
  doneAt: string | null;
}

export async function completeTask(
  db: Db,
  cmd: PlanCommand & { taskId: string; note: string },
): Promise<TaskState> {
  return db.transaction().execute(async (tx) => {
    const task = await tx
      .selectFrom("plan_task as t")
      .innerJoin("plan_occurrence as o", "o.id", "t.occurrence_id")
      .select(["t.id", "t.status", "o.key"])
      .where("t.id", "=", cmd.taskId)
      .forUpdate()
      .executeTakeFirst();
    if (!task) throw notFound();
    const wasDone = task.status === "done";
    const row = await tx
      .updateTable("plan_task")
      .set({
        status: "done",
        note: cmd.note,
        ...(wasDone ? {} : { done_at: cmd.now, done_by: cmd.actorId }),
      })
      .where("id", "=", cmd.taskId)
      .returning(["id", "status", "note", "done_at"])
      .executeTakeFirstOrThrow();
    await appendAudit(tx, {
      at: cmd.now,
      actorId: cmd.actorId,
      action: wasDone ? "plan.task.noteUpdated" : "plan.task.complete",
      resourceType: "planTask",
      resourceId: cmd.taskId,
      schoolId: cmd.schoolId,
      ownerId: cmd.ownerId,
      requestId: cmd.requestId,
      detail: { occurrenceKey: task.key },
    });
    return {
      id: row.id,
      status: row.status,
      note: row.note,
      doneAt: row.done_at ? row.done_at.toISOString() : null,
    };
  });
}

/** Back to open (done by mistake). The note stays: it is part of the record. */
export async function reopenTask(
  db: Db,
  cmd: PlanCommand & { taskId: string },
): Promise<TaskState> {
  return db.transaction().execute(async (tx) => {
    const task = await tx
      .selectFrom("plan_task as t")
      .innerJoin("plan_occurrence as o", "o.id", "t.occurrence_id")
      .select(["t.id", "o.key"])
      .where("t.id", "=", cmd.taskId)
      .forUpdate()
      .executeTakeFirst();
    if (!task) throw notFound();
    const row = await tx
      .updateTable("plan_task")
      .set({ status: "open", done_at: null, done_by: null })
      .where("id", "=", cmd.taskId)
      .returning(["id", "status", "note", "done_at"])
      .executeTakeFirstOrThrow();
    await appendAudit(tx, {
      at: cmd.now,
      actorId: cmd.actorId,
      action: "plan.task.reopen",
      resourceType: "planTask",
      resourceId: cmd.taskId,
      schoolId: cmd.schoolId,
      ownerId: cmd.ownerId,
      requestId: cmd.requestId,
      detail: { occurrenceKey: task.key },
    });
    return { id: row.id, status: row.status, note: row.note, doneAt: null };
  });
}
