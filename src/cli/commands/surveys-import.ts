// `trygg surveys import`: imports a school's national survey results (Elevundersøkelsen) from
// a Skoleporten download or Udir statistics API rows (JSON or CSV). The same use case as the
// upload page: all or nothing, and a second run of the same file changes nothing.
import fs from "node:fs";
import { parseArgs } from "node:util";
import { isLang, type Lang } from "../../i18n/lang.ts";
import { importNationalSurvey } from "../../server/surveys/national/import.ts";
import { surveyMessage } from "../../server/surveys/national/messages.ts";
import { withDatabase } from "../db.ts";

const USAGE = `Usage: trygg surveys import --school ID [--unit NAME] FILE [--json] [--lang nb|nn|en]

  FILE        a Skoleporten download (CSV) or Udir statistics API rows (JSON or CSV)
  --school    the school's id in Trygg
  --unit      the unit in the file whose rows are the school's (matched trimmed, any case);
              default: the school's name, or its org number where the file has one
  --json      print one JSON object: {"rows","imported","unchanged","hidden","otherUnits",
              "skipped","errors":[{"line","column","message"}]}

Exit status: 0 when imported, 1 when the file has errors (nothing is written), 2 on bad usage.`;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function langFromEnv(): Lang {
  const raw = (process.env.LANG ?? "").slice(0, 2).toLowerCase();
  return raw === "nn" || raw === "en" ? raw : "nb";
}

export default async function run(argv: string[]): Promise<number> {
  let values: Record<string, string | boolean | undefined>;
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        school: { type: "string" },
        unit: { type: "string" },
        json: { type: "boolean", default: false },
        lang: { type: "string" },
        help: { type: "boolean", short: "h", default: false },
      },
    }));
  } catch (err) {
    console.error(`${(err as Error).message}\n\n${USAGE}`);
    return 2;
  }
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const school = String(values.school ?? "");
  const file = positionals[0];
  if (!UUID.test(school) || !file || positionals.length > 1) {
    console.error(USAGE);
    return 2;
  }
  if (!fs.existsSync(file) || !fs.statSync(file).isFile()) {
    console.error(`No such file: ${file}`);
    return 2;
  }
  const lang: Lang = isLang(values.lang) ? values.lang : langFromEnv();
  const data = fs.readFileSync(file);
  const json = values.json === true;

  return withDatabase(async (database) => {
    const exists = await database.db
      .selectFrom("school")
      .select("id")
      .where("id", "=", school)
      .executeTakeFirst();
    if (!exists) {
      console.error(`No school with id ${school}.`);
      return 2;
    }
    const outcome = await importNationalSurvey(database.db, {
      schoolId: school,
      unit: typeof values.unit === "string" ? values.unit : null,
      data,
      actorId: null,
      now: new Date(),
    });
    const errors = outcome.errors.map((e) => ({
      line: e.line,
      column: e.column,
      message: surveyMessage(lang, e.code, e.params),
    }));
    const c = outcome.counts;
    if (json) {
      console.log(
        JSON.stringify({
          rows: c.rows,
          imported: c.imported,
          unchanged: c.unchanged,
          hidden: c.hidden,
          otherUnits: c.otherUnits,
          skipped: c.skipped,
          errors,
        }),
      );
      return outcome.ok ? 0 : 1;
    }
    for (const e of errors) {
      const where = [file, e.line ?? "", e.column ?? ""].filter((x) => x !== "").join(":");
      console.error(`${where}: error: ${e.message}`);
    }
    if (!outcome.ok) {
      console.error(`Nothing was imported: ${errors.length} error(s) in ${c.rows} rows.`);
      return 1;
    }
    console.log(
      [
        `Imported ${outcome.format ?? "file"}: ${c.rows} rows.`,
        `  imported    ${String(c.imported).padStart(6)} values new or changed`,
        `  unchanged   ${String(c.unchanged).padStart(6)} values already stored`,
        `  hidden      ${String(c.hidden).padStart(6)} rows hidden by Udir (too few answers)`,
        `  otherUnits  ${String(c.otherUnits).padStart(6)} rows for other schools`,
        `  skipped     ${String(c.skipped).padStart(6)} rows not Elevundersøkelsen or without a value`,
      ].join("\n"),
    );
    return 0;
  });
}
