// Need-to-know, written out per role: who sees a case, who sees only a receipt, who acts.
import { describe, expect, it } from "vitest";
import type { Actor } from "../access/actor.ts";
import { people, SCHOOL } from "./builders.ts";
import {
  type CaseAccessView,
  canPerform,
  canReport,
  caseVisibility,
  SYSTEM_ACTOR,
  type Visibility,
} from "./case-access.ts";
import { CASE_COMMAND_TYPES, type CaseCommandType } from "./commands.ts";
import type { CaseKind } from "./types.ts";

type Key = keyof typeof people;

const view = (kind: CaseKind, over: Partial<CaseAccessView> = {}): CaseAccessView => ({
  schoolId: SCHOOL,
  ownerId: "owner-1",
  kind,
  teamPersonIds: ["p-social"],
  reporterPersonIds: ["p-teacher"],
  ownerInvolved: kind === "leadership-violation",
  alertLevel: 0,
  ...over,
});

const SCHOOL_KINDS: CaseKind[] = ["pupil-reported", "staff-concern", "staff-violation"];

// [person, school case not escalated, school case escalated to the owner, leadership case]
const VISIBILITY: [Key, Visibility, Visibility, Visibility][] = [
  ["principal", "full", "full", "none"],
  ["deputy", "full", "full", "none"],
  ["departmentHead", "none", "none", "none"],
  ["adminLeader", "none", "none", "none"],
  ["leaderAndTeacher", "none", "none", "none"],
  ["teacher", "receiptOnly", "receiptOnly", "receiptOnly"],
  ["socialWorker", "full", "full", "full"],
  ["counsellor", "none", "none", "none"],
  ["nurse", "none", "none", "none"],
  ["pupil", "none", "none", "none"],
  ["guardian", "none", "none", "none"],
  ["ownerOfficer", "none", "full", "full"],
  ["areaDirector", "none", "full", "full"],
  ["otherPrincipal", "none", "none", "none"],
  ["otherOwnerOfficer", "none", "none", "none"],
  ["systemAdmin", "none", "none", "none"],
  ["teacherAndOtherPrincipal", "none", "none", "none"],
];

describe("caseVisibility", () => {
  for (const kind of SCHOOL_KINDS) {
    it.each(VISIBILITY)(`${kind}: %s sees %s / escalated %s`, (key, plain, escalated) => {
      expect(caseVisibility(people[key], view(kind)).level).toBe(plain);
      expect(caseVisibility(people[key], view(kind, { ownerInvolved: true })).level).toBe(
        escalated,
      );
    });
  }

  it.each(VISIBILITY)("leadership-violation: %s sees %s", (key, _p, _e, leadership) => {
    expect(caseVisibility(people[key], view("leadership-violation")).level).toBe(leadership);
  });

  it("shuts leadership out of a leadership case even when named on the team", () => {
    const named = view("leadership-violation", {
      teamPersonIds: ["p-principal", "p-deputy", "p-dephead", "p-adminlead", "p-leader-teacher"],
    });
    for (const key of [
      "principal",
      "deputy",
      "departmentHead",
      "adminLeader",
      "leaderAndTeacher",
    ] as const) {
      expect(caseVisibility(people[key], named)).toEqual({
        level: "none",
        reason: "leadershipCase",
      });
    }
  });

  it("a leader who filed the report sees only its receipt", () => {
    const reported = view("leadership-violation", { reporterPersonIds: ["p-dephead"] });
    expect(caseVisibility(people.departmentHead, reported)).toEqual({
      level: "receiptOnly",
      reason: "ownReport",
    });
  });

  it("a team member who lost their staff role loses the case", () => {
    const former: Actor = { personId: "p-social", grants: [] };
    expect(caseVisibility(former, view("staff-concern")).level).toBe("none");
    const nowAPupil: Actor = {
      personId: "p-social",
      grants: [{ role: "pupil", schoolId: SCHOOL, ownerId: "owner-1" }],
    };
    expect(caseVisibility(nowAPupil, view("staff-concern")).level).toBe("none");
  });

  it("a team member at another school sees nothing here", () => {
    const elsewhere: Actor = {
      personId: "p-social",
      grants: [{ role: "socialWorker", schoolId: "school-b", ownerId: "owner-1" }],
    };
    expect(caseVisibility(elsewhere, view("staff-concern")).level).toBe("none");
  });

  it("the system and the anonymous never read", () => {
    expect(caseVisibility(SYSTEM_ACTOR, view("staff-concern"))).toEqual({
      level: "none",
      reason: "system",
    });
    expect(caseVisibility(null, view("staff-concern"))).toEqual({
      level: "none",
      reason: "anonymous",
    });
  });

  it("the principal of the owner's other school is not a leader here", () => {
    expect(caseVisibility(people.otherPrincipal, view("leadership-violation")).reason).toBe(
      "needToKnow",
    );
  });
});

