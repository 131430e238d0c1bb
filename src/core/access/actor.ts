import type { OwnerRole, Role, SchoolRole } from "./roles.ts";

export type Grant =
  | { role: SchoolRole; schoolId: string; ownerId: string; groupId?: string | undefined }
  | { role: OwnerRole; ownerId: string }
  | { role: "systemAdmin" };

/** Who is asking: a logged-in person and every role they hold. */
export interface Actor {
  personId: string;
  grants: readonly Grant[];
}

export function schoolRolesAt(actor: Actor, schoolId: string): Set<SchoolRole> {
  const roles = new Set<SchoolRole>();
  for (const g of actor.grants) {
    if ("schoolId" in g && g.schoolId === schoolId) roles.add(g.role);
  }
  return roles;
}

export function ownerRolesAt(actor: Actor, ownerId: string): Set<OwnerRole> {
  const roles = new Set<OwnerRole>();
  for (const g of actor.grants) {
    if (!("schoolId" in g) && "ownerId" in g && g.ownerId === ownerId) roles.add(g.role);
  }
  return roles;
}

export function isSystemAdmin(actor: Actor): boolean {
  return actor.grants.some((g) => g.role === "systemAdmin");
}

export function hasAnyRole(actor: Actor, roles: readonly Role[]): boolean {
  return actor.grants.some((g) => roles.includes(g.role));
}

/** Schools where the actor holds any role, in grant order, without duplicates. */
export function schoolsOf(actor: Actor): string[] {
  const ids: string[] = [];
  for (const g of actor.grants) {
    if ("schoolId" in g && !ids.includes(g.schoolId)) ids.push(g.schoolId);
  }
  return ids;
}
