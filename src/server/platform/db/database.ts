// One code path for both engines: Kysely over a node-postgres Pool, which talks either to
// PostgreSQL or, through PGlite's node-postgres shim, to the embedded database.
import { PGlite } from "@electric-sql/pglite";
import { createPgConfig } from "@electric-sql/pglite/node-postgres";
import { Kysely, PostgresDialect, type Transaction } from "kysely";
import pg from "pg";
import type { Database } from "./schema.ts";

// `date` columns stay ISO strings: a JS Date would shift them by the machine's timezone.
pg.types.setTypeParser(1082, (v: string) => v);
// bigint (bigserial) stays a string: no silent precision loss.
pg.types.setTypeParser(20, (v: string) => v);

export type Db = Kysely<Database>;
export type Tx = Transaction<Database>;
export type Engine = "pglite" | "postgres";

export interface DatabaseHandle {
  db: Db;
  engine: Engine;
  /** The node-postgres pool (pg-boss and backup use it). */
  pool: pg.Pool;
  /** Present on the embedded engine only. */
  pglite?: PGlite;
  close(): Promise<void>;
}

export type DatabaseTarget =
  | { engine: "pglite"; dataDir?: string; loadDataDir?: Blob | File }
  | {
      engine: "postgres";
      url: string;
      max?: number;
      /** Told when an idle pooled connection dies (server restart, admin kill). */
      onIdleError?: (err: Error) => void;
    };

/** PostgreSQL could not be reached or refused the login; names DATABASE_URL, never its password. */
export class DatabaseUnreachableError extends Error {
  constructor(url: string, cause: unknown) {
    const code = (cause as { code?: string } | null)?.code;
    const reason = cause instanceof Error ? cause.message : String(cause);
    super(
      `Could not connect to PostgreSQL at DATABASE_URL (${describeUrl(url)}): ${reason}${code ? ` [${code}]` : ""}.\n` +
        "Check that the server runs, that DATABASE_URL names the right host, port, database and user, " +
        "and that the password is right.",
    );
    this.name = "DatabaseUnreachableError";
  }
}

/** host:port/database and user of a postgres:// URL, without the password. */
export function describeUrl(url: string): string {
  try {
    const u = new URL(url);
    const user = u.username ? `${decodeURIComponent(u.username)}@` : "";
    return `${user}${u.hostname || "localhost"}:${u.port || "5432"}${u.pathname || "/"}`;
  } catch {
    return "unparsable URL";
  }
}

export async function openDatabase(target: DatabaseTarget): Promise<DatabaseHandle> {
  if (target.engine === "postgres") {
    const pool = new pg.Pool({ connectionString: target.url, max: target.max ?? 10 });
    // Without a listener, an idle connection dropped by the server would crash the process.
    // The pool has already discarded that connection; the next query opens a new one.
    pool.on("error", target.onIdleError ?? (() => {}));
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    try {
      // The pool connects lazily; try once now so a wrong URL fails at start with a message
      // that names the setting, not later as raw driver text inside a migration.
      await pool.query("SELECT 1");
    } catch (err) {
      await db.destroy().catch(() => {});
      throw new DatabaseUnreachableError(target.url, err);
    }
    return { db, engine: "postgres", pool, close: () => db.destroy() };
  }
  const pglite = await PGlite.create({
    ...(target.dataDir ? { dataDir: target.dataDir } : {}),
    ...(target.loadDataDir ? { loadDataDir: target.loadDataDir } : {}),
  });
  const pool = new pg.Pool(createPgConfig(pglite) as unknown as pg.PoolConfig);
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return {
    db,
    engine: "pglite",
    pool,
    pglite,
    async close() {
      await db.destroy();
      await pglite.close();
    },
  };
}
