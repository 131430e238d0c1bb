// Platform benchmarks: start-up, seeding, audit throughput, request latency, memory.
// Prints a table; run with `npm run bench` (all) or `npx tsx bench/platform.ts`.
import { performance } from "node:perf_hooks";
import { pathToFileURL } from "node:url";
import { seedDemoData } from "../src/server/demo/seed.ts";
import { features } from "../src/server/features.ts";
import { appendAudit, verifyAuditChain } from "../src/server/platform/audit.ts";
import { loadConfig } from "../src/server/platform/config.ts";
import { openDatabase } from "../src/server/platform/db/database.ts";
import { migrate } from "../src/server/platform/db/migrate.ts";
import { buildApp } from "../src/server/platform/http/app.ts";
import { createSession, SESSION_COOKIE } from "../src/server/platform/http/session.ts";
import { createRootLogger } from "../src/server/platform/logging.ts";

interface Row {
  measure: string;
  value: string;
  goal: string;
}

const ms = (t0: number) => performance.now() - t0;
const fmt = (n: number, unit = "ms") => `${n.toFixed(n < 10 ? 2 : 0)} ${unit}`;
const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? 0;
};

export async function runPlatformBench(): Promise<Row[]> {
  const rows: Row[] = [];
  let t0 = performance.now();
  const handle = await openDatabase({ engine: "pglite" });
  await migrate(handle.db);
  rows.push({ measure: "fresh embedded DB: open + migrate", value: fmt(ms(t0)), goal: "< 10 s" });

  t0 = performance.now();
  await seedDemoData(handle.db);
  rows.push({
    measure: "seed demo data (~600 pupils, 2 schools)",
    value: fmt(ms(t0)),
    goal: "< 10 s",
  });

  const dump = await handle.pglite?.dumpDataDir("gzip");
  if (dump) {
    t0 = performance.now();
    const copy = await openDatabase({ engine: "pglite", loadDataDir: dump });
    rows.push({ measure: "load golden image (per test file)", value: fmt(ms(t0)), goal: "< 2 s" });
    await copy.close();
  }

  const n = 2000;
  t0 = performance.now();
  for (let i = 0; i < n; i += 10) {
    await handle.db.transaction().execute((tx) =>
      appendAudit(
        tx,
        ...Array.from({ length: 10 }, (_, j) => ({
          at: new Date(),
          actorId: null,
          action: "bench.write",
          resourceType: "bench",
          resourceId: String(i + j),
        })),
      ),
    );
  }
  const perSec = (n / ms(t0)) * 1000;
  rows.push({
    measure: "audit append, batches of 10",
    value: `${perSec.toFixed(0)} entries/s`,
    goal: "> 500/s",
  });

  t0 = performance.now();
  const check = await verifyAuditChain(handle.db);
  rows.push({
    measure: `audit verify (${check.ok ? check.count : "?"} entries)`,
    value: fmt(ms(t0)),
    goal: "< 5 s per 100k",
  });

  const config = loadConfig({ NODE_ENV: "test", TRYGG_DATA_DIR: ".tmp/bench" });
  const app = await buildApp(
    { config, database: handle, clock: () => new Date(), logger: createRootLogger("silent") },
    features,
  );
  await app.ready();
  const principal = await handle.db
    .selectFrom("role_assignment")
    .select("person_id")
    .where("role", "=", "principal")
    .executeTakeFirstOrThrow();
  const { token } = await createSession(handle.db, {
    personId: principal.person_id,
    authMethod: "bench",
    now: new Date(),
    config,
  });
  const times: number[] = [];
  for (let i = 0; i < 300; i++) {
    t0 = performance.now();
    await app.inject({
      method: "GET",
      url: "/api/session",
      headers: { cookie: `${SESSION_COOKIE}=${token}` },
    });
    times.push(ms(t0));
  }
  rows.push({
    measure: "GET /api/session (logged in) p50",
    value: fmt(pct(times, 50)),
    goal: "< 20 ms",
  });
  rows.push({
    measure: "GET /api/session (logged in) p95",
    value: fmt(pct(times, 95)),
    goal: "< 50 ms",
  });
  rows.push({
    measure: "process RSS after the above",
    value: `${(process.memoryUsage().rss / 1024 / 1024).toFixed(0)} MiB`,
    goal: "< 1 GiB",
  });
  await app.close();
  await handle.close();
  return rows;
}

export function printTable(title: string, rows: Row[]): void {
  const w1 = Math.max(...rows.map((r) => r.measure.length), 7);
  const w2 = Math.max(...rows.map((r) => r.value.length), 5);
  console.log(`\n${title}\n`);
  console.log(`| ${"measure".padEnd(w1)} | ${"value".padEnd(w2)} | goal |`);
  console.log(`|${"-".repeat(w1 + 2)}|${"-".repeat(w2 + 2)}|------|`);
  for (const r of rows)
    console.log(`| ${r.measure.padEnd(w1)} | ${r.value.padEnd(w2)} | ${r.goal} |`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  printTable("Platform", await runPlatformBench());
}
