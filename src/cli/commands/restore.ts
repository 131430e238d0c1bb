// `trygg restore --in FILE [--force]`: restores a backup into an empty database.
// Embedded: the server must be stopped (the data directory's lock tells); a data directory that
// already holds a database is refused unless --force, which moves it aside (never deletes it),
// and moves it back if the restore fails. PostgreSQL: JSON backups only, into an empty database.
import fs from "node:fs";
import { parseArgs } from "node:util";
import { verifyAuditChain } from "../../server/platform/audit.ts";
import {
  BackupError,
  clearRestoreTarget,
  countRows,
  detectBackupFormat,
  type RestoreSummary,
  restoreLogicalBackup,
  restorePgliteBackup,
  withDataDirLock,
} from "../../server/platform/backup.ts";
import { ConfigError, loadConfig } from "../../server/platform/config.ts";
import { openDatabase } from "../../server/platform/db/database.ts";
import { migrate } from "../../server/platform/db/migrate.ts";

const USAGE =
  "Usage: trygg restore --in FILE [--force]\n" +
  "  Restores into an empty database. Embedded: stop the server first; --force moves an\n" +
  "  existing data directory aside. PostgreSQL (DATABASE_URL): JSON backups, empty database.";

function report(s: RestoreSummary): number {
  const rows = s.tables.reduce((n, t) => n + t.rows, 0);
  console.log(
    `Restored ${s.tables.length} tables, ${rows} rows in ${(s.ms / 1000).toFixed(1)} s` +
      (s.migrationsApplied.length > 0
        ? `; then applied ${s.migrationsApplied.length} newer migrations.`
        : "."),
  );
  if (s.auditChain.ok) {
    console.log(`Audit log intact: ${s.auditChain.count} entries.`);
    return 0;
  }
  console.error(`Audit log broken at entry ${s.auditChain.seq} (${s.auditChain.problem}).`);
  return 1;
}

export default async function run(argv: string[]): Promise<number> {
  let values: { in?: string | undefined; force?: boolean | undefined };
  try {
    ({ values } = parseArgs({
      args: argv,
      options: { in: { type: "string" }, force: { type: "boolean", default: false } },
    }));
  } catch (err) {
    console.error(`${(err as Error).message}\n${USAGE}`);
    return 2;
  }
  const file = values.in;
  if (!file) {
    console.error(USAGE);
    return 2;
  }
  try {
    const config = loadConfig();
    const format = await detectBackupFormat(file);

    if (config.database.engine === "postgres") {
      if (format === "pglite") {
        console.error(
          "This is a backup of an embedded (PGlite) database and cannot be restored into PostgreSQL. " +
            "Make a portable one with `trygg backup --format json --out FILE` (embedded server stopped).",
        );
        return 1;
      }
      const database = await openDatabase({ engine: "postgres", url: config.database.url, max: 2 });
      try {
        return report(await restoreLogicalBackup(database, file));
      } finally {
        await database.close();
      }
    }

    const pgliteDir = config.database.dataDir;
    return await withDataDirLock(config.dataDir, async () => {
      const aside = clearRestoreTarget(pgliteDir, values.force === true);
      if (aside) console.log(`Moved the existing database aside to ${aside}`);
      try {
        if (format === "json") {
          const database = await openDatabase({ engine: "pglite", dataDir: pgliteDir });
          try {
            return report(await restoreLogicalBackup(database, file));
          } finally {
            await database.close();
          }
        }
        const started = Date.now();
        await restorePgliteBackup(file, pgliteDir);
        const database = await openDatabase({ engine: "pglite", dataDir: pgliteDir });
        try {
          const migrationsApplied = await migrate(database.db);
          const auditChain = await verifyAuditChain(database.db);
          const tables = (await countRows(database)).filter((t) => t.table !== "schema_migration");
          return report({ tables, migrationsApplied, auditChain, ms: Date.now() - started });
        } finally {
          await database.close();
        }
      } catch (err) {
        // Put the old database back where it was: a failed restore must not lose it.
        if (aside) {
          fs.rmSync(pgliteDir, { recursive: true, force: true });
          fs.renameSync(aside, pgliteDir);
          console.error(`Restore failed; the previous database is back in ${pgliteDir}.`);
        }
        throw err;
      }
    });
  } catch (err) {
    if (err instanceof BackupError || err instanceof ConfigError) {
      console.error(err.message);
      return 1;
    }
    throw err;
  }
}
