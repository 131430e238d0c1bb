// `trygg backup` and `trygg restore` as an operator runs them, configured by environment
// variables: embedded round trips, the running-server refusal, --force, and PostgreSQL.
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import zlib from "node:zlib";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it, type MockInstance, vi } from "vitest";
import { GOLDEN_DB, goldenImagePath, testEngine, testPgUrl } from "../../../test/support/engine.ts";
import { verifyAuditChain } from "../../server/platform/audit.ts";
import { countRows, detectBackupFormat } from "../../server/platform/backup.ts";
import { openDatabase } from "../../server/platform/db/database.ts";
import { lockDataDir } from "../../server/platform/db/lock.ts";
import backup from "./backup.ts";
import restore from "./restore.ts";

// Each embedded step opens a PGlite data directory (seconds each on a busy machine).
const SLOW = 240_000;

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "trygg-cli-backup-"));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

const CONFIG_VARS = ["NODE_ENV", "TRYGG_DATA_DIR", "DATABASE_URL", "TRYGG_DEMO", "LOG_LEVEL"];

async function cli(
  command: "backup" | "restore",
  args: string[],
  env: Record<string, string>,
): Promise<{ code: number; out: string; err: string }> {
  const saved = Object.fromEntries(CONFIG_VARS.map((k) => [k, process.env[k]]));
  for (const k of CONFIG_VARS) delete process.env[k];
  Object.assign(process.env, { NODE_ENV: "test", LOG_LEVEL: "silent" }, env);
  const out: string[] = [];
  const log = vi.spyOn(console, "log").mockImplementation((...a: unknown[]) => {
    out.push(a.join(" "));
  });
  const errSpy = console.error as unknown as MockInstance;
  const before = errSpy.mock.calls.length;
  try {
    const code = await (command === "backup" ? backup(args) : restore(args));
    const err = errSpy.mock.calls
      .slice(before)
      .map((c) => String(c[0]))
      .join("\n");
    // Expected error output of the command, not a test failure.
    errSpy.mockClear();
    return { code, out: out.join("\n"), err };
  } finally {
    log.mockRestore();
    for (const k of CONFIG_VARS) {
      if (saved[k] === undefined) delete process.env[k];
      else process.env[k] = saved[k];
    }
  }
}

describe.runIf(testEngine() === "pglite")("embedded database", () => {
  const a = path.join(tmp, "a");
  const tarball = path.join(tmp, "a.tar.gz");
  const json = path.join(tmp, "a.trygg.gz");

  beforeAll(async () => {
    fs.mkdirSync(a, { recursive: true });
    const pglite = await PGlite.create({
      dataDir: path.join(a, "pglite"),
      loadDataDir: new Blob([fs.readFileSync(goldenImagePath)]),
    });
    await pglite.close();
  });

  it("says there is nothing to back up without a database", async () => {
    const r = await cli("backup", ["--out", path.join(tmp, "none.gz")], {
      TRYGG_DATA_DIR: path.join(tmp, "empty"),
    });
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/no embedded database/);
  });

  it("refuses while the server runs, naming the remedy", async () => {
    const lock = lockDataDir(a);
    try {
      const r = await cli("backup", ["--out", tarball], { TRYGG_DATA_DIR: a });
      expect(r.code).toBe(1);
      expect(r.err).toMatch(/Stop the server first/);
      expect(fs.existsSync(tarball)).toBe(false);
    } finally {
      lock.release();
    }
  });

  it(
    "backs up and restores the data directory; refuses to overwrite without --force",
    async () => {
      const r = await cli("backup", ["--out", tarball], { TRYGG_DATA_DIR: a });
      expect(r).toMatchObject({ code: 0, err: "" });
      expect(r.out).toMatch(/Backup written/);
      expect(await detectBackupFormat(tarball)).toBe("pglite");
      expect((await cli("backup", ["--out", tarball], { TRYGG_DATA_DIR: a })).code).toBe(1);

      const b = path.join(tmp, "b");
      const restored = await cli("restore", ["--in", tarball], { TRYGG_DATA_DIR: b });
      expect(restored).toMatchObject({ code: 0, err: "" });
      expect(restored.out).toMatch(/Audit log intact/);

      const again = await cli("restore", ["--in", tarball], { TRYGG_DATA_DIR: b });
      expect(again.code).toBe(1);
      expect(again.err).toMatch(/--force/);
      const forced = await cli("restore", ["--in", tarball, "--force"], { TRYGG_DATA_DIR: b });
      expect(forced.code).toBe(0);
      expect(forced.out).toMatch(/Moved the existing database aside/);
      expect(fs.readdirSync(b).some((f) => f.startsWith("pglite.before-restore-"))).toBe(true);

      const source = await openDatabase({ engine: "pglite", dataDir: path.join(a, "pglite") });
      const target = await openDatabase({ engine: "pglite", dataDir: path.join(b, "pglite") });
      try {
        expect(await countRows(target)).toEqual(await countRows(source));
        expect((await verifyAuditChain(target.db)).ok).toBe(true);
      } finally {
        await source.close();
        await target.close();
      }
    },
    SLOW,
  );

  it(
    "writes and restores the portable JSON format",
    async () => {
      const r = await cli("backup", ["--out", json, "--format", "json"], { TRYGG_DATA_DIR: a });
      expect(r).toMatchObject({ code: 0, err: "" });
      expect(await detectBackupFormat(json)).toBe("json");
      const c = path.join(tmp, "c");
      const restored = await cli("restore", ["--in", json], { TRYGG_DATA_DIR: c });
      expect(restored).toMatchObject({ code: 0, err: "" });
      expect(restored.out).toMatch(/Restored \d+ tables, \d+ rows/);
    },
    SLOW,
  );

  it("refuses bad arguments", async () => {
    expect((await cli("backup", [], { TRYGG_DATA_DIR: a })).code).toBe(2);
    expect(
      (await cli("backup", ["--out", "x", "--format", "zip"], { TRYGG_DATA_DIR: a })).code,
    ).toBe(2);
    expect((await cli("restore", [], { TRYGG_DATA_DIR: a })).code).toBe(2);
    const missing = await cli("restore", ["--in", path.join(tmp, "nope.gz")], {
      TRYGG_DATA_DIR: a,
    });
    expect(missing.code).toBe(1);
  });
});

