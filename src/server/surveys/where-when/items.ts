// The items "where and when" counts (ADR 0117): one per report with a place, from case
// reports, and — once class surveys exist — one per answer that names a place.
import {
  type Period,
  PLACES,
  type Place,
  type PlaceItem,
  periodWeeks,
  TIMES_OF_DAY,
  type TimeOfDay,
} from "../../../core/surveys/where-when/where-when.ts";
import type { Db } from "../../platform/db/database.ts";

/**
 * The places named in the school's case reports in the period. Reports of leadership cases
 * are left out: those cases are hidden from the school's leadership, and a count is a trace.
 */
export async function caseReportPlaceItems(
  db: Db,
  schoolId: string,
  period: Period,
): Promise<PlaceItem[]> {
  const weeks = periodWeeks(period);
  const rows = await db
    .selectFrom("case_report as r")
    .innerJoin("school_case as c", "c.id", "r.case_id")
    .select(["r.place_kind", "r.time_of_day", "r.occurred_week"])
    .where("r.school_id", "=", schoolId)
    .where("r.place_kind", "is not", null)
    .where("r.occurred_week", "in", weeks)
    .where("c.kind", "!=", "leadership-violation")
    .execute();
  return rows
    .filter((r) => (PLACES as readonly string[]).includes(r.place_kind ?? ""))
    .map((r) => ({
      place: r.place_kind as Place,
      timeOfDay: (TIMES_OF_DAY as readonly string[]).includes(r.time_of_day ?? "")
        ? (r.time_of_day as TimeOfDay)
        : null,
      week: r.occurred_week as string,
      source: "caseReport" as const,
    }));
}

/**
 * The places named in the school's class survey answers in the period. Class surveys feed
 * this: their answers are anonymous and already counted per class, so they come in here as
 * plain items (place, time of day, week) — never with a class, pupil or answer id. Returns
 * nothing until the class-survey feature is wired in.
 */
export async function classSurveyPlaceItems(
  _db: Db,
  _schoolId: string,
  _period: Period,
): Promise<PlaceItem[]> {
  return [];
}
