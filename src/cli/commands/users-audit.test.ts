// `trygg users add` and `trygg audit verify` end to end, as a separate process on a fresh
// embedded database.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "trygg-cli-"));
const trygg = (...args: string[]) =>
  spawnSync(process.execPath, ["bin/trygg.mjs", ...args], {
    env: { ...process.env, TRYGG_DATA_DIR: dataDir, TRYGG_DEMO: "false", LOG_LEVEL: "silent" },
    encoding: "utf8",
    timeout: 180_000,
  });

describe("trygg users add + audit verify", () => {
  it("creates the first administrator, refuses a duplicate, and the audit chain verifies", () => {
    const add = trygg(
      "users",
      "add",
      "--admin",
      "--username",
      "admin",
      "--given",
      "Ada",
      "--family",
      "Admin",
    );
    expect(add.stderr).toBe("");
    expect(add.status).toBe(0);
    expect(add.stdout).toMatch(/Created user admin \(system administrator\)/);
    expect(add.stdout).toMatch(/Password: \S{12,}/);

    const again = trygg("users", "add", "--username", "admin", "--given", "A", "--family", "B");
    expect(again.status).toBe(1);
    expect(again.stderr).toMatch(/already exists/);

    const verify = trygg("audit", "verify");
    expect(verify.status).toBe(0);
    expect(verify.stdout).toMatch(/Audit log intact: [1-9]\d* entries/);
  }, 400_000);

  it("explains its usage on bad arguments", () => {
    const res = trygg("users", "add", "--username", "x");
    expect(res.status).toBe(2);
    expect(res.stderr).toMatch(/Usage: trygg users add/);
  });
});
