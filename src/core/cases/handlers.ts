/**
 * One handler per command: check the command against the case, then build the next state
 * and the command's own events and jobs. Cross-cutting work (access, status gate, version,
 * status-change events, reminders, keep-apart notices, the next-step invariant) happens in
 * transition.ts, so a handler only says what is special about its command.
 */

import { schoolRolesAt } from "../access/actor.ts";
import { isRole, LEADERSHIP_ROLES, OWNER_ROLES, type Role, STAFF_ROLES } from "../access/roles.ts";
import { type IsoDate, minIsoDate, osloDateOf } from "../calendar/iso-date.ts";
import type { WorkingDayCalendar } from "../calendar/working-days.ts";
import { accessViewOf, type CaseActor, canPerform, isSystemActor } from "./case-access.ts";
import type { CaseCommand } from "./commands.ts";
import { planDeadline } from "./deadlines.ts";
import { checkHeardAndAssessed, decideClosure, isClosure } from "./duty-rules.ts";
import type {
  CaseEventType,
  CaseJob,
  EventData,
  NotificationTemplate,
  Recipient,
} from "./effects.ts";
import { type CaseError, caseError } from "./errors.ts";
import {
  alertLevelAt,
  alertRecipients,
  hasAlertLevel,
  isLeadershipKind,
  ownerCaseOfficer,
} from "./escalation.ts";
import {
  checkId,
  checkOptionalText,
  checkPastDate,
  checkText,
  isValidDate,
  oneOf,
} from "./input.ts";
import { compatibleKinds } from "./join-suggestions.ts";
import { validatePlan } from "./plan-validation.ts";
import type { CaseSettings } from "./settings.ts";
import {
  CASE_KINDS,
  type CaseReport,
  type CaseState,
  type CaseStatus,
  currentPlan,
  currentStaffViolationDecision,
  INFORM_CHANNELS,
  INVOLVEMENT_ROLES,
  type Instant,
  MEASURE_EFFECTS,
  NOTE_KINDS,
  type PlanParty,
  type PupilView,
  type TeamMember,
} from "./types.ts";

export interface HandlerContext {
  readonly now: Date;
  readonly at: Instant;
  readonly today: IsoDate;
  readonly actor: CaseActor;
  readonly actorId: string;
  readonly calendar: WorkingDayCalendar;
  readonly settings: CaseSettings;
}

export interface Handled {
  readonly next: CaseState;
  readonly events: readonly (readonly [CaseEventType, EventData])[];
  readonly jobs: readonly CaseJob[];
}

export type HandlerResult = Handled | CaseError;

type Handler<T extends CaseCommand["type"]> = (
  c: CaseState,
  command: Extract<CaseCommand, { type: T }>,
  ctx: HandlerContext,
) => HandlerResult;

const PARTIES: readonly PlanParty[] = ["pupil", "guardians"];

/** The first error of a list of checks, or null. */
function firstError(...checks: (CaseError | null)[]): CaseError | null {
  for (const e of checks) if (e !== null) return e;
  return null;
}

/** Investigation work moves a freshly acknowledged case into `investigating`. */
function investigating(status: CaseStatus): CaseStatus {
  return status === "acknowledged" ? "investigating" : status;
}

function acknowledgeReports(reports: readonly CaseReport[], at: Instant): CaseReport[] {
  return reports.map((r) => (r.acknowledgedAt === null ? { ...r, acknowledgedAt: at } : r));
}

/** Tell each named reporter whose report just became acknowledged (never the content). */
function reporterNotices(
  caseId: string,
  before: readonly CaseReport[],
  after: readonly CaseReport[],
): CaseJob[] {
  const jobs: CaseJob[] = [];
  for (const r of after) {
    const was = before.find((b) => b.id === r.id);
    if (r.reporter.type === "person" && r.acknowledgedAt !== null && !was?.acknowledgedAt) {
      jobs.push({
        type: "notify",
        caseId,
        recipient: { type: "reporter", reportId: r.id },
        template: "case.reportAcknowledged",
      });
    }
  }
  return jobs;
}

function notify(caseId: string, recipient: Recipient, template: NotificationTemplate): CaseJob {
  return { type: "notify", caseId, recipient, template };
}

/** Has any work been recorded that a join would silently drop? */
export function hasCaseWork(c: CaseState): boolean {
  return (
    c.investigationNotes.length > 0 ||
    // A view passed on in the report is part of the report, not work done on the case.
    c.pupilViews.some((v) => v.source !== "reporter") ||
    c.pupilsNotHeard.length > 0 ||
    c.bestInterest.length > 0 ||
    c.planRevisions.length > 0 ||
    c.evaluations.length > 0 ||
    c.staffViolationDecisions.length > 0 ||
    c.serious !== null ||
    c.kindChanges.length > 0
  );
}

const acknowledge: Handler<"acknowledge"> = (c, _cmd, ctx) => {
  const reports = acknowledgeReports(c.reports, ctx.at);
  const jobs: CaseJob[] = [
    { type: "cancelAlertEscalation", caseId: c.id },
    ...reporterNotices(c.id, c.reports, reports),
  ];
  if (
    c.kind === "staff-violation" &&
    currentStaffViolationDecision(c) === undefined &&
    !(!isSystemActor(ctx.actor) && schoolRolesAt(ctx.actor, c.schoolId).has("principal"))
  ) {
    // The §12-5 decision is the principal's; a deputy's acknowledgement must not hide it.
    jobs.push(
      notify(
        c.id,
        { type: "schoolRole", role: "principal", schoolId: c.schoolId },
        "case.ownerDecisionNeeded",
      ),
    );
  }
  return {
    next: {
      ...c,
      status: "acknowledged",
      acknowledgedAt: ctx.at,
      acknowledgedBy: ctx.actorId,
      reports,
      alert: { ...c.alert, nextEscalationAt: null },
      familyInformedBy:
        c.familyInformedBy ??
        ctx.calendar.addWorkingDays(ctx.today, ctx.settings.guardiansInformedWorkingDays),
    },
    events: [["case.acknowledged", { alertLevel: c.alert.level }]],
    jobs,
  };
};

