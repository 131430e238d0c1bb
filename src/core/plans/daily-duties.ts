/**
 * Daily duties of the action plan (ADR 0118): an activity with `dailyDuty` (the social
 * worker's presence in the canteen, the hall and other common areas) is recorded once per
 * school day as "done today" (with the places covered) or "not today" (no reason needed, a
 * short note allowed). The record is kept per duty and day, is made on the day itself and can
 * be corrected until the day ends; earlier days are closed. Leadership sees the record and
 * the share of school days done per month.
 */
import type { SchoolRole } from "../access/roles.ts";
import type { IsoDate } from "../calendar/iso-date.ts";
import type { SchoolYearCalendar } from "../calendar/school-year.ts";
import type { PlanContent } from "./types.ts";
import { activitiesOf } from "./validate.ts";

export const DUTY_STATUSES = ["done", "notToday"] as const;
export type DutyStatus = (typeof DUTY_STATUSES)[number];

/** The longest note a record may carry: a short remark, not a report. */
export const DUTY_NOTE_MAX = 280;

export interface DailyDuty {
  readonly activityId: string;
  readonly description: string;
  readonly method: string;
  readonly places: readonly string[];
  /** The roles that record it (the activity's role responsibles). */
  readonly roles: readonly SchoolRole[];
}

/** The daily duties of a plan, in plan order. */
export function dailyDutiesOf(content: PlanContent): DailyDuty[] {
  return activitiesOf(content)
    .map(({ activity }) => activity)
    .filter((activity) => activity.dailyDuty !== undefined)
    .map((activity) => ({
      activityId: activity.id,
      description: activity.description,
      method: activity.methods[0] ?? activity.description,
      places: [...(activity.dailyDuty?.places ?? [])],
      roles: activity.responsible.flatMap((r) => (r.kind === "role" ? [r.role] : [])),
    }));
}

export interface DutyRecordInput {
  readonly status: DutyStatus;
  readonly places: readonly string[];
  readonly note?: string | null;
}

export type DutyRecordIssue =
  | "plan.duty.dayClosed"
  | "plan.duty.notSchoolDay"
  | "plan.duty.placesNeeded"
  | "plan.duty.placeUnknown"
  | "plan.duty.noteTooLong";

export interface DutyRecordDecision {
  readonly status: DutyStatus;
  /** The places covered, in the duty's order; empty on a day the duty was not done. */
  readonly places: readonly string[];
  readonly note: string | null;
}

/**
 * Decides a record for `day`, made on `today`: only today, only on a school day (a teaching
 * day: not a weekend, a holiday, a break or a planning day), with places from the duty when
 * done. "Not today" needs no reason and keeps no places.
 */
export function decideDutyRecord(args: {
  duty: DailyDuty;
  calendar: SchoolYearCalendar;
  day: IsoDate;
  today: IsoDate;
  input: DutyRecordInput;
}): { ok: true; value: DutyRecordDecision } | { ok: false; error: DutyRecordIssue } {
  const { duty, calendar, day, today, input } = args;
  if (day !== today) return { ok: false, error: "plan.duty.dayClosed" };
  if (!calendar.isTeachingDay(day)) return { ok: false, error: "plan.duty.notSchoolDay" };
  const note = input.note?.trim() ? input.note.trim() : null;
  if (note !== null && note.length > DUTY_NOTE_MAX) {
    return { ok: false, error: "plan.duty.noteTooLong" };
  }
  if (input.status === "notToday")
    return { ok: true, value: { status: "notToday", places: [], note } };
  if (input.places.some((place) => !duty.places.includes(place))) {
    return { ok: false, error: "plan.duty.placeUnknown" };
  }
  const places = duty.places.filter((place) => input.places.includes(place));
  if (places.length === 0) return { ok: false, error: "plan.duty.placesNeeded" };
  return { ok: true, value: { status: "done", places, note } };
}

export interface DutyMonthShare {
  /** "2026-09" */
  readonly month: string;
  /** School days of the month up to and including `until`. */
  readonly schoolDays: number;
  readonly done: number;
  readonly notToday: number;
  /** School days without a record. */
  readonly missing: number;
  /** done / schoolDays, 0–1 rounded to two decimals; null for a month without school days. */
  readonly share: number | null;
}

/**
 * The share of school days the duty was done, per month of the school year up to `until`.
 * A record on a day that is no school day (it cannot be made, but data may be imported)
 * is not counted.
 */
export function dutyMonthShares(
  records: readonly { day: IsoDate; status: DutyStatus }[],
  calendar: SchoolYearCalendar,
  until: IsoDate,
): DutyMonthShare[] {
  const byDay = new Map(records.map((r) => [r.day, r.status]));
  const months = new Map<string, { schoolDays: number; done: number; notToday: number }>();
  const first = calendar.definition.startsOn;
  for (const day of calendar.teachingDaysBetween(first, until)) {
    const key = day.slice(0, 7);
    const month = months.get(key) ?? { schoolDays: 0, done: 0, notToday: 0 };
    month.schoolDays++;
    const status = byDay.get(day);
    if (status === "done") month.done++;
    if (status === "notToday") month.notToday++;
    months.set(key, month);
  }
  return [...months.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([month, m]) => ({
      month,
      schoolDays: m.schoolDays,
      done: m.done,
      notToday: m.notToday,
      missing: m.schoolDays - m.done - m.notToday,
      share: m.schoolDays === 0 ? null : Math.round((m.done / m.schoolDays) * 100) / 100,
    }));
}
