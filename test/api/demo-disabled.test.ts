// Demo login must be impossible in production mode: NODE_ENV=production or DATABASE_URL set.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../../src/server/platform/config.ts";
import { createTestApp, type TestApp } from "../support/app.ts";
import { personWithRole } from "../support/people.ts";

describe("demo mode is off in production", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ NODE_ENV: "production", TRYGG_SECRET: "x".repeat(40) });
  });
  afterAll(() => t.close());

  it("config turns demo off", () => {
    expect(t.config.demo).toBe(false);
  });

  it("hides the demo people and refuses demo login", async () => {
    expect((await t.anonymous.get("/api/auth/demo-people")).statusCode).toBe(404);
    const personId = await personWithRole(t.database.db, "principal");
    const res = await t.anonymous.post("/api/auth/demo-login", { personId });
    expect(res.statusCode).toBe(404);
    expect(res.cookies).toEqual([]);
  });

  it("refuses TRYGG_DEMO=true together with DATABASE_URL or production", () => {
    expect(() =>
      loadConfig({ TRYGG_DEMO: "true", DATABASE_URL: "postgres://x@127.0.0.1/db" }),
    ).toThrow(ConfigError);
    expect(() =>
      loadConfig({ TRYGG_DEMO: "true", NODE_ENV: "production", TRYGG_SECRET: "y".repeat(40) }),
    ).toThrow(/demo mode is not allowed/);
    expect(loadConfig({ DATABASE_URL: "postgres://x@127.0.0.1/db" }).demo).toBe(false);
  });
});
