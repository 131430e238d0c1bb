// Backup round trips on the engine under test: seed -> backup -> restore into a fresh
// database -> every table's rows identical and the audit chain intact. The PGlite tarball
// round trip runs on the embedded engine.
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import zlib from "node:zlib";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../../../test/support/db.ts";
import { goldenImagePath, testEngine, testPgUrl } from "../../../test/support/engine.ts";
import { personWithRole } from "../../../test/support/people.ts";
import { appendAudit, verifyAuditChain } from "./audit.ts";
import {
  BackupError,
  clearRestoreTarget,
  countRows,
  detectBackupFormat,
  EXCLUDED_TABLES,
  insertOrder,
  restoreLogicalBackup,
  restorePgliteBackup,
  withDataDirLock,
  writeLogicalBackup,
  writePgliteBackup,
} from "./backup.ts";
import { type DatabaseHandle, openDatabase } from "./db/database.ts";
import { lockDataDir } from "./db/lock.ts";
import { enqueueNotification } from "./outbox/enqueue.ts";

// Steps that open PGlite databases take seconds each on a busy machine.
const SLOW = 240_000;

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "trygg-backup-test-"));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

/** A fresh, empty database on the engine under test. */
async function emptyDatabase(): Promise<DatabaseHandle> {
  if (testEngine() === "pglite") return openDatabase({ engine: "pglite" });
  const name = `trygg_r_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: testPgUrl() });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const handle = await openDatabase({ engine: "postgres", url: testPgUrl(name), max: 3 });
  return {
    ...handle,
    async close() {
      await handle.close();
      const c = new pg.Client({ connectionString: testPgUrl() });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

/** Each table's rows as PostgreSQL renders them, in primary-key order: equal means identical. */
async function fingerprint(database: DatabaseHandle): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const { table } of await countRows(database)) {
    if ((EXCLUDED_TABLES as readonly string[]).includes(table)) continue;
    const r = await database.pool.query<{ h: string | null }>(
      `SELECT md5(string_agg(row_to_json(t)::text, E'\\n' ORDER BY row_to_json(t)::text)) AS h FROM public."${table}" t`,
    );
    out[table] = r.rows[0]?.h ?? "empty";
  }
  return out;
}

const countsOf = async (database: DatabaseHandle) =>
  Object.fromEntries(
    (await countRows(database))
      .filter((t) => !(EXCLUDED_TABLES as readonly string[]).includes(t.table))
      .map((t) => [t.table, t.rows]),
  );

describe("insertOrder", () => {
  const fk = (child: string, parent: string, nullable = false) => ({
    child,
    parent,
    columns: [`${parent}_id`],
    nullable,
  });

  it("puts parents before children", () => {
    const { order, deferred } = insertOrder(
      ["person", "school", "school_owner", "role_assignment"],
      [
        fk("school", "school_owner"),
        fk("role_assignment", "person"),
        fk("role_assignment", "school", true),
      ],
    );
    expect(order.indexOf("school_owner")).toBeLessThan(order.indexOf("school"));
    expect(order.indexOf("school")).toBeLessThan(order.indexOf("role_assignment"));
    expect(order.indexOf("person")).toBeLessThan(order.indexOf("role_assignment"));
    expect(deferred).toEqual([]);
  });

  it("defers a self reference and a nullable edge of a cycle", () => {
    const { order, deferred } = insertOrder(
      ["a", "b", "c"],
      [fk("c", "c", true), fk("a", "b", true), fk("b", "a")],
    );
    expect(order).toEqual(["c", "a", "b"]);
    expect(deferred).toEqual([
      { table: "c", columns: ["c_id"] },
      { table: "a", columns: ["b_id"] },
    ]);
  });

  it("refuses a cycle of required references", () => {
    expect(() => insertOrder(["a", "b"], [fk("a", "b"), fk("b", "a")])).toThrow(BackupError);
  });
});

describe("logical (JSON) backup and restore", () => {
  let source: DatabaseHandle;
  let file: string;

  beforeAll(async () => {
    source = await createTestDatabase();
    // Values that must survive exactly: non-ASCII text, nested JSON, timestamps with
    // microseconds, dates, booleans, and the audit chain itself.
    const principal = await personWithRole(source.db, "principal");
    await source.db.transaction().execute(async (tx) => {
      await enqueueNotification(tx, {
        recipientId: principal,
        template: "case.newReport",
        link: "/cases/1",
      });
      await appendAudit(
        tx,
        {
          at: new Date("2026-11-26T09:00:00.123Z"),
          actorId: principal,
          action: "test.backup",
          resourceType: "test",
          detail: { fields: ["æøå", "ÆØÅ"], nested: { n: 12345678901234, ok: true } },
        },
        { at: new Date(), actorId: null, action: "test.backup2", resourceType: "test" },
      );
    });
    await source.pool.query(
      "UPDATE outbox SET sent_at = '2026-11-26 09:00:00.123456+00' WHERE channel = 'inApp'",
    );
    file = path.join(tmp, "logical.trygg.gz");
  });
  afterAll(() => source?.close());

  it(
    "writes a gzip of JSON lines with a header, and round-trips every row",
    async () => {
      const summary = await writeLogicalBackup(source, file, { batchRows: 250 });
      expect(fs.statSync(file).mode & 0o777).toBe(0o600);
      expect(await detectBackupFormat(file)).toBe("json");
      const text = zlib.gunzipSync(fs.readFileSync(file)).toString("utf8");
      const header = JSON.parse(text.slice(0, text.indexOf("\n")));
      expect(header[0]).toBe("trygg-backup");
      expect(header[1]).toMatchObject({ formatVersion: 1, engine: source.engine });
      expect(header[1].migrations).toContain("0001_foundation.sql");
      expect(header[1].tables).not.toContain("app_session");
      expect(text).toContain('["end-of-backup"');
      const rowsWritten = summary.tables.reduce((n, t) => n + t.rows, 0);
      process.stdout.write(
        `backup(${source.engine}): ${rowsWritten} rows, ${summary.bytes} bytes, ${summary.ms} ms\n`,
      );

      const target = await emptyDatabase();
      try {
        // A damaged (truncated) file is refused and leaves the target empty.
        const truncated = path.join(tmp, "truncated.trygg.gz");
        const lines = text.split("\n");
        fs.writeFileSync(
          truncated,
          zlib.gzipSync(lines.slice(0, Math.floor(lines.length / 2)).join("\n")),
        );
        await expect(restoreLogicalBackup(target, truncated)).rejects.toBeInstanceOf(BackupError);
        expect(Object.values(await countsOf(target)).every((n) => n === 0)).toBe(true);

        const restored = await restoreLogicalBackup(target, file, { batchRows: 300 });
        process.stdout.write(`restore(${target.engine}): ${restored.ms} ms\n`);
        expect(restored.auditChain.ok).toBe(true);
        const sourceChain = await verifyAuditChain(source.db);
        expect(restored.auditChain).toEqual(sourceChain);
        expect(await countsOf(target)).toEqual(await countsOf(source));
        expect(await fingerprint(target)).toEqual(await fingerprint(source));

        // Sequences continue after the restored rows: the chain grows and still verifies.
        await target.db.transaction().execute((tx) =>
          appendAudit(tx, {
            at: new Date(),
            actorId: null,
            action: "test.afterRestore",
            resourceType: "test",
          }),
        );
        const after = await verifyAuditChain(target.db);
        expect(after).toEqual({ ok: true, count: (sourceChain as { count: number }).count + 1 });

        // A database with data is never restored into.
        await expect(restoreLogicalBackup(target, file)).rejects.toThrow(/not empty/);
      } finally {
        await target.close();
      }
    },
    SLOW,
  );

  it("refuses a file that is not a backup", async () => {
    const junk = path.join(tmp, "junk.gz");
    fs.writeFileSync(junk, zlib.gzipSync("hello"));
    await expect(detectBackupFormat(junk)).rejects.toThrow(/not a Trygg backup/);
    const plain = path.join(tmp, "plain.txt");
    fs.writeFileSync(plain, "hello");
    await expect(detectBackupFormat(plain)).rejects.toThrow(/not a Trygg backup/);
  });

  it("refuses a backup from a newer Trygg", async () => {
    const text = zlib.gunzipSync(fs.readFileSync(file)).toString("utf8");
    const nl = text.indexOf("\n");
    const header = JSON.parse(text.slice(0, nl));
    header[1].migrations.push("9999_future.sql");
    const newer = path.join(tmp, "newer.trygg.gz");
    fs.writeFileSync(newer, zlib.gzipSync(JSON.stringify(header) + text.slice(nl)));
    // Refused before the target is looked at, so even the source itself is safe.
    await expect(restoreLogicalBackup(source, newer)).rejects.toThrow(/newer Trygg/);
  });
});

describe.runIf(testEngine() === "pglite")("embedded (PGlite tarball) backup and restore", () => {
  const dataDir = path.join(tmp, "server-a");
  const pgliteDir = path.join(dataDir, "pglite");

  beforeAll(async () => {
    fs.mkdirSync(pgliteDir, { recursive: true });
    const pglite = await PGlite.create({
      dataDir: pgliteDir,
      loadDataDir: new Blob([fs.readFileSync(goldenImagePath)]),
    });
    await pglite.close();
  });

  it("refuses while the server holds the data directory, and says to stop it", async () => {
    const lock = lockDataDir(dataDir);
    try {
      await expect(withDataDirLock(dataDir, async () => 1)).rejects.toThrow(
        /Stop the server first/,
      );
    } finally {
      lock.release();
    }
  });

  it(
    "round-trips the data directory into an empty one",
    async () => {
      const file = path.join(tmp, "embedded.tar.gz");
      const s = await withDataDirLock(dataDir, () => writePgliteBackup(pgliteDir, file));
      expect(await detectBackupFormat(file)).toBe("pglite");
      process.stdout.write(`backup(pglite tarball): ${s.bytes} bytes, ${s.ms} ms\n`);

      const targetDir = path.join(tmp, "server-b", "pglite");
      const started = Date.now();
      await restorePgliteBackup(file, targetDir);
      process.stdout.write(`restore(pglite tarball): ${Date.now() - started} ms\n`);
      const a = await openDatabase({ engine: "pglite", dataDir: pgliteDir });
      const b = await openDatabase({ engine: "pglite", dataDir: targetDir });
      try {
        expect(await countRows(b)).toEqual(await countRows(a));
        expect((await verifyAuditChain(b.db)).ok).toBe(true);
      } finally {
        await a.close();
        await b.close();
      }

      // The target now holds a database: refused without --force, moved aside with it.
      expect(() => clearRestoreTarget(targetDir, false)).toThrow(/--force/);
      const aside = clearRestoreTarget(targetDir, true, new Date("2026-11-26T09:00:00Z"));
      expect(aside).toBe(`${targetDir}.before-restore-2026-11-26T09-00-00-000Z`);
      expect(fs.existsSync(path.join(aside as string, "PG_VERSION"))).toBe(true);
      expect(fs.existsSync(targetDir)).toBe(false);
    },
    SLOW,
  );

  it("has nothing to back up where there is no database", async () => {
    await expect(
      writePgliteBackup(path.join(tmp, "nothing"), path.join(tmp, "x.gz")),
    ).rejects.toThrow(/no embedded database/);
  });
});
