// Backup and restore, for both engines.
//
// Two formats:
// - "pglite": the embedded database's data directory as PGlite's own gzip tarball
//   (`dumpDataDir`). Exact and fast, restorable only into the embedded engine. Taken while
//   holding the data-directory lock, so the server must be stopped: PGlite is one process.
// - "json": a logical dump that needs no pg_dump and runs against PostgreSQL and PGlite alike,
//   so it also moves a school from the embedded database to PostgreSQL. A gzip of JSON lines:
//   a header (format version, migrations applied, creation time), then each table in
//   foreign-key order as one line per row (PostgreSQL's own `row_to_json`, restored with
//   `json_populate_recordset`, so no value passes through JavaScript numbers or dates), then a
//   trailer with the totals, so a truncated file is refused. It is read in one REPEATABLE
//   READ transaction (a consistent snapshot while the app runs) and restored in one
//   transaction into an empty database. Audit rows keep their seq, prev_hash and hash, so the
//   chain verifies after a restore; the append-only trigger only forbids UPDATE and DELETE.
//
// Not in a JSON backup: sessions and login flows (everyone logs in again) and pg-boss's
// schema (jobs are re-created at start; the outbox table is the truth about pending mail).
import { once } from "node:events";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import readline from "node:readline";
import type { Writable } from "node:stream";
import zlib from "node:zlib";
import { PGlite } from "@electric-sql/pglite";
import type pg from "pg";
import type { ChainCheck } from "../../core/audit/chain.ts";
import { verifyAuditChain } from "./audit.ts";
import type { DatabaseHandle, Engine } from "./db/database.ts";
import { DataDirLockedError, lockDataDir } from "./db/lock.ts";
import { listMigrations, migrate } from "./db/migrate.ts";

export const BACKUP_FORMAT = "trygg-backup";
export const BACKUP_FORMAT_VERSION = 1;
/** Transient tables a logical backup leaves out. */
export const EXCLUDED_TABLES = ["schema_migration", "app_session", "login_flow"] as const;

export class BackupError extends Error {}

export interface BackupHeader {
  formatVersion: number;
  createdAt: string;
  engine: Engine;
  serverVersion: string;
  migrations: string[];
  /** Tables in the order they are written and restored (parents before children). */
  tables: string[];
  /** Foreign keys restored in a second pass (self references and cycles). */
  deferred: DeferredFk[];
}

export interface DeferredFk {
  table: string;
  columns: string[];
}

export interface TableCount {
  table: string;
  rows: number;
}

export interface LogicalBackupSummary {
  file: string;
  bytes: number;
  tables: TableCount[];
  ms: number;
}

export interface RestoreSummary {
  tables: TableCount[];
  migrationsApplied: string[];
  auditChain: ChainCheck;
  ms: number;
}

const q = (ident: string) => `"${ident.replace(/"/g, '""')}"`;

// ---------------------------------------------------------------------------------------------
// Schema facts (from the catalog, so tables added by later migrations are included unasked)

interface TableInfo {
  name: string;
  /** Insertable columns (generated columns left out). */
  columns: string[];
  primaryKey: string[];
}

interface ForeignKey {
  child: string;
  parent: string;
  columns: string[];
  nullable: boolean;
}

async function readSchema(client: pg.PoolClient): Promise<{
  tables: Map<string, TableInfo>;
  fks: ForeignKey[];
}> {
  const cols = await client.query<{ table: string; column: string }>(
    `SELECT c.relname AS table, a.attname::text AS column
       FROM pg_attribute a
       JOIN pg_class c ON c.oid = a.attrelid
       JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND NOT c.relispartition
        AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = ''
      ORDER BY c.relname, a.attnum`,
  );
  const pks = await client.query<{ table: string; columns: string[] }>(
    `SELECT c.relname AS table, array_agg(a.attname::text ORDER BY k.ord) AS columns
       FROM pg_index i
       JOIN pg_class c ON c.oid = i.indrelid
       JOIN pg_namespace n ON n.oid = c.relnamespace
       JOIN LATERAL unnest(i.indkey) WITH ORDINALITY AS k(attnum, ord) ON true
       JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = k.attnum
      WHERE n.nspname = 'public' AND i.indisprimary
      GROUP BY c.relname`,
  );
  const fks = await client.query<{
    child: string;
    parent: string;
    columns: string[];
    nullable: boolean;
  }>(
    `SELECT ch.relname AS child, pa.relname AS parent,
            array_agg(a.attname::text ORDER BY k.ord) AS columns,
            bool_and(NOT a.attnotnull) AS nullable
       FROM pg_constraint con
       JOIN pg_class ch ON ch.oid = con.conrelid
       JOIN pg_class pa ON pa.oid = con.confrelid
       JOIN pg_namespace n ON n.oid = ch.relnamespace
       JOIN LATERAL unnest(con.conkey) WITH ORDINALITY AS k(attnum, ord) ON true
       JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.attnum
      WHERE con.contype = 'f' AND n.nspname = 'public'
      GROUP BY con.oid, ch.relname, pa.relname
      ORDER BY ch.relname, con.oid`,
  );
  const tables = new Map<string, TableInfo>();
  for (const r of cols.rows) {
    const t = tables.get(r.table) ?? { name: r.table, columns: [], primaryKey: [] };
    t.columns.push(r.column);
    tables.set(r.table, t);
  }
  for (const r of pks.rows) {
    const t = tables.get(r.table);
    if (t) t.primaryKey = r.columns;
  }
  return { tables, fks: fks.rows };
}