const escalateAlert: Handler<"escalateAlert"> = (c, cmd, ctx) => {
  const expected = c.alert.level + 1;
  if (cmd.level !== expected || !hasAlertLevel(c.kind, cmd.level)) {
    return caseError("alert.levelMismatch", { expected });
  }
  if (
    c.alert.nextEscalationAt === null ||
    ctx.now.getTime() < Date.parse(c.alert.nextEscalationAt)
  ) {
    return caseError("alert.notDue");
  }
  const following = cmd.level + 1;
  const nextAt = hasAlertLevel(c.kind, following)
    ? alertLevelAt(c.reportedAt, following, ctx.settings.alertEscalationMinutes)
    : null;
  const jobs: CaseJob[] = alertRecipients(c, cmd.level).map((r) =>
    notify(c.id, r, "case.alertEscalated"),
  );
  if (nextAt !== null) {
    jobs.push({ type: "scheduleAlertEscalation", caseId: c.id, level: following, at: nextAt });
  }
  return {
    next: {
      ...c,
      alert: {
        level: cmd.level,
        nextEscalationAt: nextAt,
        escalations: [...c.alert.escalations, { level: cmd.level, at: ctx.at }],
      },
    },
    events: [["case.alertEscalated", { level: cmd.level }]],
    jobs,
  };
};

const addInvestigationNote: Handler<"addInvestigationNote"> = (c, cmd, ctx) => {
  const error = firstError(
    checkId(cmd.noteId, "noteId"),
    c.investigationNotes.some((n) => n.id === cmd.noteId)
      ? caseError("input.duplicateId", { field: "noteId" })
      : null,
    oneOf(cmd.kind, NOTE_KINDS) ? null : caseError("input.invalidValue", { field: "kind" }),
    checkPastDate(cmd.occurredOn, "occurredOn", ctx.today),
    checkText(cmd.text, "text"),
  );
  if (error) return error;
  return {
    next: {
      ...c,
      status: investigating(c.status),
      investigationNotes: [
        ...c.investigationNotes,
        {
          id: cmd.noteId,
          kind: cmd.kind,
          occurredOn: cmd.occurredOn,
          text: cmd.text,
          recordedAt: ctx.at,
          recordedBy: ctx.actorId,
        },
      ],
    },
    events: [["case.investigationNoteAdded", { noteId: cmd.noteId, kind: cmd.kind }]],
    jobs: [],
  };
};

function checkFeelsSafe(value: unknown): CaseError | null {
  return value === null || typeof value === "boolean"
    ? null
    : caseError("input.invalidValue", { field: "feelsSafe" });
}

const recordPupilView: Handler<"recordPupilView"> = (c, cmd, ctx) => {
  const error = firstError(
    checkId(cmd.viewId, "viewId"),
    c.pupilViews.some((v) => v.id === cmd.viewId)
      ? caseError("input.duplicateId", { field: "viewId" })
      : null,
    isCasePupil(c, cmd.pupilId)
      ? null
      : caseError("pupil.notInCase", { pupilId: String(cmd.pupilId) }),
    checkPastDate(cmd.heardOn, "heardOn", ctx.today),
    checkText(cmd.words, "words"),
    checkFeelsSafe(cmd.feelsSafe),
  );
  if (error) return error;
  const view: PupilView = {
    id: cmd.viewId,
    pupilId: cmd.pupilId,
    heardOn: cmd.heardOn,
    words: cmd.words,
    feelsSafe: cmd.feelsSafe,
    source: "conversation",
    recordedAt: ctx.at,
    recordedBy: ctx.actorId,
  };
  return {
    next: { ...c, status: investigating(c.status), pupilViews: [...c.pupilViews, view] },
    events: [
      [
        "case.pupilViewRecorded",
        { viewId: cmd.viewId, pupilId: cmd.pupilId, feelsSafe: cmd.feelsSafe },
      ],
    ],
    jobs: [],
  };
};

/** A pupil the case is about, or another pupil directly involved. */
function isCasePupil(c: CaseState, pupilId: unknown): boolean {
  return (
    typeof pupilId === "string" &&
    (c.pupils.includes(pupilId) || c.involvedPupils.some((p) => p.pupilId === pupilId))
  );
}

const recordPupilNotHeard: Handler<"recordPupilNotHeard"> = (c, cmd, ctx) => {
  const error = firstError(
    checkId(cmd.entryId, "entryId"),
    c.pupilsNotHeard.some((n) => n.id === cmd.entryId)
      ? caseError("input.duplicateId", { field: "entryId" })
      : null,
    isCasePupil(c, cmd.pupilId)
      ? null
      : caseError("pupil.notInCase", { pupilId: String(cmd.pupilId) }),
    checkText(cmd.reason, "reason"),
  );
  if (error) return error;
  return {
    next: {
      ...c,
      status: investigating(c.status),
      pupilsNotHeard: [
        ...c.pupilsNotHeard,
        {
          id: cmd.entryId,
          pupilId: cmd.pupilId,
          reason: cmd.reason,
          recordedAt: ctx.at,
          recordedBy: ctx.actorId,
        },
      ],
    },
    events: [["case.pupilNotHeardRecorded", { entryId: cmd.entryId, pupilId: cmd.pupilId }]],
    jobs: [],
  };
};

const addInvolvedPupil: Handler<"addInvolvedPupil"> = (c, cmd, ctx) => {
  const error = firstError(
    checkId(cmd.pupilId, "pupilId"),
    oneOf(cmd.role, INVOLVEMENT_ROLES) ? null : caseError("input.invalidValue", { field: "role" }),
    c.pupils.includes(cmd.pupilId)
      ? caseError("pupil.alreadyInCase", { pupilId: cmd.pupilId })
      : null,
    c.involvedPupils.some((p) => p.pupilId === cmd.pupilId)
      ? caseError("pupil.alreadyInvolved", { pupilId: cmd.pupilId })
      : null,
  );
  if (error) return error;
  return {
    next: {
      ...c,
      involvedPupils: [
        ...c.involvedPupils,
        { pupilId: cmd.pupilId, role: cmd.role, addedAt: ctx.at, addedBy: ctx.actorId },
      ],
    },
    events: [["case.involvedPupilAdded", { pupilId: cmd.pupilId, role: cmd.role }]],
    jobs: [],
  };
};

