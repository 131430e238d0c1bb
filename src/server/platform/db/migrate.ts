// Forward-only SQL migrations, applied in file-name order at start-up, each in its own
// transaction. The same files run on PGlite and PostgreSQL.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { sql } from "kysely";
import type { Db } from "./database.ts";

export const migrationsDir = path.join(path.dirname(fileURLToPath(import.meta.url)), "migrations");

export function listMigrations(dir = migrationsDir): { name: string; sql: string }[] {
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith(".sql"))
    .sort()
    .map((name) => ({ name, sql: fs.readFileSync(path.join(dir, name), "utf8") }));
}

export async function migrate(db: Db, dir = migrationsDir): Promise<string[]> {
  await sql`CREATE TABLE IF NOT EXISTS schema_migration (
    name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())`.execute(db);
  const applied = new Set(
    (await sql<{ name: string }>`SELECT name FROM schema_migration`.execute(db)).rows.map(
      (r) => r.name,
    ),
  );
  const done: string[] = [];
  for (const m of listMigrations(dir)) {
    if (applied.has(m.name)) continue;
    await db.transaction().execute(async (tx) => {
      // Several app instances may start at once on PostgreSQL: one migrates, the others wait.
      await sql`SELECT pg_advisory_xact_lock(727274)`.execute(tx);
      const again = await sql`SELECT 1 FROM schema_migration WHERE name = ${m.name}`.execute(tx);
      if (again.rows.length > 0) return;
      await sql.raw(m.sql).execute(tx);
      await sql`INSERT INTO schema_migration (name) VALUES (${m.name})`.execute(tx);
      done.push(m.name);
    });
  }
  return done;
}
