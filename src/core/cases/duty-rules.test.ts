// The rules of issue #8: time runs from when the school knew; heard and assessed before the
// plan; closing only when the duty has ended; the principal's one "is it serious?"; §12-5
// measures at once; the family told; evaluations that are honest about what happened.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  apply,
  caseIn,
  ctx,
  d,
  evaluationFor,
  newCaseInput,
  OTHER_PUPIL,
  openTestCase,
  PUPIL,
  people,
  planDraft,
  REPORTED_AT,
  TIMES,
  todayOf,
} from "./builders.ts";
import { type CaseActor, SYSTEM_ACTOR } from "./case-access.ts";
import type { CaseCommand } from "./commands.ts";
import { pendingSteps } from "./deadlines.ts";
import {
  bestInterestIsCurrent,
  checkHeardAndAssessed,
  checkToldAt,
  decideClosure,
  isAdultOn,
  isClosure,
} from "./duty-rules.ts";
import type { CaseErrorCode } from "./errors.ts";
import { joinCases, openCase, transition } from "./transition.ts";
import type { CaseState } from "./types.ts";

const principal = people.principal;

function run(
  state: CaseState,
  command: CaseCommand,
  actor: CaseActor = principal,
  now: string = TIMES.later,
) {
  return transition(state, command, ctx(now, actor));
}
function codeOf(
  state: CaseState,
  command: CaseCommand,
  actor: CaseActor = principal,
  now: string = TIMES.later,
) {
  const r = run(state, command, actor, now);
  return r.ok ? "ok" : r.error.code;
}

const minutesAfter = (at: string, minutes: number) =>
  new Date(Date.parse(at) + minutes * 60_000).toISOString();

const view = (id: string, feelsSafe: boolean | null, pupilId = PUPIL): CaseCommand => ({
  type: "recordPupilView",
  viewId: id,
  pupilId,
  heardOn: todayOf(TIMES.later),
  words: "Synthetic words.",
  feelsSafe,
});

describe("time runs from when the school knew", () => {
  const now = new Date("2027-03-24T08:00:00.000Z");

  it.each([
    ["now", "2027-03-24T08:00:00.000Z", null],
    ["four minutes ahead (a fast clock)", "2027-03-24T08:04:00.000Z", null],
    ["an hour ahead", "2027-03-24T09:00:00.000Z", "report.toldAtInFuture"],
    ["two days back", "2027-03-22T10:00:00.000Z", null],
    ["exactly 30 days back", "2027-02-22T08:00:00.000Z", null],
    ["31 days back", "2027-02-21T08:00:00.000Z", "report.toldAtTooOld"],
    ["not a time", "yesterday", "input.invalidValue"],
  ])("toldAt %s → %s", (_name, toldAt, code) => {
    expect(checkToldAt(toldAt, now)?.code ?? null).toBe(code);
  });

  it("an oral report registered two days late runs every deadline from the told date", () => {
    // Told Monday 22 March 2027, entered Wednesday 24 March (Easter: 25, 26, 29 off).
    const c = openTestCase({
      toldAt: "2027-03-22T10:00:00.000Z",
      channel: "phone",
    });
    expect(c.learnedOn).toBe("2027-03-22");
    expect(c.reports[0]).toMatchObject({
      toldAt: "2027-03-22T10:00:00.000Z",
      reportedAt: REPORTED_AT,
      channel: "phone",
    });
    // Two working days after Monday: Tuesday 23, Wednesday 24 → overdue tomorrow already.
    expect(c.investigateBy).toBe("2027-03-24");
    // Five working days: 23, 24, 30, 31, 1 April.
    expect(c.planDueOn).toBe("2027-04-01");
    // The alert runs from entry: it cannot go out before the report exists.
    expect(c.acknowledgeBy).toBe("2027-03-24T09:00:00.000Z");
  });

  it("refuses a told time in the future and one more than 30 days back, changing nothing", () => {
    for (const [toldAt, code] of [
      ["2027-03-25T08:00:00.000Z", "report.toldAtInFuture"],
      ["2027-01-01T08:00:00.000Z", "report.toldAtTooOld"],
    ] as const) {
      const r = openCase(newCaseInput({ toldAt, channel: "inPerson" }), {
        ...ctx(REPORTED_AT, SYSTEM_ACTOR),
        actor: people.teacher,
      });
      expect(r.ok ? "ok" : r.error.code).toBe(code);
    }
  });

  it("the investigation is due N working days after the school knew, not at the plan deadline", () => {
    const c = apply(openTestCase(), { type: "acknowledge" }, principal, TIMES.acknowledged);
    const step = pendingSteps(c, new Date(TIMES.acknowledged)).find(
      (s) => s.kind === "investigate",
    );
    expect(step?.due).toEqual({ type: "date", on: "2027-03-31" });
    expect(c.planDueOn).toBe("2027-04-05");
    // Red (overdue) from the day after.
    const late = pendingSteps(c, new Date("2027-04-01T08:00:00.000Z")).find(
      (s) => s.kind === "investigate",
    );
    expect(late?.overdue).toBe(true);
  });

  it("a report saying the pupil does not feel safe starts with that as the pupil's first view", () => {
    const c = openTestCase({ pupilSaidUnsafe: true });
    expect(c.pupilViews).toEqual([
      expect.objectContaining({ pupilId: PUPIL, feelsSafe: false, source: "reporter" }),
    ]);
    // …which is not the pupil heard: the plan still waits for the pupil's own words.
    expect(checkHeardAndAssessed(c)?.code).toBe("plan.pupilNotHeard");
  });
});

