// Adds a person by hand (someone the import does not know yet) with a first role at a school.
import { z } from "zod";
import { checkSchoolRoleAssignment } from "../../core/access/role-rules.ts";
import { appendAudit } from "../platform/audit.ts";
import type { Db } from "../platform/db/database.ts";
import { invalidInput, type Problem } from "../schools/input.ts";
import { addRoleInTx, groupFacts, type RoleChangeContext, roleInput } from "./assign-role.ts";
import type { RoleView } from "./store.ts";
import { lockSchool } from "./store.ts";

const optionalText = (schema: z.ZodType<string>) =>
  z.preprocess((v) => (typeof v === "string" && v.trim() === "" ? null : v), schema.nullish());

export const newPersonInput = roleInput.extend({
  givenName: z.string().trim().min(1).max(100),
  familyName: z.string().trim().min(1).max(100),
  email: optionalText(
    z
      .string()
      .trim()
      .max(200)
      .pipe(z.email({ error: "field.invalidEmail" })),
  ),
  // A Feide name is user@realm.
  feideId: optionalText(
    z
      .string()
      .trim()
      .max(200)
      .regex(/^[^\s@]+@[^\s@]+$/, { error: "field.invalid" }),
  ),
});

export type NewPersonInput = z.infer<typeof newPersonInput>;

export async function createPerson(
  db: Db,
  ctx: RoleChangeContext,
  input: NewPersonInput,
): Promise<{ id: string; role: RoleView }> {
  return db.transaction().execute(async (tx) => {
    await lockSchool(tx, ctx.schoolId);
    const feideId = input.feideId?.toLowerCase() ?? null;
    // Every problem at once, so the form's error summary is complete the first time.
    const problems: Problem[] = checkSchoolRoleAssignment({
      schoolId: ctx.schoolId,
      role: input.role,
      groupId: input.groupId,
      group: await groupFacts(tx, input.groupId),
      held: [],
    });
    if (feideId) {
      const taken = await tx
        .selectFrom("person")
        .select("id")
        .where("feide_id", "=", feideId)
        .executeTakeFirst();
      if (taken) problems.push({ path: "feideId", code: "person.feideIdTaken" });
    }
    if (problems.length > 0) throw invalidInput(ctx.lang, problems);
    const person = await tx
      .insertInto("person")
      .values({
        given_name: input.givenName,
        family_name: input.familyName,
        email: input.email ?? null,
        phone: null,
        gender: null,
        birth_date: null,
        feide_id: feideId,
        nin_hash: null,
        external_source: null,
        external_id: null,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    await appendAudit(tx, {
      at: ctx.now,
      actorId: ctx.actorId,
      action: "person.create",
      resourceType: "person",
      resourceId: person.id,
      schoolId: ctx.schoolId,
      ownerId: ctx.ownerId,
      requestId: ctx.requestId,
      detail: {
        fields: [
          "givenName",
          "familyName",
          ...(input.email ? ["email"] : []),
          ...(feideId ? ["feideId"] : []),
        ],
      },
    });
    const role = await addRoleInTx(tx, ctx, person.id, {
      role: input.role,
      groupId: input.groupId,
    });
    return { id: person.id, role };
  });
}
