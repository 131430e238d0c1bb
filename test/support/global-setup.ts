// Migrates and seeds one "golden" database per run; every test file starts from a copy of it
// (PGlite: dumpDataDir/loadDataDir; PostgreSQL: CREATE DATABASE ... TEMPLATE).
import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { seedDemoData } from "../../src/server/demo/seed.ts";
import { openDatabase } from "../../src/server/platform/db/database.ts";
import { migrate } from "../../src/server/platform/db/migrate.ts";
import { GOLDEN_DB, goldenImagePath, testEngine, testPgUrl } from "./engine.ts";

export default async function setup(): Promise<void> {
  if (testEngine() === "pglite") {
    const handle = await openDatabase({ engine: "pglite" });
    await migrate(handle.db);
    await seedDemoData(handle.db);
    const dump = await handle.pglite?.dumpDataDir("gzip");
    if (!dump) throw new Error("PGlite dump failed");
    fs.mkdirSync(path.dirname(goldenImagePath), { recursive: true });
    fs.writeFileSync(goldenImagePath, Buffer.from(await dump.arrayBuffer()));
    await handle.close();
    return;
  }
  const admin = new pg.Client({ connectionString: testPgUrl() });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${GOLDEN_DB} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${GOLDEN_DB}`);
  await admin.end();
  const handle = await openDatabase({ engine: "postgres", url: testPgUrl(GOLDEN_DB) });
  await migrate(handle.db);
  await seedDemoData(handle.db);
  await handle.close();
}
