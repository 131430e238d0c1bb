// An in-process Trygg app on a fresh test database, with helpers to act as any person.
import type { InjectOptions, LightMyRequestResponse } from "fastify";
import { features } from "../../src/server/features.ts";
import type { Clock } from "../../src/server/platform/clock.ts";
import { type Config, loadConfig } from "../../src/server/platform/config.ts";
import type { DatabaseHandle } from "../../src/server/platform/db/database.ts";
import { buildApp, type TryggApp } from "../../src/server/platform/http/app.ts";
import { createSession, SESSION_COOKIE } from "../../src/server/platform/http/session.ts";
import { createRootLogger } from "../../src/server/platform/logging.ts";
import { createTestDatabase } from "./db.ts";

export interface TestApp {
  app: TryggApp;
  database: DatabaseHandle;
  config: Config;
  now: { value: Date };
  /** A client whose requests carry a session of the given person (and its CSRF token). */
  as(personId: string): Promise<TestClient>;
  anonymous: TestClient;
  close(): Promise<void>;
}

export interface TestClient {
  request(opts: InjectOptions): Promise<LightMyRequestResponse>;
  get(url: string): Promise<LightMyRequestResponse>;
  post(url: string, payload?: unknown): Promise<LightMyRequestResponse>;
  put(url: string, payload?: unknown): Promise<LightMyRequestResponse>;
  delete(url: string): Promise<LightMyRequestResponse>;
}

export async function createTestApp(
  env: Record<string, string> = {},
  opts: { now?: Date } = {},
): Promise<TestApp> {
  const config = loadConfig({ NODE_ENV: "test", TRYGG_DATA_DIR: ".tmp/test-data", ...env });
  const database = await createTestDatabase();
  const now = { value: opts.now ?? new Date("2026-11-26T09:00:00Z") };
  const clock: Clock = () => now.value;
  const logger = createRootLogger("silent");
  const app = await buildApp({ config, database, clock, logger }, features);
  await app.ready();

  const client = (cookie?: string, csrf?: string): TestClient => {
    const request = (o: InjectOptions) =>
      app.inject({
        ...o,
        headers: {
          ...(cookie ? { cookie: `${SESSION_COOKIE}=${cookie}` } : {}),
          "x-csrf-token": csrf ?? "anonymous",
          ...(o.headers ?? {}),
        },
      });
    return {
      request,
      get: (url) => request({ method: "GET", url }),
      post: (url, payload) =>
        request({ method: "POST", url, payload: (payload as InjectOptions["payload"]) ?? {} }),
      put: (url, payload) =>
        request({ method: "PUT", url, payload: (payload as InjectOptions["payload"]) ?? {} }),
      delete: (url) => request({ method: "DELETE", url }),
    };
  };

  return {
    app,
    database,
    config,
    now,
    anonymous: client(),
    async as(personId) {
      const { token, session } = await createSession(database.db, {
        personId,
        authMethod: "test",
        now: now.value,
        config,
      });
      return client(token, session.csrfToken);
    },
    async close() {
      await app.close();
      await database.close();
    },
  };
}
