// Small field-level helpers shared by the format parsers: column lookup by alias, cell access,
// dates, e-mail, grades and lists.
import { type CsvRow, type CsvTable, normalizeHeader } from "./detect.ts";
import { type Problem, problem } from "./types.ts";

export interface ColumnSpec {
  /** The canonical name, used in code and in problems when the column is missing. */
  name: string;
  aliases?: readonly string[];
  required?: boolean;
}

export interface Columns {
  /** Index of a canonical column in the file, or -1 if absent. */
  index(name: string): number;
  has(name: string): boolean;
  /** The header as the user wrote it (for problem reports), or the canonical name. */
  label(name: string): string;
}

export function resolveColumns(
  table: CsvTable,
  specs: readonly ColumnSpec[],
  problems: Problem[],
): { columns: Columns; ok: boolean } {
  const byAlias = new Map<string, string>();
  for (const spec of specs) {
    byAlias.set(normalizeHeader(spec.name), spec.name);
    for (const a of spec.aliases ?? []) byAlias.set(normalizeHeader(a), spec.name);
  }
  const index = new Map<string, number>();
  table.header.forEach((h, i) => {
    const canonical = byAlias.get(normalizeHeader(h));
    if (!canonical) return;
    if (index.has(canonical)) {
      problems.push(
        problem(table.file, table.headerLine, h, "import.duplicateColumn", { column: h }),
      );
      return;
    }
    index.set(canonical, i);
  });
  let ok = true;
  for (const spec of specs) {
    if (spec.required && !index.has(spec.name)) {
      ok = false;
      problems.push(
        problem(table.file, table.headerLine, null, "import.missingColumn", { column: spec.name }),
      );
    }
  }
  const columns: Columns = {
    index: (name) => index.get(name) ?? -1,
    has: (name) => index.has(name),
    label: (name) => {
      const i = index.get(name);
      return i === undefined ? name : (table.header[i] ?? name);
    },
  };
  return { columns, ok };
}

/** A trimmed cell value; "" when the column is absent or the row is short. */
export function cell(row: CsvRow, columns: Columns, name: string): string {
  const i = columns.index(name);
  return i < 0 ? "" : (row.cells[i] ?? "").trim();
}

/**
 * Rows longer than the header are accepted when the extra fields are empty (a trailing
 * separator, as in real OneRoster exports); otherwise the row is reported.
 */
export function checkExtraFields(table: CsvTable, row: CsvRow, problems: Problem[]): boolean {
  if (row.cells.length <= table.header.length) return true;
  const extra = row.cells.slice(table.header.length);
  if (extra.every((c) => c.trim() === "")) return true;
  problems.push(problem(table.file, row.line, null, "import.tooManyFields"));
  return false;
}

/** Accepts YYYY-MM-DD and the Norwegian DD.MM.YYYY (Excel's date format here); null if bad. */
export function parseDate(value: string): string | null {
  let y: number;
  let m: number;
  let d: number;
  let match = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(value);
  if (match) {
    y = Number(match[1]);
    m = Number(match[2]);
    d = Number(match[3]);
  } else {
    match = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(value);
    if (!match) return null;
    d = Number(match[1]);
    m = Number(match[2]);
    y = Number(match[3]);
  }
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) {
    return null;
  }
  if (y < 1900 || y > 2100) return null;
  return `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

// Deliberately simple: one @, no spaces, a dot in the domain. Exotic but valid addresses are
// rarer in school systems than typing errors such as "ola.nordmann@skole" or "ola@@skole.no".
const EMAIL = /^[^\s@"<>,;]+@[^\s@"<>,;]+\.[a-z]{2,}$/i;
export const isEmail = (value: string) => value.length <= 254 && EMAIL.test(value);

/** "09" -> "9", "Vg1" stays; OneRoster grade codes are zero-padded numbers. */
export function normalizeGrade(value: string): string | null {
  const v = value.trim();
  if (v === "") return null;
  if (/^\d+$/.test(v)) return String(Number(v));
  return v;
}

/** Splits a list cell on `,`, `|` or newline, trimming and dropping empties. */
export function splitList(value: string): string[] {
  return value
    .split(/[,|\n]/)
    .map((s) => s.trim())
    .filter((s) => s !== "");
}

/** Lower-cased with Norwegian letters folded, for matching enumeration values. */
export function fold(value: string): string {
  return value
    .trim()
    .toLowerCase()
    .replace(/æ/g, "ae")
    .replace(/ø/g, "o")
    .replace(/å/g, "a")
    .replace(/[\s\-_]+/g, "");
}
