// The school owner's view of how its schools keep the duty to act (opplæringslova §12-4 and
// §12-5): counts and shares per school and for the whole owner, never a pupil. The figures are
// the ones Statsforvalteren's supervision asks about first: was the plan made within its
// deadline, was the investigation started in time, and what is overdue now.
//
// Definitions (also in ADR 0120):
// - A case belongs to the period in which the school knew of it (`learnedOn`).
// - "Plan due": the plan deadline has passed, or a plan exists. Cases closed before their plan
//   deadline without a plan (the pupil feels safe, no case to answer, …) and cases joined into
//   another case are not due a plan. "On time": the first plan was saved on or before the
//   deadline (Oslo date).
// - "Investigation due" and "on time" likewise against `investigateBy`; the investigation
//   starts with the first investigation note, conversation with a pupil, or recorded reason a
//   pupil could not be heard.
// - Working days to plan are counted from the day the school knew to the day the first plan
//   was saved, on the owner's working-day calendar; the median is over cases with a plan.
import { type IsoDate, osloDateOf } from "../calendar/iso-date.ts";
import type { WorkingDayCalendar } from "../calendar/working-days.ts";
import { pendingSteps } from "../cases/deadlines.ts";
import { CASE_KINDS, type CaseKind, type CaseState } from "../cases/types.ts";

/** What the owner's figures need from one case: no names, no text. */
export interface CaseFacts {
  readonly schoolId: string;
  readonly kind: CaseKind;
  readonly open: boolean;
  readonly serious: boolean;
  readonly learnedOn: IsoDate;
  readonly planDueOn: IsoDate;
  readonly firstPlanOn: IsoDate | null;
  readonly investigateBy: IsoDate;
  readonly investigationStartedOn: IsoDate | null;
  readonly closedOn: IsoDate | null;
  /** Joined into another case: counted there. */
  readonly joined: boolean;
  readonly overdueSteps: number;
}

const dateOf = (instant: string): IsoDate => osloDateOf(new Date(instant));

const earliest = (dates: readonly IsoDate[]): IsoDate | null =>
  dates.length === 0 ? null : ([...dates].sort()[0] ?? null);

export function caseFacts(c: CaseState, now: Date): CaseFacts {
  const firstPlan = c.planRevisions[0];
  return {
    schoolId: c.schoolId,
    kind: c.kind,
    open: c.status !== "closed",
    serious: c.serious !== null || c.seriousness?.serious === true,
    learnedOn: c.learnedOn,
    planDueOn: c.planDueOn,
    firstPlanOn: firstPlan ? dateOf(firstPlan.savedAt) : null,
    investigateBy: c.investigateBy,
    investigationStartedOn: earliest([
      ...c.investigationNotes.map((n) => dateOf(n.recordedAt)),
      ...c.pupilViews.filter((v) => v.source === "conversation").map((v) => dateOf(v.recordedAt)),
      ...c.pupilsNotHeard.map((n) => dateOf(n.recordedAt)),
    ]),
    closedOn: c.closedAt ? dateOf(c.closedAt) : null,
    joined: c.closure?.type === "joined",
    overdueSteps: pendingSteps(c, now).filter((s) => s.overdue).length,
  };
}

export interface Share {
  /** Cases the rule applied to. */
  readonly due: number;
  readonly onTime: number;
  /** onTime / due, or null when nothing was due (never shown as 0 %). */
  readonly share: number | null;
}

export interface ComplianceFigures {
  /** Cases the school knew of in the period (joined cases not counted twice). */
  readonly cases: number;
  /** Open now, whatever period they started in. */
  readonly openNow: number;
  readonly serious: number;
  readonly plan: Share;
  readonly investigation: Share;
  readonly medianWorkingDaysToPlan: number | null;
  /** Overdue steps in open cases now. */
  readonly overdueSteps: number;
  readonly casesWithOverdueSteps: number;
  readonly byKind: Readonly<Record<CaseKind, number>>;
  /** "YYYY-MM" → cases the school knew of that month, every month of the period listed. */
  readonly byMonth: Readonly<Record<string, number>>;
}

export interface Period {
  /** First and last day, inclusive (a school year: 1 August – 31 July). */
  readonly from: IsoDate;
  readonly to: IsoDate;
}