const assessSeriousness: Handler<"assessSeriousness"> = (c, cmd, ctx) => {
  const error = firstError(
    isLeadershipKind(c.kind) ? caseError("case.notForLeadershipCase") : null,
    c.seriousness !== null ? caseError("case.seriousnessAlreadyAssessed") : null,
    typeof cmd.serious === "boolean" ? null : caseError("input.invalidValue", { field: "serious" }),
    cmd.serious === true
      ? checkText(cmd.reason, "reason")
      : checkOptionalText(cmd.reason, "reason"),
  );
  if (error) return error;
  const reason = typeof cmd.reason === "string" && cmd.reason.trim() !== "" ? cmd.reason : null;
  const seriousness = { serious: cmd.serious, reason, at: ctx.at, by: ctx.actorId };
  if (!cmd.serious) {
    return {
      next: { ...c, seriousness },
      events: [["case.seriousnessAssessed", { serious: false }]],
      jobs: [],
    };
  }
  // "Yes" is the same as marking the case serious: the owner is told at once.
  const alreadySerious = c.serious !== null;
  return {
    next: {
      ...c,
      seriousness,
      serious: c.serious ?? { reason: reason ?? "", at: ctx.at, by: ctx.actorId },
      escalatedToOwnerAt: c.escalatedToOwnerAt ?? ctx.at,
    },
    events: [
      ["case.seriousnessAssessed", { serious: true }],
      ...(alreadySerious ? [] : [["case.markedSerious", {}] as const]),
    ],
    jobs: alreadySerious ? [] : [notify(c.id, ownerCaseOfficer(c), "case.markedSerious")],
  };
};

/** §12-5 kinds: someone working at the school, or in its leadership, violating a pupil. */
export function isStaffCase(kind: CaseState["kind"]): boolean {
  return kind === "staff-violation" || kind === "leadership-violation";
}

const recordImmediateMeasures: Handler<"recordImmediateMeasures"> = (c, cmd, ctx) => {
  const error = firstError(
    isStaffCase(c.kind) ? null : caseError("case.notStaffCase"),
    checkId(cmd.entryId, "entryId"),
    c.immediateMeasures.some((m) => m.id === cmd.entryId)
      ? caseError("input.duplicateId", { field: "entryId" })
      : null,
    checkText(cmd.text, "text"),
  );
  if (error) return error;
  return {
    next: {
      ...c,
      immediateMeasures: [
        ...c.immediateMeasures,
        { id: cmd.entryId, text: cmd.text, at: ctx.at, by: ctx.actorId },
      ],
    },
    events: [
      [
        "case.immediateMeasuresRecorded",
        {
          entryId: cmd.entryId,
          onTime: c.immediateMeasuresDueOn === null || ctx.today <= c.immediateMeasuresDueOn,
        },
      ],
    ],
    jobs: [],
  };
};

function checkFamilyEntry(
  c: CaseState,
  entryId: unknown,
  pupilId: unknown,
  on: unknown,
  field: string,
  today: IsoDate,
): CaseError | null {
  return firstError(
    checkId(entryId, "entryId"),
    c.familyInformation.some((f) => f.id === entryId)
      ? caseError("input.duplicateId", { field: "entryId" })
      : null,
    typeof pupilId === "string" && c.pupils.includes(pupilId)
      ? null
      : caseError("pupil.notInCase", { pupilId: String(pupilId) }),
    checkPastDate(on, field, today),
    isValidDate(on) && on < c.learnedOn ? caseError("family.beforeCase") : null,
  );
}

const recordGuardiansInformed: Handler<"recordGuardiansInformed"> = (c, cmd, ctx) => {
  const error = firstError(
    checkFamilyEntry(c, cmd.entryId, cmd.pupilId, cmd.informedOn, "informedOn", ctx.today),
    oneOf(cmd.channel, INFORM_CHANNELS)
      ? null
      : caseError("input.invalidValue", { field: "channel" }),
    checkId(cmd.informedBy, "informedBy"),
    // A pupil of 18 or over decides whether the family is told.
    cmd.pupilIsAdult === true &&
      !c.familyInformation.some(
        (f) => f.type === "adultPupilChoice" && f.pupilId === cmd.pupilId && f.familyMayBeTold,
      )
      ? caseError("family.adultPupilNotAsked", { pupilId: cmd.pupilId })
      : null,
  );
  if (error) return error;
  return {
    next: {
      ...c,
      familyInformation: [
        ...c.familyInformation,
        {
          type: "guardiansInformed",
          id: cmd.entryId,
          pupilId: cmd.pupilId,
          informedOn: cmd.informedOn,
          channel: cmd.channel,
          informedBy: cmd.informedBy,
          recordedAt: ctx.at,
          recordedBy: ctx.actorId,
        },
      ],
    },
    events: [
      [
        "case.guardiansInformed",
        {
          entryId: cmd.entryId,
          pupilId: cmd.pupilId,
          channel: cmd.channel,
          onTime: c.familyInformedBy === null || cmd.informedOn <= c.familyInformedBy,
        },
      ],
    ],
    jobs: [],
  };
};

const recordAdultPupilChoice: Handler<"recordAdultPupilChoice"> = (c, cmd, ctx) => {
  const error = firstError(
    checkFamilyEntry(c, cmd.entryId, cmd.pupilId, cmd.decidedOn, "decidedOn", ctx.today),
    cmd.pupilIsAdult === true
      ? null
      : caseError("family.pupilNotAdult", { pupilId: String(cmd.pupilId) }),
    typeof cmd.familyMayBeTold === "boolean"
      ? null
      : caseError("input.invalidValue", { field: "familyMayBeTold" }),
  );
  if (error) return error;
  return {
    next: {
      ...c,
      familyInformation: [
        ...c.familyInformation,
        {
          type: "adultPupilChoice",
          id: cmd.entryId,
          pupilId: cmd.pupilId,
          familyMayBeTold: cmd.familyMayBeTold,
          decidedOn: cmd.decidedOn,
          recordedAt: ctx.at,
          recordedBy: ctx.actorId,
        },
      ],
    },
    events: [
      [
        "case.adultPupilChoiceRecorded",
        { entryId: cmd.entryId, pupilId: cmd.pupilId, familyMayBeTold: cmd.familyMayBeTold },
      ],
    ],
    jobs: [],
  };
};

