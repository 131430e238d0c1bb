import { describe, expect, it } from "vitest";
import type { Actor } from "./actor.ts";
import { authorize, type Resource } from "./policy.ts";
import {
  checkOwnerRoleAssignment,
  checkSchoolRoleAssignment,
  checkSchoolRoleRemoval,
  type GroupFacts,
  type HeldRole,
  type RoleRuleCode,
} from "./role-rules.ts";
import type { SchoolRole } from "./roles.ts";

const SCHOOL = "school-a";
const OTHER = "school-b";
const cls: GroupFacts = { id: "g-class", schoolId: SCHOOL, kind: "class" };
const tg: GroupFacts = { id: "g-tg", schoolId: SCHOOL, kind: "teachingGroup" };
const otherCls: GroupFacts = { id: "g-other", schoolId: OTHER, kind: "class" };
const held = (role: string, groupId: string | null = null): HeldRole => ({
  id: `r-${role}-${groupId ?? "none"}`,
  role,
  groupId,
});

const codes = (
  role: string,
  group: GroupFacts | null,
  roles: HeldRole[] = [],
  groupId: string | null = group?.id ?? null,
): RoleRuleCode[] =>
  checkSchoolRoleAssignment({ schoolId: SCHOOL, role, groupId, group, held: roles }).map(
    (i) => i.code,
  );

describe("checkSchoolRoleAssignment", () => {
  it.each<[string, string, GroupFacts | null, HeldRole[], RoleRuleCode[]]>([
    ["a counsellor without a group", "counsellor", null, [], []],
    ["a contact teacher of a class", "contactTeacher", cls, [], []],
    ["a subject teacher of a teaching group", "subjectTeacher", tg, [], []],
    ["a pupil with a class", "pupil", cls, [], []],
    ["a pupil without a class", "pupil", null, [], []],
    ["a guardian", "guardian", null, [], []],
    ["a second staff role", "counsellor", null, [held("subjectTeacher", "g-tg")], []],
    [
      "a contact teacher of a second class",
      "contactTeacher",
      cls,
      [held("contactTeacher", "x")],
      [],
    ],
    ["a pupil joining the pupil council", "pupilCouncil", null, [held("pupil", "g-class")], []],
    ["an owner role at a school", "areaDirector", null, [], ["role.notSchoolRole"]],
    ["the system admin role at a school", "systemAdmin", null, [], ["role.notSchoolRole"]],
    ["an unknown role", "headmaster", null, [], ["role.notSchoolRole"]],
    ["a contact teacher without a class", "contactTeacher", null, [], ["role.groupRequired"]],
    ["a contact teacher of a teaching group", "contactTeacher", tg, [], ["role.groupWrongKind"]],
    ["a subject teacher without a group", "subjectTeacher", null, [], ["role.groupRequired"]],
    ["a subject teacher of a class", "subjectTeacher", cls, [], ["role.groupWrongKind"]],
    ["a pupil in a teaching group", "pupil", tg, [], ["role.groupWrongKind"]],
    ["a principal of a group", "principal", cls, [], ["role.groupNotAllowed"]],
    ["a class of another school", "contactTeacher", otherCls, [], ["role.groupNotAtSchool"]],
    [
      "a staff role for a pupil",
      "counsellor",
      null,
      [held("pupil", "g-class")],
      ["role.staffAndFamily"],
    ],
    ["a staff role for a guardian", "principal", null, [held("guardian")], ["role.staffAndFamily"]],
    [
      "a pupil role for a teacher",
      "pupil",
      cls,
      [held("subjectTeacher", "g-tg")],
      ["role.staffAndFamily"],
    ],
    [
      "a guardian role for a caretaker",
      "guardian",
      null,
      [held("caretaker")],
      ["role.staffAndFamily"],
    ],
    ["the same role twice", "counsellor", null, [held("counsellor")], ["role.alreadyHeld"]],
    [
      "the same class twice",
      "contactTeacher",
      cls,
      [held("contactTeacher", "g-class")],
      ["role.alreadyHeld"],
    ],
  ])("%s", (_name, role, group, roles, expected) => {
    expect(codes(role, group, roles)).toEqual(expected);
  });

  it("treats a group id with no group behind it as not at this school", () => {
    expect(codes("contactTeacher", null, [], "g-missing")).toEqual(["role.groupNotAtSchool"]);
  });

  it("reports every problem at once", () => {
    expect(codes("contactTeacher", tg, [held("pupil")])).toEqual([
      "role.groupWrongKind",
      "role.staffAndFamily",
    ]);
  });

  it("points each problem at the field to fix", () => {
    const issues = checkSchoolRoleAssignment({
      schoolId: SCHOOL,
      role: "contactTeacher",
      groupId: null,
      group: null,
      held: [held("guardian")],
    });
    expect(issues).toEqual([
      { code: "role.groupRequired", path: "groupId" },
      { code: "role.staffAndFamily", path: "role" },
    ]);
  });
});

