// How the server behaves for an operator (issue #10): unknown non-page paths are real 404s,
// a stopping server finishes requests in flight and answers new ones 503, and a database
// remembers which secret it was made with.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { features } from "../../src/server/features.ts";
import { loadConfig } from "../../src/server/platform/config.ts";
import type { DatabaseHandle } from "../../src/server/platform/db/database.ts";
import { buildApp, type FeatureRoutes, type TryggApp } from "../../src/server/platform/http/app.ts";
import { createRootLogger } from "../../src/server/platform/logging.ts";
import { checkSecretFingerprint, SecretMismatchError } from "../../src/server/platform/secret.ts";
import { createTestDatabase } from "../support/db.ts";

const webDir = fs.mkdtempSync(path.join(os.tmpdir(), "trygg-web-"));
fs.writeFileSync(path.join(webDir, "index.html"), "<!doctype html><title>Trygg</title>");
fs.mkdirSync(path.join(webDir, "assets"));
fs.writeFileSync(path.join(webDir, "assets", "app-abc123.js"), `console.log(${"1".repeat(4000)})`);
fs.writeFileSync(path.join(webDir, "assets", "app-abc123.js.map"), "{}");

let database: DatabaseHandle;
let app: TryggApp;
let release: () => void = () => {};
let started: () => void = () => {};
const slowStarted = new Promise<void>((resolve) => {
  started = resolve;
});

// A route that waits until the test lets it finish: a request in flight during shutdown.
const slowRoute: FeatureRoutes = (a) => {
  a.get("/api/test/slow", { config: { access: { public: true } } }, async () => {
    started();
    await new Promise<void>((resolve) => {
      release = resolve;
    });
    return { finished: true };
  });
};

beforeAll(async () => {
  database = await createTestDatabase();
  app = await buildApp(
    {
      config: loadConfig({ NODE_ENV: "test", TRYGG_DATA_DIR: ".tmp/test-data" }),
      database,
      clock: () => new Date("2026-12-07T10:00:00Z"),
      logger: createRootLogger("silent"),
    },
    [...features, slowRoute],
    { webDir },
  );
  await app.listen({ port: 0, host: "127.0.0.1" });
});
afterAll(async () => {
  await app.close();
  await database.close();
  fs.rmSync(webDir, { recursive: true, force: true });
});

const base = () => {
  const address = app.server.address();
  if (!address || typeof address === "string") throw new Error("not listening");
  return `http://127.0.0.1:${address.port}`;
};

describe("paths outside the app's pages", () => {
  it("serves pages and files with 200, everything else with 404", async () => {
    const cells: [string, string, number, string][] = [
      ["/", "*/*", 200, "text/html"],
      ["/cases/8c0c6c1e-2a8e-4c55-9d39-0a1f2f4c0b11", "text/html", 200, "text/html"],
      ["/plan/some-school", "text/html", 200, "text/html"],
      ["/assets/app-abc123.js", "*/*", 200, "javascript"],
      ["/metrics", "*/*", 404, "application/json"],
      ["/metrics", "text/html,application/xhtml+xml", 404, "text/html"],
      ["/api/casez", "*/*", 404, "application/json"],
      ["/api", "*/*", 404, "application/json"],
      ["/wp-login.php", "*/*", 404, "application/json"],
      ["/cases/1/plan/extra", "application/json", 404, "application/json"],
    ];
    const wrong: string[] = [];
    for (const [url, accept, status, type] of cells) {
      const res = await app.inject({ method: "GET", url, headers: { accept } });
      const got = String(res.headers["content-type"] ?? "");
      if (res.statusCode !== status || !got.includes(type)) {
        wrong.push(`${url} (${accept}): ${res.statusCode} ${got}`);
      }
    }
    expect(wrong).toEqual([]);
  });
});

describe("delivering the web app", () => {
  it("compresses, caches hashed assets for a year, and keeps source maps private", async () => {
    const asset = await app.inject({
      method: "GET",
      url: "/assets/app-abc123.js",
      headers: { "accept-encoding": "br, gzip" },
    });
    expect(asset.statusCode).toBe(200);
    expect(asset.headers["content-encoding"]).toBe("br");
    expect(asset.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
    const index = await app.inject({ method: "GET", url: "/cases" });
    expect(index.headers["cache-control"]).toBe("no-cache");
    const map = await app.inject({ method: "GET", url: "/assets/app-abc123.js.map" });
    expect(map.statusCode).toBe(404);
  });
});

describe("stopping", () => {
  it("finishes a request in flight and answers new requests 503 until it is done", async () => {
    const inFlight = fetch(`${base()}/api/test/slow`);
    await slowStarted;
    const drained = app.drain.drain(5_000);
    const late = await fetch(`${base()}/healthz`, { headers: { "x-trygg-lang": "en" } });
    expect(late.status).toBe(503);
    expect(late.headers.get("retry-after")).toBe("5");
    expect(late.headers.get("connection")).toBe("close");
    expect(await late.json()).toMatchObject({ code: "unavailable" });
    release();
    const first = await inFlight;
    expect(first.status).toBe(200);
    expect(await first.json()).toEqual({ finished: true });
    expect(await drained).toEqual({ unfinished: 0 });
  });
});

describe("the secret the data was made with", () => {
  it("is remembered on first start and a different one is refused", async () => {
    const db = database.db;
    await db.deleteFrom("app_meta").where("key", "=", "secret.fingerprint").execute();
    await checkSecretFingerprint(db, "a".repeat(40));
    await checkSecretFingerprint(db, "a".repeat(40));
    const stored = await db
      .selectFrom("app_meta")
      .select("value")
      .where("key", "=", "secret.fingerprint")
      .executeTakeFirstOrThrow();
    expect(stored.value).not.toContain("aaaa");
    await expect(checkSecretFingerprint(db, "b".repeat(40))).rejects.toBeInstanceOf(
      SecretMismatchError,
    );
    await expect(checkSecretFingerprint(db, "b".repeat(40))).rejects.toThrow(/TRYGG_SECRET/);
  });
});

describe("the request log", () => {
  it("has one line per request, no tokens, and no health probes", async () => {
    const lines: string[] = [];
    const logged = await buildApp(
      {
        config: loadConfig({ NODE_ENV: "test", TRYGG_DATA_DIR: ".tmp/test-data" }),
        database,
        clock: () => new Date("2026-12-07T10:00:00Z"),
        logger: createRootLogger("info", { write: (line: string) => lines.push(line) }),
      },
      features,
    );
    try {
      await logged.inject({ method: "GET", url: "/healthz" });
      await logged.inject({ method: "GET", url: "/api/public/calendar/hemmelig-token-123.ics" });
      await logged.inject({ method: "GET", url: "/api/auth/feide/callback?code=abc&state=def" });
    } finally {
      await logged.close();
    }
    const requests = lines.map((l) => JSON.parse(l)).filter((l) => l.msg === "request");
    expect(requests.map((r) => r.url)).toEqual([
      "/api/public/calendar/[redacted]",
      "/api/auth/feide/callback?code=[redacted]&state=[redacted]",
    ]);
    expect(lines.join("\n")).not.toMatch(/hemmelig|code=abc|healthz/);
  });
});
