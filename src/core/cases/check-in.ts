/**
 * Check-ins tied to a case (issue #9, ADR 0117): at a measure plan's evaluation date the
 * pupil the case is about is asked "how is it now?" — not anonymously: the pupil is told that
 * the answer goes to the people working on the case — and the answer lands in the case as the
 * pupil's recorded view (source `checkIn`).
 *
 * Timing: a check-in opens `CHECK_IN_LEAD_WORKING_DAYS` working days before the plan's
 * evaluation date (so the answer is there when the team evaluates) and stays open until
 * `CHECK_IN_OPEN_WORKING_DAYS` working days after it; one per pupil per plan evaluation date.
 * Only while a plan is in force and not yet evaluated (`measuresActive`), only for the pupils
 * the case is about who are still pupils at the school, never on a leadership case (that case
 * is the owner's, hidden from the school's leadership: the owner's case officer hears the
 * pupil directly, and nothing about it may surface in the school's systems).
 *
 * An answer of "no" or "partly" is stored as `feelsSafe: false`: the pupil's own experience
 * decides (§12-2), and the case cannot close on the pupil feeling safe until a later view says
 * so (duty-rules.ts). The leads and the team are told that the case needs them, never what.
 */

import { addDays, type IsoDate, osloDateOf } from "../calendar/iso-date.ts";
import type { WorkingDayCalendar } from "../calendar/working-days.ts";
import type { CaseJob } from "./effects.ts";
import { type CaseError, caseError } from "./errors.ts";
import { alertRecipients, isLeadershipKind } from "./escalation.ts";
import { checkId, oneOf } from "./input.ts";
import type { CaseSettings } from "./settings.ts";
import {
  checkContext,
  finish,
  handlerContext,
  type TransitionContext,
  type TransitionResult,
} from "./transition.ts";
import { type CaseState, currentPlan, type Instant, type PupilView } from "./types.ts";

export const CHECK_IN_ANSWERS = ["yes", "partly", "no"] as const;
export type CheckInAnswer = (typeof CHECK_IN_ANSWERS)[number];

/** Opens this many working days before the evaluation date. */
export const CHECK_IN_LEAD_WORKING_DAYS = 2;
/** Stays open until this many working days after the evaluation date. */
export const CHECK_IN_OPEN_WORKING_DAYS = 10;
/** The pupil's optional words: a short answer, not a document. */
export const CHECK_IN_WORDS_MAX = 2_000;

/** One check-in as stored (the server's `case_check_in` row). */
export interface CheckIn {
  readonly id: string;
  readonly caseId: string;
  readonly pupilId: string;
  /** The plan revision whose evaluation date it belongs to. */
  readonly revision: number;
  readonly evaluateOn: IsoDate;
  readonly opensOn: IsoDate;
  readonly closesOn: IsoDate;
  readonly answeredAt: Instant | null;
}

/** A check-in that should exist now and does not yet. */
export type DueCheckIn = Omit<CheckIn, "id" | "answeredAt">;

/** The window of a plan evaluation date: [opensOn, closesOn], both inclusive. */
export function checkInWindow(
  evaluateOn: IsoDate,
  calendar: WorkingDayCalendar,
): { opensOn: IsoDate; closesOn: IsoDate } {
  // The calendar only counts forward: walk back day by day until LEAD working days lie between.
  let opensOn = evaluateOn;
  for (let i = 0; i < 40; i++) {
    const earlier = addDays(opensOn, -1);
    if (calendar.workingDaysBetween(earlier, evaluateOn) > CHECK_IN_LEAD_WORKING_DAYS) break;
    opensOn = earlier;
  }
  return { opensOn, closesOn: calendar.addWorkingDays(evaluateOn, CHECK_IN_OPEN_WORKING_DAYS) };
}

export function checkInKey(c: Pick<CheckIn, "caseId" | "pupilId" | "evaluateOn">): string {
  return `${c.caseId}|${c.pupilId}|${c.evaluateOn}`;
}

/**
 * The check-ins due at `today` that do not exist yet. `enrolled(pupilId, schoolId)` says
 * whether the pupil still is a pupil at the case's school; `existing` are the stored ones
 * (answered or not), so a second run creates nothing.
 */
