/**
 * Seeded demo data: one county, a large upper secondary school and a small lower secondary
 * school, with staff in every role, pupils, guardians, classes and teaching groups. A pure
 * function: the same seed gives the same rows, ids included. Every person is synthetic
 * (random combinations of common names) and every e-mail address and Feide name ends in the
 * reserved `.invalid` top-level domain, so nothing can reach a real person.
 */
import type { Role } from "../../core/access/roles.ts";
import { type DemoLogin, pickDemoLogins } from "./logins.ts";
import { NAME_POOLS, type NamePool, WELL_KNOWN_NAMES } from "./names.ts";
import { createRng, deriveSeed, type Rng } from "./random.ts";

export type Gender = "female" | "male" | "other";

export interface SchoolOwnerRow {
  id: string;
  name: string;
  org_number: string | null;
}

export interface SchoolRow {
  id: string;
  owner_id: string;
  name: string;
  org_number: string | null;
  external_id: string | null;
}

export interface SchoolYearRow {
  id: string;
  school_id: string;
  label: string;
  starts_on: string;
  ends_on: string;
}

export interface SchoolYearBreakRow {
  id: string;
  school_year_id: string;
  kind: "holiday" | "planningDay";
  label: string;
  starts_on: string;
  ends_on: string;
}

export interface PersonRow {
  id: string;
  given_name: string;
  family_name: string;
  email: string | null;
  phone: string | null;
  gender: Gender | null;
  birth_date: string | null;
  feide_id: string | null;
  nin_hash: string | null;
  external_source: string | null;
  external_id: string | null;
  is_system_admin: boolean;
}

export interface StudyGroupRow {
  id: string;
  school_id: string;
  kind: "class" | "teachingGroup";
  name: string;
  grade: string | null;
  subject: string | null;
  external_id: string | null;
}

export interface GroupMembershipRow {
  group_id: string;
  person_id: string;
  member_role: "pupil" | "teacher";
}

export interface RoleAssignmentRow {
  id: string;
  person_id: string;
  role: Role;
  school_id: string | null;
  owner_id: string | null;
  group_id: string | null;
  grade: string | null;
}

export interface GuardianshipRow {
  guardian_id: string;
  pupil_id: string;
  relation: string;
}

export interface DemoData {
  seed: number;
  schoolOwners: SchoolOwnerRow[];
  schools: SchoolRow[];
  schoolYears: SchoolYearRow[];
  schoolYearBreaks: SchoolYearBreakRow[];
  persons: PersonRow[];
  studyGroups: StudyGroupRow[];
  groupMemberships: GroupMembershipRow[];
  roleAssignments: RoleAssignmentRow[];
  guardianships: GuardianshipRow[];
  /** Stable people per interesting role, for the demo login picker. */
  logins: DemoLogin[];
}

export const DEMO_OWNER_NAME = "Demo fylkeskommune";
export const DEMO_UPPER_SECONDARY_NAME = "Demo videregående skole";
export const DEMO_LOWER_SECONDARY_NAME = "Demo ungdomsskole";
/** `person.external_source` of every demo person. */
export const DEMO_SOURCE = "demo";

export const DEMO_SCHOOL_YEAR = {
  label: "2026-2027",
  // The year starts with the staff's planning days; pupils start on Monday 17 August.
  startsOn: "2026-08-13",
  endsOn: "2027-06-18",
  breaks: [
    { kind: "planningDay", label: "Planleggingsdag", startsOn: "2026-08-13", endsOn: "2026-08-13" },
    { kind: "planningDay", label: "Planleggingsdag", startsOn: "2026-08-14", endsOn: "2026-08-14" },
    // ISO week 40
    { kind: "holiday", label: "Høstferie", startsOn: "2026-09-28", endsOn: "2026-10-02" },
    { kind: "holiday", label: "Juleferie", startsOn: "2026-12-21", endsOn: "2027-01-01" },
    // ISO week 8
    { kind: "holiday", label: "Vinterferie", startsOn: "2027-02-22", endsOn: "2027-02-26" },
    // Easter Sunday 2027 is 28 March: Monday of Holy Week to Easter Monday.
    { kind: "holiday", label: "Påskeferie", startsOn: "2027-03-22", endsOn: "2027-03-29" },
  ],
} as const;

