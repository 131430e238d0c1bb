// Gives a person a role at a school. The role rules (src/core/access/role-rules.ts) decide
// whether the change makes sense; the policy has already decided who may ask.
import { z } from "zod";
import { checkSchoolRoleAssignment, type GroupFacts } from "../../core/access/role-rules.ts";
import type { Lang } from "../../i18n/lang.ts";
import { appendAudit } from "../platform/audit.ts";
import type { Db, Tx } from "../platform/db/database.ts";
import { notFound } from "../platform/errors.ts";
import { invalidInput } from "../schools/input.ts";
import { heldRolesAt, isAtSchool, lockSchool, type RoleView } from "./store.ts";

const blankToNull = (v: unknown) => (v === "" || v === undefined ? null : v);

export const roleInput = z.object({
  // Checked against the role rules, which name the problem better than an enum would.
  role: z.string().trim().min(1).max(40),
  groupId: z.preprocess(blankToNull, z.uuid().nullable()),
});

export type RoleInput = z.infer<typeof roleInput>;

export interface RoleChangeContext {
  schoolId: string;
  ownerId: string;
  /** null when an operator runs the CLI. */
  actorId: string | null;
  requestId: string;
  now: Date;
  lang: Lang;
}

export async function groupFacts(tx: Tx, groupId: string | null): Promise<GroupFacts | null> {
  if (!groupId) return null;
  const g = await tx
    .selectFrom("study_group")
    .select(["id", "school_id", "kind"])
    .where("id", "=", groupId)
    .executeTakeFirst();
  return g ? { id: g.id, schoolId: g.school_id, kind: g.kind } : null;
}

/**
 * Checks and writes one role inside the caller's transaction (with the school locked), with
 * the group membership a group role implies and the audit row.
 */
export async function addRoleInTx(
  tx: Tx,
  ctx: RoleChangeContext,
  personId: string,
  input: RoleInput,
): Promise<RoleView> {
  const group = await groupFacts(tx, input.groupId);
  const issues = checkSchoolRoleAssignment({
    schoolId: ctx.schoolId,
    role: input.role,
    groupId: input.groupId,
    group,
    held: await heldRolesAt(tx, ctx.schoolId, personId),
  });
  if (issues.length > 0) throw invalidInput(ctx.lang, issues);

  const row = await tx
    .insertInto("role_assignment")
    .values({
      person_id: personId,
      role: input.role,
      school_id: ctx.schoolId,
      group_id: input.groupId,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  if (group) {
    // Teachers of a group and pupils of a class are members of it: lists, seating and
    // buddy groups read memberships, not roles.
    await tx
      .insertInto("group_membership")
      .values({
        group_id: group.id,
        person_id: personId,
        member_role: input.role === "pupil" ? "pupil" : "teacher",
      })
      .onConflict((oc) => oc.doNothing())
      .execute();
  }
  await appendAudit(tx, {
    at: ctx.now,
    actorId: ctx.actorId,
    action: "role.assign",
    resourceType: "person",
    resourceId: personId,
    schoolId: ctx.schoolId,
    ownerId: ctx.ownerId,
    requestId: ctx.requestId,
    detail: { roleId: row.id, role: input.role, groupId: input.groupId },
  });
  const groupName = group
    ? ((
        await tx
          .selectFrom("study_group")
          .select("name")
          .where("id", "=", group.id)
          .executeTakeFirst()
      )?.name ?? null)
    : null;
  return { id: row.id, role: input.role, groupId: input.groupId, groupName };
}

export async function assignRole(
  db: Db,
  ctx: RoleChangeContext,
  personId: string,
  input: RoleInput,
): Promise<RoleView> {
  return db.transaction().execute(async (tx) => {
    await lockSchool(tx, ctx.schoolId);
    // Someone with no role here is not this school's to manage (and may belong to another).
    if (!(await isAtSchool(tx, ctx.schoolId, personId))) throw notFound();
    return addRoleInTx(tx, ctx, personId, input);
  });
}
