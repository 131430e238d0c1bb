import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Actor, Grant } from "./actor.ts";
import { ACTIONS, type Action, authorize, isLeadershipAt, type Resource } from "./policy.ts";
import { SCHOOL_ROLES, type SchoolRole } from "./roles.ts";

const OWNER = "owner-1";
const SCHOOL_A = "school-a";
const SCHOOL_B = "school-b";
const schoolA: Resource = { type: "school", schoolId: SCHOOL_A, ownerId: OWNER };
const schoolB: Resource = { type: "school", schoolId: SCHOOL_B, ownerId: OWNER };

const at = (role: SchoolRole, schoolId = SCHOOL_A): Actor => ({
  personId: `p-${role}`,
  grants: [{ role, schoolId, ownerId: OWNER }],
});
const owner = (role: "ownerCaseOfficer" | "areaDirector", ownerId = OWNER): Actor => ({
  personId: `p-${role}`,
  grants: [{ role, ownerId }],
});
const admin: Actor = { personId: "p-admin", grants: [{ role: "systemAdmin" }] };

describe("authorize: table of who may do what at a school", () => {
  it.each<[string, Actor, Action, Resource, boolean]>([
    ["principal manages its school's people", at("principal"), "people.manage", schoolA, true],
    ["deputy manages people", at("deputy"), "people.manage", schoolA, true],
    [
      "contact teacher reads people (to report)",
      at("contactTeacher"),
      "people.read",
      schoolA,
      true,
    ],
    ["contact teacher cannot manage people", at("contactTeacher"), "people.manage", schoolA, false],
    ["pupil cannot list people", at("pupil"), "people.read", schoolA, false],
    ["guardian cannot list people", at("guardian"), "people.read", schoolA, false],
    ["pupil may see the school's name", at("pupil"), "school.read", schoolA, true],
    ["principal of A cannot read people of B", at("principal"), "people.read", schoolB, false],
    ["principal of A cannot import into B", at("principal"), "import.run", schoolB, false],
    ["principal reads the school's audit log", at("principal"), "audit.read", schoolA, true],
    ["deputy cannot read the audit log", at("deputy"), "audit.read", schoolA, false],
    [
      "owner case officer reads school audit",
      owner("ownerCaseOfficer"),
      "audit.read",
      schoolA,
      true,
    ],
    [
      "owner of another county cannot",
      owner("ownerCaseOfficer", "other"),
      "audit.read",
      schoolA,
      false,
    ],
    [
      "owner officer cannot manage people",
      owner("ownerCaseOfficer"),
      "people.manage",
      schoolA,
      false,
    ],
    ["system admin manages people anywhere", admin, "people.manage", schoolB, true],
    ["subject teacher cannot run imports", at("subjectTeacher"), "import.run", schoolA, false],
    ["caretaker reads the calendar", at("caretaker"), "schoolYear.read", schoolA, true],
    ["caretaker cannot edit the calendar", at("caretaker"), "schoolYear.manage", schoolA, false],
    ["principal imports national surveys", at("principal"), "surveyNational.import", schoolA, true],
    ["deputy imports national surveys", at("deputy"), "surveyNational.import", schoolA, true],
    ["counsellor cannot import them", at("counsellor"), "surveyNational.import", schoolA, false],
    ["counsellor reads national results", at("counsellor"), "surveyNational.read", schoolA, true],
    ["teacher cannot read them", at("contactTeacher"), "surveyNational.read", schoolA, false],
    ["pupil cannot read them", at("pupil"), "surveyNational.read", schoolA, false],
    ["principal of A cannot read B's", at("principal"), "surveyNational.read", schoolB, false],
    ["owner officer reads them", owner("ownerCaseOfficer"), "surveyNational.read", schoolA, true],
    [
      "owner officer cannot import",
      owner("ownerCaseOfficer"),
      "surveyNational.import",
      schoolA,
      false,
    ],
  ])("%s", (_name, actor, action, resource, expected) => {
    expect(authorize(actor, action, resource).allow).toBe(expected);
  });

  it("denies everything to an anonymous caller", () => {
    for (const action of ACTIONS) {
      expect(authorize(null, action, schoolA)).toEqual({
        allow: false,
        reason: "not-authenticated",
      });
    }
  });

  it("denies an unknown action (deny by default)", () => {
    expect(authorize(admin, "no.such.action" as Action, schoolA).allow).toBe(false);
  });

  it("owner-level actions need an owner role at that owner", () => {
    expect(
      authorize(owner("areaDirector"), "owner.manage", { type: "owner", ownerId: OWNER }).allow,
    ).toBe(true);
    expect(
      authorize(owner("ownerCaseOfficer"), "owner.manage", { type: "owner", ownerId: OWNER }).allow,
    ).toBe(false);
    expect(authorize(at("principal"), "owner.read", { type: "owner", ownerId: OWNER }).allow).toBe(
      false,
    );
  });

  it.each([
    ["an area director", owner("areaDirector"), true],
    ["a case officer", owner("ownerCaseOfficer"), true],
    ["a case officer of another owner", owner("ownerCaseOfficer", "other-owner"), false],
    ["a principal", at("principal"), false],
    ["a system administrator", admin, false],
  ])("owner case settings: %s -> %s", (_name, actor, expected) => {
    expect(authorize(actor, "owner.caseSettings", { type: "owner", ownerId: OWNER }).allow).toBe(
      expected,
    );
  });
});