type VgsGrade = "Vg1" | "Vg2" | "Vg3";
const VGS_GRADES: readonly { grade: VgsGrade; digit: number; birthYear: number }[] = [
  { grade: "Vg1", digit: 1, birthYear: 2010 },
  { grade: "Vg2", digit: 2, birthYear: 2009 },
  { grade: "Vg3", digit: 3, birthYear: 2008 },
];
/** Eight classes per grade: studiespesialisering A–E, elektro, helse og oppvekst, salg/service. */
const VGS_CLASS_CODES = ["STA", "STB", "STC", "STD", "STE", "ELA", "HOA", "SSA"] as const;
const LOWER_SECONDARY_CLASSES = [
  { name: "8A", grade: "8", birthYear: 2013 },
  { name: "9A", grade: "9", birthYear: 2012 },
  { name: "10A", grade: "10", birthYear: 2011 },
] as const;

/** Every pupil in the block takes one option; options split the pupils evenly by group. */
interface OneOfBlock {
  kind: "oneOf";
  share: number;
  options: readonly { subject: string; groups: number }[];
}
/** Every pupil picks `perPupil` different subjects, one group each. */
interface ChooseBlock {
  kind: "choose";
  perPupil: number;
  subjects: readonly string[];
}

/** Teaching groups (programfaggrupper) drawn from the studiespesialisering pupils of a grade. */
const TEACHING_BLOCKS: Record<VgsGrade, readonly (OneOfBlock | ChooseBlock)[]> = {
  Vg1: [
    {
      kind: "oneOf",
      share: 1,
      options: [
        { subject: "Matematikk 1T", groups: 3 },
        { subject: "Matematikk 1P", groups: 2 },
      ],
    },
    {
      kind: "oneOf",
      share: 1,
      options: [
        { subject: "Spansk I", groups: 2 },
        { subject: "Tysk I", groups: 1 },
        { subject: "Fransk I", groups: 1 },
      ],
    },
  ],
  Vg2: [
    {
      kind: "oneOf",
      share: 1,
      options: [
        { subject: "Matematikk R1", groups: 2 },
        { subject: "Matematikk S1", groups: 2 },
        { subject: "Matematikk 2P", groups: 1 },
      ],
    },
    {
      kind: "choose",
      perPupil: 2,
      subjects: [
        "Psykologi 1",
        "Fysikk 1",
        "Kjemi 1",
        "Biologi 1",
        "Sosiologi og sosialantropologi",
        "Markedsføring og ledelse 1",
        "Informasjonsteknologi 1",
        "Rettslære 1",
      ],
    },
  ],
  Vg3: [
    {
      kind: "oneOf",
      share: 0.5,
      options: [
        { subject: "Matematikk R2", groups: 1 },
        { subject: "Matematikk S2", groups: 1 },
      ],
    },
    {
      kind: "choose",
      perPupil: 2,
      subjects: [
        "Psykologi 2",
        "Fysikk 2",
        "Kjemi 2",
        "Biologi 2",
        "Sosialkunnskap",
        "Markedsføring og ledelse 2",
        "Informasjonsteknologi 2",
        "Rettslære 2",
      ],
    },
  ],
};

const VGS_TEACHERS = 40;
const MAX_GROUPS_PER_TEACHER = 3;

interface Household {
  pool: NamePool;
  family: string;
  guardianIds: string[];
  children: { birthYear: number; schoolId: string }[];
}

/** Lower-case ASCII for e-mail local parts and Feide names. */
export function asciiFold(name: string): string {
  return name
    .toLowerCase()
    .replaceAll("æ", "ae")
    .replaceAll("ø", "o")
    .replaceAll("ł", "l")
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .replace(/[^a-z0-9-]/g, "");
}

