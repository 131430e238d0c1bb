/**
 * The rules that keep a school from closing, planning or waiting its way into a breach of
 * the duty to act (issue #8, ADR 0113). Each rule is a pure check used by the handlers, so it
 * holds on every path that changes a case; each refusal names the rule and never suggests a
 * way around it.
 *
 * - Heard before the plan (§10-1): every pupil the case is about has a view recorded by the
 *   school (not only what a reporter passed on), or a recorded reason why they could not be
 *   heard.
 * - Assessed before the plan (§10-2): a best-interest assessment made after the latest view.
 * - Closing only when the duty has ended: a fixed ground; never while a pupil's latest word
 *   is "not safe" (§12-2) unless the pupil has left the school; never without an
 *   investigation note and every pupil heard or excused; "other" is the principal's own.
 * - Time runs from when the school knew: a registered oral report says when the school was
 *   told, not in the future and at most 30 days back.
 */

import { ownerRolesAt, schoolRolesAt } from "../access/actor.ts";
import type { IsoDate } from "../calendar/iso-date.ts";
import { type CaseActor, isSystemActor } from "./case-access.ts";
import type { CloseRequest } from "./commands.ts";
import { type CaseError, caseError } from "./errors.ts";
import { isLeadershipKind } from "./escalation.ts";
import { checkId, checkText, oneOf } from "./input.ts";
import {
  type CaseState,
  CLOSURE_GROUNDS,
  type Closure,
  type Instant,
  MAX_TOLD_DAYS_BACK,
  type PupilView,
} from "./types.ts";

/** The pupil's latest recorded view, whatever its source (append order is time order). */
export function latestView(
  c: Pick<CaseState, "pupilViews">,
  pupilId: string,
): PupilView | undefined {
  for (let i = c.pupilViews.length - 1; i >= 0; i--) {
    const view = c.pupilViews[i];
    if (view?.pupilId === pupilId) return view;
  }
  return undefined;
}

/** Has the school heard the pupil itself, or recorded why the pupil could not be heard? */
export function heardOrExcused(
  c: Pick<CaseState, "pupilViews" | "pupilsNotHeard">,
  pupilId: string,
): boolean {
  return (
    c.pupilViews.some((v) => v.pupilId === pupilId && v.source !== "reporter") ||
    c.pupilsNotHeard.some((n) => n.pupilId === pupilId)
  );
}

/** The first pupil of the case not yet heard or excused, if any. */
export function firstUnheardPupil(
  c: Pick<CaseState, "pupils" | "pupilViews" | "pupilsNotHeard">,
): string | null {
  return c.pupils.find((p) => !heardOrExcused(c, p)) ?? null;
}

/**
 * Is there a best-interest assessment made after the latest view of any pupil? A view and an
 * assessment recorded by the same command share an instant: that counts as after.
 */
export function bestInterestIsCurrent(c: Pick<CaseState, "pupilViews" | "bestInterest">): boolean {
  const latest = c.bestInterest[c.bestInterest.length - 1];
  if (latest === undefined) return false;
  const assessedAt = Date.parse(latest.recordedAt);
  return c.pupilViews.every((v) => Date.parse(v.recordedAt) <= assessedAt);
}

/** A plan (the first or a revision) needs every pupil heard and a current assessment. */
export function checkHeardAndAssessed(c: CaseState): CaseError | null {
  if (c.pupils.length === 0) return caseError("plan.noPupils");
  const unheard = firstUnheardPupil(c);
  if (unheard !== null) return caseError("plan.pupilNotHeard", { pupilId: unheard });
  if (c.bestInterest.length === 0) return caseError("plan.bestInterestMissing");
  if (!bestInterestIsCurrent(c)) return caseError("plan.bestInterestOutdated");
  return null;
}

/** Does the actor hold the role that may close on "other": the principal (or for a
 * leadership case, the owner's area director)? */
function holdsClosingAuthority(actor: CaseActor, c: CaseState): boolean {
  if (isSystemActor(actor)) return false;
  return isLeadershipKind(c.kind)
    ? ownerRolesAt(actor, c.ownerId).has("areaDirector")
    : schoolRolesAt(actor, c.schoolId).has("principal");
}

/**
 * Check a close request against the case and build the closure, or say which rule refuses
 * it. The order matters only for which error the user sees first: the ground's own input,
 * then who may close on it, then the pupil's word (the rule that matters most), then the
 * work the law requires.
 */
