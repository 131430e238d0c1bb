/**
 * Timing rules → dated occurrences in one school year.
 *
 * Vocabulary (from src/core/calendar/school-year.ts): a *teaching day* is a day with pupils;
 * a *school day* here is a teaching day or a staff planning day, i.e. a working day inside
 * the school year that is not in a school holiday. Every occurrence is due on a school day,
 * and every rule except `beforeSchoolStarts` (and `relative`/`byDate` anchored there) lands
 * on a teaching day. A *teaching week* is an ISO week with at least one teaching day (inside
 * the rule's period); holiday weeks do not count, so "every third week" means every third
 * week with pupils.
 *
 * Two kinds of failure, both reported as `PlanIssue`s with stable codes, all at once:
 * a rule malformed on its own (`validateTimingRule`), and a rule that this school year
 * cannot satisfy (a month that is all holiday, more meetings than teaching weeks, …).
 */

import type { Result } from "../calendar/errors.ts";
import {
  addDays,
  compareIsoDate,
  type IsoDate,
  isIsoDate,
  isoDateOf,
  isoDateParts,
  weekday,
} from "../calendar/iso-date.ts";
import type { SchoolYearCalendar } from "../calendar/school-year.ts";
import { type PlanIssue, planIssue } from "./errors.ts";
import type {
  ActivityId,
  MonthDay,
  OccurrenceKey,
  OccurrenceKind,
  RuleOccurrence,
  RulePeriod,
  TimingRule,
} from "./types.ts";

/** Bounds that keep a typo from producing nonsense; a school year has ~38 teaching weeks. */
export const TIMING_BOUNDS = {
  daysBefore: { min: 1, max: 30 },
  weeks: { min: 1, max: 10 },
  n: { min: 1, max: 52 },
  k: { min: 1, max: 200 },
  checkInEveryWeeks: { min: 1, max: 52 },
  offsetDays: { min: -366, max: 366 },
} as const;

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const MONTH_DAY_PATTERN = /^(\d{2})-(\d{2})$/;

export function occurrenceKey(activityId: ActivityId, dueOn: IsoDate): OccurrenceKey {
  return `${activityId}@${dueOn}`;
}

/** True for `MM-DD` naming a day that exists in some year (so `02-29` is allowed). */
export function isMonthDay(value: unknown): value is MonthDay {
  if (typeof value !== "string") return false;
  const match = MONTH_DAY_PATTERN.exec(value);
  if (match === null) return false;
  const month = Number(match[1]);
  const day = Number(match[2]);
  const max = DAYS_IN_MONTH[month - 1];
  return max !== undefined && day >= 1 && day <= max;
}

/**
 * The dates `MM-DD` names inside the school year, in order (one, or two when a year is
 * longer than a calendar year). 29 February becomes 28 February in a common year, so a
 * "by 29 February" deadline still exists.
 */
export function monthDayDates(monthDay: MonthDay, calendar: SchoolYearCalendar): IsoDate[] {
  const { startsOn, endsOn } = calendar.definition;
  const month = monthDay.slice(0, 2);
  const day = monthDay.slice(3, 5);
  const dates: IsoDate[] = [];
  for (let year = isoDateParts(startsOn).year; year <= isoDateParts(endsOn).year; year++) {
    const yyyy = String(year).padStart(4, "0");
    let candidate = `${yyyy}-${month}-${day}`;
    if (!isIsoDate(candidate) && month === "02" && day === "29") candidate = `${yyyy}-02-28`;
    if (isIsoDate(candidate) && candidate >= startsOn && candidate <= endsOn) {
      dates.push(candidate);
    }
  }
  return dates;
}

/** A teaching or planning day: a working day in the year that is not in a school holiday. */
export function isSchoolDay(calendar: SchoolYearCalendar, date: IsoDate): boolean {
  const status = calendar.dayStatus(date);
  return status === "teachingDay" || status === "planningDay";
}

