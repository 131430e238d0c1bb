// The stored year wheel of a school year, kept in step with the plan in force and with the
// school's role holders:
// - `syncYearWheel` merges a newly published version's schedule into the stored occurrences
//   with the core's reconcile rule (what has happened stays, with its notes; what has not
//   happened yet follows the new plan), then fans the future ones out to people;
// - `syncTasks` gives future occurrences to the current role holders (a new contact teacher
//   gets the class hour; a teacher who left loses the open tasks they never touched).
import type { IsoDate } from "../../core/calendar/iso-date.ts";
import { fanOut, taskKey } from "../../core/plans/fan-out.ts";
import { occurrenceStatusOf, reconcileOccurrences } from "../../core/plans/reconcile.ts";
import type { Occurrence, OccurrenceWithStatus, PlanContent } from "../../core/plans/types.ts";
import { activitiesOf } from "../../core/plans/validate.ts";
import type { Tx } from "../platform/db/database.ts";
import { loadOccurrences, loadRoleHolders, loadTasks, occurrenceOf, rolesOf } from "./store.ts";

/** Rows per INSERT: keeps each statement's parameter list well under PostgreSQL's limit. */
const CHUNK = 500;

export interface SyncCounts {
  added: number;
  refreshed: number;
  removed: number;
  detached: number;
  skippedPast: number;
  tasksAdded: number;
  tasksRemoved: number;
}

interface StoredOccurrence extends OccurrenceWithStatus {
  id: string;
}

export async function syncYearWheel(
  tx: Tx,
  args: {
    schoolId: string;
    schoolYearId: string;
    planId: string;
    content: PlanContent;
    schedule: readonly Occurrence[];
    today: IsoDate;
  },
): Promise<SyncCounts> {
  const { schoolId, schoolYearId, planId, content, schedule, today } = args;
  const texts = new Map(
    activitiesOf(content).map(({ activity }) => [
      activity.id,
      { description: activity.description, deadlineText: activity.deadlineText },
    ]),
  );

  const rows = await loadOccurrences(tx, schoolYearId);
  const tasks = await loadTasks(tx, schoolYearId);
  const tasksByOccurrence = new Map<string, typeof tasks>();
  for (const task of tasks) {
    const list = tasksByOccurrence.get(task.occurrenceId) ?? [];
    list.push(task);
    tasksByOccurrence.set(task.occurrenceId, list);
  }
  const old: StoredOccurrence[] = rows.map((row) => {
    const mine = tasksByOccurrence.get(row.id) ?? [];
    const note = mine.map((t) => t.note).find((n) => n !== null && n.trim() !== "") ?? null;
    return {
      ...occurrenceOf(row),
      id: row.id,
      status: occurrenceStatusOf(mine.map((t) => t.status)),
      note,
    };
  });

  const result = reconcileOccurrences(old, schedule, today);
  const fresh = new Map(schedule.map((o) => [o.key, o]));
  const detached = new Set(result.detached);

  if (result.removed.length > 0) {
    await tx
      .deleteFrom("plan_occurrence")
      .where(
        "id",
        "in",
        result.removed.map((o) => o.id),
      )
      .execute();
  }

  let refreshed = 0;
  for (const kept of result.kept) {
    const next = fresh.get(kept.key);
    if (next === undefined || detached.has(kept.key)) {
      await tx
        .updateTable("plan_occurrence")
        .set({ detached: true })
        .where("id", "=", kept.id)
        .execute();
      continue;
    }
    const text = texts.get(next.activityId);
    await tx
      .updateTable("plan_occurrence")
      .set({
        plan_id: planId,
        part_id: next.partId,
        kind: next.kind,
        sequence: next.sequence,
        window_starts_on: next.windowStartsOn,
        roles: JSON.stringify(next.roles),
        description: text?.description ?? "",
        deadline_text: text?.deadlineText ?? "",
        detached: false,
      })
      .where("id", "=", kept.id)
      .execute();
    refreshed++;
  }

  for (let i = 0; i < result.added.length; i += CHUNK) {
    const chunk = result.added.slice(i, i + CHUNK);
    await tx
      .insertInto("plan_occurrence")
      .values(
        chunk.map((o) => ({
          school_id: schoolId,
          school_year_id: schoolYearId,
          plan_id: planId,
          key: o.key,
          activity_id: o.activityId,
          part_id: o.partId,
          kind: o.kind,
          sequence: o.sequence,
          window_starts_on: o.windowStartsOn,
          due_on: o.dueOn,
          roles: JSON.stringify(o.roles),
          description: texts.get(o.activityId)?.description ?? "",
          deadline_text: texts.get(o.activityId)?.deadlineText ?? "",
        })),
      )
      .execute();
  }

  const taskCounts = await syncTasks(tx, schoolId, schoolYearId, today);
  return {
    added: result.added.length,
    refreshed,
    removed: result.removed.length,
    detached: result.detached.length,
    skippedPast: result.skippedPast.length,
    ...taskCounts,
  };
}