export function dueCheckIns(
  cases: readonly CaseState[],
  existing: readonly Pick<CheckIn, "caseId" | "pupilId" | "evaluateOn">[],
  enrolled: (pupilId: string, schoolId: string) => boolean,
  today: IsoDate,
  calendar: WorkingDayCalendar,
): DueCheckIn[] {
  const have = new Set(existing.map(checkInKey));
  const due: DueCheckIn[] = [];
  for (const c of cases) {
    if (c.status !== "measuresActive" || isLeadershipKind(c.kind)) continue;
    const plan = currentPlan(c);
    if (plan === undefined) continue;
    const { opensOn, closesOn } = checkInWindow(plan.evaluateOn, calendar);
    if (today < opensOn || today > closesOn) continue;
    for (const pupilId of c.pupils) {
      const item = {
        caseId: c.id,
        pupilId,
        revision: plan.revision,
        evaluateOn: plan.evaluateOn,
        opensOn,
        closesOn,
      };
      if (have.has(checkInKey(item)) || !enrolled(pupilId, c.schoolId)) continue;
      have.add(checkInKey(item));
      due.push(item);
    }
  }
  return due;
}

/** Can the pupil answer this check-in now? (The same rules the answer is checked with.) */
export function checkInOpen(
  state: Pick<CaseState, "status" | "pupils">,
  checkIn: CheckIn,
  today: IsoDate,
): boolean {
  return (
    checkIn.answeredAt === null &&
    state.status !== "closed" &&
    state.status !== "reported" &&
    state.pupils.includes(checkIn.pupilId) &&
    today >= checkIn.opensOn &&
    today <= checkIn.closesOn
  );
}

export interface CheckInAnswerInput {
  readonly viewId: string;
  readonly answer: CheckInAnswer;
  /** Optional: the pupil's own words. */
  readonly words: string | null;
}

export interface CheckInContext {
  readonly now: Date;
  /** The person answering: must be the check-in's pupil. */
  readonly personId: string;
  readonly calendar: WorkingDayCalendar;
  readonly settings: CaseSettings;
}

export type CheckInResult =
  | (TransitionResult & { readonly ok: true; readonly checkIn: CheckIn })
  | { readonly ok: false; readonly error: CaseError };

/**
 * The pupil answers their check-in: only the pupil themself, only while it is open, once.
 * Adds a pupil view (source `checkIn`); "no" and "partly" notify the leads and the team.
 */
export function recordCheckInAnswer(
  state: CaseState,
  checkIn: CheckIn,
  input: CheckInAnswerInput,
  ctx: CheckInContext,
): CheckInResult {
  const contextError = checkContext(ctx);
  if (contextError) return { ok: false, error: contextError };
  if (checkIn.caseId !== state.id || checkIn.pupilId !== ctx.personId) {
    return { ok: false, error: caseError("checkIn.notYours") };
  }
  if (checkIn.answeredAt !== null)
    return { ok: false, error: caseError("checkIn.alreadyAnswered") };
  const today = osloDateOf(ctx.now);
  if (!checkInOpen(state, checkIn, today))
    return { ok: false, error: caseError("checkIn.notOpen") };
  const words = typeof input.words === "string" ? input.words.trim() : input.words;
  const error =
    checkId(input.viewId, "viewId") ??
    (state.pupilViews.some((v) => v.id === input.viewId)
      ? caseError("input.duplicateId", { field: "viewId" })
      : null) ??
    (oneOf(input.answer, CHECK_IN_ANSWERS)
      ? null
      : caseError("input.invalidValue", { field: "answer" })) ??
    (words === null || (typeof words === "string" && words.length <= CHECK_IN_WORDS_MAX)
      ? null
      : caseError("input.textTooLong", { field: "words", max: CHECK_IN_WORDS_MAX }));
  if (error) return { ok: false, error };

  const actor = { personId: ctx.personId, grants: [] };
  const tctx: TransitionContext = { ...ctx, actor };
  const h = handlerContext(tctx);
  const feelsSafe = input.answer === "yes";
  const view: PupilView = {
    id: input.viewId,
    pupilId: checkIn.pupilId,
    heardOn: today,
    words: words ?? "",
    feelsSafe,
    source: "checkIn",
    checkInAnswer: input.answer,
    recordedAt: h.at,
    recordedBy: ctx.personId,
  };
  const jobs: CaseJob[] = feelsSafe
    ? []
    : [
        ...alertRecipients(state, 0),
        ...state.team.map((m) => ({ type: "person" as const, personId: m.personId })),
      ].map((recipient) => ({
        type: "notify" as const,
        caseId: state.id,
        recipient,
        template: "case.checkInNotSafe" as const,
      }));
  const result = finish(
    state,
    {
      next: { ...state, pupilViews: [...state.pupilViews, view] },
      events: [
        [
          "case.checkInAnswered",
          { viewId: view.id, pupilId: view.pupilId, checkInId: checkIn.id, feelsSafe },
        ],
      ],
      jobs,
    },
    tctx,
    h,
  );
  if (!result.ok) return result;
  return { ...result, checkIn: { ...checkIn, answeredAt: h.at } };
}