const recordCoveringStatement: Handler<"recordCoveringStatement"> = (c, cmd, ctx) => {
  const error = firstError(
    checkId(cmd.entryId, "entryId"),
    c.coveringStatements.some((s) => s.id === cmd.entryId)
      ? caseError("input.duplicateId", { field: "entryId" })
      : null,
    checkText(cmd.text, "text"),
  );
  if (error) return error;
  return {
    next: {
      ...c,
      coveringStatements: [
        ...c.coveringStatements,
        { id: cmd.entryId, text: cmd.text, recordedAt: ctx.at, recordedBy: ctx.actorId },
      ],
    },
    events: [["case.coveringStatementRecorded", { entryId: cmd.entryId }]],
    jobs: [],
  };
};

const recordBestInterest: Handler<"recordBestInterest"> = (c, cmd, ctx) => {
  const error = firstError(
    checkId(cmd.assessmentId, "assessmentId"),
    c.bestInterest.some((b) => b.id === cmd.assessmentId)
      ? caseError("input.duplicateId", { field: "assessmentId" })
      : null,
    checkText(cmd.text, "text"),
  );
  if (error) return error;
  return {
    next: {
      ...c,
      status: investigating(c.status),
      bestInterest: [
        ...c.bestInterest,
        { id: cmd.assessmentId, text: cmd.text, recordedAt: ctx.at, recordedBy: ctx.actorId },
      ],
    },
    events: [["case.bestInterestRecorded", { assessmentId: cmd.assessmentId }]],
    jobs: [],
  };
};

const addPupil: Handler<"addPupil"> = (c, cmd) => {
  const error = firstError(
    checkId(cmd.pupilId, "pupilId"),
    c.pupils.includes(cmd.pupilId)
      ? caseError("pupil.alreadyInCase", { pupilId: cmd.pupilId })
      : null,
    c.involvedPupils.some((p) => p.pupilId === cmd.pupilId)
      ? caseError("pupil.alreadyInvolved", { pupilId: cmd.pupilId })
      : null,
  );
  if (error) return error;
  return {
    next: { ...c, pupils: [...c.pupils, cmd.pupilId] },
    events: [["case.pupilAdded", { pupilId: cmd.pupilId }]],
    jobs: [],
  };
};

/** The acting person as a team member (the roles they hold here, for the leadership check). */
function actorAsMember(c: CaseState, ctx: HandlerContext): TeamMember | null {
  if (isSystemActor(ctx.actor)) return null;
  const roles: Role[] = [];
  for (const g of ctx.actor.grants) {
    const here =
      ("schoolId" in g && g.schoolId === c.schoolId) ||
      (!("schoolId" in g) && "ownerId" in g && g.ownerId === c.ownerId);
    if (here && !roles.includes(g.role)) roles.push(g.role);
  }
  return { personId: ctx.actor.personId, roles, addedAt: ctx.at, addedBy: ctx.actorId };
}

const savePlan: Handler<"savePlan"> = (c, cmd, ctx) => {
  // §10-1 and §10-2: no plan (and no revision) before the pupils are heard and assessed.
  const heard = checkHeardAndAssessed(c);
  if (heard) return heard;
  const eligible = new Set(c.team.map((m) => m.personId));
  const self = actorAsMember(c, ctx);
  if (self !== null) eligible.add(self.personId);
  const result = validatePlan(cmd.plan ?? { problem: null, measures: [], evaluateOn: null }, {
    today: ctx.today,
    eligibleResponsible: eligible,
  });
  if (!result.ok) {
    const first = result.issues[0];
    return {
      code: first?.code ?? "plan.noMeasures",
      params: { ...first?.params, path: first?.path ?? "" },
      issues: result.issues,
    };
  }
  const { plan } = result;
  const revision = c.planRevisions.length + 1;
  // The first plan answers to the plan deadline from the report; a revision gets N working
  // days of its own to be communicated.
  const communicateBy =
    revision === 1
      ? c.planDueOn
      : ctx.calendar.addWorkingDays(ctx.today, ctx.settings.planDeadlineWorkingDays);
  const events: [CaseEventType, EventData][] = [];
  let team = c.team;
  if (
    self !== null &&
    !team.some((m) => m.personId === self.personId) &&
    plan.measures.some((m) => m.responsiblePersonId === self.personId)
  ) {
    team = [...team, self];
    events.push(["case.teamMemberAdded", { personId: self.personId, reason: "responsible" }]);
  }
  events.push([
    "case.planSaved",
    {
      revision,
      measures: plan.measures.length,
      evaluateOn: plan.evaluateOn,
      communicateBy,
    },
  ]);
  return {
    next: {
      ...c,
      status: "measuresActive",
      team,
      planRevisions: [
        ...c.planRevisions,
        { revision, ...plan, savedAt: ctx.at, savedBy: ctx.actorId, communicateBy },
      ],
    },
    events,
    jobs: [],
  };
};

function checkRevision(c: CaseState, revision: number): CaseError | null {
  const plan = currentPlan(c);
  if (plan === undefined) return caseError("case.noPlan");
  return revision === plan.revision
    ? null
    : caseError("plan.notCurrentRevision", { current: plan.revision });
}

const recordPlanCommunicated: Handler<"recordPlanCommunicated"> = (c, cmd, ctx) => {
  const plan = currentPlan(c);
  const to = Array.isArray(cmd.to) ? cmd.to : [];
  const error = firstError(
    checkRevision(c, cmd.revision),
    checkPastDate(cmd.communicatedOn, "communicatedOn", ctx.today),
    plan &&
      isValidDate(cmd.communicatedOn) &&
      cmd.communicatedOn < osloDateOf(new Date(plan.savedAt))
      ? caseError("plan.communicatedBeforeSaved")
      : null,
    to.length === 0 ? caseError("plan.noParties") : null,
    to.every((p) => oneOf(p, PARTIES)) && new Set(to).size === to.length
      ? null
      : caseError("input.invalidValue", { field: "to" }),
  );
  if (error) return error;
  return {
    next: {
      ...c,
      planCommunications: [
        ...c.planCommunications,
        {
          revision: cmd.revision,
          communicatedOn: cmd.communicatedOn,
          to: [...to],
          recordedAt: ctx.at,
          recordedBy: ctx.actorId,
        },
      ],
    },
    events: [
      [
        "case.planCommunicated",
        { revision: cmd.revision, communicatedOn: cmd.communicatedOn, to: to.join(",") },
      ],
    ],
    jobs: [],
  };
};

