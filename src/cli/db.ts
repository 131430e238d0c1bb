// Opens the configured database for a CLI command, with the same lock the server takes.
import { loadConfig } from "../server/platform/config.ts";
import { type DatabaseHandle, openDatabase } from "../server/platform/db/database.ts";
import { lockDataDir } from "../server/platform/db/lock.ts";
import { migrate } from "../server/platform/db/migrate.ts";

export async function withDatabase<T>(fn: (database: DatabaseHandle) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const lock = config.database.engine === "pglite" ? lockDataDir(config.dataDir) : undefined;
  try {
    const database = await openDatabase(
      config.database.engine === "pglite"
        ? { engine: "pglite", dataDir: config.database.dataDir }
        : { engine: "postgres", url: config.database.url },
    );
    try {
      await migrate(database.db);
      return await fn(database);
    } finally {
      await database.close();
    }
  } finally {
    lock?.release();
  }
}
