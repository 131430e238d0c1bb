// The one authorization policy: (actor, action, resource) -> allow | deny with a reason.
// Every route asks it. An action with no rule is denied (deny by default).

import {
  type CaseAccessView,
  canPerform,
  canReport,
  caseVisibility,
} from "../cases/case-access.ts";
import type { CaseCommandType } from "../cases/commands.ts";
import type { CaseKind } from "../cases/types.ts";
import { ROLE_GROUPS } from "../plans/types.ts";
import type { EvaluationGroup } from "../plans/versions.ts";
import { type Actor, isSystemAdmin, ownerRolesAt, schoolRolesAt } from "./actor.ts";
import { LEADERSHIP_ROLES, type SchoolRole, STAFF_ROLES } from "./roles.ts";

export type Resource =
  | { type: "self" }
  | { type: "system" }
  | { type: "owner"; ownerId: string }
  | { type: "school"; schoolId: string; ownerId: string }
  /** One role at a school, for decisions that depend on which role is given or taken. */
  | { type: "schoolRole"; schoolId: string; ownerId: string; role: string }
  /** Filing a report of a kind at a school (the kind decides who may). */
  | { type: "caseReport"; schoolId: string; ownerId: string; kind: CaseKind }
  /**
   * One duty-to-act case, as the case-access rules need it; `command` names the command a
   * request asks to perform (for "case.command").
   */
  | {
      type: "case";
      caseId: string;
      closed: boolean;
      view: CaseAccessView;
      command?: CaseCommandType;
    }
  /** One task of the action plan, as the policy needs it: whose it is. */
  | { type: "planTask"; schoolId: string; ownerId: string; assigneeId: string }
  /**
   * The yearly evaluation round of an action-plan version: the staff representatives the
   * principal invited, and (when submitting) the group the input is given for.
   */
  | {
      type: "planEvaluation";
      schoolId: string;
      ownerId: string;
      representativeIds: readonly string[];
      group?: EvaluationGroup;
    }
  /** A class or teaching group, for what is planned for it (buddy groups, seating maps). */
  | { type: "studyGroup"; schoolId: string; ownerId: string; groupId: string }
  /** A daily duty of the plan in force: the roles the plan gives it (ADR 0118). */
  | { type: "planDuty"; schoolId: string; ownerId: string; roles: readonly SchoolRole[] }
  /**
   * A class survey (issue #9), or the group one is to be started for (createdBy null);
   * `actorInGroup`: the asking person is a pupil member of the group.
   */
  | {
      type: "classSurvey";
      schoolId: string;
      ownerId: string;
      groupId: string;
      createdBy: string | null;
      actorInGroup: boolean;
    };

export type Action =
  | "session.use"
  | "school.read"
  | "school.manage"
  | "schoolYear.read"
  | "schoolYear.manage"
  | "people.read"
  | "people.manage"
  | "import.run"
  | "audit.read"
  | "owner.read"
  | "owner.manage"
  | "owner.caseSettings"
  | "owner.compliance"
  | "system.manage"
  | "demoMail.read"
  | "notification.read"
  | "notification.update"
  | "case.report"
  | "case.list"
  | "case.read"
  | "case.command"
  | "case.attach"
  | "case.export"
  | "case.ownReports"
  | "case.familyView"
  | "plan.read"
  | "plan.manage"
  | "plan.overview"
  | "plan.task.complete"
  | "plan.evaluate"
  | "plan.meeting.read"
  | "plan.feed.manage"
  | "plan.duty.record"
  | "plan.duty.read"
  | "rotation.list"
  | "rotation.read"
  | "rotation.manage"
  | "classroom.read"
  | "classroom.manage"
  | "surveyNational.import"
  | "surveyNational.read"
  | "checkIn.own"
  | "whereWhen.read"
  | "classSurvey.list"
  | "classSurvey.start"
  | "classSurvey.read"
  | "classSurvey.manage"
  | "classSurvey.freeText"
  | "classSurvey.trinn"
  | "classSurvey.answer"
  | "classSurvey.mine";

export type Decision = { allow: true } | { allow: false; reason: string };

const ALLOW: Decision = { allow: true };
const deny = (reason: string): Decision => ({ allow: false, reason });

/** Who runs a school's administration in Trygg (people, calendar, import). */
const SCHOOL_ADMINS: readonly SchoolRole[] = ["principal", "deputy", "adminLeader"];

