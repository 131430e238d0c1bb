// The import parsers without a database: encodings, separators, line numbers, and the
// OneRoster quirks of real exports, one at a time.
import { describe, expect, it } from "vitest";
import { parseCsvTemplate } from "../../src/server/people/import/csv-template.ts";
import { decode, detectDelimiter, readCsv, sniff } from "../../src/server/people/import/detect.ts";
import { parseDate } from "../../src/server/people/import/fields.ts";
import { problemMessage } from "../../src/server/people/import/messages.ts";
import { parseOneRoster } from "../../src/server/people/import/oneroster.ts";
import type { InputFile } from "../../src/server/people/import/types.ts";
import { oneRosterFiles } from "../fixtures/import/helpers.ts";

const file = (name: string, text: string | Buffer): InputFile => ({
  name,
  data: typeof text === "string" ? Buffer.from(text, "utf8") : text,
});

function withFile(name: string, edit: (text: string) => string): InputFile[] {
  return oneRosterFiles().map((f) =>
    f.name === name ? file(name, edit(Buffer.from(f.data).toString("utf8"))) : f,
  );
}

const codes = (r: { problems: { code: string }[] }) => r.problems.map((p) => p.code);

describe("reading CSV files", () => {
  it.each([
    ["UTF-8 with BOM", Buffer.from("\uFEFFfornavn\nÅse\n", "utf8"), "utf-8", false],
    ["UTF-8 without BOM", Buffer.from("fornavn\nÅse\n", "utf8"), "utf-8", false],
    ["Windows-1252", Buffer.from("fornavn\nÅse\n", "latin1"), "windows-1252", true],
    [
      "UTF-16LE with BOM (Excel's Unicode text)",
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from("fornavn\nÅse\n", "utf16le")]),
      "utf-16le",
      false,
    ],
  ] as const)("%s", (_name, data, encoding, guessed) => {
    expect(sniff(data)).toBe("text");
    const d = decode(data);
    expect(d).toMatchObject({ encoding, guessed });
    expect(d.text).toBe("fornavn\nÅse\n");
  });

  it.each([
    ["type;id;fornavn", ";"],
    ["type,id,fornavn", ","],
    ["type\tid\tfornavn", "\t"],
    ['"a;b",c,d', ","],
    ["single", ","],
  ])("separator of %j is %j", (header, expected) => {
    expect(detectDelimiter(`${header}\r\nx`)).toBe(expected);
  });

  it("tells workbooks, archives and binary data from text", () => {
    expect(sniff(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0]))).toBe(
      "spreadsheet",
    );
    expect(sniff(Buffer.concat([Buffer.from("PK\x03\x04"), Buffer.from("xl/workbook.xml")]))).toBe(
      "spreadsheet",
    );
    expect(sniff(Buffer.concat([Buffer.from("PK\x03\x04"), Buffer.from("users.csv")]))).toBe("zip");
    expect(sniff(Buffer.from([0x25, 0x50, 0x44, 0x46, 0, 1, 2]))).toBe("notCsv");
  });

  it("numbers lines as an editor does: CRLF, empty lines, multi-line cells, separator rows", () => {
    const t = readCsv(file("x.csv", 'a;b\r\n1;2\r\n\r\n"multi\r\nline";3\r\n;;\r\n4;5'));
    expect(t.header).toEqual(["a", "b"]);
    expect(t.rows.map((r) => [r.line, r.cells[0]])).toEqual([
      [2, "1"],
      [4, "multi\nline"],
      [7, "4"],
    ]);
  });

  it("reports an unclosed quote at the line where it opens", () => {
    const t = readCsv(file("x.csv", 'a,b\n1,2\n3,"4\n5,6\n'));
    expect(t.problems).toEqual([
      expect.objectContaining({ line: 3, code: "import.csvSyntax", severity: "error" }),
    ]);
  });

  it.each([
    ["2011-03-14", "2011-03-14"],
    ["14.03.2011", "2011-03-14"],
    ["1.3.2011", "2011-03-01"],
    ["2011-02-30", null],
    ["31.04.2011", null],
    ["14/03/2011", null],
  ])("date %s -> %s", (input, expected) => {
    expect(parseDate(input)).toBe(expected);
  });
});

