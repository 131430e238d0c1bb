/**
 * Test data for the case module (and for the server's case tests): synthetic people with
 * their grants, a fixed clock, and cases built by running the real transitions, so a
 * "case in status X" is always one the state machine could actually reach.
 */

import type { Actor, Grant } from "../access/actor.ts";
import type { SchoolRole } from "../access/roles.ts";
import { addDays, type IsoDate, osloDateOf, parseIsoDate } from "../calendar/iso-date.ts";
import { createWorkingDayCalendar, type WorkingDayCalendar } from "../calendar/working-days.ts";
import type { CaseActor } from "./case-access.ts";
import { SYSTEM_ACTOR } from "./case-access.ts";
import type { CaseCommand, CaseCommandType, PlanDraft } from "./commands.ts";
import { type CaseSettings, DEFAULT_CASE_SETTINGS } from "./settings.ts";
import { type NewCase, openCase, type TransitionContext, transition } from "./transition.ts";
import { type CaseKind, type CaseState, type CaseStatus, currentPlan } from "./types.ts";

export const SCHOOL = "school-a";
export const OTHER_SCHOOL = "school-b";
export const OWNER = "owner-1";
export const OTHER_OWNER = "owner-2";
export const PUPIL = "pupil-1";
export const OTHER_PUPIL = "pupil-2";

function at(role: SchoolRole, schoolId = SCHOOL, ownerId = OWNER): Grant {
  return { role, schoolId, ownerId };
}

function person(personId: string, ...grants: Grant[]): Actor {
  return { personId, grants };
}

/** Synthetic people at school A (owner 1), school B, the owner, and another owner. */
export const people = {
  principal: person("p-principal", at("principal")),
  deputy: person("p-deputy", at("deputy")),
  departmentHead: person("p-dephead", at("departmentHead")),
  adminLeader: person("p-adminlead", at("adminLeader")),
  teacher: person("p-teacher", at("contactTeacher")),
  socialWorker: person("p-social", at("socialWorker")),
  counsellor: person("p-counsellor", at("counsellor")),
  nurse: person("p-nurse", at("schoolNurse")),
  pupil: person(PUPIL, at("pupil")),
  guardian: person("p-guardian", at("guardian")),
  ownerOfficer: person("p-officer", { role: "ownerCaseOfficer", ownerId: OWNER }),
  areaDirector: person("p-director", { role: "areaDirector", ownerId: OWNER }),
  otherPrincipal: person("p-other-principal", at("principal", OTHER_SCHOOL)),
  otherOwnerOfficer: person("p-other-officer", { role: "ownerCaseOfficer", ownerId: OTHER_OWNER }),
  systemAdmin: person("p-sysadmin", { role: "systemAdmin" }),
  /** Principal of another school who also teaches here: still leadership? No — not here. */
  teacherAndOtherPrincipal: person("p-mixed", at("subjectTeacher"), at("principal", OTHER_SCHOOL)),
  /** A department head who also is a contact teacher: leadership all the same. */
  leaderAndTeacher: person("p-leader-teacher", at("departmentHead"), at("contactTeacher")),
} as const;

export type PersonKey = keyof typeof people;

export const calendar: WorkingDayCalendar = createWorkingDayCalendar();
export const settings: CaseSettings = DEFAULT_CASE_SETTINGS;

/** Wednesday 24 March 2027, 09:00 in Oslo: the day before Maundy Thursday. */
export const REPORTED_AT = "2027-03-24T08:00:00.000Z";

export function ctx(
  now: string | Date,
  actor: CaseActor,
  overrides: Partial<Pick<TransitionContext, "calendar" | "settings">> = {},
): TransitionContext {
  return {
    now: typeof now === "string" ? new Date(now) : now,
    actor,
    calendar: overrides.calendar ?? calendar,
    settings: overrides.settings ?? settings,
  };
}

/** The person who leads a case of this kind (principal, or the owner's case officer). */
export function leadOf(kind: CaseKind): Actor {
  return kind === "leadership-violation" ? people.ownerOfficer : people.principal;
}

