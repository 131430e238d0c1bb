import { describe, expect, it } from "vitest";
import { assignableRoles, fanOut, taskKey } from "./fan-out.ts";
import type { Occurrence, RoleHolder } from "./types.ts";

function occurrence(key: string, roles: Occurrence["roles"]): Pick<Occurrence, "key" | "roles"> {
  return { key, roles };
}

const holders: RoleHolder[] = [
  { personId: "principal-1", role: "principal" },
  { personId: "teacher-a", role: "contactTeacher", groupId: "class-1A" },
  { personId: "teacher-b", role: "contactTeacher", groupId: "class-1B" },
  // One teacher with two classes gets one task per class.
  { personId: "teacher-c", role: "contactTeacher", groupId: "class-2A" },
  { personId: "teacher-c", role: "contactTeacher", groupId: "class-2B" },
  { personId: "teacher-a", role: "subjectTeacher", groupId: "math-1" },
  { personId: "teacher-b", role: "subjectTeacher", groupId: "math-1" },
  { personId: "leader-1", role: "gradeLeader" },
  // The principal is also the admin leader.
  { personId: "principal-1", role: "adminLeader" },
  // A contact teacher grant without a class: one school-wide task.
  { personId: "teacher-d", role: "contactTeacher", groupId: null },
];

describe("fanOut", () => {
  it.each<[string, Occurrence["roles"], Array<[string, string | undefined, string[]]>]>([
    [
      "the class hour: each contact teacher for each own class",
      ["contactTeacher"],
      [
        ["teacher-a", "class-1A", ["contactTeacher"]],
        ["teacher-b", "class-1B", ["contactTeacher"]],
        ["teacher-c", "class-2A", ["contactTeacher"]],
        ["teacher-c", "class-2B", ["contactTeacher"]],
        ["teacher-d", undefined, ["contactTeacher"]],
      ],
    ],
    [
      "seating: each subject teacher for the teaching group",
      ["subjectTeacher"],
      [
        ["teacher-a", "math-1", ["subjectTeacher"]],
        ["teacher-b", "math-1", ["subjectTeacher"]],
      ],
    ],
    [
      "a school-wide role: one task per holder",
      ["gradeLeader"],
      [["leader-1", undefined, ["gradeLeader"]]],
    ],
    [
      "one person through two roles: one task listing both",
      ["principal", "adminLeader"],
      [["principal-1", undefined, ["principal", "adminLeader"]]],
    ],
    ["a role nobody holds: no task", ["librarian"], []],
    ["no roles (only 'everyone' or external responsibles): no task", [], []],
  ])("%s", (_name, roles, expected) => {
    const tasks = fanOut([occurrence("x@2026-08-21", roles)], holders);
    expect(tasks.map((t) => [t.personId, t.groupId, t.roles])).toEqual(expected);
    expect(tasks.every((t) => t.occurrenceKey === "x@2026-08-21")).toBe(true);
  });

  it("tasks are unique per occurrence, person and group", () => {
    const tasks = fanOut(
      [
        occurrence("a@2026-08-21", ["contactTeacher", "subjectTeacher", "principal"]),
        occurrence("b@2026-08-28", ["contactTeacher"]),
      ],
      [...holders, ...holders],
    );
    const keys = tasks.map(taskKey);
    expect(new Set(keys).size).toBe(keys.length);
    expect(tasks.filter((t) => t.occurrenceKey === "a@2026-08-21")).toHaveLength(8);
  });

  it("leaves groupId out (not undefined-valued) for school-wide tasks", () => {
    const [task] = fanOut([occurrence("x@2026-08-21", ["gradeLeader"])], holders);
    expect(task && "groupId" in task).toBe(false);
  });
});

describe("assignableRoles", () => {
  it("expands role groups, skips cooperating, everyone and other, keeps order without duplicates", () => {
    expect(
      assignableRoles([
        { kind: "role", role: "principal" },
        { kind: "roleGroup", group: "otherLeadership", label: "Øvrig ledelse" },
        { kind: "role", role: "socialWorker" },
        { kind: "role", role: "adminLeader" },
        { kind: "role", role: "pupilCouncil", cooperating: true },
        { kind: "everyone", who: "pupils" },
        { kind: "other", label: "Komiteledere", cooperating: true },
      ]),
    ).toEqual(["principal", "deputy", "departmentHead", "adminLeader", "socialWorker"]);
  });
});
