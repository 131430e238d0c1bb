// The items "where and when" counts (ADR 0117): one per report with a place, from case
// reports, and — once class surveys exist — one per answer that names a place.

import { osloDateOf } from "../../../core/calendar/iso-date.ts";
import { STANDARD_TEMPLATE_ID } from "../../../core/surveys/class/template.ts";
import {
  type Period,
  PLACES,
  type Place,
  type PlaceItem,
  periodWeeks,
  TIMES_OF_DAY,
  type TimeOfDay,
  weekKeyOf,
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
 * The places named in the school's class survey answers in the period: the built-in
 * template's "where did it happen?" question, from surveys that are closed and reached their
 * minimum of answers (the same rule that releases their own results, ADR 0116). Answers carry
 * no date, so each counts in the week the survey opened; they come in as plain items, never
 * with a class, pupil or answer id.
 */
export async function classSurveyPlaceItems(
  db: Db,
  schoolId: string,
  period: Period,
  now: Date = new Date(),
): Promise<PlaceItem[]> {
  const weeks = new Set(periodWeeks(period));
  const surveys = await db
    .selectFrom("class_survey as s")
    .select(["s.id", "s.opens_at", "s.minimum_answers"])
    .select((eb) =>
      eb
        .selectFrom("class_survey_answer as a")
        .select((e) => e.fn.countAll<string>().as("n"))
        .whereRef("a.survey_id", "=", "s.id")
        .as("answers"),
    )
    .where("s.school_id", "=", schoolId)
    .where("s.template_id", "=", STANDARD_TEMPLATE_ID)
    .where("s.closes_at", "<=", now)
    .execute();
  const items: PlaceItem[] = [];
  for (const survey of surveys) {
    if (Number(survey.answers ?? 0) < survey.minimum_answers) continue;
    const week = weekKeyOf(osloDateOf(new Date(survey.opens_at)));
    if (!weeks.has(week)) continue;
    const answers = await db
      .selectFrom("class_survey_answer")
      .select("answer")
      .where("survey_id", "=", survey.id)
      .execute();
    for (const { answer } of answers) {
      const named = (answer as Record<string, unknown>).where;
      if (!Array.isArray(named)) continue;
      for (const place of new Set(named)) {
        if (!(PLACES as readonly unknown[]).includes(place)) continue;
        items.push({ place: place as Place, timeOfDay: null, week, source: "classSurvey" });
      }
    }
  }
  return items;
}