const recordPlanResponse: Handler<"recordPlanResponse"> = (c, cmd, ctx) => {
  const communications = c.planCommunications.filter((x) => x.revision === cmd.revision);
  const firstCommunicated = communications.reduce<IsoDate | null>(
    (min, x) => (min === null ? x.communicatedOn : minIsoDate(min, x.communicatedOn)),
    null,
  );
  const error = firstError(
    checkRevision(c, cmd.revision),
    firstCommunicated === null ? caseError("plan.notCommunicated") : null,
    checkPastDate(cmd.respondedOn, "respondedOn", ctx.today),
    firstCommunicated !== null &&
      isValidDate(cmd.respondedOn) &&
      cmd.respondedOn < firstCommunicated
      ? caseError("plan.responseBeforeCommunicated")
      : null,
    oneOf(cmd.by, PARTIES) ? null : caseError("input.invalidValue", { field: "by" }),
    typeof cmd.accepted === "boolean"
      ? null
      : caseError("input.invalidValue", { field: "accepted" }),
    checkOptionalText(cmd.comment, "comment"),
  );
  if (error) return error;
  return {
    next: {
      ...c,
      planResponses: [
        ...c.planResponses,
        {
          revision: cmd.revision,
          respondedOn: cmd.respondedOn,
          by: cmd.by,
          accepted: cmd.accepted,
          comment: cmd.comment ?? null,
          recordedAt: ctx.at,
          recordedBy: ctx.actorId,
        },
      ],
    },
    events: [
      ["case.planResponseRecorded", { revision: cmd.revision, by: cmd.by, accepted: cmd.accepted }],
    ],
    jobs: [],
  };
};

const recordMeasureCarriedOut: Handler<"recordMeasureCarriedOut"> = (c, cmd, ctx) => {
  const plan = currentPlan(c);
  const error = firstError(
    checkId(cmd.entryId, "entryId"),
    c.measureLog.some((e) => e.id === cmd.entryId)
      ? caseError("input.duplicateId", { field: "entryId" })
      : null,
    plan?.measures.some((m) => m.id === cmd.measureId)
      ? null
      : caseError("measure.unknown", { measureId: String(cmd.measureId) }),
    checkPastDate(cmd.carriedOutOn, "carriedOutOn", ctx.today),
    checkOptionalText(cmd.note, "note"),
  );
  if (error) return error;
  return {
    next: {
      ...c,
      measureLog: [
        ...c.measureLog,
        {
          id: cmd.entryId,
          measureId: cmd.measureId,
          carriedOutOn: cmd.carriedOutOn,
          note: cmd.note ?? null,
          recordedAt: ctx.at,
          recordedBy: ctx.actorId,
        },
      ],
    },
    events: [
      [
        "case.measureCarriedOut",
        { entryId: cmd.entryId, measureId: cmd.measureId, carriedOutOn: cmd.carriedOutOn },
      ],
    ],
    jobs: [],
  };
};

const recordEvaluation: Handler<"recordEvaluation"> = (c, cmd, ctx) => {
  const plan = currentPlan(c);
  if (plan === undefined) return caseError("case.noPlan");
  const views = Array.isArray(cmd.pupilViews) ? cmd.pupilViews : [];
  const effects = Array.isArray(cmd.measureEffects) ? cmd.measureEffects : [];
  const base = firstError(
    checkId(cmd.evaluationId, "evaluationId"),
    c.evaluations.some((e) => e.id === cmd.evaluationId)
      ? caseError("input.duplicateId", { field: "evaluationId" })
      : null,
    checkPastDate(cmd.evaluatedOn, "evaluatedOn", ctx.today),
    isValidDate(cmd.evaluatedOn) && cmd.evaluatedOn < osloDateOf(new Date(plan.savedAt))
      ? caseError("evaluation.beforePlan")
      : null,
    checkOptionalText(cmd.summary, "summary"),
    // An evaluation ahead of the plan's own date must say why (a measure failing early, …).
    isValidDate(cmd.evaluatedOn) && cmd.evaluatedOn < plan.evaluateOn
      ? checkText(cmd.earlyReason, "earlyReason") && caseError("evaluation.earlyReasonMissing")
      : checkOptionalText(cmd.earlyReason, "earlyReason"),
    // §10-2: each evaluation comes with a fresh best-interest assessment.
    checkId(cmd.bestInterest?.assessmentId, "bestInterest.assessmentId"),
    c.bestInterest.some((b) => b.id === cmd.bestInterest?.assessmentId)
      ? caseError("input.duplicateId", { field: "bestInterest.assessmentId" })
      : null,
    checkText(cmd.bestInterest?.text, "bestInterest.text") &&
      caseError("evaluation.bestInterestMissing"),
  );
  if (base) return base;
  const viewIds = new Set(c.pupilViews.map((v) => v.id));
  for (const v of views) {
    const error = firstError(
      checkId(v.viewId, "pupilViews.viewId"),
      viewIds.has(v.viewId) ? caseError("input.duplicateId", { field: "pupilViews.viewId" }) : null,
      c.pupils.includes(v.pupilId)
        ? null
        : caseError("pupil.notInCase", { pupilId: String(v.pupilId) }),
      checkText(v.words, "pupilViews.words"),
      checkFeelsSafe(v.feelsSafe),
    );
    if (error) return error;
    viewIds.add(v.viewId);
  }
  // What the pupil says now is the heart of an evaluation (§12-2: the pupil's experience).
  for (const pupilId of c.pupils) {
    if (!views.some((v) => v.pupilId === pupilId)) {
      return caseError("evaluation.pupilViewMissing", { pupilId });
    }
  }
  for (const e of effects) {
    if (!plan.measures.some((m) => m.id === e.measureId)) {
      return caseError("evaluation.unknownMeasure", { measureId: String(e.measureId) });
    }
    const error = firstError(
      oneOf(e.effect, MEASURE_EFFECTS)
        ? null
        : caseError("input.invalidValue", { field: "effect" }),
      checkOptionalText(e.comment, "measureEffects.comment"),
      // "Worked" is a claim about a measure that happened: the log must show it did.
      e.effect === "worked" &&
        !c.measureLog.some(
          (l) =>
            l.measureId === e.measureId &&
            isValidDate(cmd.evaluatedOn) &&
            l.carriedOutOn <= cmd.evaluatedOn,
        )
        ? caseError("evaluation.workedNotCarriedOut", { measureId: e.measureId })
        : null,
    );
    if (error) return error;
  }
  for (const m of plan.measures) {
    if (!effects.some((e) => e.measureId === m.id)) {
      return caseError("evaluation.measureEffectMissing", { measureId: m.id });
    }
  }
  const decideBy = ctx.calendar.addWorkingDays(
    cmd.evaluatedOn,
    ctx.settings.planDeadlineWorkingDays,
  );
  const newViews: PupilView[] = views.map((v) => ({
    id: v.viewId,
    pupilId: v.pupilId,
    heardOn: cmd.evaluatedOn,
    words: v.words,
    feelsSafe: v.feelsSafe,
    source: "evaluation",
    recordedAt: ctx.at,
    recordedBy: ctx.actorId,
  }));
  const earlyReason =
    typeof cmd.earlyReason === "string" && cmd.earlyReason.trim() !== "" ? cmd.earlyReason : null;
  return {
    next: {
      ...c,
      status: "evaluating",
      pupilViews: [...c.pupilViews, ...newViews],
      bestInterest: [
        ...c.bestInterest,
        {
          id: cmd.bestInterest.assessmentId,
          text: cmd.bestInterest.text,
          recordedAt: ctx.at,
          recordedBy: ctx.actorId,
        },
      ],
      evaluations: [
        ...c.evaluations,
        {
          id: cmd.evaluationId,
          revision: plan.revision,
          evaluatedOn: cmd.evaluatedOn,
          pupilViewIds: newViews.map((v) => v.id),
          measureEffects: effects.map((e) => ({
            measureId: e.measureId,
            effect: e.effect,
            comment: e.comment ?? null,
          })),
          summary: cmd.summary ?? null,
          earlyReason,
          bestInterestId: cmd.bestInterest.assessmentId,
          decideBy,
          recordedAt: ctx.at,
          recordedBy: ctx.actorId,
        },
      ],
    },
    events: [
      [
        "case.evaluationRecorded",
        {
          evaluationId: cmd.evaluationId,
          revision: plan.revision,
          evaluatedOn: cmd.evaluatedOn,
          decideBy,
          pupilsFeelingSafe: newViews.filter((v) => v.feelsSafe === true).length,
          pupilsHeard: newViews.length,
        },
      ],
    ],
    jobs: [],
  };
};

