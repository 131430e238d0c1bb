// Daily duties of the plan in force (ADR 0118): the holder records "done today / not today"
// for each school day (one record per duty and day, corrected on the same day); the
// leadership reads the record with the share of school days done per month. The rules are
// the core's (src/core/plans/daily-duties.ts); this file loads, stores and audits.
import type { FastifyRequest } from "fastify";
import { z } from "zod";
import type { Resource } from "../../core/access/policy.ts";
import type { IsoDate } from "../../core/calendar/iso-date.ts";
import type { SchoolYearCalendar } from "../../core/calendar/school-year.ts";
import {
  type DailyDuty,
  DUTY_STATUSES,
  type DutyMonthShare,
  type DutyStatus,
  dailyDutiesOf,
  decideDutyRecord,
  dutyMonthShares,
} from "../../core/plans/daily-duties.ts";
import { appendAudit } from "../platform/audit.ts";
import type { Db } from "../platform/db/database.ts";
import { notFound } from "../platform/errors.ts";
import { type PlanCommand, todayOf } from "./context.ts";
import { planError } from "./problems.ts";
import { findPublicPlan } from "./public-plan.ts";
import { loadCalendar } from "./store.ts";

export const dutyRecordInput = z.object({
  status: z.enum(DUTY_STATUSES),
  places: z.array(z.string().max(500)).max(20).default([]),
  note: z.string().max(2000).nullable().optional(),
});

const dutyParams = z.object({ schoolId: z.uuid(), activityId: z.string().min(1).max(100) });

export function dutyIdOf(req: FastifyRequest): string {
  const p = dutyParams.safeParse(req.params);
  if (!p.success) throw notFound();
  return p.data.activityId;
}

interface InForce {
  schoolYearId: string;
  calendar: SchoolYearCalendar | null;
  duties: DailyDuty[];
}

/** The daily duties of the plan in force today, with the school year's calendar. */
async function inForce(db: Db, schoolId: string, today: IsoDate): Promise<InForce | null> {
  const found = await findPublicPlan(db, schoolId, today);
  if (!found) return null;
  const loaded = await loadCalendar(db, schoolId, found.plan.schoolYearId);
  return {
    schoolYearId: found.plan.schoolYearId,
    calendar: loaded?.calendar.ok ? loaded.calendar.value : null,
    duties: dailyDutiesOf(found.plan.content),
  };
}

/** The duty in `:activityId` of the plan in force, with the roles that record it. */
export function dutyFromParam(db: Db, clock: () => Date) {
  return async (req: FastifyRequest): Promise<Resource> => {
    const p = dutyParams.safeParse(req.params);
    if (!p.success) throw notFound();
    const school = await db
      .selectFrom("school")
      .select(["id", "owner_id"])
      .where("id", "=", p.data.schoolId)
      .executeTakeFirst();
    if (!school) throw notFound();
    const plan = await inForce(db, school.id, todayOf(clock()));
    const duty = plan?.duties.find((d) => d.activityId === p.data.activityId);
    if (!duty) throw notFound();
    return { type: "planDuty", schoolId: school.id, ownerId: school.owner_id, roles: duty.roles };
  };
}

export interface DutyRecordView {
  day: string;
  status: DutyStatus;
  places: string[];
  note: string | null;
  person: { id: string; name: string };
  updatedAt: string;
}

export interface MyDuty {
  activityId: string;
  description: string;
  method: string;
  places: string[];
  today: DutyRecordView | null;
}

export interface MyDuties {
  today: string;
  /** False on weekends, holidays, breaks and planning days: nothing to record. */
  schoolDay: boolean;
  duties: MyDuty[];
}

async function recordsOf(
  db: Db,
  schoolId: string,
  filter: { activityId?: string; day?: string; schoolYearId?: string },
): Promise<(DutyRecordView & { activityId: string })[]> {
  let query = db
    .selectFrom("plan_duty_record as r")
    .innerJoin("person as p", "p.id", "r.person_id")
    .select([
      "r.activity_id",
      "r.day",
      "r.status",
      "r.places",
      "r.note",
      "r.person_id",
      "r.updated_at",
      "p.given_name",
      "p.family_name",
    ])
    .where("r.school_id", "=", schoolId);
  if (filter.activityId) query = query.where("r.activity_id", "=", filter.activityId);
  if (filter.day) query = query.where("r.day", "=", filter.day);
  if (filter.schoolYearId) query = query.where("r.school_year_id", "=", filter.schoolYearId);
  const rows = await query.orderBy("r.day", "desc").execute();
  return rows.map((r) => ({
    activityId: r.activity_id,
    day: r.day,
    status: r.status,
    places: Array.isArray(r.places) ? r.places.map(String) : [],
    note: r.note,
    person: { id: r.person_id, name: `${r.given_name} ${r.family_name}` },
    updatedAt: r.updated_at.toISOString(),
  }));
}

