// `trygg backup --out FILE [--format pglite|json]`: writes a backup of the configured database.
// Embedded (PGlite): the data directory as PGlite's tarball by default, taken under the data
// directory's lock, so the server must be stopped. PostgreSQL: a JSON logical dump from a
// consistent snapshot, while the app keeps running. See docs/decisions/0105-backup.md.
import fs from "node:fs";
import { parseArgs } from "node:util";
import {
  BackupError,
  hasPgliteData,
  withDataDirLock,
  writeLogicalBackup,
  writePgliteBackup,
} from "../../server/platform/backup.ts";
import { ConfigError, loadConfig } from "../../server/platform/config.ts";
import { openDatabase } from "../../server/platform/db/database.ts";

const USAGE =
  "Usage: trygg backup --out FILE [--format pglite|json]\n" +
  "  Embedded database: stop the server first. The default format is PGlite's own (exact,\n" +
  "  embedded only); --format json writes the portable format that also restores into\n" +
  "  PostgreSQL. With DATABASE_URL the backup is always JSON and the app may keep running.";

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

export default async function run(argv: string[]): Promise<number> {
  let values: { out?: string | undefined; format?: string | undefined };
  try {
    ({ values } = parseArgs({
      args: argv,
      options: { out: { type: "string" }, format: { type: "string" } },
    }));
  } catch (err) {
    console.error(`${(err as Error).message}\n${USAGE}`);
    return 2;
  }
  const out = values.out;
  if (!out || (values.format && !["pglite", "json"].includes(values.format))) {
    console.error(USAGE);
    return 2;
  }
  if (fs.existsSync(out)) {
    console.error(`${out} already exists. Choose another file name; a backup never overwrites.`);
    return 1;
  }
  try {
    const config = loadConfig();
    if (config.database.engine === "postgres") {
      if (values.format === "pglite") {
        console.error(
          "--format pglite is for the embedded database; PostgreSQL is backed up as JSON.",
        );
        return 2;
      }
      const database = await openDatabase({ engine: "postgres", url: config.database.url, max: 2 });
      try {
        const s = await writeLogicalBackup(database, out);
        const rows = s.tables.reduce((n, t) => n + t.rows, 0);
        console.log(
          `Backup written: ${out} (${mb(s.bytes)}, ${s.tables.length} tables, ${rows} rows, ${(s.ms / 1000).toFixed(1)} s).`,
        );
      } finally {
        await database.close();
      }
      return 0;
    }
    const pgliteDir = config.database.dataDir;
    return await withDataDirLock(config.dataDir, async () => {
      if (!hasPgliteData(pgliteDir)) {
        console.error(`There is no embedded database at ${pgliteDir}: nothing to back up.`);
        return 1;
      }
      if (values.format === "json") {
        const database = await openDatabase({ engine: "pglite", dataDir: pgliteDir });
        try {
          const s = await writeLogicalBackup(database, out);
          const rows = s.tables.reduce((n, t) => n + t.rows, 0);
          console.log(
            `Backup written: ${out} (${mb(s.bytes)}, JSON, ${s.tables.length} tables, ${rows} rows, ${(s.ms / 1000).toFixed(1)} s).`,
          );
        } finally {
          await database.close();
        }
        return 0;
      }
      const s = await writePgliteBackup(pgliteDir, out);
      console.log(
        `Backup written: ${out} (${mb(s.bytes)}, PGlite data directory, ${(s.ms / 1000).toFixed(1)} s).`,
      );
      return 0;
    });
  } catch (err) {
    if (err instanceof BackupError || err instanceof ConfigError) {
      console.error(err.message);
      return 1;
    }
    throw err;
  }
}
