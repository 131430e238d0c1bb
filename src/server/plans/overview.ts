// The leadership's overview of a school year's plan work: completion by part, by role and by
// class or teaching group, and what is overdue (with who and which class), from the core's
// summarizeProgress over the stored year wheel. The names of the staff with overdue tasks
// are personal data: the read is audited by the route.
import type { IsoDate } from "../../core/calendar/iso-date.ts";
import { type ProgressCounts, summarizeProgress } from "../../core/plans/progress.ts";
import { PLAN_PART_IDS, type PlanContent, type PlanPartId } from "../../core/plans/types.ts";
import type { Db } from "../platform/db/database.ts";
import { notFound } from "../platform/errors.ts";
import {
  groupNames,
  loadOccurrences,
  loadPlan,
  loadTasks,
  occurrenceOf,
  personNames,
  taskWithStatus,
} from "./store.ts";

const collator = new Intl.Collator("nb", { numeric: true });
/** The overdue list is for reading, not for export: the oldest first, this many. */
export const OVERDUE_LIMIT = 200;

export interface Overview {
  planId: string;
  today: string;
  overall: ProgressCounts;
  byPart: { partId: PlanPartId; title: string; counts: ProgressCounts }[];
  byRole: { role: string; counts: ProgressCounts }[];
  byGroup: { groupId: string; name: string; kind: string; counts: ProgressCounts }[];
  overdue: {
    occurrenceKey: string;
    activityId: string;
    partId: string;
    description: string;
    dueOn: string;
    daysOverdue: number;
    person: { id: string; name: string };
    group: { id: string; name: string } | null;
  }[];
  overdueTotal: number;
  /** Occurrences nobody has a task for (shared duties, or no holder of the role). */
  unassigned: number;
  occurrences: number;
}

export async function readOverview(
  db: Db,
  schoolId: string,
  planId: string,
  today: IsoDate,
): Promise<Overview> {
  const plan = await loadPlan(db, schoolId, planId);
  if (!plan) throw notFound();
  const [rows, tasks, groups] = await Promise.all([
    loadOccurrences(db, plan.school_year_id),
    loadTasks(db, plan.school_year_id),
    groupNames(db, schoolId),
  ]);
  const summary = summarizeProgress(rows.map(occurrenceOf), tasks.map(taskWithStatus), today);
  const descriptions = new Map(rows.map((r) => [r.key, r.description]));
  const overdue = summary.overdue.slice(0, OVERDUE_LIMIT);
  const names = await personNames(
    db,
    overdue.map((o) => o.personId),
  );
  const titles = new Map((plan.content as PlanContent).parts.map((p) => [p.id, p.title]));

  return {
    planId,
    today,
    overall: summary.overall,
    byPart: PLAN_PART_IDS.map((partId) => ({
      partId,
      title: titles.get(partId) ?? partId,
      counts: summary.byPart[partId],
    })),
    byRole: Object.entries(summary.byRole)
      .flatMap(([role, counts]) => (counts ? [{ role, counts }] : []))
      .sort((a, b) => b.counts.total - a.counts.total),
    byGroup: Object.entries(summary.byGroup)
      .map(([groupId, counts]) => {
        const g = groups.get(groupId);
        return { groupId, name: g?.name ?? "", kind: g?.kind ?? "class", counts };
      })
      .sort((a, b) =>
        a.kind === b.kind ? collator.compare(a.name, b.name) : a.kind === "class" ? -1 : 1,
      ),
    overdue: overdue.map((o) => {
      const person = names.get(o.personId);
      const group = o.groupId ? groups.get(o.groupId) : undefined;
      return {
        occurrenceKey: o.occurrenceKey,
        activityId: o.activityId,
        partId: o.partId,
        description: descriptions.get(o.occurrenceKey) ?? "",
        dueOn: o.dueOn,
        daysOverdue: o.daysOverdue,
        person: {
          id: o.personId,
          name: person ? `${person.givenName} ${person.familyName}` : "",
        },
        group: o.groupId && group ? { id: o.groupId, name: group.name } : null,
      };
    }),
    overdueTotal: summary.overdue.length,
    unassigned: summary.unassigned.length,
    occurrences: rows.length,
  };
}