export function newCaseInput(overrides: Partial<NewCase> = {}): NewCase {
  const kind = overrides.kind ?? "staff-concern";
  const reporter =
    overrides.reporter ??
    (kind === "pupil-reported"
      ? { type: "person" as const, personId: PUPIL, capacity: "pupil" as const }
      : { type: "person" as const, personId: people.teacher.personId, capacity: "staff" as const });
  return {
    caseId: "case-1",
    reportId: "report-1",
    schoolId: SCHOOL,
    ownerId: OWNER,
    kind,
    pupils: [PUPIL],
    description: "Synthetic report text.",
    reporter,
    ...overrides,
  };
}

function reporterActor(input: NewCase): Actor | null {
  if (input.reporter.type === "anonymous") return null;
  const id = input.reporter.personId;
  return Object.values(people).find((p) => p.personId === id) ?? null;
}

/** Open a case; throws if refused (a builder, not a test). */
export function openTestCase(
  overrides: Partial<NewCase> = {},
  now: string = REPORTED_AT,
): CaseState {
  const input = newCaseInput(overrides);
  const result = openCase(input, { ...ctx(now, SYSTEM_ACTOR), actor: reporterActor(input) });
  if (!result.ok) throw new Error(`openCase refused: ${JSON.stringify(result.error)}`);
  return result.next;
}

/** Apply a command; throws if refused. */
export function apply(
  state: CaseState,
  command: CaseCommand,
  actor: CaseActor,
  now: string | Date,
): CaseState {
  const result = transition(state, command, ctx(now, actor));
  if (!result.ok) {
    throw new Error(`${command.type} refused in ${state.status}: ${JSON.stringify(result.error)}`);
  }
  return result.next;
}

export function todayOf(now: string | Date): IsoDate {
  return osloDateOf(typeof now === "string" ? new Date(now) : now);
}

export const d = parseIsoDate;

/** A complete plan: one measure from `startsOn`, evaluated `evaluateAfterDays` later. */
export function planDraft(
  responsiblePersonId: string,
  startsOn: IsoDate,
  options: {
    evaluateOn?: IsoDate;
    measureId?: string;
    keepApart?: readonly (readonly [string, string])[];
    extraMeasures?: number;
  } = {},
): PlanDraft {
  const measures = [
    {
      id: options.measureId ?? "measure-1",
      description: "An adult is present in every break.",
      startsOn,
      endsOn: null,
      responsiblePersonId,
      keepApart: options.keepApart ?? [],
    },
  ];
  for (let i = 0; i < (options.extraMeasures ?? 0); i++) {
    measures.push({
      id: `measure-extra-${i + 1}`,
      description: "Weekly conversation with the contact teacher.",
      startsOn,
      endsOn: null,
      responsiblePersonId,
      keepApart: [],
    });
  }
  return {
    problem: "The pupil is excluded in breaks and does not feel safe.",
    measures,
    evaluateOn: options.evaluateOn ?? addDays(startsOn, 21),
  };
}

/** Times used by `caseIn`: each step an hour or more after the last. */
export const TIMES = {
  reported: REPORTED_AT,
  acknowledged: "2027-03-24T08:20:00.000Z",
  investigating: "2027-03-24T10:00:00.000Z",
  measuresActive: "2027-03-30T09:00:00.000Z",
  evaluating: "2027-04-20T09:00:00.000Z",
  closed: "2027-04-21T09:00:00.000Z",
  /** After everything above: when table tests apply their command. */
  later: "2027-04-22T09:00:00.000Z",
} as const;

/**
 * A case of `kind` in `status`, reached through real transitions. On the way: a social
 * worker joins the team at acknowledgement; the plan (one measure, the lead responsible)
 * is saved and communicated; the evaluation hears the pupil (who feels safe).
 */
