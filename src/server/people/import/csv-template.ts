// Trygg's one-file CSV template -> ImportBatch. Made for a Norwegian school administrator who
// exports from Visma InSchool or keeps lists in Excel: one row per person, classes and teaching
// groups named in cells, Norwegian column names and values accepted. See
// docs/import-csv-template.md for the columns.
import { readCsv } from "./detect.ts";
import {
  type ColumnSpec,
  cell,
  checkExtraFields,
  fold,
  isEmail,
  normalizeGrade,
  parseDate,
  resolveColumns,
  splitList,
} from "./fields.ts";
import { WARNING_CODES } from "./messages.ts";
import {
  emptyBatch,
  type ImportableRole,
  type ImportPerson,
  type InputFile,
  type ParseResult,
  type Problem,
  problem,
} from "./types.ts";

export const TEMPLATE_COLUMNS: readonly ColumnSpec[] = [
  { name: "type", aliases: ["kategori", "brukertype", "persontype"], required: true },
  {
    name: "id",
    aliases: ["ekstern_id", "external_id", "person_id", "personid", "bruker_id", "brukerid"],
    required: true,
  },
  {
    name: "given_name",
    aliases: ["fornavn", "fornamn", "first_name", "firstname", "givenname"],
    required: true,
  },
  {
    name: "family_name",
    aliases: ["etternavn", "etternamn", "last_name", "lastname", "familyname", "surname"],
    required: true,
  },
  { name: "email", aliases: ["e_post", "epost", "e_mail", "mail"] },
  { name: "phone", aliases: ["telefon", "mobil", "mobiltelefon", "tlf"] },
  { name: "feide_id", aliases: ["feide", "feidenavn", "feidenamn", "feide_navn", "feideid"] },
  { name: "birth_date", aliases: ["fødselsdato", "fodselsdato", "fødd", "født", "birthdate"] },
  { name: "gender", aliases: ["kjønn", "kjonn", "sex"] },
  { name: "class", aliases: ["klasse", "basisgruppe", "hovedgruppe"] },
  { name: "grade", aliases: ["trinn", "årstrinn", "arstrinn", "klassetrinn"] },
  {
    name: "teaching_groups",
    aliases: ["undervisningsgrupper", "undervisningsgruppe", "grupper", "faggrupper", "groups"],
  },
  {
    name: "guardian_of",
    aliases: ["foresatt_for", "føresett_for", "forelder_til", "foreldre_til", "barn"],
  },
  { name: "role", aliases: ["rolle", "roller", "roles", "tilleggsrolle"] },
];

export type RowType = "pupil" | "teacher" | "guardian" | "staff";

/** Pupils and their families never hold staff roles at the same school (core role rules). */
const SIDE: Record<RowType, "staff" | "family"> = {
  pupil: "family",
  guardian: "family",
  teacher: "staff",
  staff: "staff",
};

const TYPE_VALUES: Record<string, RowType> = {
  pupil: "pupil",
  student: "pupil",
  elev: "pupil",
  teacher: "teacher",
  laerer: "teacher",
  larer: "teacher",
  laerar: "teacher",
  guardian: "guardian",
  parent: "guardian",
  foresatt: "guardian",
  foresett: "guardian",
  forelder: "guardian",
  staff: "staff",
  employee: "staff",
  ansatt: "staff",
  tilsett: "staff",
};

// Keys are folded (lower case, æ->ae, ø->o, å->a, no spaces or dashes).
const ROLE_VALUES: Record<string, ImportableRole> = {
  contactteacher: "contactTeacher",
  kontaktlaerer: "contactTeacher",
  kontaktlaerar: "contactTeacher",
  subjectteacher: "subjectTeacher",
  faglaerer: "subjectTeacher",
  faglaerar: "subjectTeacher",
  gradeleader: "gradeLeader",
  trinnansvarlig: "gradeLeader",
  trinnleder: "gradeLeader",
  trinnleiar: "gradeLeader",
  counsellor: "counsellor",
  counselor: "counsellor",
  radgiver: "counsellor",
  radgivar: "counsellor",
  socialworker: "socialWorker",
  miljoarbeider: "socialWorker",
  miljoarbeidar: "socialWorker",
  miljoterapeut: "socialWorker",
  schoolnurse: "schoolNurse",
  helsesykepleier: "schoolNurse",
  helsesjukepleiar: "schoolNurse",
  helsesoster: "schoolNurse",
  librarian: "librarian",
  bibliotekar: "librarian",
  caretaker: "caretaker",
  vaktmester: "caretaker",
  vaktmeister: "caretaker",
  pupilcouncil: "pupilCouncil",
  elevrad: "pupilCouncil",
  elevradsstyre: "pupilCouncil",
};

// Recognized so that the refusal is explicit rather than "unknown role".
const LEADERSHIP_VALUES = new Set([
  "principal",
  "rektor",
  "deputy",
  "inspektor",
  "assisterenderektor",
  "viserektor",
  "departmenthead",
  "avdelingsleder",
  "avdelingsleiar",
  "adminleader",
  "administrasjonsleder",
  "kontorleder",
  "systemadmin",
  "ownercaseofficer",
  "areadirector",
]);

