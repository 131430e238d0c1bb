// Roles at the school owner (case officers, area directors): who holds them, and giving and
// taking them. Owner roles are managed here, never at a school.
import { z } from "zod";
import { checkOwnerRoleAssignment } from "../../core/access/role-rules.ts";
import { OWNER_ROLES, STAFF_ROLES } from "../../core/access/roles.ts";
import type { Lang } from "../../i18n/lang.ts";
import { appendAudit } from "../platform/audit.ts";
import type { Db, Tx } from "../platform/db/database.ts";
import { notFound } from "../platform/errors.ts";
import { invalidInput } from "../schools/input.ts";

const collator = new Intl.Collator("nb", { numeric: true, sensitivity: "base" });

export const ownerRoleInput = z.object({ role: z.string().trim().min(1).max(40) });

export interface OwnerPerson {
  id: string;
  givenName: string;
  familyName: string;
  roles: { id: string; role: string }[];
}

export async function listOwnerPeople(db: Db, ownerId: string): Promise<OwnerPerson[]> {
  const rows = await db
    .selectFrom("role_assignment as r")
    .innerJoin("person as p", "p.id", "r.person_id")
    .select(["r.id", "r.role", "p.id as person_id", "p.given_name", "p.family_name"])
    .where("r.owner_id", "=", ownerId)
    .where("r.role", "in", [...OWNER_ROLES])
    .execute();
  const people = new Map<string, OwnerPerson>();
  for (const r of rows) {
    const p = people.get(r.person_id) ?? {
      id: r.person_id,
      givenName: r.given_name,
      familyName: r.family_name,
      roles: [],
    };
    p.roles.push({ id: r.id, role: r.role });
    people.set(r.person_id, p);
  }
  return [...people.values()].sort(
    (a, b) =>
      collator.compare(a.familyName, b.familyName) || collator.compare(a.givenName, b.givenName),
  );
}

/**
 * Someone the owner may give a role: already at the owner, or working at one of its schools.
 * Anyone else (pupils, guardians, people of other owners) is not found.
 */
async function isOwnerCandidate(tx: Tx, ownerId: string, personId: string): Promise<boolean> {
  const row = await tx
    .selectFrom("role_assignment as r")
    .leftJoin("school as s", "s.id", "r.school_id")
    .select("r.id")
    .where("r.person_id", "=", personId)
    .where((eb) =>
      eb.or([
        eb("r.owner_id", "=", ownerId),
        eb.and([eb("s.owner_id", "=", ownerId), eb("r.role", "in", [...STAFF_ROLES])]),
      ]),
    )
    .limit(1)
    .executeTakeFirst();
  return Boolean(row);
}

export interface OwnerRoleContext {
  ownerId: string;
  actorId: string;
  requestId: string;
  now: Date;
  lang: Lang;
}

export async function assignOwnerRole(
  db: Db,
  ctx: OwnerRoleContext,
  personId: string,
  role: string,
): Promise<{ id: string; role: string }> {
  return db.transaction().execute(async (tx) => {
    await tx
      .selectFrom("school_owner")
      .select("id")
      .where("id", "=", ctx.ownerId)
      .forUpdate()
      .execute();
    if (!(await isOwnerCandidate(tx, ctx.ownerId, personId))) throw notFound();
    return addOwnerRoleInTx(tx, ctx, personId, role);
  });
}

/** Checks and writes one owner role inside the caller's transaction, with its audit row. */
export async function addOwnerRoleInTx(
  tx: Tx,
  ctx: Omit<OwnerRoleContext, "actorId"> & { actorId: string | null },
  personId: string,
  role: string,
): Promise<{ id: string; role: string }> {
  const held = await tx
    .selectFrom("role_assignment")
    .select(["id", "role", "group_id as groupId"])
    .where("person_id", "=", personId)
    .where("owner_id", "=", ctx.ownerId)
    .execute();
  const issues = checkOwnerRoleAssignment({ role, held });
  if (issues.length > 0) throw invalidInput(ctx.lang, issues);
  const row = await tx
    .insertInto("role_assignment")
    .values({ person_id: personId, role, owner_id: ctx.ownerId })
    .returning("id")
    .executeTakeFirstOrThrow();
  await appendAudit(tx, {
    at: ctx.now,
    actorId: ctx.actorId,
    action: "role.assign",
    resourceType: "person",
    resourceId: personId,
    ownerId: ctx.ownerId,
    requestId: ctx.requestId,
    detail: { roleId: row.id, role },
  });
  return { id: row.id, role };
}

export async function removeOwnerRole(
  db: Db,
  ctx: OwnerRoleContext,
  personId: string,
  roleId: string,
): Promise<void> {
  await db.transaction().execute(async (tx) => {
    const row = await tx
      .selectFrom("role_assignment")
      .select(["id", "role"])
      .where("id", "=", roleId)
      .where("person_id", "=", personId)
      .where("owner_id", "=", ctx.ownerId)
      .executeTakeFirst();
    if (!row) throw notFound();
    await tx.deleteFrom("role_assignment").where("id", "=", row.id).execute();
    await appendAudit(tx, {
      at: ctx.now,
      actorId: ctx.actorId,
      action: "role.remove",
      resourceType: "person",
      resourceId: personId,
      ownerId: ctx.ownerId,
      requestId: ctx.requestId,
      detail: { roleId: row.id, role: row.role },
    });
  });
}
