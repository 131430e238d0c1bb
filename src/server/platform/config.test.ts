import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "./config.ts";

describe("loadConfig", () => {
  it("runs embedded in demo mode with no configuration at all", () => {
    const c = loadConfig({});
    expect(c.database.engine).toBe("pglite");
    expect(c.demo).toBe(true);
    expect(c.port).toBe(3000);
    expect(c.publicUrl).toBe("http://localhost:3000");
  });

  it("uses PostgreSQL when DATABASE_URL is set, and demo is off", () => {
    const c = loadConfig({ DATABASE_URL: "postgres://trygg@db.internal:5432/trygg" });
    expect(c.database).toEqual({
      engine: "postgres",
      url: "postgres://trygg@db.internal:5432/trygg",
    });
    expect(c.demo).toBe(false);
  });

  it("names every bad variable at once", () => {
    try {
      loadConfig({ PORT: "eighty", DATABASE_URL: "mysql://x", SMTP_URL: "http://mail" });
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(ConfigError);
      const text = (err as ConfigError).problems.join("\n");
      expect(text).toMatch(/PORT/);
      expect(text).toMatch(/DATABASE_URL/);
      expect(text).toMatch(/SMTP_URL/);
    }
  });

  it("requires a secret in production", () => {
    expect(() => loadConfig({ NODE_ENV: "production" })).toThrow(/TRYGG_SECRET/);
  });

  it("marks cookies Secure behind an https public URL", () => {
    expect(loadConfig({ TRYGG_PUBLIC_URL: "https://trygg.example.no" }).secureCookies).toBe(true);
    expect(loadConfig({}).secureCookies).toBe(false);
  });
});
