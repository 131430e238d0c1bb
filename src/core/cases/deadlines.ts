/**
 * The working-day clock and the case's next step.
 *
 * The plan deadline is N working days (owner setting, 5 by default) after the day the school
 * learned of the case: the Oslo date of the first report is day 0 and counting starts the
 * next day (ADR 0102). Other deadlines are stored on the case when their starting fact is
 * recorded, so `pendingSteps` needs only the case and the current instant.
 *
 * Every open case has at least one pending step, each with a due date (or instant) and an
 * owner (a role or a person); `transition` refuses any command that would leave an open case
 * without one. The steps by status:
 *
 * | status         | steps                                                                 |
 * |----------------|-----------------------------------------------------------------------|
 * | reported       | acknowledge (by the alert's escalation instant)                      |
 * | acknowledged   | investigate (by `investigateBy`: N working days after the school knew) |
 * | investigating  | writePlan (by the plan deadline; or close the case)                   |
 * | measuresActive | communicatePlan, recordPlanResponse, carryOutMeasure×n, evaluate      |
 * | evaluating     | reviseOrClose (N working days after the evaluation)                   |
 *
 * plus, for a §12-5 staff case, ownerDecision (notify the owner or record "obviously
 * unfounded") due the same day the school learned of it; for both §12-5 kinds,
 * immediateMeasures ("straks") due that same day; once acknowledged, assessSeriousness (the
 * principal's one answer, due the day of acknowledging; not on leadership cases, which are
 * the owner's already) and informFamily per pupil (guardians told, or an adult pupil's
 * choice recorded) by `familyInformedBy`.
 */

import type { OwnerRole } from "../access/roles.ts";
import { addDays, type IsoDate, osloDateOf } from "../calendar/iso-date.ts";
import type { WorkingDayCalendar } from "../calendar/working-days.ts";
import type { Reminder } from "./effects.ts";
import { acknowledgeOwnerRole, leadRole } from "./escalation.ts";
import {
  type CaseState,
  currentPlan,
  currentStaffViolationDecision,
  type Instant,
  latestEvaluation,
} from "./types.ts";

/** The day the plan must be in place: the `n`-th working day after `learnedOn`. */
export function planDeadline(learnedOn: IsoDate, n: number, calendar: WorkingDayCalendar): IsoDate {
  return calendar.addWorkingDays(learnedOn, n);
}

export const STEP_KINDS = [
  "acknowledge",
  "ownerDecision",
  "immediateMeasures",
  "assessSeriousness",
  "investigate",
  "informFamily",
  "writePlan",
  "communicatePlan",
  "recordPlanResponse",
  "carryOutMeasure",
  "evaluate",
  "reviseOrClose",
] as const;
export type StepKind = (typeof STEP_KINDS)[number];

export type Due =
  | { readonly type: "instant"; readonly at: Instant }
  /** Due by the end of this Oslo day. */
  | { readonly type: "date"; readonly on: IsoDate };

export type StepOwner =
  | { readonly type: "role"; readonly role: "principal" | "deputy" | OwnerRole }
  | { readonly type: "person"; readonly personId: string };

export interface CaseStep {
  readonly kind: StepKind;
  /** The measure id for `carryOutMeasure`, the pupil id for `informFamily`; otherwise null. */
  readonly ref: string | null;
  readonly due: Due;
  readonly owner: StepOwner;
  readonly overdue: boolean;
}

/** The Oslo date a due falls on (an instant's date in Europe/Oslo). */
export function dueDate(due: Due): IsoDate {
  return due.type === "date" ? due.on : osloDateOf(new Date(due.at));
}

export function isOverdue(due: Due, now: Date): boolean {
  if (due.type === "instant") return now.getTime() > Date.parse(due.at);
  return osloDateOf(now) > due.on;
}

type Pending = Omit<CaseStep, "overdue">;