/**
 * Parents before children. A self reference, or an edge that closes a cycle, is restored in
 * a second pass (its columns first NULL, then updated), which needs nullable columns.
 */
export function insertOrder(
  tables: readonly string[],
  fks: readonly ForeignKey[],
): { order: string[]; deferred: DeferredFk[] } {
  const wanted = new Set(tables);
  const deferred: DeferredFk[] = [];
  const defer = (fk: ForeignKey) => {
    if (!fk.nullable) {
      throw new BackupError(
        `Cannot order ${fk.child} -> ${fk.parent}: a required foreign key in a cycle`,
      );
    }
    deferred.push({ table: fk.child, columns: fk.columns });
  };
  let edges = fks.filter((fk) => wanted.has(fk.child) && wanted.has(fk.parent));
  for (const fk of edges.filter((e) => e.child === e.parent)) defer(fk);
  edges = edges.filter((e) => e.child !== e.parent);
  const order: string[] = [];
  const placed = new Set<string>();
  const remaining = [...tables].sort();
  while (remaining.length > 0) {
    const ready = remaining.filter((t) =>
      edges.every((e) => e.child !== t || placed.has(e.parent)),
    );
    if (ready.length === 0) {
      // A cycle: break it at the first nullable edge among the tables left.
      const left = new Set(remaining);
      const edge = edges.find((e) => left.has(e.child) && left.has(e.parent) && e.nullable);
      if (!edge) throw new BackupError(`Cannot order tables: ${remaining.join(", ")}`);
      defer(edge);
      edges = edges.filter((e) => e !== edge);
      continue;
    }
    for (const t of ready) {
      order.push(t);
      placed.add(t);
      remaining.splice(remaining.indexOf(t), 1);
    }
  }
  return { order, deferred };
}

// ---------------------------------------------------------------------------------------------
// Writing

/** Writes to FILE.partial (mode 0600: a backup holds everything) and renames when complete. */
async function writeAtomically(
  file: string,
  write: (out: Writable) => Promise<void>,
): Promise<number> {
  const partial = `${file}.partial`;
  fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const sink = fs.createWriteStream(partial, { mode: 0o600 });
  const gzip = zlib.createGzip({ level: 6 });
  gzip.pipe(sink);
  try {
    await write(gzip);
    gzip.end();
    await once(sink, "close");
    fs.renameSync(partial, file);
    return fs.statSync(file).size;
  } catch (err) {
    gzip.destroy();
    sink.destroy();
    fs.rmSync(partial, { force: true });
    throw err;
  }
}

async function put(out: Writable, line: string): Promise<void> {
  if (!out.write(`${line}\n`)) await once(out, "drain");
}

