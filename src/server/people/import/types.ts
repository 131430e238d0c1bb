// The normalized shape every import format is parsed into, and the problems found on the way.
// Parsers produce this without touching the database; apply.ts writes it.
import { type ProblemCode, WARNING_CODES } from "./messages.ts";

export type ImportFormat = "oneroster" | "csv";
export const IMPORT_FORMATS: readonly ImportFormat[] = ["oneroster", "csv"];

export type Severity = "error" | "warning";

/**
 * One thing wrong (or worth knowing) about the input. `line` is the line number the user sees
 * in the file (header = line 1); null for problems about a whole file. `column` is the column
 * header as written in the file. `params` hold ids, column names and enumeration values only,
 * never names of people.
 */
export interface Problem {
  file: string;
  line: number | null;
  column: string | null;
  code: ProblemCode;
  severity: Severity;
  params?: Record<string, string | number>;
}

/** Where an item came from, so that problems found while applying can point at a row. */
export interface RowRef {
  file: string;
  line: number;
}

export type GroupKind = "class" | "teachingGroup";

export interface ImportGroup {
  /** Stored as study_group.external_id (unique per school). */
  key: string;
  kind: GroupKind;
  name: string;
  grade: string | null;
  subject: string | null;
  ref: RowRef;
}

export interface ImportPerson {
  /** Stored as person.external_id (unique per external_source). */
  key: string;
  givenName: string;
  familyName: string;
  email: string | null;
  phone: string | null;
  feideId: string | null;
  birthDate: string | null;
  gender: "female" | "male" | "other" | null;
  ref: RowRef;
  /** The column holding the Feide name, for problems found against the database. */
  feideColumn?: string;
}

/**
 * The school roles an import may grant. Leadership roles (principal, deputy, departmentHead,
 * adminLeader) are never granted by a file: whoever may import must not be able to mint
 * leaders. They are assigned in Trygg.
 */
export const IMPORTABLE_ROLES = [
  "pupil",
  "guardian",
  "contactTeacher",
  "subjectTeacher",
  "gradeLeader",
  "counsellor",
  "socialWorker",
  "schoolNurse",
  "librarian",
  "caretaker",
  "pupilCouncil",
] as const;
export type ImportableRole = (typeof IMPORTABLE_ROLES)[number];

export interface ImportRole {
  personKey: string;
  role: ImportableRole;
  /** Set for contactTeacher (a class) and subjectTeacher (a teaching group or class). */
  groupKey: string | null;
  grade: string | null;
}

export interface ImportMembership {
  groupKey: string;
  personKey: string;
  memberRole: "pupil" | "teacher";
}

export interface ImportGuardianship {
  guardianKey: string;
  pupilKey: string;
}

export interface ImportBatch {
  groups: ImportGroup[];
  people: ImportPerson[];
  roles: ImportRole[];
  memberships: ImportMembership[];
  guardianships: ImportGuardianship[];
}

export interface ParseResult {
  batch: ImportBatch;
  problems: Problem[];
  /** Data rows read (headers excluded), for progress. */
  totalRows: number;
}

export interface InputFile {
  name: string;
  data: Uint8Array;
}

export interface KindCounts {
  created: number;
  updated: number;
  unchanged: number;
}

export interface ImportSummary {
  groups: KindCounts;
  people: KindCounts;
  roles: KindCounts;
  memberships: KindCounts;
  guardianships: KindCounts;
}

export const emptyBatch = (): ImportBatch => ({
  groups: [],
  people: [],
  roles: [],
  memberships: [],
  guardianships: [],
});

export const hasErrors = (problems: readonly Problem[]) =>
  problems.some((p) => p.severity === "error");

/** Builds a problem; its severity follows from the code (see WARNING_CODES). */
export function problem(
  file: string,
  line: number | null,
  column: string | null,
  code: ProblemCode,
  params?: Record<string, string | number>,
): Problem {
  return {
    file,
    line,
    column,
    code,
    severity: WARNING_CODES.has(code) ? "warning" : "error",
    ...(params ? { params } : {}),
  };
}
