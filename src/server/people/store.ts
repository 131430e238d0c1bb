// Queries the people use cases share. Everything is scoped to one school: a person's roles
// at other schools never leave this file.
import type { HeldRole } from "../../core/access/role-rules.ts";
import { SCHOOL_ROLES } from "../../core/access/roles.ts";
import type { Db, Tx } from "../platform/db/database.ts";

export interface RoleView {
  id: string;
  role: string;
  groupId: string | null;
  groupName: string | null;
}

// PGlite has no ICU collation, so display order is decided here, never by ORDER BY name.
export const collator = new Intl.Collator("nb", { numeric: true, sensitivity: "base" });

/** Roles in the order of roles.ts: leadership first, families last. */
function roleRank(role: string): number {
  const i = (SCHOOL_ROLES as readonly string[]).indexOf(role);
  return i < 0 ? SCHOOL_ROLES.length : i;
}

export function byName(
  a: { given_name: string; family_name: string; id: string },
  b: { given_name: string; family_name: string; id: string },
): number {
  return (
    collator.compare(a.family_name, b.family_name) ||
    collator.compare(a.given_name, b.given_name) ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  );
}

/** True if the person holds any role at the school: the only way to be "at" a school. */
export async function isAtSchool(
  db: Db | Tx,
  schoolId: string,
  personId: string,
): Promise<boolean> {
  const row = await db
    .selectFrom("role_assignment")
    .select("id")
    .where("school_id", "=", schoolId)
    .where("person_id", "=", personId)
    .limit(1)
    .executeTakeFirst();
  return Boolean(row);
}

/** Roles of the given people at this school only, grouped by person. */
export async function rolesAtSchool(
  db: Db | Tx,
  schoolId: string,
  personIds: readonly string[],
): Promise<Map<string, RoleView[]>> {
  const out = new Map<string, RoleView[]>();
  if (personIds.length === 0) return out;
  const rows = await db
    .selectFrom("role_assignment as r")
    .leftJoin("study_group as g", "g.id", "r.group_id")
    .select(["r.id", "r.person_id", "r.role", "r.group_id", "g.name as group_name"])
    .where("r.school_id", "=", schoolId)
    .where("r.person_id", "in", [...personIds])
    .execute();
  for (const r of rows) {
    const list = out.get(r.person_id) ?? [];
    list.push({ id: r.id, role: r.role, groupId: r.group_id, groupName: r.group_name });
    out.set(r.person_id, list);
  }
  for (const list of out.values()) {
    list.sort(
      (a, b) =>
        roleRank(a.role) - roleRank(b.role) ||
        collator.compare(a.groupName ?? "", b.groupName ?? ""),
    );
  }
  return out;
}

export async function heldRolesAt(
  db: Db | Tx,
  schoolId: string,
  personId: string,
): Promise<HeldRole[]> {
  return db
    .selectFrom("role_assignment")
    .select(["id", "role", "group_id as groupId"])
    .where("school_id", "=", schoolId)
    .where("person_id", "=", personId)
    .execute();
}

/**
 * Names of the classes each person belongs to at this school: their own class (pupils,
 * teachers) and, for guardians, their children's classes.
 */
export async function classNamesAtSchool(
  db: Db | Tx,
  schoolId: string,
  personIds: readonly string[],
): Promise<Map<string, string[]>> {
  const out = new Map<string, Set<string>>();
  if (personIds.length === 0) return new Map();
  const ids = [...personIds];
  const own = await db
    .selectFrom("group_membership as m")
    .innerJoin("study_group as g", "g.id", "m.group_id")
    .select(["m.person_id", "g.name"])
    .where("g.school_id", "=", schoolId)
    .where("g.kind", "=", "class")
    .where("m.person_id", "in", ids)
    .execute();
  const children = await db
    .selectFrom("guardianship as gu")
    .innerJoin("group_membership as m", (j) =>
      j.onRef("m.person_id", "=", "gu.pupil_id").on("m.member_role", "=", "pupil"),
    )
    .innerJoin("study_group as g", "g.id", "m.group_id")
    .select(["gu.guardian_id as person_id", "g.name"])
    .where("g.school_id", "=", schoolId)
    .where("g.kind", "=", "class")
    .where("gu.guardian_id", "in", ids)
    .execute();
  for (const r of [...own, ...children]) {
    const set = out.get(r.person_id) ?? new Set<string>();
    set.add(r.name);
    out.set(r.person_id, set);
  }
  return new Map([...out].map(([id, set]) => [id, [...set].sort(collator.compare)]));
}

/**
 * Serializes role changes at one school, so two requests cannot both remove "one of two"
 * principals, or both add the same role.
 */
export async function lockSchool(tx: Tx, schoolId: string): Promise<void> {
  await tx.selectFrom("school").select("id").where("id", "=", schoolId).forUpdate().execute();
}