function isoDate(year: number, dayOfYear: number): string {
  return new Date(Date.UTC(year, 0, 1 + dayOfYear)).toISOString().slice(0, 10);
}

function randomBirthDate(rng: Rng, year: number): string {
  const days = (Date.UTC(year + 1, 0, 1) - Date.UTC(year, 0, 1)) / 86_400_000;
  return isoDate(year, rng.int(0, days - 1));
}

/**
 * A synthetic organisation number: nine digits starting with 9 whose mod-11 check digit is
 * deliberately wrong, so it can never be a real organisation's number.
 */
function syntheticOrgNumber(rng: Rng, taken: Set<string>): string {
  const weights = [3, 2, 7, 6, 5, 4, 3, 2];
  for (;;) {
    const digits = [9];
    for (let i = 0; i < 7; i++) digits.push(rng.int(0, 9));
    const sum = digits.reduce((s, d, i) => s + d * (weights[i] ?? 0), 0);
    const valid = (11 - (sum % 11)) % 11; // 10: no valid number with this prefix
    let check = rng.int(0, 9);
    if (check === valid) check = (check + 1 + rng.int(0, 8)) % 10;
    const value = `${digits.join("")}${check}`;
    if (!taken.has(value)) {
      taken.add(value);
      return value;
    }
  }
}

function pickPool(rng: Rng): NamePool {
  return rng.weighted(NAME_POOLS.map((p) => [p, p.weight] as const));
}

/** Family names are listed most common first: a Zipf-like weighting keeps Hansen frequent. */
function pickFamily(rng: Rng, pool: NamePool): string {
  return rng.weighted(pool.family.map((name, i) => [name, 1 / (i + 25)] as const));
}

function pupilGender(rng: Rng): Gender {
  if (rng.chance(0.015)) return "other";
  return rng.chance(0.5) ? "female" : "male";
}

