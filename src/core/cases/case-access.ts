/**
 * Case-level access: need-to-know, decided per case.
 *
 * - A school case (§12-4, §12-5 staff) is visible to the school's principal and deputy, to
 *   the named case team, and to the school owner once the owner is involved (marked
 *   serious, a §12-5 notice, or an alert that reached the owner). The owner only reads.
 * - A leadership case is the owner's: visible to the owner's case officers and area
 *   directors and the team they name, and never to anyone holding a leadership role at the
 *   school (principal, deputy, department head, admin leader), whatever else they hold.
 * - Whoever filed a report sees only that report's receipt (received / acknowledged).
 * - A system administrator has no case access: running the server is not a need to know.
 *
 * The server's one policy (src/core/access/policy.ts) delegates case actions here.
 */

import { type Actor, ownerRolesAt, schoolRolesAt } from "../access/actor.ts";
import { LEADERSHIP_ROLES, type SchoolRole, STAFF_ROLES } from "../access/roles.ts";
import type { CaseCommandType } from "./commands.ts";
import { isLeadershipKind, ownerInvolved } from "./escalation.ts";
import type { CaseKind, CaseState } from "./types.ts";

/** The job runner acting on a schedule (alert escalation). It can never read a case. */
export interface SystemActor {
  readonly kind: "system";
}
export const SYSTEM_ACTOR: SystemActor = { kind: "system" };
export type CaseActor = Actor | SystemActor;

export function isSystemActor(actor: CaseActor): actor is SystemActor {
  return "kind" in actor && actor.kind === "system";
}

/** What access decisions need to know about a case; the server can keep it as columns. */
export interface CaseAccessView {
  readonly schoolId: string;
  readonly ownerId: string;
  readonly kind: CaseKind;
  readonly teamPersonIds: readonly string[];
  readonly reporterPersonIds: readonly string[];
  readonly ownerInvolved: boolean;
  readonly alertLevel: number;
}

export function accessViewOf(c: CaseState): CaseAccessView {
  const reporters: string[] = [];
  for (const r of c.reports) {
    if (r.reporter.type === "person" && !reporters.includes(r.reporter.personId)) {
      reporters.push(r.reporter.personId);
    }
  }
  return {
    schoolId: c.schoolId,
    ownerId: c.ownerId,
    kind: c.kind,
    teamPersonIds: c.team.map((m) => m.personId),
    reporterPersonIds: reporters,
    ownerInvolved: ownerInvolved(c),
    alertLevel: c.alert.level,
  };
}

export type Visibility = "full" | "receiptOnly" | "none";
export type VisibilityReason =
  | "lead"
  | "team"
  | "owner"
  | "ownerEscalated"
  | "ownReport"
  | "leadershipCase"
  | "needToKnow"
  | "system"
  | "anonymous";

export interface VisibilityDecision {
  readonly level: Visibility;
  readonly reason: VisibilityReason;
}

const SCHOOL_LEADS: readonly SchoolRole[] = ["principal", "deputy"];

function holdsAny(roles: ReadonlySet<string>, wanted: readonly string[]): boolean {
  return wanted.some((r) => roles.has(r));
}

interface Standing {
  /** Leads the case: principal/deputy (school case) or the owner's staff (leadership case). */
  readonly lead: boolean;
  readonly principal: boolean;
  readonly team: boolean;
  /** The owner's staff on an involved school case: may read, not act. */
  readonly ownerReader: boolean;
  readonly reporter: boolean;
  readonly schoolLeadership: boolean;
}

function standingOf(actor: Actor, c: CaseAccessView): Standing {
  const schoolRoles = schoolRolesAt(actor, c.schoolId);
  const ownerRoles = ownerRolesAt(actor, c.ownerId);
  const schoolLeadership = holdsAny(schoolRoles, LEADERSHIP_ROLES);
  const staff = holdsAny(schoolRoles, STAFF_ROLES);
  const atOwner = ownerRoles.size > 0;
  const named = c.teamPersonIds.includes(actor.personId);
  const reporter = c.reporterPersonIds.includes(actor.personId);
  if (isLeadershipKind(c.kind)) {
    // Leadership at the school is shut out before anything else is considered, so no
    // combination of grants or team membership can open a leadership case to them.
    if (schoolLeadership) {
      return {
        lead: false,
        principal: false,
        team: false,
        ownerReader: false,
        reporter,
        schoolLeadership,
      };
    }
    return {
      lead: atOwner,
      principal: false,
      team: named && (staff || atOwner),
      ownerReader: false,
      reporter,
      schoolLeadership,
    };
  }
  return {
    lead: holdsAny(schoolRoles, SCHOOL_LEADS),
    principal: schoolRoles.has("principal"),
    team: named && staff,
    ownerReader: atOwner && c.ownerInvolved,
    reporter,
    schoolLeadership,
  };
}

