// SQL of the action-plan feature: plan versions, the school-year calendar they are dated
// against, the school's role holders, and the stored year wheel (occurrences and tasks).
// The rules are the pure core's (src/core/plans); this file loads and stores.
import type { Selectable } from "kysely";
import { isSchoolRole, type SchoolRole } from "../../core/access/roles.ts";
import type { Result } from "../../core/calendar/errors.ts";
import {
  eachDay,
  endOfIsoWeek,
  type IsoDate,
  isWeekend,
  maxIsoDate,
  minIsoDate,
  startOfIsoWeek,
} from "../../core/calendar/iso-date.ts";
import {
  createSchoolYearCalendar,
  type SchoolHoliday,
  type SchoolYearCalendar,
  type SchoolYearIssue,
} from "../../core/calendar/school-year.ts";
import { createWorkingDayCalendar } from "../../core/calendar/working-days.ts";
import type {
  Occurrence,
  PlanContent,
  PlanPartId,
  RoleHolder,
  TaskStatus,
  TaskWithStatus,
} from "../../core/plans/types.ts";
import type { PlanEvaluation, PlanVersion } from "../../core/plans/versions.ts";
import type { Db, Tx } from "../platform/db/database.ts";
import type { ActionPlanTable, PlanOccurrenceTable } from "../platform/db/schema.ts";

export type Q = Db | Tx;

export type PlanRow = Selectable<ActionPlanTable>;
export type OccurrenceRow = Selectable<PlanOccurrenceTable>;

/** The core's value of a stored version (its content was validated when it was written). */
export function versionOf(row: PlanRow): PlanVersion {
  return {
    version: row.version,
    schoolYear: row.school_year,
    status: row.status,
    content: row.content as PlanContent,
    templateId: row.template_id,
    basedOnVersion: row.based_on_version,
    publishedOn: (row.published_on as IsoDate | null) ?? null,
    archivedOn: (row.archived_on as IsoDate | null) ?? null,
    evaluation: (row.evaluation as PlanEvaluation | null) ?? null,
  };
}

export async function loadPlan(q: Q, schoolId: string, planId: string): Promise<PlanRow | null> {
  const row = await q
    .selectFrom("action_plan")
    .selectAll()
    .where("id", "=", planId)
    .where("school_id", "=", schoolId)
    .executeTakeFirst();
  return row ?? null;
}

/** Loads and locks a version for the rest of the transaction (one editor at a time). */
export async function lockPlan(tx: Tx, schoolId: string, planId: string): Promise<PlanRow | null> {
  const row = await tx
    .selectFrom("action_plan")
    .selectAll()
    .where("id", "=", planId)
    .where("school_id", "=", schoolId)
    .forUpdate()
    .executeTakeFirst();
  return row ?? null;
}

export async function latestVersionNumber(q: Q, schoolId: string): Promise<number> {
  const row = await q
    .selectFrom("action_plan")
    .select((eb) => eb.fn.max<number>("version").as("v"))
    .where("school_id", "=", schoolId)
    .executeTakeFirst();
  return Number(row?.v ?? 0);
}

// ---------------------------------------------------------------------------------------
// The school-year calendar
// ---------------------------------------------------------------------------------------

export interface SchoolYearInfo {
  id: string;
  label: string;
  startsOn: IsoDate;
  endsOn: IsoDate;
  /** The calendar year it starts in, as the core numbers school years (2026 = 2026–27). */
  startYear: number;
}

export interface LoadedCalendar {
  year: SchoolYearInfo;
  calendar: Result<SchoolYearCalendar, readonly SchoolYearIssue[]>;
  holidays: { label: string; from: IsoDate; to: IsoDate }[];
}

