/**
 * The duty-to-act case (opplæringslova §12-4 and §12-5) as plain data.
 *
 * A case is a value: the server stores it, `transition` turns (state, command) into the next
 * value plus audit events and jobs, and nothing here reads a clock or a database. Every list
 * in the state is append-only (notes, pupil views, plan revisions, evaluations, decisions):
 * the case file must show Statsforvalteren everything that was done and when, so nothing is
 * ever overwritten or removed, and a closed case is kept for ever (archived read-only).
 *
 * Instants are ISO 8601 strings in UTC (`Date.toISOString()`); calendar dates are `IsoDate`
 * (Oslo dates, see src/core/calendar/iso-date.ts). Deadlines are computed when the fact that
 * starts them is recorded, with the owner's settings and calendar in force then, and stored
 * (`planDueOn`, `communicateBy`, …), so a case shows the same deadline tomorrow as today.
 */

import type { Role } from "../access/roles.ts";
import type { IsoDate } from "../calendar/iso-date.ts";

/** An instant as an ISO 8601 UTC string, e.g. `2027-03-24T09:15:00.000Z`. */
export type Instant = string;

export const CASE_KINDS = [
  /** §12-4: a pupil (or guardian) says the pupil does not feel safe ("si ifra"). */
  "pupil-reported",
  /** §12-4: someone working at the school is concerned about a pupil's environment. */
  "staff-concern",
  /** §12-5: suspicion that someone working at the school violates a pupil. */
  "staff-violation",
  /** §12-5: the same about someone in the school's leadership; handled by the owner. */
  "leadership-violation",
] as const;
export type CaseKind = (typeof CASE_KINDS)[number];

/**
 * `reported` → `acknowledged` → `investigating` → `measuresActive` (a plan is in force) →
 * `evaluating` (an evaluation is recorded; revise the plan or close) → `closed`.
 */
export const CASE_STATUSES = [
  "reported",
  "acknowledged",
  "investigating",
  "measuresActive",
  "evaluating",
  "closed",
] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

export const OPEN_STATUSES: readonly CaseStatus[] = CASE_STATUSES.filter((s) => s !== "closed");

/** Two pupils who must not share a group or a seat neighbourhood. */
export type PupilPair = readonly [string, string];

export type Reporter =
  | { readonly type: "person"; readonly personId: string; readonly capacity: ReporterCapacity }
  /**
   * "Si ifra" without a name. The server hands the pupil a receipt code and stores only a
   * keyed hash of it; the pupil looks up the receipt with the code.
   */
  | { readonly type: "anonymous"; readonly receiptCodeHash: string };

export type ReporterCapacity = "staff" | "pupil" | "guardian";

/**
 * How the school was told. A report typed into Trygg by the reporter is `form`; the others
 * are oral or written reports the principal (or whoever received them) registers afterwards,
 * with the moment the school was told (`toldAt`), from which every deadline runs.
 */
export const REPORT_CHANNELS = ["form", "inPerson", "phone", "teams", "sms", "email"] as const;
export type ReportChannel = (typeof REPORT_CHANNELS)[number];

/** How far back a registered oral report may say the school was told (DOMAIN.md §5). */
export const MAX_TOLD_DAYS_BACK = 30;

/** One report (melding). The first one opens the case; later ones may be joined to it. */
export interface CaseReport {
  readonly id: string;
  /** The kind the reporter chose; the case's kind may differ after reclassification. */
  readonly kind: CaseKind;
  readonly reporter: Reporter;
  readonly pupils: readonly string[];
  /** What the reporter wrote. Case content: never in logs, events or notifications. */
  readonly description: string;
  /** When it was entered into Trygg. */
  readonly reportedAt: Instant;
  /**
   * When the school was told (the rektor or whoever received it): `reportedAt` for a report
   * made in the form, earlier for an oral report registered afterwards. The clock runs from
   * here. Absent on reports stored before the field existed (read as `reportedAt`).
   */
  readonly toldAt: Instant;
  readonly channel: ReportChannel;
  /** The Oslo date of `toldAt`: the day the school learned of it (day 0 of the clock). */
  readonly learnedOn: IsoDate;
  /** When the school's leads acknowledged it; what the reporter's receipt shows. */
  readonly acknowledgedAt: Instant | null;
}

export interface AlertState {
  /** 0 = the first recipients (principal and deputy, or the owner for leadership cases). */
  readonly level: number;
  /** When the next level is due if nobody acknowledges; null once there is no next level. */
  readonly nextEscalationAt: Instant | null;
  readonly escalations: readonly { readonly level: number; readonly at: Instant }[];
}

export interface TeamMember {
  readonly personId: string;
  /** The person's roles at this school or owner when added (checked against leadership). */
  readonly roles: readonly Role[];
  readonly addedAt: Instant;
  readonly addedBy: string;
}