// ---------------------------------------------------------------------------------------
// Static validation
// ---------------------------------------------------------------------------------------

function isIntegerIn(value: unknown, min: number, max: number): value is number {
  return typeof value === "number" && Number.isInteger(value) && value >= min && value <= max;
}

function checkWeekday(value: unknown, path: string, issues: PlanIssue[]): void {
  // Saturday and Sunday are never teaching days, so a weekend weekday would be silently
  // moved every single week; refusing it is clearer.
  if (!isIntegerIn(value, 1, 5)) {
    issues.push(planIssue("plan.timing.invalidWeekday", path, { value: String(value) }));
  }
}

function checkPeriod(period: RulePeriod | undefined, path: string, issues: PlanIssue[]): void {
  if (period === undefined) return;
  for (const end of ["from", "to"] as const) {
    const value = period[end];
    if (value !== undefined && !isMonthDay(value)) {
      issues.push(
        planIssue("plan.timing.invalidMonthDay", `${path}.period.${end}`, { value: String(value) }),
      );
    }
  }
}

function checkRange(
  min: unknown,
  max: unknown,
  bounds: { min: number; max: number },
  path: string,
  issues: PlanIssue[],
): boolean {
  if (
    !isIntegerIn(min, bounds.min, bounds.max) ||
    !isIntegerIn(max, bounds.min, bounds.max) ||
    min > max
  ) {
    issues.push(
      planIssue("plan.timing.invalidRange", path, { min: String(min), max: String(max) }),
    );
    return false;
  }
  return true;
}

/**
 * Problems a rule has on its own, whatever the school year. Plan-level problems (unknown
 * or cyclic `relative` targets) are checked in validate.ts.
 */