/** A logical (JSON lines) backup of the whole database, from a consistent snapshot. */
export async function writeLogicalBackup(
  database: DatabaseHandle,
  file: string,
  options: { now?: Date; batchRows?: number } = {},
): Promise<LogicalBackupSummary> {
  const started = Date.now();
  const client = await database.pool.connect();
  const counts: TableCount[] = [];
  try {
    await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    const hasMigrations = await client.query(
      "SELECT 1 FROM pg_tables WHERE schemaname = 'public' AND tablename = 'schema_migration'",
    );
    if (hasMigrations.rows.length === 0) {
      throw new BackupError("This database has no Trygg tables: there is nothing to back up.");
    }
    const migrations = (
      await client.query<{ name: string }>("SELECT name FROM schema_migration ORDER BY name")
    ).rows.map((r) => r.name);
    const serverVersion = (await client.query<{ v: string }>("SHOW server_version")).rows[0]?.v;
    const { tables, fks } = await readSchema(client);
    const names = [...tables.keys()].filter(
      (t) => !(EXCLUDED_TABLES as readonly string[]).includes(t),
    );
    const { order, deferred } = insertOrder(names, fks);
    const header: BackupHeader = {
      formatVersion: BACKUP_FORMAT_VERSION,
      createdAt: (options.now ?? new Date()).toISOString(),
      engine: database.engine,
      serverVersion: serverVersion ?? "unknown",
      migrations,
      tables: order,
      deferred,
    };
    const batch = options.batchRows ?? 1000;
    const bytes = await writeAtomically(file, async (o) => {
      await put(o, JSON.stringify([BACKUP_FORMAT, header]));
      let total = 0;
      for (const name of order) {
        const info = tables.get(name) as TableInfo;
        await put(o, JSON.stringify(["table", { name, columns: info.columns }]));
        const orderBy =
          info.primaryKey.length > 0 ? ` ORDER BY ${info.primaryKey.map(q).join(", ")}` : "";
        await client.query(
          `DECLARE trygg_backup NO SCROLL CURSOR FOR SELECT row_to_json(t)::text AS j FROM public.${q(name)} t${orderBy}`,
        );
        let rows = 0;
        for (;;) {
          const res = await client.query<{ j: string }>(`FETCH ${batch} FROM trygg_backup`);
          if (res.rows.length > 0) await put(o, res.rows.map((r) => r.j).join("\n"));
          rows += res.rows.length;
          if (res.rows.length < batch) break;
        }
        await client.query("CLOSE trygg_backup");
        await put(o, JSON.stringify(["end", { name, rows }]));
        counts.push({ table: name, rows });
        total += rows;
      }
      await put(o, JSON.stringify(["end-of-backup", { tables: order.length, rows: total }]));
    });
    await client.query("COMMIT");
    return { file, bytes, tables: counts, ms: Date.now() - started };
  } catch (err) {
    await client.query("ROLLBACK").catch(() => {});
    throw err;
  } finally {
    client.release();
  }
}

// ---------------------------------------------------------------------------------------------
// Reading

export type BackupFormat = "json" | "pglite";

/** Looks inside the gzip: a tar archive (PGlite data directory) or our JSON lines. */
export async function detectBackupFormat(file: string): Promise<BackupFormat> {
  if (!fs.existsSync(file)) throw new BackupError(`No such file: ${file}`);
  const head = await new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const input = fs.createReadStream(file);
    const gunzip = zlib.createGunzip();
    const done = () => {
      input.destroy();
      gunzip.destroy();
      resolve(Buffer.concat(chunks));
    };
    gunzip.on("data", (c: Buffer) => {
      chunks.push(c);
      size += c.length;
      if (size >= 512) done();
    });
    gunzip.on("end", done);
    gunzip.on("error", () => reject(new BackupError(`${file} is not a Trygg backup (not gzip)`)));
    input.on("error", reject);
    input.pipe(gunzip);
  });
  if (head.subarray(0, 40).toString("utf8").startsWith(`["${BACKUP_FORMAT}"`)) return "json";
  if (head.length >= 262 && head.subarray(257, 262).toString("latin1") === "ustar") return "pglite";
  throw new BackupError(`${file} is not a Trygg backup`);
}

async function tablesWithRows(client: pg.PoolClient): Promise<string[]> {
  const tables = await client.query<{ name: string }>(
    `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND NOT c.relispartition
      ORDER BY c.relname`,
  );
  const full: string[] = [];
  for (const { name } of tables.rows) {
    if (name === "schema_migration") continue;
    const r = await client.query(`SELECT 1 FROM public.${q(name)} LIMIT 1`);
    if (r.rows.length > 0) full.push(name);
  }
  return full;
}