describe("authorize: properties", () => {
  const schoolRole = fc.constantFrom(...SCHOOL_ROLES);
  const grant = fc.oneof(
    schoolRole.map((role): Grant => ({ role, schoolId: SCHOOL_A, ownerId: OWNER })),
    fc.constantFrom<Grant>({ role: "ownerCaseOfficer", ownerId: "other-owner" }),
  );

  it("no role at school B ever grants a school-B action (tenancy)", () => {
    fc.assert(
      fc.property(
        fc.array(grant, { maxLength: 6 }),
        fc.constantFrom(...ACTIONS),
        (grants, action) => {
          const actor: Actor = { personId: "p", grants };
          expect(authorize(actor, action, schoolB).allow).toBe(false);
        },
      ),
    );
  });

  it("adding a grant never removes an allowed action (monotonic)", () => {
    fc.assert(
      fc.property(
        fc.array(grant, { maxLength: 5 }),
        grant,
        fc.constantFrom(...ACTIONS),
        (grants, extra, action) => {
          const before = authorize({ personId: "p", grants }, action, schoolA).allow;
          const after = authorize(
            { personId: "p", grants: [...grants, extra] },
            action,
            schoolA,
          ).allow;
          if (before) expect(after).toBe(true);
        },
      ),
    );
  });
});

describe("leadership", () => {
  it.each<[SchoolRole, boolean]>([
    ["principal", true],
    ["deputy", true],
    ["departmentHead", true],
    ["adminLeader", true],
    ["contactTeacher", false],
    ["counsellor", false],
  ])("%s is leadership: %s", (role, expected) => {
    expect(isLeadershipAt(at(role), SCHOOL_A)).toBe(expected);
    expect(isLeadershipAt(at(role), SCHOOL_B)).toBe(false);
  });
});

describe("rotations: buddy groups and seating of one class or teaching group", () => {
  const CLASS = "class-1";
  const OTHER_CLASS = "class-2";
  const TEACHING = "teaching-1";
  const group = (groupId: string, schoolId = SCHOOL_A): Resource => ({
    type: "studyGroup",
    schoolId,
    ownerId: OWNER,
    groupId,
  });
  const teacher = (
    role: "contactTeacher" | "subjectTeacher",
    groupId: string,
    schoolId = SCHOOL_A,
  ): Actor => ({ personId: `p-${role}`, grants: [{ role, schoolId, ownerId: OWNER, groupId }] });

  it.each<[string, Actor, Resource, boolean]>([
    ["contact teacher of the class", teacher("contactTeacher", CLASS), group(CLASS), true],
    [
      "contact teacher of another class",
      teacher("contactTeacher", OTHER_CLASS),
      group(CLASS),
      false,
    ],
    ["subject teacher of the group", teacher("subjectTeacher", TEACHING), group(TEACHING), true],
    ["subject teacher of another group", teacher("subjectTeacher", TEACHING), group(CLASS), false],
    [
      "contact teacher at another school",
      teacher("contactTeacher", CLASS, SCHOOL_B),
      group(CLASS),
      false,
    ],
    ["principal", at("principal"), group(CLASS), true],
    ["deputy", at("deputy"), group(TEACHING), true],
    ["department head", at("departmentHead"), group(CLASS), true],
    ["grade leader", at("gradeLeader"), group(CLASS), true],
    ["principal of another school", at("principal", SCHOOL_B), group(CLASS), false],
    ["counsellor", at("counsellor"), group(CLASS), false],
    ["caretaker", at("caretaker"), group(CLASS), false],
    ["pupil", at("pupil"), group(CLASS), false],
    ["guardian", at("guardian"), group(CLASS), false],
    ["owner case officer", owner("ownerCaseOfficer"), group(CLASS), false],
    ["area director", owner("areaDirector"), group(CLASS), false],
    ["system admin", admin, group(CLASS), false],
  ])("%s: read and manage = %s", (_name, actor, resource, expected) => {
    expect(authorize(actor, "rotation.read", resource).allow).toBe(expected);
    expect(authorize(actor, "rotation.manage", resource).allow).toBe(expected);
  });

  it("rotation rules refuse any other resource", () => {
    expect(authorize(at("principal"), "rotation.read", schoolA).allow).toBe(false);
  });

  it.each<[string, Actor, boolean]>([
    ["principal", at("principal"), true],
    ["contact teacher", teacher("contactTeacher", CLASS), true],
    ["subject teacher", teacher("subjectTeacher", TEACHING), true],
    ["counsellor", at("counsellor"), false],
    ["pupil", at("pupil"), false],
    ["owner", owner("areaDirector"), false],
  ])("%s may list the groups to plan: %s", (_name, actor, expected) => {
    expect(authorize(actor, "rotation.list", schoolA).allow).toBe(expected);
  });

  it.each<[string, Actor, boolean, boolean]>([
    ["caretaker", at("caretaker"), true, false],
    ["contact teacher", teacher("contactTeacher", CLASS), true, true],
    ["deputy", at("deputy"), true, true],
    ["pupil", at("pupil"), false, false],
    ["guardian", at("guardian"), false, false],
    ["principal of another school", at("principal", SCHOOL_B), false, false],
  ])("%s on classrooms: read %s, manage %s", (_name, actor, read, manage) => {
    expect(authorize(actor, "classroom.read", schoolA).allow).toBe(read);
    expect(authorize(actor, "classroom.manage", schoolA).allow).toBe(manage);
  });
});
