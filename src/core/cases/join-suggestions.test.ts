import { describe, expect, it } from "vitest";
import {
  apply,
  caseIn,
  ctx,
  OTHER_PUPIL,
  OTHER_SCHOOL,
  openTestCase,
  PUPIL,
  people,
  TIMES,
} from "./builders.ts";
import { accessViewOf, caseVisibility } from "./case-access.ts";
import { type JoinCandidate, suggestJoins } from "./join-suggestions.ts";
import { receiptsOf, reportReceipt } from "./receipt.ts";
import { joinCases, transition } from "./transition.ts";
import type { CaseKind, CaseState } from "./types.ts";

const candidate = (
  id: string,
  pupils: string[],
  over: Partial<JoinCandidate> = {},
): JoinCandidate => ({
  id,
  schoolId: "school-a",
  kind: "staff-concern",
  status: "investigating",
  pupils,
  reportedAt: "2027-03-01T08:00:00.000Z",
  ...over,
});

describe("suggestJoins", () => {
  const report = {
    caseId: "new",
    schoolId: "school-a",
    kind: "pupil-reported" as CaseKind,
    pupils: ["a", "b"],
  };

  it("ranks by shared pupils, then closeness, then the most recent case", () => {
    const result = suggestJoins(report, [
      candidate("one-shared", ["a"]),
      candidate("both-shared-crowded", ["a", "b", "c", "d"]),
      candidate("both-shared-exact", ["b", "a"]),
      candidate("one-shared-newer", ["b"], { reportedAt: "2027-03-10T08:00:00.000Z" }),
      candidate("one-shared-crowded", ["a", "x", "y"]),
      candidate("none-shared", ["z"]),
    ]);
    expect(result.map((s) => s.caseId)).toEqual([
      "both-shared-exact",
      "both-shared-crowded",
      "one-shared-newer",
      "one-shared",
      "one-shared-crowded",
    ]);
    expect(result[0]).toEqual({
      caseId: "both-shared-exact",
      sharedPupils: ["a", "b"],
      overlap: 1,
    });
    expect(result[1]?.overlap).toBe(0.5);
  });

  it("suggests only open cases of the same school and a compatible kind, never the report's own", () => {
    const result = suggestJoins(report, [
      candidate("new", ["a"]),
      candidate("closed", ["a"], { status: "closed" }),
      candidate("elsewhere", ["a"], { schoolId: "school-b" }),
      candidate("staff-violation", ["a"], { kind: "staff-violation" }),
      candidate("leadership", ["a"], { kind: "leadership-violation" }),
      candidate("pupil-reported", ["a"], { kind: "pupil-reported" }),
      candidate("staff-concern", ["a"], { kind: "staff-concern", status: "reported" }),
    ]);
    expect(result.map((s) => s.caseId).sort()).toEqual(["pupil-reported", "staff-concern"]);
  });

  it.each([
    ["staff-violation", "staff-violation", true],
    ["leadership-violation", "leadership-violation", true],
    ["staff-violation", "staff-concern", false],
    ["leadership-violation", "staff-violation", false],
    ["staff-concern", "pupil-reported", true],
  ] as const)("a %s report joins a %s case: %s", (reportKind, caseKind, ok) => {
    const result = suggestJoins({ ...report, kind: reportKind }, [
      candidate("c", ["a"], { kind: caseKind }),
    ]);
    expect(result.length === 1).toBe(ok);
  });

  it("ignores duplicate pupils in the report and is stable on ties", () => {
    const result = suggestJoins({ ...report, pupils: ["a", "a"] }, [
      candidate("b2", ["a"]),
      candidate("b1", ["a"]),
    ]);
    expect(result.map((s) => s.caseId)).toEqual(["b1", "b2"]);
    expect(result[0]?.sharedPupils).toEqual(["a"]);
  });
});

