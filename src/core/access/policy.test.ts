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
