// `trygg surveys import` as an operator runs it: the --json contract, exit codes, nothing
// written on error, and a second run of the same file changing nothing.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { afterAll, beforeAll, describe, expect, it, type MockInstance, vi } from "vitest";
import surveysImport from "../../src/cli/commands/surveys-import.ts";
import { syntheticSkoleportenFile } from "../../src/core/surveys/national/synthetic.ts";
import { DEMO_UPPER_SECONDARY_NAME } from "../../src/server/demo/generate.ts";
import { openDatabase } from "../../src/server/platform/db/database.ts";
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
const REAL = path.resolve(import.meta.dirname, "../fixtures/surveys-national/nedlasting.csv");
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "trygg-cli-surveys-"));
let schoolId = "";

async function cli(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const saved = Object.fromEntries(CONFIG_VARS.map((k) => [k, process.env[k]]));
  for (const k of CONFIG_VARS) delete process.env[k];
  Object.assign(process.env, { NODE_ENV: "test", LOG_LEVEL: "silent", TRYGG_DATA_DIR: tmp });
  const out: string[] = [];
  const log = vi.spyOn(console, "log").mockImplementation((...a: unknown[]) => {
    out.push(a.join(" "));
  });
  const errSpy = console.error as unknown as MockInstance;
  const before = errSpy.mock.calls.length;
  try {
    const code = await surveysImport(args);
    const err = errSpy.mock.calls
      .slice(before)
      .map((c) => String(c[0]))
      .join("\n");
    // Expected output of the command, not a test failure.
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

async function stored(): Promise<{ n: number; scores: string }> {
  const handle = await openDatabase({ engine: "pglite", dataDir: path.join(tmp, "pglite") });
  try {
    const rows = await handle.db
      .selectFrom("national_survey_result")
      .select(["school_year", "trinn", "gender", "index_name", "level", "score", "hidden"])
      .where("school_id", "=", schoolId)
      .orderBy("school_year")
      .orderBy("trinn")
      .orderBy("gender")
      .orderBy("index_name")
      .orderBy("level")
      .execute();
    return { n: rows.length, scores: JSON.stringify(rows) };
  } finally {
    await handle.close();
  }
}

const spec = {
  units: [
    { name: DEMO_UPPER_SECONDARY_NAME, offset: 0 },
    { name: "Viken fylkeskommune", offset: 0.05 },
    { name: "Nasjonalt", offset: 0 },
    { name: "Annen videregående skole", offset: -0.1 },
  ],
  years: ["2024-25", "2025-26"],
  trinn: ["Vg1", "Vg2", "Vg3"],
  seed: 11,
  hide: { trinn: "Vg3", gender: "Gutter" as const },
};

describe.runIf(testEngine() === "pglite")("trygg surveys import", () => {
  const good = path.join(tmp, "elevundersokelsen.csv");
  beforeAll(async () => {
    const pglite = await PGlite.create({
      dataDir: path.join(tmp, "pglite"),
      loadDataDir: new Blob([fs.readFileSync(goldenImagePath)]),
    });
    const row = await pglite.query<{ id: string }>("SELECT id FROM school WHERE name = $1", [
      DEMO_UPPER_SECONDARY_NAME,
    ]);
    schoolId = row.rows[0]?.id ?? "";
    await pglite.close();
    fs.writeFileSync(good, syntheticSkoleportenFile(spec));
  }, SLOW);
  afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it(
    "--json: prints the counts, exits 0; a second run imports nothing and finds all unchanged",
    async () => {
      const first = await cli(["--school", schoolId, good, "--json"]);
      expect(first.err).toBe("");
      expect(first.code).toBe(0);
      // 4 units × 2 years × 3 trinn × 3 genders × 5 indices; one unit is another school.
      expect(JSON.parse(first.out)).toEqual({
        rows: 360,
        imported: 270,
        unchanged: 0,
        hidden: 10,
        otherUnits: 90,
        skipped: 0,
        errors: [],
      });
      const after = await stored();
      expect(after.n).toBe(270);

      const second = await cli(["--school", schoolId, "--json", good]);
      expect(second.code).toBe(0);
      expect(JSON.parse(second.out)).toMatchObject({ rows: 360, imported: 0, unchanged: 270 });
      expect((await stored()).scores).toBe(after.scores);
    },
    SLOW,
  );

  it(
    "a corrected value is updated, and only that one",
    async () => {
      const text = fs.readFileSync(good, "utf8");
      const lines = text.split("\r\n");
      const i = lines.findIndex((l) => l.startsWith(`${DEMO_UPPER_SECONDARY_NAME};`));
      const cells = (lines[i] ?? "").split(";");
      cells[9] = cells[9] === "5,0" ? "4,0" : "5,0";
      lines[i] = cells.join(";");
      const fixed = path.join(tmp, "fixed.csv");
      fs.writeFileSync(fixed, lines.join("\r\n"));
      const r = await cli(["--school", schoolId, "--json", fixed]);
      expect(JSON.parse(r.out)).toMatchObject({ imported: 1, unchanged: 269 });
    },
    SLOW,
  );

  it(
    "a broken file: exit 1, every error with line, column and message, nothing written",
    async () => {
      const before = await stored();
      const lines = syntheticSkoleportenFile({ ...spec, seed: 99 }).split("\r\n");
      lines[3] = (lines[3] ?? "").replace(/;[0-9],[0-9];Snitt$/, ";fire;Snitt");
      lines[7] = (lines[7] ?? "").replace(";2024-2025;", ";2024-2026;");
      const broken = path.join(tmp, "broken.csv");
      fs.writeFileSync(broken, lines.join("\r\n"));
      const r = await cli(["--school", schoolId, "--json", "--lang", "en", broken]);
      expect(r.code).toBe(1);
      const body = JSON.parse(r.out);
      expect(body.imported).toBe(0);
      expect(body.errors).toEqual([
        { line: 4, column: "Verdi", message: "“fire” is not a number." },
        {
          line: 8,
          column: "Periode",
          message: "“2024-2026” is not a school year (for example 2021-22).",
        },
      ]);
      expect(await stored()).toEqual(before);

      const plain = await cli(["--school", schoolId, "--lang", "en", broken]);
      expect(plain.code).toBe(1);
      expect(plain.err).toContain("broken.csv:4:Verdi: error: “fire” is not a number.");
      expect(plain.err).toContain("Nothing was imported: 2 error(s) in 360 rows.");
    },
    SLOW,
  );

  it(
    "the real Skoleporten download: every row skipped (national tests), exit 0, readable summary",
    async () => {
      const r = await cli(["--school", schoolId, "--unit", " auglend SKOLE", REAL]);
      expect(r.code).toBe(0);
      expect(r.out).toMatch(/Imported skoleporten: 6233 rows/);
      expect(r.out).toMatch(/imported\s+0 values/);
      expect(r.out).toMatch(/skipped\s+6233 rows/);
    },
    SLOW,
  );

  it(
    "bad usage exits 2",
    async () => {
      expect((await cli(["--school", "nope", good])).code).toBe(2);
      expect((await cli(["--school", schoolId])).code).toBe(2);
      expect((await cli(["--school", schoolId, path.join(tmp, "missing.csv")])).code).toBe(2);
    },
    SLOW,
  );
});