function collect(c: CaseState): Pending[] {
  if (c.status === "closed") return [];
  const lead: StepOwner = { type: "role", role: leadRole(c.kind) };
  const steps: Pending[] = [];
  const date = (on: IsoDate): Due => ({ type: "date", on });

  if (c.status === "reported") {
    steps.push({
      kind: "acknowledge",
      ref: null,
      due: { type: "instant", at: c.acknowledgeBy },
      owner: { type: "role", role: acknowledgeOwnerRole(c.kind, c.alert.level) },
    });
  }
  if (
    c.kind === "staff-violation" &&
    c.ownerDecisionDueOn !== null &&
    currentStaffViolationDecision(c) === undefined
  ) {
    steps.push({
      kind: "ownerDecision",
      ref: null,
      due: date(c.ownerDecisionDueOn),
      owner: { type: "role", role: "principal" },
    });
  }

  if (
    c.immediateMeasuresDueOn !== null &&
    (c.kind === "staff-violation" || c.kind === "leadership-violation") &&
    c.immediateMeasures.length === 0
  ) {
    steps.push({
      kind: "immediateMeasures",
      ref: null,
      due: date(c.immediateMeasuresDueOn),
      owner: lead,
    });
  }
  if (c.status !== "reported") {
    if (
      c.kind !== "leadership-violation" &&
      c.seriousness === null &&
      c.serious === null &&
      c.acknowledgedAt !== null
    ) {
      steps.push({
        kind: "assessSeriousness",
        ref: null,
        due: date(osloDateOf(new Date(c.acknowledgedAt))),
        owner: { type: "role", role: "principal" },
      });
    }
    if (c.familyInformedBy !== null) {
      for (const pupilId of c.pupils) {
        if (!c.familyInformation.some((f) => f.pupilId === pupilId)) {
          steps.push({
            kind: "informFamily",
            ref: pupilId,
            due: date(c.familyInformedBy),
            owner: lead,
          });
        }
      }
    }
  }

  switch (c.status) {
    case "acknowledged":
      steps.push({ kind: "investigate", ref: null, due: date(c.investigateBy), owner: lead });
      break;
    case "investigating":
      steps.push({ kind: "writePlan", ref: null, due: date(c.planDueOn), owner: lead });
      break;
    case "measuresActive": {
      const plan = currentPlan(c);
      if (plan === undefined) {
        // Unreachable through `transition`; a hand-built state still gets a dated step.
        steps.push({ kind: "writePlan", ref: null, due: date(c.planDueOn), owner: lead });
        break;
      }
      const communicated = c.planCommunications.some((x) => x.revision === plan.revision);
      const answered = c.planResponses.some((x) => x.revision === plan.revision);
      if (!communicated) {
        steps.push({
          kind: "communicatePlan",
          ref: null,
          due: date(plan.communicateBy),
          owner: lead,
        });
      } else if (!answered) {
        steps.push({
          kind: "recordPlanResponse",
          ref: null,
          due: date(plan.communicateBy),
          owner: lead,
        });
      }
      const team = new Set(c.team.map((m) => m.personId));
      for (const m of plan.measures) {
        if (!c.measureLog.some((e) => e.measureId === m.id)) {
          steps.push({
            kind: "carryOutMeasure",
            ref: m.id,
            due: date(m.startsOn),
            // A responsible person who has left the team (e.g. a leader removed when the case
            // became a leadership case) cannot see the case: the lead owns the step until the
            // plan is revised, and no reminder reaches someone who must not know.
            owner: team.has(m.responsiblePersonId)
              ? { type: "person", personId: m.responsiblePersonId }
              : lead,
          });
        }
      }
      steps.push({ kind: "evaluate", ref: null, due: date(plan.evaluateOn), owner: lead });
      break;
    }
    case "evaluating": {
      const evaluation = latestEvaluation(c);
      const decideBy = evaluation?.decideBy ?? c.planDueOn;
      steps.push({ kind: "reviseOrClose", ref: null, due: date(decideBy), owner: lead });
      break;
    }
    default:
      break;
  }
  return steps;
}

/** A pending step with its due date in Oslo, computed once for sorting. */
type Dated = Pending & { readonly dueOn: IsoDate };

function compareSteps(a: Dated, b: Dated): number {
  if (a.dueOn !== b.dueOn) return a.dueOn < b.dueOn ? -1 : 1;
  // On the same day a deadline at an instant comes before one at the end of the day.
  if (a.due.type !== b.due.type) return a.due.type === "instant" ? -1 : 1;
  if (a.due.type === "instant" && b.due.type === "instant" && a.due.at !== b.due.at) {
    return a.due.at < b.due.at ? -1 : 1;
  }
  const ka = STEP_KINDS.indexOf(a.kind);
  const kb = STEP_KINDS.indexOf(b.kind);
  if (ka !== kb) return ka - kb;
  const ra = a.ref ?? "";
  const rb = b.ref ?? "";
  return ra < rb ? -1 : ra > rb ? 1 : 0;
}

function sorted(c: CaseState): Dated[] {
  return collect(c)
    .map((s) => ({ ...s, dueOn: dueDate(s.due) }))
    .sort(compareSteps);
}

/** Every pending step of the case, earliest first. Empty only for a closed case. */
export function pendingSteps(c: CaseState, now: Date): CaseStep[] {
  const today = osloDateOf(now);
  return sorted(c).map(({ dueOn, ...s }) => ({
    ...s,
    overdue: s.due.type === "instant" ? now.getTime() > Date.parse(s.due.at) : today > dueOn,
  }));
}

/** The case's next dated step and its owner; null only for a closed case. */
export function nextStep(c: CaseState, now: Date): CaseStep | null {
  return pendingSteps(c, now)[0] ?? null;
}

/**
 * Reminders for the dated steps: one on the last working day before the due date
 * ("upcoming") and one the day after it ("overdue"). Reminders dated before today are left
 * out: a step already overdue shows as overdue on the case and in the owner's list, and
 * re-sending on every change would only be noise. Instant-due steps (acknowledge) are
 * covered by the alert escalation instead.
 */
export function reminderSchedule(
  c: CaseState,
  now: Date,
  calendar: WorkingDayCalendar,
): Reminder[] {
  const today = osloDateOf(now);
  const reminders: Reminder[] = [];
  for (const step of sorted(c)) {
    if (step.due.type !== "date") continue;
    let before = addDays(step.due.on, -1);
    while (!calendar.isWorkingDay(before)) before = addDays(before, -1);
    if (before >= today) {
      reminders.push({
        step: step.kind,
        ref: step.ref,
        phase: "upcoming",
        on: before,
        owner: step.owner,
        template: "case.stepUpcoming",
      });
    }
    const after = addDays(step.due.on, 1);
    if (after >= today) {
      reminders.push({
        step: step.kind,
        ref: step.ref,
        phase: "overdue",
        on: after,
        owner: step.owner,
        template: "case.stepOverdue",
      });
    }
  }
  return reminders;
}
