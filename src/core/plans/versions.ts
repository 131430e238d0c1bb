/**
 * Plan versions and the yearly evaluation.
 *
 * A school's plan is a sequence of versions numbered 1, 2, 3, … across years. Each belongs
 * to one school year (named by the year it starts: 2026 is 2026–27) and is a `draft`
 * (being edited), `published` (in force, on the school's website) or `archived` (replaced,
 * kept read-only with its evaluation). Versions are values: these functions return new
 * ones and the server stores them; nothing is changed in place.
 *
 * The law (§12-3) and the seed plan want the plan evaluated every year with the pupil
 * council, the staff's union representatives, the pupil services and the leadership. The
 * evaluation is recorded on the version it evaluates, and the next year's draft starts as a
 * copy of it (`nextYearVersion`).
 */

import type { Result } from "../calendar/errors.ts";
import { type IsoDate, isIsoDate } from "../calendar/iso-date.ts";
import { type PlanIssue, planIssue } from "./errors.ts";
import type { ActivityId, PlanContent, PlanTemplate } from "./types.ts";
import { activitiesOf, validatePlan } from "./validate.ts";

export const PLAN_VERSION_STATUSES = ["draft", "published", "archived"] as const;
export type PlanVersionStatus = (typeof PLAN_VERSION_STATUSES)[number];

/** The groups the yearly evaluation must involve (seed plan, "Evaluering"). */
export const EVALUATION_GROUPS = [
  /** Elevrådet. */
  "pupilCouncil",
  /** Ansattes tillitsvalgte. */
  "staffRepresentatives",
  /** Elevtjenesten. */
  "pupilServices",
  /** Ledelsen. */
  "leadership",
] as const;
export type EvaluationGroup = (typeof EVALUATION_GROUPS)[number];

export interface EvaluationParticipant {
  readonly group: EvaluationGroup;
  /** Who took part, in the school's words ("Elevrådsstyret, 5 elever"); no personal data needed. */
  readonly description: string;
}

export interface EvaluationInput {
  readonly group: EvaluationGroup;
  readonly text: string;
}

export interface EvaluationDecision {
  readonly text: string;
  /** The activity the decision concerns, if any (it must exist in the evaluated version). */
  readonly activityId?: ActivityId;
}

export interface PlanEvaluation {
  readonly evaluatedOn: IsoDate;
  readonly participants: readonly EvaluationParticipant[];
  readonly input: readonly EvaluationInput[];
  readonly decisions: readonly EvaluationDecision[];
}

export interface PlanVersion {
  readonly version: number;
  /** The calendar year the school year starts in: 2026 = 2026–27. */
  readonly schoolYear: number;
  readonly status: PlanVersionStatus;
  readonly content: PlanContent;
  /** The template the first version was made from (kept on every later version). */
  readonly templateId: string | null;
  /** The version this one was copied from; null for the first. */
  readonly basedOnVersion: number | null;
  readonly publishedOn: IsoDate | null;
  readonly archivedOn: IsoDate | null;
  /** The yearly evaluation of this version, once it has been evaluated. */
  readonly evaluation: PlanEvaluation | null;
}

/** "2026–27". */
export function schoolYearLabel(schoolYear: number): string {
  return `${schoolYear}–${String((schoolYear + 1) % 100).padStart(2, "0")}`;
}

/** Version 1, a draft copy of the template's content. */
export function createFromTemplate(template: PlanTemplate, schoolYear: number): PlanVersion {
  return {
    version: 1,
    schoolYear,
    status: "draft",
    content: template.content,
    templateId: template.id,
    basedOnVersion: null,
    publishedOn: null,
    archivedOn: null,
    evaluation: null,
  };
}

type VersionResult<T> = Result<T, readonly PlanIssue[]>;

/**
 * Publishes a draft. The content must pass validatePlan; the caller also schedules it in
 * its school year (schedulePlan) so a rule the year cannot satisfy is refused before
 * publishing. The previously published version of the same year is archived by the caller
 * with `archiveVersion`.
 */
export function publishVersion(version: PlanVersion, on: IsoDate): VersionResult<PlanVersion> {
  if (version.status !== "draft") {
    return {
      ok: false,
      error: [planIssue("plan.version.notDraft", "status", { status: version.status })],
    };
  }
  const issues = validatePlan(version.content);
  if (issues.length > 0) return { ok: false, error: issues };
  return { ok: true, value: { ...version, status: "published", publishedOn: on } };
}