export function caseVisibility(actor: CaseActor | null, c: CaseAccessView): VisibilityDecision {
  if (actor === null) return { level: "none", reason: "anonymous" };
  if (isSystemActor(actor)) return { level: "none", reason: "system" };
  const s = standingOf(actor, c);
  if (isLeadershipKind(c.kind)) {
    if (s.schoolLeadership) {
      return s.reporter
        ? { level: "receiptOnly", reason: "ownReport" }
        : { level: "none", reason: "leadershipCase" };
    }
    if (s.lead) return { level: "full", reason: "owner" };
    if (s.team) return { level: "full", reason: "team" };
  } else {
    if (s.lead) return { level: "full", reason: "lead" };
    if (s.team) return { level: "full", reason: "team" };
    if (s.ownerReader) return { level: "full", reason: "ownerEscalated" };
  }
  if (s.reporter) return { level: "receiptOnly", reason: "ownReport" };
  // Holding systemAdmin (and nothing else relevant) lands here on purpose.
  return { level: "none", reason: "needToKnow" };
}

export type CaseDecision =
  | { readonly allow: true }
  | { readonly allow: false; readonly reason: string };

const ALLOW: CaseDecision = { allow: true };
const deny = (reason: string): CaseDecision => ({ allow: false, reason });

/** Commands the case team (not only the leads) may perform: the work of finding out and doing. */
const TEAM_COMMANDS: readonly CaseCommandType[] = [
  "addInvestigationNote",
  "recordPupilView",
  "recordPupilNotHeard",
  "recordMeasureCarriedOut",
  "replyToReporter",
];

/**
 * May `actor` perform `command` on the case? Business rules (status, kind, input) are
 * checked by `transition` afterwards; this is only who may ask.
 */
export function canPerform(
  actor: CaseActor,
  command: CaseCommandType,
  c: CaseAccessView,
): CaseDecision {
  if (isSystemActor(actor)) return command === "escalateAlert" ? ALLOW : deny("notForSystem");
  if (command === "escalateAlert") return deny("systemOnly");
  const s = standingOf(actor, c);
  // Leadership cases: school leadership is refused before any other rule.
  if (isLeadershipKind(c.kind) && s.schoolLeadership) return deny("leadershipCase");
  if (command === "acknowledge") {
    if (s.lead) return ALLOW;
    // When the alert has reached the owner, the owner may acknowledge a school case.
    if (!isLeadershipKind(c.kind) && c.alertLevel >= 1 && ownerRolesAt(actor, c.ownerId).size > 0) {
      return ALLOW;
    }
    return deny(s.team || s.ownerReader ? "leadsOnly" : "noAccess");
  }
  if (
    (command === "recordObviouslyUnfounded" || command === "assessSeriousness") &&
    !isLeadershipKind(c.kind)
  ) {
    // Judging a §12-5 report unfounded means the owner is NOT told: the principal's own call.
    if (s.principal) return ALLOW;
    return deny(s.lead || s.team || s.ownerReader ? "principalOnly" : "noAccess");
  }
  if (s.lead) return ALLOW;
  if (s.team && TEAM_COMMANDS.includes(command)) return ALLOW;
  if (s.team) return deny("leadsOnly");
  if (s.ownerReader) return deny("readOnly");
  return deny("noAccess");
}

/**
 * Who may file a report of `kind` at a school: everyone working there may file any kind
 * (including a report about the leadership); pupils and guardians file `pupil-reported`,
 * and so may anyone without logging in ("si ifra", anonymous).
 */
export function canReport(actor: Actor | null, kind: CaseKind, schoolId: string): CaseDecision {
  if (actor === null) return kind === "pupil-reported" ? ALLOW : deny("staffOnly");
  const roles = schoolRolesAt(actor, schoolId);
  if (holdsAny(roles, STAFF_ROLES)) return ALLOW;
  if (roles.has("pupil") || roles.has("guardian")) {
    return kind === "pupil-reported" ? ALLOW : deny("staffOnly");
  }
  return deny("notAtSchool");
}