export const NOTE_KINDS = [
  "conversation",
  "observation",
  "survey",
  "guardianContact",
  "other",
] as const;
export type NoteKind = (typeof NOTE_KINDS)[number];

export interface InvestigationNote {
  readonly id: string;
  readonly kind: NoteKind;
  /** When the conversation or observation took place (may precede the report). */
  readonly occurredOn: IsoDate;
  readonly text: string;
  readonly recordedAt: Instant;
  readonly recordedBy: string;
}

/**
 * Where a recorded view comes from. `conversation` and `evaluation` are the pupil heard by
 * the school; `reporter` is what the reporter said the pupil said ("the pupil told me they
 * do not feel safe"): it counts as the pupil's latest word for closing, but not as the pupil
 * having been heard. `checkIn` is the pupil's own answer to "how is it now?" at the plan's
 * evaluation date (check-in.ts, ADR 0117): the pupil's own words, so it counts as heard.
 */
export const PUPIL_VIEW_SOURCES = ["conversation", "evaluation", "reporter", "checkIn"] as const;
export type PupilViewSource = (typeof PUPIL_VIEW_SOURCES)[number];

/** The pupil's own words (§10-1, §12-2: the pupil's experience decides). */
export interface PupilView {
  readonly id: string;
  readonly pupilId: string;
  readonly heardOn: IsoDate;
  /** Empty only for a view the reporter passed on without the pupil's own words. */
  readonly words: string;
  /** Does the pupil now say they feel safe? null: not asked or no clear answer. */
  readonly feelsSafe: boolean | null;
  readonly source: PupilViewSource;
  /** For a `checkIn` view: the pupil's own answer (`partly` is stored as not safe). */
  readonly checkInAnswer?: "yes" | "partly" | "no";
  readonly recordedAt: Instant;
  readonly recordedBy: string;
}

/** Why a pupil could not be heard (too young, ill, refused to talk, left, …): §10-1. */
export interface PupilNotHeard {
  readonly id: string;
  readonly pupilId: string;
  readonly reason: string;
  readonly recordedAt: Instant;
  readonly recordedBy: string;
}

/** Other pupils directly involved, whose views may also be recorded. */
export const INVOLVEMENT_ROLES = ["allegedActor", "bystander", "other"] as const;
export type InvolvementRole = (typeof INVOLVEMENT_ROLES)[number];

export interface InvolvedPupil {
  readonly pupilId: string;
  readonly role: InvolvementRole;
  readonly addedAt: Instant;
  readonly addedBy: string;
}

/** The best-interest assessment (§10-2). Each new one supersedes, never replaces, the last. */
export interface BestInterestAssessment {
  readonly id: string;
  readonly text: string;
  readonly recordedAt: Instant;
  readonly recordedBy: string;
}

export interface Measure {
  /** Stable across revisions: a measure kept in a new revision keeps its id and its log. */
  readonly id: string;
  /** (b) the measure. */
  readonly description: string;
  /** (c) when it is carried out: from this date … */
  readonly startsOn: IsoDate;
  /** … to this date (null: until the next evaluation). */
  readonly endsOn: IsoDate | null;
  /** Optional rhythm in words, e.g. "every break, weeks 13–15". */
  readonly schedule: string | null;
  /** (d) who is responsible. Always a member of the case team. */
  readonly responsiblePersonId: string;
  /** "Keep these pupils apart in groups and seating": reaches the groups feature as pairs. */
  readonly keepApart: readonly PupilPair[];
}

/** One saved version of the measure plan (aktivitetsplan). Never changed once saved. */
export interface PlanRevision {
  /** 1, 2, 3, … */
  readonly revision: number;
  /** (a) the problem the measures are meant to solve. */
  readonly problem: string;
  readonly measures: readonly Measure[];
  /** (e) when the measures are evaluated. */
  readonly evaluateOn: IsoDate;
  readonly savedAt: Instant;
  readonly savedBy: string;
  /** The plan must be communicated to (and accepted by) pupil/guardians by this date. */
  readonly communicateBy: IsoDate;
}

export type PlanParty = "pupil" | "guardians";

export interface PlanCommunication {
  readonly revision: number;
  readonly communicatedOn: IsoDate;
  readonly to: readonly PlanParty[];
  readonly recordedAt: Instant;
  readonly recordedBy: string;
}

/** The pupil's or guardians' answer to a communicated plan. A "no" is recorded, not blocking. */
export interface PlanResponse {
  readonly revision: number;
  readonly respondedOn: IsoDate;
  readonly by: PlanParty;
  readonly accepted: boolean;
  readonly comment: string | null;
  readonly recordedAt: Instant;
  readonly recordedBy: string;
}

