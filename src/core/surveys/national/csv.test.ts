import { describe, expect, it } from "vitest";
import { detectDelimiter, readCsv } from "./csv.ts";

describe("readCsv", () => {
  it.each<[string, string, { line: number; fields: string[] }[], number[]]>([
    [
      "CRLF, final newline",
      "a;b\r\n1;2\r\n",
      [
        { line: 1, fields: ["a", "b"] },
        { line: 2, fields: ["1", "2"] },
      ],
      [],
    ],
    [
      "LF, no final newline",
      "a;b\n1;2",
      [
        { line: 1, fields: ["a", "b"] },
        { line: 2, fields: ["1", "2"] },
      ],
      [],
    ],
    [
      "blank lines skipped, numbering kept",
      "a\n\n\nb\n",
      [
        { line: 1, fields: ["a"] },
        { line: 4, fields: ["b"] },
      ],
      [],
    ],
    [
      "quotes, escaped quotes, delimiter inside",
      '"x;y";"say ""hi"""\n',
      [{ line: 1, fields: ["x;y", 'say "hi"'] }],
      [],
    ],
    [
      "a quoted newline keeps later line numbers right",
      '"a\nb";c\nd;e\n',
      [
        { line: 1, fields: ["a\nb", "c"] },
        { line: 3, fields: ["d", "e"] },
      ],
      [],
    ],
    ["empty fields", ";;\n", [{ line: 1, fields: ["", "", ""] }], []],
    ["an unclosed quote is reported", 'a;"b\n', [{ line: 1, fields: ["a", "b\n"] }], [1]],
  ])("%s", (_name, text, records, bad) => {
    const r = readCsv(text, ";");
    expect(r.records).toEqual(records);
    expect(r.badLines).toEqual(bad);
  });

  it.each([
    ["a;b;c", ";"],
    ["a,b,c", ","],
    ["a\tb\tc", "\t"],
    ["abc", ";"],
  ])("detects the delimiter of %j", (header, d) => {
    expect(detectDelimiter(header)).toBe(d);
  });
});
