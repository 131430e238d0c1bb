// `trygg import`: imports people and groups into one school from a OneRoster 1.1 bulk set (a
// directory of CSV files) or from one file in Trygg's CSV template. The same use case as the
// web page: all or nothing, a dry run, every problem with file, line and column.
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { isLang, type Lang } from "../../i18n/lang.ts";
import { problemMessage } from "../../server/people/import/messages.ts";
import { ImportRunner } from "../../server/people/import/run.ts";
import type { ImportFormat, InputFile } from "../../server/people/import/types.ts";
import { systemClock } from "../../server/platform/clock.ts";
import { createRootLogger } from "../../server/platform/logging.ts";
import { withDatabase } from "../db.ts";

const USAGE = `Usage: trygg import --school SCHOOL_ID --format oneroster|csv [--dry-run] [--partial] [--lang nb|nn|en] PATH

  PATH        a directory holding a OneRoster 1.1 CSV bulk set (manifest.csv, users.csv, ...),
              or one CSV file in Trygg's template (docs/import-csv-template.md)
  --dry-run   check everything and report what would change; change nothing
  --partial   import the good rows and skip bad ones (default: all or nothing)
  --lang      language of problem messages (default: from LANG, else nb)

Exit status: 0 when imported without errors, 1 when there were problems, 2 on bad usage.`;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function langFromEnv(): Lang {
  const raw = (process.env.LANG ?? "").slice(0, 2).toLowerCase();
  if (raw === "nn") return "nn";
  if (raw === "en") return "en";
  return "nb";
}

function readInput(target: string, format: ImportFormat): InputFile[] | string {
  if (!fs.existsSync(target)) return `No such file or directory: ${target}`;
  const stat = fs.statSync(target);
  if (stat.isDirectory()) {
    if (format === "csv") return "The CSV template is one file: give its path, not a directory.";
    const names = fs
      .readdirSync(target)
      .filter((n) => n.toLowerCase().endsWith(".csv"))
      .sort();
    if (names.length === 0) return `No .csv files in ${target}`;
    return names.map((name) => ({ name, data: fs.readFileSync(path.join(target, name)) }));
  }
  return [{ name: path.basename(target), data: fs.readFileSync(target) }];
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
        format: { type: "string" },
        "dry-run": { type: "boolean", default: false },
        partial: { type: "boolean", default: false },
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
  const format = values.format;
  const target = positionals[0];
  if (!UUID.test(school) || (format !== "oneroster" && format !== "csv") || !target) {
    console.error(USAGE);
    return 2;
  }
  const lang: Lang = isLang(values.lang) ? values.lang : langFromEnv();
  const files = readInput(target, format);
  if (typeof files === "string") {
    console.error(files);
    return 2;
  }

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
    const runner = new ImportRunner({
      database,
      clock: systemClock,
      logger: createRootLogger(process.env.LOG_LEVEL ?? "warn"),
    });
    const { importId, done } = await runner.start({
      schoolId: school,
      format,
      files,
      dryRun: values["dry-run"] === true,
      partial: values.partial === true,
      actorId: null,
      requestId: null,
    });

    // One status line on stderr, rewritten in place on a terminal.
    const tty = process.stderr.isTTY === true;
    let lastLine = "";
    const show = () => {
      const p = runner.board.get(importId);
      if (!p) return;
      const pct = p.totalRows > 0 ? Math.floor((p.processedRows / p.totalRows) * 100) : 0;
      const line =
        p.status === "validating"
          ? "Checking the files..."
          : `Importing: ${pct}% (${p.processedRows}/${p.totalRows} rows)`;
      if (line === lastLine) return;
      lastLine = line;
      process.stderr.write(tty ? `\r\x1b[2K${line}` : `${line}\n`);
    };
    const timer = setInterval(show, 200);
    let outcome: Awaited<typeof done>;
    try {
      outcome = await done;
    } finally {
      clearInterval(timer);
      if (tty && lastLine) process.stderr.write("\r\x1b[2K");
    }

    const errors = outcome.problems.filter((p) => p.severity === "error");
    for (const p of outcome.problems) {
      const where = [p.file || "-", p.line ?? "", p.column ?? ""].filter((x) => x !== "").join(":");
      const tag = p.severity === "error" ? "error" : "warning";
      console.error(`${where}: ${tag}: ${problemMessage(lang, p.code, p.params)}`);
    }
    if (outcome.status === "failed") {
      console.error(
        `Nothing was imported: ${errors.length} error(s) in ${outcome.totalRows} rows (import ${importId}).`,
      );
      return 1;
    }
    const s = outcome.summary;
    if (s) {
      const line = (label: string, c: { created: number; updated: number; unchanged: number }) =>
        `  ${label.padEnd(14)} ${String(c.created).padStart(6)} created ${String(c.updated).padStart(6)} updated ${String(c.unchanged).padStart(6)} unchanged`;
      console.log(
        [
          `${s.dryRun ? "Dry run, nothing changed" : "Imported"}: ${outcome.totalRows} rows (import ${importId}).`,
          line("people", s.people),
          line("groups", s.groups),
          line("roles", s.roles),
          line("memberships", s.memberships),
          line("guardianships", s.guardianships),
        ].join("\n"),
      );
    }
    return errors.length > 0 ? 1 : 0;
  });
}
