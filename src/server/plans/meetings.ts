// The monthly meetings between the pupil council board and the principal (the seed plan's
// "månedlige møter mellom elevrådsstyret og rektor"): when, who took part (as roles or
// bodies, not a list of people), which school-environment topics, and the follow-ups.
import { z } from "zod";
import { isIsoDate } from "../../core/calendar/iso-date.ts";
import { appendAudit } from "../platform/audit.ts";
import type { Db } from "../platform/db/database.ts";
import { notFound } from "../platform/errors.ts";
import type { PlanCommand } from "./context.ts";

const isoDate = z.string().refine((v) => isIsoDate(v), { error: "field.invalidDate" });

export const meetingInput = z.object({
  heldOn: isoDate,
  participants: z.array(z.string().trim().min(1).max(200)).min(1).max(30),
  topics: z.array(z.string().trim().min(1).max(2000)).max(50),
  followUps: z
    .array(
      z.object({
        text: z.string().trim().min(1).max(2000),
        responsible: z.string().trim().max(200).default(""),
        dueOn: isoDate.nullable().default(null),
        done: z.boolean().default(false),
      }),
    )
    .max(50)
    .default([]),
});

export type MeetingInput = z.infer<typeof meetingInput>;

export interface MeetingView {
  id: string;
  heldOn: string;
  participants: string[];
  topics: string[];
  followUps: { text: string; responsible: string; dueOn: string | null; done: boolean }[];
  recordedAt: string;
  updatedAt: string;
}

export async function listMeetings(db: Db, schoolId: string): Promise<MeetingView[]> {
  const rows = await db
    .selectFrom("plan_meeting")
    .selectAll()
    .where("school_id", "=", schoolId)
    .orderBy("held_on", "desc")
    .orderBy("recorded_at", "desc")
    .execute();
  return rows.map((r) => ({
    id: r.id,
    heldOn: r.held_on,
    participants: r.participants,
    topics: r.topics,
    followUps: r.follow_ups as MeetingView["followUps"],
    recordedAt: r.recorded_at.toISOString(),
    updatedAt: r.updated_at.toISOString(),
  }));
}

export async function saveMeeting(
  db: Db,
  cmd: PlanCommand & { meetingId?: string; input: MeetingInput },
): Promise<MeetingView> {
  const { input } = cmd;
  const id = await db.transaction().execute(async (tx) => {
    const values = {
      held_on: input.heldOn,
      participants: JSON.stringify(input.participants),
      topics: JSON.stringify(input.topics),
      follow_ups: JSON.stringify(input.followUps),
      updated_at: cmd.now,
    };
    let meetingId = cmd.meetingId;
    if (meetingId) {
      const updated = await tx
        .updateTable("plan_meeting")
        .set(values)
        .where("id", "=", meetingId)
        .where("school_id", "=", cmd.schoolId)
        .executeTakeFirst();
      if (Number(updated.numUpdatedRows) === 0) throw notFound();
    } else {
      const row = await tx
        .insertInto("plan_meeting")
        .values({
          ...values,
          school_id: cmd.schoolId,
          recorded_by: cmd.actorId,
          recorded_at: cmd.now,
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      meetingId = row.id;
    }
    await appendAudit(tx, {
      at: cmd.now,
      actorId: cmd.actorId,
      action: cmd.meetingId ? "plan.meeting.update" : "plan.meeting.create",
      resourceType: "planMeeting",
      resourceId: meetingId,
      schoolId: cmd.schoolId,
      ownerId: cmd.ownerId,
      requestId: cmd.requestId,
      detail: {
        topics: input.topics.length,
        followUps: input.followUps.length,
        open: input.followUps.filter((f) => !f.done).length,
      },
    });
    return meetingId;
  });
  const saved = (await listMeetings(db, cmd.schoolId)).find((m) => m.id === id);
  if (!saved) throw new Error("saved meeting vanished");
  return saved;
}