describe("OneRoster quirks", () => {
  it("the sample set parses without problems", () => {
    const r = parseOneRoster(oneRosterFiles(), { schoolExternalId: null });
    expect(r.problems).toEqual([]);
    expect(r.batch.people).toHaveLength(10);
    expect(r.batch.groups).toHaveLength(2);
    // 24 enrollments: 10 students twice (two terms) and 2 teachers twice.
    expect(r.batch.memberships).toHaveLength(12);
  });

  it("accepts a trailing empty field but reports a real extra value", () => {
    const r = parseOneRoster(
      withFile("users.csv", (t) =>
        t.replace(
          "Kelley.Christian@studentgps.org,,,,,,",
          "Kelley.Christian@studentgps.org,,,,,,x",
        ),
      ),
      { schoolExternalId: null },
    );
    expect(r.problems).toContainEqual(
      expect.objectContaining({ file: "users.csv", line: 10, code: "import.tooManyFields" }),
    );
  });

  it("refuses delta files and unknown versions; accepts manifest.version 1", () => {
    const r = parseOneRoster(
      withFile("manifest.csv", (t) =>
        t
          .replace("file.users,bulk", "file.users,delta")
          .replace("oneroster.version,1.1", "oneroster.version,1.2"),
      ),
      { schoolExternalId: null },
    );
    expect(codes(r)).toEqual(["import.manifestVersion", "import.deltaNotSupported"]);
  });

  it("reports a file the manifest promises but the upload lacks", () => {
    const files = oneRosterFiles().filter((f) => f.name !== "enrollments.csv");
    const r = parseOneRoster(files, { schoolExternalId: null });
    expect(r.problems).toContainEqual(
      expect.objectContaining({ file: "enrollments.csv", code: "import.missingFile" }),
    );
  });

  it("skips rows marked tobedeleted and disabled users, with a warning", () => {
    const r = parseOneRoster(
      withFile("users.csv", (t) =>
        t
          .replace("604863,,,true", "604863,tobedeleted,,true")
          .replace("604874,,,true", "604874,,,false"),
      ),
      { schoolExternalId: null },
    );
    expect(r.problems.map((p) => [p.line, p.code, p.severity])).toEqual([
      [2, "import.inactive", "warning"],
      [3, "import.inactive", "warning"],
    ]);
    expect(r.batch.people).toHaveLength(8);
    // Their enrollments are skipped silently, not reported as unknown users.
    expect(r.batch.memberships.some((m) => m.personKey === "604863")).toBe(false);
  });

  it("homeroom classes become classes with contact teachers; pupils' roles name them", () => {
    const r = parseOneRoster(
      withFile("classes.csv", (t) => t.replace("English I,scheduled", "English I,homeroom")),
      { schoolExternalId: null },
    );
    const eng = r.batch.groups.find((g) => g.name === "ENG-1");
    expect(eng).toMatchObject({ kind: "class", subject: null });
    expect(r.batch.roles).toContainEqual({
      personKey: "207268",
      role: "contactTeacher",
      groupKey: eng?.key,
      grade: null,
    });
    expect(r.batch.roles).toContainEqual({
      personKey: "604969",
      role: "pupil",
      groupKey: eng?.key,
      grade: "9",
    });
  });

  it("links guardians through agentSourcedIds and maps roles", () => {
    const r = parseOneRoster(
      withFile(
        "users.csv",
        (t) =>
          `${t}\n900001,,,true,255901001,parent,P One,{Feide:p.one@foresatt.no},Pia,Archer,,,pia@example.invalid,,,604863,,\n` +
          "900002,,,true,255901001,administrator,A Two,,Ada,Admin,,,,,,,,\n" +
          "900003,,,true,255901001,relative,R Three,,Rolf,Rel,,,,,,,,\n" +
          "900004,,,true,255901001,janitor,J Four,,Jan,Jan,,,,,,,,",
      ),
      { schoolExternalId: null },
    );
    expect(r.batch.guardianships).toEqual([{ guardianKey: "900001", pupilKey: "604863" }]);
    expect(r.batch.people.find((p) => p.key === "900001")?.feideId).toBe("p.one@foresatt.no");
    expect(r.problems.map((p) => [p.line, p.code])).toEqual([
      [13, "import.roleNotGranted"],
      [14, "import.roleSkipped"],
      [15, "import.unknownRole"],
    ]);
  });

  it("finds a class's course by sourcedId or by course code", () => {
    const r = parseOneRoster(
      withFile("classes.csv", (t) =>
        t.replace(",03100500,", ",ALG-1,").replace(",ENG-1,English I", ",NOPE,English I"),
      ),
      { schoolExternalId: null },
    );
    const alg = r.batch.groups.find((g) => g.name === "ALG-1");
    expect(alg?.subject).toBe("Algebra I");
    expect(r.problems).toEqual([
      expect.objectContaining({ line: 2, code: "import.unknownCourse", severity: "warning" }),
    ]);
  });

  it("picks the school org by external id when the set has several", () => {
    const files = withFile(
      "orgs.csv",
      (t) => `${t}\n255901002,,,Other High School,school,,255901,,,,,`,
    );
    expect(codes(parseOneRoster(files, { schoolExternalId: null }))).toContain(
      "import.orgMismatch",
    );
    const r = parseOneRoster(files, { schoolExternalId: "255901001" });
    expect(codes(r)).not.toContain("import.orgMismatch");
    expect(r.batch.people).toHaveLength(10);
  });
});