export function validateTimingRule(rule: TimingRule, path = "timing"): PlanIssue[] {
  const issues: PlanIssue[] = [];
  switch (rule.kind) {
    case "beforeSchoolStarts": {
      const { min, max } = TIMING_BOUNDS.daysBefore;
      if (rule.daysBefore !== undefined && !isIntegerIn(rule.daysBefore, min, max)) {
        issues.push(
          planIssue("plan.timing.invalidDaysBefore", `${path}.daysBefore`, {
            value: String(rule.daysBefore),
            min,
            max,
          }),
        );
      }
      break;
    }
    case "firstSchoolWeek": {
      const { min, max } = TIMING_BOUNDS.weeks;
      if (rule.weeks !== undefined && !isIntegerIn(rule.weeks, min, max)) {
        issues.push(
          planIssue("plan.timing.invalidWeeks", `${path}.weeks`, {
            value: String(rule.weeks),
            min,
            max,
          }),
        );
      }
      break;
    }
    case "month":
      if (!isIntegerIn(rule.month, 1, 12)) {
        issues.push(
          planIssue("plan.timing.invalidMonth", `${path}.month`, { value: String(rule.month) }),
        );
      }
      break;
    case "byDate":
      if (!isMonthDay(rule.monthDay)) {
        issues.push(
          planIssue("plan.timing.invalidMonthDay", `${path}.monthDay`, {
            value: String(rule.monthDay),
          }),
        );
      }
      break;
    case "weekly":
      checkWeekday(rule.weekday, `${path}.weekday`, issues);
      checkPeriod(rule.period, path, issues);
      break;
    case "everyNWeeks": {
      const bounds = TIMING_BOUNDS.n;
      if (!isIntegerIn(rule.n, bounds.min, bounds.max)) {
        issues.push(
          planIssue("plan.timing.invalidN", `${path}.n`, {
            value: String(rule.n),
            min: bounds.min,
            max: bounds.max,
          }),
        );
      } else if (checkRange(rule.min, rule.max, bounds, `${path}.min`, issues)) {
        if (rule.n < rule.min || rule.n > rule.max) {
          issues.push(
            planIssue("plan.timing.nOutOfRange", `${path}.n`, {
              value: rule.n,
              min: rule.min,
              max: rule.max,
            }),
          );
        }
      }
      checkWeekday(rule.weekday, `${path}.weekday`, issues);
      if (rule.firstWeek !== undefined && !isIntegerIn(rule.firstWeek, 1, 53)) {
        issues.push(
          planIssue("plan.timing.invalidFirstWeek", `${path}.firstWeek`, {
            value: String(rule.firstWeek),
          }),
        );
      }
      checkPeriod(rule.period, path, issues);
      break;
    }
    case "timesPerYear": {
      const bounds = TIMING_BOUNDS.k;
      if (!isIntegerIn(rule.k, bounds.min, bounds.max)) {
        issues.push(
          planIssue("plan.timing.invalidK", `${path}.k`, {
            value: String(rule.k),
            min: bounds.min,
            max: bounds.max,
          }),
        );
      } else if (rule.min !== undefined || rule.max !== undefined) {
        const min = rule.min ?? bounds.min;
        const max = rule.max ?? bounds.max;
        if (checkRange(min, max, bounds, `${path}.min`, issues) && (rule.k < min || rule.k > max)) {
          issues.push(
            planIssue("plan.timing.kOutOfRange", `${path}.k`, { value: rule.k, min, max }),
          );
        }
      }
      checkPeriod(rule.period, path, issues);
      break;
    }
    case "continuous": {
      const { min, max } = TIMING_BOUNDS.checkInEveryWeeks;
      if (!isIntegerIn(rule.checkInEveryWeeks, min, max)) {
        issues.push(
          planIssue("plan.timing.invalidCheckInInterval", `${path}.checkInEveryWeeks`, {
            value: String(rule.checkInEveryWeeks),
            min,
            max,
          }),
        );
      }
      checkPeriod(rule.period, path, issues);
      break;
    }
    case "relative": {
      const { min, max } = TIMING_BOUNDS.offsetDays;
      if (!isIntegerIn(rule.offsetDays, min, max)) {
        issues.push(
          planIssue("plan.timing.invalidOffset", `${path}.offsetDays`, {
            value: String(rule.offsetDays),
            min,
            max,
          }),
        );
      }
      break;
    }
    case "caseRoutine":
      if (rule.caseKinds.length === 0) {
        issues.push(planIssue("plan.timing.noCaseKinds", `${path}.caseKinds`));
      }
      break;
  }
  return issues;
}

// ---------------------------------------------------------------------------------------
// Scheduling
// ---------------------------------------------------------------------------------------

interface Slot {
  readonly kind: OccurrenceKind;
  readonly windowStartsOn: IsoDate;
  readonly dueOn: IsoDate;
}

type SlotResult = Result<readonly Slot[], readonly PlanIssue[]>;

function fail(issue: PlanIssue): SlotResult {
  return { ok: false, error: [issue] };
}

/** The teaching weeks of [from, to]: each week's teaching days inside the range, in order. */
function teachingWeeksIn(calendar: SchoolYearCalendar, from: IsoDate, to: IsoDate): IsoDate[][] {
  const weeks: IsoDate[][] = [];
  for (const week of calendar.weeks) {
    if (week.sunday < from || week.monday > to) continue;
    const days = week.teachingDays.filter((day) => day >= from && day <= to);
    if (days.length > 0) weeks.push(days);
  }
  return weeks;
}

/** The teaching day of a week closest to `wanted`: that weekday, else later, else earlier. */
function dayInWeek(days: readonly IsoDate[], wanted: number): IsoDate {
  const onOrAfter = days.find((day) => weekday(day) >= wanted);
  const chosen = onOrAfter ?? days[days.length - 1];
  if (chosen === undefined) throw new Error("unreachable: a teaching week has teaching days");
  return chosen;
}

function first<T>(items: readonly T[]): T {
  const item = items[0];
  if (item === undefined) throw new Error("unreachable: non-empty list");
  return item;
}

function last<T>(items: readonly T[]): T {
  const item = items[items.length - 1];
  if (item === undefined) throw new Error("unreachable: non-empty list");
  return item;
}

