// OneRoster 1.1 CSV bulk sets -> ImportBatch. Reads manifest, orgs, academicSessions, courses,
// classes, users, demographics and enrollments; reports every bad row, not only the first.
//
// Mapping (see docs/decisions/0106-import.md):
// - classType `homeroom` -> a class (kind `class`); its teachers become contact teachers;
//   classType `scheduled` -> a teaching group; its teachers and aides become subject teachers.
//   An aide in a homeroom class becomes a member only (a contact teacher is a teacher).
// - user role student -> pupil (the pupil role names the pupil's homeroom class when there is
//   exactly one); parent/guardian -> guardian (linked through agentSourcedIds); teacher/aide
//   -> roles through their enrollments (no role, with a warning, when enrolled nowhere);
//   administrator -> imported without a role (leadership is assigned in Trygg);
//   relative/proctor -> skipped.
// - demographics: birthDate -> birth date, sex -> gender.
import { type CsvRow, type CsvTable, readCsv } from "./detect.ts";
import {
  type ColumnSpec,
  type Columns,
  cell,
  checkExtraFields,
  isEmail,
  normalizeGrade,
  parseDate,
  resolveColumns,
  splitList,
} from "./fields.ts";
import {
  emptyBatch,
  type GroupKind,
  type ImportPerson,
  type InputFile,
  type ParseResult,
  type Problem,
  problem,
} from "./types.ts";

export interface OneRosterContext {
  /** school.external_id of the target school: picks its org when the set holds several. */
  schoolExternalId: string | null;
}

const FILES = [
  "manifest.csv",
  "orgs.csv",
  "academicSessions.csv",
  "courses.csv",
  "classes.csv",
  "users.csv",
  "demographics.csv",
  "enrollments.csv",
] as const;
type KnownFile = (typeof FILES)[number];

const ORG_COLUMNS: ColumnSpec[] = [
  { name: "sourcedId", required: true },
  { name: "status" },
  { name: "name", required: true },
  { name: "type", required: true },
  { name: "identifier" },
];
const SESSION_COLUMNS: ColumnSpec[] = [{ name: "sourcedId", required: true }];
const COURSE_COLUMNS: ColumnSpec[] = [
  { name: "sourcedId", required: true },
  { name: "title", required: true },
  { name: "courseCode" },
];
const CLASS_COLUMNS: ColumnSpec[] = [
  { name: "sourcedId", required: true },
  { name: "status" },
  { name: "title", required: true },
  { name: "grades" },
  { name: "courseSourcedId", required: true },
  { name: "classType", required: true },
  { name: "schoolSourcedId", required: true },
  { name: "termSourcedIds" },
  { name: "subjects" },
];
const USER_COLUMNS: ColumnSpec[] = [
  { name: "sourcedId", required: true },
  { name: "status" },
  { name: "enabledUser", required: true },
  { name: "orgSourcedIds", required: true },
  { name: "role", required: true },
  { name: "username", required: true },
  { name: "userIds" },
  { name: "givenName", required: true },
  { name: "familyName", required: true },
  { name: "middleName" },
  { name: "email" },
  { name: "sms" },
  { name: "phone" },
  { name: "agentSourcedIds" },
  { name: "grades" },
];
const DEMOGRAPHICS_COLUMNS: ColumnSpec[] = [
  { name: "sourcedId", required: true },
  { name: "status" },
  { name: "birthDate" },
  { name: "sex" },
];
const ENROLLMENT_COLUMNS: ColumnSpec[] = [
  { name: "sourcedId", required: true },
  { name: "status" },
  { name: "classSourcedId", required: true },
  { name: "schoolSourcedId", required: true },
  { name: "userSourcedId", required: true },
  { name: "role", required: true },
  { name: "primary" },
];

type UserKind = "pupil" | "teacher" | "aide" | "guardian" | "administrator";

interface ClassInfo {
  kind: GroupKind;
}

interface UserInfo {
  kind: UserKind;
  agents: string[];
  line: number;
}