/** Row counts of every Trygg table (public schema), by name. */
export async function countRows(database: DatabaseHandle): Promise<TableCount[]> {
  const client = await database.pool.connect();
  try {
    const tables = await client.query<{ name: string }>(
      `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND NOT c.relispartition
        ORDER BY c.relname`,
    );
    const counts: TableCount[] = [];
    for (const { name } of tables.rows) {
      const r = await client.query<{ n: string }>(
        `SELECT count(*)::text AS n FROM public.${q(name)}`,
      );
      counts.push({ table: name, rows: Number(r.rows[0]?.n ?? 0) });
    }
    return counts;
  } finally {
    client.release();
  }
}

/** True if the database holds no rows in any Trygg table. */
export async function isDatabaseEmpty(database: DatabaseHandle): Promise<boolean> {
  const client = await database.pool.connect();
  try {
    return (await tablesWithRows(client)).length === 0;
  } finally {
    client.release();
  }
}

/** Applies exactly the given migrations (those the backup was taken at), in order. */
async function migrateTo(database: DatabaseHandle, names: readonly string[]): Promise<void> {
  const available = new Map(listMigrations().map((m) => [m.name, m.sql]));
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "trygg-restore-migrations-"));
  try {
    for (const name of names) {
      fs.writeFileSync(path.join(dir, name), available.get(name) as string);
    }
    await migrate(database.db, dir);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

type Line =
  | { kind: "control"; value: [string, Record<string, unknown>] }
  | { kind: "row"; text: string };

function lines(file: string): AsyncIterable<Line> {
  const rl = readline.createInterface({
    input: fs.createReadStream(file).pipe(zlib.createGunzip()),
    crlfDelay: Number.POSITIVE_INFINITY,
  });
  return (async function* () {
    for await (const text of rl) {
      if (text.length === 0) continue;
      // Control lines are JSON arrays; rows are JSON objects (row_to_json) kept as text.
      if (text.startsWith("[")) {
        yield { kind: "control", value: JSON.parse(text) as [string, Record<string, unknown>] };
      } else yield { kind: "row", text };
    }
  })();
}

/**
 * Restores a JSON backup into an empty database: migrates it to the backup's migrations,
 * inserts every row in one transaction, then applies any newer migrations of this version.
 */
export async function restoreLogicalBackup(
  database: DatabaseHandle,
  file: string,
  options: { batchRows?: number; batchBytes?: number } = {},
): Promise<RestoreSummary> {
  const started = Date.now();
  const iter = lines(file)[Symbol.asyncIterator]();
  const first = await iter.next();
  if (first.done || first.value.kind !== "control" || first.value.value[0] !== BACKUP_FORMAT) {
    throw new BackupError(`${file} is not a Trygg JSON backup`);
  }
  const header = first.value.value[1] as unknown as BackupHeader;
  if (header.formatVersion !== BACKUP_FORMAT_VERSION) {
    throw new BackupError(
      `Backup format version ${header.formatVersion} is not supported (this Trygg reads ${BACKUP_FORMAT_VERSION})`,
    );
  }
  const known = new Set(listMigrations().map((m) => m.name));
  const unknown = header.migrations.filter((m) => !known.has(m));
  if (unknown.length > 0) {
    throw new BackupError(
      `The backup comes from a newer Trygg (migrations ${unknown.join(", ")} are unknown here). ` +
        "Restore it with that version or newer.",
    );
  }

  const pre = await database.pool.connect();
  try {
    const full = await tablesWithRows(pre);
    if (full.length > 0) {
      throw new BackupError(
        `The target database is not empty (${full.slice(0, 5).join(", ")}${full.length > 5 ? ", ..." : ""} ` +
          "have rows). Restore into a new, empty database.",
      );
    }
    const applied = await pre
      .query<{ name: string }>("SELECT name FROM schema_migration")
      .then((r) => r.rows.map((x) => x.name))
      .catch(() => [] as string[]);
    const ahead = applied.filter((m) => !header.migrations.includes(m));
    if (ahead.length > 0) {
      throw new BackupError(
        `The target database is migrated beyond the backup (${ahead.join(", ")}). ` +
          "Restore into a new, empty database.",
      );
    }
  } finally {
    pre.release();
  }

  await migrateTo(database, header.migrations);

  const counts: TableCount[] = [];
  const client = await database.pool.connect();
  try {
    await client.query("BEGIN");
    const { tables } = await readSchema(client);
    const deferredByTable = new Map<string, Set<string>>();
    for (const d of header.deferred) {
      const s = deferredByTable.get(d.table) ?? new Set<string>();
      for (const c of d.columns) s.add(c);
      deferredByTable.set(d.table, s);
    }
    if (deferredByTable.size > 0) {
      await client.query(
        "CREATE TEMP TABLE trygg_restore_deferred (tbl text NOT NULL, j json NOT NULL) ON COMMIT DROP",
      );
    }

    const maxRows = options.batchRows ?? 500;
    const maxBytes = options.batchBytes ?? 4 * 1024 * 1024;
    let current: { name: string; columns: string[]; rows: number } | null = null;
    let pending: string[] = [];
    let pendingBytes = 0;
    let finished = false;
    let total = 0;

    const flush = async () => {
      if (!current || pending.length === 0) return;
      const deferredCols = deferredByTable.get(current.name);
      const select = current.columns
        .map((c) => (deferredCols?.has(c) ? `NULL AS ${q(c)}` : q(c)))
        .join(", ");
      const json = `[${pending.join(",")}]`;
      await client.query(
        `INSERT INTO public.${q(current.name)} (${current.columns.map(q).join(", ")}) OVERRIDING SYSTEM VALUE
         SELECT ${select} FROM json_populate_recordset(NULL::public.${q(current.name)}, $1::json)`,
        [json],
      );
      if (deferredCols) {
        await client.query(
          "INSERT INTO trygg_restore_deferred (tbl, j) SELECT $1, value FROM json_array_elements($2::json)",
          [current.name, json],
        );
      }
      current.rows += pending.length;
      pending = [];
      pendingBytes = 0;
    };

    for (let next = await iter.next(); !next.done; next = await iter.next()) {
      const line = next.value;
      if (finished) throw new BackupError("Unexpected data after the end of the backup");
      if (line.kind === "row") {
        if (!current) throw new BackupError("A row outside any table: the file is damaged");
        pending.push(line.text);
        pendingBytes += line.text.length;
        if (pending.length >= maxRows || pendingBytes >= maxBytes) await flush();
        continue;
      }
      const [kind, data] = line.value;
      if (kind === "table") {
        const name = String(data.name);
        const info = tables.get(name);
        if (!info || !header.tables.includes(name)) {
          throw new BackupError(`The backup's table ${name} does not exist in this database`);
        }
        const columns = (data.columns as string[]).filter((c) => info.columns.includes(c));
        const missing = (data.columns as string[]).filter((c) => !info.columns.includes(c));
        if (missing.length > 0) {
          throw new BackupError(`Columns ${missing.join(", ")} of ${name} do not exist here`);
        }
        current = { name, columns, rows: 0 };
      } else if (kind === "end") {
        await flush();
        if (!current || current.name !== data.name || current.rows !== data.rows) {
          throw new BackupError(`Table ${String(data.name)} is incomplete in the backup`);
        }
        counts.push({ table: current.name, rows: current.rows });
        total += current.rows;
        current = null;
      } else if (kind === "end-of-backup") {
        if (current || data.rows !== total || data.tables !== counts.length) {
          throw new BackupError(
            "The backup's totals do not match its contents: the file is damaged",
          );
        }
        finished = true;
      } else {
        throw new BackupError(`Unknown line in the backup: ${kind}`);
      }
    }
    if (!finished) throw new BackupError("The backup file is incomplete (it ends too early)");

    // Second pass: the self references and cycle-closing references left NULL above.
    for (const [table, columns] of deferredByTable) {
      const info = tables.get(table) as TableInfo;
      if (info.primaryKey.length === 0) {
        throw new BackupError(`Table ${table} has no primary key; cannot restore its references`);
      }
      const set = [...columns].map((c) => `${q(c)} = s.${q(c)}`).join(", ");
      const on = info.primaryKey.map((c) => `x.${q(c)} = s.${q(c)}`).join(" AND ");
      await client.query(
        `UPDATE public.${q(table)} AS x SET ${set}
           FROM (SELECT (json_populate_record(NULL::public.${q(table)}, j)).* FROM trygg_restore_deferred WHERE tbl = $1) s
          WHERE ${on}`,
        [table],
      );
    }

    // Serial and identity sequences continue after the restored rows.
    for (const [table, info] of tables) {
      for (const column of info.columns) {
        const seq = await client.query<{ seq: string | null }>(
          "SELECT pg_get_serial_sequence($1, $2) AS seq",
          [`public.${q(table)}`, column],
        );
        const name = seq.rows[0]?.seq;
        if (!name) continue;
        await client.query(
          `SELECT setval($1::regclass, COALESCE((SELECT max(${q(column)}) FROM public.${q(table)}), 0) + 1, false)`,
          [name],
        );
      }
    }

    for (const c of counts) {
      const r = await client.query<{ n: string }>(
        `SELECT count(*)::text AS n FROM public.${q(c.table)}`,
      );
      if (Number(r.rows[0]?.n) !== c.rows) {
        throw new BackupError(
          `Table ${c.table}: restored ${r.rows[0]?.n} rows, expected ${c.rows}`,
        );
      }
    }
    await client.query("COMMIT");
  } catch (err) {
    await client.query("ROLLBACK").catch(() => {});
    throw err;
  } finally {
    client.release();
  }

  const migrationsApplied = await migrate(database.db);
  const auditChain = await verifyAuditChain(database.db);
  return { tables: counts, migrationsApplied, auditChain, ms: Date.now() - started };
}

// ---------------------------------------------------------------------------------------------
// The embedded engine's own format

function serverRunningError(err: DataDirLockedError): BackupError {
  return new BackupError(
    `Trygg is running (pid ${err.pid}) on ${err.dataDir}. Stop the server first: the embedded ` +
      "database allows one process at a time, so a backup or restore cannot run beside it.",
  );
}

/** Holds the data-directory lock for the duration of `fn`, or explains that the server runs. */
export async function withDataDirLock<T>(dataDir: string, fn: () => Promise<T>): Promise<T> {
  let lock: ReturnType<typeof lockDataDir>;
  try {
    lock = lockDataDir(dataDir);
  } catch (err) {
    if (err instanceof DataDirLockedError) throw serverRunningError(err);
    throw err;
  }
  try {
    return await fn();
  } finally {
    lock.release();
  }
}

export function hasPgliteData(pgliteDir: string): boolean {
  return fs.existsSync(path.join(pgliteDir, "PG_VERSION"));
}

/**
 * Moves a non-empty target directory aside (with --force) or refuses. Returns where the old
 * directory went, if anywhere.
 */
export function clearRestoreTarget(
  pgliteDir: string,
  force: boolean,
  now = new Date(),
): string | null {
  const exists = fs.existsSync(pgliteDir) && fs.readdirSync(pgliteDir).length > 0;
  if (!exists) return null;
  if (!force) {
    throw new BackupError(
      `${pgliteDir} already holds a database. Restore refuses to overwrite it; use --force to ` +
        "move it aside (it is kept next to it, not deleted).",
    );
  }
  const stamp = now.toISOString().replace(/[:.]/g, "-");
  const aside = `${pgliteDir}.before-restore-${stamp}`;
  fs.renameSync(pgliteDir, aside);
  return aside;
}

/** The embedded database's data directory as PGlite's gzip tarball. Caller holds the lock. */
export async function writePgliteBackup(
  pgliteDir: string,
  file: string,
): Promise<{ file: string; bytes: number; ms: number }> {
  const started = Date.now();
  if (!hasPgliteData(pgliteDir)) {
    throw new BackupError(`There is no embedded database at ${pgliteDir}: nothing to back up.`);
  }
  const pglite = await PGlite.create({ dataDir: pgliteDir });
  try {
    const dump = await pglite.dumpDataDir("gzip");
    const partial = `${file}.partial`;
    fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
    fs.writeFileSync(partial, Buffer.from(await dump.arrayBuffer()), { mode: 0o600 });
    fs.renameSync(partial, file);
  } finally {
    await pglite.close();
  }
  return { file, bytes: fs.statSync(file).size, ms: Date.now() - started };
}

/** Loads a PGlite tarball into an empty data directory. Caller holds the lock. */
export async function restorePgliteBackup(file: string, pgliteDir: string): Promise<void> {
  if (fs.existsSync(pgliteDir) && fs.readdirSync(pgliteDir).length > 0) {
    throw new BackupError(`${pgliteDir} is not empty`);
  }
  fs.mkdirSync(pgliteDir, { recursive: true });
  try {
    const pglite = await PGlite.create({
      dataDir: pgliteDir,
      loadDataDir: new Blob([fs.readFileSync(file)]),
    });
    await pglite.close();
  } catch (err) {
    // Leave no half-written directory behind to be mistaken for a database.
    fs.rmSync(pgliteDir, { recursive: true, force: true });
    throw err;
  }
}
