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
  recordPupilNotHeard: ACTIVE_ONLY,
  recordBestInterest: ACTIVE_ONLY,
  addInvolvedPupil: ACTIVE_ONLY,
  assessSeriousness: ACTIVE_ONLY,
  recordImmediateMeasures: ACTIVE_ONLY,
  recordGuardiansInformed: ACTIVE_ONLY,
  recordAdultPupilChoice: ACTIVE_ONLY,
  // Written about the case after the fact: the one thing a closed case still takes.
  recordCoveringStatement: [ok, ok, ok, ok, ok, ok],
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
  // No plan before the pupil is heard (the acknowledged case has heard nobody yet).
  if (type === "savePlan" && status === "acknowledged") return "plan.pupilNotHeard";
  // The owner already has a leadership case: the school's "is it serious?" is not asked.
  if (type === "assessSeriousness" && kind === "leadership-violation") {
    return "case.notForLeadershipCase";
  }
  // The built cases answered "is it serious?" when they were acknowledged: asked once.
  if (type === "assessSeriousness") return "case.seriousnessAlreadyAssessed";
  // "Measures at once" belong to §12-5 cases only.
  if (
    type === "recordImmediateMeasures" &&
    kind !== "staff-violation" &&
    kind !== "leadership-violation"
  ) {
    return "case.notStaffCase";
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
    case "recordPupilNotHeard":
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

function check({ kind, status, type, expected }: Cell): string | null {
  const state = stateFor(kind, status);
  const snapshot = structuredClone(state);
  const command = validCommand(type, state, TIMES.later);
  const result = transition(state, command, ctx(TIMES.later, actorFor(type, kind)));
  const where = `${kind} · ${status} · ${type}`;
  // The input is never mutated, accepted or not.
  if (JSON.stringify(state) !== JSON.stringify(snapshot)) return `${where}: input mutated`;
  if (expected === "ok") {
    if (!result.ok) return `${where}: expected ok, refused ${JSON.stringify(result.error)}`;
    const status2 = expectedStatus(type, status);
    if (result.next.status !== status2)
      return `${where}: status ${result.next.status} ≠ ${status2}`;
    if (result.next.version !== state.version + 1) return `${where}: version not incremented`;
    if (result.events.length === 0) return `${where}: no audit event`;
    if (result.events.some((e) => e.caseId !== state.id)) return `${where}: event of another case`;
    return null;
  }
  if (result.ok) return `${where}: expected ${expected}, accepted`;
  return result.error.code === expected
    ? null
    : `${where}: expected ${expected}, got ${result.error.code}`;
}

describe("transition matrix: every command × status × kind", () => {
  it(`is one table of ${CASE_KINDS.length} kinds × ${CASE_STATUSES.length} statuses × ${CASE_COMMAND_TYPES.length} commands; every failing cell is listed`, () => {
    expect(cells).toHaveLength(
      CASE_KINDS.length * CASE_STATUSES.length * CASE_COMMAND_TYPES.length,
    );
    const failures = cells.map(check).filter((f): f is string => f !== null);
    expect(failures).toEqual([]);
  });
});
