// Reads Elevundersøkelsen results from the two formats schools actually get them in:
// - the Skoleporten download (long format: one value per line, `;`, BOM, CRLF, "." hidden);
// - rows of Udir's open statistics API, as JSON (an array of row objects) or as CSV.
// The format is told from the content. The result holds every value for the chosen school
// and every comparison value (municipality, county, national), one per key, plus every
// unreadable row with its line, column and reason. Pure: text in, data out.
import { detectDelimiter, readCsv } from "./csv.ts";
import {
  foldName,
  levelOf,
  normaliseGender,
  normaliseSchoolYear,
  normaliseTrinn,
} from "./normalise.ts";
import { parseNumber } from "./numbers.ts";
import {
  keyOf,
  type Level,
  type ParseCounts,
  type ParseError,
  type ParseResult,
  type SourceFormat,
  type SurveyValue,
  type UnitSelector,
} from "./types.ts";

/** Far more rows than any Elevundersøkelsen table for one county; protects memory. */
export const MAX_ROWS = 500_000;

/** A row in a format-neutral shape: field values by our names, and where each came from. */
interface RawRow {
  line: number;
  get(field: Field): string | number | null | undefined;
  column(field: Field): string;
}

type Field =
  | "unit"
  | "org"
  | "levelField"
  | "statistic"
  | "indexName"
  | "indexGroup"
  | "year"
  | "trinn"
  | "gender"
  | "value"
  | "unitOfMeasure"
  | "score"
  | "share"
  | "answered";

/** Column names per format (compared trimmed and case-folded). */
const SKOLEPORTEN: Partial<Record<Field, string>> = {
  unit: "Enhetsnavn",
  statistic: "Statistikk",
  indexName: "Indikator/delskår",
  year: "Periode",
  trinn: "Trinn",
  gender: "Kjønn",
  value: "Verdi",
  unitOfMeasure: "Måleenhet",
};
export const SKOLEPORTEN_HEADER =
  "Enhetsnavn;Skoletype;Vurderingsområde;Statistikk;Indikator/delskår;Periode;Eierform;Trinn;Kjønn;Verdi;Måleenhet";

const UDIR: Partial<Record<Field, string>> = {
  unit: "EnhetNavn",
  org: "Organisasjonsnummer",
  levelField: "EnhetNivaa",
  indexName: "Spoersmaalnavn",
  indexGroup: "Spoersmaalgruppe",
  year: "Skoleaarnavn",
  trinn: "Trinnnavn",
  gender: "Kjoenn",
  score: "Score",
  share: "AndelMobbet",
  answered: "AntallBesvart",
};
const UDIR_REQUIRED: Field[] = ["unit", "year", "trinn", "gender"];

const fold = (s: string) => s.trim().toLowerCase();

/** Decodes file bytes: UTF-8 only (with or without BOM); binary and other encodings refused. */
export function decodeSurveyFile(bytes: Uint8Array): { text: string } | { error: ParseError } {
  if (bytes.length === 0) return { error: { line: null, column: null, code: "survey.emptyFile" } };
  const head = bytes.subarray(0, Math.min(bytes.length, 8192));
  if (head.includes(0) || (head[0] === 0x50 && head[1] === 0x4b)) {
    return { error: { line: null, column: null, code: "survey.binaryFile" } };
  }
  try {
    const text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
    return { text };
  } catch {
    return { error: { line: null, column: null, code: "survey.encoding" } };
  }
}

function firstLine(text: string): string {
  const end = text.search(/\r|\n/);
  return end < 0 ? text : text.slice(0, end);
}

export function detectFormat(text: string): SourceFormat | null {
  const body = text.replace(/^\uFEFF/, "").trimStart();
  if (body.startsWith("[") || body.startsWith("{")) return "udirJson";
  const header = fold(firstLine(body));
  if (header.includes("enhetsnavn") && header.includes("statistikk")) return "skoleporten";
  if (header.includes("enhetnavn") || header.includes("skoleaarnavn")) return "udirCsv";
  return null;
}

