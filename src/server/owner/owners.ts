// Creating a school owner (a county or municipality): the system administrator's first step
// when setting Trygg up, in the admin UI or with `trygg owners add`.
import type { z } from "zod";
import type { Lang } from "../../i18n/lang.ts";
import { appendAudit } from "../platform/audit.ts";
import type { Db } from "../platform/db/database.ts";
import { invalidInput } from "../schools/input.ts";
import { newSchoolInput } from "./schools.ts";

/** Same rules as a school: a name, and optionally a nine-digit organisation number. */
export const newOwnerInput = newSchoolInput;
export type NewOwnerInput = z.infer<typeof newOwnerInput>;

export interface OwnerSummary {
  id: string;
  name: string;
  orgNumber: string | null;
  schools: number;
}

export async function createOwner(
  db: Db,
  cmd: {
    input: NewOwnerInput;
    actorId: string | null;
    requestId: string | null;
    now: Date;
    lang: Lang;
  },
): Promise<OwnerSummary> {
  const orgNumber = cmd.input.orgNumber ?? null;
  return db.transaction().execute(async (tx) => {
    if (orgNumber) {
      const taken =
        (await tx
          .selectFrom("school_owner")
          .select("id")
          .where("org_number", "=", orgNumber)
          .executeTakeFirst()) ??
        (await tx
          .selectFrom("school")
          .select("id")
          .where("org_number", "=", orgNumber)
          .executeTakeFirst());
      if (taken) {
        throw invalidInput(cmd.lang, [{ path: "orgNumber", code: "school.orgNumberTaken" }]);
      }
    }
    const row = await tx
      .insertInto("school_owner")
      .values({ name: cmd.input.name, org_number: orgNumber })
      .returning(["id", "name", "org_number"])
      .executeTakeFirstOrThrow();
    await appendAudit(tx, {
      at: cmd.now,
      actorId: cmd.actorId,
      action: "owner.create",
      resourceType: "owner",
      resourceId: row.id,
      ownerId: row.id,
      requestId: cmd.requestId,
    });
    return { id: row.id, name: row.name, orgNumber: row.org_number, schools: 0 };
  });
}