describe("heard and assessed before the plan", () => {
  const ack = caseIn("staff-concern", "acknowledged");
  const draft = (_c: CaseState): CaseCommand => ({
    type: "savePlan",
    plan: planDraft(principal.personId, todayOf(TIMES.later)),
  });
  const bi = (id: string): CaseCommand => ({
    type: "recordBestInterest",
    assessmentId: id,
    text: "x",
  });
  const notHeard: CaseCommand = {
    type: "recordPupilNotHeard",
    entryId: "nh",
    pupilId: PUPIL,
    reason: "Away for weeks.",
  };

  // Each row: the work recorded before the plan, in order, and what the plan gets.
  const rows: [string, CaseCommand[], CaseErrorCode | "ok"][] = [
    ["nothing", [], "plan.pupilNotHeard"],
    ["an assessment only", [bi("a")], "plan.pupilNotHeard"],
    ["a view only", [view("v", false)], "plan.bestInterestMissing"],
    ["a view, then an assessment", [view("v", false), bi("a")], "ok"],
    ["an assessment, then a view", [bi("a"), view("v", null)], "plan.bestInterestOutdated"],
    [
      "a view, assessment, newer view",
      [view("v", false), bi("a"), view("w", true)],
      "plan.bestInterestOutdated",
    ],
    ["not heard (with reason), then an assessment", [notHeard, bi("a")], "ok"],
    ["not heard, no assessment", [notHeard], "plan.bestInterestMissing"],
  ];
  it("is one table; every wrong row is listed", () => {
    const wrong: string[] = [];
    for (const [name, work, expected] of rows) {
      let c = ack;
      work.forEach((cmd, i) => {
        c = apply(c, cmd, principal, minutesAfter(TIMES.later, i));
      });
      const got = codeOf(c, draft(c), principal, minutesAfter(TIMES.later, 60));
      if (got !== expected) wrong.push(`${name}: expected ${expected}, got ${got}`);
    }
    expect(wrong).toEqual([]);
  });

  it("every pupil of the case must be heard, not only the first", () => {
    let c = apply(ack, { type: "addPupil", pupilId: OTHER_PUPIL }, principal, TIMES.later);
    c = apply(c, view("v", false), principal, TIMES.later);
    c = apply(c, bi("a"), principal, TIMES.later);
    expect(run(c, draft(c))).toMatchObject({
      ok: false,
      error: { code: "plan.pupilNotHeard", params: { pupilId: OTHER_PUPIL } },
    });
  });

  it("views may be recorded for other pupils directly involved; they do not hold the plan back", () => {
    let c = apply(
      ack,
      { type: "addInvolvedPupil", pupilId: "pupil-bystander", role: "bystander" },
      principal,
      TIMES.later,
    );
    expect(codeOf(c, { type: "addInvolvedPupil", pupilId: PUPIL, role: "other" })).toBe(
      "pupil.alreadyInCase",
    );
    expect(codeOf(c, { type: "addPupil", pupilId: "pupil-bystander" })).toBe(
      "pupil.alreadyInvolved",
    );
    c = apply(c, view("v", false), principal, minutesAfter(TIMES.later, 1));
    c = apply(c, bi("a"), principal, minutesAfter(TIMES.later, 2));
    c = apply(c, view("b", null, "pupil-bystander"), principal, minutesAfter(TIMES.later, 3));
    // A view recorded after the assessment, even a bystander's, asks for a fresh assessment.
    const later = minutesAfter(TIMES.later, 10);
    expect(codeOf(c, draft(c), principal, later)).toBe("plan.bestInterestOutdated");
    c = apply(c, bi("b"), principal, minutesAfter(TIMES.later, 4));
    expect(codeOf(c, draft(c), principal, later)).toBe("ok");
    expect(codeOf(c, view("z", true, "pupil-stranger"))).toBe("pupil.notInCase");
  });

  it("a revision is held to the same rule", () => {
    let c = caseIn("staff-concern", "measuresActive");
    expect(codeOf(c, draft(c))).toBe("ok");
    c = apply(c, view("late", false), people.socialWorker, TIMES.later);
    expect(codeOf(c, draft(c))).toBe("plan.bestInterestOutdated");
  });

  it("property: the assessment is current exactly when none of the views came after it", () => {
    fc.assert(
      fc.property(fc.array(fc.boolean(), { maxLength: 8 }), (steps) => {
        let c = ack;
        steps.forEach((isView, i) => {
          const at = minutesAfter(TIMES.later, i);
          c = apply(c, isView ? view(`v${i}`, null) : bi(`b${i}`), principal, at);
        });
        const lastAssessment = steps.lastIndexOf(false);
        const lastView = steps.lastIndexOf(true);
        expect(bestInterestIsCurrent(c)).toBe(lastAssessment >= 0 && lastAssessment > lastView);
      }),
    );
  });
});