function atSchool(
  actor: Actor,
  resource: Resource,
  allowed: readonly SchoolRole[],
  ownerToo: boolean,
): Decision {
  if (resource.type !== "school") return deny("wrong-resource");
  if (isSystemAdmin(actor)) return ALLOW;
  const roles = schoolRolesAt(actor, resource.schoolId);
  if (allowed.some((r) => roles.has(r))) return ALLOW;
  if (ownerToo && ownerRolesAt(actor, resource.ownerId).size > 0) return ALLOW;
  return deny(roles.size === 0 ? "not-at-school" : "role-not-allowed");
}

function atOwner(actor: Actor, resource: Resource): Decision {
  if (resource.type !== "owner") return deny("wrong-resource");
  if (isSystemAdmin(actor)) return ALLOW;
  return ownerRolesAt(actor, resource.ownerId).size > 0 ? ALLOW : deny("not-at-owner");
}

/** Who edits, publishes and evaluates the action plan. */
const PLAN_MANAGERS: readonly SchoolRole[] = ["principal", "deputy"];

/** The evaluation groups a person may speak for at a school. */
function evaluationGroupsOf(
  actor: Actor,
  schoolId: string,
  representativeIds: readonly string[],
): Set<EvaluationGroup> {
  const roles = schoolRolesAt(actor, schoolId);
  const groups = new Set<EvaluationGroup>();
  if (roles.has("pupilCouncil")) groups.add("pupilCouncil");
  if (ROLE_GROUPS.pupilServices.some((role) => roles.has(role))) groups.add("pupilServices");
  if (LEADERSHIP_ROLES.some((role) => roles.has(role))) groups.add("leadership");
  // Staff representatives are not a role in Trygg: the principal names them for the round.
  if (representativeIds.includes(actor.personId) && STAFF_ROLES.some((role) => roles.has(role))) {
    groups.add("staffRepresentatives");
  }
  return groups;
}

/** Who plans buddy groups and seating for every group of the school. */
const ROTATION_LEADERS: readonly SchoolRole[] = [
  "principal",
  "deputy",
  "departmentHead",
  "gradeLeader",
];
const TEACHERS: readonly SchoolRole[] = ["contactTeacher", "subjectTeacher"];

/**
 * Buddy groups and seating of one class or teaching group: the school's leaders for every
 * group, a contact or subject teacher for the very group their role is given for. Owner
 * roles and system administrators get nothing: the class's seating is not their business.
 */
function forStudyGroup(actor: Actor, r: Resource): Decision {
  if (r.type !== "studyGroup") return deny("wrong-resource");
  const roles = schoolRolesAt(actor, r.schoolId);
  if (ROTATION_LEADERS.some((role) => roles.has(role))) return ALLOW;
  const ownGroup = actor.grants.some(
    (g) =>
      "schoolId" in g &&
      g.schoolId === r.schoolId &&
      TEACHERS.includes(g.role) &&
      g.groupId !== undefined &&
      g.groupId === r.groupId,
  );
  if (ownGroup) return ALLOW;
  return deny(roles.size === 0 ? "not-at-school" : "not-own-group");
}

const NATIONAL_SURVEY_IMPORTERS: readonly SchoolRole[] = ["principal", "deputy"];
const NATIONAL_SURVEY_READERS: readonly SchoolRole[] = [...LEADERSHIP_ROLES, "counsellor"];
/** Who runs class surveys for every group of the school (issue #9). */
const SURVEY_LEADERS: readonly SchoolRole[] = [
  "principal",
  "deputy",
  "departmentHead",
  "counsellor",
];
/** Who reads the pupils' free text: never the class's teachers. */
const FREE_TEXT_READERS: readonly SchoolRole[] = ["principal", "deputy", "counsellor"];

function teachesGroup(
  actor: Actor,
  schoolId: string,
  groupId: string,
  roles: readonly SchoolRole[],
) {
  return actor.grants.some(
    (g) =>
      "schoolId" in g &&
      g.schoolId === schoolId &&
      roles.includes(g.role) &&
      g.groupId !== undefined &&
      g.groupId === groupId,
  );
}

/**
 * A class survey: the survey leaders for every group; the contact teacher for their own
 * class (`teachers` also lets a subject teacher of the group read); the one who started it,
 * while they still work at the school.
 */
