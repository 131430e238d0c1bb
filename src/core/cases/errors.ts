/**
 * Stable error codes of the case module. Each code is a translation key (nb/nn/en messages
 * live in src/i18n) and what API error mappers and tests match on; `params` carry ids and
 * field names only, never case content.
 */

export const CASE_ERROR_CODES = [
  // access and lifecycle
  "case.accessDenied",
  "case.closed",
  "case.notAcknowledged",
  "case.alreadyAcknowledged",
  "case.wrongStatus",
  "case.noPlan",
  "case.evaluationRequired",
  "case.noNextStep",
  // escalation and §12-5
  "case.alreadySerious",
  "case.alreadyWithOwner",
  "case.notStaffViolation",
  "case.ownerAlreadyNotified",
  "case.ownerDecisionAlreadyRecorded",
  "case.ownerDecisionRequired",
  "case.seriousnessAlreadyAssessed",
  "case.notForLeadershipCase",
  "case.notStaffCase",
  "alert.notDue",
  "alert.levelMismatch",
  // input
  "input.textMissing",
  "input.textTooLong",
  "input.idMissing",
  "input.duplicateId",
  "input.invalidDate",
  "input.dateInFuture",
  "input.invalidValue",
  // pupils
  "pupil.notInCase",
  "pupil.alreadyInCase",
  "pupil.alreadyInvolved",
  // heard and assessed before the plan (§10-1, §10-2)
  "plan.noPupils",
  "plan.pupilNotHeard",
  "plan.bestInterestMissing",
  "plan.bestInterestOutdated",
  // telling the family
  "family.pupilNotAdult",
  "family.adultPupilNotAsked",
  "family.beforeCase",
  // team
  "team.alreadyMember",
  "team.notMember",
  "team.notStaff",
  "team.leadershipOnLeadershipCase",
  "team.memberIsResponsible",
  // plan (the five parts and their consistency)
  "plan.problemMissing",
  "plan.noMeasures",
  "plan.measureIdMissing",
  "plan.duplicateMeasureId",
  "plan.measureDescriptionMissing",
  "plan.measureWhenMissing",
  "plan.measureEndsBeforeStart",
  "plan.measureResponsibleMissing",
  "plan.responsibleNotOnTeam",
  "plan.evaluationDateMissing",
  "plan.evaluationDateInPast",
  "plan.evaluationBeforeMeasureStart",
  "plan.keepApartInvalid",
  "plan.invalidDate",
  "plan.textTooLong",
  "plan.notCurrentRevision",
  "plan.notCommunicated",
  "plan.communicatedBeforeSaved",
  "plan.responseBeforeCommunicated",
  "plan.noParties",
  // measures and evaluations
  "measure.unknown",
  "evaluation.pupilViewMissing",
  "evaluation.measureEffectMissing",
  "evaluation.unknownMeasure",
  "evaluation.beforePlan",
  "evaluation.earlyReasonMissing",
  "evaluation.workedNotCarriedOut",
  "evaluation.bestInterestMissing",
  // closing
  "close.reasonMissing",
  "close.noPupils",
  "close.pupilNotSafe",
  "close.noInvestigation",
  "close.pupilNotHeard",
  "close.findingsMissing",
  "close.leftPupilsInvalid",
  "close.otherNeedsPrincipal",
  "close.otherNotConfirmed",
  "close.joinTargetInvalid",
  // joining reports
  "join.sameCase",
  "join.differentSchool",
  "join.kindMismatch",
  "join.sourceNotJoinable",
  "join.sourceHasWork",
  "join.targetClosed",
  "join.reportAlreadyInCase",
  // reclassification
  "reclassify.sameKind",
  // reports (opening a case)
  "report.kindNotAllowed",
  "report.pupilsMissing",
  "report.toldAtInFuture",
  "report.toldAtTooOld",
  // the conversation with an anonymous reporter
  "message.unknownReport",
  "message.notAnonymous",
  // check-ins at the plan's evaluation date (check-in.ts)
  "checkIn.notYours",
  "checkIn.notOpen",
  "checkIn.alreadyAnswered",
  // settings
  "settings.invalid",
] as const;

export type CaseErrorCode = (typeof CASE_ERROR_CODES)[number];

export type CaseErrorParams = Readonly<Record<string, string | number>>;

/** One problem in a plan draft; `path` points at the field (e.g. `measures.1.startsOn`). */
export interface PlanIssue {
  readonly code: CaseErrorCode;
  readonly path: string;
  readonly params: CaseErrorParams;
}

export interface CaseError {
  readonly code: CaseErrorCode;
  readonly params: CaseErrorParams;
  /** For a refused plan: every problem at once (the `code` is the first one's). */
  readonly issues?: readonly PlanIssue[];
}

export function caseError(code: CaseErrorCode, params: CaseErrorParams = {}): CaseError {
  return { code, params };
}