describe("CSV template", () => {
  it("accepts Norwegian column names and values", () => {
    const r = parseCsvTemplate(
      file(
        "x.csv",
        "Kategori;Ekstern ID;Fornavn;Etternavn;E-post;Fødselsdato;Kjønn;Klasse;Trinn\n" +
          "Elev;1;Åse;Ødegård;ASE@Skole.Invalid;14.03.2011;Jente;8A;08\n",
      ),
    );
    expect(r.problems).toEqual([]);
    expect(r.batch.people[0]).toMatchObject({
      key: "1",
      email: "ase@skole.invalid",
      birthDate: "2011-03-14",
      gender: "female",
    });
    expect(r.batch.groups[0]).toMatchObject({ key: "class:8a", kind: "class", grade: "8" });
  });

  it("reports every bad cell of a row, not only the first", () => {
    const r = parseCsvTemplate(
      file(
        "x.csv",
        "type;id;fornavn;etternavn;e-post;fødselsdato;kjønn\nelv;;Ola;;bad;30.02.2011;x\n",
      ),
    );
    expect(r.problems.map((p) => [p.line, p.column, p.code])).toEqual([
      [2, "type", "import.unknownType"],
      [2, "id", "import.missingValue"],
      [2, "etternavn", "import.missingValue"],
      [2, "e-post", "import.badEmail"],
      [2, "fødselsdato", "import.badDate"],
      [2, "kjønn", "import.badValue"],
    ]);
  });

  it("gives a teacher without class or group no role, with a warning", () => {
    const r = parseCsvTemplate(file("x.csv", "type;id;fornavn;etternavn\nlærer;t1;Kari;Lærer\n"));
    expect(r.batch.roles).toEqual([]);
    expect(r.problems).toEqual([
      expect.objectContaining({ code: "import.roleNotGranted", severity: "warning" }),
    ]);
  });
});

describe("problem messages", () => {
  it("fill in parameters in every language", () => {
    expect(problemMessage("nb", "import.duplicateId", { id: "7", firstLine: 3 })).toBe(
      "Id-en «7» er brukt før, på linje 3.",
    );
    expect(problemMessage("nn", "import.unknownRole", { value: "x" })).toBe("Ukjend rolle «x».");
    expect(problemMessage("en", "import.missingColumn", { column: "id" })).toBe(
      "The column “id” is missing from the header row.",
    );
  });
});
