/**
 * The case state machine: `transition(state, command, ctx)` decides, and returns the next
 * state with the audit events and jobs it implies; it never performs them. The server runs
 * it inside a transaction: load the case, transition, write the next state and the events
 * together, enqueue the jobs after commit.
 *
 * Allowed commands per status (R reported, A acknowledged, I investigating, M measuresActive,
 * E evaluating, C closed; "→X" the status after; anything else is refused with a stable code):
 *
 *   acknowledge, escalateAlert (system) ........ R (acknowledge → A)
 *   addInvestigationNote, recordPupilView,
 *     recordPupilNotHeard, recordBestInterest .. A → I, I, M, E
 *   addInvolvedPupil, assessSeriousness,
 *     recordImmediateMeasures,
 *     recordGuardiansInformed,
 *     recordAdultPupilChoice ................... A, I, M, E
 *   recordCoveringStatement .................... every status, closed included
 *   addPupil, markSerious, notifyOwner,
 *     recordObviouslyUnfounded, addTeamMember,
 *     removeTeamMember, reclassify ............. A, I, M, E
 *   savePlan ................................... A, I, E → M; M (a new revision)
 *   recordPlanCommunicated, recordPlanResponse,
 *     recordMeasureCarriedOut .................. M, E
 *   recordEvaluation ........................... M → E
 *   joinReport (take another case's reports) ... R, A, I, M, E
 *   joinInto (be joined into another case) ..... R, A → C
 *   replyToReporter ............................ A, I, M, E
 *   close ...................................... A, I, E → C (M: evaluate first)
 *
 * An anonymous reporter's own message (`receiveReporterMessage`) is not a command of a
 * person: it is accepted in every open status and refused on a closed case.
 *
 * Every accepted command increments `version` and emits at least one audit event; a
 * refused command changes nothing. A closed case is closed and locked: it refuses every
 * command but the covering statement to Statsforvalteren, which is written about a case
 * after the fact and changes nothing that was recorded (ADR 0113).
 */

import type { Actor } from "../access/actor.ts";
import { type IsoDate, minIsoDate, osloDateOf } from "../calendar/iso-date.ts";
import type { WorkingDayCalendar } from "../calendar/working-days.ts";
import {
  accessViewOf,
  type CaseActor,
  canPerform,
  canReport,
  isSystemActor,
} from "./case-access.ts";
import type { CaseCommand, CaseCommandType } from "./commands.ts";
import { nextStep, planDeadline, reminderSchedule } from "./deadlines.ts";
import { checkToldAt, toldInstant } from "./duty-rules.ts";
import type { CaseEvent, CaseJob } from "./effects.ts";
import { type CaseError, caseError } from "./errors.ts";
import {
  alertLevelAt,
  alertRecipients,
  hasAlertLevel,
  isLeadershipKind,
  recipientAllowed,
} from "./escalation.ts";
import {
  anonymousReportError,
  HANDLERS,
  type HandlerContext,
  type HandlerResult,
  isStaffCase,
} from "./handlers.ts";
import { checkId, checkText, oneOf } from "./input.ts";
import { caseKeepApartPairs } from "./keep-apart.ts";
import { type CaseSettings, validateCaseSettings } from "./settings.ts";
import {
  CASE_KINDS,
  CASE_STATUSES,
  type CaseKind,
  type CaseReport,
  type CaseState,
  type CaseStatus,
  INVOLVEMENT_ROLES,
  type InvolvementRole,
  type PupilView,
  REPORT_CHANNELS,
  type ReportChannel,
  type Reporter,
} from "./types.ts";

export interface TransitionContext {
  readonly now: Date;
  /** A person (with every grant they hold) or the job runner (`SYSTEM_ACTOR`). */
  readonly actor: CaseActor;
  /** The owner's working-day calendar (public holidays plus the owner's closed days). */
  readonly calendar: WorkingDayCalendar;
  readonly settings: CaseSettings;
}

export type TransitionResult =
  | {
      readonly ok: true;
      readonly next: CaseState;
      readonly events: readonly CaseEvent[];
      readonly jobs: readonly CaseJob[];
    }
  | { readonly ok: false; readonly error: CaseError };

const ACTIVE: readonly CaseStatus[] = [
  "acknowledged",
  "investigating",
  "measuresActive",
  "evaluating",
];
const WITH_PLAN: readonly CaseStatus[] = ["measuresActive", "evaluating"];

