// A school owner's schools: the list with head counts, and adding a school.
import { z } from "zod";
import { STAFF_ROLES } from "../../core/access/roles.ts";
import type { Lang } from "../../i18n/lang.ts";
import { appendAudit } from "../platform/audit.ts";
import type { Db } from "../platform/db/database.ts";
import { invalidInput } from "../schools/input.ts";

const collator = new Intl.Collator("nb", { numeric: true, sensitivity: "base" });

export interface SchoolSummary {
  id: string;
  name: string;
  orgNumber: string | null;
  pupils: number;
  staff: number;
}

export async function listOwnerSchools(db: Db, ownerId: string): Promise<SchoolSummary[]> {
  const rows = await db
    .selectFrom("school as s")
    .select(["s.id", "s.name", "s.org_number"])
    .select((eb) => [
      eb
        .selectFrom("role_assignment as r")
        .select((e) => e.fn.count<string>("r.person_id").distinct().as("n"))
        .whereRef("r.school_id", "=", "s.id")
        .where("r.role", "=", "pupil")
        .as("pupils"),
      eb
        .selectFrom("role_assignment as r")
        .select((e) => e.fn.count<string>("r.person_id").distinct().as("n"))
        .whereRef("r.school_id", "=", "s.id")
        .where("r.role", "in", [...STAFF_ROLES])
        .as("staff"),
    ])
    .where("s.owner_id", "=", ownerId)
    .execute();
  return rows
    .map((r) => ({
      id: r.id,
      name: r.name,
      orgNumber: r.org_number,
      pupils: Number(r.pupils ?? 0),
      staff: Number(r.staff ?? 0),
    }))
    .sort((a, b) => collator.compare(a.name, b.name));
}

export const newSchoolInput = z.object({
  name: z.string().trim().min(1).max(200),
  // People write "974 760 673"; stored as nine digits.
  orgNumber: z.preprocess(
    (v) => (typeof v === "string" ? v.replace(/\s+/g, "") || null : v),
    z
      .string()
      .regex(/^\d{9}$/, { error: "field.invalidOrgNumber" })
      .nullish(),
  ),
});

export type NewSchoolInput = z.infer<typeof newSchoolInput>;

export async function createSchool(
  db: Db,
  cmd: {
    ownerId: string;
    input: NewSchoolInput;
    /** null when an operator runs the CLI. */
    actorId: string | null;
    requestId: string | null;
    now: Date;
    lang: Lang;
  },
): Promise<SchoolSummary> {
  const orgNumber = cmd.input.orgNumber ?? null;
  return db.transaction().execute(async (tx) => {
    if (orgNumber) {
      const school = await tx
        .selectFrom("school")
        .select("id")
        .where("org_number", "=", orgNumber)
        .executeTakeFirst();
      const owner = await tx
        .selectFrom("school_owner")
        .select("id")
        .where("org_number", "=", orgNumber)
        .executeTakeFirst();
      if (school || owner) {
        throw invalidInput(cmd.lang, [{ path: "orgNumber", code: "school.orgNumberTaken" }]);
      }
    }
    const row = await tx
      .insertInto("school")
      .values({
        owner_id: cmd.ownerId,
        name: cmd.input.name,
        org_number: orgNumber,
        external_id: null,
      })
      .returning(["id", "name", "org_number"])
      .executeTakeFirstOrThrow();
    await appendAudit(tx, {
      at: cmd.now,
      actorId: cmd.actorId,
      action: "school.create",
      resourceType: "school",
      resourceId: row.id,
      schoolId: row.id,
      ownerId: cmd.ownerId,
      requestId: cmd.requestId,
    });
    return { id: row.id, name: row.name, orgNumber: row.org_number, pupils: 0, staff: 0 };
  });
}