/** The log of measures actually carried out (case-file item 6). */
export interface MeasureLogEntry {
  readonly id: string;
  readonly measureId: string;
  readonly carriedOutOn: IsoDate;
  readonly note: string | null;
  readonly recordedAt: Instant;
  readonly recordedBy: string;
}

export const MEASURE_EFFECTS = ["worked", "partly", "didNotWork", "notCarriedOut"] as const;
export type MeasureEffect = (typeof MEASURE_EFFECTS)[number];

export interface Evaluation {
  readonly id: string;
  /** The plan revision evaluated. */
  readonly revision: number;
  readonly evaluatedOn: IsoDate;
  /** What each pupil says now (stored in `pupilViews` with source `evaluation`). */
  readonly pupilViewIds: readonly string[];
  readonly measureEffects: readonly {
    readonly measureId: string;
    readonly effect: MeasureEffect;
    readonly comment: string | null;
  }[];
  readonly summary: string | null;
  /** Why the evaluation was made before the plan's evaluation date (null if on or after). */
  readonly earlyReason: string | null;
  /** The best-interest assessment made with this evaluation (in `bestInterest`). */
  readonly bestInterestId: string | null;
  /** Revise the plan or close the case by this date. */
  readonly decideBy: IsoDate;
  readonly recordedAt: Instant;
  readonly recordedBy: string;
}

export type StaffViolationDecision =
  | { readonly type: "ownerNotified"; readonly at: Instant; readonly by: string }
  | {
      readonly type: "obviouslyUnfounded";
      readonly reason: string;
      readonly at: Instant;
      readonly by: string;
    };

export interface SeriousMark {
  readonly reason: string;
  readonly at: Instant;
  readonly by: string;
}

/** The principal's one answer, after acknowledging, to "is this a serious case?". */
export interface SeriousnessAssessment {
  readonly serious: boolean;
  /** Why (required for "yes", optional for "no"). */
  readonly reason: string | null;
  readonly at: Instant;
  readonly by: string;
}

/** §12-5: the measures the school put in place at once ("straks"), on the day it was told. */
export interface ImmediateMeasures {
  readonly id: string;
  readonly text: string;
  readonly at: Instant;
  readonly by: string;
}

export const INFORM_CHANNELS = ["meeting", "phone", "letter", "email", "sms", "digital"] as const;
export type InformChannel = (typeof INFORM_CHANNELS)[number];

/**
 * Telling a pupil's family that a case exists. A pupil under 18: the guardians are informed
 * (date, channel, by whom). A pupil of 18 or over decides whether the family is told: the
 * choice is recorded, and if the pupil agrees, the informing is recorded as for a minor.
 */
export type FamilyInformation =
  | {
      readonly type: "guardiansInformed";
      readonly id: string;
      readonly pupilId: string;
      readonly informedOn: IsoDate;
      readonly channel: InformChannel;
      /** Who told them (a person id at the school). */
      readonly informedBy: string;
      readonly recordedAt: Instant;
      readonly recordedBy: string;
    }
  | {
      readonly type: "adultPupilChoice";
      readonly id: string;
      readonly pupilId: string;
      readonly familyMayBeTold: boolean;
      readonly decidedOn: IsoDate;
      readonly recordedAt: Instant;
      readonly recordedBy: string;
    };

/** A covering statement (redegjørelse) to Statsforvalteren, written in the case. */
export interface CoveringStatement {
  readonly id: string;
  readonly text: string;
  readonly recordedAt: Instant;
  readonly recordedBy: string;
}

/**
 * The grounds on which the duty to act ends (ADR 0113). `reason` is the free-text closure of
 * cases closed before the grounds existed; it is read, never written.
 */
export const CLOSURE_GROUNDS = [
  "pupilFeelsSafe",
  "pupilLeftSchool",
  "joined",
  "noCaseToAnswer",
  "other",
] as const;
export type ClosureGround = (typeof CLOSURE_GROUNDS)[number];

export type Closure =
  | { readonly type: "pupilFeelsSafe"; readonly pupilViewIds: readonly string[] }
  | {
      readonly type: "pupilLeftSchool";
      readonly pupilIds: readonly string[];
      readonly note: string;
    }
  | { readonly type: "joined"; readonly intoCaseId: string }
  | { readonly type: "noCaseToAnswer"; readonly findings: string }
  | {
      readonly type: "other";
      readonly reason: string;
      /** The principal's own confirmation (the person who closed it holds the role). */
      readonly confirmedBy: string;
    }
  /** Legacy: a free-text closure recorded before the fixed grounds. */
  | { readonly type: "reason"; readonly reason: string };