describe("closing only when the duty has ended (property)", () => {
  const grounds = fc.constantFrom(
    { type: "pupilFeelsSafe" } as const,
    { type: "pupilLeftSchool", pupilIds: [PUPIL], note: "Moved." } as const,
    { type: "joined", intoCaseId: "case-9" } as const,
    { type: "noCaseToAnswer", findings: "Nothing found." } as const,
    { type: "other", reason: "Synthetic.", confirmed: true } as const,
  );
  const work = fc.array(
    fc.oneof(
      fc.constant("note" as const),
      fc.constant("notHeard" as const),
      fc.constantFrom(true, false, null).map((s) => ({ view: s })),
    ),
    { maxLength: 6 },
  );

  it("never closes while the pupil's latest word is 'not safe' (unless they left), nor without the work", () => {
    fc.assert(
      fc.property(work, grounds, (steps, ground) => {
        let c = caseIn("staff-concern", "acknowledged");
        steps.forEach((s, i) => {
          const cmd: CaseCommand =
            s === "note"
              ? {
                  type: "addInvestigationNote",
                  noteId: `n${i}`,
                  kind: "observation",
                  occurredOn: todayOf(TIMES.later),
                  text: "x",
                }
              : s === "notHeard"
                ? { type: "recordPupilNotHeard", entryId: `h${i}`, pupilId: PUPIL, reason: "x" }
                : view(`v${i}`, s.view);
          c = apply(c, cmd, principal, TIMES.later);
        });
        const decision = decideClosure(c, ground, principal, principal.personId);
        const latest = [...c.pupilViews].reverse().find((v) => v.pupilId === PUPIL);
        const heard = c.pupilViews.length > 0 || c.pupilsNotHeard.length > 0;
        const allowed =
          (ground.type === "pupilLeftSchool" || latest?.feelsSafe !== false) &&
          (ground.type === "joined" || (c.investigationNotes.length > 0 && heard)) &&
          (ground.type !== "pupilFeelsSafe" || latest?.feelsSafe === true);
        expect(isClosure(decision)).toBe(allowed);
      }),
      { numRuns: 300 },
    );
  });
});