const GENDER_VALUES: Record<string, "female" | "male" | "other"> = {
  female: "female",
  f: "female",
  k: "female",
  kvinne: "female",
  jente: "female",
  male: "male",
  m: "male",
  mann: "male",
  gutt: "male",
  other: "other",
  annet: "other",
  anna: "other",
};

const groupKey = (prefix: "class" | "group", name: string) =>
  `${prefix}:${name.replace(/\s+/g, " ").trim().toLowerCase()}`;

interface PendingGuardian {
  guardianKey: string;
  pupilIds: string[];
  line: number;
  column: string;
}

export function parseCsvTemplate(file: InputFile): ParseResult {
  const problems: Problem[] = [];
  const batch = emptyBatch();
  const table = readCsv(file);
  problems.push(...table.problems);
  const name = table.file;
  if (table.header.length === 0) return { batch, problems, totalRows: 0 };
  const { columns, ok } = resolveColumns(table, TEMPLATE_COLUMNS, problems);
  if (!ok) return { batch, problems, totalRows: table.rows.length };
  const label = (c: string) => columns.label(c);

  const people = new Map<string, { person: ImportPerson; types: Set<RowType>; line: number }>();
  const feideSeen = new Map<string, number>();
  const groups = new Map<string, (typeof batch.groups)[number]>();
  const pupils = new Set<string>();
  // Ids on rows already reported: references to them are not reported a second time.
  const badIds = new Set<string>();
  const roleKeys = new Set<string>();
  const membershipKeys = new Set<string>();
  const guardians: PendingGuardian[] = [];
  const addRole = (r: (typeof batch.roles)[number]) => {
    const k = `${r.personKey}\u0000${r.role}\u0000${r.groupKey ?? ""}`;
    if (roleKeys.has(k)) return;
    roleKeys.add(k);
    batch.roles.push(r);
  };
  const addMembership = (m: (typeof batch.memberships)[number]) => {
    const k = `${m.groupKey}\u0000${m.personKey}\u0000${m.memberRole}`;
    if (membershipKeys.has(k)) return;
    membershipKeys.add(k);
    batch.memberships.push(m);
  };
  const addGroup = (kind: "class" | "teachingGroup", groupName: string, line: number) => {
    const key = groupKey(kind === "class" ? "class" : "group", groupName);
    let g = groups.get(key);
    if (!g) {
      g = {
        key,
        kind,
        name: groupName.replace(/\s+/g, " ").trim(),
        grade: null,
        subject: null,
        ref: { file: name, line },
      };
      groups.set(key, g);
      batch.groups.push(g);
    }
    return g;
  };

  for (const row of table.rows) {
    if (!checkExtraFields(table, row, problems)) continue;
    const line = row.line;
    let bad = false;
    const report = (
      column: string | null,
      code: Problem["code"],
      params?: Record<string, string | number>,
    ) => {
      problems.push(problem(name, line, column === null ? null : label(column), code, params));
      if (!WARNING_CODES.has(code)) bad = true;
    };

    const typeValue = cell(row, columns, "type");
    const type = TYPE_VALUES[fold(typeValue)];
    if (typeValue === "") report("type", "import.missingValue");
    else if (!type) report("type", "import.unknownType", { value: typeValue });

    const id = cell(row, columns, "id");
    if (id === "") report("id", "import.missingValue");
    const given = cell(row, columns, "given_name");
    const family = cell(row, columns, "family_name");
    if (given === "") report("given_name", "import.missingValue");
    if (family === "") report("family_name", "import.missingValue");

    const email = cell(row, columns, "email");
    if (email !== "" && !isEmail(email)) report("email", "import.badEmail");
    const feideRaw = cell(row, columns, "feide_id").toLowerCase();
    if (feideRaw !== "" && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(feideRaw)) {
      report("feide_id", "import.badFeideId");
    }
    const birthRaw = cell(row, columns, "birth_date");
    const birthDate = birthRaw === "" ? null : parseDate(birthRaw);
    if (birthRaw !== "" && !birthDate) report("birth_date", "import.badDate");
    const genderRaw = cell(row, columns, "gender");
    const gender = genderRaw === "" ? null : (GENDER_VALUES[fold(genderRaw)] ?? null);
    if (genderRaw !== "" && !gender) report("gender", "import.badValue", { value: genderRaw });

    const roles: ImportableRole[] = [];
    for (const r of splitList(cell(row, columns, "role"))) {
      const folded = fold(r);
      const role = ROLE_VALUES[folded];
      if (role) roles.push(role);
      else if (LEADERSHIP_VALUES.has(folded))
        report("role", "import.roleNotImportable", { value: r });
      else report("role", "import.unknownRole", { value: r });
    }

    // Same id on several rows: allowed for one person in several capacities (a teacher who is
    // also a guardian), with the same name; the same id twice with one type is a mistake.
    const existing = id === "" ? undefined : people.get(id);
    if (existing && type) {
      if (
        existing.types.has(type) ||
        existing.person.givenName !== given ||
        existing.person.familyName !== family
      ) {
        report("id", "import.duplicateId", { id, firstLine: existing.line });
      } else if ([...existing.types].some((t) => SIDE[t] !== SIDE[type])) {
        report("type", "import.staffAndFamily");
      }
    }
    // Staff roles never go to pupils or guardians, nor the pupil council to staff.
    if (type && roles.some((r) => (r === "pupilCouncil" ? "family" : "staff") !== SIDE[type])) {
      report("role", "import.staffAndFamily");
    }
    if (feideRaw !== "" && !existing) {
      const first = feideSeen.get(feideRaw);
      if (first !== undefined) report("feide_id", "import.duplicateFeideId", { firstLine: first });
    }
    if (bad || !type) {
      if (id !== "") badIds.add(id);
      continue;
    }

    const grade = normalizeGrade(cell(row, columns, "grade"));
    const className = cell(row, columns, "class");
    const teachingGroups = splitList(cell(row, columns, "teaching_groups"));
    const guardianOf = splitList(cell(row, columns, "guardian_of"));

    if (existing) {
      existing.types.add(type);
    } else {
      const person: ImportPerson = {
        key: id,
        givenName: given,
        familyName: family,
        email: email === "" ? null : email.toLowerCase(),
        phone: cell(row, columns, "phone") || null,
        feideId: feideRaw === "" ? null : feideRaw,
        feideColumn: label("feide_id"),
        birthDate,
        gender,
        ref: { file: name, line },
      };
      people.set(id, { person, types: new Set([type]), line });
      if (feideRaw !== "") feideSeen.set(feideRaw, line);
      batch.people.push(person);
    }

    if (guardianOf.length > 0 && type !== "guardian") {
      problems.push(problem(name, line, label("guardian_of"), "import.guardianOfIgnored"));
    }

    switch (type) {
      case "pupil": {
        pupils.add(id);
        let classKey: string | null = null;
        if (className) {
          const g = addGroup("class", className, line);
          g.grade ??= grade;
          classKey = g.key;
          addMembership({ groupKey: g.key, personKey: id, memberRole: "pupil" });
        }
        // The pupil role names the pupil's class, as roles given in Trygg do.
        addRole({ personKey: id, role: "pupil", groupKey: classKey, grade });
        for (const tg of teachingGroups) {
          const g = addGroup("teachingGroup", tg, line);
          addMembership({ groupKey: g.key, personKey: id, memberRole: "pupil" });
        }
        break;
      }
      case "teacher":
      case "staff": {
        if (className) {
          const g = addGroup("class", className, line);
          addRole({ personKey: id, role: "contactTeacher", groupKey: g.key, grade: null });
          addMembership({ groupKey: g.key, personKey: id, memberRole: "teacher" });
        }
        for (const tg of teachingGroups) {
          const g = addGroup("teachingGroup", tg, line);
          addRole({ personKey: id, role: "subjectTeacher", groupKey: g.key, grade: null });
          addMembership({ groupKey: g.key, personKey: id, memberRole: "teacher" });
        }
        const extra = roles.filter(
          (r) => r !== "contactTeacher" && r !== "subjectTeacher" && r !== "pupilCouncil",
        );
        for (const role of extra) {
          addRole({
            personKey: id,
            role,
            groupKey: null,
            grade: role === "gradeLeader" ? grade : null,
          });
        }
        const hasGroupRole = className !== "" || teachingGroups.length > 0;
        if (!hasGroupRole && extra.length === 0) {
          // Teacher roles are bound to a class or group; without one there is no role yet.
          const column = columns.has("role") ? label("role") : null;
          problems.push(problem(name, line, column, "import.roleNotGranted", { value: typeValue }));
        }
        break;
      }
      case "guardian": {
        addRole({ personKey: id, role: "guardian", groupKey: null, grade: null });
        guardians.push({
          guardianKey: id,
          pupilIds: guardianOf,
          line,
          column: label("guardian_of"),
        });
        break;
      }
    }
    if (type === "pupil" && roles.includes("pupilCouncil")) {
      addRole({ personKey: id, role: "pupilCouncil", groupKey: null, grade: null });
    }
  }

  // Guardians may come before their children in the file: resolve links at the end.
  const pairs = new Set<string>();
  for (const g of guardians) {
    for (const pupilId of g.pupilIds) {
      if (!pupils.has(pupilId)) {
        if (badIds.has(pupilId)) continue;
        problems.push(problem(name, g.line, g.column, "import.unknownPupil", { id: pupilId }));
        continue;
      }
      const k = `${g.guardianKey}\u0000${pupilId}`;
      if (pairs.has(k)) continue;
      pairs.add(k);
      batch.guardianships.push({ guardianKey: g.guardianKey, pupilKey: pupilId });
    }
  }

  return { batch, problems, totalRows: table.rows.length };
}
