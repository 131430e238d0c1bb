// A fresh database for one test file, copied from the golden image.
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import pg from "pg";
import { type DatabaseHandle, openDatabase } from "../../src/server/platform/db/database.ts";
import { GOLDEN_DB, goldenImagePath, testEngine, testPgUrl } from "./engine.ts";

export async function createTestDatabase(): Promise<DatabaseHandle> {
  if (testEngine() === "pglite") {
    const blob = new Blob([fs.readFileSync(goldenImagePath)]);
    return openDatabase({ engine: "pglite", loadDataDir: blob });
  }
  const name = `trygg_t_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: testPgUrl() });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name} TEMPLATE ${GOLDEN_DB}`);
  } finally {
    await admin.end();
  }
  const handle = await openDatabase({ engine: "postgres", url: testPgUrl(name), max: 5 });
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
