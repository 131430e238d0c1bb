// The shape national survey results (Elevundersøkelsen) are parsed into. Parsers turn file
// text into this without any I/O; the server stores it.

export type Gender = "all" | "female" | "male";
export const GENDERS: readonly Gender[] = ["all", "female", "male"];

/** Whose figure a value is: the school's own, or a comparison figure from the same file. */
export type Level = "school" | "municipality" | "county" | "national";
export const LEVELS: readonly Level[] = ["school", "municipality", "county", "national"];

export type SourceFormat = "skoleporten" | "udirJson" | "udirCsv";

/** Why a row or file cannot be read. Texts live with the server (translated). */
export type ParseErrorCode =
  | "survey.emptyFile"
  | "survey.binaryFile"
  | "survey.encoding"
  | "survey.unknownFormat"
  | "survey.badJson"
  | "survey.missingColumn"
  | "survey.csvSyntax"
  | "survey.fieldCount"
  | "survey.missingValue"
  | "survey.badNumber"
  | "survey.outOfRange"
  | "survey.badYear"
  | "survey.badTrinn"
  | "survey.badGender"
  | "survey.duplicate"
  | "survey.unitNotFound"
  | "survey.tooManyRows";

export interface ParseError {
  /** Line in the file as the user sees it (header = 1); for JSON the record's number. */
  line: number | null;
  /** The column (field) name as written in the file. */
  column: string | null;
  code: ParseErrorCode;
  params?: Record<string, string | number>;
}

/** The identity of one stored value: one school's figure for one group and index. */
export interface ResultKey {
  schoolYear: string;
  trinn: string;
  gender: Gender;
  indexName: string;
  level: Level;
}

export interface SurveyValue extends ResultKey {
  unitName: string;
  orgNumber: string | null;
  /** The index on its 1–5 scale; null when hidden or not given. */
  score: number | null;
  /** The score is hidden by Udir (too few answers). */
  hidden: boolean;
  /** Share who report being bullied, percent. */
  shareBullied: number | null;
  /** Number of pupils who answered. */
  answered: number | null;
  /** The file lines this value was read from. */
  lines: number[];
}

export interface ParseCounts {
  /** Data rows in the file (header excluded). */
  rows: number;
  /** Data rows whose value is hidden, among the rows taken. */
  hidden: number;
  /** Rows for other schools (comparison rows are taken, not counted here). */
  otherUnits: number;
  /** Rows that are not Elevundersøkelsen, or carry no value at all. */
  skipped: number;
}

export interface ParseResult {
  format: SourceFormat | null;
  rows: SurveyValue[];
  errors: ParseError[];
  counts: ParseCounts;
}

/** Which unit of a many-school file is ours: by name (trimmed, case-folded) or org number. */
export interface UnitSelector {
  name?: string | null;
  orgNumber?: string | null;
}

export const keyOf = (k: ResultKey): string =>
  [k.schoolYear, k.trinn, k.gender, k.indexName, k.level].join("\u0000");
