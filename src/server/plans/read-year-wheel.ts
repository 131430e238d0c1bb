// The year wheel (årshjul) of a version: the dated occurrences of its school year with how
// far each has come. A published or archived version shows the stored wheel (what people
// were given and did); a draft shows a preview of its schedule (nothing stored yet).
import { occurrenceStatusOf } from "../../core/plans/reconcile.ts";
import { schedulePlan } from "../../core/plans/schedule.ts";
import type { OccurrenceStatus, PlanContent, PlanPartId } from "../../core/plans/types.ts";
import { activitiesOf } from "../../core/plans/validate.ts";
import type { Db } from "../platform/db/database.ts";
import { notFound } from "../platform/errors.ts";
import { loadCalendar, loadOccurrences, loadPlan, loadTasks, rolesOf } from "./store.ts";

export interface WheelOccurrence {
  id: string | null;
  key: string;
  activityId: string;
  partId: PlanPartId;
  kind: "due" | "checkIn";
  sequence: number;
  windowStartsOn: string;
  dueOn: string;
  roles: string[];
  description: string;
  deadlineText: string;
  detached: boolean;
  /** "planned" in a draft's preview. */
  status: OccurrenceStatus | "planned";
  tasks: number;
  done: number;
}

export interface YearWheel {
  planId: string;
  source: "stored" | "preview";
  schoolYear: { id: string; label: string; startsOn: string; endsOn: string };
  holidays: { label: string; from: string; to: string }[];
  occurrences: WheelOccurrence[];
  /** Why a draft cannot be previewed (its rules do not fit the year), as issue codes. */
  problems: string[];
}

export async function readYearWheel(db: Db, schoolId: string, planId: string): Promise<YearWheel> {
  const plan = await loadPlan(db, schoolId, planId);
  if (!plan) throw notFound();
  const loaded = await loadCalendar(db, schoolId, plan.school_year_id);
  if (!loaded) throw notFound();
  const base = {
    planId,
    schoolYear: {
      id: loaded.year.id,
      label: loaded.year.label,
      startsOn: loaded.year.startsOn,
      endsOn: loaded.year.endsOn,
    },
    holidays: loaded.holidays,
  };

  if (plan.status === "draft") {
    const content = plan.content as PlanContent;
    if (!loaded.calendar.ok) {
      return { ...base, source: "preview", occurrences: [], problems: ["plan.calendarInvalid"] };
    }
    const scheduled = schedulePlan(content, loaded.calendar.value);
    if (!scheduled.ok) {
      return {
        ...base,
        source: "preview",
        occurrences: [],
        problems: [...new Set(scheduled.error.map((i) => i.code))],
      };
    }
    const texts = new Map(activitiesOf(content).map(({ activity }) => [activity.id, activity]));
    return {
      ...base,
      source: "preview",
      problems: [],
      occurrences: scheduled.value.map((o) => ({
        id: null,
        key: o.key,
        activityId: o.activityId,
        partId: o.partId,
        kind: o.kind,
        sequence: o.sequence,
        windowStartsOn: o.windowStartsOn,
        dueOn: o.dueOn,
        roles: [...o.roles],
        description: texts.get(o.activityId)?.description ?? "",
        deadlineText: texts.get(o.activityId)?.deadlineText ?? "",
        detached: false,
        status: "planned",
        tasks: 0,
        done: 0,
      })),
    };
  }

  const [rows, tasks] = await Promise.all([
    loadOccurrences(db, plan.school_year_id),
    loadTasks(db, plan.school_year_id),
  ]);
  const byOccurrence = new Map<string, typeof tasks>();
  for (const t of tasks) {
    const list = byOccurrence.get(t.occurrenceId) ?? [];
    list.push(t);
    byOccurrence.set(t.occurrenceId, list);
  }
  return {
    ...base,
    source: "stored",
    problems: [],
    occurrences: rows.map((row) => {
      const mine = byOccurrence.get(row.id) ?? [];
      return {
        id: row.id,
        key: row.key,
        activityId: row.activity_id,
        partId: row.part_id,
        kind: row.kind,
        sequence: row.sequence,
        windowStartsOn: row.window_starts_on,
        dueOn: row.due_on,
        roles: rolesOf(row.roles),
        description: row.description,
        deadlineText: row.deadline_text,
        detached: row.detached,
        status: occurrenceStatusOf(mine.map((t) => t.status)),
        tasks: mine.length,
        done: mine.filter((t) => t.status === "done").length,
      };
    }),
  };
}
