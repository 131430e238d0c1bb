// Background jobs on pg-boss, in the application's own database (no Redis): PGlite and
// PostgreSQL alike, through the same node-postgres pool as Kysely. pg-boss keeps its tables
// in its own schema `pgboss`, created on first start.
//
// A job is woken two ways: `kick(queue)` right after a transaction commits, and a cron
// schedule as a safety net (a kick lost in a crash, a retry whose backoff has run out). Each
// queue is "stately" with one singleton key: at most one run waits and one runs, across all
// instances, so a burst of kicks costs one run, not one each.
import PgBoss from "pg-boss";
import type { Logger } from "pino";
import { CASE_TICK_QUEUE, runCaseTick } from "../cases/tick.ts";
import { PLAN_REMINDER_QUEUE, runPlanReminders } from "../plans/reminders.ts";
import type { Clock } from "./clock.ts";
import type { Config } from "./config.ts";
import type { DatabaseHandle } from "./db/database.ts";
import { getLogger } from "./logging.ts";
import { OUTBOX_QUEUE } from "./outbox/enqueue.ts";
import { processOutbox } from "./outbox/sender.ts";

export interface Jobs {
  kick(queue: string): void;
  stop(): Promise<void>;
}

export interface JobDeps {
  config: Config;
  database: DatabaseHandle;
  logger: Logger;
  clock: Clock;
}

export interface JobDefinition {
  queue: string;
  /** Cron expression (UTC) of the safety-net schedule; none for kick-only jobs. */
  cron?: string;
  run(deps: JobDeps): Promise<unknown>;
}

/** Every job Trygg runs. Add a feature's job here with one entry. */
export const jobDefinitions: JobDefinition[] = [
  {
    queue: OUTBOX_QUEUE,
    cron: "* * * * *",
    run: ({ config, database, logger, clock }) =>
      processOutbox({ db: database.db, config, logger, clock }),
  },
  // Duty-to-act cases: unacknowledged alerts go to the next level, and reminders of dated
  // steps go out. Every minute: "immediately" is measured in minutes.
  {
    queue: CASE_TICK_QUEUE,
    cron: "* * * * *",
    run: ({ config, database, clock }) => runCaseTick({ db: database.db, clock, config }),
  },
  // The action plan: tasks for new role holders, and reminders before due dates. Daily at
  // 05:00 UTC (06:00 or 07:00 in Norway), before the school day.
  {
    queue: PLAN_REMINDER_QUEUE,
    cron: "0 5 * * *",
    run: ({ config, database, clock }) => runPlanReminders({ db: database.db, clock, config }),
  },
];

export interface JobOptions {
  /** Cron schedules (default on). Tests switch them off and kick instead. */
  schedule?: boolean;
  /** How often an idle worker looks for work when nothing kicked it (default 10 s). */
  pollingIntervalSeconds?: number;
  definitions?: JobDefinition[];
}

export async function startJobs(deps: JobDeps, options: JobOptions = {}): Promise<Jobs> {
  const log = getLogger(deps.logger, "jobs");
  const definitions = options.definitions ?? jobDefinitions;
  const pool = deps.database.pool;
  const boss = new PgBoss({
    // pg-boss runs its SQL through our pool: one connection story for both engines.
    db: { executeSql: (text, values) => pool.query(text, values) },
    schedule: options.schedule ?? true,
    supervise: true,
    migrate: true,
  });
  boss.on("error", (err: Error) =>
    log.error({ err: { message: err.message } }, "job system error"),
  );
  await boss.start();

  const workers = new Map<string, string>();
  for (const def of definitions) {
    await boss.createQueue(def.queue, { name: def.queue, policy: "stately", retryLimit: 0 });
    const workerId = await boss.work(
      def.queue,
      { pollingIntervalSeconds: options.pollingIntervalSeconds ?? 10 },
      async () => {
        const started = Date.now();
        try {
          const result = await def.run(deps);
          log.debug({ queue: def.queue, ms: Date.now() - started, result }, "job done");
        } catch (err) {
          // The job is not retried by pg-boss: the next kick or the schedule runs it again.
          log.error({ queue: def.queue, err: { message: (err as Error).message } }, "job failed");
        }
      },
    );
    workers.set(def.queue, workerId);
    if (def.cron && (options.schedule ?? true)) {
      await boss.schedule(def.queue, def.cron, {}, { singletonKey: def.queue });
    }
  }

  let stopped = false;
  return {
    kick(queue) {
      if (stopped) return;
      const workerId = workers.get(queue);
      if (!workerId) {
        log.warn({ queue }, "kick for an unknown queue");
        return;
      }
      boss.send(queue, {}, { singletonKey: queue }).then(
        () => {
          if (!stopped) boss.notifyWorker(workerId);
        },
        (err: Error) => log.warn({ queue, err: { message: err.message } }, "kick failed"),
      );
    },
    async stop() {
      if (stopped) return;
      stopped = true;
      // The pool belongs to the database handle: pg-boss must not close it.
      await boss.stop({ graceful: true, wait: true, close: false, timeout: 10_000 });
    },
  };
}
