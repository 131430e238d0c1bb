import { describe, expect, it } from "vitest";
import { OWNER_ROLES, SCHOOL_ROLES } from "../../core/access/roles.ts";
import { addDays, mondayOfIsoWeek, parseIsoDate, weekday } from "../../core/calendar/iso-date.ts";
import { easterSunday } from "../../core/calendar/norwegian-holidays.ts";
import { createSchoolYearCalendar } from "../../core/calendar/school-year.ts";
import {
  DEMO_LOWER_SECONDARY_NAME,
  DEMO_OWNER_NAME,
  DEMO_SCHOOL_YEAR,
  DEMO_UPPER_SECONDARY_NAME,
  type DemoData,
  generateDemoData,
} from "./generate.ts";
import { WELL_KNOWN_NAMES } from "./names.ts";

const data = generateDemoData(2026);

const vgs = data.schools.find((s) => s.name === DEMO_UPPER_SECONDARY_NAME)!;
const us = data.schools.find((s) => s.name === DEMO_LOWER_SECONDARY_NAME)!;
const owner = data.schoolOwners[0]!;
const groupsById = new Map(data.studyGroups.map((g) => [g.id, g]));
const personsById = new Map(data.persons.map((p) => [p.id, p]));

function rolesAt(schoolId: string, role: string) {
  return data.roleAssignments.filter((r) => r.school_id === schoolId && r.role === role);
}
function pupilsOf(groupId: string): string[] {
  return data.groupMemberships
    .filter((m) => m.group_id === groupId && m.member_role === "pupil")
    .map((m) => m.person_id);
}
function classesOf(schoolId: string) {
  return data.studyGroups.filter((g) => g.school_id === schoolId && g.kind === "class");
}

