// Background jobs. Placeholder wiring: the outbox sender and reminders plug in here.
import type { Logger } from "pino";
import type { Clock } from "./clock.ts";
import type { Config } from "./config.ts";
import type { DatabaseHandle } from "./db/database.ts";

export interface Jobs {
  kick(queue: string): void;
  stop(): Promise<void>;
}

export async function startJobs(_deps: {
  config: Config;
  database: DatabaseHandle;
  logger: Logger;
  clock: Clock;
}): Promise<Jobs> {
  return { kick() {}, async stop() {} };
}
