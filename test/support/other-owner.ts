// A second school owner with one case officer, for denials across owners (the demo data has
// one owner only).
import type { Db } from "../../src/server/platform/db/database.ts";

export async function otherOwnerOfficer(db: Db): Promise<{ ownerId: string; officer: string }> {
  const owner = await db
    .insertInto("school_owner")
    .values({ name: "Annen fylkeskommune" })
    .returning("id")
    .executeTakeFirstOrThrow();
  const person = await db
    .insertInto("person")
    .values({
      given_name: "Ola",
      family_name: "Annensen",
      email: "ola.annensen@example.invalid",
      phone: null,
      gender: null,
      birth_date: null,
      feide_id: null,
      nin_hash: null,
      external_source: null,
      external_id: null,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  await db
    .insertInto("role_assignment")
    .values({ person_id: person.id, role: "ownerCaseOfficer", owner_id: owner.id })
    .execute();
  return { ownerId: owner.id, officer: person.id };
}