/** The statuses in which each command is accepted. */
export const ALLOWED_STATUSES: Readonly<Record<CaseCommandType, readonly CaseStatus[]>> = {
  acknowledge: ["reported"],
  escalateAlert: ["reported"],
  addInvestigationNote: ACTIVE,
  recordPupilView: ACTIVE,
  recordPupilNotHeard: ACTIVE,
  recordBestInterest: ACTIVE,
  addInvolvedPupil: ACTIVE,
  assessSeriousness: ACTIVE,
  recordImmediateMeasures: ACTIVE,
  recordGuardiansInformed: ACTIVE,
  recordAdultPupilChoice: ACTIVE,
  recordCoveringStatement: [...CASE_STATUSES],
  addPupil: ACTIVE,
  savePlan: ACTIVE,
  recordPlanCommunicated: WITH_PLAN,
  recordPlanResponse: WITH_PLAN,
  recordMeasureCarriedOut: WITH_PLAN,
  recordEvaluation: ["measuresActive"],
  markSerious: ACTIVE,
  notifyOwner: ACTIVE,
  recordObviouslyUnfounded: ACTIVE,
  addTeamMember: ACTIVE,
  removeTeamMember: ACTIVE,
  joinReport: ["reported", ...ACTIVE],
  joinInto: ["reported", "acknowledged"],
  reclassify: ACTIVE,
  replyToReporter: ACTIVE,
  close: ["acknowledged", "investigating", "evaluating"],
};

/** Why a command is refused in a status it is not allowed in: the most helpful code. */
function statusError(type: CaseCommandType, status: CaseStatus): CaseError {
  if (status === "closed") return caseError("case.closed");
  if (type === "acknowledge" || type === "escalateAlert")
    return caseError("case.alreadyAcknowledged");
  if (status === "reported") return caseError("case.notAcknowledged");
  if (type === "joinInto") return caseError("join.sourceNotJoinable", { status });
  if (type === "close" && status === "measuresActive") return caseError("case.evaluationRequired");
  const needsPlan =
    type === "recordPlanCommunicated" ||
    type === "recordPlanResponse" ||
    type === "recordMeasureCarriedOut" ||
    type === "recordEvaluation";
  if (needsPlan && (status === "acknowledged" || status === "investigating")) {
    return caseError("case.noPlan");
  }
  return caseError("case.wrongStatus", { status, command: type });
}

export function handlerContext(ctx: TransitionContext): HandlerContext {
  return {
    now: ctx.now,
    at: ctx.now.toISOString(),
    today: osloDateOf(ctx.now),
    actor: ctx.actor,
    actorId: isSystemActor(ctx.actor) ? "system" : ctx.actor.personId,
    calendar: ctx.calendar,
    settings: ctx.settings,
  };
}

export function checkContext(ctx: { now: Date; settings: CaseSettings }): CaseError | null {
  if (!(ctx.now instanceof Date) || Number.isNaN(ctx.now.getTime())) {
    return caseError("input.invalidValue", { field: "now" });
  }
  return validateCaseSettings(ctx.settings);
}

function samePairs(a: CaseState, b: CaseState, today: IsoDate): boolean {
  return (
    JSON.stringify(caseKeepApartPairs(a, today)) === JSON.stringify(caseKeepApartPairs(b, today))
  );
}

/**
 * Wrap a handler's outcome: version, status-change event, reminders, keep-apart notice,
 * the recipient filter for leadership cases, and the next-step invariant. Exported for the
 * inputs that are not a team member's command (a pupil's check-in answer, check-in.ts).
 */
export function finish(
  before: CaseState | null,
  result: HandlerResult,
  ctx: TransitionContext,
  h: HandlerContext,
  eventActorId: string = h.actorId,
): TransitionResult {
  if (!("next" in result)) return { ok: false, error: result };
  const next: CaseState = { ...result.next, version: (before?.version ?? 0) + 1 };
  if (next.status !== "closed" && nextStep(next, ctx.now) === null) {
    return { ok: false, error: caseError("case.noNextStep") };
  }
  const stamp = (type: CaseEvent["type"], data: CaseEvent["data"]): CaseEvent => ({
    type,
    caseId: next.id,
    at: h.at,
    actorId: eventActorId,
    data,
  });
  const events = result.events.map(([type, data]) => stamp(type, data));
  if (before !== null && before.status !== next.status) {
    events.push(stamp("case.statusChanged", { from: before.status, to: next.status }));
  }
  const jobs: CaseJob[] = result.jobs.filter(
    (j) => j.type !== "notify" || recipientAllowed(next, j.recipient),
  );
  const reminders = reminderSchedule(next, ctx.now, ctx.calendar);
  const previous = before === null ? [] : reminderSchedule(before, ctx.now, ctx.calendar);
  if (before === null || JSON.stringify(reminders) !== JSON.stringify(previous)) {
    jobs.push({ type: "replaceReminders", caseId: next.id, reminders });
  }
  if (before !== null && !samePairs(before, next, h.today)) {
    jobs.push({ type: "keepApartChanged", schoolId: next.schoolId });
  }
  return { ok: true, next, events, jobs };
}