describe.runIf(testEngine() === "postgres")("PostgreSQL", () => {
  const created: string[] = [];
  const admin = async (sql: string) => {
    const c = new pg.Client({ connectionString: testPgUrl() });
    await c.connect();
    try {
      await c.query(sql);
    } finally {
      await c.end();
    }
  };
  const newDb = async (template?: string) => {
    const name = `trygg_c_${randomBytes(6).toString("hex")}`;
    await admin(`CREATE DATABASE ${name}${template ? ` TEMPLATE ${template}` : ""}`);
    created.push(name);
    return testPgUrl(name);
  };
  afterAll(async () => {
    for (const name of created) await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  });

  it(
    "backs up a live database and restores it into an empty one, and into PGlite",
    async () => {
      const sourceUrl = await newDb(GOLDEN_DB);
      const file = path.join(tmp, "pg.trygg.gz");
      const r = await cli("backup", ["--out", file], { DATABASE_URL: sourceUrl });
      expect(r).toMatchObject({ code: 0, err: "" });

      const targetUrl = await newDb();
      const restored = await cli("restore", ["--in", file], { DATABASE_URL: targetUrl });
      expect(restored).toMatchObject({ code: 0, err: "" });
      expect(restored.out).toMatch(/Audit log intact/);
      const source = await openDatabase({ engine: "postgres", url: sourceUrl });
      const target = await openDatabase({ engine: "postgres", url: targetUrl });
      try {
        const skip = new Set(["app_session", "login_flow"]);
        const relevant = (rows: { table: string; rows: number }[]) =>
          rows.filter((t) => !skip.has(t.table));
        expect(relevant(await countRows(target))).toEqual(relevant(await countRows(source)));
      } finally {
        await source.close();
        await target.close();
      }

      // Into a database with data: refused.
      const again = await cli("restore", ["--in", file], { DATABASE_URL: targetUrl });
      expect(again.code).toBe(1);
      expect(again.err).toMatch(/not empty/);

      // The same file moves the school onto the embedded engine.
      const embedded = await cli("restore", ["--in", file], {
        TRYGG_DATA_DIR: path.join(tmp, "pg-to-pglite"),
      });
      expect(embedded).toMatchObject({ code: 0, err: "" });
    },
    SLOW,
  );

  it("refuses an embedded-database tarball", async () => {
    const tar = Buffer.alloc(1024);
    tar.write("ustar", 257, "latin1");
    const file = path.join(tmp, "fake.tar.gz");
    fs.writeFileSync(file, zlib.gzipSync(tar));
    const r = await cli("restore", ["--in", file], { DATABASE_URL: await newDb() });
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/cannot be restored into PostgreSQL/);
  });
});