/** Reads one file's rows, reporting duplicate sourcedIds; yields only rows worth reading. */
function* rowsOf(
  table: CsvTable,
  columns: Columns,
  problems: Problem[],
): Generator<{ row: CsvRow; id: string }> {
  const seen = new Map<string, number>();
  for (const row of table.rows) {
    if (!checkExtraFields(table, row, problems)) continue;
    const id = cell(row, columns, "sourcedId");
    if (id === "") {
      problems.push(
        problem(table.file, row.line, columns.label("sourcedId"), "import.missingValue"),
      );
      continue;
    }
    const first = seen.get(id);
    if (first !== undefined) {
      problems.push(
        problem(table.file, row.line, columns.label("sourcedId"), "import.duplicateId", {
          id,
          firstLine: first,
        }),
      );
      continue;
    }
    seen.set(id, row.line);
    yield { row, id };
  }
}

const isDeleted = (row: CsvRow, columns: Columns) =>
  cell(row, columns, "status").toLowerCase() === "tobedeleted";

/** `{Feide:ola@skole.no},{Local:863}` -> the Feide name, if any. */
function feideFromUserIds(value: string): string | null {
  for (const m of value.matchAll(/\{\s*([^:}]+?)\s*:\s*([^}]*?)\s*\}/g)) {
    if ((m[1] ?? "").toLowerCase().startsWith("feide") && m[2]) return m[2].toLowerCase();
  }
  return null;
}

