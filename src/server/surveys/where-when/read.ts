// "Hvor og når": the school's where/when aggregates for one half of a school year, above the
// threshold only (src/core/surveys/where-when). The read is audited like any read of the
// school's case material, though what it returns is counts.
import type { Actor } from "../../../core/access/actor.ts";
import { osloDateOf } from "../../../core/calendar/iso-date.ts";
import {
  aggregateWhereWhen,
  DEFAULT_MIN_CELL,
  type Period,
  periodKey,
  periodOf,
  periodWeeks,
  type WhereWhen,
} from "../../../core/surveys/where-when/where-when.ts";
import { appendAudit } from "../../platform/audit.ts";
import type { Db } from "../../platform/db/database.ts";
import { caseReportPlaceItems, classSurveyPlaceItems } from "./items.ts";

export interface WhereWhenView extends WhereWhen {
  period: string;
  /** The periods one may choose: this half-year and the three before it. */
  periods: string[];
}

function previous(p: Period): Period {
  return p.half === "spring"
    ? { year: p.year - 1, half: "autumn" }
    : { year: p.year, half: "spring" };
}

export function recentPeriods(now: Date): Period[] {
  const list = [periodOf(osloDateOf(now))];
  while (list.length < 4) list.push(previous(list[list.length - 1] as Period));
  return list;
}

export async function readWhereWhen(
  db: Db,
  actor: Actor,
  school: { schoolId: string; ownerId: string },
  period: Period,
  opts: { now: Date; requestId: string | null; k?: number },
): Promise<WhereWhenView> {
  const items = [
    ...(await caseReportPlaceItems(db, school.schoolId, period)),
    ...(await classSurveyPlaceItems(db, school.schoolId, period, opts.now)),
  ];
  // The owner's minimum for survey results (ADR 0116) is also the smallest cell shown here.
  const owner = await db
    .selectFrom("school_owner")
    .select("survey_minimum_answers")
    .where("id", "=", school.ownerId)
    .executeTakeFirst();
  const k = opts.k ?? owner?.survey_minimum_answers ?? DEFAULT_MIN_CELL;
  const result = aggregateWhereWhen(items, periodWeeks(period), k);
  await db.transaction().execute(async (tx) => {
    await appendAudit(tx, {
      at: opts.now,
      actorId: actor.personId,
      action: "whereWhen.read",
      resourceType: "school",
      resourceId: school.schoolId,
      schoolId: school.schoolId,
      ownerId: school.ownerId,
      requestId: opts.requestId,
      detail: { period: periodKey(period) },
    });
  });
  return { ...result, period: periodKey(period), periods: recentPeriods(opts.now).map(periodKey) };
}
