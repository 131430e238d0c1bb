/**
 * How far the school is with its plan: completion by part, by role and by class or
 * teaching group, and what is overdue on `today`.
 *
 * Counted per task (one person's share of an occurrence). "Due so far" means due before
 * today: a task due today is not late yet. Completion is the share of tasks due so far
 * that are done, leaving skipped ones out of both sides; `null` when nothing is due yet.
 */

import type { SchoolRole } from "../access/roles.ts";
import { daysBetween, type IsoDate } from "../calendar/iso-date.ts";
import {
  type ActivityId,
  type Occurrence,
  type OccurrenceKey,
  PLAN_PART_IDS,
  type PlanPartId,
  type TaskWithStatus,
} from "./types.ts";

export interface ProgressCounts {
  readonly total: number;
  readonly done: number;
  readonly skipped: number;
  readonly open: number;
  /** Due before today (any status). */
  readonly dueSoFar: number;
  /** Open and due before today. */
  readonly overdue: number;
  /** done-and-due-so-far / (due so far − skipped-and-due-so-far); null when nothing is due. */
  readonly completion: number | null;
}

export interface OverdueTask {
  readonly occurrenceKey: OccurrenceKey;
  readonly activityId: ActivityId;
  readonly partId: PlanPartId;
  readonly dueOn: IsoDate;
  readonly daysOverdue: number;
  readonly personId: string;
  readonly groupId?: string;
}

export interface ProgressSummary {
  readonly today: IsoDate;
  readonly overall: ProgressCounts;
  readonly byPart: Readonly<Record<PlanPartId, ProgressCounts>>;
  /** A task reached through two roles counts under both. */
  readonly byRole: Readonly<Partial<Record<SchoolRole, ProgressCounts>>>;
  /** Group-scoped tasks only, by class or teaching group id. */
  readonly byGroup: Readonly<Record<string, ProgressCounts>>;
  /** Oldest first. */
  readonly overdue: readonly OverdueTask[];
  /** Occurrences nobody got a task for (no role holder, or only shared/external responsibles). */
  readonly unassigned: readonly OccurrenceKey[];
}

class Counter {
  total = 0;
  done = 0;
  skipped = 0;
  open = 0;
  dueSoFar = 0;
  doneDue = 0;
  skippedDue = 0;
  overdue = 0;

  add(task: TaskWithStatus, isDue: boolean): void {
    this.total++;
    this[task.status]++;
    if (!isDue) return;
    this.dueSoFar++;
    if (task.status === "done") this.doneDue++;
    else if (task.status === "skipped") this.skippedDue++;
    else this.overdue++;
  }

  counts(): ProgressCounts {
    const denominator = this.dueSoFar - this.skippedDue;
    return {
      total: this.total,
      done: this.done,
      skipped: this.skipped,
      open: this.open,
      dueSoFar: this.dueSoFar,
      overdue: this.overdue,
      completion: denominator === 0 ? null : this.doneDue / denominator,
    };
  }
}

function countsOf<K extends string>(counters: Map<K, Counter>): Record<K, ProgressCounts> {
  const out = {} as Record<K, ProgressCounts>;
  for (const [key, counter] of counters) out[key] = counter.counts();
  return out;
}

/**
 * Tasks whose occurrence is not in `occurrences` (e.g. an activity removed after its
 * tasks were done) are left out: pass the kept occurrences from reconcile as well.
 */
export function summarizeProgress(
  occurrences: readonly Occurrence[],
  tasks: readonly TaskWithStatus[],
  today: IsoDate,
): ProgressSummary {
  const byKey = new Map(occurrences.map((occurrence) => [occurrence.key, occurrence]));
  const overall = new Counter();
  const byPart = new Map<PlanPartId, Counter>(PLAN_PART_IDS.map((id) => [id, new Counter()]));
  const byRole = new Map<SchoolRole, Counter>();
  const byGroup = new Map<string, Counter>();
  const overdue: OverdueTask[] = [];
  const assigned = new Set<OccurrenceKey>();

  const bump = <K>(map: Map<K, Counter>, key: K, task: TaskWithStatus, isDue: boolean) => {
    let counter = map.get(key);
    if (counter === undefined) {
      counter = new Counter();
      map.set(key, counter);
    }
    counter.add(task, isDue);
  };

  for (const task of tasks) {
    const occurrence = byKey.get(task.occurrenceKey);
    if (occurrence === undefined) continue;
    assigned.add(occurrence.key);
    const isDue = occurrence.dueOn < today;
    overall.add(task, isDue);
    bump(byPart, occurrence.partId, task, isDue);
    for (const role of task.roles) bump(byRole, role, task, isDue);
    if (task.groupId !== undefined) bump(byGroup, task.groupId, task, isDue);
    if (isDue && task.status === "open") {
      const item: OverdueTask = {
        occurrenceKey: occurrence.key,
        activityId: occurrence.activityId,
        partId: occurrence.partId,
        dueOn: occurrence.dueOn,
        daysOverdue: daysBetween(occurrence.dueOn, today),
        personId: task.personId,
      };
      overdue.push(task.groupId === undefined ? item : { ...item, groupId: task.groupId });
    }
  }

  overdue.sort(
    (a, b) =>
      a.dueOn.localeCompare(b.dueOn) ||
      a.occurrenceKey.localeCompare(b.occurrenceKey) ||
      a.personId.localeCompare(b.personId),
  );

  return {
    today,
    overall: overall.counts(),
    byPart: countsOf(byPart),
    byRole: countsOf(byRole),
    byGroup: countsOf(byGroup),
    overdue,
    unassigned: occurrences.filter((o) => !assigned.has(o.key)).map((o) => o.key),
  };
}