function emptyCounts(): ParseCounts {
  return { rows: 0, hidden: 0, otherUnits: 0, skipped: 0 };
}

function fail(errors: ParseError[], format: SourceFormat | null = null): ParseResult {
  return { format, rows: [], errors, counts: emptyCounts() };
}

export function parseNationalSurvey(text: string, unit: UnitSelector): ParseResult {
  const body = text.replace(/^\uFEFF/, "");
  if (body.trim() === "") return fail([{ line: null, column: null, code: "survey.emptyFile" }]);
  const format = detectFormat(body);
  if (!format) return fail([{ line: 1, column: null, code: "survey.unknownFormat" }]);
  const source = format === "udirJson" ? jsonRows(body) : csvRows(body, format);
  if ("errors" in source) return fail(source.errors, format);
  if (source.rows.length > MAX_ROWS) {
    return fail(
      [{ line: null, column: null, code: "survey.tooManyRows", params: { max: MAX_ROWS } }],
      format,
    );
  }
  return collect(format, source.rows, unit);
}

// --- the formats -----------------------------------------------------------------------------

function columnIndex(header: string[], names: Partial<Record<Field, string>>) {
  const at = new Map<Field, number>();
  const folded = header.map(fold);
  for (const [field, name] of Object.entries(names) as [Field, string][]) {
    const i = folded.indexOf(fold(name));
    if (i >= 0) at.set(field, i);
  }
  return at;
}

function csvRows(
  body: string,
  format: "skoleporten" | "udirCsv",
): { rows: RawRow[] } | { errors: ParseError[] } {
  const delimiter = detectDelimiter(firstLine(body));
  const { records, badLines } = readCsv(body, delimiter);
  const [header, ...data] = records;
  if (!header) return { errors: [{ line: null, column: null, code: "survey.emptyFile" }] };
  const names = format === "skoleporten" ? SKOLEPORTEN : UDIR;
  const at = columnIndex(header.fields, names);
  const required: Field[] =
    format === "skoleporten" ? (Object.keys(SKOLEPORTEN) as Field[]) : UDIR_REQUIRED;
  const errors: ParseError[] = [];
  for (const field of required) {
    if (!at.has(field))
      errors.push({ line: 1, column: names[field] ?? field, code: "survey.missingColumn" });
  }
  if (format === "udirCsv") errors.push(...udirValueColumns(new Set([...at.keys()])));
  if (errors.length > 0) return { errors };
  const width = header.fields.length;
  const rows: RawRow[] = [];
  const bad = new Set(badLines);
  for (const r of data) {
    const broken = bad.has(r.line);
    if (broken || r.fields.length !== width) {
      rows.push(
        brokenRow(r.line, broken ? "survey.csvSyntax" : "survey.fieldCount", {
          expected: width,
          found: r.fields.length,
        }),
      );
      continue;
    }
    rows.push({
      line: r.line,
      get: (f) => {
        const i = at.get(f);
        return i === undefined ? undefined : r.fields[i];
      },
      column: (f) => {
        const i = at.get(f);
        return i === undefined ? (names[f] ?? f) : (header.fields[i] ?? f).trim();
      },
    });
  }
  return { rows };
}

/** The Udir tables give a score, a bullying share, or both; a file with neither is no table. */
function udirValueColumns(present: Set<Field>): ParseError[] {
  const errors: ParseError[] = [];
  if (!present.has("score") && !present.has("share")) {
    errors.push({ line: 1, column: UDIR.score ?? "Score", code: "survey.missingColumn" });
  }
  if (!present.has("indexName") && !present.has("indexGroup")) {
    errors.push({ line: 1, column: UDIR.indexName ?? "", code: "survey.missingColumn" });
  }
  return errors;
}