export function decideClosure(
  c: CaseState,
  request: CloseRequest,
  actor: CaseActor,
  actorId: string,
): Closure | CaseError {
  if (!request || !oneOf(request.type, CLOSURE_GROUNDS)) {
    return caseError("input.invalidValue", { field: "closure" });
  }
  if (c.kind === "staff-violation" && c.staffViolationDecisions.length === 0) {
    return caseError("case.ownerDecisionRequired");
  }
  let closure: Closure;
  let leftPupils: readonly string[] = [];
  switch (request.type) {
    case "pupilFeelsSafe":
      closure = { type: "pupilFeelsSafe", pupilViewIds: [] };
      break;
    case "pupilLeftSchool": {
      const ids = Array.isArray(request.pupilIds) ? request.pupilIds : [];
      if (
        ids.length === 0 ||
        new Set(ids).size !== ids.length ||
        ids.some((p) => !c.pupils.includes(p))
      ) {
        return caseError("close.leftPupilsInvalid", { field: "pupilIds" });
      }
      const error = checkText(request.note, "note");
      if (error) return error;
      leftPupils = ids;
      closure = { type: "pupilLeftSchool", pupilIds: [...ids], note: request.note };
      break;
    }
    case "joined": {
      if (checkId(request.intoCaseId, "intoCaseId") || request.intoCaseId === c.id) {
        return caseError("close.joinTargetInvalid");
      }
      closure = { type: "joined", intoCaseId: request.intoCaseId };
      break;
    }
    case "noCaseToAnswer": {
      const error = checkText(request.findings, "findings");
      if (error)
        return error.code === "input.textMissing"
          ? caseError("close.findingsMissing", { field: "findings" })
          : error;
      closure = { type: "noCaseToAnswer", findings: request.findings };
      break;
    }
    case "other": {
      const error = checkText(request.reason, "reason");
      if (error)
        return error.code === "input.textMissing" ? caseError("close.reasonMissing") : error;
      if (!holdsClosingAuthority(actor, c)) return caseError("close.otherNeedsPrincipal");
      if (request.confirmed !== true) return caseError("close.otherNotConfirmed");
      closure = { type: "other", reason: request.reason, confirmedBy: actorId };
      break;
    }
  }

  // §12-2: while a pupil's latest word is "not safe", the duty to act has not ended.
  for (const pupilId of c.pupils) {
    if (leftPupils.includes(pupilId)) continue;
    const latest = latestView(c, pupilId);
    if (latest?.feelsSafe === false) return caseError("close.pupilNotSafe", { pupilId });
  }
  // The work continues in the case it was joined into; every other ground needs the case to
  // have been investigated and every pupil heard (or the reason they could not be).
  if (closure.type !== "joined") {
    // An anonymous report whose pupil was never identified may still close on findings or
    // "other" (after an investigation); "feels safe" needs a pupil to say so.
    if (c.pupils.length === 0 && closure.type === "pupilFeelsSafe") {
      return caseError("close.noPupils");
    }
    if (c.investigationNotes.length === 0) return caseError("close.noInvestigation");
    const unheard = firstUnheardPupil(c);
    if (unheard !== null) return caseError("close.pupilNotHeard", { pupilId: unheard });
  }
  if (closure.type === "pupilFeelsSafe") {
    const viewIds: string[] = [];
    for (const pupilId of c.pupils) {
      const latest = latestView(c, pupilId);
      if (latest?.feelsSafe !== true) return caseError("close.pupilNotSafe", { pupilId });
      viewIds.push(latest.id);
    }
    closure = { type: "pupilFeelsSafe", pupilViewIds: viewIds };
  }
  return closure;
}

/** Has a close decision produced a closure (rather than an error)? */
export function isClosure(value: Closure | CaseError): value is Closure {
  return "type" in value;
}

const DAY_MS = 24 * 60 * 60 * 1000;
/** A clock a little ahead on the reporter's device must not refuse "just now". */
const FUTURE_TOLERANCE_MS = 5 * 60 * 1000;

/**
 * When the school was told, for a report registered afterwards: a valid instant, not in the
 * future, at most `MAX_TOLD_DAYS_BACK` days back. Older knowledge is a breach to be recorded
 * in the case (a note), not a clock to be started late.
 */
export function checkToldAt(toldAt: unknown, now: Date): CaseError | null {
  if (typeof toldAt !== "string" || Number.isNaN(Date.parse(toldAt))) {
    return caseError("input.invalidValue", { field: "toldAt" });
  }
  const at = Date.parse(toldAt);
  if (at > now.getTime() + FUTURE_TOLERANCE_MS)
    return caseError("report.toldAtInFuture", { field: "toldAt" });
  if (at < now.getTime() - MAX_TOLD_DAYS_BACK * DAY_MS) {
    return caseError("report.toldAtTooOld", { field: "toldAt", days: MAX_TOLD_DAYS_BACK });
  }
  return null;
}

/** The told instant normalised to an ISO string (never after `now`). */
export function toldInstant(toldAt: string | undefined, now: Date): Instant {
  if (toldAt === undefined) return now.toISOString();
  const at = Math.min(Date.parse(toldAt), now.getTime());
  return new Date(at).toISOString();
}

/**
 * Is a pupil born on `birthDate` 18 or over on `on`? (A pupil of 18 decides whether the
 * family is told.) Compared as strings: the 18th birthday of 29 February falls on 1 March.
 */
export function isAdultOn(birthDate: IsoDate, on: IsoDate): boolean {
  const year = Number(birthDate.slice(0, 4)) + 18;
  return `${String(year).padStart(4, "0")}${birthDate.slice(4)}` <= on;
}