export interface KindChange {
  readonly from: CaseKind;
  readonly to: CaseKind;
  readonly reason: string;
  readonly at: Instant;
  readonly by: string;
}

/**
 * One message of the two-way conversation with an anonymous reporter ("si ifra" without a
 * name). The pupil holds only the receipt code; the school answers in the case. Nothing here
 * says who the pupil is: a reporter's message has no author.
 */
export interface ReporterMessage {
  readonly id: string;
  /** The anonymous report the conversation belongs to. */
  readonly reportId: string;
  readonly from: "school" | "reporter";
  readonly text: string;
  readonly at: Instant;
  /** Who at the school wrote it; null for the reporter (no identity is stored). */
  readonly by: string | null;
}

export interface CaseState {
  readonly id: string;
  readonly schoolId: string;
  readonly ownerId: string;
  readonly kind: CaseKind;
  readonly status: CaseStatus;
  /** Incremented by every accepted command: the server's optimistic-concurrency token. */
  readonly version: number;
  /** The pupils the case is about (empty only for an anonymous report not yet identified). */
  readonly pupils: readonly string[];
  readonly reports: readonly CaseReport[];
  /** The earliest report's instant and its Oslo date. */
  readonly reportedAt: Instant;
  readonly learnedOn: IsoDate;
  /** Deadline to acknowledge (the first alert escalation). */
  readonly acknowledgeBy: Instant;
  readonly alert: AlertState;
  readonly acknowledgedAt: Instant | null;
  readonly acknowledgedBy: string | null;
  /** The plan must be written, communicated and accepted by this date (N working days). */
  readonly planDueOn: IsoDate;
  readonly serious: SeriousMark | null;
  /** When the school owner was brought in (serious, §12-5 notice, or a leadership case). */
  readonly escalatedToOwnerAt: Instant | null;
  /** §12-5: the day by which the principal must notify the owner or record "unfounded". */
  readonly ownerDecisionDueOn: IsoDate | null;
  readonly staffViolationDecisions: readonly StaffViolationDecision[];
  readonly kindChanges: readonly KindChange[];
  /** The investigation must be under way by this date (owner setting, 2 working days). */
  readonly investigateBy: IsoDate;
  /** Asked once after acknowledging; null until answered (not asked on leadership cases). */
  readonly seriousness: SeriousnessAssessment | null;
  /** §12-5 cases: measures in place by the end of the day the school was told. */
  readonly immediateMeasuresDueOn: IsoDate | null;
  readonly immediateMeasures: readonly ImmediateMeasures[];
  /** Guardians informed that a case exists by this date (set on acknowledging). */
  readonly familyInformedBy: IsoDate | null;
  readonly familyInformation: readonly FamilyInformation[];
  readonly team: readonly TeamMember[];
  readonly investigationNotes: readonly InvestigationNote[];
  /** Other pupils directly involved (not the pupils the case is about). */
  readonly involvedPupils: readonly InvolvedPupil[];
  readonly pupilViews: readonly PupilView[];
  readonly pupilsNotHeard: readonly PupilNotHeard[];
  readonly bestInterest: readonly BestInterestAssessment[];
  readonly planRevisions: readonly PlanRevision[];
  readonly planCommunications: readonly PlanCommunication[];
  readonly planResponses: readonly PlanResponse[];
  readonly measureLog: readonly MeasureLogEntry[];
  readonly evaluations: readonly Evaluation[];
  /** The conversations with anonymous reporters, oldest first (append-only). */
  readonly reporterMessages: readonly ReporterMessage[];
  /** Covering statements to Statsforvalteren; may be added after closing (ADR 0113). */
  readonly coveringStatements: readonly CoveringStatement[];
  readonly closedAt: Instant | null;
  readonly closedBy: string | null;
  readonly closure: Closure | null;
}

export function isOpen(c: Pick<CaseState, "status">): boolean {
  return c.status !== "closed";
}

/** The plan in force: the latest revision. */
export function currentPlan(c: Pick<CaseState, "planRevisions">): PlanRevision | undefined {
  return c.planRevisions[c.planRevisions.length - 1];
}

export function latestEvaluation(c: Pick<CaseState, "evaluations">): Evaluation | undefined {
  return c.evaluations[c.evaluations.length - 1];
}

/** The latest §12-5 decision (earlier ones stay in the list as history). */
export function currentStaffViolationDecision(
  c: Pick<CaseState, "staffViolationDecisions">,
): StaffViolationDecision | undefined {
  return c.staffViolationDecisions[c.staffViolationDecisions.length - 1];
}

/** Every pupil pair is stored smallest id first, so equal pairs compare equal. */
export function normalizePair(a: string, b: string): PupilPair {
  return a <= b ? [a, b] : [b, a];
}