type PeriodResult = Result<{ from: IsoDate; to: IsoDate; weeks: IsoDate[][] }, PlanIssue>;

function resolvePeriod(
  period: RulePeriod | undefined,
  calendar: SchoolYearCalendar,
  path: string,
): PeriodResult {
  const { startsOn, endsOn } = calendar.definition;
  let from = startsOn;
  let to = endsOn;
  if (period?.from !== undefined) {
    const dates = monthDayDates(period.from, calendar);
    if (dates.length === 0) {
      return {
        ok: false,
        error: planIssue("plan.timing.dateOutsideYear", `${path}.period.from`, {
          monthDay: period.from,
        }),
      };
    }
    from = first(dates);
  }
  if (period?.to !== undefined) {
    const dates = monthDayDates(period.to, calendar);
    if (dates.length === 0) {
      return {
        ok: false,
        error: planIssue("plan.timing.dateOutsideYear", `${path}.period.to`, {
          monthDay: period.to,
        }),
      };
    }
    to = last(dates);
  }
  if (to < from) {
    return {
      ok: false,
      error: planIssue("plan.timing.endBeforeStart", `${path}.period.to`, { from, to }),
    };
  }
  const weeks = teachingWeeksIn(calendar, from, to);
  if (weeks.length === 0) {
    return {
      ok: false,
      error: planIssue("plan.timing.periodAllHoliday", `${path}.period`, { from, to }),
    };
  }
  return { ok: true, value: { from, to, weeks } };
}

/** Moves `date` to a school day inside the year, in `direction`; undefined when it leaves the year. */
function snapToSchoolDay(
  calendar: SchoolYearCalendar,
  date: IsoDate,
  direction: 1 | -1,
): IsoDate | undefined {
  let day = date;
  while (calendar.contains(day) || (direction === 1 && day < calendar.definition.startsOn)) {
    if (isSchoolDay(calendar, day)) return day;
    day = addDays(day, direction);
  }
  return undefined;
}