describe("generateDemoData: determinism", () => {
  it("gives deep-equal data for the same seed", () => {
    expect(generateDemoData(2026)).toEqual(data);
    expect(generateDemoData()).toEqual(data);
  });

  it("gives different data for a different seed", () => {
    const other = generateDemoData(7);
    expect(other.persons.map((p) => p.id)).not.toEqual(data.persons.map((p) => p.id));
    const names = (d: DemoData) => d.persons.map((p) => `${p.given_name} ${p.family_name}`);
    expect(names(other)).not.toEqual(names(data));
    // The shape stays: same tenancy, same class layout.
    expect(other.schools.map((s) => s.name)).toEqual(data.schools.map((s) => s.name));
    expect(other.studyGroups.map((g) => g.name)).toEqual(data.studyGroups.map((g) => g.name));
  });

  it("derives v4-shaped, unique ids", () => {
    const ids = [
      ...data.schoolOwners,
      ...data.schools,
      ...data.schoolYears,
      ...data.schoolYearBreaks,
      ...data.persons,
      ...data.studyGroups,
      ...data.roleAssignments,
    ].map((r) => r.id);
    for (const id of ids)
      expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe("generateDemoData: tenancy and calendar", () => {
  it("has one owner with two schools", () => {
    expect(data.schoolOwners).toHaveLength(1);
    expect(owner.name).toBe(DEMO_OWNER_NAME);
    expect(data.schools.map((s) => s.owner_id)).toEqual([owner.id, owner.id]);
  });

  it("uses synthetic org numbers (9 digits, starting with 9, never a valid mod-11 number)", () => {
    const numbers = [owner.org_number, vgs.org_number, us.org_number];
    expect(new Set(numbers).size).toBe(3);
    for (const n of numbers) {
      expect(n).toMatch(/^9\d{8}$/);
      const digits = [...(n ?? "")].map(Number);
      const sum = [3, 2, 7, 6, 5, 4, 3, 2].reduce((s, w, i) => s + w * (digits[i] ?? 0), 0);
      const check = (11 - (sum % 11)) % 11;
      expect(digits[8]).not.toBe(check);
    }
  });

  it("gives each school the 2026-2027 year with its breaks", () => {
    expect(data.schoolYears).toHaveLength(2);
    for (const year of data.schoolYears) {
      expect(year).toMatchObject({
        label: "2026-2027",
        starts_on: "2026-08-13",
        ends_on: "2027-06-18",
      });
      const breaks = data.schoolYearBreaks.filter((b) => b.school_year_id === year.id);
      expect(breaks.map((b) => [b.kind, b.label, b.starts_on, b.ends_on])).toEqual([
        ["planningDay", "Planleggingsdag", "2026-08-13", "2026-08-13"],
        ["planningDay", "Planleggingsdag", "2026-08-14", "2026-08-14"],
        ["holiday", "Høstferie", "2026-09-28", "2026-10-02"],
        ["holiday", "Juleferie", "2026-12-21", "2027-01-01"],
        ["holiday", "Vinterferie", "2027-02-22", "2027-02-26"],
        ["holiday", "Påskeferie", "2027-03-22", "2027-03-29"],
      ]);
    }
  });

  it("places the breaks by the calendar (weeks 40 and 8, Easter 2027 on 28 March)", () => {
    const breaks = new Map(data.schoolYearBreaks.map((b) => [b.label, b]));
    const autumn = mondayOfIsoWeek(2026, 40);
    expect(breaks.get("Høstferie")).toMatchObject({
      starts_on: autumn,
      ends_on: addDays(autumn, 4),
    });
    const winter = mondayOfIsoWeek(2027, 8);
    expect(breaks.get("Vinterferie")).toMatchObject({
      starts_on: winter,
      ends_on: addDays(winter, 4),
    });
    const easter = easterSunday(2027);
    expect(easter).toBe("2027-03-28");
    expect(breaks.get("Påskeferie")).toMatchObject({
      starts_on: addDays(easter, -6),
      ends_on: addDays(easter, 1),
    });
    expect(weekday(parseIsoDate("2026-08-13"))).toBe(4);
    expect(weekday(parseIsoDate("2026-08-14"))).toBe(5);
    expect(weekday(parseIsoDate("2026-08-17"))).toBe(1);
  });

  it("is a valid school year for the calendar rules", () => {
    const y = DEMO_SCHOOL_YEAR;
    const result = createSchoolYearCalendar({
      startsOn: parseIsoDate(y.startsOn),
      endsOn: parseIsoDate(y.endsOn),
      schoolHolidays: y.breaks
        .filter((b) => b.kind === "holiday")
        .map((b) => ({
          kind: "other" as const,
          from: parseIsoDate(b.startsOn),
          to: parseIsoDate(b.endsOn),
          label: b.label,
        })),
      planningDays: y.breaks
        .filter((b) => b.kind === "planningDay")
        .map((b) => parseIsoDate(b.startsOn)),
    });
    expect(result.ok ? [] : result.error).toEqual([]);
  });
});

describe("generateDemoData: groups and pupils", () => {
  it("fills the upper secondary school with 600 pupils in 24 classes, 8 per grade", () => {
    const classes = classesOf(vgs.id);
    expect(classes).toHaveLength(24);
    for (const grade of ["Vg1", "Vg2", "Vg3"])
      expect(classes.filter((c) => c.grade === grade)).toHaveLength(8);
    expect(classes.map((c) => c.name)).toContain("1STA");
    expect(classes.map((c) => c.name)).toContain("2STA");
    expect(classes.map((c) => c.name)).toContain("3ELA");
    for (const c of classes) {
      expect(c.name).toMatch(/^[123](ST|EL|HO|SS)[A-E]$/);
      expect(pupilsOf(c.id).length).toBeGreaterThanOrEqual(22);
      expect(pupilsOf(c.id).length).toBeLessThanOrEqual(28);
    }
    expect(rolesAt(vgs.id, "pupil")).toHaveLength(600);
  });

  it("keeps the lower secondary school small: three classes of 8–10 in grades 8–10", () => {
    const classes = classesOf(us.id);
    expect(classes.map((c) => [c.name, c.grade])).toEqual([
      ["8A", "8"],
      ["9A", "9"],
      ["10A", "10"],
    ]);
    for (const c of classes) {
      expect(pupilsOf(c.id).length).toBeGreaterThanOrEqual(8);
      expect(pupilsOf(c.id).length).toBeLessThanOrEqual(10);
    }
  });

  it("puts every pupil in exactly one class, matching the pupil role", () => {
    const pupilRoles = data.roleAssignments.filter((r) => r.role === "pupil");
    expect(new Set(pupilRoles.map((r) => r.person_id)).size).toBe(pupilRoles.length);
    for (const r of pupilRoles) {
      const classes = data.groupMemberships.filter(
        (m) =>
          m.person_id === r.person_id &&
          m.member_role === "pupil" &&
          groupsById.get(m.group_id)?.kind === "class",
      );
      expect(classes.map((m) => m.group_id)).toEqual([r.group_id]);
      expect(groupsById.get(r.group_id ?? "")?.school_id).toBe(r.school_id);
    }
  });

  it("gives pupils birth dates consistent with their grade", () => {
    const birthYear: Record<string, number> = {
      Vg1: 2010,
      Vg2: 2009,
      Vg3: 2008,
      "8": 2013,
      "9": 2012,
      "10": 2011,
    };
    for (const r of data.roleAssignments.filter((x) => x.role === "pupil")) {
      const grade = groupsById.get(r.group_id ?? "")?.grade ?? "";
      const born = personsById.get(r.person_id)?.birth_date ?? "";
      expect(Number(born.slice(0, 4)), `${grade} ${born}`).toBe(birthYear[grade]);
    }
  });

  it("has about 30 teaching groups, each drawing pupils of one grade across classes", () => {
    const teachingGroups = data.studyGroups.filter((g) => g.kind === "teachingGroup");
    expect(teachingGroups.length).toBeGreaterThanOrEqual(28);
    expect(teachingGroups.length).toBeLessThanOrEqual(34);
    const classOf = new Map(
      data.roleAssignments
        .filter((r) => r.role === "pupil")
        .map((r) => [r.person_id, groupsById.get(r.group_id ?? "")!]),
    );
    for (const g of teachingGroups) {
      expect(g.school_id).toBe(vgs.id);
      expect(g.subject).toBeTruthy();
      const pupils = pupilsOf(g.id);
      expect(pupils.length).toBeGreaterThanOrEqual(15);
      expect(pupils.length).toBeLessThanOrEqual(36);
      const classes = new Set(pupils.map((p) => classOf.get(p)?.name));
      expect(classes.size).toBeGreaterThan(1);
      for (const p of pupils) expect(classOf.get(p)?.grade).toBe(g.grade);
    }
    const subjects = teachingGroups.map((g) => g.subject);
    expect(subjects).toContain("Matematikk R1");
    expect(subjects).toContain("Psykologi 1");
  });

  it("gives pupils a gender, with a few 'other'", () => {
    const pupils = data.roleAssignments
      .filter((r) => r.role === "pupil")
      .map((r) => personsById.get(r.person_id)!);
    const count = (g: string) => pupils.filter((p) => p.gender === g).length;
    expect(count("female") + count("male") + count("other")).toBe(pupils.length);
    expect(count("female")).toBeGreaterThan(250);
    expect(count("male")).toBeGreaterThan(250);
    expect(count("other")).toBeGreaterThan(0);
    expect(count("other")).toBeLessThan(30);
  });
});

describe("generateDemoData: roles", () => {
  it("staffs the upper secondary school in every school role", () => {
    for (const role of SCHOOL_ROLES) expect(rolesAt(vgs.id, role).length, role).toBeGreaterThan(0);
    expect(rolesAt(vgs.id, "principal")).toHaveLength(1);
    expect(rolesAt(vgs.id, "deputy")).toHaveLength(1);
    expect(rolesAt(vgs.id, "departmentHead")).toHaveLength(3);
    expect(rolesAt(vgs.id, "counsellor")).toHaveLength(2);
    expect(rolesAt(vgs.id, "gradeLeader").map((r) => r.grade)).toEqual(["Vg1", "Vg2", "Vg3"]);
  });

  it("has exactly one contact teacher per class and one subject teacher per teaching group", () => {
    for (const g of data.studyGroups) {
      const role = g.kind === "class" ? "contactTeacher" : "subjectTeacher";
      const assigned = data.roleAssignments.filter((r) => r.group_id === g.id && r.role === role);
      expect(assigned, g.name).toHaveLength(1);
      const teachers = data.groupMemberships.filter(
        (m) => m.group_id === g.id && m.member_role === "teacher",
      );
      expect(teachers.map((m) => m.person_id)).toEqual([assigned[0]?.person_id]);
    }
  });

  it("makes pupil council members pupils of the same school", () => {
    for (const school of [vgs, us]) {
      const council = rolesAt(school.id, "pupilCouncil");
      expect(council.length).toBeGreaterThan(0);
      const pupils = new Set(rolesAt(school.id, "pupil").map((r) => r.person_id));
      for (const r of council) expect(pupils.has(r.person_id)).toBe(true);
    }
  });

  it("has both owner roles at the owner, and one system admin", () => {
    for (const role of OWNER_ROLES) {
      const rows = data.roleAssignments.filter((r) => r.role === role);
      expect(rows, role).toHaveLength(1);
      expect(rows[0]).toMatchObject({ owner_id: owner.id, school_id: null, group_id: null });
    }
    expect(data.persons.filter((p) => p.is_system_admin)).toHaveLength(1);
  });

  it("scopes every role to exactly one of school and owner", () => {
    for (const r of data.roleAssignments)
      expect((r.school_id === null) !== (r.owner_id === null)).toBe(true);
  });

  it("gives every pupil one or two guardians, some shared by siblings and across schools", () => {
    const guardiansOf = new Map<string, string[]>();
    const childrenOf = new Map<string, string[]>();
    for (const g of data.guardianships) {
      guardiansOf.set(g.pupil_id, [...(guardiansOf.get(g.pupil_id) ?? []), g.guardian_id]);
      childrenOf.set(g.guardian_id, [...(childrenOf.get(g.guardian_id) ?? []), g.pupil_id]);
    }
    for (const r of data.roleAssignments.filter((x) => x.role === "pupil")) {
      const n = guardiansOf.get(r.person_id)?.length ?? 0;
      expect(n).toBeGreaterThanOrEqual(1);
      expect(n).toBeLessThanOrEqual(2);
    }
    expect([...childrenOf.values()].some((c) => c.length > 1)).toBe(true);
    const guardianSchools = new Map<string, Set<string>>();
    for (const r of data.roleAssignments.filter((x) => x.role === "guardian"))
      guardianSchools.set(
        r.person_id,
        new Set([...(guardianSchools.get(r.person_id) ?? []), r.school_id ?? ""]),
      );
    expect([...guardianSchools.values()].some((s) => s.size === 2)).toBe(true);
    // Every guardian holds the role at each school of their children, and nowhere else.
    for (const [guardian, children] of childrenOf) {
      const schools = new Set(
        children.flatMap((c) =>
          data.roleAssignments
            .filter((r) => r.person_id === c && r.role === "pupil")
            .map((r) => r.school_id ?? ""),
        ),
      );
      expect(guardianSchools.get(guardian)).toEqual(schools);
    }
  });

  it("keeps all references inside the data set", () => {
    const schoolIds = new Set(data.schools.map((s) => s.id));
    for (const r of data.roleAssignments) {
      expect(personsById.has(r.person_id)).toBe(true);
      if (r.school_id) expect(schoolIds.has(r.school_id)).toBe(true);
      if (r.group_id) expect(groupsById.get(r.group_id)?.school_id).toBe(r.school_id);
    }
    for (const m of data.groupMemberships) {
      expect(personsById.has(m.person_id)).toBe(true);
      expect(groupsById.has(m.group_id)).toBe(true);
    }
    for (const g of data.guardianships) {
      expect(personsById.has(g.guardian_id)).toBe(true);
      expect(personsById.has(g.pupil_id)).toBe(true);
    }
    const keys = data.groupMemberships.map((m) => `${m.group_id}|${m.person_id}|${m.member_role}`);
    expect(new Set(keys).size).toBe(keys.length);
  });
});

describe("generateDemoData: synthetic identities", () => {
  it("only uses addresses under the .invalid top-level domain", () => {
    for (const p of data.persons) {
      expect(p.email).toMatch(/^[a-z0-9.-]+@([a-z0-9-]+\.)*invalid$/);
      if (p.feide_id) expect(p.feide_id).toMatch(/^[a-z0-9.-]+@[a-z0-9-]+\.invalid$/);
      expect(p.phone).toBeNull();
      expect(p.nin_hash).toBeNull();
    }
    const emails = data.persons.map((p) => p.email);
    expect(new Set(emails).size).toBe(emails.length);
    const feide = data.persons.flatMap((p) => (p.feide_id ? [p.feide_id] : []));
    expect(new Set(feide).size).toBe(feide.length);
  });

  it("gives pupils @elev.demo.invalid, staff @demo.invalid and Feide names per school", () => {
    const pupils = rolesAt(vgs.id, "pupil").map((r) => personsById.get(r.person_id)!);
    for (const p of pupils) {
      expect(p.email).toMatch(/@elev\.demo\.invalid$/);
      expect(p.feide_id).toMatch(/@demo-vgs\.invalid$/);
    }
    const principal = personsById.get(rolesAt(us.id, "principal")[0]!.person_id)!;
    expect(principal.email).toMatch(/@demo\.invalid$/);
    expect(principal.feide_id).toMatch(/@demo-us\.invalid$/);
    const guardian = personsById.get(rolesAt(vgs.id, "guardian")[0]!.person_id)!;
    expect(guardian.feide_id).toBeNull();
  });

  it("never repeats a full name and avoids well-known people", () => {
    const names = data.persons.map((p) => `${p.given_name} ${p.family_name}`);
    expect(new Set(names).size).toBe(names.length);
    for (const n of names) expect(WELL_KNOWN_NAMES.has(n)).toBe(false);
  });

  it("mixes Norwegian names with names of other backgrounds", () => {
    const families = new Set(data.persons.map((p) => p.family_name));
    expect(families.has("Hansen") || families.has("Johansen")).toBe(true);
    const norwegianShare =
      data.persons.filter((p) => /(sen|ssen)$/.test(p.family_name)).length / data.persons.length;
    expect(norwegianShare).toBeGreaterThan(0.2);
    expect(norwegianShare).toBeLessThan(0.8);
  });
});

describe("generateDemoData: demo logins", () => {
  const logins = data.logins;

  it("lists 1–3 people per interesting role", () => {
    const roles = [
      "principal",
      "deputy",
      "contactTeacher",
      "subjectTeacher",
      "counsellor",
      "schoolNurse",
      "pupil",
      "guardian",
      "pupilCouncil",
      "ownerCaseOfficer",
      "areaDirector",
      "systemAdmin",
    ];
    for (const role of roles) {
      const n = logins.filter((l) => l.role === role && l.schoolId !== us.id).length;
      expect(n, role).toBeGreaterThanOrEqual(1);
      expect(n, role).toBeLessThanOrEqual(3);
    }
  });

  it("starts with the contact teacher of 1STA and lists the small school's principal", () => {
    const contact = logins.find((l) => l.role === "contactTeacher" && l.schoolId === vgs.id);
    expect(contact?.className).toBe("1STA");
    expect(logins.filter((l) => l.role === "principal").map((l) => l.schoolName)).toEqual([
      DEMO_UPPER_SECONDARY_NAME,
      DEMO_LOWER_SECONDARY_NAME,
    ]);
  });

  it("names people who really hold the role", () => {
    for (const l of logins) {
      const p = personsById.get(l.personId)!;
      expect(l.displayName).toBe(`${p.given_name} ${p.family_name}`);
      if (l.role === "systemAdmin") expect(p.is_system_admin).toBe(true);
      else
        expect(
          data.roleAssignments.some(
            (r) =>
              r.person_id === l.personId &&
              r.role === l.role &&
              (r.school_id ?? null) === l.schoolId,
          ),
          `${l.role} ${l.displayName}`,
        ).toBe(true);
    }
  });
});