/** A row the CSV reader could not split: it carries its error to `collect`. */
function brokenRow(
  line: number,
  code: "survey.csvSyntax" | "survey.fieldCount",
  params: Record<string, number>,
): RawRow {
  const row: RawRow & { broken: ParseError } = {
    line,
    get: () => undefined,
    column: () => "",
    broken: { line, column: null, code, params },
  };
  return row;
}

function jsonRows(body: string): { rows: RawRow[] } | { errors: ParseError[] } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch (err) {
    const m = /line (\d+)/.exec(String((err as Error).message));
    return { errors: [{ line: m ? Number(m[1]) : null, column: null, code: "survey.badJson" }] };
  }
  // The API answers with an array; some clients wrap it in an object.
  let list: unknown = parsed;
  if (!Array.isArray(list) && list && typeof list === "object") {
    list = Object.values(list).find((v) => Array.isArray(v));
  }
  if (!Array.isArray(list))
    return { errors: [{ line: null, column: null, code: "survey.badJson" }] };
  // Pretty-printed: the line each record starts on; all on one line: the record's number.
  const starts = jsonRecordLines(body);
  const recordLines = new Set(starts).size === starts.length ? starts : [];
  const present = new Set<Field>();
  const keyMaps: Map<Field, string>[] = [];
  const errors: ParseError[] = [];
  const rows: RawRow[] = [];
  list.forEach((item, i) => {
    const line = recordLines[i] ?? i + 1;
    if (!item || typeof item !== "object" || Array.isArray(item)) {
      errors.push({ line, column: null, code: "survey.badJson" });
      return;
    }
    const obj = item as Record<string, unknown>;
    const keys = new Map<Field, string>();
    const byFold = new Map(Object.keys(obj).map((k) => [fold(k), k]));
    for (const [field, name] of Object.entries(UDIR) as [Field, string][]) {
      const k = byFold.get(fold(name));
      if (k !== undefined) {
        keys.set(field, k);
        present.add(field);
      }
    }
    keyMaps.push(keys);
    rows.push({
      line,
      get: (f) => {
        const k = keys.get(f);
        if (k === undefined) return undefined;
        const v = obj[k];
        if (v === null || typeof v === "string" || typeof v === "number") return v;
        return "\u0000invalid";
      },
      column: (f) => keys.get(f) ?? UDIR[f] ?? f,
    });
  });
  if (errors.length > 0) return { errors };
  if (list.length > 0) {
    for (const field of UDIR_REQUIRED) {
      if (!present.has(field))
        errors.push({ line: null, column: UDIR[field] ?? field, code: "survey.missingColumn" });
    }
    errors.push(...udirValueColumns(present).map((e) => ({ ...e, line: null })));
  }
  return errors.length > 0 ? { errors } : { rows };
}

/**
 * The line each record (an object directly inside the first array) starts on, so that errors
 * in a pretty-printed API answer point at the record's line, as in a CSV file.
 */
export function jsonRecordLines(body: string): number[] {
  const lines: number[] = [];
  const stack: string[] = [];
  let arrayDepth = -1;
  let line = 1;
  let inString = false;
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (c === "\n") line++;
    if (inString) {
      if (c === "\\") i++;
      else if (c === '"') inString = false;
      continue;
    }
    if (c === '"') inString = true;
    else if (c === "[" || c === "{") {
      if (c === "{" && stack.length === arrayDepth && stack.at(-1) === "[") lines.push(line);
      stack.push(c);
      if (c === "[" && arrayDepth < 0) arrayDepth = stack.length;
    } else if (c === "]" || c === "}") stack.pop();
  }
  return lines;
}

// --- from rows to values ---------------------------------------------------------------------

const text = (v: string | number | null | undefined): string =>
  v === null || v === undefined ? "" : String(v).trim();

interface Measure {
  score?: number;
  hidden?: boolean;
  share?: number;
  answered?: number;
}