/** The caller's own daily duties (those whose role they hold) and today's record of each. */
export async function myDuties(
  db: Db,
  cmd: { schoolId: string; personId: string; now: Date },
): Promise<MyDuties> {
  const today = todayOf(cmd.now);
  const plan = await inForce(db, cmd.schoolId, today);
  const roles = await db
    .selectFrom("role_assignment")
    .select("role")
    .where("person_id", "=", cmd.personId)
    .where("school_id", "=", cmd.schoolId)
    .execute();
  const held = new Set(roles.map((r) => r.role));
  const duties = (plan?.duties ?? []).filter((d) => d.roles.some((role) => held.has(role)));
  const records = duties.length === 0 ? [] : await recordsOf(db, cmd.schoolId, { day: today });
  return {
    today,
    schoolDay: plan?.calendar?.isTeachingDay(today) ?? false,
    duties: duties.map((d) => {
      const record = records.find((r) => r.activityId === d.activityId);
      return {
        activityId: d.activityId,
        description: d.description,
        method: d.method,
        places: [...d.places],
        today: record ? withoutActivity(record) : null,
      };
    }),
  };
}

function withoutActivity(record: DutyRecordView & { activityId: string }): DutyRecordView {
  const { activityId: _activityId, ...rest } = record;
  return rest;
}

/** Records today's "done" or "not today" (a second save the same day corrects it). */
export async function recordDuty(
  db: Db,
  cmd: PlanCommand & { activityId: string; input: z.infer<typeof dutyRecordInput> },
): Promise<DutyRecordView> {
  const today = todayOf(cmd.now);
  const plan = await inForce(db, cmd.schoolId, today);
  const duty = plan?.duties.find((d) => d.activityId === cmd.activityId);
  if (!plan || !duty) throw notFound();
  if (!plan.calendar) throw planError(409, cmd.lang, "plan.duty.notSchoolDay");
  const decided = decideDutyRecord({
    duty,
    calendar: plan.calendar,
    day: today,
    today,
    input: cmd.input,
  });
  if (!decided.ok) {
    const field = decided.error === "plan.duty.noteTooLong" ? "note" : "places";
    const status = decided.error === "plan.duty.notSchoolDay" ? 409 : 400;
    throw planError(status, cmd.lang, decided.error, field);
  }
  const { status, places, note } = decided.value;
  await db.transaction().execute(async (tx) => {
    const existing = await tx
      .selectFrom("plan_duty_record")
      .select(["id", "status"])
      .where("school_id", "=", cmd.schoolId)
      .where("activity_id", "=", duty.activityId)
      .where("day", "=", today)
      .forUpdate()
      .executeTakeFirst();
    const row = await tx
      .insertInto("plan_duty_record")
      .values({
        school_id: cmd.schoolId,
        school_year_id: plan.schoolYearId,
        activity_id: duty.activityId,
        day: today,
        status,
        places: JSON.stringify(places),
        note,
        person_id: cmd.actorId,
        recorded_at: cmd.now,
        updated_at: cmd.now,
      })
      .onConflict((oc) =>
        oc.columns(["school_id", "activity_id", "day"]).doUpdateSet({
          status,
          places: JSON.stringify(places),
          note,
          person_id: cmd.actorId,
          updated_at: cmd.now,
        }),
      )
      .returning("id")
      .executeTakeFirstOrThrow();
    await appendAudit(tx, {
      at: cmd.now,
      actorId: cmd.actorId,
      action: existing ? "plan.duty.correct" : "plan.duty.record",
      resourceType: "planDutyRecord",
      resourceId: row.id,
      schoolId: cmd.schoolId,
      ownerId: cmd.ownerId,
      requestId: cmd.requestId,
      // The note stays out of the audit detail (it may name people).
      detail: {
        activityId: duty.activityId,
        day: today,
        status,
        places: places.length,
        ...(existing ? { previousStatus: existing.status } : {}),
      },
    });
  });
  const [saved] = await recordsOf(db, cmd.schoolId, { activityId: duty.activityId, day: today });
  if (!saved) throw notFound();
  return withoutActivity(saved);
}

export interface DutyRecordsView {
  today: string;
  duties: {
    activityId: string;
    description: string;
    method: string;
    places: string[];
    months: DutyMonthShare[];
    records: DutyRecordView[];
  }[];
}

/** The leadership's view: every record of this school year, and the share per month. */
export async function readDutyRecords(
  db: Db,
  cmd: { schoolId: string; now: Date },
): Promise<DutyRecordsView> {
  const today = todayOf(cmd.now);
  const plan = await inForce(db, cmd.schoolId, today);
  if (!plan) return { today, duties: [] };
  const records = await recordsOf(db, cmd.schoolId, { schoolYearId: plan.schoolYearId });
  return {
    today,
    duties: plan.duties.map((d) => {
      const mine = records.filter((r) => r.activityId === d.activityId);
      return {
        activityId: d.activityId,
        description: d.description,
        method: d.method,
        places: [...d.places],
        months: plan.calendar
          ? dutyMonthShares(
              mine.map((r) => ({ day: r.day as IsoDate, status: r.status })),
              plan.calendar,
              today,
            )
          : [],
        records: mine.map(withoutActivity),
      };
    }),
  };
}