export function generateDemoData(seed = 2026): DemoData {
  const rng = createRng(deriveSeed(seed, "content"));
  const ids = createRng(deriveSeed(seed, "ids"));

  const data: DemoData = {
    seed,
    schoolOwners: [],
    schools: [],
    schoolYears: [],
    schoolYearBreaks: [],
    persons: [],
    studyGroups: [],
    groupMemberships: [],
    roleAssignments: [],
    guardianships: [],
    logins: [],
  };

  // --- people --------------------------------------------------------------------------
  const fullNames = new Set<string>();
  const localParts = new Set<string>();
  let personSeq = 0;

  const givenName = (
    pool: NamePool,
    gender: Gender,
    age: "young" | "adult",
    family: string,
  ): string => {
    const female = age === "young" ? pool.youngFemale : pool.adultFemale;
    const male = age === "young" ? pool.youngMale : pool.adultMale;
    const list = (): readonly string[] =>
      gender === "female" ? female : gender === "male" ? male : rng.chance(0.5) ? female : male;
    const ok = (given: string): boolean => {
      const full = `${given} ${family}`;
      return given !== family && !fullNames.has(full) && !WELL_KNOWN_NAMES.has(full);
    };
    for (let attempt = 0; attempt < 40; attempt++) {
      const given = rng.pick(list());
      if (ok(given)) return given;
    }
    // Common in Norway too: a double given name.
    for (let attempt = 0; attempt < 200; attempt++) {
      const a = rng.pick(list());
      const b = rng.pick(list());
      const given = `${a} ${b}`;
      if (a !== b && ok(given)) return given;
    }
    throw new Error(`demo data: no unique given name left for ${family}`);
  };

  const localPart = (given: string, family: string): string => {
    const base = `${asciiFold(given)}.${asciiFold(family)}`;
    let candidate = base;
    for (let n = 2; localParts.has(candidate); n++) candidate = `${base}${n}`;
    localParts.add(candidate);
    return candidate;
  };

  const addPerson = (p: {
    given: string;
    family: string;
    gender: Gender;
    birthDate: string;
    /** E-mail domain, always under `.invalid`. */
    mailDomain: string;
    /** Feide realm (staff and pupils); null for guardians. */
    feideRealm: string | null;
    isSystemAdmin?: boolean;
  }): PersonRow => {
    fullNames.add(`${p.given} ${p.family}`);
    const local = localPart(p.given, p.family);
    personSeq++;
    const row: PersonRow = {
      id: ids.uuid(),
      given_name: p.given,
      family_name: p.family,
      email: `${local}@${p.mailDomain}`,
      phone: null,
      gender: p.gender,
      birth_date: p.birthDate,
      feide_id: p.feideRealm ? `${local}@${p.feideRealm}` : null,
      nin_hash: null,
      external_source: DEMO_SOURCE,
      external_id: `person-${String(personSeq).padStart(5, "0")}`,
      is_system_admin: p.isSystemAdmin ?? false,
    };
    data.persons.push(row);
    return row;
  };

  const addAdult = (opts: {
    mailDomain: string;
    feideRealm: string | null;
    minYear?: number;
    maxYear?: number;
    pool?: NamePool;
    family?: string;
    gender?: Gender;
    isSystemAdmin?: boolean;
  }): PersonRow => {
    const pool = opts.pool ?? pickPool(rng);
    const family = opts.family ?? pickFamily(rng, pool);
    const gender = opts.gender ?? (rng.chance(0.5) ? "female" : "male");
    return addPerson({
      given: givenName(pool, gender, "adult", family),
      family,
      gender,
      birthDate: randomBirthDate(rng, rng.int(opts.minYear ?? 1962, opts.maxYear ?? 1996)),
      mailDomain: opts.mailDomain,
      feideRealm: opts.feideRealm,
      ...(opts.isSystemAdmin ? { isSystemAdmin: true } : {}),
    });
  };

  const addRole = (
    personId: string,
    role: Role,
    scope: { schoolId?: string; ownerId?: string; groupId?: string; grade?: string },
  ): void => {
    data.roleAssignments.push({
      id: ids.uuid(),
      person_id: personId,
      role,
      school_id: scope.schoolId ?? null,
      owner_id: scope.ownerId ?? null,
      group_id: scope.groupId ?? null,
      grade: scope.grade ?? null,
    });
  };

  let groupSeq = 0;
  const addGroup = (g: Omit<StudyGroupRow, "id" | "external_id">): StudyGroupRow => {
    groupSeq++;
    const prefix = g.kind === "class" ? "class" : "tg";
    const row: StudyGroupRow = {
      id: ids.uuid(),
      ...g,
      external_id: `demo-${prefix}-${String(groupSeq).padStart(3, "0")}`,
    };
    data.studyGroups.push(row);
    return row;
  };

  const addMember = (group: StudyGroupRow, personId: string, role: "pupil" | "teacher"): void => {
    data.groupMemberships.push({ group_id: group.id, person_id: personId, member_role: role });
  };

  // --- tenancy -------------------------------------------------------------------------
  const orgNumbers = new Set<string>();
  const owner: SchoolOwnerRow = {
    id: ids.uuid(),
    name: DEMO_OWNER_NAME,
    org_number: syntheticOrgNumber(rng, orgNumbers),
  };
  data.schoolOwners.push(owner);

  const addSchool = (name: string, externalId: string): SchoolRow => {
    const school: SchoolRow = {
      id: ids.uuid(),
      owner_id: owner.id,
      name,
      org_number: syntheticOrgNumber(rng, orgNumbers),
      external_id: externalId,
    };
    data.schools.push(school);
    const year: SchoolYearRow = {
      id: ids.uuid(),
      school_id: school.id,
      label: DEMO_SCHOOL_YEAR.label,
      starts_on: DEMO_SCHOOL_YEAR.startsOn,
      ends_on: DEMO_SCHOOL_YEAR.endsOn,
    };
    data.schoolYears.push(year);
    for (const b of DEMO_SCHOOL_YEAR.breaks) {
      data.schoolYearBreaks.push({
        id: ids.uuid(),
        school_year_id: year.id,
        kind: b.kind,
        label: b.label,
        starts_on: b.startsOn,
        ends_on: b.endsOn,
      });
    }
    return school;
  };
  const vgs = addSchool(DEMO_UPPER_SECONDARY_NAME, "demo-vgs");
  const us = addSchool(DEMO_LOWER_SECONDARY_NAME, "demo-us");

  const STAFF_MAIL = "demo.invalid";
  const PUPIL_MAIL = "elev.demo.invalid";
  const GUARDIAN_MAIL = "epost.demo.invalid";
  const OWNER_REALM = "demo-fylke.invalid";
  const realmOf = new Map([
    [vgs.id, "demo-vgs.invalid"],
    [us.id, "demo-us.invalid"],
  ]);

  // --- owner level and the system admin ------------------------------------------------
  const ownerStaff = (role: Role): void => {
    const p = addAdult({ mailDomain: STAFF_MAIL, feideRealm: OWNER_REALM });
    addRole(p.id, role, { ownerId: owner.id });
  };
  ownerStaff("ownerCaseOfficer");
  ownerStaff("areaDirector");
  addAdult({ mailDomain: STAFF_MAIL, feideRealm: null, isSystemAdmin: true });

  // --- pupils and their households -----------------------------------------------------
  const households: Household[] = [];

  const newHousehold = (childBirthYear: number): Household => {
    const pool = pickPool(rng);
    const family = pickFamily(rng, pool);
    const household: Household = { pool, family, guardianIds: [], children: [] };
    const count = rng.chance(0.75) ? 2 : 1;
    let genders: Gender[];
    if (count === 1) genders = [rng.chance(0.65) ? "female" : "male"];
    else {
      const r = rng.next();
      genders = r < 0.92 ? ["female", "male"] : r < 0.96 ? ["female", "female"] : ["male", "male"];
    }
    genders.forEach((gender, i) => {
      const ownFamily = i === 0 || rng.chance(0.65) ? family : pickFamily(rng, pool);
      const g = addAdult({
        pool,
        family: ownFamily,
        gender,
        mailDomain: GUARDIAN_MAIL,
        feideRealm: null,
        minYear: childBirthYear - 42,
        maxYear: childBirthYear - 24,
      });
      household.guardianIds.push(g.id);
    });
    households.push(household);
    return household;
  };

  const siblingHousehold = (birthYear: number): Household | undefined => {
    const eligible = households.filter(
      (h) => h.children.length === 1 && h.children.every((c) => c.birthYear !== birthYear),
    );
    return eligible.length > 0 ? rng.pick(eligible) : undefined;
  };

  const addPupil = (
    school: SchoolRow,
    cls: StudyGroupRow,
    birthYear: number,
    siblingChance: number,
  ): PersonRow => {
    const household =
      (rng.chance(siblingChance) ? siblingHousehold(birthYear) : undefined) ??
      newHousehold(birthYear);
    const gender = pupilGender(rng);
    const pupil = addPerson({
      given: givenName(household.pool, gender, "young", household.family),
      family: household.family,
      gender,
      birthDate: randomBirthDate(rng, birthYear),
      mailDomain: PUPIL_MAIL,
      feideRealm: realmOf.get(school.id) ?? null,
    });
    household.children.push({ birthYear, schoolId: school.id });
    for (const guardianId of household.guardianIds)
      data.guardianships.push({
        guardian_id: guardianId,
        pupil_id: pupil.id,
        relation: "guardian",
      });
    addRole(pupil.id, "pupil", { schoolId: school.id, groupId: cls.id });
    addMember(cls, pupil.id, "pupil");
    return pupil;
  };

  // The upper secondary school: 24 classes of 25 ± 3 pupils, exactly 600 in all.
  const sizes: number[] = [];
  for (let i = 0; i < (VGS_GRADES.length * VGS_CLASS_CODES.length) / 2; i++) {
    const d = rng.int(0, 3);
    sizes.push(25 + d, 25 - d);
  }
  const classSizes = rng.shuffled(sizes);
  const vgsClasses: { group: StudyGroupRow; grade: VgsGrade; pupils: PersonRow[] }[] = [];
  for (const { grade, digit, birthYear } of VGS_GRADES) {
    for (const code of VGS_CLASS_CODES) {
      const group = addGroup({
        school_id: vgs.id,
        kind: "class",
        name: `${digit}${code}`,
        grade,
        subject: null,
      });
      const size = classSizes[vgsClasses.length] ?? 25;
      const pupils: PersonRow[] = [];
      for (let i = 0; i < size; i++) pupils.push(addPupil(vgs, group, birthYear, 0.05));
      vgsClasses.push({ group, grade, pupils });
    }
  }

  // The lower secondary school: three small classes; a few households span both schools.
  const usClasses: { group: StudyGroupRow; pupils: PersonRow[] }[] = [];
  for (const c of LOWER_SECONDARY_CLASSES) {
    const group = addGroup({
      school_id: us.id,
      kind: "class",
      name: c.name,
      grade: c.grade,
      subject: null,
    });
    const pupils: PersonRow[] = [];
    const size = rng.int(8, 10);
    for (let i = 0; i < size; i++) {
      // The very first one is always a younger sibling of an upper secondary pupil.
      const chance = usClasses.length === 0 && i === 0 ? 1 : 0.25;
      pupils.push(addPupil(us, group, c.birthYear, chance));
    }
    usClasses.push({ group, pupils });
  }

  // Guardians hold the guardian role at every school one of their children attends.
  for (const h of households) {
    const schoolIds = [...new Set(h.children.map((c) => c.schoolId))];
    for (const guardianId of h.guardianIds)
      for (const schoolId of schoolIds) addRole(guardianId, "guardian", { schoolId });
  }

  // --- teaching groups -----------------------------------------------------------------
  const teachingGroups: StudyGroupRow[] = [];
  for (const { grade } of VGS_GRADES) {
    const stPupils = vgsClasses
      .filter((c) => c.grade === grade && c.group.name.slice(1).startsWith("ST"))
      .flatMap((c) => c.pupils);
    for (const block of TEACHING_BLOCKS[grade]) {
      if (block.kind === "oneOf") {
        const groups: StudyGroupRow[] = [];
        for (const option of block.options) {
          for (let n = 0; n < option.groups; n++) {
            const suffix = option.groups > 1 ? ` ${String.fromCharCode(65 + n)}` : "";
            groups.push(
              addGroup({
                school_id: vgs.id,
                kind: "teachingGroup",
                name: `${grade} ${option.subject}${suffix}`,
                grade,
                subject: option.subject,
              }),
            );
          }
        }
        const participants = rng
          .shuffled(stPupils)
          .slice(0, Math.round(block.share * stPupils.length));
        let offset = 0;
        groups.forEach((group, i) => {
          const size =
            Math.floor(participants.length / groups.length) +
            (i < participants.length % groups.length ? 1 : 0);
          for (const p of participants.slice(offset, offset + size))
            addMember(group, p.id, "pupil");
          offset += size;
        });
        teachingGroups.push(...groups);
      } else {
        const groups = block.subjects.map((subject) =>
          addGroup({
            school_id: vgs.id,
            kind: "teachingGroup",
            name: `${grade} ${subject}`,
            grade,
            subject,
          }),
        );
        const cap = Math.ceil((stPupils.length * block.perPupil) / block.subjects.length) + 2;
        const counts = groups.map(() => 0);
        for (const p of rng.shuffled(stPupils)) {
          const chosen = new Set<number>();
          for (let k = 0; k < block.perPupil; k++) {
            const free = groups
              .map((_, i) => i)
              .filter((i) => !chosen.has(i) && (counts[i] ?? 0) < cap);
            const options =
              free.length > 0 ? free : groups.map((_, i) => i).filter((i) => !chosen.has(i));
            const i = rng.pick(options);
            chosen.add(i);
            counts[i] = (counts[i] ?? 0) + 1;
          }
          for (const i of [...chosen].sort((a, b) => a - b)) {
            const group = groups[i];
            if (group) addMember(group, p.id, "pupil");
          }
        }
        teachingGroups.push(...groups);
      }
    }
  }

  // --- staff of the upper secondary school ---------------------------------------------
  const vgsRealm = realmOf.get(vgs.id) ?? null;
  const staff = (school: SchoolRow, role: Role): PersonRow => {
    const p = addAdult({ mailDomain: STAFF_MAIL, feideRealm: realmOf.get(school.id) ?? null });
    addRole(p.id, role, { schoolId: school.id });
    return p;
  };
  staff(vgs, "principal");
  staff(vgs, "deputy");
  for (let i = 0; i < 3; i++) staff(vgs, "departmentHead");
  staff(vgs, "adminLeader");
  staff(vgs, "counsellor");
  staff(vgs, "counsellor");
  staff(vgs, "socialWorker");
  staff(vgs, "schoolNurse");
  staff(vgs, "librarian");
  staff(vgs, "caretaker");

  const teachers: PersonRow[] = [];
  for (let i = 0; i < VGS_TEACHERS; i++)
    teachers.push(addAdult({ mailDomain: STAFF_MAIL, feideRealm: vgsRealm }));
  const load = teachers.map(() => 0);
  vgsClasses.forEach((c, i) => {
    const teacher = teachers[i];
    if (!teacher) return;
    addRole(teacher.id, "contactTeacher", { schoolId: vgs.id, groupId: c.group.id });
    addMember(c.group, teacher.id, "teacher");
    load[i] = (load[i] ?? 0) + 1;
  });
  // Teachers without a class take a teaching group first; the rest are spread out.
  const unassigned = teachers.map((_, i) => i).filter((i) => (load[i] ?? 0) === 0);
  rng.shuffled(teachingGroups).forEach((group, n) => {
    const free = teachers.map((_, i) => i).filter((i) => (load[i] ?? 0) < MAX_GROUPS_PER_TEACHER);
    const index = unassigned[n] ?? rng.pick(free);
    const teacher = teachers[index];
    if (!teacher) return;
    addRole(teacher.id, "subjectTeacher", { schoolId: vgs.id, groupId: group.id });
    addMember(group, teacher.id, "teacher");
    load[index] = (load[index] ?? 0) + 1;
  });
  // A grade leader per grade: one of the grade's contact teachers.
  for (const { grade } of VGS_GRADES) {
    const candidates = vgsClasses.flatMap((c, i) => (c.grade === grade ? [teachers[i]] : []));
    const leader = rng.pick(candidates);
    if (leader) addRole(leader.id, "gradeLeader", { schoolId: vgs.id, grade });
  }
  // The pupil council board: two pupils per grade.
  for (const { grade } of VGS_GRADES) {
    const pupils = vgsClasses.filter((c) => c.grade === grade).flatMap((c) => c.pupils);
    for (const p of rng.shuffled(pupils).slice(0, 2))
      addRole(p.id, "pupilCouncil", { schoolId: vgs.id });
  }

  // --- staff of the lower secondary school ---------------------------------------------
  staff(us, "principal");
  staff(us, "deputy");
  staff(us, "counsellor");
  staff(us, "schoolNurse");
  for (const c of usClasses) {
    const teacher = addAdult({ mailDomain: STAFF_MAIL, feideRealm: realmOf.get(us.id) ?? null });
    addRole(teacher.id, "contactTeacher", { schoolId: us.id, groupId: c.group.id });
    addMember(c.group, teacher.id, "teacher");
    const rep = rng.pick(c.pupils);
    addRole(rep.id, "pupilCouncil", { schoolId: us.id });
  }

  data.logins = pickDemoLogins({
    owners: data.schoolOwners,
    schools: data.schools,
    persons: data.persons,
    groups: data.studyGroups,
    roles: data.roleAssignments,
    guardianships: data.guardianships,
  });
  return data;
}