export async function loadSchoolYear(
  q: Q,
  schoolId: string,
  schoolYearId: string,
): Promise<SchoolYearInfo | null> {
  const row = await q
    .selectFrom("school_year")
    .select(["id", "label", "starts_on", "ends_on"])
    .where("id", "=", schoolYearId)
    .where("school_id", "=", schoolId)
    .executeTakeFirst();
  if (!row) return null;
  return {
    id: row.id,
    label: row.label,
    startsOn: row.starts_on as IsoDate,
    endsOn: row.ends_on as IsoDate,
    startYear: Number(row.starts_on.slice(0, 4)),
  };
}

/**
 * The core calendar of a stored school year: its holidays, its planning days (each working
 * day of a planning-day range) and the owner's closed days.
 *
 * Planning days stored just outside the year (a year entered as starting on the first
 * teaching day, with the planning days before it) widen the year to include them: the core
 * counts planning days as part of the school year, and "before school starts" needs them.
 */
export async function loadCalendar(
  q: Q,
  schoolId: string,
  schoolYearId: string,
): Promise<LoadedCalendar | null> {
  const year = await loadSchoolYear(q, schoolId, schoolYearId);
  if (!year) return null;
  const [breaks, closed] = await Promise.all([
    q
      .selectFrom("school_year_break")
      .select(["kind", "label", "starts_on", "ends_on"])
      .where("school_year_id", "=", schoolYearId)
      .orderBy("starts_on")
      .execute(),
    q
      .selectFrom("owner_closed_day as c")
      .innerJoin("school as s", "s.owner_id", "c.owner_id")
      .select("c.day")
      .where("s.id", "=", schoolId)
      .execute(),
  ]);
  const workingDays = createWorkingDayCalendar({
    extraClosedDays: closed.map((r) => r.day as IsoDate),
  });
  const holidays: SchoolHoliday[] = [];
  const planningDays = new Set<IsoDate>();
  for (const b of breaks) {
    const from = b.starts_on as IsoDate;
    const to = b.ends_on as IsoDate;
    if (b.kind === "holiday") {
      holidays.push({ kind: "other", label: b.label, from, to });
      continue;
    }
    for (const day of eachDay(from, to)) {
      if (!isWeekend(day) && workingDays.isWorkingDay(day)) planningDays.add(day);
    }
  }
  const sortedPlanning = [...planningDays].sort();
  const first = sortedPlanning[0];
  const last = sortedPlanning[sortedPlanning.length - 1];
  const startsOn = first !== undefined && first < year.startsOn ? first : year.startsOn;
  const endsOn = last !== undefined && last > year.endsOn ? last : year.endsOn;
  const calendar = createSchoolYearCalendar(
    {
      startsOn,
      endsOn,
      // Holidays reaching past the year are cut to it; the core refuses them otherwise.
      schoolHolidays: holidays
        .filter((h) => h.to >= startsOn && h.from <= endsOn)
        .map((h) => ({
          ...h,
          from: maxIsoDate(h.from, startsOn),
          to: minIsoDate(h.to, endsOn),
        })),
      planningDays: sortedPlanning,
    },
    workingDays,
  );
  return {
    year,
    calendar,
    holidays: holidays.map((h) => ({ label: h.label ?? "", from: h.from, to: h.to })),
  };
}

/** The school year whose span holds `today`, else the next one, else the latest. */
export async function currentSchoolYearId(
  q: Q,
  schoolId: string,
  today: IsoDate,
): Promise<string | null> {
  const years = await q
    .selectFrom("school_year")
    .select(["id", "starts_on", "ends_on"])
    .where("school_id", "=", schoolId)
    .orderBy("starts_on")
    .execute();
  const current = years.find((y) => y.starts_on <= today && today <= y.ends_on);
  if (current) return current.id;
  const next = years.find((y) => y.starts_on > today);
  if (next) return next.id;
  return years[years.length - 1]?.id ?? null;
}

// ---------------------------------------------------------------------------------------
// Role holders
// ---------------------------------------------------------------------------------------

