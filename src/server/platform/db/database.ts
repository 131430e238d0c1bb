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

export async function openDatabase(target: DatabaseTarget): Promise<DatabaseHandle> {
  if (target.engine === "postgres") {
    const pool = new pg.Pool({ connectionString: target.url, max: target.max ?? 10 });
    // Without a listener, an idle connection dropped by the server would crash the process.
    // The pool has already discarded that connection; the next query opens a new one.
    pool.on("error", target.onIdleError ?? (() => {}));
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
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
