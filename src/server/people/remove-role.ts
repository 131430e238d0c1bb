// Takes a role away from a person at a school, keeping the school's last principal.
import { checkSchoolRoleRemoval } from "../../core/access/role-rules.ts";
import { appendAudit } from "../platform/audit.ts";
import type { Db } from "../platform/db/database.ts";
import { AppError, notFound } from "../platform/errors.ts";
import type { RoleChangeContext } from "./assign-role.ts";
import { lockSchool } from "./store.ts";

export async function removeRole(
  db: Db,
  ctx: RoleChangeContext,
  personId: string,
  roleId: string,
): Promise<void> {
  await db.transaction().execute(async (tx) => {
    await lockSchool(tx, ctx.schoolId);
    const role = await tx
      .selectFrom("role_assignment")
      .select(["id", "role", "group_id"])
      .where("id", "=", roleId)
      .where("person_id", "=", personId)
      .where("school_id", "=", ctx.schoolId)
      .executeTakeFirst();
    if (!role) throw notFound();

    const principals = await tx
      .selectFrom("role_assignment")
      .select((eb) => eb.fn.count<string>("person_id").distinct().as("n"))
      .where("school_id", "=", ctx.schoolId)
      .where("role", "=", "principal")
      .executeTakeFirstOrThrow();
    const issues = checkSchoolRoleRemoval({
      role: role.role,
      principalsAtSchool: Number(principals.n),
    });
    if (issues[0]) throw new AppError(409, issues[0].code);

    await tx.deleteFrom("role_assignment").where("id", "=", role.id).execute();
    if (role.group_id) {
      // The membership the role implied goes with it, unless another role still implies it.
      const memberRole = role.role === "pupil" ? "pupil" : "teacher";
      const stillImplied = await tx
        .selectFrom("role_assignment")
        .select("id")
        .where("person_id", "=", personId)
        .where("group_id", "=", role.group_id)
        .where("role", memberRole === "pupil" ? "=" : "<>", "pupil")
        .executeTakeFirst();
      if (!stillImplied) {
        await tx
          .deleteFrom("group_membership")
          .where("group_id", "=", role.group_id)
          .where("person_id", "=", personId)
          .where("member_role", "=", memberRole)
          .execute();
      }
    }
    await appendAudit(tx, {
      at: ctx.now,
      actorId: ctx.actorId,
      action: "role.remove",
      resourceType: "person",
      resourceId: personId,
      schoolId: ctx.schoolId,
      ownerId: ctx.ownerId,
      requestId: ctx.requestId,
      detail: { roleId: role.id, role: role.role, groupId: role.group_id },
    });
  });
}
