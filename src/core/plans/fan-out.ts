/**
 * Occurrences → tasks for people. Each occurrence goes to every holder of each of its
 * roles; a group-scoped grant (a contact teacher's class, a subject teacher's teaching
 * group) gives one task per group, so each contact teacher runs the class hour for their
 * own class. A person who reaches the same occurrence for the same group through several
 * roles gets one task that lists all of them.
 */

import type { SchoolRole } from "../access/roles.ts";
import {
  type Occurrence,
  type PlanTask,
  type Responsible,
  ROLE_GROUPS,
  type RoleHolder,
} from "./types.ts";

/**
 * The roles whose holders are assigned an activity: `role` and `roleGroup` responsibles
 * that are not only cooperating, in plan order without duplicates. `everyone` and `other`
 * are a shared duty or outside Trygg, so they are never assigned.
 */
export function assignableRoles(responsible: readonly Responsible[]): SchoolRole[] {
  const roles: SchoolRole[] = [];
  const add = (role: SchoolRole): void => {
    if (!roles.includes(role)) roles.push(role);
  };
  for (const party of responsible) {
    if (party.cooperating === true) continue;
    if (party.kind === "role") add(party.role);
    else if (party.kind === "roleGroup") ROLE_GROUPS[party.group].forEach(add);
  }
  return roles;
}

/** A task's identity: one per occurrence, person and group. */
export function taskKey(task: Pick<PlanTask, "occurrenceKey" | "personId" | "groupId">): string {
  return `${task.occurrenceKey}|${task.personId}|${task.groupId ?? ""}`;
}

/**
 * Tasks for `occurrences` given the school's role grants. Output order follows the
 * occurrences, then the grants, so the same input always gives the same list.
 */
export function fanOut(
  occurrences: readonly Pick<Occurrence, "key" | "roles">[],
  roleHolders: readonly RoleHolder[],
): PlanTask[] {
  const holdersByRole = new Map<SchoolRole, RoleHolder[]>();
  for (const holder of roleHolders) {
    const list = holdersByRole.get(holder.role) ?? [];
    list.push(holder);
    holdersByRole.set(holder.role, list);
  }

  const tasks: PlanTask[] = [];
  for (const occurrence of occurrences) {
    const byKey = new Map<string, { personId: string; groupId?: string; roles: SchoolRole[] }>();
    for (const role of occurrence.roles) {
      for (const holder of holdersByRole.get(role) ?? []) {
        const groupId = holder.groupId ?? undefined;
        const key = taskKey({ occurrenceKey: occurrence.key, personId: holder.personId, groupId });
        const existing = byKey.get(key);
        if (existing === undefined) {
          byKey.set(
            key,
            groupId === undefined
              ? { personId: holder.personId, roles: [role] }
              : { personId: holder.personId, groupId, roles: [role] },
          );
        } else if (!existing.roles.includes(role)) {
          existing.roles.push(role);
        }
      }
    }
    for (const task of byKey.values()) tasks.push({ occurrenceKey: occurrence.key, ...task });
  }
  return tasks;
}