const TEAM_COMMANDS: CaseCommandType[] = [
  "addInvestigationNote",
  "recordPupilView",
  "recordPupilNotHeard",
  "recordMeasureCarriedOut",
  "replyToReporter",
];
const allBut = (...excluded: CaseCommandType[]) =>
  CASE_COMMAND_TYPES.filter((t) => !excluded.includes(t));

type Grid = Partial<Record<Key, CaseCommandType[]>>;

// Who may ask for which command (everything not listed is denied).
const SCHOOL_GRID: Grid = {
  principal: allBut("escalateAlert"),
  // "Unfounded" and "is it serious?" are the principal's own judgements.
  deputy: allBut("escalateAlert", "recordObviouslyUnfounded", "assessSeriousness"),
  socialWorker: TEAM_COMMANDS,
};
const SCHOOL_ESCALATED_GRID: Grid = {
  ...SCHOOL_GRID,
  // The owner reads an escalated school case; it acts only to acknowledge a missed alert.
  ownerOfficer: ["acknowledge"],
  areaDirector: ["acknowledge"],
};
const LEADERSHIP_GRID: Grid = {
  ownerOfficer: allBut("escalateAlert"),
  areaDirector: allBut("escalateAlert"),
  socialWorker: TEAM_COMMANDS,
};

function gridCells(kind: CaseKind, grid: Grid, v: CaseAccessView) {
  return (Object.keys(people) as Key[]).flatMap((key) =>
    CASE_COMMAND_TYPES.map((command) => ({
      kind,
      key,
      command,
      view: v,
      allowed: (grid[key] ?? []).includes(command),
    })),
  );
}

const cells = [
  ...SCHOOL_KINDS.flatMap((k) => gridCells(k, SCHOOL_GRID, view(k))),
  ...SCHOOL_KINDS.flatMap((k) =>
    gridCells(k, SCHOOL_ESCALATED_GRID, view(k, { ownerInvolved: true, alertLevel: 1 })),
  ),
  ...gridCells("leadership-violation", LEADERSHIP_GRID, view("leadership-violation")),
];

describe("canPerform", () => {
  it(`is one grid of ${cells.length} cells (person × command × kind); every wrong cell is listed`, () => {
    const wrong = cells
      .filter(
        ({ key, command, view: v, allowed }) =>
          canPerform(people[key], command, v).allow !== allowed,
      )
      .map(({ kind, key, command, allowed }) => `${kind}: ${key} ${command} → expected ${allowed}`);
    expect(wrong).toEqual([]);
  });

  it("the system may only escalate the alert", () => {
    for (const command of CASE_COMMAND_TYPES) {
      expect(canPerform(SYSTEM_ACTOR, command, view("staff-concern")).allow).toBe(
        command === "escalateAlert",
      );
    }
  });

  it("an owner on a serious case (not an escalated alert) may not acknowledge", () => {
    expect(
      canPerform(people.ownerOfficer, "acknowledge", view("staff-concern", { ownerInvolved: true }))
        .allow,
    ).toBe(false);
  });

  it("gives reasons the UI can explain", () => {
    const v = view("staff-concern", { ownerInvolved: true });
    expect(canPerform(people.ownerOfficer, "savePlan", v)).toEqual({
      allow: false,
      reason: "readOnly",
    });
    expect(canPerform(people.socialWorker, "savePlan", v)).toEqual({
      allow: false,
      reason: "leadsOnly",
    });
    expect(canPerform(people.deputy, "recordObviouslyUnfounded", v)).toEqual({
      allow: false,
      reason: "principalOnly",
    });
    expect(canPerform(people.teacher, "savePlan", v)).toEqual({ allow: false, reason: "noAccess" });
    expect(canPerform(people.principal, "savePlan", view("leadership-violation"))).toEqual({
      allow: false,
      reason: "leadershipCase",
    });
  });
});

describe("canReport", () => {
  const KINDS: CaseKind[] = [
    "pupil-reported",
    "staff-concern",
    "staff-violation",
    "leadership-violation",
  ];
  const rows: [Key | null, CaseKind[]][] = [
    [null, ["pupil-reported"]],
    ["pupil", ["pupil-reported"]],
    ["guardian", ["pupil-reported"]],
    ["teacher", KINDS],
    ["nurse", KINDS],
    ["principal", KINDS],
    ["departmentHead", KINDS],
    ["ownerOfficer", []],
    ["otherPrincipal", []],
    ["systemAdmin", []],
  ];
  it.each(rows)("%s may report %j", (key, allowed) => {
    for (const kind of KINDS) {
      expect(canReport(key === null ? null : people[key], kind, SCHOOL).allow).toBe(
        allowed.includes(kind),
      );
    }
  });
});