function collect(format: SourceFormat, rows: RawRow[], unit: UnitSelector): ParseResult {
  const counts = emptyCounts();
  const errors: ParseError[] = [];
  const values = new Map<string, SurveyValue>();
  const wantName = unit.name ? foldName(unit.name) : null;
  const wantOrg = unit.orgNumber ? unit.orgNumber.replace(/\s/g, "") : null;
  let schoolRows = 0;
  const units = new Map<string, { level: Level; folded: string }>();

  for (const row of rows) {
    counts.rows++;
    const broken = (row as { broken?: ParseError }).broken;
    if (broken) {
      errors.push(broken);
      continue;
    }
    const rowErrors: ParseError[] = [];
    const err = (field: Field, code: ParseError["code"], params?: ParseError["params"]) =>
      rowErrors.push({
        line: row.line,
        column: row.column(field),
        code,
        ...(params ? { params } : {}),
      });

    if (
      format === "skoleporten" &&
      !foldName(text(row.get("statistic"))).startsWith("elevundersøkelsen")
    ) {
      counts.skipped++;
      continue;
    }
    const unitName = text(row.get("unit"));
    if (unitName === "") {
      err("unit", "survey.missingValue");
      errors.push(...rowErrors);
      continue;
    }
    const org = text(row.get("org")).replace(/\s/g, "") || null;
    const levelField = text(row.get("levelField"));
    // A file repeats the same few units thousands of times: decide each once.
    const unitKey = `${unitName}\u0000${levelField}`;
    let unitInfo = units.get(unitKey);
    if (!unitInfo) {
      unitInfo = { level: levelOf(unitName, levelField || null), folded: foldName(unitName) };
      units.set(unitKey, unitInfo);
    }
    const level: Level = unitInfo.level;
    if (level === "school") {
      const mine =
        (wantName !== null && unitInfo.folded === wantName) ||
        (wantOrg !== null && org === wantOrg);
      if (!mine) {
        counts.otherUnits++;
        continue;
      }
      schoolRows++;
    }

    const yearRaw = text(row.get("year"));
    const schoolYear = normaliseSchoolYear(yearRaw);
    if (!yearRaw) err("year", "survey.missingValue");
    else if (!schoolYear) err("year", "survey.badYear", { value: yearRaw });
    const trinnRaw = text(row.get("trinn"));
    const trinn = normaliseTrinn(trinnRaw);
    if (!trinnRaw) err("trinn", "survey.missingValue");
    else if (!trinn) err("trinn", "survey.badTrinn", { value: trinnRaw });
    const genderRaw = text(row.get("gender"));
    const gender = normaliseGender(genderRaw);
    if (!genderRaw) err("gender", "survey.missingValue");
    else if (!gender) err("gender", "survey.badGender", { value: genderRaw });
    const indexName = text(row.get("indexName")) || text(row.get("indexGroup"));
    if (!indexName)
      err(row.get("indexName") !== undefined ? "indexName" : "indexGroup", "survey.missingValue");

    const measure = format === "skoleporten" ? skoleportenMeasure(row, err) : udirMeasure(row, err);
    if (rowErrors.length > 0 || !schoolYear || !trinn || !gender || !indexName || !measure) {
      errors.push(...rowErrors);
      continue;
    }
    if (measure === "none") {
      // Every value "not applicable" (null): nothing to store.
      counts.skipped++;
      continue;
    }
    if (measure.hidden) counts.hidden++;
    const key = { schoolYear, trinn, gender, indexName, level };
    const k = keyOf(key);
    const existing = values.get(k);
    if (!existing) {
      values.set(k, {
        ...key,
        unitName,
        orgNumber: org,
        score: measure.score ?? null,
        hidden: measure.hidden ?? false,
        shareBullied: measure.share ?? null,
        answered: measure.answered ?? null,
        lines: [row.line],
      });
      continue;
    }
    // The long format gives one measure per line: merge them, but never twice the same one
    // (or two units of one level, e.g. two counties, for one key).
    const clash =
      foldName(existing.unitName) !== foldName(unitName) ||
      (measure.score !== undefined || measure.hidden
        ? existing.score !== null || existing.hidden
        : false) ||
      (measure.share !== undefined && existing.shareBullied !== null) ||
      (measure.answered !== undefined && existing.answered !== null);
    if (clash) {
      errors.push({
        line: row.line,
        column: null,
        code: "survey.duplicate",
        params: { firstLine: existing.lines[0] ?? 0 },
      });
      continue;
    }
    if (measure.score !== undefined) existing.score = measure.score;
    if (measure.hidden) existing.hidden = true;
    if (measure.share !== undefined) existing.shareBullied = measure.share;
    if (measure.answered !== undefined) existing.answered = measure.answered;
    existing.lines.push(row.line);
  }

  if (schoolRows === 0 && counts.otherUnits > 0 && errors.length === 0) {
    errors.push({
      line: null,
      column: format === "skoleporten" ? (SKOLEPORTEN.unit ?? null) : (UDIR.unit ?? null),
      code: "survey.unitNotFound",
      params: { unit: unit.name ?? unit.orgNumber ?? "" },
    });
  }
  errors.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
  return { format, rows: errors.length > 0 ? [] : [...values.values()], errors, counts };
}

