// Reading a CSV file the way school administrators actually produce them: UTF-8 with or
// without BOM (Excel's "CSV UTF-8"), Windows-1252 (Excel's plain "CSV" on Norwegian Windows),
// UTF-16 ("Unicode text"), `;` as separator (Norwegian Excel, where `,` is the decimal
// separator), `,` (OneRoster, most exporters) or tab, CRLF line ends, missing final newline,
// and trailing empty rows like `;;;;`. No database here.
import { parse } from "csv-parse/sync";
import { type InputFile, type Problem, problem } from "./types.ts";

export type Sniffed = "text" | "notCsv" | "spreadsheet" | "zip";
export type Encoding = "utf-8" | "utf-16le" | "utf-16be" | "windows-1252";
export type Delimiter = "," | ";" | "\t";

const startsWith = (data: Uint8Array, bytes: readonly number[]) =>
  bytes.every((b, i) => data[i] === b);

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]; // old .xls
const UTF8_BOM = [0xef, 0xbb, 0xbf];
const UTF16LE_BOM = [0xff, 0xfe];
const UTF16BE_BOM = [0xfe, 0xff];

/** Tells a text file from a workbook, an archive or other binary data, by content only. */
export function sniff(data: Uint8Array): Sniffed {
  if (startsWith(data, OLE2)) return "spreadsheet";
  if (startsWith(data, ZIP)) {
    // An .xlsx is a zip whose first entries name the workbook's parts.
    const head = Buffer.from(data.subarray(0, 4096)).toString("latin1");
    return head.includes("[Content_Types].xml") || head.includes("xl/") ? "spreadsheet" : "zip";
  }
  if (startsWith(data, UTF16LE_BOM) || startsWith(data, UTF16BE_BOM)) return "text";
  const sample = data.subarray(0, 8192);
  let control = 0;
  for (const b of sample) {
    if (b === 0) return "notCsv";
    // Tab, LF, CR and form feed occur in text; other C0 control bytes hardly ever do.
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c) control++;
  }
  return control > sample.length / 100 ? "notCsv" : "text";
}

export interface Decoded {
  text: string;
  encoding: Encoding;
  /** True when the encoding was a guess (no BOM, not valid UTF-8). */
  guessed: boolean;
}

export function decode(data: Uint8Array): Decoded {
  if (startsWith(data, UTF8_BOM)) {
    return {
      text: new TextDecoder("utf-8").decode(data.subarray(3)),
      encoding: "utf-8",
      guessed: false,
    };
  }
  if (startsWith(data, UTF16LE_BOM)) {
    return {
      text: new TextDecoder("utf-16le").decode(data.subarray(2)),
      encoding: "utf-16le",
      guessed: false,
    };
  }
  if (startsWith(data, UTF16BE_BOM)) {
    return {
      text: new TextDecoder("utf-16be").decode(data.subarray(2)),
      encoding: "utf-16be",
      guessed: false,
    };
  }
  try {
    return {
      text: new TextDecoder("utf-8", { fatal: true }).decode(data),
      encoding: "utf-8",
      guessed: false,
    };
  } catch {
    // Not valid UTF-8: on Norwegian Windows that is almost always Windows-1252 (a superset of
    // latin1 in the printable range), so æøå come out right; the user is warned to check.
    return {
      text: new TextDecoder("windows-1252").decode(data),
      encoding: "windows-1252",
      guessed: true,
    };
  }
}

/** Picks the separator used most often in the header line (quotes respected). */
export function detectDelimiter(text: string): Delimiter {
  const counts: Record<Delimiter, number> = { ",": 0, ";": 0, "\t": 0 };
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === "\n" || ch === "\r")) break;
    else if (!quoted && (ch === "," || ch === ";" || ch === "\t")) counts[ch]++;
  }
  const best = (Object.entries(counts) as [Delimiter, number][]).sort((a, b) => b[1] - a[1])[0];
  return best && best[1] > 0 ? best[0] : ",";
}

export interface CsvRow {
  /** The line the row starts on, as an editor shows it (header = line 1). */
  line: number;
  cells: string[];
}

export interface CsvTable {
  file: string;
  header: string[];
  headerLine: number;
  rows: CsvRow[];
  encoding: Encoding | null;
  delimiter: Delimiter | null;
  problems: Problem[];
}

const countNewlines = (cells: readonly string[]) => {
  let n = 0;
  for (const c of cells) for (const ch of c) if (ch === "\n") n++;
  return n;
};

/** Reads one file into header + rows. Never throws on bad input: problems say what is wrong. */
export function readCsv(file: InputFile): CsvTable {
  const table: CsvTable = {
    file: file.name,
    header: [],
    headerLine: 1,
    rows: [],
    encoding: null,
    delimiter: null,
    problems: [],
  };
  const kind = sniff(file.data);
  if (kind !== "text") {
    const code =
      kind === "spreadsheet"
        ? "import.spreadsheet"
        : kind === "zip"
          ? "import.zip"
          : "import.notCsv";
    table.problems.push(problem(file.name, null, null, code));
    return table;
  }
  const decoded = decode(file.data);
  table.encoding = decoded.encoding;
  if (decoded.guessed) {
    table.problems.push(
      problem(file.name, null, null, "import.encodingFallback", { encoding: "Windows-1252" }),
    );
  }
  if (decoded.text.trim() === "") {
    table.problems.push(problem(file.name, null, null, "import.emptyFile"));
    return table;
  }
  const delimiter = detectDelimiter(decoded.text.replace(/^\s+/, ""));
  table.delimiter = delimiter;

  const skipped: { code: string; lines: number }[] = [];
  // One kind of line break: csv-parse counts a CRLF inside a quoted cell as two lines, which
  // would shift every later line number.
  const text = decoded.text.replace(/\r\n?/g, "\n");
  const records = parse(text, {
    delimiter,
    info: true,
    relax_quotes: true,
    relax_column_count: true,
    skip_empty_lines: true,
    skip_records_with_error: true,
    on_skip: (err) => {
      skipped.push({
        code: err?.code ?? "",
        lines: typeof err?.lines === "number" ? err.lines : 0,
      });
      return undefined;
    },
  }) as unknown as { record: string[]; info: { lines: number } }[];
  const lastLine = records.at(-1)?.info.lines ?? 0;
  for (const s of skipped) {
    // An unclosed quote swallows the rest of the file: point at where it starts.
    const line = s.code === "CSV_QUOTE_NOT_CLOSED" ? lastLine + 1 : s.lines;
    table.problems.push(problem(file.name, line, null, "import.csvSyntax"));
  }

  let first = true;
  for (const { record, info } of records) {
    const line = info.lines - countNewlines(record);
    if (first) {
      first = false;
      table.header = record.map((h) => h.trim());
      table.headerLine = line;
      continue;
    }
    // Excel leaves rows of bare separators where cells were once filled in.
    if (record.every((c) => c.trim() === "")) continue;
    table.rows.push({ line, cells: record });
  }
  if (table.header.length === 0) {
    table.problems.push(problem(file.name, null, null, "import.emptyFile"));
  }
  return table;
}

/** Normalizes a header for alias matching: case, spaces, dashes and dots do not matter. */
export function normalizeHeader(h: string): string {
  return h
    .trim()
    .toLowerCase()
    .replace(/[\s\-.]+/g, "_");
}
