import fs from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  decodeSurveyFile,
  detectFormat,
  parseNationalSurvey,
  SKOLEPORTEN_HEADER,
} from "./parse.ts";
import { applyPlan, planImport } from "./plan.ts";
import { syntheticSkoleportenFile } from "./synthetic.ts";
import type { ParseError } from "./types.ts";

const REAL = path.resolve(
  import.meta.dirname,
  "../../../../test/fixtures/surveys-national/nedlasting.csv",
);

/** A Skoleporten file as the download gives it: BOM, CRLF, ";". */
const skoleporten = (...rows: string[]) =>
  `\uFEFF${[SKOLEPORTEN_HEADER, ...rows].join("\r\n")}\r\n`;
const eu = (
  unit: string,
  index: string,
  period: string,
  trinn: string,
  gender: string,
  value: string,
  measure = "Snitt",
) =>
  [
    unit,
    "Grunnskole",
    "Læringsmiljø",
    "Elevundersøkelsen",
    index,
    period,
    "Offentlig",
    trinn,
    gender,
    value,
    measure,
  ].join(";");

const where = (errors: ParseError[]) => errors.map((e) => `${e.line}:${e.column}:${e.code}`);

describe("the real Skoleporten download", () => {
  const bytes = fs.readFileSync(REAL);
  const decoded = decodeSurveyFile(bytes);

  it("decodes (UTF-8 with BOM) and is detected as Skoleporten", () => {
    expect("text" in decoded).toBe(true);
    if ("text" in decoded) expect(detectFormat(decoded.text)).toBe("skoleporten");
  });

  it("skips and counts every row: it holds national tests, not Elevundersøkelsen", () => {
    if (!("text" in decoded)) throw new Error("not decoded");
    const r = parseNationalSurvey(decoded.text, { name: "  AUGLEND SKOLE " });
    expect(r.errors).toEqual([]);
    expect(r.rows).toEqual([]);
    expect(r.counts).toEqual({ rows: 6233, hidden: 0, otherUnits: 0, skipped: 6233 });
  });
});

describe("Skoleporten Elevundersøkelsen rows", () => {
  it("reads scores, hidden values, percent and count lines, comparison units; skips other statistics", () => {
    const text = skoleporten(
      eu("Bjørkely skole", "Trivsel", "2022-2023", "Trinn 7", "Begge kjønn", "4,3"),
      eu("Bjørkely skole", "Trivsel", "2022-2023", "Trinn 7", "Jenter", "."),
      eu("Bjørkely skole", "Mobbing på skolen", "2022-2023", "Trinn 7", "Begge kjønn", "4,8"),
      eu(
        "Bjørkely skole",
        "Mobbing på skolen",
        "2022-2023",
        "Trinn 7",
        "Begge kjønn",
        "6,5",
        "Prosent",
      ),
      eu(
        "Bjørkely skole",
        "Mobbing på skolen",
        "2022-2023",
        "Trinn 7",
        "Begge kjønn",
        "46",
        "Antall",
      ),
      eu("Annen skole", "Trivsel", "2022-2023", "Trinn 7", "Begge kjønn", "4,1"),
      eu("Rogaland fylkeskommune", "Trivsel", "2022-2023", "Trinn 7", "Begge kjønn", "4,2"),
      eu("Nasjonalt", "Trivsel", "2022-2023", "Trinn 7", "Begge kjønn", "4,25"),
      "Bjørkely skole;Grunnskole;Læringsresultater;Nasjonale prøver 5. trinn;Engelsk;2022-2023;Offentlig;Trinn 5;Begge kjønn;53;Skalapoeng",
    );
    const r = parseNationalSurvey(text, { name: "bjørkely skole" });
    expect(r.errors).toEqual([]);
    expect(r.format).toBe("skoleporten");
    expect(r.counts).toEqual({ rows: 9, hidden: 1, otherUnits: 1, skipped: 1 });
    const pick = (index: string, gender: string, level: string) =>
      r.rows.find((v) => v.indexName === index && v.gender === gender && v.level === level);
    expect(pick("Trivsel", "all", "school")).toMatchObject({
      schoolYear: "2022-23",
      trinn: "7",
      score: 4.3,
      hidden: false,
    });
    expect(pick("Trivsel", "female", "school")).toMatchObject({ score: null, hidden: true });
    expect(pick("Mobbing på skolen", "all", "school")).toMatchObject({
      score: 4.8,
      shareBullied: 6.5,
      answered: 46,
      lines: [4, 5, 6],
    });
    expect(pick("Trivsel", "all", "county")).toMatchObject({
      unitName: "Rogaland fylkeskommune",
      score: 4.2,
    });
    expect(pick("Trivsel", "all", "national")).toMatchObject({ score: 4.25 });
    expect(r.rows).toHaveLength(5);
  });

  it("reads a generated upper secondary file (Vg1–Vg3, three genders, two years)", () => {
    const text = syntheticSkoleportenFile({
      units: [
        { name: "Demo videregående skole", offset: 0 },
        { name: "Viken fylkeskommune", offset: 0.05 },
        { name: "Nasjonalt", offset: 0 },
      ],
      years: ["2024-25", "2025-26"],
      trinn: ["Vg1", "Vg2", "Vg3"],
      seed: 7,
      hide: { trinn: "Vg3", gender: "Gutter" },
    });
    const r = parseNationalSurvey(text, { name: "Demo videregående skole" });
    expect(r.errors).toEqual([]);
    // 3 units × 2 years × 3 trinn × 3 genders × 5 indices.
    expect(r.counts).toEqual({ rows: 270, hidden: 10, otherUnits: 0, skipped: 0 });
    expect(new Set(r.rows.map((v) => v.trinn))).toEqual(new Set(["Vg1", "Vg2", "Vg3"]));
    expect(new Set(r.rows.map((v) => v.level))).toEqual(new Set(["school", "county", "national"]));
  });
});

