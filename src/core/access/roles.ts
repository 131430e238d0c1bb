// The roles Trygg knows. A person may hold several, each at a school, at a school owner,
// or (contact and subject teachers) for one group. Feide affiliation is only a first filter;
// roles are assigned in Trygg.

export const SCHOOL_ROLES = [
  "principal",
  "deputy",
  "departmentHead",
  "gradeLeader",
  "contactTeacher",
  "subjectTeacher",
  "counsellor",
  "socialWorker",
  "schoolNurse",
  "librarian",
  "caretaker",
  "adminLeader",
  "pupilCouncil",
  "pupil",
  "guardian",
] as const;

export const OWNER_ROLES = ["ownerCaseOfficer", "areaDirector"] as const;

export type SchoolRole = (typeof SCHOOL_ROLES)[number];
export type OwnerRole = (typeof OWNER_ROLES)[number];
export type Role = SchoolRole | OwnerRole | "systemAdmin";

export const ALL_ROLES: readonly Role[] = [...SCHOOL_ROLES, ...OWNER_ROLES, "systemAdmin"];

/** The school's leadership: the people a leadership-violation case must be hidden from. */
export const LEADERSHIP_ROLES: readonly SchoolRole[] = [
  "principal",
  "deputy",
  "departmentHead",
  "adminLeader",
];

/** Everyone who works at the school (the duty to monitor and report applies to all of them). */
export const STAFF_ROLES: readonly SchoolRole[] = [
  "principal",
  "deputy",
  "departmentHead",
  "gradeLeader",
  "contactTeacher",
  "subjectTeacher",
  "counsellor",
  "socialWorker",
  "schoolNurse",
  "librarian",
  "caretaker",
  "adminLeader",
];

/** Roles that are bound to one group (class or teaching group). */
export const GROUP_SCOPED_ROLES: readonly SchoolRole[] = ["contactTeacher", "subjectTeacher"];

export function isRole(value: string): value is Role {
  return (ALL_ROLES as readonly string[]).includes(value);
}

export function isSchoolRole(value: string): value is SchoolRole {
  return (SCHOOL_ROLES as readonly string[]).includes(value);
}

export function isOwnerRole(value: string): value is OwnerRole {
  return (OWNER_ROLES as readonly string[]).includes(value);
}