const markSerious: Handler<"markSerious"> = (c, cmd, ctx) => {
  const error = firstError(
    isLeadershipKind(c.kind) ? caseError("case.alreadyWithOwner") : null,
    c.serious !== null ? caseError("case.alreadySerious") : null,
    checkText(cmd.reason, "reason"),
  );
  if (error) return error;
  return {
    next: {
      ...c,
      serious: { reason: cmd.reason, at: ctx.at, by: ctx.actorId },
      escalatedToOwnerAt: c.escalatedToOwnerAt ?? ctx.at,
    },
    events: [["case.markedSerious", {}]],
    jobs: [notify(c.id, ownerCaseOfficer(c), "case.markedSerious")],
  };
};

const notifyOwner: Handler<"notifyOwner"> = (c, _cmd, ctx) => {
  const error = firstError(
    c.kind === "staff-violation" ? null : caseError("case.notStaffViolation"),
    currentStaffViolationDecision(c)?.type === "ownerNotified"
      ? caseError("case.ownerAlreadyNotified")
      : null,
  );
  if (error) return error;
  return {
    next: {
      ...c,
      staffViolationDecisions: [
        ...c.staffViolationDecisions,
        { type: "ownerNotified", at: ctx.at, by: ctx.actorId },
      ],
      escalatedToOwnerAt: c.escalatedToOwnerAt ?? ctx.at,
    },
    events: [
      [
        "case.ownerNotified",
        { onTime: c.ownerDecisionDueOn === null || ctx.today <= c.ownerDecisionDueOn },
      ],
    ],
    jobs: [notify(c.id, ownerCaseOfficer(c), "case.staffViolationNotice")],
  };
};

const recordObviouslyUnfounded: Handler<"recordObviouslyUnfounded"> = (c, cmd, ctx) => {
  const error = firstError(
    c.kind === "staff-violation" ? null : caseError("case.notStaffViolation"),
    c.staffViolationDecisions.length > 0 ? caseError("case.ownerDecisionAlreadyRecorded") : null,
    checkText(cmd.reason, "reason"),
  );
  if (error) return error;
  return {
    next: {
      ...c,
      staffViolationDecisions: [
        ...c.staffViolationDecisions,
        { type: "obviouslyUnfounded", reason: cmd.reason, at: ctx.at, by: ctx.actorId },
      ],
    },
    events: [
      [
        "case.obviouslyUnfoundedRecorded",
        { onTime: c.ownerDecisionDueOn === null || ctx.today <= c.ownerDecisionDueOn },
      ],
    ],
    jobs: [],
  };
};

const addTeamMember: Handler<"addTeamMember"> = (c, cmd, ctx) => {
  const roles = Array.isArray(cmd.roles) ? cmd.roles : [];
  const has = (wanted: readonly string[]) => roles.some((r) => wanted.includes(r));
  // School cases: people working at the school. Leadership cases: the owner's staff too.
  const eligible = has(STAFF_ROLES) || (isLeadershipKind(c.kind) && has(OWNER_ROLES));
  const error = firstError(
    checkId(cmd.personId, "personId"),
    roles.every((r) => typeof r === "string" && isRole(r))
      ? null
      : caseError("input.invalidValue", { field: "roles" }),
    c.team.some((m) => m.personId === cmd.personId)
      ? caseError("team.alreadyMember", { personId: cmd.personId })
      : null,
    isLeadershipKind(c.kind) && has(LEADERSHIP_ROLES)
      ? caseError("team.leadershipOnLeadershipCase", { personId: cmd.personId })
      : null,
    eligible ? null : caseError("team.notStaff", { personId: cmd.personId }),
  );
  if (error) return error;
  return {
    next: {
      ...c,
      team: [
        ...c.team,
        { personId: cmd.personId, roles: [...roles], addedAt: ctx.at, addedBy: ctx.actorId },
      ],
    },
    events: [["case.teamMemberAdded", { personId: cmd.personId, reason: "added" }]],
    jobs: [notify(c.id, { type: "person", personId: cmd.personId }, "case.addedToTeam")],
  };
};