export function archiveVersion(version: PlanVersion, on: IsoDate): VersionResult<PlanVersion> {
  if (version.status !== "published") {
    return {
      ok: false,
      error: [planIssue("plan.version.notPublished", "status", { status: version.status })],
    };
  }
  return { ok: true, value: { ...version, status: "archived", archivedOn: on } };
}

/** A new draft of a published version in the same school year (a mid-year revision). */
export function startRevision(
  published: PlanVersion,
  latestVersion: number,
): VersionResult<PlanVersion> {
  if (published.status !== "published") {
    return {
      ok: false,
      error: [planIssue("plan.version.notPublished", "status", { status: published.status })],
    };
  }
  return {
    ok: true,
    value: {
      ...published,
      version: Math.max(latestVersion, published.version) + 1,
      status: "draft",
      basedOnVersion: published.version,
      publishedOn: null,
      archivedOn: null,
      evaluation: null,
    },
  };
}

/** Everything missing from an evaluation of `content`, all at once. */
export function validateEvaluation(evaluation: PlanEvaluation, content: PlanContent): PlanIssue[] {
  const issues: PlanIssue[] = [];
  if (typeof evaluation.evaluatedOn !== "string" || !isIsoDate(evaluation.evaluatedOn)) {
    issues.push(
      planIssue("plan.evaluation.invalidDate", "evaluatedOn", {
        value: String(evaluation.evaluatedOn),
      }),
    );
  }
  const present = new Set(evaluation.participants.map((participant) => participant.group));
  for (const group of EVALUATION_GROUPS) {
    if (!present.has(group)) {
      issues.push(planIssue("plan.evaluation.missingParticipantGroup", "participants", { group }));
    }
  }
  evaluation.participants.forEach((participant, i) => {
    if (participant.description.trim() === "") {
      issues.push(planIssue("plan.evaluation.textMissing", `participants[${i}].description`));
    }
  });
  evaluation.input.forEach((input, i) => {
    if (input.text.trim() === "") {
      issues.push(planIssue("plan.evaluation.textMissing", `input[${i}].text`));
    }
  });
  if (evaluation.decisions.length === 0) {
    issues.push(planIssue("plan.evaluation.noDecisions", "decisions"));
  }
  const ids = new Set(activitiesOf(content).map(({ activity }) => activity.id));
  evaluation.decisions.forEach((decision, i) => {
    if (decision.text.trim() === "") {
      issues.push(planIssue("plan.evaluation.textMissing", `decisions[${i}].text`));
    }
    if (decision.activityId !== undefined && !ids.has(decision.activityId)) {
      issues.push(
        planIssue("plan.evaluation.unknownActivity", `decisions[${i}].activityId`, {
          target: decision.activityId,
        }),
      );
    }
  });
  return issues;
}

export interface NextYear {
  /** The evaluated version: archived, with the evaluation recorded on it. */
  readonly evaluated: PlanVersion;
  /** Next year's draft: a copy of the evaluated content, to be edited by the decisions. */
  readonly next: PlanVersion;
}

/**
 * Closes a school year's plan with its evaluation and opens next year's draft.
 *
 * Refused unless `plan` is the published version, `nextSchoolYear` is after its year and
 * the evaluation is complete (all four groups took part, at least one decision). The
 * draft's number is one above `plan.version` unless the caller passes `latestVersion`
 * (drafts of revisions may have used numbers since).
 */
export function nextYearVersion(
  plan: PlanVersion,
  evaluation: PlanEvaluation,
  nextSchoolYear: number,
  latestVersion: number = plan.version,
): VersionResult<NextYear> {
  const issues: PlanIssue[] = [];
  if (plan.status !== "published") {
    issues.push(planIssue("plan.version.notPublished", "status", { status: plan.status }));
  }
  if (!Number.isInteger(nextSchoolYear) || nextSchoolYear <= plan.schoolYear) {
    issues.push(
      planIssue("plan.version.schoolYearNotAfter", "schoolYear", {
        schoolYear: plan.schoolYear,
        nextSchoolYear: String(nextSchoolYear),
      }),
    );
  }
  issues.push(...validateEvaluation(evaluation, plan.content));
  if (issues.length > 0) return { ok: false, error: issues };

  return {
    ok: true,
    value: {
      evaluated: { ...plan, status: "archived", archivedOn: evaluation.evaluatedOn, evaluation },
      next: {
        version: Math.max(latestVersion, plan.version) + 1,
        schoolYear: nextSchoolYear,
        status: "draft",
        content: plan.content,
        templateId: plan.templateId,
        basedOnVersion: plan.version,
        publishedOn: null,
        archivedOn: null,
        evaluation: null,
      },
    },
  };
}