export function caseIn(kind: CaseKind, status: CaseStatus, caseId = "case-1"): CaseState {
  const lead = leadOf(kind);
  let c = openTestCase({ kind, caseId, reportId: `${caseId}-report-1` });
  if (status === "reported") return c;
  c = apply(c, { type: "acknowledge" }, lead, TIMES.acknowledged);
  c = apply(
    c,
    { type: "addTeamMember", personId: people.socialWorker.personId, roles: ["socialWorker"] },
    lead,
    TIMES.acknowledged,
  );
  c = dutiesOnAcknowledging(c, lead);
  if (status === "acknowledged") return c;
  c = apply(
    c,
    {
      type: "addInvestigationNote",
      noteId: "note-1",
      kind: "conversation",
      occurredOn: todayOf(TIMES.investigating),
      text: "Talked with the pupil.",
    },
    lead,
    TIMES.investigating,
  );
  // The pupil is heard (no clear answer yet) and the best interest assessed after it.
  for (const [i, pupilId] of c.pupils.entries()) {
    c = apply(
      c,
      {
        type: "recordPupilView",
        viewId: `view-${i + 1}`,
        pupilId,
        heardOn: todayOf(TIMES.investigating),
        words: "Synthetic words of the pupil.",
        feelsSafe: null,
      },
      lead,
      TIMES.investigating,
    );
  }
  c = apply(
    c,
    { type: "recordBestInterest", assessmentId: "bi-1", text: "Synthetic assessment." },
    lead,
    TIMES.investigating,
  );
  if (status === "investigating") return c;
  const planDay = todayOf(TIMES.measuresActive);
  c = apply(
    c,
    { type: "savePlan", plan: planDraft(lead.personId, planDay, { evaluateOn: d("2027-04-20") }) },
    lead,
    TIMES.measuresActive,
  );
  c = apply(
    c,
    {
      type: "recordPlanCommunicated",
      revision: 1,
      communicatedOn: planDay,
      to: ["pupil", "guardians"],
    },
    lead,
    TIMES.measuresActive,
  );
  if (status === "measuresActive") return c;
  c = apply(c, evaluationFor(c, todayOf(TIMES.evaluating)), lead, TIMES.evaluating);
  if (status === "evaluating") return c;
  if (kind === "staff-violation")
    c = apply(c, { type: "notifyOwner" }, people.principal, TIMES.closed);
  return apply(c, { type: "close", closure: { type: "pupilFeelsSafe" } }, lead, TIMES.closed);
}

/**
 * What a careful school does the day it acknowledges: answers "is this serious?" (no), puts
 * §12-5 measures in place at once, and tells each pupil's guardians. Tests of those steps
 * themselves start from a case without them (`openTestCase` + acknowledge).
 */
export function dutiesOnAcknowledging(c: CaseState, lead: CaseActor): CaseState {
  const at = TIMES.acknowledged;
  let next = c;
  if (c.kind !== "leadership-violation") {
    next = apply(
      next,
      { type: "assessSeriousness", serious: false, reason: null },
      people.principal,
      at,
    );
  }
  if (c.kind === "staff-violation" || c.kind === "leadership-violation") {
    next = apply(
      next,
      { type: "recordImmediateMeasures", entryId: "immediate-1", text: "Kept apart from today." },
      lead,
      at,
    );
  }
  for (const [i, pupilId] of next.pupils.entries()) {
    next = apply(
      next,
      {
        type: "recordGuardiansInformed",
        entryId: `family-${i + 1}`,
        pupilId,
        informedOn: todayOf(at),
        channel: "phone",
        informedBy: "personId" in lead ? lead.personId : "p-principal",
        pupilIsAdult: false,
      },
      lead,
      at,
    );
  }
  return next;
}

/**
 * An evaluation that hears every pupil (feeling safe), rates every current measure ("worked"
 * if the log shows it carried out, else "not carried out") and assesses the best interest.
 */
export function evaluationFor(
  c: CaseState,
  evaluatedOn: IsoDate,
  feelsSafe: boolean | null = true,
  id = `evaluation-${c.evaluations.length + 1}`,
): CaseCommand {
  const plan = currentPlan(c);
  return {
    type: "recordEvaluation",
    evaluationId: id,
    evaluatedOn,
    pupilViews: c.pupils.map((pupilId, i) => ({
      viewId: `${id}-view-${i + 1}`,
      pupilId,
      words: "Synthetic words of the pupil.",
      feelsSafe,
    })),
    measureEffects: (plan?.measures ?? []).map((m) => ({
      measureId: m.id,
      effect: c.measureLog.some((l) => l.measureId === m.id && l.carriedOutOn <= evaluatedOn)
        ? ("worked" as const)
        : ("notCarriedOut" as const),
      comment: null,
    })),
    summary: null,
    earlyReason:
      plan !== undefined && evaluatedOn < plan.evaluateOn ? "Synthetic early reason." : null,
    bestInterest: { assessmentId: `${id}-bi`, text: "Synthetic best-interest assessment." },
  };
}

/**
 * A command of `type` that is valid for a case in a status that allows it, as `caseIn`
 * builds it, applied at `now`.
 */