export function transition(
  state: CaseState,
  command: CaseCommand,
  ctx: TransitionContext,
): TransitionResult {
  const contextError = checkContext(ctx);
  if (contextError) return { ok: false, error: contextError };
  const type = command?.type;
  const handler = HANDLERS[type as CaseCommandType] as
    | ((c: CaseState, cmd: CaseCommand, h: HandlerContext) => HandlerResult)
    | undefined;
  if (typeof type !== "string" || handler === undefined) {
    return { ok: false, error: caseError("input.invalidValue", { field: "type" }) };
  }
  const decision = canPerform(ctx.actor, type, accessViewOf(state));
  if (!decision.allow) {
    return { ok: false, error: caseError("case.accessDenied", { reason: decision.reason }) };
  }
  if (!ALLOWED_STATUSES[type].includes(state.status)) {
    return { ok: false, error: statusError(type, state.status) };
  }
  const h = handlerContext(ctx);
  return finish(state, handler(state, command, h), ctx, h);
}

function anonymousReporter(input: NewCase): boolean {
  return input.reporter?.type === "anonymous";
}

/** Involved pupils: valid roles, no duplicates, none of them a pupil the case is about. */
function checkInvolved(
  involved: NewCase["involvedPupils"],
  pupils: readonly string[],
): CaseError | null {
  if (involved === undefined) return null;
  if (!Array.isArray(involved)) return caseError("input.invalidValue", { field: "involvedPupils" });
  const seen = new Set<string>();
  for (const p of involved) {
    if (
      checkId(p?.pupilId, "involvedPupils") !== null ||
      !oneOf(p.role, INVOLVEMENT_ROLES) ||
      seen.has(p.pupilId) ||
      pupils.includes(p.pupilId)
    ) {
      return caseError("input.invalidValue", { field: "involvedPupils" });
    }
    seen.add(p.pupilId);
  }
  return null;
}

/** A new report that opens a case. Ids are generated by the server. */
export interface NewCase {
  readonly caseId: string;
  readonly reportId: string;
  readonly schoolId: string;
  readonly ownerId: string;
  readonly kind: CaseKind;
  readonly pupils: readonly string[];
  readonly description: string;
  readonly reporter: Reporter;
  /**
   * When the school was told, for a report given in person, by phone, Teams or SMS and
   * registered afterwards (at most 30 days back). Absent: now. Deadlines run from here.
   */
  readonly toldAt?: string;
  /** How the school was told; `form` when absent. */
  readonly channel?: ReportChannel;
  /** Other pupils directly involved, named in the report (alleged actors, bystanders). */
  readonly involvedPupils?: readonly { readonly pupilId: string; readonly role: InvolvementRole }[];
  /**
   * The reporter says the pupil said they do not feel safe: the case starts with that as
   * each pupil's first recorded view (source `reporter`), so it cannot close on silence.
   */
  readonly pupilSaidUnsafe?: boolean;
}

export interface OpenCaseContext {
  readonly now: Date;
  /** The person reporting; null for a report made without logging in ("si ifra"). */
  readonly actor: Actor | null;
  readonly calendar: WorkingDayCalendar;
  readonly settings: CaseSettings;
}

/** The reporter must be the person reporting (or anonymous) and hold the capacity claimed. */
function checkReporter(input: NewCase, actor: Actor | null): CaseError | null {
  const reporter = input.reporter;
  if (reporter?.type === "anonymous") {
    if (checkId(reporter.receiptCodeHash, "receiptCodeHash")) {
      return caseError("input.invalidValue", { field: "reporter" });
    }
    return input.kind === "pupil-reported"
      ? null
      : caseError("report.kindNotAllowed", { kind: input.kind });
  }
  if (reporter?.type !== "person" || actor === null || reporter.personId !== actor.personId) {
    return caseError("input.invalidValue", { field: "reporter" });
  }
  const staff = canReport(actor, "staff-concern", input.schoolId).allow;
  const member = actor.grants.some(
    (g) =>
      "schoolId" in g &&
      g.schoolId === input.schoolId &&
      g.role === (reporter.capacity === "pupil" ? "pupil" : "guardian"),
  );
  const holds = reporter.capacity === "staff" ? staff : member;
  return holds ? null : caseError("input.invalidValue", { field: "reporter.capacity" });
}