type ErrFn = (field: Field, code: ParseError["code"], params?: ParseError["params"]) => void;

function checkScore(field: Field, raw: string | number | null | undefined, err: ErrFn, m: Measure) {
  const n = parseNumber(raw === "\u0000invalid" ? "x" : raw);
  if (n.kind === "hidden") m.hidden = true;
  else if (n.kind === "invalid") err(field, "survey.badNumber", { value: text(raw).slice(0, 40) });
  else if (n.kind === "value") {
    if (n.value < 1 || n.value > 5) err(field, "survey.outOfRange", { min: 1, max: 5 });
    else m.score = n.value;
  }
}

function checkShare(field: Field, raw: string | number | null | undefined, err: ErrFn, m: Measure) {
  const n = parseNumber(raw === "\u0000invalid" ? "x" : raw);
  if (n.kind === "hidden") m.hidden = m.score === undefined ? true : (m.hidden ?? false);
  else if (n.kind === "invalid") err(field, "survey.badNumber", { value: text(raw).slice(0, 40) });
  else if (n.kind === "value") {
    if (n.value < 0 || n.value > 100) err(field, "survey.outOfRange", { min: 0, max: 100 });
    else m.share = n.value;
  }
}

function checkCount(field: Field, raw: string | number | null | undefined, err: ErrFn, m: Measure) {
  const n = parseNumber(raw === "\u0000invalid" ? "x" : raw);
  if (n.kind === "invalid") err(field, "survey.badNumber", { value: text(raw).slice(0, 40) });
  else if (n.kind === "value") {
    if (n.value < 0 || !Number.isInteger(n.value))
      err(field, "survey.badNumber", { value: text(raw).slice(0, 40) });
    else m.answered = n.value;
  }
}

function skoleportenMeasure(row: RawRow, err: ErrFn): Measure | "none" | null {
  const raw = row.get("value");
  if (text(raw) === "") {
    err("value", "survey.missingValue");
    return null;
  }
  const unitOfMeasure = foldName(text(row.get("unitOfMeasure")));
  const m: Measure = {};
  if (unitOfMeasure.includes("prosent") || unitOfMeasure.includes("%"))
    checkShare("value", raw, err, m);
  else if (unitOfMeasure.startsWith("antall")) {
    if (parseNumber(text(raw)).kind === "hidden") return "none";
    checkCount("value", raw, err, m);
  } else checkScore("value", raw, err, m);
  return m;
}

function udirMeasure(row: RawRow, err: ErrFn): Measure | "none" | null {
  const m: Measure = {};
  checkScore("score", row.get("score"), err, m);
  checkShare("share", row.get("share"), err, m);
  checkCount("answered", row.get("answered"), err, m);
  if (m.score === undefined && m.share === undefined && m.answered === undefined && !m.hidden) {
    return "none";
  }
  return m;
}
