/**
 * What a transition asks the outside world to do, as data: audit events (written in the same
 * transaction as the new state) and jobs (enqueued after commit). Neither carries names or
 * case content: events carry ids, codes, dates and counts; notifications carry a template
 * ("a case needs you"), never the text of the case.
 */

import type { OwnerRole } from "../access/roles.ts";
import type { IsoDate } from "../calendar/iso-date.ts";
import type { StepKind, StepOwner } from "./deadlines.ts";
import type { Instant } from "./types.ts";

export const CASE_EVENT_TYPES = [
  "case.reported",
  "case.alertEscalated",
  "case.acknowledged",
  "case.statusChanged",
  "case.investigationNoteAdded",
  "case.pupilViewRecorded",
  "case.bestInterestRecorded",
  "case.pupilNotHeardRecorded",
  "case.involvedPupilAdded",
  "case.seriousnessAssessed",
  "case.immediateMeasuresRecorded",
  "case.guardiansInformed",
  "case.adultPupilChoiceRecorded",
  "case.coveringStatementRecorded",
  "case.pupilAdded",
  "case.planSaved",
  "case.planCommunicated",
  "case.planResponseRecorded",
  "case.measureCarriedOut",
  "case.evaluationRecorded",
  "case.markedSerious",
  "case.ownerNotified",
  "case.obviouslyUnfoundedRecorded",
  "case.teamMemberAdded",
  "case.teamMemberRemoved",
  "case.reportJoined",
  "case.joinedInto",
  "case.reclassified",
  "case.reporterReplied",
  "case.reporterWrote",
  "case.closed",
  /** The pupil answered a check-in (ADR 0117); the answer is a pupil view. */
  "case.checkInAnswered",
] as const;
export type CaseEventType = (typeof CASE_EVENT_TYPES)[number];

export type EventData = Readonly<Record<string, string | number | boolean | null>>;

export interface CaseEvent {
  readonly type: CaseEventType;
  readonly caseId: string;
  readonly at: Instant;
  /** A person id, `system` (job runner) or `anonymous` (a "si ifra" report). */
  readonly actorId: string;
  readonly data: EventData;
}

export type Recipient =
  | {
      readonly type: "schoolRole";
      readonly role: "principal" | "deputy";
      readonly schoolId: string;
    }
  | { readonly type: "ownerRole"; readonly role: OwnerRole; readonly ownerId: string }
  | { readonly type: "person"; readonly personId: string }
  /** The person who filed the report (never resolved for anonymous reports). */
  | { readonly type: "reporter"; readonly reportId: string };

export const NOTIFICATION_TEMPLATES = [
  /** A new report needs acknowledging. */
  "case.newReport",
  /** Nobody acknowledged in time; the alert reached the next level. */
  "case.alertEscalated",
  /** To the reporter: your report was received and acknowledged. */
  "case.reportAcknowledged",
  /** To the owner: the principal marked a case serious. */
  "case.markedSerious",
  /** §12-5 notice to the owner. */
  "case.staffViolationNotice",
  /** §12-5: decide today whether to notify the owner. */
  "case.ownerDecisionNeeded",
  /** To the owner: a case became a leadership case and is now the owner's. */
  "case.leadershipCaseHandedOver",
  /** To principal and deputy: the owner handed a case back to the school (not leadership). */
  "case.handedToSchool",
  /** To a person added to the case team. */
  "case.addedToTeam",
  /** To the case's leads and team: an anonymous reporter wrote again (by receipt code). */
  "case.reporterWrote",
  /** Reminders: a dated step is coming up / is overdue. */
  "case.stepUpcoming",
  "case.stepOverdue",
  /** To the case's leads and team: a pupil's check-in says they do not (fully) feel safe. */
  "case.checkInNotSafe",
] as const;
export type NotificationTemplate = (typeof NOTIFICATION_TEMPLATES)[number];

/**
 * A reminder for one dated step. The job runner sends it on `on` (at a time of day the
 * server chooses) only if the step is still pending then (`pendingSteps`).
 */
export interface Reminder {
  readonly step: StepKind;
  /** The measure id for `carryOutMeasure`, otherwise null. */
  readonly ref: string | null;
  readonly phase: "upcoming" | "overdue";
  readonly on: IsoDate;
  readonly owner: StepOwner;
  readonly template: "case.stepUpcoming" | "case.stepOverdue";
}

export type CaseJob =
  | {
      readonly type: "notify";
      readonly caseId: string;
      readonly recipient: Recipient;
      readonly template: NotificationTemplate;
    }
  | {
      /** Run `escalateAlert(level)` at `at`; it is refused (a no-op) if acknowledged by then. */
      readonly type: "scheduleAlertEscalation";
      readonly caseId: string;
      readonly level: number;
      readonly at: Instant;
    }
  | { readonly type: "cancelAlertEscalation"; readonly caseId: string }
  /** Replace every scheduled reminder of the case with this list (empty: cancel all). */
  | {
      readonly type: "replaceReminders";
      readonly caseId: string;
      readonly reminders: readonly Reminder[];
    }
  /** The school's keep-apart pairs may have changed; recompute with `keepApartPairs`. */
  | { readonly type: "keepApartChanged"; readonly schoolId: string };