/**
 * Open a case from its first report: status `reported`, the first alert level notified at
 * once, the escalation scheduled, the plan deadline fixed from the Oslo date of `now`.
 */
export function openCase(input: NewCase, ctx: OpenCaseContext): TransitionResult {
  const contextError = checkContext(ctx);
  if (contextError) return { ok: false, error: contextError };
  if (!oneOf(input.kind, CASE_KINDS)) {
    return { ok: false, error: caseError("input.invalidValue", { field: "kind" }) };
  }
  const allowed = canReport(ctx.actor, input.kind, input.schoolId);
  if (!allowed.allow) {
    return {
      ok: false,
      error:
        allowed.reason === "staffOnly"
          ? caseError("report.kindNotAllowed", { kind: input.kind })
          : caseError("case.accessDenied", { reason: allowed.reason }),
    };
  }
  const pupils = Array.isArray(input.pupils) ? input.pupils : [];
  const error =
    checkId(input.caseId, "caseId") ??
    checkId(input.reportId, "reportId") ??
    checkId(input.schoolId, "schoolId") ??
    checkId(input.ownerId, "ownerId") ??
    checkReporter(input, ctx.actor) ??
    checkText(input.description, "description") ??
    (pupils.some((p) => checkId(p, "pupils") !== null) || new Set(pupils).size !== pupils.length
      ? caseError("input.invalidValue", { field: "pupils" })
      : null) ??
    // Only a pupil's own "si ifra" may leave the pupil unnamed (it may be anonymous).
    (pupils.length === 0 && input.kind !== "pupil-reported"
      ? caseError("report.pupilsMissing")
      : null) ??
    (input.toldAt === undefined ? null : checkToldAt(input.toldAt, ctx.now)) ??
    (input.channel === undefined || oneOf(input.channel, REPORT_CHANNELS)
      ? null
      : caseError("input.invalidValue", { field: "channel" })) ??
    checkInvolved(input.involvedPupils, pupils);
  if (error) return { ok: false, error };

  const h = handlerContext({ ...ctx, actor: ctx.actor ?? { personId: "anonymous", grants: [] } });
  const minutes = ctx.settings.alertEscalationMinutes;
  const toldAt = toldInstant(input.toldAt, ctx.now);
  // Day 0 of every clock is the day the school knew, not the day it was typed in.
  const learnedOn = osloDateOf(new Date(toldAt));
  // The alert can only go out when the report is entered: its clock runs from entry.
  const firstEscalation = alertLevelAt(h.at, 1, minutes);
  const report: CaseReport = {
    id: input.reportId,
    kind: input.kind,
    reporter: input.reporter,
    pupils: [...pupils],
    description: input.description,
    reportedAt: h.at,
    toldAt,
    channel: input.channel ?? "form",
    learnedOn,
    acknowledgedAt: null,
  };
  const planDueOn = planDeadline(learnedOn, ctx.settings.planDeadlineWorkingDays, ctx.calendar);
  const reporterViews: PupilView[] = input.pupilSaidUnsafe
    ? pupils.map((pupilId, i) => ({
        id: `${input.reportId}:view:${i}`,
        pupilId,
        heardOn: learnedOn,
        words: "",
        feelsSafe: false,
        source: "reporter",
        recordedAt: h.at,
        recordedBy: anonymousReporter(input) ? "anonymous" : h.actorId,
      }))
    : [];
  const state: CaseState = {
    id: input.caseId,
    schoolId: input.schoolId,
    ownerId: input.ownerId,
    kind: input.kind,
    status: "reported",
    version: 0,
    pupils: [...pupils],
    reports: [report],
    reportedAt: h.at,
    learnedOn,
    acknowledgeBy: firstEscalation,
    alert: {
      level: 0,
      nextEscalationAt: hasAlertLevel(input.kind, 1) ? firstEscalation : null,
      escalations: [],
    },
    acknowledgedAt: null,
    acknowledgedBy: null,
    planDueOn,
    serious: null,
    escalatedToOwnerAt: isLeadershipKind(input.kind) ? h.at : null,
    ownerDecisionDueOn: input.kind === "staff-violation" ? learnedOn : null,
    staffViolationDecisions: [],
    kindChanges: [],
    investigateBy: minIsoDate(
      planDueOn,
      ctx.calendar.addWorkingDays(learnedOn, ctx.settings.investigationDeadlineWorkingDays),
    ),
    seriousness: null,
    immediateMeasuresDueOn: isStaffCase(input.kind) ? learnedOn : null,
    immediateMeasures: [],
    familyInformedBy: null,
    familyInformation: [],
    team: [],
    investigationNotes: [],
    involvedPupils: (input.involvedPupils ?? []).map((p) => ({
      pupilId: p.pupilId,
      role: p.role,
      addedAt: h.at,
      addedBy: h.actorId,
    })),
    pupilViews: reporterViews,
    pupilsNotHeard: [],
    bestInterest: [],
    planRevisions: [],
    planCommunications: [],
    planResponses: [],
    measureLog: [],
    evaluations: [],
    reporterMessages: [],
    coveringStatements: [],
    closedAt: null,
    closedBy: null,
    closure: null,
  };
  const jobs: CaseJob[] = alertRecipients(state, 0).map((recipient) => ({
    type: "notify",
    caseId: state.id,
    recipient,
    template: "case.newReport",
  }));
  if (state.alert.nextEscalationAt !== null) {
    jobs.push({
      type: "scheduleAlertEscalation",
      caseId: state.id,
      level: 1,
      at: state.alert.nextEscalationAt,
    });
  }
  const anonymous = input.reporter.type === "anonymous";
  return finish(
    null,
    {
      next: state,
      events: [
        [
          "case.reported",
          {
            reportId: input.reportId,
            kind: input.kind,
            pupils: pupils.length,
            anonymous,
            planDueOn: state.planDueOn,
            channel: report.channel,
            toldAt: report.toldAt,
            pupilSaidUnsafe: reporterViews.length > 0,
          },
        ],
      ],
      jobs,
    },
    { ...ctx, actor: h.actor },
    h,
    // An anonymous report stays anonymous in the audit log, even from a logged-in pupil.
    anonymous || ctx.actor === null ? "anonymous" : h.actorId,
  );
}