function share(due: number, onTime: number): Share {
  return { due, onTime, share: due === 0 ? null : onTime / due };
}

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

function monthsOf(period: Period): string[] {
  const months: string[] = [];
  let [y, m] = period.from.slice(0, 7).split("-").map(Number) as [number, number];
  const last = period.to.slice(0, 7);
  for (;;) {
    const key = `${y}-${String(m).padStart(2, "0")}`;
    months.push(key);
    if (key >= last || months.length > 240) return months;
    m += 1;
    if (m === 13) {
      m = 1;
      y += 1;
    }
  }
}

/** The figures for one set of cases (one school, or the whole owner). */
export function complianceFigures(
  facts: readonly CaseFacts[],
  period: Period,
  today: IsoDate,
  calendar: WorkingDayCalendar,
): ComplianceFigures {
  const inPeriod = facts.filter(
    (f) => !f.joined && f.learnedOn >= period.from && f.learnedOn <= period.to,
  );
  const planDue = inPeriod.filter(
    (f) =>
      f.firstPlanOn !== null ||
      (f.planDueOn < today && !(f.closedOn !== null && f.closedOn <= f.planDueOn)),
  );
  const investigationDue = inPeriod.filter(
    (f) =>
      f.investigationStartedOn !== null ||
      (f.investigateBy < today && !(f.closedOn !== null && f.closedOn <= f.investigateBy)),
  );
  const byKind = Object.fromEntries(CASE_KINDS.map((k) => [k, 0])) as Record<CaseKind, number>;
  const byMonth: Record<string, number> = Object.fromEntries(monthsOf(period).map((m) => [m, 0]));
  for (const f of inPeriod) {
    byKind[f.kind] += 1;
    const month = f.learnedOn.slice(0, 7);
    if (month in byMonth) byMonth[month] = (byMonth[month] ?? 0) + 1;
  }
  const openNow = facts.filter((f) => f.open);
  return {
    cases: inPeriod.length,
    openNow: openNow.length,
    serious: inPeriod.filter((f) => f.serious).length,
    plan: share(
      planDue.length,
      planDue.filter((f) => f.firstPlanOn !== null && f.firstPlanOn <= f.planDueOn).length,
    ),
    investigation: share(
      investigationDue.length,
      investigationDue.filter(
        (f) => f.investigationStartedOn !== null && f.investigationStartedOn <= f.investigateBy,
      ).length,
    ),
    medianWorkingDaysToPlan: median(
      inPeriod.flatMap((f) =>
        f.firstPlanOn === null
          ? []
          : [Math.max(0, calendar.workingDaysBetween(f.learnedOn, f.firstPlanOn))],
      ),
    ),
    overdueSteps: openNow.reduce((n, f) => n + f.overdueSteps, 0),
    casesWithOverdueSteps: openNow.filter((f) => f.overdueSteps > 0).length,
    byKind,
    byMonth,
  };
}

export interface SchoolCompliance {
  readonly schoolId: string;
  readonly figures: ComplianceFigures;
}

/** Per school (every listed school, also those without cases) and for the owner as a whole. */
export function ownerCompliance(
  schoolIds: readonly string[],
  facts: readonly CaseFacts[],
  period: Period,
  today: IsoDate,
  calendar: WorkingDayCalendar,
): { schools: SchoolCompliance[]; total: ComplianceFigures } {
  const known = new Set(schoolIds);
  const own = facts.filter((f) => known.has(f.schoolId));
  return {
    schools: schoolIds.map((schoolId) => ({
      schoolId,
      figures: complianceFigures(
        own.filter((f) => f.schoolId === schoolId),
        period,
        today,
        calendar,
      ),
    })),
    total: complianceFigures(own, period, today, calendar),
  };
}

/** The school year (1 August – 31 July) a date falls in, e.g. 2026-12-07 → 2026-08-01…2027-07-31. */
export function schoolYearOf(date: IsoDate): Period & { label: string } {
  const year = Number(date.slice(0, 4));
  const start = date.slice(5) >= "08-01" ? year : year - 1;
  return {
    from: `${start}-08-01` as IsoDate,
    to: `${start + 1}-07-31` as IsoDate,
    label: `${start}-${start + 1}`,
  };
}
