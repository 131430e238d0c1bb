/**
 * Loads the demo data into an empty database: one transaction, multi-row inserts in chunks.
 * Idempotent: does nothing once any school exists.
 */
import { type Insertable, sql } from "kysely";
import type { Db, Tx } from "../platform/db/database.ts";
import type { Database } from "../platform/db/schema.ts";
import { generateDemoData } from "./generate.ts";
import { type DemoLogin, pickDemoLogins } from "./logins.ts";

/** `app_meta` key holding the seed the demo data was generated from. */
export const DEMO_SEED_META_KEY = "demo.seed";
const CHUNK = 500;
/** Serialises concurrent seeders on PostgreSQL (several app instances starting at once). */
const SEED_LOCK = 727276; // distinct from the migration (727274) and audit (727275) locks

function* chunks<T>(rows: readonly T[], size = CHUNK): Generator<T[]> {
  for (let i = 0; i < rows.length; i += size) yield rows.slice(i, i + size);
}

/**
 * Multi-row insert of one chunk as a single JSON parameter: on PGlite this is about twice as
 * fast as a VALUES list with one bind parameter per cell, and it is plain PostgreSQL.
 */
async function insertRows<T extends keyof Database>(
  tx: Tx,
  table: T,
  rows: readonly Insertable<Database[T]>[],
): Promise<number> {
  const first = rows[0];
  if (!first) return 0;
  const columns = sql.join(Object.keys(first).map((c) => sql.ref(c)));
  for (const chunk of chunks(rows)) {
    await sql`INSERT INTO ${sql.table(table)} (${columns})
      SELECT ${columns} FROM json_populate_recordset(NULL::${sql.table(table)}, ${JSON.stringify(chunk)}::json)`.execute(
      tx,
    );
  }
  return rows.length;
}

export async function seedDemoData(
  db: Db,
  seed = 2026,
): Promise<{ inserted: boolean; rows: number }> {
  return db.transaction().execute(async (tx) => {
    await sql`SELECT pg_advisory_xact_lock(${SEED_LOCK})`.execute(tx);
    const existing = await tx.selectFrom("school").select("id").limit(1).executeTakeFirst();
    if (existing) return { inserted: false, rows: 0 };
    const d = generateDemoData(seed);
    let rows = 0;
    // Parents before children (foreign keys).
    rows += await insertRows(tx, "school_owner", d.schoolOwners);
    rows += await insertRows(tx, "school", d.schools);
    rows += await insertRows(tx, "school_year", d.schoolYears);
    rows += await insertRows(tx, "school_year_break", d.schoolYearBreaks);
    rows += await insertRows(tx, "person", d.persons);
    rows += await insertRows(tx, "study_group", d.studyGroups);
    rows += await insertRows(tx, "group_membership", d.groupMemberships);
    rows += await insertRows(tx, "role_assignment", d.roleAssignments);
    rows += await insertRows(tx, "guardianship", d.guardianships);
    await tx
      .insertInto("app_meta")
      .values({ key: DEMO_SEED_META_KEY, value: String(seed) })
      .onConflict((oc) => oc.column("key").doUpdateSet({ value: String(seed) }))
      .execute();
    return { inserted: true, rows: rows + 1 };
  });
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