const removeTeamMember: Handler<"removeTeamMember"> = (c, cmd) => {
  if (!c.team.some((m) => m.personId === cmd.personId)) {
    return caseError("team.notMember", { personId: String(cmd.personId) });
  }
  const plan = currentPlan(c);
  const responsibleFor = plan?.measures.find((m) => m.responsiblePersonId === cmd.personId);
  if (
    responsibleFor !== undefined &&
    (c.status === "measuresActive" || c.status === "evaluating")
  ) {
    // The next dated step must keep an owner who can see the case: revise the plan first.
    return caseError("team.memberIsResponsible", { measureId: responsibleFor.id });
  }
  return {
    next: { ...c, team: c.team.filter((m) => m.personId !== cmd.personId) },
    events: [["case.teamMemberRemoved", { personId: cmd.personId, reason: "removed" }]],
    jobs: [],
  };
};

function checkJoinPair(
  source: CaseState,
  target: CaseState,
  ctx: HandlerContext,
): CaseError | null {
  if (source.id === target.id) return caseError("join.sameCase");
  if (source.schoolId !== target.schoolId || source.ownerId !== target.ownerId) {
    return caseError("join.differentSchool");
  }
  if (!compatibleKinds(source.kind, target.kind)) {
    return caseError("join.kindMismatch", { sourceKind: source.kind, targetKind: target.kind });
  }
  if (target.status === "closed") return caseError("join.targetClosed");
  if (source.status !== "reported" && source.status !== "acknowledged") {
    return caseError("join.sourceNotJoinable", { status: source.status });
  }
  if (hasCaseWork(source)) return caseError("join.sourceHasWork");
  // The actor must lead both cases; otherwise a join would move a report out of sight.
  const onSource = canPerform(ctx.actor, "joinInto", accessViewOf(source));
  const onTarget = canPerform(ctx.actor, "joinReport", accessViewOf(target));
  if (!onSource.allow)
    return caseError("case.accessDenied", { reason: onSource.reason, on: "source" });
  if (!onTarget.allow)
    return caseError("case.accessDenied", { reason: onTarget.reason, on: "target" });
  return null;
}

const joinReport: Handler<"joinReport"> = (c, cmd, ctx) => {
  const source = cmd.source;
  const error = firstError(
    checkJoinPair(source, c, ctx),
    source.reports.some((r) => c.reports.some((x) => x.id === r.id))
      ? caseError("join.reportAlreadyInCase")
      : null,
  );
  if (error) return error;
  // Joining is handling: the incoming reports count as acknowledged, unless this case
  // itself still awaits acknowledgement (then they are acknowledged together with it).
  const incoming =
    c.status === "reported" ? [...source.reports] : acknowledgeReports(source.reports, ctx.at);
  const reports = [...c.reports, ...incoming];
  const learnedOn = minIsoDate(c.learnedOn, source.learnedOn);
  // The school learned of it on the earliest report's day: the clock runs from there.
  const planDueOn =
    learnedOn < c.learnedOn
      ? minIsoDate(
          c.planDueOn,
          planDeadline(learnedOn, ctx.settings.planDeadlineWorkingDays, ctx.calendar),
        )
      : c.planDueOn;
  const ownerDecisionDueOn =
    c.ownerDecisionDueOn !== null && source.ownerDecisionDueOn !== null
      ? minIsoDate(c.ownerDecisionDueOn, source.ownerDecisionDueOn)
      : c.ownerDecisionDueOn;
  const pupils = [...c.pupils, ...source.pupils.filter((p) => !c.pupils.includes(p))];
  // What the incoming reports carried comes along: the reporter's word that a pupil does not
  // feel safe (so the rules still bite) and the other pupils it named.
  const viewIds = new Set(c.pupilViews.map((v) => v.id));
  const reporterViews = source.pupilViews.filter(
    (v) => v.source === "reporter" && !viewIds.has(v.id),
  );
  const involvedPupils = [
    ...c.involvedPupils,
    ...source.involvedPupils.filter(
      (ip) =>
        !pupils.includes(ip.pupilId) && !c.involvedPupils.some((x) => x.pupilId === ip.pupilId),
    ),
  ];
  const investigateBy =
    learnedOn < c.learnedOn
      ? minIsoDate(
          c.investigateBy,
          ctx.calendar.addWorkingDays(learnedOn, ctx.settings.investigationDeadlineWorkingDays),
        )
      : c.investigateBy;
  return {
    next: {
      ...c,
      reports,
      pupils,
      learnedOn,
      reportedAt:
        Date.parse(source.reportedAt) < Date.parse(c.reportedAt) ? source.reportedAt : c.reportedAt,
      planDueOn,
      investigateBy,
      ownerDecisionDueOn,
      pupilViews: [...c.pupilViews, ...reporterViews],
      involvedPupils,
      // What the school did on the day it acknowledged the joined report stays on record.
      immediateMeasures: [
        ...c.immediateMeasures,
        ...source.immediateMeasures.filter((m) => !c.immediateMeasures.some((x) => x.id === m.id)),
      ],
      familyInformation: [
        ...c.familyInformation,
        ...source.familyInformation.filter((f) => !c.familyInformation.some((x) => x.id === f.id)),
      ],
      // The anonymous reporter's conversation follows their report into this case.
      reporterMessages: [...(c.reporterMessages ?? []), ...(source.reporterMessages ?? [])],
    },
    events: [
      [
        "case.reportJoined",
        {
          sourceCaseId: source.id,
          reports: incoming.length,
          pupilsAdded: pupils.length - c.pupils.length,
        },
      ],
    ],
    jobs: reporterNotices(c.id, source.reports, incoming),
  };
};

