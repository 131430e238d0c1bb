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
import { checkSecretFingerprint, resolveSecret } from "./platform/secret.ts";

export const webDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../dist/web");

export interface Running {
  url: string;
  config: Config;
  database: DatabaseHandle;
  /** Drains requests in flight (new ones get 503) for at most `drainMs`, then closes all. */
  stop(drainMs?: number): Promise<void>;
}

export async function start(config: Config = loadConfig()): Promise<Running> {
  const logger = createRootLogger(config.logLevel);
  const log = getLogger(logger, "boot");
  for (const warning of config.warnings) log.warn(warning);
  let lock: DataDirLock | undefined;
  if (config.database.engine === "pglite") lock = lockDataDir(config.dataDir);
  // Everything opened so far, closed in reverse if a later step fails (a taken port, a wrong
  // secret), so a failed start exits instead of hanging on an open pool or job timer.
  const opened: (() => Promise<void>)[] = [async () => lock?.release()];
  const closeAll = async () => {
    for (const close of opened.reverse().splice(0)) await close().catch(() => {});
  };
  try {
    const secret = resolveSecret(config);
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
    opened.push(() => database.close());
    const applied = await migrate(database.db);
    log.info({ engine: database.engine, applied: applied.length }, "database ready");
    await checkSecretFingerprint(database.db, secret);
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
    opened.push(() => jobs.stop());
    const app = await buildApp(
      { config, database, clock: systemClock, logger, kick: jobs.kick },
      features,
      { webDir },
    );
    opened.push(() => app.close());
    try {
      await app.listen({ port: config.port, host: config.host });
    } catch (err) {
      if ((err as { code?: string }).code === "EADDRINUSE") throw new PortInUseError(config.port);
      throw err;
    }
    log.info({ url: config.publicUrl, demo: config.demo }, "Trygg is running");
    let stopped = false;
    return {
      url: config.publicUrl,
      config,
      database,
      async stop(drainMs = 10_000) {
        if (stopped) return;
        stopped = true;
        log.info("stopping: finishing requests in flight, new requests get 503");
        const { unfinished } = await app.drain.drain(drainMs);
        if (unfinished > 0) log.warn({ unfinished }, "stopping with requests still in flight");
        await closeAll();
        log.info("stopped");
      },
    };
  } catch (err) {
    await closeAll();
    throw err;
  }
}

export class PortInUseError extends Error {
  constructor(port: number) {
    super(`Port ${port} is already in use. Stop the other program or set PORT to a free port.`);
    this.name = "PortInUseError";
  }
}