function slotsFor(
  rule: Exclude<TimingRule, { kind: "caseRoutine" | "relative" }>,
  calendar: SchoolYearCalendar,
  path: string,
): SlotResult {
  const { startsOn } = calendar.definition;
  switch (rule.kind) {
    case "beforeSchoolStarts": {
      const daysBefore = rule.daysBefore ?? 1;
      const candidates: IsoDate[] = [];
      for (
        let day = addDays(calendar.firstTeachingDay, -1);
        day >= startsOn;
        day = addDays(day, -1)
      ) {
        if (isSchoolDay(calendar, day)) candidates.push(day);
      }
      const due = candidates[daysBefore - 1];
      if (due === undefined) {
        return fail(
          planIssue("plan.timing.noDayBeforeSchoolStarts", `${path}.daysBefore`, {
            daysBefore,
            available: candidates.length,
            firstTeachingDay: calendar.firstTeachingDay,
          }),
        );
      }
      return { ok: true, value: [{ kind: "due", windowStartsOn: last(candidates), dueOn: due }] };
    }
    case "firstSchoolWeek": {
      const weeks = rule.weeks ?? 1;
      const teachingWeeks = teachingWeeksIn(calendar, startsOn, calendar.definition.endsOn);
      const week = teachingWeeks[weeks - 1];
      if (week === undefined) {
        return fail(
          planIssue("plan.timing.notEnoughTeachingWeeks", `${path}.weeks`, {
            needed: weeks,
            available: teachingWeeks.length,
          }),
        );
      }
      return {
        ok: true,
        value: [{ kind: "due", windowStartsOn: calendar.firstTeachingDay, dueOn: last(week) }],
      };
    }
    case "month": {
      const { startsOn: yearStart, endsOn: yearEnd } = calendar.definition;
      let inYear = false;
      for (let year = isoDateParts(yearStart).year; year <= isoDateParts(yearEnd).year; year++) {
        const monthStart = isoDateOf(year, rule.month, 1);
        const nextMonthStart =
          rule.month === 12 ? isoDateOf(year + 1, 1, 1) : isoDateOf(year, rule.month + 1, 1);
        const monthEnd = addDays(nextMonthStart, -1);
        if (monthEnd < yearStart || monthStart > yearEnd) continue;
        inYear = true;
        const days = calendar.teachingDaysBetween(monthStart, monthEnd);
        if (days.length === 0) continue;
        const firstDay = first(days);
        const dueOn = rule.which === "start" ? firstDay : last(days);
        return { ok: true, value: [{ kind: "due", windowStartsOn: firstDay, dueOn }] };
      }
      return fail(
        planIssue(
          inYear ? "plan.timing.monthAllHoliday" : "plan.timing.monthOutsideYear",
          `${path}.month`,
          { month: rule.month },
        ),
      );
    }
    case "byDate": {
      const dates = monthDayDates(rule.monthDay, calendar);
      const date = dates[0];
      if (date === undefined) {
        return fail(
          planIssue("plan.timing.dateOutsideYear", `${path}.monthDay`, { monthDay: rule.monthDay }),
        );
      }
      const due = snapToSchoolDay(calendar, date, -1);
      if (due === undefined) {
        return fail(planIssue("plan.timing.noSchoolDayByDate", `${path}.monthDay`, { date }));
      }
      return { ok: true, value: [{ kind: "due", windowStartsOn: due, dueOn: due }] };
    }
    case "weekly": {
      const period = resolvePeriod(rule.period, calendar, path);
      if (!period.ok) return fail(period.error);
      return {
        ok: true,
        value: period.value.weeks.map((days) => {
          const due = dayInWeek(days, rule.weekday);
          return { kind: "due", windowStartsOn: due, dueOn: due };
        }),
      };
    }
    case "everyNWeeks": {
      const period = resolvePeriod(rule.period, calendar, path);
      if (!period.ok) return fail(period.error);
      const { weeks } = period.value;
      const firstWeek = rule.firstWeek ?? 1;
      if (firstWeek > weeks.length) {
        return fail(
          planIssue("plan.timing.notEnoughTeachingWeeks", `${path}.firstWeek`, {
            needed: firstWeek,
            available: weeks.length,
          }),
        );
      }
      const slots: Slot[] = [];
      for (let index = firstWeek - 1; index < weeks.length; index += rule.n) {
        const due = dayInWeek(weeks[index] ?? [], rule.weekday);
        slots.push({ kind: "due", windowStartsOn: due, dueOn: due });
      }
      return { ok: true, value: slots };
    }
    case "timesPerYear": {
      const period = resolvePeriod(rule.period, calendar, path);
      if (!period.ok) return fail(period.error);
      const { weeks } = period.value;
      const total = weeks.length;
      if (rule.k > total) {
        return fail(
          planIssue("plan.timing.tooManyTimes", `${path}.k`, { k: rule.k, teachingWeeks: total }),
        );
      }
      // Split the teaching weeks into k equal segments; each occurrence may start at its
      // segment's first day and is due at the end of the segment's middle week, so four
      // meetings a year land roughly in October, December, March and May.
      const slots: Slot[] = [];
      for (let i = 0; i < rule.k; i++) {
        const segmentStart = weeks[Math.floor((i * total) / rule.k)] ?? [];
        const middle = weeks[Math.floor(((2 * i + 1) * total) / (2 * rule.k))] ?? [];
        slots.push({ kind: "due", windowStartsOn: first(segmentStart), dueOn: last(middle) });
      }
      return { ok: true, value: slots };
    }
    case "continuous": {
      const period = resolvePeriod(rule.period, calendar, path);
      if (!period.ok) return fail(period.error);
      const { weeks } = period.value;
      const every = rule.checkInEveryWeeks;
      // A check-in closes each block of `every` teaching weeks and looks back over it. A
      // period shorter than one block still gets one check-in at its end.
      const ends: number[] = [];
      for (let index = every - 1; index < weeks.length; index += every) ends.push(index);
      if (ends.length === 0) ends.push(weeks.length - 1);
      return {
        ok: true,
        value: ends.map((end) => ({
          kind: "checkIn" as const,
          windowStartsOn: first(weeks[Math.max(0, end - every + 1)] ?? []),
          dueOn: last(weeks[end] ?? []),
        })),
      };
    }
  }
}