function forClassSurvey(teachers: readonly SchoolRole[]): Rule {
  return (actor, r) => {
    if (r.type !== "classSurvey") return deny("wrong-resource");
    const roles = schoolRolesAt(actor, r.schoolId);
    if (SURVEY_LEADERS.some((role) => roles.has(role))) return ALLOW;
    if (teachesGroup(actor, r.schoolId, r.groupId, teachers)) return ALLOW;
    const staff = STAFF_ROLES.some((role) => roles.has(role));
    if (staff && r.createdBy !== null && r.createdBy === actor.personId) return ALLOW;
    return deny(roles.size === 0 ? "not-at-school" : "not-own-group");
  };
}

type Rule = (actor: Actor, resource: Resource) => Decision;

const rules: Record<Action, Rule> = {
  "session.use": (_a, r) => (r.type === "self" ? ALLOW : deny("wrong-resource")),
  // Every member of a school (pupils and guardians included) may see the school's name.
  "school.read": (a, r) =>
    atSchool(a, r, [...STAFF_ROLES, "pupil", "guardian", "pupilCouncil"], true),
  "school.manage": (a, r) => atSchool(a, r, ["principal"], false),
  "schoolYear.read": (a, r) => atSchool(a, r, [...STAFF_ROLES, "pupilCouncil"], true),
  "schoolYear.manage": (a, r) => atSchool(a, r, SCHOOL_ADMINS, false),
  // Lists of pupils and staff: staff need them to report and to teach.
  "people.read": (a, r) => atSchool(a, r, STAFF_ROLES, false),
  "people.manage": (a, r) => {
    if (r.type !== "schoolRole") return atSchool(a, r, SCHOOL_ADMINS, false);
    // The roles that carry this very power are given and taken by a principal only, so a
    // deputy can neither promote themselves nor remove the principal.
    const school: Resource = { type: "school", schoolId: r.schoolId, ownerId: r.ownerId };
    const powerful = (SCHOOL_ADMINS as readonly string[]).includes(r.role);
    return atSchool(a, school, powerful ? ["principal"] : SCHOOL_ADMINS, false);
  },
  "import.run": (a, r) => atSchool(a, r, SCHOOL_ADMINS, false),
  // The audit log of a school: its principal; the owner sees all its schools.
  "audit.read": (a, r) => {
    if (r.type === "owner") return atOwner(a, r);
    return atSchool(a, r, ["principal"], true);
  },
  "owner.read": atOwner,
  "owner.manage": (a, r) => {
    if (r.type !== "owner") return deny("wrong-resource");
    if (isSystemAdmin(a)) return ALLOW;
    return ownerRolesAt(a, r.ownerId).has("areaDirector") ? ALLOW : deny("role-not-allowed");
  },
  // The duty-to-act clock and the Statsforvalteren office: the owner's own case staff (case
  // officers and area directors) read and change them. A system administrator does not:
  // these are the owner's decisions about its case work, not about running the server.
  "owner.caseSettings": (a, r) => {
    if (r.type !== "owner") return deny("wrong-resource");
    return ownerRolesAt(a, r.ownerId).size > 0 ? ALLOW : deny("not-at-owner");
  },
  // Aggregates across the owner's schools: the owner's own people only (not the system
  // administrator, who runs the installation, not the schools).
  "owner.compliance": (a, r) => {
    if (r.type !== "owner") return deny("wrong-resource");
    return ownerRolesAt(a, r.ownerId).size > 0 ? ALLOW : deny("not-at-owner");
  },
  "system.manage": (a) => (isSystemAdmin(a) ? ALLOW : deny("not-system-admin")),
  // Demo mode's captured mail: any logged-in person may look (all of it is synthetic).
  "demoMail.read": (a, r) => {
    if (r.type !== "self") return deny("wrong-resource");
    return a.grants.length > 0 ? ALLOW : deny("no-roles");
  },
  // A person's own notifications and notification settings; the routes scope every lookup to
  // the caller, so another person's notification is never found.
  "notification.read": (_a, r) => (r.type === "self" ? ALLOW : deny("wrong-resource")),
  "notification.update": (_a, r) => (r.type === "self" ? ALLOW : deny("wrong-resource")),
  // Duty-to-act cases: every case-level decision is the pure case-access rules'
  // (src/core/cases/case-access.ts): need-to-know, and leadership cases shut to the school's
  // leadership. A system administrator gets nothing here: running the server is no need.
  "case.report": (a, r) => {
    if (r.type !== "caseReport") return deny("wrong-resource");
    return fromCase(canReport(a, r.kind, r.schoolId));
  },
  // The list routes show only the cases "case.read" allows, row by row.
  "case.list": (a, r) => {
    if (r.type === "owner")
      return ownerRolesAt(a, r.ownerId).size > 0 ? ALLOW : deny("not-at-owner");
    if (r.type !== "school") return deny("wrong-resource");
    const roles = schoolRolesAt(a, r.schoolId);
    if (STAFF_ROLES.some((role) => roles.has(role))) return ALLOW;
    return ownerRolesAt(a, r.ownerId).size > 0 ? ALLOW : deny("role-not-allowed");
  },
  "case.read": (a, r) => {
    if (r.type !== "case") return deny("wrong-resource");
    const v = caseVisibility(a, r.view);
    return v.level === "full" ? ALLOW : deny(v.reason);
  },
  "case.command": (a, r) => {
    if (r.type !== "case" || r.command === undefined) return deny("wrong-resource");
    return fromCase(canPerform(a, r.command, r.view));
  },
  // Documents go where notes go: the leads and the named team, while the case is open.
  "case.attach": (a, r) => {
    if (r.type !== "case") return deny("wrong-resource");
    if (r.closed) return deny("closed");
    return fromCase(canPerform(a, "addInvestigationNote", r.view));
  },
  // The case file for Statsforvalteren or the family: those who answer for the case.
  "case.export": (a, r) => {
    if (r.type !== "case") return deny("wrong-resource");
    const v = caseVisibility(a, r.view);
    if (v.level !== "full") return deny(v.reason);
    return ["lead", "owner", "ownerEscalated"].includes(v.reason) ? ALLOW : deny("leadsOnly");
  },
  // A person's own reports (receipts only): the routes scope every lookup to the caller.
  "case.ownReports": (_a, r) => (r.type === "self" ? ALLOW : deny("wrong-resource")),
  // The cases about oneself or one's child, in the family version: the route finds them
  // through the caller's own guardianships and age rules (src/server/cases/family-view.ts).
  "case.familyView": (_a, r) => (r.type === "self" ? ALLOW : deny("wrong-resource")),
  // The action plan (handlingsplan, §12-3). Staff read it and its year wheel; the principal
  // and the deputy edit, publish and evaluate it; the leadership follows the progress.
  "plan.read": (a, r) => atSchool(a, r, STAFF_ROLES, true),
  "plan.manage": (a, r) => atSchool(a, r, PLAN_MANAGERS, false),
  "plan.overview": (a, r) => atSchool(a, r, LEADERSHIP_ROLES, true),
  // A task is documented by the person it was given to, and by nobody else.
  "plan.task.complete": (a, r) => {
    if (r.type !== "planTask") return deny("wrong-resource");
    if (r.assigneeId !== a.personId) return deny("not-assignee");
    const roles = schoolRolesAt(a, r.schoolId);
    return STAFF_ROLES.some((role) => roles.has(role)) ? ALLOW : deny("not-at-school");
  },
  // The yearly evaluation: each of the four groups gives its own input.
  "plan.evaluate": (a, r) => {
    if (r.type !== "planEvaluation") return deny("wrong-resource");
    const groups = evaluationGroupsOf(a, r.schoolId, r.representativeIds);
    if (r.group === undefined) return groups.size > 0 ? ALLOW : deny("not-invited");
    return groups.has(r.group) ? ALLOW : deny("not-in-group");
  },
  // The pupil council board's meetings with the principal: the board and the staff read.
  "plan.meeting.read": (a, r) => atSchool(a, r, [...STAFF_ROLES, "pupilCouncil"], false),
  // A person's own calendar-feed address: anyone who can get plan tasks (staff somewhere).
  "plan.feed.manage": (a, r) => {
    if (r.type !== "self") return deny("wrong-resource");
    const staff = a.grants.some(
      (g) => "schoolId" in g && (STAFF_ROLES as readonly string[]).includes(g.role),
    );
    return staff ? ALLOW : deny("not-staff");
  },
  // A daily duty's "done today / not today" is recorded by whoever holds a role the plan
  // gives the duty (the social worker); the leadership reads the record and its shares.
  "plan.duty.record": (a, r) => {
    if (r.type !== "planDuty") return deny("wrong-resource");
    const roles = schoolRolesAt(a, r.schoolId);
    return r.roles.some((role) => roles.has(role)) ? ALLOW : deny("not-duty-holder");
  },
  "plan.duty.read": (a, r) => atSchool(a, r, LEADERSHIP_ROLES, false),
  // Buddy groups and seating maps (issue #5). The list route shows only the groups
  // "rotation.read" allows, one by one.
  "rotation.list": (a, r) => atSchool(a, r, [...ROTATION_LEADERS, ...TEACHERS], false),
  "rotation.read": forStudyGroup,
  "rotation.manage": forStudyGroup,
  // Classroom layouts hold no personal data: the staff read them, teachers and leaders edit.
  "classroom.read": (a, r) => atSchool(a, r, STAFF_ROLES, false),
  "classroom.manage": (a, r) =>
    atSchool(a, r, [...ROTATION_LEADERS, "adminLeader", ...TEACHERS], false),
  // National survey results (Elevundersøkelsen, ADR 0115): published aggregates, no pupil in
  // them. The principal and the deputy import them; the leadership and the counsellor read
  // them for the plan's evaluation; the owner's case staff read their schools' figures.
  "surveyNational.import": (a, r) => atSchool(a, r, NATIONAL_SURVEY_IMPORTERS, false),
  "surveyNational.read": (a, r) => atSchool(a, r, NATIONAL_SURVEY_READERS, true),
  // A pupil's own check-ins at their case's plan evaluation (ADR 0117): the routes scope every
  // lookup to the caller, so another pupil's check-in is never found. Pupils only.
  "checkIn.own": (a, r) => {
    if (r.type !== "self") return deny("wrong-resource");
    return a.grants.some((g) => g.role === "pupil") ? ALLOW : deny("not-pupil");
  },
  // "Where and when": aggregates above the threshold, for those who place the adults.
  "whereWhen.read": (a, r) =>
    atSchool(a, r, ["principal", "deputy", "counsellor", "socialWorker"], false),
  // The school's own class surveys (issue #9). The list shows only what "classSurvey.read"
  // allows, survey by survey. Owner roles and system administrators get nothing.
  "classSurvey.list": (a, r) => atSchool(a, r, [...SURVEY_LEADERS, ...TEACHERS], false),
  "classSurvey.start": forClassSurvey(["contactTeacher"]),
  "classSurvey.read": forClassSurvey(TEACHERS),
  "classSurvey.manage": forClassSurvey(["contactTeacher"]),
  "classSurvey.freeText": (a, r) => {
    if (r.type !== "classSurvey") return deny("wrong-resource");
    const roles = schoolRolesAt(a, r.schoolId);
    return FREE_TEXT_READERS.some((role) => roles.has(role)) ? ALLOW : deny("role-not-allowed");
  },
  // The trinn summaries pool several classes: the survey leaders only.
  "classSurvey.trinn": (a, r) => atSchool(a, r, SURVEY_LEADERS, false),
  // A pupil answers a survey of a group they are in, and nobody else does.
  "classSurvey.answer": (a, r) => {
    if (r.type !== "classSurvey") return deny("wrong-resource");
    if (!schoolRolesAt(a, r.schoolId).has("pupil")) return deny("not-pupil");
    return r.actorInGroup ? ALLOW : deny("not-in-group");
  },
  // The open surveys of one's own groups: the route scopes every lookup to the caller.
  "classSurvey.mine": (_a, r) => (r.type === "self" ? ALLOW : deny("wrong-resource")),
};

function fromCase(d: { allow: true } | { allow: false; reason: string }): Decision {
  return d.allow ? ALLOW : deny(d.reason);
}

export function authorize(actor: Actor | null, action: Action, resource: Resource): Decision {
  if (!actor) return deny("not-authenticated");
  const rule: Rule | undefined = rules[action];
  if (!rule) return deny("unknown-action");
  return rule(actor, resource);
}

export const ACTIONS = Object.keys(rules) as Action[];

/** True if the person belongs to the school's leadership (used to hide leadership cases). */
export function isLeadershipAt(actor: Actor, schoolId: string): boolean {
  const roles = schoolRolesAt(actor, schoolId);
  return LEADERSHIP_ROLES.some((r) => roles.has(r));
}
