// A small CSV reader that keeps the line each record starts on (for error reports). Quotes
// follow RFC 4180 ("" inside quotes); a quoted field may span lines.

export interface CsvRecord {
  line: number;
  fields: string[];
}

export interface CsvResult {
  records: CsvRecord[];
  /** Lines where a quote was left open. */
  badLines: number[];
}

/** Picks the separator the header uses most: ";", "\t" or ",". */
export function detectDelimiter(headerLine: string): string {
  const counts = [";", "\t", ","].map((d) => [d, headerLine.split(d).length - 1] as const);
  counts.sort((a, b) => b[1] - a[1]);
  return counts[0]?.[1] ? counts[0][0] : ";";
}

export function readCsv(text: string, delimiter: string): CsvResult {
  const records: CsvRecord[] = [];
  const badLines: number[] = [];
  let line = 1;
  let i = 0;
  const n = text.length;
  while (i < n) {
    const start = line;
    const fields: string[] = [];
    let field = "";
    let quoted = false;
    let atFieldStart = true;
    let ended = false;
    while (i < n) {
      const c = text[i] as string;
      if (quoted) {
        if (c === '"') {
          if (text[i + 1] === '"') {
            field += '"';
            i += 2;
            continue;
          }
          quoted = false;
          i++;
          continue;
        }
        if (c === "\n") line++;
        field += c;
        i++;
        continue;
      }
      if (c === '"' && atFieldStart) {
        quoted = true;
        atFieldStart = false;
        i++;
        continue;
      }
      if (c === delimiter) {
        fields.push(field);
        field = "";
        atFieldStart = true;
        i++;
        continue;
      }
      if (c === "\r" && text[i + 1] === "\n") i++;
      if (c === "\n" || c === "\r") {
        i++;
        line++;
        ended = true;
        break;
      }
      field += c;
      atFieldStart = false;
      i++;
    }
    if (quoted) badLines.push(start);
    fields.push(field);
    // Blank lines (also the one after a final newline) are not records.
    if (!(fields.length === 1 && fields[0]?.trim() === "")) records.push({ line: start, fields });
    if (!ended && i >= n) break;
  }
  return { records, badLines };
}