const joinInto: Handler<"joinInto"> = (c, cmd, ctx) => {
  const error = checkJoinPair(c, cmd.target, ctx);
  if (error) return error;
  return {
    next: {
      ...c,
      status: "closed",
      reports: acknowledgeReports(c.reports, ctx.at),
      acknowledgedAt: c.acknowledgedAt ?? ctx.at,
      acknowledgedBy: c.acknowledgedBy ?? ctx.actorId,
      alert: { ...c.alert, nextEscalationAt: null },
      closedAt: ctx.at,
      closedBy: ctx.actorId,
      closure: { type: "joined", intoCaseId: cmd.target.id },
    },
    events: [
      ["case.joinedInto", { targetCaseId: cmd.target.id }],
      ["case.closed", { closure: "joined" }],
    ],
    jobs: c.status === "reported" ? [{ type: "cancelAlertEscalation", caseId: c.id }] : [],
  };
};

const reclassify: Handler<"reclassify"> = (c, cmd, ctx) => {
  const error = firstError(
    oneOf(cmd.kind, CASE_KINDS) ? null : caseError("input.invalidValue", { field: "kind" }),
    cmd.kind === c.kind ? caseError("reclassify.sameKind") : null,
    checkText(cmd.reason, "reason"),
  );
  if (error) return error;
  const toLeadership = isLeadershipKind(cmd.kind);
  const events: [CaseEventType, EventData][] = [
    ["case.reclassified", { from: c.kind, to: cmd.kind }],
  ];
  const jobs: CaseJob[] = [];
  let team = c.team;
  if (toLeadership) {
    // Nobody in the school's leadership may stay on a leadership case.
    team = c.team.filter(
      (m) => !m.roles.some((r) => (LEADERSHIP_ROLES as readonly string[]).includes(r)),
    );
    for (const m of c.team) {
      if (!team.includes(m)) {
        events.push(["case.teamMemberRemoved", { personId: m.personId, reason: "leadershipCase" }]);
      }
    }
    jobs.push(notify(c.id, ownerCaseOfficer(c), "case.leadershipCaseHandedOver"));
  } else if (isLeadershipKind(c.kind)) {
    jobs.push(
      notify(
        c.id,
        { type: "schoolRole", role: "principal", schoolId: c.schoolId },
        "case.handedToSchool",
      ),
      notify(
        c.id,
        { type: "schoolRole", role: "deputy", schoolId: c.schoolId },
        "case.handedToSchool",
      ),
    );
  }
  return {
    next: {
      ...c,
      kind: cmd.kind,
      team,
      kindChanges: [
        ...c.kindChanges,
        { from: c.kind, to: cmd.kind, reason: cmd.reason, at: ctx.at, by: ctx.actorId },
      ],
      // §12-5 starts its same-day clock on the day the school sees it as a staff violation.
      ownerDecisionDueOn:
        cmd.kind === "staff-violation" ? (c.ownerDecisionDueOn ?? ctx.today) : c.ownerDecisionDueOn,
      // §12-5: measures "straks", on the day the school sees it as a staff case.
      immediateMeasuresDueOn: isStaffCase(cmd.kind)
        ? (c.immediateMeasuresDueOn ?? ctx.today)
        : c.immediateMeasuresDueOn,
      escalatedToOwnerAt: toLeadership ? (c.escalatedToOwnerAt ?? ctx.at) : c.escalatedToOwnerAt,
    },
    events,
    jobs,
  };
};

const close: Handler<"close"> = (c, cmd, ctx) => {
  const decision = decideClosure(c, cmd.closure, ctx.actor, ctx.actorId);
  if (!isClosure(decision)) return decision;
  return closed(c, ctx, decision);
};

/** The anonymous report a conversation message belongs to, or why it cannot have one. */
export function anonymousReportError(c: CaseState, reportId: unknown): CaseError | null {
  const report = c.reports.find((r) => r.id === reportId);
  if (report === undefined) return caseError("message.unknownReport", { field: "reportId" });
  return report.reporter.type === "anonymous" ? null : caseError("message.notAnonymous");
}

const replyToReporter: Handler<"replyToReporter"> = (c, cmd, ctx) => {
  const messages = c.reporterMessages ?? [];
  const error = firstError(
    checkId(cmd.messageId, "messageId"),
    messages.some((m) => m.id === cmd.messageId)
      ? caseError("input.duplicateId", { field: "messageId" })
      : null,
    anonymousReportError(c, cmd.reportId),
    checkText(cmd.text, "text"),
  );
  if (error) return error;
  return {
    next: {
      ...c,
      reporterMessages: [
        ...messages,
        {
          id: cmd.messageId,
          reportId: cmd.reportId,
          from: "school",
          text: cmd.text,
          at: ctx.at,
          by: ctx.actorId,
        },
      ],
    },
    events: [["case.reporterReplied", { messageId: cmd.messageId, reportId: cmd.reportId }]],
    jobs: [],
  };
};

function closed(
  c: CaseState,
  ctx: HandlerContext,
  closure: CaseState["closure"] & object,
): Handled {
  return {
    next: { ...c, status: "closed", closedAt: ctx.at, closedBy: ctx.actorId, closure },
    events: [["case.closed", { closure: closure.type }]],
    jobs: [],
  };
}

type Handlers = { [T in CaseCommand["type"]]: Handler<T> };

export const HANDLERS: Handlers = {
  acknowledge,
  escalateAlert,
  addInvestigationNote,
  recordPupilView,
  recordPupilNotHeard,
  recordBestInterest,
  addInvolvedPupil,
  assessSeriousness,
  recordImmediateMeasures,
  recordGuardiansInformed,
  recordAdultPupilChoice,
  recordCoveringStatement,
  addPupil,
  savePlan,
  recordPlanCommunicated,
  recordPlanResponse,
  recordMeasureCarriedOut,
  recordEvaluation,
  markSerious,
  notifyOwner,
  recordObviouslyUnfounded,
  addTeamMember,
  removeTeamMember,
  joinReport,
  joinInto,
  reclassify,
  replyToReporter,
  close,
};
