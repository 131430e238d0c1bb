// Part 1 of the plan is information work: pupils, guardians and staff are told about their
// rights, the plan and the routine. The school records who was informed, when and how.
import { z } from "zod";
import { isIsoDate } from "../../core/calendar/iso-date.ts";
import type { PlanContent } from "../../core/plans/types.ts";
import { appendAudit } from "../platform/audit.ts";
import type { Db } from "../platform/db/database.ts";
import { notFound } from "../platform/errors.ts";
import type { PlanCommand } from "./context.ts";
import { planError } from "./problems.ts";
import { loadPlan } from "./store.ts";

const isoDate = z.string().refine((v) => isIsoDate(v), { error: "field.invalidDate" });

export const informationInput = z.object({
  activityId: z.string().min(1).max(100).nullable().default(null),
  audience: z.string().trim().min(1).max(300),
  informedOn: isoDate,
  method: z.string().trim().max(1000).default(""),
});

export interface InformationRecordView {
  id: string;
  activityId: string | null;
  audience: string;
  informedOn: string;
  method: string;
  recordedAt: string;
}

export async function listInformationRecords(
  db: Db,
  schoolId: string,
  planId: string,
): Promise<InformationRecordView[]> {
  const plan = await loadPlan(db, schoolId, planId);
  if (!plan) throw notFound();
  const rows = await db
    .selectFrom("plan_information_record")
    .select(["id", "activity_id", "audience", "informed_on", "method", "recorded_at"])
    .where("plan_id", "=", planId)
    .orderBy("informed_on", "desc")
    .orderBy("recorded_at", "desc")
    .execute();
  return rows.map((r) => ({
    id: r.id,
    activityId: r.activity_id,
    audience: r.audience,
    informedOn: r.informed_on,
    method: r.method,
    recordedAt: r.recorded_at.toISOString(),
  }));
}

export async function recordInformation(
  db: Db,
  cmd: PlanCommand & { planId: string; input: z.infer<typeof informationInput> },
): Promise<InformationRecordView> {
  const { input } = cmd;
  return db.transaction().execute(async (tx) => {
    const plan = await loadPlan(tx, cmd.schoolId, cmd.planId);
    if (!plan) throw notFound();
    if (plan.status === "draft") throw planError(409, cmd.lang, "plan.version.notPublished");
    if (input.activityId !== null) {
      const part1 = (plan.content as PlanContent).parts.find((p) => p.id === "information");
      if (!part1?.activities.some((a) => a.id === input.activityId)) {
        throw planError(400, cmd.lang, "plan.activityUnknown", "activityId");
      }
    }
    const row = await tx
      .insertInto("plan_information_record")
      .values({
        school_id: cmd.schoolId,
        plan_id: cmd.planId,
        activity_id: input.activityId,
        audience: input.audience,
        informed_on: input.informedOn,
        method: input.method,
        recorded_by: cmd.actorId,
        recorded_at: cmd.now,
      })
      .returning(["id", "activity_id", "audience", "informed_on", "method", "recorded_at"])
      .executeTakeFirstOrThrow();
    await appendAudit(tx, {
      at: cmd.now,
      actorId: cmd.actorId,
      action: "plan.information.record",
      resourceType: "actionPlan",
      resourceId: cmd.planId,
      schoolId: cmd.schoolId,
      ownerId: cmd.ownerId,
      requestId: cmd.requestId,
      detail: { recordId: row.id, activityId: input.activityId },
    });
    return {
      id: row.id,
      activityId: row.activity_id,
      audience: row.audience,
      informedOn: row.informed_on,
      method: row.method,
      recordedAt: row.recorded_at.toISOString(),
    };
  });
}