describe("checkSchoolRoleRemoval", () => {
  it.each<[string, string, number, RoleRuleCode[]]>([
    ["the last principal", "principal", 1, ["role.lastPrincipal"]],
    ["one of two principals", "principal", 2, []],
    ["a deputy", "deputy", 1, []],
    ["a pupil at a school without principal (imports in progress)", "pupil", 0, []],
  ])("%s", (_name, role, principalsAtSchool, expected) => {
    expect(checkSchoolRoleRemoval({ role, principalsAtSchool }).map((i) => i.code)).toEqual(
      expected,
    );
  });
});

describe("checkOwnerRoleAssignment", () => {
  it.each<[string, string, HeldRole[], RoleRuleCode[]]>([
    ["an area director", "areaDirector", [], []],
    ["a case officer who is also area director", "ownerCaseOfficer", [held("areaDirector")], []],
    ["a school role at the owner", "principal", [], ["role.notOwnerRole"]],
    ["the system admin role", "systemAdmin", [], ["role.notOwnerRole"]],
    ["the same owner role twice", "areaDirector", [held("areaDirector")], ["role.alreadyHeld"]],
  ])("%s", (_name, role, roles, expected) => {
    expect(checkOwnerRoleAssignment({ role, held: roles }).map((i) => i.code)).toEqual(expected);
  });
});

describe("policy: who may give and take which role", () => {
  const actor = (role: SchoolRole, schoolId = SCHOOL): Actor => ({
    personId: `p-${role}`,
    grants: [{ role, schoolId, ownerId: "owner" }],
  });
  const giving = (role: string, schoolId = SCHOOL): Resource => ({
    type: "schoolRole",
    schoolId,
    ownerId: "owner",
    role,
  });
  it.each<[string, Actor, Resource, boolean]>([
    ["a principal gives a principal role", actor("principal"), giving("principal"), true],
    ["a deputy gives a contact teacher role", actor("deputy"), giving("contactTeacher"), true],
    ["an admin leader gives a pupil role", actor("adminLeader"), giving("pupil"), true],
    ["a deputy cannot make anyone principal", actor("deputy"), giving("principal"), false],
    ["a deputy cannot make another deputy", actor("deputy"), giving("deputy"), false],
    [
      "an admin leader cannot give admin leader",
      actor("adminLeader"),
      giving("adminLeader"),
      false,
    ],
    ["a teacher gives nothing", actor("contactTeacher"), giving("pupil"), false],
    ["a principal of B gives nothing at A", actor("principal", OTHER), giving("counsellor"), false],
    [
      "a system admin gives a principal role",
      { personId: "admin", grants: [{ role: "systemAdmin" }] },
      giving("principal"),
      true,
    ],
    [
      "the owner gives no school role",
      { personId: "ad", grants: [{ role: "areaDirector", ownerId: "owner" }] },
      giving("counsellor"),
      false,
    ],
  ])("%s", (_name, who, resource, expected) => {
    expect(authorize(who, "people.manage", resource).allow).toBe(expected);
  });
});
