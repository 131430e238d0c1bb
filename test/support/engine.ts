// Which engine the DB tests run on: PGlite by default, PostgreSQL with TRYGG_TEST_ENGINE=postgres
// (and TRYGG_TEST_PG_URL pointing at a server where we may create databases).
import path from "node:path";

export type TestEngine = "pglite" | "postgres";

export function testEngine(): TestEngine {
  return process.env.TRYGG_TEST_ENGINE === "postgres" ? "postgres" : "pglite";
}

export function testPgUrl(database = "postgres"): string {
  const base = process.env.TRYGG_TEST_PG_URL;
  if (!base) {
    throw new Error(
      "TRYGG_TEST_PG_URL is not set: start a cluster with scripts/pg-cluster.sh start (npm test does it)",
    );
  }
  const url = new URL(base);
  url.pathname = `/${database}`;
  return url.toString();
}

export const GOLDEN_DB = "trygg_golden";
export const goldenImagePath = path.resolve(".tmp/golden-pglite.tar.gz");
