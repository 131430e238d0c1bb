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

describe("misspelled and missing settings", () => {
  it("refuses an unknown TRYGG_* variable and names the closest real one", () => {
    const cells: [Record<string, string>, RegExp | null][] = [
      [{ TRYGG_SECRE: "x" }, /TRYGG_SECRE: not a Trygg setting \(did you mean TRYGG_SECRET\?\)/],
      [{ TRYGG_DATADIR: "/d" }, /did you mean TRYGG_DATA_DIR\?/],
      [{ TRYGG_WHATEVER_ELSE_ENTIRELY: "1" }, /TRYGG_WHATEVER_ELSE_ENTIRELY: not a Trygg setting;/],
      [{ TRYGG_TEST_ENGINE: "postgres", TRYGG_E2E_PORT: "3100" }, null],
      [{ TRYGG_SEED_PLAN: "/x", TRYGG_SCREENSHOT: "1" }, null],
      [{ TRYGG_DEMO: "true" }, null],
    ];
    const wrong: string[] = [];
    for (const [env, want] of cells) {
      let got: string | null = null;
      try {
        loadConfig(env);
      } catch (err) {
        got = (err as ConfigError).problems.join("\n");
      }
      if (want ? !(got && want.test(got)) : got !== null) {
        wrong.push(`${Object.keys(env).join(",")}: ${got}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it("warns, without stopping, when a production set-up sends no e-mail", () => {
    const production = {
      NODE_ENV: "production",
      TRYGG_SECRET: "s".repeat(40),
      TRYGG_PUBLIC_URL: "https://trygg.example.no",
    };
    expect(loadConfig(production).warnings).toEqual([
      expect.stringMatching(/^SMTP_URL is not set/),
    ]);
    expect(loadConfig({ ...production, SMTP_URL: "smtp://mail:25" }).warnings).toEqual([]);
    expect(loadConfig({}).warnings).toEqual([]);
  });
});