describe("Udir statistics API rows", () => {
  const apiRows = [
    {
      EnhetNavn: "Bjørkely skole ",
      Organisasjonsnummer: "974600000",
      Skoleaarnavn: "2021-22",
      Trinnnavn: "Videregående trinn 1",
      Kjoenn: "Alle kjønn",
      Spoersmaalgruppe: "Læringsmiljø",
      Spoersmaalnavn: "Trivsel ",
      Score: "4,1",
      AntallBesvart: "1 187",
      AndelMobbet: null,
    },
    {
      EnhetNavn: "Bjørkely skole",
      Organisasjonsnummer: "974600000",
      Skoleaarnavn: "2021-22",
      Trinnnavn: "Videregående trinn 1",
      Kjoenn: "Gutter",
      Spoersmaalgruppe: "Læringsmiljø",
      Spoersmaalnavn: "Trivsel",
      Score: "*",
      AntallBesvart: "*",
      AndelMobbet: null,
    },
    {
      EnhetNavn: "Bjørkely skole",
      Organisasjonsnummer: "974600000",
      Skoleaarnavn: "2021-22",
      Trinnnavn: "Videregående trinn 1",
      Kjoenn: "Alle kjønn",
      Spoersmaalgruppe: "Mobbing",
      Spoersmaalnavn: "Mobbing på skolen",
      Score: null,
      AntallBesvart: "1 187",
      AndelMobbet: "5,2",
    },
    {
      EnhetNavn: "Hele landet",
      Organisasjonsnummer: null,
      Skoleaarnavn: "2021-22",
      Trinnnavn: "Videregående trinn 1",
      Kjoenn: "Alle kjønn",
      Spoersmaalgruppe: "Læringsmiljø",
      Spoersmaalnavn: "Trivsel",
      Score: "4,2",
      AntallBesvart: "63 187",
      AndelMobbet: null,
    },
    {
      EnhetNavn: "Annen vgs",
      Organisasjonsnummer: "974600001",
      Skoleaarnavn: "2021-22",
      Trinnnavn: "7. trinn",
      Kjoenn: "Jenter",
      Spoersmaalgruppe: "Læringsmiljø",
      Spoersmaalnavn: "Trivsel",
      Score: "4,0",
      AntallBesvart: "30",
      AndelMobbet: null,
    },
    {
      EnhetNavn: "Bjørkely skole",
      Organisasjonsnummer: "974600000",
      Skoleaarnavn: "2021-22",
      Trinnnavn: "Videregående trinn 2",
      Kjoenn: "Alle kjønn",
      Spoersmaalgruppe: "Læringsmiljø",
      Spoersmaalnavn: "Trivsel",
      Score: null,
      AntallBesvart: null,
      AndelMobbet: null,
    },
  ];

  const expectApiResult = (r: ReturnType<typeof parseNationalSurvey>) => {
    expect(r.errors).toEqual([]);
    expect(r.counts).toEqual({ rows: 6, hidden: 1, otherUnits: 1, skipped: 1 });
    expect(
      r.rows.map((v) => [
        v.level,
        v.unitName,
        v.trinn,
        v.gender,
        v.indexName,
        v.score,
        v.hidden,
        v.shareBullied,
        v.answered,
      ]),
    ).toEqual([
      ["school", "Bjørkely skole", "Vg1", "all", "Trivsel", 4.1, false, null, 1187],
      ["school", "Bjørkely skole", "Vg1", "male", "Trivsel", null, true, null, null],
      ["school", "Bjørkely skole", "Vg1", "all", "Mobbing på skolen", null, false, 5.2, 1187],
      ["national", "Hele landet", "Vg1", "all", "Trivsel", 4.2, false, null, 63187],
    ]);
  };

  it("reads the JSON array the API returns, choosing the unit by org number", () => {
    const r = parseNationalSurvey(JSON.stringify(apiRows, null, 2), { orgNumber: "974 600 000" });
    expect(r.format).toBe("udirJson");
    expectApiResult(r);
  });

  it("points at the line a pretty-printed record starts on", () => {
    const broken = apiRows.map((r, i) => (i === 1 ? { ...r, Score: "høy" } : r));
    const r = parseNationalSurvey(JSON.stringify(broken, null, 2), { orgNumber: "974600000" });
    // "[" on line 1; each record is "{", 10 fields and "}" = 12 lines.
    expect(where(r.errors)).toEqual(["14:Score:survey.badNumber"]);
  });

  it("reads the same rows as CSV, choosing the unit by name", () => {
    const cols = Object.keys(apiRows[0] ?? {});
    const csv = [
      cols.join(";"),
      ...apiRows.map((row) =>
        cols
          .map((c) => {
            const v = (row as Record<string, string | null>)[c];
            return v === null ? "" : `"${v}"`;
          })
          .join(";"),
      ),
    ].join("\n");
    const r = parseNationalSurvey(csv, { name: "BJØRKELY SKOLE" });
    expect(r.format).toBe("udirCsv");
    expectApiResult(r);
  });
});

