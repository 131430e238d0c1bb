// "Mine oppgaver": a staff member's own plan tasks at a school — what is overdue, what is
// due this week, what comes in the next weeks, and what they have recently done.
import { addDays, type IsoDate } from "../../core/calendar/iso-date.ts";
import type { Db } from "../platform/db/database.ts";
import { rolesOf, weekOf } from "./store.ts";

export interface MyTask {
  id: string;
  occurrenceId: string;
  activityId: string;
  partId: string;
  kind: "due" | "checkIn";
  description: string;
  deadlineText: string;
  windowStartsOn: string;
  dueOn: string;
  group: { id: string; name: string; kind: "class" | "teachingGroup" } | null;
  roles: string[];
  status: "open" | "done" | "skipped";
  note: string | null;
  doneAt: string | null;
}

export interface MyTasks {
  today: string;
  week: { from: string; to: string };
  overdue: MyTask[];
  thisWeek: MyTask[];
  upcoming: MyTask[];
  done: MyTask[];
}

/** How far ahead "upcoming" looks. */
export const UPCOMING_DAYS = 28;
const RECENTLY_DONE = 20;

export async function myTasks(
  db: Db,
  schoolId: string,
  personId: string,
  today: IsoDate,
): Promise<MyTasks> {
  const week = weekOf(today);
  const horizon = addDays(today, UPCOMING_DAYS);
  const base = db
    .selectFrom("plan_task as t")
    .innerJoin("plan_occurrence as o", "o.id", "t.occurrence_id")
    .leftJoin("study_group as g", "g.id", "t.group_id")
    .select([
      "t.id",
      "t.occurrence_id",
      "o.activity_id",
      "o.part_id",
      "o.kind",
      "o.description",
      "o.deadline_text",
      "o.window_starts_on",
      "o.due_on",
      "g.id as group_id",
      "g.name as group_name",
      "g.kind as group_kind",
      "t.roles",
      "t.status",
      "t.note",
      "t.done_at",
    ])
    .where("t.school_id", "=", schoolId)
    .where("t.person_id", "=", personId);
  const [open, done] = await Promise.all([
    base
      .where("t.status", "=", "open")
      .where("o.detached", "=", false)
      .where("o.due_on", "<=", horizon)
      .orderBy("o.due_on")
      .orderBy("o.key")
      .orderBy("g.name")
      .execute(),
    base.where("t.status", "=", "done").orderBy("t.done_at", "desc").limit(RECENTLY_DONE).execute(),
  ]);
  const present = (r: (typeof open)[number]): MyTask => ({
    id: r.id,
    occurrenceId: r.occurrence_id,
    activityId: r.activity_id,
    partId: r.part_id,
    kind: r.kind,
    description: r.description,
    deadlineText: r.deadline_text,
    windowStartsOn: r.window_starts_on,
    dueOn: r.due_on,
    group:
      r.group_id && r.group_name && r.group_kind
        ? { id: r.group_id, name: r.group_name, kind: r.group_kind }
        : null,
    roles: rolesOf(r.roles),
    status: r.status,
    note: r.note,
    doneAt: r.done_at ? r.done_at.toISOString() : null,
  });
  const tasks = open.map(present);
  return {
    today,
    week,
    overdue: tasks.filter((x) => x.dueOn < today),
    thisWeek: tasks.filter((x) => x.dueOn >= today && x.dueOn <= week.to),
    upcoming: tasks.filter((x) => x.dueOn > week.to),
    done: done.map(present),
  };
}