export type JoinResult =
  | {
      readonly ok: true;
      readonly source: CaseState;
      readonly target: CaseState;
      readonly events: readonly CaseEvent[];
      readonly jobs: readonly CaseJob[];
    }
  | { readonly ok: false; readonly error: CaseError };

/**
 * Join the reports of `source` (a new case, not yet worked on) into `target`: the target
 * takes the reports and pupils; the source closes as joined. Both or neither.
 */
export function joinCases(
  source: CaseState,
  target: CaseState,
  ctx: TransitionContext,
): JoinResult {
  const into = transition(target, { type: "joinReport", source }, ctx);
  if (!into.ok) return into;
  const from = transition(source, { type: "joinInto", target }, ctx);
  if (!from.ok) return from;
  return {
    ok: true,
    source: from.next,
    target: into.next,
    events: [...into.events, ...from.events],
    jobs: [...into.jobs, ...from.jobs],
  };
}

/** What an anonymous reporter writes with their receipt code. Ids come from the server. */
export interface ReporterMessageInput {
  readonly messageId: string;
  readonly reportId: string;
  readonly text: string;
}

/**
 * An anonymous reporter writes to the school in their report's conversation. There is no
 * actor: the server found the report by the receipt code's hash, and the event names no one
 * ("anonymous"). Accepted while the case is open; a closed case is archived read-only. The
 * case's leads and team are told that there is something new (never what).
 */
export function receiveReporterMessage(
  state: CaseState,
  input: ReporterMessageInput,
  ctx: Omit<TransitionContext, "actor">,
): TransitionResult {
  const contextError = checkContext(ctx);
  if (contextError) return { ok: false, error: contextError };
  if (state.status === "closed") return { ok: false, error: caseError("case.closed") };
  const messages = state.reporterMessages ?? [];
  const error =
    checkId(input.messageId, "messageId") ??
    (messages.some((m) => m.id === input.messageId)
      ? caseError("input.duplicateId", { field: "messageId" })
      : null) ??
    anonymousReportError(state, input.reportId) ??
    checkText(input.text, "text");
  if (error) return { ok: false, error };
  const actor = { personId: "anonymous", grants: [] };
  const h = handlerContext({ ...ctx, actor });
  const recipients = [
    ...alertRecipients(state, 0),
    ...state.team.map((m) => ({ type: "person" as const, personId: m.personId })),
  ];
  return finish(
    state,
    {
      next: {
        ...state,
        reporterMessages: [
          ...messages,
          {
            id: input.messageId,
            reportId: input.reportId,
            from: "reporter",
            text: input.text,
            at: h.at,
            by: null,
          },
        ],
      },
      events: [["case.reporterWrote", { messageId: input.messageId, reportId: input.reportId }]],
      jobs: recipients.map((recipient) => ({
        type: "notify" as const,
        caseId: state.id,
        recipient,
        template: "case.reporterWrote" as const,
      })),
    },
    { ...ctx, actor },
    h,
    "anonymous",
  );
}
