// Every command against a case of every kind in every status: accepted or refused, and with
// which code. The expected table is written out by hand from the law and the issue, not
// derived from the implementation's own ALLOWED_STATUSES.
import { describe, expect, it } from "vitest";
import { actorFor, caseIn, ctx, TIMES, validCommand } from "./builders.ts";
import { CASE_COMMAND_TYPES, type CaseCommandType } from "./commands.ts";
import type { CaseErrorCode } from "./errors.ts";
import { transition } from "./transition.ts";
import { CASE_KINDS, CASE_STATUSES, type CaseKind, type CaseStatus } from "./types.ts";

type Expect = "ok" | CaseErrorCode;
type Row = readonly [Expect, Expect, Expect, Expect, Expect, Expect];

const ok = "ok";
const NA: Expect = "case.notAcknowledged";
const AA: Expect = "case.alreadyAcknowledged";
const NP: Expect = "case.noPlan";
const CL: Expect = "case.closed";
const NJ: Expect = "join.sourceNotJoinable";

// Columns: reported, acknowledged, investigating, measuresActive, evaluating, closed.
const ACTIVE_ONLY: Row = [NA, ok, ok, ok, ok, CL];
const EXPECTED: Record<CaseCommandType, Row> = {
  acknowledge: [ok, AA, AA, AA, AA, CL],
  escalateAlert: [ok, AA, AA, AA, AA, CL],
  addInvestigationNote: ACTIVE_ONLY,
  recordPupilView: ACTIVE_ONLY,
  recordBestInterest: ACTIVE_ONLY,
  addPupil: ACTIVE_ONLY,
  savePlan: ACTIVE_ONLY,
  recordPlanCommunicated: [NA, NP, NP, ok, ok, CL],
  recordPlanResponse: [NA, NP, NP, ok, ok, CL],
  recordMeasureCarriedOut: [NA, NP, NP, ok, ok, CL],
  recordEvaluation: [NA, NP, NP, ok, "case.wrongStatus", CL],
  markSerious: ACTIVE_ONLY,
  notifyOwner: ACTIVE_ONLY,
  recordObviouslyUnfounded: ACTIVE_ONLY,
  addTeamMember: ACTIVE_ONLY,
  removeTeamMember: ACTIVE_ONLY,
  joinReport: [ok, ok, ok, ok, ok, CL],
  joinInto: [ok, ok, NJ, NJ, NJ, CL],
  reclassify: ACTIVE_ONLY,
  replyToReporter: ACTIVE_ONLY,
  close: [NA, ok, ok, "case.evaluationRequired", ok, CL],
};

/** Where the kind changes the answer (applies only to cells that would otherwise be ok). */
function kindOverride(type: CaseCommandType, kind: CaseKind, status: CaseStatus): Expect | null {
  // The built cases come from named reporters: there is no anonymous reporter to answer
  // (the conversation itself is tested in reporter-messages.test.ts).
  if (type === "replyToReporter") return "message.notAnonymous";
  // The owner already has a leadership case; "serious" adds nothing.
  if (type === "markSerious" && kind === "leadership-violation") return "case.alreadyWithOwner";
  // The §12-5 decision exists only for staff cases.
  if (
    (type === "notifyOwner" || type === "recordObviouslyUnfounded") &&
    kind !== "staff-violation"
  ) {
    return "case.notStaffViolation";
  }
  // A staff case cannot close before the principal notified the owner or judged it unfounded
  // (the built cases have no decision until they are closed).
  if (type === "close" && kind === "staff-violation" && status !== "closed") {
    return "case.ownerDecisionRequired";
  }
  return null;
}

/** The status after an accepted command. */
function expectedStatus(type: CaseCommandType, from: CaseStatus): CaseStatus {
  switch (type) {
    case "acknowledge":
      return "acknowledged";
    case "addInvestigationNote":
    case "recordPupilView":
    case "recordBestInterest":
      return from === "acknowledged" ? "investigating" : from;
    case "savePlan":
      return "measuresActive";
    case "recordEvaluation":
      return "evaluating";
    case "joinInto":
    case "close":
      return "closed";
    default:
      return from;
  }
}

interface Cell {
  kind: CaseKind;
  status: CaseStatus;
  type: CaseCommandType;
  expected: Expect;
}

const cells: Cell[] = [];
for (const kind of CASE_KINDS) {
  for (const [i, status] of CASE_STATUSES.entries()) {
    for (const type of CASE_COMMAND_TYPES) {
      const base = EXPECTED[type][i] as Expect;
      const expected = base === "ok" ? (kindOverride(type, kind, status) ?? "ok") : base;
      cells.push({ kind, status, type, expected });
    }
  }
}

// Building a case per cell is cheap, but share one per (kind, status) all the same.
const built = new Map<string, ReturnType<typeof caseIn>>();
function stateFor(kind: CaseKind, status: CaseStatus) {
  const key = `${kind}/${status}`;
  let c = built.get(key);
  if (c === undefined) {
    c = caseIn(kind, status);
    built.set(key, c);
  }
  return c;
}

describe("transition matrix: every command × status × kind", () => {
  it("covers 4 kinds × 6 statuses × 21 commands", () => {
    expect(cells).toHaveLength(4 * 6 * 21);
  });

  it.each(cells)("$kind · $status · $type → $expected", ({ kind, status, type, expected }) => {
    const state = stateFor(kind, status);
    const snapshot = structuredClone(state);
    const command = validCommand(type, state, TIMES.later);
    const result = transition(state, command, ctx(TIMES.later, actorFor(type, kind)));
    // The input is never mutated, accepted or not.
    expect(state).toEqual(snapshot);
    if (expected === "ok") {
      if (!result.ok) throw new Error(`refused: ${JSON.stringify(result.error)}`);
      expect(result.next.status).toBe(expectedStatus(type, status));
      expect(result.next.version).toBe(state.version + 1);
      expect(result.events.length).toBeGreaterThanOrEqual(1);
      for (const e of result.events) expect(e.caseId).toBe(state.id);
    } else {
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error.code).toBe(expected);
    }
  });
});