export function validCommand(type: CaseCommandType, c: CaseState, now: string): CaseCommand {
  const today = todayOf(now);
  const lead = leadOf(c.kind);
  const plan = currentPlan(c);
  switch (type) {
    case "acknowledge":
      return { type };
    case "escalateAlert":
      return { type, level: c.alert.level + 1 };
    case "addInvestigationNote":
      return {
        type,
        noteId: "note-new",
        kind: "observation",
        occurredOn: today,
        text: "Seen in a break.",
      };
    case "recordPupilView":
      return {
        type,
        viewId: "view-new",
        pupilId: c.pupils[0] ?? PUPIL,
        heardOn: today,
        words: "Synthetic words.",
        feelsSafe: false,
      };
    case "recordBestInterest":
      return { type, assessmentId: "bi-new", text: "Synthetic best-interest assessment." };
    case "recordPupilNotHeard":
      return { type, entryId: "not-heard-new", pupilId: c.pupils[0] ?? PUPIL, reason: "Ill." };
    case "addInvolvedPupil":
      return { type, pupilId: "pupil-involved", role: "bystander" };
    case "assessSeriousness":
      return { type, serious: false, reason: null };
    case "recordImmediateMeasures":
      return { type, entryId: "immediate-new", text: "The employee no longer meets the pupil." };
    case "recordGuardiansInformed":
      return {
        type,
        entryId: "family-new",
        pupilId: c.pupils[0] ?? PUPIL,
        informedOn: today,
        channel: "phone",
        informedBy: lead.personId,
        pupilIsAdult: false,
      };
    case "recordAdultPupilChoice":
      return {
        type,
        entryId: "family-choice-new",
        pupilId: c.pupils[0] ?? PUPIL,
        decidedOn: today,
        familyMayBeTold: true,
        pupilIsAdult: true,
      };
    case "recordCoveringStatement":
      return { type, entryId: "statement-new", text: "The school's covering statement." };
    case "addPupil":
      return { type, pupilId: OTHER_PUPIL };
    case "savePlan":
      return { type, plan: planDraft(lead.personId, today, { measureId: "measure-1" }) };
    case "recordPlanCommunicated":
      return { type, revision: plan?.revision ?? 1, communicatedOn: today, to: ["guardians"] };
    case "recordPlanResponse":
      return {
        type,
        revision: plan?.revision ?? 1,
        respondedOn: today,
        by: "guardians",
        accepted: true,
        comment: null,
      };
    case "recordMeasureCarriedOut":
      return {
        type,
        entryId: "log-new",
        measureId: plan?.measures[0]?.id ?? "measure-1",
        carriedOutOn: today,
        note: null,
      };
    case "recordEvaluation":
      return evaluationFor(c, today, true, "evaluation-new");
    case "markSerious":
      return { type, reason: "Repeated violence." };
    case "notifyOwner":
      return { type };
    case "recordObviouslyUnfounded":
      return { type, reason: "The pupil named was not at school that week." };
    case "addTeamMember":
      return { type, personId: people.counsellor.personId, roles: ["counsellor"] };
    case "removeTeamMember":
      return { type, personId: people.socialWorker.personId };
    case "joinReport":
      return {
        type,
        source: openTestCase(
          { kind: c.kind, caseId: "case-source", reportId: "case-source-report" },
          TIMES.later,
        ),
      };
    case "joinInto": {
      const target = caseIn(c.kind, "acknowledged", "case-target");
      return { type, target };
    }
    case "reclassify":
      return {
        type,
        kind: c.kind === "staff-concern" ? "pupil-reported" : "staff-concern",
        reason: "The report turned out to be of another kind.",
      };
    case "replyToReporter":
      return {
        type,
        messageId: "message-new",
        reportId: c.reports[0]?.id ?? "report-1",
        text: "Thank you for telling us. Who can we talk to?",
      };
    case "close":
      // The one ground that needs no investigation: the work goes on in another case.
      return { type, closure: { type: "joined", intoCaseId: "case-other" } };
  }
}

/** The actor a table test uses for a command on a case of `kind`. */
export function actorFor(type: CaseCommandType, kind: CaseKind): CaseActor {
  if (type === "escalateAlert") return SYSTEM_ACTOR;
  return leadOf(kind);
}