export function parseOneRoster(input: readonly InputFile[], ctx: OneRosterContext): ParseResult {
  const problems: Problem[] = [];
  const batch = emptyBatch();
  let totalRows = 0;

  // File names: matched case-insensitively on the base name, as zip tools and browsers vary.
  const tables = new Map<KnownFile, CsvTable>();
  for (const f of input) {
    const base = f.name.split(/[\\/]/).pop() ?? f.name;
    const known = FILES.find((k) => k.toLowerCase() === base.toLowerCase());
    if (!known) {
      problems.push(problem(base, null, null, "import.unknownFile", { file: base }));
      continue;
    }
    const table = readCsv({ name: known, data: f.data });
    problems.push(...table.problems);
    if (known !== "manifest.csv") totalRows += table.rows.length;
    tables.set(known, table);
  }

  // --- manifest
  const manifest = tables.get("manifest.csv");
  if (!manifest) {
    problems.push(problem("manifest.csv", null, null, "import.noManifest"));
  } else {
    const { columns, ok } = resolveColumns(
      manifest,
      [
        { name: "propertyName", required: true },
        { name: "value", required: true },
      ],
      problems,
    );
    if (ok) {
      for (const row of manifest.rows) {
        const key = cell(row, columns, "propertyName");
        const value = cell(row, columns, "value");
        const valueLabel = columns.label("value");
        if (key === "oneroster.version" && !/^1\.[01](\.\d+)?$/.test(value)) {
          problems.push(
            problem(manifest.file, row.line, valueLabel, "import.manifestVersion", { value }),
          );
        }
        // manifest.version is "1.0" by the spec; real exports say "1". Either is fine.
        const fileMatch = /^file\.(.+)$/.exec(key);
        if (!fileMatch) continue;
        const file = `${fileMatch[1]}.csv`;
        const known = FILES.find((k) => k.toLowerCase() === file.toLowerCase());
        const mode = value.toLowerCase();
        if (mode === "delta") {
          problems.push(
            problem(manifest.file, row.line, valueLabel, "import.deltaNotSupported", { file }),
          );
        } else if (mode === "bulk" && known && !tables.has(known)) {
          problems.push(problem(file, null, null, "import.missingFile", { file }));
        } else if (mode !== "bulk" && mode !== "absent") {
          problems.push(problem(manifest.file, row.line, valueLabel, "import.badValue", { value }));
        }
      }
    }
  }

  const users = tables.get("users.csv");
  if (!users) {
    if (!problems.some((p) => p.code === "import.missingFile" && p.file === "users.csv")) {
      problems.push(problem("users.csv", null, null, "import.missingFile", { file: "users.csv" }));
    }
    return { batch, problems, totalRows };
  }

  // --- orgs: decide which org is the school in the URL
  let schoolOrg: string | null = null;
  const otherSchoolOrgs = new Set<string>();
  const orgs = tables.get("orgs.csv");
  if (orgs) {
    const { columns, ok } = resolveColumns(orgs, ORG_COLUMNS, problems);
    if (ok) {
      const schoolOrgs: string[] = [];
      for (const { row, id } of rowsOf(orgs, columns, problems)) {
        if (cell(row, columns, "type").toLowerCase() === "school") schoolOrgs.push(id);
      }
      if (ctx.schoolExternalId && schoolOrgs.includes(ctx.schoolExternalId)) {
        schoolOrg = ctx.schoolExternalId;
      } else if (schoolOrgs.length === 1) {
        schoolOrg = schoolOrgs[0] ?? null;
      } else if (schoolOrgs.length > 1) {
        problems.push(problem(orgs.file, null, null, "import.orgMismatch"));
      }
      for (const id of schoolOrgs) if (id !== schoolOrg) otherSchoolOrgs.add(id);
    }
  }

  // --- academic sessions (only to check class terms)
  let sessions: Set<string> | null = null;
  const sessionsTable = tables.get("academicSessions.csv");
  if (sessionsTable) {
    const { columns, ok } = resolveColumns(sessionsTable, SESSION_COLUMNS, problems);
    if (ok) {
      sessions = new Set();
      for (const { id } of rowsOf(sessionsTable, columns, problems)) sessions.add(id);
    }
  }

  // --- courses: found by sourcedId, or by courseCode (exports mix the two)
  let courses: Map<string, string> | null = null;
  const coursesTable = tables.get("courses.csv");
  if (coursesTable) {
    const { columns, ok } = resolveColumns(coursesTable, COURSE_COLUMNS, problems);
    if (ok) {
      courses = new Map();
      const byCode = new Map<string, string>();
      for (const { row, id } of rowsOf(coursesTable, columns, problems)) {
        const title = cell(row, columns, "title");
        courses.set(id, title);
        const code = cell(row, columns, "courseCode");
        if (code && !byCode.has(code)) byCode.set(code, title);
      }
      for (const [code, title] of byCode) if (!courses.has(code)) courses.set(code, title);
    }
  }

  // --- classes
  const classes = new Map<string, ClassInfo>();
  const skippedClasses = new Set<string>();
  const classesTable = tables.get("classes.csv");
  if (classesTable) {
    const { columns, ok } = resolveColumns(classesTable, CLASS_COLUMNS, problems);
    if (ok) {
      const file = classesTable.file;
      for (const { row, id } of rowsOf(classesTable, columns, problems)) {
        if (isDeleted(row, columns)) {
          skippedClasses.add(id);
          problems.push(problem(file, row.line, columns.label("status"), "import.inactive"));
          continue;
        }
        const school = cell(row, columns, "schoolSourcedId");
        if (otherSchoolOrgs.has(school)) {
          skippedClasses.add(id);
          problems.push(
            problem(file, row.line, columns.label("schoolSourcedId"), "import.otherSchool", {
              id: school,
            }),
          );
          continue;
        }
        let bad = false;
        const title = cell(row, columns, "title");
        if (title === "") {
          problems.push(problem(file, row.line, columns.label("title"), "import.missingValue"));
          bad = true;
        }
        const classType = cell(row, columns, "classType");
        const kind: GroupKind | null =
          classType.toLowerCase() === "homeroom"
            ? "class"
            : classType.toLowerCase() === "scheduled"
              ? "teachingGroup"
              : null;
        if (!kind) {
          problems.push(
            problem(file, row.line, columns.label("classType"), "import.badValue", {
              value: classType,
            }),
          );
          bad = true;
        }
        const courseRef = cell(row, columns, "courseSourcedId");
        let subject: string | null = null;
        if (courses && courseRef) {
          const title = courses.get(courseRef);
          if (title === undefined) {
            problems.push(
              problem(file, row.line, columns.label("courseSourcedId"), "import.unknownCourse", {
                id: courseRef,
              }),
            );
          } else subject = title || null;
        }
        if (sessions) {
          for (const term of splitList(cell(row, columns, "termSourcedIds"))) {
            if (!sessions.has(term)) {
              problems.push(
                problem(file, row.line, columns.label("termSourcedIds"), "import.unknownTerm", {
                  id: term,
                }),
              );
            }
          }
        }
        if (bad || !kind) {
          skippedClasses.add(id);
          continue;
        }
        const grades = splitList(cell(row, columns, "grades"));
        subject ??= splitList(cell(row, columns, "subjects"))[0] ?? null;
        classes.set(id, { kind });
        batch.groups.push({
          key: id,
          kind,
          name: title,
          grade: grades.length === 1 ? normalizeGrade(grades[0] ?? "") : null,
          subject: kind === "class" ? null : subject,
          ref: { file, line: row.line },
        });
      }
    }
  }

  // --- users
  const people = new Map<string, ImportPerson>();
  const userInfo = new Map<string, UserInfo>();
  const skippedUsers = new Set<string>();
  const pupilGrades = new Map<string, string | null>();
  {
    const { columns, ok } = resolveColumns(users, USER_COLUMNS, problems);
    if (ok) {
      const file = users.file;
      const feideSeen = new Map<string, number>();
      for (const { row, id } of rowsOf(users, columns, problems)) {
        const enabled = cell(row, columns, "enabledUser").toLowerCase();
        if (isDeleted(row, columns) || enabled === "false") {
          skippedUsers.add(id);
          problems.push(problem(file, row.line, null, "import.inactive"));
          continue;
        }
        const orgIds = splitList(cell(row, columns, "orgSourcedIds"));
        if (
          schoolOrg &&
          !orgIds.includes(schoolOrg) &&
          orgIds.some((o) => otherSchoolOrgs.has(o))
        ) {
          skippedUsers.add(id);
          problems.push(
            problem(file, row.line, columns.label("orgSourcedIds"), "import.otherSchool", {
              id: orgIds.join(","),
            }),
          );
          continue;
        }
        let bad = false;
        if (enabled !== "true" && enabled !== "false") {
          problems.push(
            problem(file, row.line, columns.label("enabledUser"), "import.badValue", {
              value: enabled,
            }),
          );
          bad = true;
        }
        const roleValue = cell(row, columns, "role");
        const role = roleValue.toLowerCase();
        let kind: UserKind | null = null;
        if (role === "student") kind = "pupil";
        else if (role === "teacher") kind = "teacher";
        else if (role === "aide") kind = "aide";
        else if (role === "parent" || role === "guardian") kind = "guardian";
        else if (role === "administrator") {
          kind = "administrator";
          problems.push(
            problem(file, row.line, columns.label("role"), "import.roleNotGranted", {
              value: roleValue,
            }),
          );
        } else if (role === "relative" || role === "proctor") {
          skippedUsers.add(id);
          problems.push(
            problem(file, row.line, columns.label("role"), "import.roleSkipped", {
              value: roleValue,
            }),
          );
          continue;
        } else {
          problems.push(
            problem(file, row.line, columns.label("role"), "import.unknownRole", {
              value: roleValue,
            }),
          );
          bad = true;
        }
        const given = cell(row, columns, "givenName");
        const middle = cell(row, columns, "middleName");
        const family = cell(row, columns, "familyName");
        if (given === "") {
          problems.push(problem(file, row.line, columns.label("givenName"), "import.missingValue"));
          bad = true;
        }
        if (family === "") {
          problems.push(
            problem(file, row.line, columns.label("familyName"), "import.missingValue"),
          );
          bad = true;
        }
        const email = cell(row, columns, "email");
        if (email !== "" && !isEmail(email)) {
          problems.push(problem(file, row.line, columns.label("email"), "import.badEmail"));
          bad = true;
        }
        const feideId = feideFromUserIds(cell(row, columns, "userIds"));
        if (feideId) {
          const first = feideSeen.get(feideId);
          if (first !== undefined) {
            problems.push(
              problem(file, row.line, columns.label("userIds"), "import.duplicateFeideId", {
                firstLine: first,
              }),
            );
            bad = true;
          } else feideSeen.set(feideId, row.line);
        }
        if (bad || !kind) {
          skippedUsers.add(id);
          continue;
        }
        const person: ImportPerson = {
          key: id,
          // Trygg keeps given and family name; a middle name belongs with the given name.
          givenName: middle ? `${given} ${middle}` : given,
          familyName: family,
          email: email === "" ? null : email.toLowerCase(),
          phone: cell(row, columns, "phone") || cell(row, columns, "sms") || null,
          feideId,
          feideColumn: columns.label("userIds"),
          birthDate: null,
          gender: null,
          ref: { file, line: row.line },
        };
        people.set(id, person);
        userInfo.set(id, {
          kind,
          agents: splitList(cell(row, columns, "agentSourcedIds")),
          line: row.line,
        });
        const grades = splitList(cell(row, columns, "grades"));
        const grade = grades.length === 1 ? normalizeGrade(grades[0] ?? "") : null;
        if (kind === "pupil") {
          pupilGrades.set(id, grade);
        } else if (kind === "guardian") {
          batch.roles.push({ personKey: id, role: "guardian", groupKey: null, grade: null });
        }
      }
    }
  }

  // --- demographics
  const demographics = tables.get("demographics.csv");
  if (demographics) {
    const { columns, ok } = resolveColumns(demographics, DEMOGRAPHICS_COLUMNS, problems);
    if (ok) {
      const file = demographics.file;
      for (const { row, id } of rowsOf(demographics, columns, problems)) {
        const person = people.get(id);
        if (!person) {
          if (!skippedUsers.has(id)) {
            problems.push(
              problem(file, row.line, columns.label("sourcedId"), "import.unknownDemographics", {
                id,
              }),
            );
          }
          continue;
        }
        const birth = cell(row, columns, "birthDate");
        if (birth !== "") {
          const date = parseDate(birth);
          if (date) person.birthDate = date;
          else problems.push(problem(file, row.line, columns.label("birthDate"), "import.badDate"));
        }
        const sex = cell(row, columns, "sex").toLowerCase();
        if (sex === "female" || sex === "male" || sex === "other") person.gender = sex;
        else if (sex !== "" && sex !== "unspecified") {
          problems.push(
            problem(file, row.line, columns.label("sex"), "import.badValue", { value: sex }),
          );
        }
      }
    }
  }

  // --- enrollments
  const enrollments = tables.get("enrollments.csv");
  const teaches = new Set<string>();
  const homerooms = new Map<string, string[]>();
  if (enrollments) {
    const { columns, ok } = resolveColumns(enrollments, ENROLLMENT_COLUMNS, problems);
    if (ok) {
      const file = enrollments.file;
      // The same person is enrolled once per term: one membership is enough.
      const memberships = new Set<string>();
      const roles = new Set<string>();
      for (const { row } of rowsOf(enrollments, columns, problems)) {
        if (isDeleted(row, columns)) {
          problems.push(problem(file, row.line, columns.label("status"), "import.inactive"));
          continue;
        }
        const school = cell(row, columns, "schoolSourcedId");
        if (otherSchoolOrgs.has(school)) {
          problems.push(
            problem(file, row.line, columns.label("schoolSourcedId"), "import.otherSchool", {
              id: school,
            }),
          );
          continue;
        }
        const classId = cell(row, columns, "classSourcedId");
        const userId = cell(row, columns, "userSourcedId");
        if (skippedClasses.has(classId) || skippedUsers.has(userId)) continue;
        const cls = classes.get(classId);
        let bad = false;
        if (!cls) {
          problems.push(
            problem(file, row.line, columns.label("classSourcedId"), "import.unknownClass", {
              id: classId,
            }),
          );
          bad = true;
        }
        if (!people.has(userId)) {
          problems.push(
            problem(file, row.line, columns.label("userSourcedId"), "import.unknownUser", {
              id: userId,
            }),
          );
          bad = true;
        }
        const roleValue = cell(row, columns, "role");
        const role = roleValue.toLowerCase();
        if (role === "administrator" || role === "proctor") {
          problems.push(
            problem(file, row.line, columns.label("role"), "import.roleSkipped", {
              value: roleValue,
            }),
          );
          continue;
        }
        if (role !== "student" && role !== "teacher" && role !== "aide") {
          problems.push(
            problem(file, row.line, columns.label("role"), "import.unknownRole", {
              value: roleValue,
            }),
          );
          bad = true;
        }
        if (bad || !cls) continue;
        const memberRole = role === "student" ? "pupil" : "teacher";
        const mKey = `${classId}\u0000${userId}\u0000${memberRole}`;
        if (!memberships.has(mKey)) {
          memberships.add(mKey);
          batch.memberships.push({ groupKey: classId, personKey: userId, memberRole });
        }
        if (memberRole === "pupil" && cls.kind === "class") {
          const list = homerooms.get(userId) ?? [];
          if (!list.includes(classId)) list.push(classId);
          homerooms.set(userId, list);
        }
        if (memberRole === "teacher") {
          const groupRole =
            cls.kind === "teachingGroup"
              ? "subjectTeacher"
              : role === "teacher"
                ? "contactTeacher"
                : null;
          if (!groupRole) continue;
          teaches.add(userId);
          const rKey = `${classId}\u0000${userId}\u0000${groupRole}`;
          if (!roles.has(rKey)) {
            roles.add(rKey);
            batch.roles.push({
              personKey: userId,
              role: groupRole,
              groupKey: classId,
              grade: null,
            });
          }
        }
      }
    }
  }

  for (const [id, grade] of pupilGrades) {
    const classesOf = homerooms.get(id) ?? [];
    const groupKey = classesOf.length === 1 ? (classesOf[0] ?? null) : null;
    batch.roles.push({ personKey: id, role: "pupil", groupKey, grade });
  }
  // Teacher roles are bound to a class or group: one enrolled nowhere gets no role yet.
  for (const [id, info] of userInfo) {
    if ((info.kind === "teacher" || info.kind === "aide") && !teaches.has(id)) {
      problems.push(
        problem(users.file, info.line, "role", "import.roleNotGranted", { value: info.kind }),
      );
    }
  }

  // --- guardianships, from agentSourcedIds on either side
  const pairs = new Set<string>();
  for (const [id, info] of userInfo) {
    for (const agent of info.agents) {
      if (skippedUsers.has(agent)) continue;
      const other = userInfo.get(agent);
      if (!other) {
        problems.push(
          problem(users.file, info.line, "agentSourcedIds", "import.unknownUser", { id: agent }),
        );
        continue;
      }
      let pair: [string, string] | null = null;
      if (info.kind === "pupil" && other.kind === "guardian") pair = [agent, id];
      else if (info.kind === "guardian" && other.kind === "pupil") pair = [id, agent];
      if (!pair) {
        problems.push(
          problem(users.file, info.line, "agentSourcedIds", "import.notGuardian", { id: agent }),
        );
        continue;
      }
      const key = pair.join("\u0000");
      if (pairs.has(key)) continue;
      pairs.add(key);
      batch.guardianships.push({ guardianKey: pair[0], pupilKey: pair[1] });
    }
  }

  batch.people.push(...people.values());
  return { batch, problems, totalRows };
}