describe("broken files: every unreadable row reported, nothing taken", () => {
  it.each<[string, string, string[]]>([
    ["empty file", "", ["null:null:survey.emptyFile"]],
    ["only a BOM and blank lines", "\uFEFF\r\n\r\n", ["null:null:survey.emptyFile"]],
    ["not a survey file", "navn;alder\r\nOla;12\r\n", ["1:null:survey.unknownFormat"]],
    [
      "header missing a column",
      "Enhetsnavn;Statistikk;Indikator/delskår;Periode;Trinn;Kjønn;Verdi\r\nX;Elevundersøkelsen;Trivsel;2022-2023;Trinn 7;Jenter;4\r\n",
      ["1:Måleenhet:survey.missingColumn"],
    ],
    [
      "bad number, bad year, bad trinn, bad gender, out of range, missing value, short row",
      skoleporten(
        eu("S", "Trivsel", "2022-2023", "Trinn 7", "Begge kjønn", "4,x"),
        eu("S", "Trivsel", "2022-2024", "Trinn 7", "Jenter", "4"),
        eu("S", "Trivsel", "2022-2023", "Trinn 12", "Gutter", "4"),
        eu("S", "Mestring", "2022-2023", "Trinn 7", "Alle", "4").replace(";Alle;", ";Ukjent;"),
        eu("S", "Mestring", "2022-2023", "Trinn 7", "Jenter", "7,5"),
        eu("S", "Mestring", "2022-2023", "Trinn 7", "Gutter", ""),
        "S;Grunnskole;Læringsmiljø;Elevundersøkelsen;Trivsel",
      ),
      [
        "2:Verdi:survey.badNumber",
        "3:Periode:survey.badYear",
        "4:Trinn:survey.badTrinn",
        "5:Kjønn:survey.badGender",
        "6:Verdi:survey.outOfRange",
        "7:Verdi:survey.missingValue",
        "8:null:survey.fieldCount",
      ],
    ],
    [
      "the same value twice",
      skoleporten(
        eu("S", "Trivsel", "2022-2023", "Trinn 7", "Jenter", "4"),
        eu("S", "Trivsel", "2022-2023", "Trinn 7", "Jenter", "4,1"),
      ),
      ["3:null:survey.duplicate"],
    ],
    [
      "no rows for the chosen unit",
      skoleporten(eu("Annen skole", "Trivsel", "2022-2023", "Trinn 7", "Jenter", "4")),
      ["null:Enhetsnavn:survey.unitNotFound"],
    ],
    ["broken JSON", '[{"EnhetNavn": "S",', ["null:null:survey.badJson"]],
    [
      "JSON without a score column",
      '[{"EnhetNavn":"S","Skoleaarnavn":"2021-22","Trinnnavn":"7. trinn","Kjoenn":"Jenter","Spoersmaalnavn":"Trivsel"}]',
      ["null:Score:survey.missingColumn"],
    ],
    [
      "JSON bad number in one record",
      '[{"EnhetNavn":"S","Skoleaarnavn":"2021-22","Trinnnavn":"7. trinn","Kjoenn":"Jenter","Spoersmaalnavn":"Trivsel","Score":"4,1"},{"EnhetNavn":"S","Skoleaarnavn":"2021-22","Trinnnavn":"7. trinn","Kjoenn":"Gutter","Spoersmaalnavn":"Trivsel","Score":"høy"}]',
      ["2:Score:survey.badNumber"],
    ],
  ])("%s", (_name, text, expected) => {
    const r = parseNationalSurvey(text, { name: "S" });
    expect(where(r.errors)).toEqual(expected);
    expect(r.rows).toEqual([]);
  });

  it.each<[string, Uint8Array, string]>([
    ["an empty upload", new Uint8Array(), "survey.emptyFile"],
    ["a zip / xlsx file", new Uint8Array([0x50, 0x4b, 3, 4, 20, 0]), "survey.binaryFile"],
    ["binary with NUL bytes", new Uint8Array([1, 0, 2, 0, 3]), "survey.binaryFile"],
    ["Latin-1 text (not UTF-8)", Buffer.from("Enhetsnavn;Kjønn\n", "latin1"), "survey.encoding"],
  ])("refuses %s", (_name, bytes, code) => {
    const d = decodeSurveyFile(bytes);
    expect("error" in d && d.error.code).toBe(code);
  });
});