describe("the principal's one answer: is this serious?", () => {
  const fresh = () => apply(openTestCase(), { type: "acknowledge" }, principal, TIMES.acknowledged);

  it("is a step due the day of acknowledging, for the principal", () => {
    const step = pendingSteps(fresh(), new Date(TIMES.acknowledged)).find(
      (s) => s.kind === "assessSeriousness",
    );
    expect(step).toMatchObject({
      due: { type: "date", on: "2027-03-24" },
      owner: { type: "role", role: "principal" },
    });
  });

  it("yes: the owner is told at once and the case is serious; asked once only", () => {
    const r = run(fresh(), { type: "assessSeriousness", serious: true, reason: "Violence." });
    if (!r.ok) throw new Error(r.error.code);
    expect(r.next.seriousness).toMatchObject({ serious: true, reason: "Violence." });
    expect(r.next.serious).not.toBeNull();
    expect(r.next.escalatedToOwnerAt).not.toBeNull();
    expect(r.jobs).toContainEqual(
      expect.objectContaining({ type: "notify", template: "case.markedSerious" }),
    );
    expect(codeOf(r.next, { type: "assessSeriousness", serious: false, reason: null })).toBe(
      "case.seriousnessAlreadyAssessed",
    );
  });

  it("no: noted with its time, the owner is not told, and the step is done", () => {
    const r = run(fresh(), { type: "assessSeriousness", serious: false, reason: null });
    if (!r.ok) throw new Error(r.error.code);
    expect(r.next.seriousness).toMatchObject({ serious: false, at: TIMES.later });
    expect(r.next.escalatedToOwnerAt).toBeNull();
    expect(r.jobs.filter((j) => j.type === "notify")).toEqual([]);
    expect(pendingSteps(r.next, new Date(TIMES.later)).map((s) => s.kind)).not.toContain(
      "assessSeriousness",
    );
  });

  it.each([
    ["a deputy", people.deputy, { serious: false, reason: null }, "case.accessDenied"],
    ["yes without a reason", principal, { serious: true, reason: null }, "input.textMissing"],
  ] as const)("refuses %s", (_n, actor, answer, code) => {
    expect(codeOf(fresh(), { type: "assessSeriousness", ...answer }, actor)).toBe(code);
  });
});

describe("§12-5: measures at once", () => {
  it("a staff case has an 'immediate measures' step due the day the school was told, done by recording them", () => {
    let c = openTestCase({
      kind: "staff-violation",
      toldAt: "2027-03-23T15:00:00.000Z",
      channel: "teams",
    });
    expect(c.immediateMeasuresDueOn).toBe("2027-03-23");
    c = apply(c, { type: "acknowledge" }, principal, TIMES.acknowledged);
    const step = pendingSteps(c, new Date(TIMES.acknowledged)).find(
      (s) => s.kind === "immediateMeasures",
    );
    expect(step).toMatchObject({ due: { type: "date", on: "2027-03-23" }, overdue: true });
    const r = run(c, {
      type: "recordImmediateMeasures",
      entryId: "m",
      text: "The employee does not teach the class from today.",
    });
    if (!r.ok) throw new Error(r.error.code);
    expect(r.events[0]?.data).toMatchObject({ onTime: false });
    expect(pendingSteps(r.next, new Date(TIMES.later)).map((s) => s.kind)).not.toContain(
      "immediateMeasures",
    );
  });
});

describe("the family told that a case exists", () => {
  const ack = apply(openTestCase(), { type: "acknowledge" }, principal, TIMES.acknowledged);
  const informed = (pupilIsAdult: boolean | null): CaseCommand => ({
    type: "recordGuardiansInformed",
    entryId: "f1",
    pupilId: PUPIL,
    informedOn: d("2027-03-24"),
    channel: "phone",
    informedBy: principal.personId,
    pupilIsAdult,
  });
  const choice = (familyMayBeTold: boolean, pupilIsAdult: boolean | null): CaseCommand => ({
    type: "recordAdultPupilChoice",
    entryId: "c1",
    pupilId: PUPIL,
    decidedOn: d("2027-03-24"),
    familyMayBeTold,
    pupilIsAdult,
  });

  it("is due 2 working days after acknowledging, per pupil", () => {
    expect(ack.familyInformedBy).toBe("2027-03-31");
    expect(
      pendingSteps(ack, new Date(TIMES.acknowledged)).filter((s) => s.kind === "informFamily"),
    ).toEqual([expect.objectContaining({ ref: PUPIL, due: { type: "date", on: "2027-03-31" } })]);
  });

  it.each([
    ["a minor's guardians informed", [informed(false)], "ok"],
    ["unknown age: informed", [informed(null)], "ok"],
    [
      "an adult's guardians without the pupil's choice",
      [informed(true)],
      "family.adultPupilNotAsked",
    ],
    ["an adult who agreed, then informed", [choice(true, true), informed(true)], "ok"],
    [
      "an adult who said no, then informed",
      [choice(false, true), informed(true)],
      "family.adultPupilNotAsked",
    ],
    ["a minor's 'choice'", [choice(false, false)], "family.pupilNotAdult"],
  ] as const)("%s → %s", (_n, commands, expected) => {
    let c = ack;
    const last = commands[commands.length - 1] as CaseCommand;
    for (const cmd of commands.slice(0, -1)) c = apply(c, cmd, principal, TIMES.later);
    expect(codeOf(c, last)).toBe(expected);
  });

  it("an adult pupil's 'no' completes the step and is recorded", () => {
    const r = run(ack, choice(false, true));
    if (!r.ok) throw new Error(r.error.code);
    expect(pendingSteps(r.next, new Date(TIMES.later)).map((s) => s.kind)).not.toContain(
      "informFamily",
    );
  });

  it.each([
    ["2008-03-24", "2026-03-24", true],
    ["2008-03-25", "2026-03-24", false],
    ["2008-02-29", "2026-02-28", false],
    ["2008-02-29", "2026-03-01", true],
    ["2010-01-01", "2027-12-31", false],
  ])("born %s, on %s: adult %s", (birth, on, adult) => {
    expect(isAdultOn(d(birth), d(on))).toBe(adult);
  });
});

