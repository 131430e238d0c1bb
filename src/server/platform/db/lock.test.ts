import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { DataDirLockedError, lockDataDir } from "./lock.ts";

const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), "trygg-lock-"));

describe("data directory lock", () => {
  it("refuses a second holder while the first lives", () => {
    const dir = tmp();
    const first = lockDataDir(dir);
    expect(() => lockDataDir(dir)).toThrow(DataDirLockedError);
    first.release();
    const again = lockDataDir(dir);
    again.release();
  });

  it("takes over the lock of a process that is gone", () => {
    const dir = tmp();
    // A pid that surely does not exist: a finished child's.
    const child = spawnSync(process.execPath, ["-e", "process.exit(0)"]);
    fs.writeFileSync(path.join(dir, "trygg.lock"), String(child.pid));
    const lock = lockDataDir(dir);
    lock.release();
  });

  it("a second trygg process on the same data dir exits with a clear message", () => {
    const dir = tmp();
    const held = lockDataDir(dir);
    try {
      const res = spawnSync(process.execPath, ["bin/trygg.mjs", "start"], {
        env: { ...process.env, TRYGG_DATA_DIR: dir, PORT: "3999", LOG_LEVEL: "silent" },
        encoding: "utf8",
        timeout: 60_000,
      });
      expect(res.status).toBe(1);
      expect(res.stderr).toMatch(
        /Another Trygg process \(pid \d+\) is already using the data directory/,
      );
    } finally {
      held.release();
    }
  });
});