/**
 * Tasks of the occurrences due today or later for the current role holders. Past
 * occurrences keep the tasks they had: they are the record of who was to do what.
 */
export async function syncTasks(
  tx: Tx,
  schoolId: string,
  schoolYearId: string,
  today: IsoDate,
): Promise<{ tasksAdded: number; tasksRemoved: number }> {
  const rows = (await loadOccurrences(tx, schoolYearId)).filter(
    (row) => !row.detached && row.due_on >= today,
  );
  const ids = new Map(rows.map((row) => [row.key, row.id]));
  const holders = await loadRoleHolders(tx, schoolId);
  const expected = fanOut(rows.map(occurrenceOf), holders);
  const existing = (await loadTasks(tx, schoolYearId)).filter((t) => ids.has(t.occurrenceKey));
  const existingByKey = new Map(
    existing.map((t) => [
      taskKey({
        occurrenceKey: t.occurrenceKey,
        personId: t.personId,
        groupId: t.groupId ?? undefined,
      }),
      t,
    ]),
  );
  const wanted = new Set(expected.map((t) => taskKey(t)));

  const toInsert = expected.filter((t) => !existingByKey.has(taskKey(t)));
  for (let i = 0; i < toInsert.length; i += CHUNK) {
    await tx
      .insertInto("plan_task")
      .values(
        toInsert.slice(i, i + CHUNK).map((t) => ({
          occurrence_id: ids.get(t.occurrenceKey) as string,
          school_id: schoolId,
          person_id: t.personId,
          group_id: t.groupId ?? null,
          roles: JSON.stringify(t.roles),
        })),
      )
      .execute();
  }

  // The roles a task came through may change (a teacher got a second role): keep them true.
  for (const task of expected) {
    const stored = existingByKey.get(taskKey(task));
    if (!stored) continue;
    const same =
      stored.roles.length === task.roles.length &&
      stored.roles.every((r, i) => r === task.roles[i]);
    if (!same) {
      await tx
        .updateTable("plan_task")
        .set({ roles: JSON.stringify(rolesOf(task.roles)) })
        .where("id", "=", stored.id)
        .execute();
    }
  }

  // Only untouched tasks go: a done task or one with a note is part of the record.
  const stale = existing.filter(
    (t) =>
      !wanted.has(
        taskKey({
          occurrenceKey: t.occurrenceKey,
          personId: t.personId,
          groupId: t.groupId ?? undefined,
        }),
      ) &&
      t.status === "open" &&
      (t.note === null || t.note.trim() === ""),
  );
  for (let i = 0; i < stale.length; i += CHUNK) {
    await tx
      .deleteFrom("plan_task")
      .where(
        "id",
        "in",
        stale.slice(i, i + CHUNK).map((t) => t.id),
      )
      .execute();
  }
  return { tasksAdded: toInsert.length, tasksRemoved: stale.length };
}