/** Every school-role grant at the school, as the fan-out needs it. */
export async function loadRoleHolders(q: Q, schoolId: string): Promise<RoleHolder[]> {
  const rows = await q
    .selectFrom("role_assignment")
    .select(["person_id", "role", "group_id"])
    .where("school_id", "=", schoolId)
    .orderBy("role")
    .orderBy("person_id")
    .orderBy("group_id")
    .execute();
  const holders: RoleHolder[] = [];
  for (const r of rows) {
    if (!isSchoolRole(r.role)) continue;
    holders.push({ personId: r.person_id, role: r.role, groupId: r.group_id });
  }
  return holders;
}

// ---------------------------------------------------------------------------------------
// The stored year wheel
// ---------------------------------------------------------------------------------------

export function occurrenceOf(row: OccurrenceRow): Occurrence {
  return {
    key: row.key,
    activityId: row.activity_id,
    kind: row.kind,
    sequence: row.sequence,
    windowStartsOn: row.window_starts_on as IsoDate,
    dueOn: row.due_on as IsoDate,
    partId: row.part_id as PlanPartId,
    roles: rolesOf(row.roles),
  };
}

export function rolesOf(value: unknown): SchoolRole[] {
  if (!Array.isArray(value)) return [];
  return value.filter((r): r is SchoolRole => typeof r === "string" && isSchoolRole(r));
}

export interface StoredTask {
  id: string;
  occurrenceId: string;
  occurrenceKey: string;
  personId: string;
  groupId: string | null;
  roles: SchoolRole[];
  status: TaskStatus;
  note: string | null;
}

export async function loadOccurrences(q: Q, schoolYearId: string): Promise<OccurrenceRow[]> {
  return q
    .selectFrom("plan_occurrence")
    .selectAll()
    .where("school_year_id", "=", schoolYearId)
    .orderBy("due_on")
    .orderBy("key")
    .execute();
}

export async function loadTasks(q: Q, schoolYearId: string): Promise<StoredTask[]> {
  const rows = await q
    .selectFrom("plan_task as t")
    .innerJoin("plan_occurrence as o", "o.id", "t.occurrence_id")
    .select([
      "t.id",
      "t.occurrence_id",
      "o.key",
      "t.person_id",
      "t.group_id",
      "t.roles",
      "t.status",
      "t.note",
    ])
    .where("o.school_year_id", "=", schoolYearId)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    occurrenceId: r.occurrence_id,
    occurrenceKey: r.key,
    personId: r.person_id,
    groupId: r.group_id,
    roles: rolesOf(r.roles),
    status: r.status,
    note: r.note,
  }));
}

export function taskWithStatus(task: StoredTask): TaskWithStatus {
  const base = {
    occurrenceKey: task.occurrenceKey,
    personId: task.personId,
    roles: task.roles,
    status: task.status,
    note: task.note,
  };
  return task.groupId === null ? base : { ...base, groupId: task.groupId };
}

/** Names of groups, by id. */
export async function groupNames(
  q: Q,
  schoolId: string,
): Promise<Map<string, { name: string; kind: "class" | "teachingGroup" }>> {
  const rows = await q
    .selectFrom("study_group")
    .select(["id", "name", "kind"])
    .where("school_id", "=", schoolId)
    .execute();
  return new Map(rows.map((r) => [r.id, { name: r.name, kind: r.kind }]));
}

export async function personNames(
  q: Q,
  ids: readonly string[],
): Promise<Map<string, { givenName: string; familyName: string }>> {
  if (ids.length === 0) return new Map();
  const rows = await q
    .selectFrom("person")
    .select(["id", "given_name", "family_name"])
    .where("id", "in", [...new Set(ids)])
    .execute();
  return new Map(rows.map((r) => [r.id, { givenName: r.given_name, familyName: r.family_name }]));
}

/** Monday and Sunday of the ISO week of `date`. */
export function weekOf(date: IsoDate): { from: IsoDate; to: IsoDate } {
  return { from: startOfIsoWeek(date), to: endOfIsoWeek(date) };
}
