/**
 * Loads the demo data into an empty database: one transaction, multi-row inserts in chunks.
 * Idempotent: does nothing once any school exists.
 */
import { sql } from "kysely";
import type { Db, Tx } from "../platform/db/database.ts";
import { generateDemoData } from "./generate.ts";
import { type DemoLogin, pickDemoLogins } from "./logins.ts";

/** `app_meta` key holding the seed the demo data was generated from. */
export const DEMO_SEED_META_KEY = "demo.seed";
const CHUNK = 500;
/** Serialises concurrent seeders on PostgreSQL (several app instances starting at once). */
const SEED_LOCK = 727275;

function* chunks<T>(rows: readonly T[], size = CHUNK): Generator<T[]> {
  for (let i = 0; i < rows.length; i += size) yield rows.slice(i, i + size);
}

export async function seedDemoData(
  db: Db,
  seed = 2026,
): Promise<{ inserted: boolean; rows: number }> {
  return db.transaction().execute(async (tx) => {
    await sql`SELECT pg_advisory_xact_lock(${SEED_LOCK})`.execute(tx);
    const existing = await tx.selectFrom("school").select("id").limit(1).executeTakeFirst();
    if (existing) return { inserted: false, rows: 0 };
    const rows = await insertDemoData(tx, seed);
    return { inserted: true, rows };
  });
}

async function insertDemoData(tx: Tx, seed: number): Promise<number> {
  const d = generateDemoData(seed);
  let rows = 0;
  // Parents before children (foreign keys).
  for (const c of chunks(d.schoolOwners)) await tx.insertInto("school_owner").values(c).execute();
  for (const c of chunks(d.schools)) await tx.insertInto("school").values(c).execute();
  for (const c of chunks(d.schoolYears)) await tx.insertInto("school_year").values(c).execute();
  for (const c of chunks(d.schoolYearBreaks))
    await tx.insertInto("school_year_break").values(c).execute();
  for (const c of chunks(d.persons)) await tx.insertInto("person").values(c).execute();
  for (const c of chunks(d.studyGroups)) await tx.insertInto("study_group").values(c).execute();
  for (const c of chunks(d.groupMemberships))
    await tx.insertInto("group_membership").values(c).execute();
  for (const c of chunks(d.roleAssignments))
    await tx.insertInto("role_assignment").values(c).execute();
  for (const c of chunks(d.guardianships)) await tx.insertInto("guardianship").values(c).execute();
  rows +=
    d.schoolOwners.length +
    d.schools.length +
    d.schoolYears.length +
    d.schoolYearBreaks.length +
    d.persons.length +
    d.studyGroups.length +
    d.groupMemberships.length +
    d.roleAssignments.length +
    d.guardianships.length;
  await tx
    .insertInto("app_meta")
    .values({ key: DEMO_SEED_META_KEY, value: String(seed) })
    .onConflict((oc) => oc.column("key").doUpdateSet({ value: String(seed) }))
    .execute();
  return rows + 1;
}

/**
 * The people the demo login picker offers, read back from the database with the same
 * selection as `generateDemoData().logins` (names sorted in JS with a Norwegian collator:
 * PGlite has no ICU collations).
 */
export async function listDemoLogins(db: Db): Promise<DemoLogin[]> {
  const [owners, schools, persons, groups, roles, guardianships] = await Promise.all([
    db.selectFrom("school_owner").select(["id", "name"]).execute(),
    db.selectFrom("school").select(["id", "owner_id", "name"]).execute(),
    db
      .selectFrom("person")
      .select(["id", "given_name", "family_name", "is_system_admin"])
      .where((eb) =>
        eb.or([
          eb("is_system_admin", "=", true),
          eb.exists(
            eb
              .selectFrom("role_assignment as ra")
              .select("ra.id")
              .whereRef("ra.person_id", "=", "person.id"),
          ),
        ]),
      )
      .execute(),
    db.selectFrom("study_group").select(["id", "name", "external_id"]).execute(),
    db
      .selectFrom("role_assignment")
      .select(["person_id", "role", "school_id", "owner_id", "group_id"])
      .execute(),
    db.selectFrom("guardianship").select(["guardian_id", "pupil_id"]).execute(),
  ]);
  return pickDemoLogins({ owners, schools, persons, groups, roles, guardianships });
}
