// The dates of a plan's rounds: the school's action plan says when groups rotate (the
// activity "prev-rotate-buddies", every third or fourth teaching week on a weekday). The
// rounds fall on that rule's dates with the interval the teacher chose, counted on the
// school-year calendar (holiday weeks do not count). Without a published plan the default
// rule of the template applies.
import { addDays, type IsoDate } from "../../core/calendar/iso-date.ts";
import { occurrencesFor } from "../../core/plans/timing.ts";
import type { PlanContent, TimingRule } from "../../core/plans/types.ts";
import type { Lang } from "../../i18n/lang.ts";
import { calendarError } from "../plans/problems.ts";
import { currentSchoolYearId, loadCalendar } from "../plans/store.ts";
import { rotationError } from "./errors.ts";
import type { Q } from "./store.ts";

export const ROTATION_ACTIVITY = "prev-rotate-buddies";
export const MAX_ROUNDS = 20;

export interface RoundDates {
  startsOn: IsoDate;
  endsOn: IsoDate;
}

export interface RotationCalendar {
  schoolYearId: string;
  yearEndsOn: IsoDate;
  /** Every rotation date of the school year, in order. */
  dates: IsoDate[];
}

type EveryNWeeks = Extract<TimingRule, { kind: "everyNWeeks" }>;

/** The plan's rotation rule with the chosen interval, or the default rule. */
export function rotationRule(content: PlanContent | null, weeks: number): EveryNWeeks {
  const activity = content?.parts
    .flatMap((p) => p.activities)
    .find((a) => a.id === ROTATION_ACTIVITY);
  const timing = activity?.timing;
  if (timing?.kind === "everyNWeeks") {
    return {
      ...timing,
      n: weeks,
      min: Math.min(timing.min, weeks),
      max: Math.max(timing.max, weeks),
    };
  }
  return { kind: "everyNWeeks", n: weeks, min: 3, max: 4, weekday: 1, firstWeek: 1 };
}

/** The rotation dates of the school year holding `from` (or the next one). */
export async function rotationCalendar(
  q: Q,
  schoolId: string,
  from: IsoDate,
  weeks: number,
  lang: Lang,
  schoolYearId?: string,
): Promise<RotationCalendar> {
  const yearId = schoolYearId ?? (await currentSchoolYearId(q, schoolId, from));
  const loaded = yearId ? await loadCalendar(q, schoolId, yearId) : null;
  if (!yearId || !loaded) throw rotationError(400, lang, "rotation.noSchoolYear", "startsOn");
  if (!loaded.calendar.ok) throw calendarError(lang, loaded.calendar.error);
  const published = await q
    .selectFrom("action_plan")
    .select("content")
    .where("school_year_id", "=", yearId)
    .where("status", "=", "published")
    .executeTakeFirst();
  const rule = rotationRule((published?.content as PlanContent | undefined) ?? null, weeks);
  const occurrences = occurrencesFor("rotation", rule, loaded.calendar.value);
  const dates = occurrences.ok ? occurrences.value.map((o) => o.dueOn) : [];
  return { schoolYearId: yearId, yearEndsOn: loaded.year.endsOn, dates };
}

/**
 * Up to `max` rounds on the dates after `after` (exclusive) or from `from` (inclusive); each
 * round ends the day before the next starts, the last one at the end of the school year.
 */
export function roundDates(
  calendar: RotationCalendar,
  opts: { from?: IsoDate; after?: IsoDate; max: number },
): RoundDates[] {
  const starts = calendar.dates
    .filter(
      (d) =>
        (opts.from === undefined || d >= opts.from) && (opts.after === undefined || d > opts.after),
    )
    .slice(0, Math.max(0, opts.max));
  return starts.map((startsOn, i) => {
    const next = starts[i + 1];
    return { startsOn, endsOn: next ? addDays(next, -1) : calendar.yearEndsOn };
  });
}

export type RoundStatus = "past" | "current" | "planned";

export function roundStatus(
  round: { startsOn: string; endsOn: string },
  today: string,
): RoundStatus {
  if (round.endsOn < today) return "past";
  if (round.startsOn <= today) return "current";
  return "planned";
}
