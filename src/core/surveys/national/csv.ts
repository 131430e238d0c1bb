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
  const n = text.length;
  let line = 1;
  let i = 0;
  while (i < n) {
    const start = line;
    const fields: string[] = [];
    let ended = false;
    // One field per pass: quoted fields are unescaped, plain ones sliced out whole.
    while (true) {
      if (text[i] === '"') {
        let value = "";
        let from = i + 1;
        let closed = false;
        while (from <= n) {
          const q = text.indexOf('"', from);
          if (q < 0) {
            value += text.slice(from);
            i = n;
            break;
          }
          value += text.slice(from, q);
          if (text[q + 1] === '"') {
            value += '"';
            from = q + 2;
            continue;
          }
          i = q + 1;
          closed = true;
          break;
        }
        for (const ch of value) if (ch === "\n") line++;
        if (!closed) badLines.push(start);
        // Anything between the closing quote and the delimiter is kept, as spreadsheets do.
        let j = i;
        while (j < n && text[j] !== delimiter && text[j] !== "\n" && text[j] !== "\r") j++;
        fields.push(value + text.slice(i, j));
        i = j;
      } else {
        let j = i;
        while (j < n && text[j] !== delimiter && text[j] !== "\n" && text[j] !== "\r") j++;
        fields.push(text.slice(i, j));
        i = j;
      }
      if (i >= n) break;
      const c = text[i];
      if (c === delimiter) {
        i++;
        continue;
      }
      // End of the record: \r\n, \n or \r.
      i += c === "\r" && text[i + 1] === "\n" ? 2 : 1;
      line++;
      ended = true;
      break;
    }
    // Blank lines (also the one after a final newline) are not records.
    if (!(fields.length === 1 && fields[0]?.trim() === "")) records.push({ line: start, fields });
    if (!ended) break;
  }
  return { records, badLines };
}
