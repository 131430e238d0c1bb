// Which role changes are allowed, as pure rules over plain facts. Who may ask for a change is
// the policy's business (policy.ts); these rules say whether the change itself makes sense,
// whoever asks: a contact teacher needs a class, pupils are never staff at the same school,
// and a school never loses its last principal.
import {
  isOwnerRole,
  isSchoolRole,
  type OwnerRole,
  type SchoolRole,
  STAFF_ROLES,
} from "./roles.ts";

export type RoleRuleCode =
  | "role.notSchoolRole"
  | "role.notOwnerRole"
  | "role.groupRequired"
  | "role.groupWrongKind"
  | "role.groupNotAllowed"
  | "role.groupNotAtSchool"
  | "role.staffAndFamily"
  | "role.alreadyHeld"
  | "role.lastPrincipal";

export interface RoleRuleIssue {
  readonly code: RoleRuleCode;
  /** The request field to mark in a form. */
  readonly path: "role" | "groupId" | "roleId";
}

export type GroupKind = "class" | "teachingGroup";

export interface HeldRole {
  readonly id: string;
  readonly role: string;
  readonly groupId: string | null;
}

export interface GroupFacts {
  readonly id: string;
  readonly schoolId: string;
  readonly kind: GroupKind;
}

/**
 * The roles held by pupils and their families. They never mix with staff roles at one school:
 * a staff member sees other pupils' data, and a pupil or guardian must not.
 */
export const FAMILY_ROLES: readonly SchoolRole[] = ["pupil", "guardian", "pupilCouncil"];

/** How a school role relates to groups: which kind, and whether one must be given. */
export const ROLE_GROUP: Partial<Record<SchoolRole, { kind: GroupKind; required: boolean }>> = {
  contactTeacher: { kind: "class", required: true },
  subjectTeacher: { kind: "teachingGroup", required: true },
  // A pupil's role may name the pupil's class (imports do); it is optional.
  pupil: { kind: "class", required: false },
};

/** Roles that can be given by hand at a school (owner roles are given at the owner). */
export const ASSIGNABLE_SCHOOL_ROLES: readonly SchoolRole[] = [...STAFF_ROLES, ...FAMILY_ROLES];

type Side = "staff" | "family";

function sideOf(role: string): Side | null {
  if ((STAFF_ROLES as readonly string[]).includes(role)) return "staff";
  if ((FAMILY_ROLES as readonly string[]).includes(role)) return "family";
  return null;
}

export interface SchoolRoleRequest {
  readonly schoolId: string;
  readonly role: string;
  readonly groupId?: string | null | undefined;
  /** The group `groupId` names, wherever it belongs; null if no such group exists. */
  readonly group: GroupFacts | null;
  /** Every role the person already holds at this school. */
  readonly held: readonly HeldRole[];
}

/** All problems with giving a person a role at a school; empty when the change is allowed. */
export function checkSchoolRoleAssignment(request: SchoolRoleRequest): RoleRuleIssue[] {
  const { role, groupId, group, held, schoolId } = request;
  if (!isSchoolRole(role)) return [{ code: "role.notSchoolRole", path: "role" }];
  const issues: RoleRuleIssue[] = [];

  const groupRule = ROLE_GROUP[role];
  if (!groupRule) {
    if (groupId) issues.push({ code: "role.groupNotAllowed", path: "groupId" });
  } else if (!groupId) {
    if (groupRule.required) issues.push({ code: "role.groupRequired", path: "groupId" });
  } else if (!group || group.id !== groupId || group.schoolId !== schoolId) {
    // A group of another school is reported like a missing one: ids do not reveal tenancy.
    issues.push({ code: "role.groupNotAtSchool", path: "groupId" });
  } else if (group.kind !== groupRule.kind) {
    issues.push({ code: "role.groupWrongKind", path: "groupId" });
  }

  const side = sideOf(role);
  if (side && held.some((h) => sideOf(h.role) !== null && sideOf(h.role) !== side)) {
    issues.push({ code: "role.staffAndFamily", path: "role" });
  }

  const wanted = groupId ?? null;
  if (held.some((h) => h.role === role && h.groupId === wanted)) {
    issues.push({ code: "role.alreadyHeld", path: "role" });
  }
  return issues;
}

export interface SchoolRoleRemoval {
  readonly role: string;
  /** How many people hold the principal role at the school, the one being removed included. */
  readonly principalsAtSchool: number;
}

/** Problems with removing a role at a school; empty when allowed. */
export function checkSchoolRoleRemoval(removal: SchoolRoleRemoval): RoleRuleIssue[] {
  // Without a principal nobody at the school could manage roles, receive reports or own
  // cases: whoever asks, the last principal stays until another one is appointed.
  if (removal.role === "principal" && removal.principalsAtSchool <= 1) {
    return [{ code: "role.lastPrincipal", path: "roleId" }];
  }
  return [];
}

export interface OwnerRoleRequest {
  readonly role: string;
  /** Roles the person already holds at this owner. */
  readonly held: readonly HeldRole[];
}

export function checkOwnerRoleAssignment(request: OwnerRoleRequest): RoleRuleIssue[] {
  if (!isOwnerRole(request.role)) return [{ code: "role.notOwnerRole", path: "role" }];
  const role: OwnerRole = request.role;
  if (request.held.some((h) => h.role === role))
    return [{ code: "role.alreadyHeld", path: "role" }];
  return [];
}
