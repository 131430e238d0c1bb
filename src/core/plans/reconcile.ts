/**
 * Editing a plan mid-year without losing history.
 *
 * When a plan is edited (a rule changed, an activity added or removed) its year wheel is
 * computed again and must be merged with the occurrences already stored. The rule: what
 * has happened stays, what has not happened yet follows the new plan.
 *
 * - An old occurrence is *settled* when it is done, partly done or skipped, carries a
 *   note, or was due before `today`. Settled occurrences are always kept, with their
 *   status and notes, even when the edited plan no longer produces them (`detached`).
 * - An old occurrence that is open, has no note and is due today or later is replaced:
 *   kept (refreshed from the new schedule) when the new schedule has the same key,
 *   removed otherwise.
 * - A new occurrence that is not stored yet is added when it is due today or later. One
 *   due before today is not added (`skippedPast`): adding an activity in March must not
 *   fill the wheel with overdue tasks from August.
 *
 * Keys are `${activityId}@${dueOn}`, so an unchanged activity keeps its keys across edits.
 */

import type { IsoDate } from "../calendar/iso-date.ts";
import type {
  Occurrence,
  OccurrenceKey,
  OccurrenceStatus,
  OccurrenceWithStatus,
  TaskStatus,
} from "./types.ts";

export interface ReconcileResult<T extends OccurrenceWithStatus> {
  /** Old records that stay (settled ones untouched, open future ones refreshed). */
  readonly kept: readonly T[];
  /** Keys of kept settled records the edited plan no longer produces (history only). */
  readonly detached: readonly OccurrenceKey[];
  /** Old open future records the edited plan no longer produces: delete them and their tasks. */
  readonly removed: readonly T[];
  /** New occurrences to store (and fan out). */
  readonly added: readonly Occurrence[];
  /** New occurrences due before `today` that are not stored: not added. */
  readonly skippedPast: readonly Occurrence[];
}

function hasNote(note: string | null | undefined): boolean {
  return note !== undefined && note !== null && note.trim() !== "";
}

/** Settled: part of the record, never replaced by an edit. */
export function isSettled(occurrence: OccurrenceWithStatus, today: IsoDate): boolean {
  return occurrence.status !== "open" || hasNote(occurrence.note) || occurrence.dueOn < today;
}

export function reconcileOccurrences<T extends OccurrenceWithStatus>(
  oldOccurrences: readonly T[],
  newOccurrences: readonly Occurrence[],
  today: IsoDate,
): ReconcileResult<T> {
  const fresh = new Map(newOccurrences.map((occurrence) => [occurrence.key, occurrence]));
  const stored = new Set<OccurrenceKey>();
  const kept: T[] = [];
  const detached: OccurrenceKey[] = [];
  const removed: T[] = [];

  for (const old of oldOccurrences) {
    if (stored.has(old.key)) continue;
    stored.add(old.key);
    const next = fresh.get(old.key);
    if (isSettled(old, today)) {
      kept.push(old);
      if (next === undefined) detached.push(old.key);
    } else if (next !== undefined) {
      // Same key means same activity and due date; the window, part or roles may have
      // changed with the edit, while status and note (both empty here) stay the record's.
      kept.push({ ...old, ...next, status: old.status, note: old.note });
    } else {
      removed.push(old);
    }
  }

  const added: Occurrence[] = [];
  const skippedPast: Occurrence[] = [];
  for (const occurrence of newOccurrences) {
    if (stored.has(occurrence.key)) continue;
    if (occurrence.dueOn < today) skippedPast.push(occurrence);
    else added.push(occurrence);
  }
  return { kept, detached, removed, added, skippedPast };
}

/**
 * An occurrence's status from its tasks' statuses (stored per task): `done` when every task
 * is done or skipped and at least one is done, `skipped` when all are skipped, `partly`
 * when some are done and some open, `open` otherwise (also with no tasks at all).
 */
export function occurrenceStatusOf(statuses: readonly TaskStatus[]): OccurrenceStatus {
  if (statuses.length === 0) return "open";
  const done = statuses.filter((status) => status === "done").length;
  const skipped = statuses.filter((status) => status === "skipped").length;
  if (skipped === statuses.length) return "skipped";
  if (done + skipped === statuses.length) return "done";
  return done + skipped > 0 ? "partly" : "open";
}