describe("evaluations honest about what happened", () => {
  const active = caseIn("staff-concern", "measuresActive");
  const plan = active.planRevisions[0];
  const measureId = plan?.measures[0]?.id ?? "measure-1";

  it("before the plan's evaluation date needs a reason", () => {
    const early = evaluationFor(active, d("2027-04-01"));
    expect(
      codeOf(
        active,
        { ...early, earlyReason: null } as CaseCommand,
        principal,
        "2027-04-01T10:00:00.000Z",
      ),
    ).toBe("evaluation.earlyReasonMissing");
    expect(codeOf(active, early, principal, "2027-04-01T10:00:00.000Z")).toBe("ok");
  });

  it("'worked' needs the measure carried out by then", () => {
    const worked = {
      ...evaluationFor(active, todayOf(TIMES.evaluating)),
      measureEffects: [{ measureId, effect: "worked", comment: null }],
    } as CaseCommand;
    expect(codeOf(active, worked, principal, TIMES.evaluating)).toBe(
      "evaluation.workedNotCarriedOut",
    );
    const done = apply(
      active,
      {
        type: "recordMeasureCarriedOut",
        entryId: "l",
        measureId,
        carriedOutOn: d("2027-04-02"),
        note: null,
      },
      principal,
      TIMES.evaluating,
    );
    expect(codeOf(done, worked, principal, TIMES.evaluating)).toBe("ok");
  });

  it("asks for a best-interest assessment each time, kept in the case", () => {
    const ev = evaluationFor(active, todayOf(TIMES.evaluating)) as Extract<
      CaseCommand,
      { type: "recordEvaluation" }
    >;
    expect(
      codeOf(
        active,
        { ...ev, bestInterest: { assessmentId: "x", text: " " } },
        principal,
        TIMES.evaluating,
      ),
    ).toBe("evaluation.bestInterestMissing");
    const r = run(active, ev, principal, TIMES.evaluating);
    if (!r.ok) throw new Error(r.error.code);
    expect(r.next.bestInterest.at(-1)?.id).toBe(ev.bestInterest.assessmentId);
    expect(r.next.evaluations.at(-1)?.bestInterestId).toBe(ev.bestInterest.assessmentId);
  });
});

describe("a closed case is closed and locked", () => {
  it("takes only the covering statement to Statsforvalteren", () => {
    const closed = caseIn("staff-concern", "closed");
    expect(codeOf(closed, view("v", true))).toBe("case.closed");
    const r = run(closed, { type: "recordCoveringStatement", entryId: "s", text: "Redegjørelse." });
    if (!r.ok) throw new Error(r.error.code);
    expect(r.next.status).toBe("closed");
    expect(r.next.closedAt).toBe(closed.closedAt);
    expect(r.next.coveringStatements).toHaveLength(1);
  });
});

describe("joining a report that says the pupil does not feel safe", () => {
  it("is allowed (the reporter's word is not work on the case) and carries that word along", () => {
    const target = caseIn("staff-concern", "investigating", "case-target");
    const source = openTestCase(
      {
        caseId: "case-source",
        reportId: "report-source",
        pupilSaidUnsafe: true,
        involvedPupils: [{ pupilId: "pupil-bystander", role: "bystander" }],
      },
      TIMES.later,
    );
    const r = joinCases(source, target, ctx(TIMES.later, principal));
    if (!r.ok) throw new Error(r.error.code);
    expect(r.target.pupilViews.at(-1)).toMatchObject({
      pupilId: PUPIL,
      feelsSafe: false,
      source: "reporter",
    });
    expect(r.target.involvedPupils.map((p) => p.pupilId)).toContain("pupil-bystander");
    // The target's pupil now says "not safe" as their latest word: no closing on findings.
    expect(
      decideClosure(
        r.target,
        { type: "noCaseToAnswer", findings: "x" },
        principal,
        principal.personId,
      ),
    ).toMatchObject({ code: "close.pupilNotSafe" });
  });
});
