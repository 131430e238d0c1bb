// Boots Trygg in one visible order: config -> db -> migrate -> (demo data) -> jobs -> http.
import path from "node:path";
import { fileURLToPath } from "node:url";
import { features } from "./features.ts";
import { systemClock } from "./platform/clock.ts";
import { type Config, loadConfig } from "./platform/config.ts";
import { type DatabaseHandle, openDatabase } from "./platform/db/database.ts";
import { type DataDirLock, lockDataDir } from "./platform/db/lock.ts";
import { migrate } from "./platform/db/migrate.ts";
import { buildApp } from "./platform/http/app.ts";
import { createRootLogger, getLogger } from "./platform/logging.ts";
import { resolveSecret } from "./platform/secret.ts";

export const webDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../dist/web");

export interface Running {
  url: string;
  config: Config;
  database: DatabaseHandle;
  stop(): Promise<void>;
}

export async function start(config: Config = loadConfig()): Promise<Running> {
  const logger = createRootLogger(config.logLevel);
  const log = getLogger(logger, "boot");
  let lock: DataDirLock | undefined;
  if (config.database.engine === "pglite") lock = lockDataDir(config.dataDir);
  try {
    resolveSecret(config);
    const database = await openDatabase(
      config.database.engine === "pglite"
        ? { engine: "pglite", dataDir: config.database.dataDir }
        : {
            engine: "postgres",
            url: config.database.url,
            onIdleError: (err) =>
              log.warn({ code: (err as { code?: string }).code }, "idle database connection lost"),
          },
    );
    const applied = await migrate(database.db);
    log.info({ engine: database.engine, applied: applied.length }, "database ready");
    if (config.demo) {
      const { seedDemoData } = await import("./demo/seed.ts");
      const { inserted } = await seedDemoData(database.db);
      if (inserted) {
        const { makeDemoLive } = await import("./demo/living.ts");
        const steps = await makeDemoLive({ db: database.db, now: systemClock(), seed: 2026 });
        log.info({ steps }, "demo school created");
      }
    }
    const { startJobs } = await import("./platform/jobs.ts");
    const jobs = await startJobs({ config, database, logger, clock: systemClock });
    const app = await buildApp(
      { config, database, clock: systemClock, logger, kick: jobs.kick },
      features,
      { webDir },
    );
    await app.listen({ port: config.port, host: config.host });
    log.info({ url: config.publicUrl, demo: config.demo }, "Trygg is running");
    let stopped = false;
    return {
      url: config.publicUrl,
      config,
      database,
      async stop() {
        if (stopped) return;
        stopped = true;
        await app.close();
        await jobs.stop();
        await database.close();
        lock?.release();
      },
    };
  } catch (err) {
    lock?.release();
    throw err;
  }
}