describe("re-import", () => {
  it("a second import of the same file changes nothing; a corrected value is an update", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 10_000 }),
        fc.integer({ min: 0, max: 29 }),
        (seed, pick) => {
          const spec = {
            units: [
              { name: "S", offset: 0 },
              { name: "Nasjonalt", offset: 0 },
            ],
            years: ["2024-25"],
            trinn: ["Trinn 10"],
            seed,
          };
          const first = parseNationalSurvey(syntheticSkoleportenFile(spec), { name: "S" });
          expect(first.errors).toEqual([]);
          const stored = applyPlan([], planImport([], first.rows));
          const again = planImport(
            stored,
            parseNationalSurvey(syntheticSkoleportenFile(spec), { name: "S" }).rows,
          );
          expect(again).toEqual({ inserts: [], updates: [], unchanged: first.rows.length });
          // Correct one value: exactly that one is updated.
          const corrected = first.rows.map((v, i) =>
            i === pick ? { ...v, score: v.score === 5 ? 4 : 5 } : v,
          );
          const fix = planImport(stored, corrected);
          expect([fix.inserts.length, fix.updates.length, fix.unchanged]).toEqual([
            0,
            1,
            first.rows.length - 1,
          ]);
        },
      ),
      { numRuns: 50 },
    );
  });
});