describe("joinCases", () => {
  it("moves the new report into the open case and closes the new case as joined", () => {
    const target = caseIn("staff-concern", "investigating");
    const source = openTestCase(
      {
        kind: "pupil-reported",
        caseId: "case-2",
        reportId: "report-2",
        pupils: [PUPIL, OTHER_PUPIL],
      },
      TIMES.later,
    );
    const result = joinCases(source, target, ctx(TIMES.later, people.principal));
    if (!result.ok) throw new Error(result.error.code);
    expect(result.target.reports.map((r) => r.id)).toEqual(["case-1-report-1", "report-2"]);
    expect(result.target.pupils).toEqual([PUPIL, OTHER_PUPIL]);
    expect(result.target.status).toBe("investigating");
    expect(result.source).toMatchObject({
      status: "closed",
      closure: { type: "joined", intoCaseId: "case-1" },
    });
    // The pupil who reported sees their report acknowledged, once.
    expect(reportReceipt(result.target, "report-2")).toMatchObject({
      status: "acknowledged",
      acknowledgedAt: TIMES.later,
    });
    expect(result.jobs.filter((j) => j.type === "notify")).toEqual([
      {
        type: "notify",
        caseId: "case-1",
        recipient: { type: "reporter", reportId: "report-2" },
        template: "case.reportAcknowledged",
      },
    ]);
    expect(result.jobs).toContainEqual({ type: "cancelAlertEscalation", caseId: "case-2" });
    expect(result.events.map((e) => [e.caseId, e.type])).toEqual([
      ["case-1", "case.reportJoined"],
      ["case-2", "case.joinedInto"],
      ["case-2", "case.closed"],
      ["case-2", "case.statusChanged"],
    ]);
    // The pupil reporter now has a receipt in the target case, nothing more.
    expect(caseVisibility(people.pupil, accessViewOf(result.target)).level).toBe("receiptOnly");
    expect(receiptsOf(result.target, PUPIL)).toHaveLength(1);
  });

  it("into a case still awaiting acknowledgement: the reports are acknowledged together later", () => {
    const target = openTestCase({ caseId: "case-1", reportId: "report-1" });
    const source = openTestCase(
      { caseId: "case-2", reportId: "report-2" },
      "2027-03-24T08:05:00.000Z",
    );
    const result = joinCases(source, target, ctx("2027-03-24T08:06:00.000Z", people.principal));
    if (!result.ok) throw new Error(result.error.code);
    expect(reportReceipt(result.target, "report-2")?.status).toBe("received");
    expect(result.jobs.some((j) => j.type === "notify")).toBe(false);
    const ack = transition(
      result.target,
      { type: "acknowledge" },
      ctx("2027-03-24T08:10:00.000Z", people.principal),
    );
    if (!ack.ok) throw new Error(ack.error.code);
    expect(ack.next.reports.map((r) => r.acknowledgedAt)).toEqual([
      "2027-03-24T08:10:00.000Z",
      "2027-03-24T08:10:00.000Z",
    ]);
    expect(ack.jobs.filter((j) => j.type === "notify")).toHaveLength(2);
  });

  it("an earlier report moves the plan deadline earlier (the school knew sooner)", () => {
    const target = caseIn("staff-concern", "acknowledged");
    const source = openTestCase(
      { caseId: "case-0", reportId: "report-0" },
      "2027-03-19T08:00:00.000Z",
    );
    const result = joinCases(source, target, ctx(TIMES.later, people.principal));
    if (!result.ok) throw new Error(result.error.code);
    expect(result.target.learnedOn).toBe("2027-03-19");
    expect(result.target.reportedAt).toBe("2027-03-19T08:00:00.000Z");
    expect(result.target.planDueOn).toBe("2027-03-31");
  });

  const joinRefusals: [string, () => [CaseState, CaseState], string][] = [
    [
      "a case into itself",
      () => [caseIn("staff-concern", "reported"), caseIn("staff-concern", "acknowledged")],
      "join.sameCase",
    ],
    [
      "a different track",
      () => [
        openTestCase({ kind: "staff-violation", caseId: "s" }, TIMES.later),
        caseIn("staff-concern", "acknowledged"),
      ],
      "join.kindMismatch",
    ],
    [
      "a worked-on source",
      () => [
        apply(
          caseIn("staff-concern", "acknowledged", "s"),
          { type: "markSerious", reason: "x" },
          people.principal,
          TIMES.later,
        ),
        caseIn("staff-concern", "acknowledged"),
      ],
      "join.sourceHasWork",
    ],
    [
      "a source under investigation",
      () => [
        caseIn("staff-concern", "investigating", "s"),
        caseIn("staff-concern", "acknowledged"),
      ],
      "join.sourceNotJoinable",
    ],
    [
      "into a closed case",
      () => [
        openTestCase({ caseId: "s", reportId: "rs" }, TIMES.later),
        caseIn("staff-concern", "closed"),
      ],
      "case.closed",
    ],
    [
      "another school's report",
      () => [
        openTestCase(
          {
            caseId: "s",
            reportId: "rs",
            schoolId: OTHER_SCHOOL,
            reporter: { type: "person", personId: "p-other-principal", capacity: "staff" },
          },
          TIMES.later,
        ),
        caseIn("staff-concern", "acknowledged"),
      ],
      "join.differentSchool",
    ],
  ];
  it.each(joinRefusals)("refuses %s", (_name, build, code) => {
    const [source, target] = build();
    const result = joinCases(source, target, ctx(TIMES.later, people.principal));
    expect(result.ok ? "ok" : result.error.code).toBe(code);
  });

  it("refuses to join a report already in the case", () => {
    const target = caseIn("staff-concern", "acknowledged");
    const source = { ...openTestCase({ caseId: "s" }, TIMES.later), reports: target.reports };
    const result = joinCases(source, target, ctx(TIMES.later, people.principal));
    expect(result.ok ? "ok" : result.error.code).toBe("join.reportAlreadyInCase");
  });

  it("refuses a join by someone who does not lead both cases", () => {
    const target = caseIn("leadership-violation", "acknowledged");
    const source = openTestCase(
      { kind: "leadership-violation", caseId: "s", reportId: "rs" },
      TIMES.later,
    );
    expect(joinCases(source, target, ctx(TIMES.later, people.principal)).ok).toBe(false);
    expect(joinCases(source, target, ctx(TIMES.later, people.socialWorker)).ok).toBe(false);
    expect(joinCases(source, target, ctx(TIMES.later, people.ownerOfficer)).ok).toBe(true);
  });

  it("refuses when the target cannot take it even though the source could go (both or neither)", () => {
    const target = caseIn("staff-concern", "closed");
    const source = openTestCase({ caseId: "s", reportId: "rs" }, TIMES.later);
    const snapshot = structuredClone(source);
    expect(joinCases(source, target, ctx(TIMES.later, people.principal)).ok).toBe(false);
    expect(source).toEqual(snapshot);
  });
});

describe("receipts", () => {
  it("show received, then acknowledged — nothing about the case", () => {
    const c = openTestCase();
    expect(reportReceipt(c, "report-1")).toEqual({
      reportId: "report-1",
      status: "received",
      receivedAt: TIMES.reported,
      acknowledgedAt: null,
    });
    const ack = apply(c, { type: "acknowledge" }, people.principal, TIMES.acknowledged);
    expect(receiptsOf(ack, "p-teacher")).toEqual([
      {
        reportId: "report-1",
        status: "acknowledged",
        receivedAt: TIMES.reported,
        acknowledgedAt: TIMES.acknowledged,
      },
    ]);
    expect(reportReceipt(ack, "nope")).toBeNull();
    expect(receiptsOf(ack, "p-principal")).toEqual([]);
  });
});