function relativeSlots(
  rule: Extract<TimingRule, { kind: "relative" }>,
  calendar: SchoolYearCalendar,
  anchors: ReadonlyMap<ActivityId, readonly RuleOccurrence[]>,
  path: string,
): SlotResult {
  const targets = anchors.get(rule.activityId);
  if (targets === undefined) {
    return fail(
      planIssue("plan.timing.unknownActivity", `${path}.activityId`, {
        target: rule.activityId,
      }),
    );
  }
  if (targets.length === 0) {
    return fail(
      planIssue("plan.timing.relativeToUndated", `${path}.activityId`, {
        target: rule.activityId,
      }),
    );
  }
  // Snap away from the anchor: "3 days after" never becomes "before", and vice versa.
  const direction = rule.offsetDays >= 0 ? 1 : -1;
  const slots: Slot[] = [];
  const seen = new Set<IsoDate>();
  for (const target of targets) {
    const due = snapToSchoolDay(calendar, addDays(target.dueOn, rule.offsetDays), direction);
    // Two anchors can snap onto the same day around a holiday; one occurrence is enough.
    if (due === undefined || seen.has(due)) continue;
    seen.add(due);
    const window = snapToSchoolDay(calendar, addDays(target.windowStartsOn, rule.offsetDays), 1);
    const windowStartsOn = window === undefined || window > due ? due : window;
    slots.push({ kind: target.kind, windowStartsOn, dueOn: due });
  }
  if (slots.length === 0) {
    return fail(
      planIssue("plan.timing.noOccurrences", `${path}.offsetDays`, {
        target: rule.activityId,
        offsetDays: rule.offsetDays,
      }),
    );
  }
  return { ok: true, value: slots };
}

/**
 * The dated occurrences of one activity's rule in a school year, sorted by due date, with
 * stable keys `${activityId}@${dueOn}` and 1-based sequence numbers. `caseRoutine` rules
 * have none (the case workflow dates them per case).
 *
 * A `relative` rule needs its target's occurrences in `anchors` (schedulePlan computes the
 * targets first); a target present with no occurrences is `plan.timing.relativeToUndated`.
 */
export function occurrencesFor(
  activityId: ActivityId,
  rule: TimingRule,
  calendar: SchoolYearCalendar,
  anchors: ReadonlyMap<ActivityId, readonly RuleOccurrence[]> = new Map(),
  path = "timing",
): Result<readonly RuleOccurrence[], readonly PlanIssue[]> {
  const withActivity = (issues: readonly PlanIssue[]): readonly PlanIssue[] =>
    issues.map((issue) => ({ ...issue, activityId }));

  const invalid = validateTimingRule(rule, path);
  if (invalid.length > 0) return { ok: false, error: withActivity(invalid) };
  if (rule.kind === "caseRoutine") return { ok: true, value: [] };

  const slots =
    rule.kind === "relative"
      ? relativeSlots(rule, calendar, anchors, path)
      : slotsFor(rule, calendar, path);
  if (!slots.ok) return { ok: false, error: withActivity(slots.error) };

  const sorted = [...slots.value].sort((a, b) => compareIsoDate(a.dueOn, b.dueOn));
  return {
    ok: true,
    value: sorted.map((slot, index) => ({
      key: occurrenceKey(activityId, slot.dueOn),
      activityId,
      kind: slot.kind,
      sequence: index + 1,
      windowStartsOn: slot.windowStartsOn,
      dueOn: slot.dueOn,
    })),
  };
}
