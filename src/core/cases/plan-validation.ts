/**
 * The measure plan (aktivitetsplan) must state, by law (§12-4 sixth paragraph):
 * (a) the problem the measures are meant to solve, (b) the planned measures, (c) when they
 * are carried out, (d) who is responsible for each, (e) when they are evaluated.
 *
 * Trygg refuses to save a plan that lacks any of them. Every problem is reported at once,
 * each with a stable code and the path of the field at fault, so the form can mark them all.
 */

import type { IsoDate } from "../calendar/iso-date.ts";
import type { MeasureDraft, PlanDraft } from "./commands.ts";
import type { CaseErrorCode, CaseErrorParams, PlanIssue } from "./errors.ts";
import { isBlank, isValidDate, MAX_TEXT_LENGTH } from "./input.ts";
import { type Measure, normalizePair, type PupilPair } from "./types.ts";

export interface PlanValidationContext {
  /** Today in Oslo: the evaluation date may not already have passed. */
  readonly today: IsoDate;
  /**
   * Who may be named responsible (the case team and the person saving). When given, anyone
   * else is refused: a responsible person must be able to see the case they act on.
   */
  readonly eligibleResponsible?: ReadonlySet<string>;
}

/** A plan that has all five parts, normalised (trimmed texts, sorted keep-apart pairs). */
export interface ValidPlan {
  readonly problem: string;
  readonly measures: readonly Measure[];
  readonly evaluateOn: IsoDate;
}

export type PlanValidation =
  | { readonly ok: true; readonly plan: ValidPlan }
  | { readonly ok: false; readonly issues: readonly PlanIssue[] };

export function validatePlan(draft: PlanDraft, ctx: PlanValidationContext): PlanValidation {
  const issues: PlanIssue[] = [];
  const add = (code: CaseErrorCode, path: string, params: CaseErrorParams = {}) =>
    issues.push({ code, path, params });
  const tooLong = (value: unknown) => typeof value === "string" && value.length > MAX_TEXT_LENGTH;

  // (a) the problem
  if (isBlank(draft.problem)) add("plan.problemMissing", "problem");
  else if (tooLong(draft.problem)) add("plan.textTooLong", "problem", { max: MAX_TEXT_LENGTH });

  // (b)–(d) the measures, each with when and who
  const drafts: readonly MeasureDraft[] = Array.isArray(draft.measures) ? draft.measures : [];
  if (drafts.length === 0) add("plan.noMeasures", "measures");
  const seenIds = new Set<string>();
  const measures: Measure[] = [];
  drafts.forEach((m, i) => {
    const at = `measures.${i}`;
    const where = { measure: i };
    let complete = true;
    if (isBlank(m.id)) {
      add("plan.measureIdMissing", `${at}.id`, where);
      complete = false;
    } else if (seenIds.has(m.id)) {
      add("plan.duplicateMeasureId", `${at}.id`, { ...where, measureId: m.id });
      complete = false;
    } else {
      seenIds.add(m.id);
    }
    if (isBlank(m.description)) {
      add("plan.measureDescriptionMissing", `${at}.description`, where);
      complete = false;
    } else if (tooLong(m.description)) {
      add("plan.textTooLong", `${at}.description`, { ...where, max: MAX_TEXT_LENGTH });
      complete = false;
    }
    if (m.startsOn === null || m.startsOn === undefined) {
      add("plan.measureWhenMissing", `${at}.startsOn`, where);
      complete = false;
    } else if (!isValidDate(m.startsOn)) {
      add("plan.invalidDate", `${at}.startsOn`, where);
      complete = false;
    }
    const endsOn = m.endsOn ?? null;
    if (endsOn !== null && !isValidDate(endsOn)) {
      add("plan.invalidDate", `${at}.endsOn`, where);
      complete = false;
    } else if (endsOn !== null && isValidDate(m.startsOn) && endsOn < m.startsOn) {
      add("plan.measureEndsBeforeStart", `${at}.endsOn`, where);
      complete = false;
    }
    if (m.schedule !== undefined && m.schedule !== null && tooLong(m.schedule)) {
      add("plan.textTooLong", `${at}.schedule`, { ...where, max: MAX_TEXT_LENGTH });
      complete = false;
    }
    if (isBlank(m.responsiblePersonId)) {
      add("plan.measureResponsibleMissing", `${at}.responsiblePersonId`, where);
      complete = false;
    } else if (
      ctx.eligibleResponsible !== undefined &&
      !ctx.eligibleResponsible.has(m.responsiblePersonId as string)
    ) {
      add("plan.responsibleNotOnTeam", `${at}.responsiblePersonId`, {
        ...where,
        personId: m.responsiblePersonId as string,
      });
      complete = false;
    }
    const pairs: PupilPair[] = [];
    (Array.isArray(m.keepApart) ? m.keepApart : []).forEach((pair, p) => {
      const [a, b] = Array.isArray(pair) ? pair : [];
      if (isBlank(a) || isBlank(b) || a === b) {
        add("plan.keepApartInvalid", `${at}.keepApart.${p}`, { ...where, pair: p });
        complete = false;
        return;
      }
      const normal = normalizePair(a as string, b as string);
      if (!pairs.some(([x, y]) => x === normal[0] && y === normal[1])) pairs.push(normal);
    });
    if (complete) {
      measures.push({
        id: m.id,
        description: (m.description as string).trim(),
        startsOn: m.startsOn as IsoDate,
        endsOn,
        schedule: isBlank(m.schedule) ? null : (m.schedule as string).trim(),
        responsiblePersonId: m.responsiblePersonId as string,
        keepApart: pairs,
      });
    }
  });

  // (e) when the measures are evaluated
  const evaluateOn = draft.evaluateOn;
  if (evaluateOn === null || evaluateOn === undefined) {
    add("plan.evaluationDateMissing", "evaluateOn");
  } else if (!isValidDate(evaluateOn)) {
    add("plan.invalidDate", "evaluateOn");
  } else {
    if (evaluateOn < ctx.today) add("plan.evaluationDateInPast", "evaluateOn");
    // A measure that has not started by the evaluation cannot be evaluated then.
    drafts.forEach((m, i) => {
      if (isValidDate(m.startsOn) && evaluateOn < m.startsOn) {
        add("plan.evaluationBeforeMeasureStart", "evaluateOn", { measure: i });
      }
    });
  }

  if (issues.length > 0) return { ok: false, issues };
  return {
    ok: true,
    plan: {
      problem: (draft.problem as string).trim(),
      measures,
      evaluateOn: evaluateOn as IsoDate,
    },
  };
}
