// `trygg import` as an operator runs it: the OneRoster sample directory, a CSV file with a bad
// row (every problem printed with file:line:column, exit 1, nothing imported), a dry run.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { afterAll, beforeAll, describe, expect, it, type MockInstance, vi } from "vitest";
import importCommand from "../../src/cli/commands/import.ts";
import { openDatabase } from "../../src/server/platform/db/database.ts";
import { ONEROSTER_DIR, templateFile } from "../fixtures/import/helpers.ts";
import { goldenImagePath, testEngine } from "../support/engine.ts";

const SLOW = 240_000;
const CONFIG_VARS = [
  "NODE_ENV",
  "TRYGG_DATA_DIR",
  "DATABASE_URL",
  "TRYGG_DEMO",
  "LOG_LEVEL",
  "LANG",
];
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "trygg-cli-import-"));
let schoolId = "";

async function cli(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const saved = Object.fromEntries(CONFIG_VARS.map((k) => [k, process.env[k]]));
  for (const k of CONFIG_VARS) delete process.env[k];
  Object.assign(process.env, { NODE_ENV: "test", LOG_LEVEL: "silent", TRYGG_DATA_DIR: tmp });
  const out: string[] = [];
  const log = vi.spyOn(console, "log").mockImplementation((...a: unknown[]) => {
    out.push(a.join(" "));
  });
  const stderr = vi.spyOn(process.stderr, "write").mockImplementation(() => true);
  const errSpy = console.error as unknown as MockInstance;
  const before = errSpy.mock.calls.length;
  try {
    const code = await importCommand(args);
    const err = errSpy.mock.calls
      .slice(before)
      .map((c) => String(c[0]))
      .join("\n");
    // Expected output of the command, not a test failure.
    errSpy.mockClear();
    return { code, out: out.join("\n"), err };
  } finally {
    log.mockRestore();
    stderr.mockRestore();
    for (const k of CONFIG_VARS) {
      if (saved[k] === undefined) delete process.env[k];
      else process.env[k] = saved[k];
    }
  }
}

async function countPeople(source: string): Promise<number> {
  const handle = await openDatabase({ engine: "pglite", dataDir: path.join(tmp, "pglite") });
  try {
    const row = await handle.db
      .selectFrom("person")
      .select((eb) => eb.fn.countAll<string>().as("n"))
      .where("external_source", "like", `${source}:%`)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  } finally {
    await handle.close();
  }
}

describe.runIf(testEngine() === "pglite")("trygg import", () => {
  beforeAll(async () => {
    // A data directory holding the seeded golden image, as `trygg start` would leave it.
    const pglite = await PGlite.create({
      dataDir: path.join(tmp, "pglite"),
      loadDataDir: new Blob([fs.readFileSync(goldenImagePath)]),
    });
    const row = await pglite.query<{ id: string }>("SELECT id FROM school ORDER BY name LIMIT 1");
    schoolId = row.rows[0]?.id ?? "";
    await pglite.close();
  }, SLOW);
  afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it(
    "imports the OneRoster sample directory and prints a summary",
    async () => {
      const r = await cli(["--school", schoolId, "--format", "oneroster", ONEROSTER_DIR]);
      expect(r.err).toBe("");
      expect(r.code).toBe(0);
      expect(r.out).toMatch(/Imported: 51 rows/);
      expect(r.out).toMatch(/people\s+10 created\s+0 updated\s+0 unchanged/);
      expect(await countPeople("oneroster")).toBe(10);
    },
    SLOW,
  );

  it(
    "prints every problem with file:line:column and exits 1; nothing is imported",
    async () => {
      const file = path.join(tmp, "elever.csv");
      fs.writeFileSync(
        file,
        templateFile([
          ["elev", "c-1", "Ola", "Nordmann", "ola@@skole", "8A", "8", "", "", "", ""],
          ["elev", "c-2", "Kari", "Nordmann", "", "8A", "8", "", "", "", ""],
          ["elev", "c-3", "Per", "", "", "8A", "8", "", "", "", ""],
        ]).data,
      );
      const r = await cli(["--school", schoolId, "--format", "csv", "--lang", "en", file]);
      expect(r.code).toBe(1);
      expect(r.err).toContain("elever.csv:2:email: error: The e-mail address is not valid.");
      expect(r.err).toContain("elever.csv:4:family_name: error: The value is missing.");
      expect(r.err).toContain("Nothing was imported: 2 error(s) in 3 rows");
      expect(await countPeople("csv")).toBe(0);
    },
    SLOW,
  );

  it(
    "a dry run changes nothing",
    async () => {
      const file = path.join(tmp, "ok.csv");
      fs.writeFileSync(
        file,
        templateFile([["elev", "d-1", "Ola", "Nordmann", "", "8A", "8", "", "", "", ""]]).data,
      );
      const r = await cli(["--school", schoolId, "--format", "csv", "--dry-run", file]);
      expect(r.code).toBe(0);
      expect(r.out).toMatch(/Dry run, nothing changed: 1 rows/);
      expect(await countPeople("csv")).toBe(0);
    },
    SLOW,
  );

  it("refuses bad usage with exit 2", async () => {
    const r = await cli(["--format", "csv", "x.csv"]);
    expect(r.code).toBe(2);
    const r2 = await cli(["--school", schoolId, "--format", "csv", ONEROSTER_DIR]);
    expect(r2.code).toBe(2);
    expect(r2.err).toContain("one file");
  });
});
