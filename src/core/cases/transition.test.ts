import { describe, expect, it } from "vitest";
import { parseIsoDate } from "../calendar/iso-date.ts";
import { createWorkingDayCalendar } from "../calendar/working-days.ts";
import {
  apply,
  caseIn,
  ctx,
  d,
  evaluationFor,
  newCaseInput,
  OTHER_PUPIL,
  OTHER_SCHOOL,
  openTestCase,
  PUPIL,
  people,
  planDraft,
  REPORTED_AT,
  TIMES,
  todayOf,
} from "./builders.ts";
import { accessViewOf, type CaseActor, caseVisibility, SYSTEM_ACTOR } from "./case-access.ts";
import type { CaseCommand } from "./commands.ts";
import { nextStep, pendingSteps } from "./deadlines.ts";
import type { CaseJob } from "./effects.ts";
import { DEFAULT_CASE_SETTINGS } from "./settings.ts";
import { type NewCase, openCase, type TransitionResult, transition } from "./transition.ts";
import type { CaseState } from "./types.ts";

const principal = people.principal;

function run(
  state: CaseState,
  command: CaseCommand,
  actor: CaseActor,
  now: string,
): TransitionResult {
  return transition(state, command, ctx(now, actor));
}

function refusal(state: CaseState, command: CaseCommand, actor: CaseActor, now: string) {
  const snapshot = structuredClone(state);
  const result = run(state, command, actor, now);
  expect(state).toEqual(snapshot);
  if (result.ok) throw new Error(`${command.type} was accepted`);
  return result.error;
}

function accepted(state: CaseState, command: CaseCommand, actor: CaseActor, now: string) {
  const result = run(state, command, actor, now);
  if (!result.ok) throw new Error(`${command.type} refused: ${JSON.stringify(result.error)}`);
  return result;
}

const notifications = (jobs: readonly CaseJob[]) =>
  jobs.flatMap((j) => (j.type === "notify" ? [{ to: j.recipient, template: j.template }] : []));

describe("openCase", () => {
  it("opens a staff concern: reported, alerts principal and deputy, schedules the escalation", () => {
    const result = openCase(newCaseInput(), {
      ...ctx(REPORTED_AT, SYSTEM_ACTOR),
      actor: people.teacher,
    });
    if (!result.ok) throw new Error(result.error.code);
    const c = result.next;
    expect(c.status).toBe("reported");
    expect(c.version).toBe(1);
    expect(c.learnedOn).toBe("2027-03-24");
    // Wednesday before Easter: Thu, Fri and Monday are holidays → Tue 30, Wed 31, Thu 1,
    // Fri 2, Mon 5 April.
    expect(c.planDueOn).toBe("2027-04-05");
    expect(c.acknowledgeBy).toBe("2027-03-24T09:00:00.000Z");
    expect(result.events.map((e) => [e.type, e.actorId])).toEqual([["case.reported", "p-teacher"]]);
    expect(notifications(result.jobs)).toEqual([
      {
        to: { type: "schoolRole", role: "principal", schoolId: c.schoolId },
        template: "case.newReport",
      },
      {
        to: { type: "schoolRole", role: "deputy", schoolId: c.schoolId },
        template: "case.newReport",
      },
    ]);
    expect(result.jobs).toContainEqual({
      type: "scheduleAlertEscalation",
      caseId: c.id,
      level: 1,
      at: "2027-03-24T09:00:00.000Z",
    });
  });

  it("sends a leadership case straight to the case officer and the area director at once; nobody at the school is alerted", () => {
    const result = openCase(newCaseInput({ kind: "leadership-violation" }), {
      ...ctx(REPORTED_AT, SYSTEM_ACTOR),
      actor: people.teacher,
    });
    if (!result.ok) throw new Error(result.error.code);
    expect(notifications(result.jobs)).toEqual([
      {
        to: { type: "ownerRole", role: "ownerCaseOfficer", ownerId: "owner-1" },
        template: "case.newReport",
      },
      {
        to: { type: "ownerRole", role: "areaDirector", ownerId: "owner-1" },
        template: "case.newReport",
      },
    ]);
    expect(result.next.escalatedToOwnerAt).toBe(REPORTED_AT);
    expect(nextStep(result.next, new Date(REPORTED_AT))?.owner).toEqual({
      type: "role",
      role: "ownerCaseOfficer",
    });
  });

  it("a department head may report about the principal (a leadership case)", () => {
    const input = newCaseInput({
      kind: "leadership-violation",
      reporter: { type: "person", personId: people.departmentHead.personId, capacity: "staff" },
    });
    const result = openCase(input, {
      ...ctx(REPORTED_AT, SYSTEM_ACTOR),
      actor: people.departmentHead,
    });
    expect(result.ok).toBe(true);
    if (result.ok) {
      // …and then sees only the receipt of their own report, never the case.
      expect(caseVisibility(people.departmentHead, accessViewOf(result.next)).level).toBe(
        "receiptOnly",
      );
    }
  });

  it("starts the §12-5 same-day decision for a staff case", () => {
    const c = openTestCase({ kind: "staff-violation" });
    expect(c.ownerDecisionDueOn).toBe("2027-03-24");
    expect(c.immediateMeasuresDueOn).toBe("2027-03-24");
    expect(pendingSteps(c, new Date(REPORTED_AT)).map((s) => s.kind)).toEqual([
      "acknowledge",
      "ownerDecision",
      "immediateMeasures",
    ]);
  });

  it("keeps an anonymous 'si ifra' anonymous in the audit log, even from a logged-in pupil", () => {
    const input = newCaseInput({
      kind: "pupil-reported",
      pupils: [],
      reporter: { type: "anonymous", receiptCodeHash: "hash-of-code" },
    });
    for (const actor of [null, people.pupil]) {
      const result = openCase(input, { ...ctx(REPORTED_AT, SYSTEM_ACTOR), actor });
      if (!result.ok) throw new Error(result.error.code);
      expect(result.events.every((e) => e.actorId === "anonymous")).toBe(true);
      expect(JSON.stringify(result)).not.toContain(PUPIL);
    }
  });

  it("takes the Oslo date: 00:30 in Oslo on 24 March is still 23 March in UTC", () => {
    const c = openTestCase({}, "2027-03-23T23:30:00.000Z");
    expect(c.learnedOn).toBe("2027-03-24");
    expect(c.planDueOn).toBe("2027-04-05");
  });

  it("uses the owner's settings: 10 working days, 15 minutes", () => {
    const result = openCase(newCaseInput(), {
      ...ctx(REPORTED_AT, SYSTEM_ACTOR, {
        settings: {
          ...DEFAULT_CASE_SETTINGS,
          planDeadlineWorkingDays: 10,
          alertEscalationMinutes: 15,
        },
      }),
      actor: people.teacher,
    });
    if (!result.ok) throw new Error(result.error.code);
    expect(result.next.planDueOn).toBe("2027-04-12");
    expect(result.next.acknowledgeBy).toBe("2027-03-24T08:15:00.000Z");
  });

  it("counts the owner's closed days", () => {
    const calendar = createWorkingDayCalendar({ extraClosedDays: [parseIsoDate("2027-04-05")] });
    const result = openCase(newCaseInput(), {
      ...ctx(REPORTED_AT, SYSTEM_ACTOR, { calendar }),
      actor: people.teacher,
    });
    if (!result.ok) throw new Error(result.error.code);
    expect(result.next.planDueOn).toBe("2027-04-06");
  });

  const refusals: {
    name: string;
    input: Partial<NewCase>;
    actor: keyof typeof people | null;
    code: string;
  }[] = [
    {
      name: "anonymous staff concern",
      input: { reporter: { type: "anonymous", receiptCodeHash: "h" } },
      actor: null,
      code: "report.kindNotAllowed",
    },
    {
      name: "pupil files a staff concern",
      input: { reporter: { type: "person", personId: PUPIL, capacity: "pupil" } },
      actor: "pupil",
      code: "report.kindNotAllowed",
    },
    {
      name: "pupil files about a teacher (§12-5)",
      input: {
        kind: "staff-violation",
        reporter: { type: "person", personId: PUPIL, capacity: "pupil" },
      },
      actor: "pupil",
      code: "report.kindNotAllowed",
    },
    {
      name: "staff of another school",
      input: { reporter: { type: "person", personId: "p-other-principal", capacity: "staff" } },
      actor: "otherPrincipal",
      code: "case.accessDenied",
    },
    {
      name: "the owner's officer is not at the school",
      input: { reporter: { type: "person", personId: "p-officer", capacity: "staff" } },
      actor: "ownerOfficer",
      code: "case.accessDenied",
    },
    {
      name: "reporting in someone else's name",
      input: { reporter: { type: "person", personId: "p-deputy", capacity: "staff" } },
      actor: "teacher",
      code: "input.invalidValue",
    },
    {
      name: "a pupil claiming to be staff",
      input: {
        kind: "pupil-reported",
        reporter: { type: "person", personId: PUPIL, capacity: "staff" },
      },
      actor: "pupil",
      code: "input.invalidValue",
    },
    {
      name: "a teacher claiming to be a guardian",
      input: {
        kind: "pupil-reported",
        reporter: { type: "person", personId: "p-teacher", capacity: "guardian" },
      },
      actor: "teacher",
      code: "input.invalidValue",
    },
    {
      name: "no pupil named in a staff concern",
      input: { pupils: [] },
      actor: "teacher",
      code: "report.pupilsMissing",
    },
    {
      name: "the same pupil twice",
      input: { pupils: [PUPIL, PUPIL] },
      actor: "teacher",
      code: "input.invalidValue",
    },
    {
      name: "a blank description",
      input: { description: "  " },
      actor: "teacher",
      code: "input.textMissing",
    },
    { name: "no case id", input: { caseId: "" }, actor: "teacher", code: "input.idMissing" },
    {
      name: "an unknown kind",
      input: { kind: "rumour" as never },
      actor: "teacher",
      code: "input.invalidValue",
    },
    {
      name: "anonymous without a receipt code",
      input: { kind: "pupil-reported", reporter: { type: "anonymous", receiptCodeHash: "" } },
      actor: null,
      code: "input.invalidValue",
    },
  ];
  it.each(refusals)("refuses: $name → $code", ({ input, actor, code }) => {
    const result = openCase(newCaseInput(input), {
      ...ctx(REPORTED_AT, SYSTEM_ACTOR),
      actor: actor === null ? null : people[actor],
    });
    expect(result.ok ? "ok" : result.error.code).toBe(code);
  });

  it.each([
    [
      { ...DEFAULT_CASE_SETTINGS, planDeadlineWorkingDays: 0, alertEscalationMinutes: 60 },
      "planDeadlineWorkingDays",
    ],
    [
      { ...DEFAULT_CASE_SETTINGS, planDeadlineWorkingDays: 5.5, alertEscalationMinutes: 60 },
      "planDeadlineWorkingDays",
    ],
    [
      { ...DEFAULT_CASE_SETTINGS, planDeadlineWorkingDays: 5, alertEscalationMinutes: 0 },
      "alertEscalationMinutes",
    ],
    [
      { ...DEFAULT_CASE_SETTINGS, planDeadlineWorkingDays: 5, alertEscalationMinutes: 100_000 },
      "alertEscalationMinutes",
    ],
  ])("refuses settings %j", (settings, field) => {
    const result = openCase(newCaseInput(), {
      ...ctx(REPORTED_AT, SYSTEM_ACTOR, { settings }),
      actor: people.teacher,
    });
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.error).toMatchObject({ code: "settings.invalid", params: { field } });
  });

  it("refuses an invalid clock", () => {
    const result = openCase(newCaseInput(), {
      ...ctx(new Date("nonsense"), SYSTEM_ACTOR),
      actor: people.teacher,
    });
    expect(result.ok ? "ok" : result.error.code).toBe("input.invalidValue");
  });
});

describe("acknowledge and the alert", () => {
  it("acknowledges every report, tells the named reporter, and stops the escalation", () => {
    const c = openTestCase();
    const r = accepted(c, { type: "acknowledge" }, people.deputy, "2027-03-24T08:10:00.000Z");
    expect(r.next.acknowledgedBy).toBe("p-deputy");
    expect(r.next.reports.every((x) => x.acknowledgedAt === "2027-03-24T08:10:00.000Z")).toBe(true);
    expect(r.jobs).toContainEqual({ type: "cancelAlertEscalation", caseId: c.id });
    expect(notifications(r.jobs)).toEqual([
      { to: { type: "reporter", reportId: "report-1" }, template: "case.reportAcknowledged" },
    ]);
    expect(r.events.map((e) => e.type)).toEqual(["case.acknowledged", "case.statusChanged"]);
  });

  it("tells nobody when the reporter is anonymous", () => {
    const c = openTestCase({
      kind: "pupil-reported",
      reporter: { type: "anonymous", receiptCodeHash: "h" },
    });
    const r = accepted(c, { type: "acknowledge" }, principal, TIMES.acknowledged);
    expect(notifications(r.jobs)).toEqual([]);
  });

  it("asks the principal for the §12-5 decision when the deputy acknowledges a staff case", () => {
    const c = openTestCase({ kind: "staff-violation" });
    const byDeputy = accepted(c, { type: "acknowledge" }, people.deputy, TIMES.acknowledged);
    expect(notifications(byDeputy.jobs)).toContainEqual({
      to: { type: "schoolRole", role: "principal", schoolId: c.schoolId },
      template: "case.ownerDecisionNeeded",
    });
    const byPrincipal = accepted(c, { type: "acknowledge" }, principal, TIMES.acknowledged);
    expect(notifications(byPrincipal.jobs).map((n) => n.template)).not.toContain(
      "case.ownerDecisionNeeded",
    );
  });

  it("escalates to the owner after 60 minutes, not before", () => {
    const c = openTestCase();
    expect(
      refusal(c, { type: "escalateAlert", level: 1 }, SYSTEM_ACTOR, "2027-03-24T08:59:59.000Z")
        .code,
    ).toBe("alert.notDue");
    const r = accepted(
      c,
      { type: "escalateAlert", level: 1 },
      SYSTEM_ACTOR,
      "2027-03-24T09:00:00.000Z",
    );
    expect(r.next.alert.level).toBe(1);
    expect(r.next.alert.nextEscalationAt).toBeNull();
    expect(notifications(r.jobs)).toEqual([
      {
        to: { type: "ownerRole", role: "ownerCaseOfficer", ownerId: "owner-1" },
        template: "case.alertEscalated",
      },
    ]);
    expect(r.jobs.some((j) => j.type === "scheduleAlertEscalation")).toBe(false);
    expect(r.events.map((e) => [e.type, e.actorId])).toEqual([["case.alertEscalated", "system"]]);
    // The acknowledge step now belongs to the owner, and it is overdue.
    expect(nextStep(r.next, new Date("2027-03-24T09:01:00.000Z"))).toMatchObject({
      kind: "acknowledge",
      owner: { type: "role", role: "ownerCaseOfficer" },
      overdue: true,
    });
    // There is no level 2 for a school case.
    expect(
      refusal(r.next, { type: "escalateAlert", level: 2 }, SYSTEM_ACTOR, "2027-03-24T12:00:00.000Z")
        .code,
    ).toBe("alert.levelMismatch");
  });

  it("lets the owner acknowledge a school case only once the alert reached the owner", () => {
    const c = openTestCase();
    expect(
      refusal(c, { type: "acknowledge" }, people.ownerOfficer, "2027-03-24T08:30:00.000Z").code,
    ).toBe("case.accessDenied");
    const escalated = apply(
      c,
      { type: "escalateAlert", level: 1 },
      SYSTEM_ACTOR,
      "2027-03-24T09:00:00.000Z",
    );
    expect(caseVisibility(people.ownerOfficer, accessViewOf(escalated)).level).toBe("full");
    const r = accepted(
      escalated,
      { type: "acknowledge" },
      people.ownerOfficer,
      "2027-03-24T09:05:00.000Z",
    );
    expect(r.next.status).toBe("acknowledged");
    // …but the owner only reads the case after that.
    expect(
      refusal(
        r.next,
        { type: "recordBestInterest", assessmentId: "b", text: "x" },
        people.ownerOfficer,
        TIMES.investigating,
      ).params,
    ).toEqual({ reason: "readOnly" });
  });

  it("repeats an unacknowledged leadership alert once to the case officer and the area director", () => {
    const c = openTestCase({ kind: "leadership-violation" });
    const r = accepted(
      c,
      { type: "escalateAlert", level: 1 },
      SYSTEM_ACTOR,
      "2027-03-24T09:00:00.000Z",
    );
    expect(notifications(r.jobs)).toEqual([
      {
        to: { type: "ownerRole", role: "ownerCaseOfficer", ownerId: "owner-1" },
        template: "case.alertEscalated",
      },
      {
        to: { type: "ownerRole", role: "areaDirector", ownerId: "owner-1" },
        template: "case.alertEscalated",
      },
    ]);
    // Nothing above the area director: no further level is scheduled.
    expect(r.next.alert.nextEscalationAt).toBeNull();
    expect(r.jobs.some((j) => j.type === "scheduleAlertEscalation")).toBe(false);
  });

  it("refuses escalation from a person and a wrong level", () => {
    const c = openTestCase();
    expect(
      refusal(c, { type: "escalateAlert", level: 1 }, principal, "2027-03-24T10:00:00.000Z").params,
    ).toEqual({
      reason: "systemOnly",
    });
    expect(
      refusal(c, { type: "escalateAlert", level: 3 }, SYSTEM_ACTOR, "2027-03-24T10:00:00.000Z")
        .code,
    ).toBe("alert.levelMismatch");
    expect(
      refusal(c, { type: "acknowledge" }, SYSTEM_ACTOR, "2027-03-24T10:00:00.000Z").params,
    ).toEqual({
      reason: "notForSystem",
    });
  });
});

describe("investigation", () => {
  const ack = caseIn("staff-concern", "acknowledged");
  const now = TIMES.investigating;
  const today = todayOf(now);
  const note = (
    over: Partial<Extract<CaseCommand, { type: "addInvestigationNote" }>> = {},
  ): CaseCommand => ({
    type: "addInvestigationNote",
    noteId: "note-9",
    kind: "conversation",
    occurredOn: today,
    text: "Synthetic note.",
    ...over,
  });

  it("the first note starts the investigation; the team may write notes", () => {
    const r = accepted(ack, note(), people.socialWorker, now);
    expect(r.next.status).toBe("investigating");
    expect(r.next.investigationNotes).toHaveLength(1);
    expect(r.events.map((e) => e.type)).toEqual([
      "case.investigationNoteAdded",
      "case.statusChanged",
    ]);
    // No case content in the audit event.
    expect(JSON.stringify(r.events)).not.toContain("Synthetic note");
  });

  it("accepts an observation from before the report", () => {
    expect(accepted(ack, note({ occurredOn: d("2027-03-01") }), principal, now).ok).toBe(true);
  });

  it.each([
    ["a date in the future", note({ occurredOn: d("2027-03-25") }), "input.dateInFuture"],
    ["a malformed date", note({ occurredOn: "24.03.2027" as never }), "input.invalidDate"],
    ["a blank text", note({ text: "   " }), "input.textMissing"],
    ["a huge text", note({ text: "x".repeat(20_001) }), "input.textTooLong"],
    ["a blank id", note({ noteId: "" }), "input.idMissing"],
    ["an unknown kind", note({ kind: "gossip" as never }), "input.invalidValue"],
  ])("refuses %s", (_name, command, code) => {
    expect(refusal(ack, command, principal, now).code).toBe(code);
  });

  it("refuses a note id used before", () => {
    const inv = caseIn("staff-concern", "investigating");
    expect(refusal(inv, note({ noteId: "note-1" }), principal, now).code).toBe("input.duplicateId");
  });

  it("records the pupil's own words; only pupils of the case", () => {
    const view = (pupilId: string, feelsSafe: unknown): CaseCommand => ({
      type: "recordPupilView",
      viewId: "v-1",
      pupilId,
      heardOn: today,
      words: "Synthetic words.",
      feelsSafe: feelsSafe as boolean,
    });
    expect(
      accepted(ack, view(PUPIL, false), people.socialWorker, now).next.pupilViews[0],
    ).toMatchObject({
      pupilId: PUPIL,
      feelsSafe: false,
      source: "conversation",
    });
    expect(refusal(ack, view(OTHER_PUPIL, false), principal, now).code).toBe("pupil.notInCase");
    expect(refusal(ack, view(PUPIL, "yes"), principal, now).code).toBe("input.invalidValue");
  });

  it("keeps every best-interest assessment; the leads write them, not the team", () => {
    const first = apply(
      ack,
      { type: "recordBestInterest", assessmentId: "b1", text: "First." },
      principal,
      now,
    );
    const second = apply(
      first,
      { type: "recordBestInterest", assessmentId: "b2", text: "Second." },
      people.deputy,
      now,
    );
    expect(second.bestInterest.map((b) => b.id)).toEqual(["b1", "b2"]);
    expect(
      refusal(
        ack,
        { type: "recordBestInterest", assessmentId: "b3", text: "x" },
        people.socialWorker,
        now,
      ).params,
    ).toEqual({ reason: "leadsOnly" });
  });

  it("identifies a pupil after an anonymous report", () => {
    let c = openTestCase({
      kind: "pupil-reported",
      pupils: [],
      reporter: { type: "anonymous", receiptCodeHash: "h" },
    });
    c = apply(c, { type: "acknowledge" }, principal, TIMES.acknowledged);
    const r = accepted(c, { type: "addPupil", pupilId: PUPIL }, principal, now);
    expect(r.next.pupils).toEqual([PUPIL]);
    expect(refusal(r.next, { type: "addPupil", pupilId: PUPIL }, principal, now).code).toBe(
      "pupil.alreadyInCase",
    );
  });
});

describe("the measure plan in the case", () => {
  const inv = caseIn("staff-concern", "investigating");
  const now = TIMES.measuresActive;
  const today = todayOf(now);

  it("saves revision 1, due for communication by the plan deadline; the saver joins the team", () => {
    const r = accepted(
      inv,
      { type: "savePlan", plan: planDraft(principal.personId, today) },
      principal,
      now,
    );
    const plan = r.next.planRevisions[0];
    expect(plan).toMatchObject({
      revision: 1,
      communicateBy: "2027-04-05",
      savedBy: "p-principal",
    });
    expect(r.next.status).toBe("measuresActive");
    expect(r.next.team.map((m) => m.personId)).toEqual(["p-social", "p-principal"]);
    expect(r.events.map((e) => e.type)).toEqual([
      "case.teamMemberAdded",
      "case.planSaved",
      "case.statusChanged",
    ]);
    const reminders = r.jobs.find((j) => j.type === "replaceReminders");
    expect(
      reminders?.type === "replaceReminders" &&
        reminders.reminders.map((x) => [x.step, x.phase, x.on]),
    ).toEqual([
      ["carryOutMeasure", "overdue", "2027-03-31"],
      ["communicatePlan", "upcoming", "2027-04-02"],
      ["communicatePlan", "overdue", "2027-04-06"],
      ["evaluate", "upcoming", "2027-04-19"],
      ["evaluate", "overdue", "2027-04-21"],
    ]);
  });

  it("refuses a plan naming someone outside the team as responsible", () => {
    const error = refusal(
      inv,
      { type: "savePlan", plan: planDraft(people.counsellor.personId, today) },
      principal,
      now,
    );
    expect(error.code).toBe("plan.responsibleNotOnTeam");
    expect(error.issues).toEqual([
      {
        code: "plan.responsibleNotOnTeam",
        path: "measures.0.responsiblePersonId",
        params: { measure: 0, personId: "p-counsellor" },
      },
    ]);
  });

  it("refuses a plan without its parts and reports each one", () => {
    const error = refusal(
      inv,
      { type: "savePlan", plan: { problem: "", measures: [], evaluateOn: null } },
      principal,
      now,
    );
    expect(error.code).toBe("plan.problemMissing");
    expect(error.issues?.map((i) => i.code)).toEqual([
      "plan.problemMissing",
      "plan.noMeasures",
      "plan.evaluationDateMissing",
    ]);
  });

  it("keeps every revision; a revision gets N working days of its own", () => {
    const active = caseIn("staff-concern", "measuresActive");
    const later = "2027-04-07T09:00:00.000Z";
    const r = accepted(
      active,
      {
        type: "savePlan",
        plan: planDraft(principal.personId, todayOf(later), { measureId: "measure-2" }),
      },
      principal,
      later,
    );
    expect(r.next.planRevisions.map((p) => p.revision)).toEqual([1, 2]);
    expect(r.next.planRevisions[0]).toEqual(active.planRevisions[0]);
    // Wed 7 April + 5 working days = Wed 14 April.
    expect(r.next.planRevisions[1]?.communicateBy).toBe("2027-04-14");
    expect(nextStep(r.next, new Date(later))?.kind).toBe("carryOutMeasure");
  });

  it("records communication and the answer with dates; a 'no' is recorded, not blocking", () => {
    let c = apply(
      inv,
      { type: "savePlan", plan: planDraft(principal.personId, today) },
      principal,
      now,
    );
    expect(
      refusal(
        c,
        {
          type: "recordPlanResponse",
          revision: 1,
          respondedOn: today,
          by: "guardians",
          accepted: true,
          comment: null,
        },
        principal,
        now,
      ).code,
    ).toBe("plan.notCommunicated");
    c = apply(
      c,
      {
        type: "recordPlanCommunicated",
        revision: 1,
        communicatedOn: today,
        to: ["pupil", "guardians"],
      },
      principal,
      now,
    );
    expect(pendingSteps(c, new Date(now)).map((s) => s.kind)).toContain("recordPlanResponse");
    const r = accepted(
      c,
      {
        type: "recordPlanResponse",
        revision: 1,
        respondedOn: today,
        by: "guardians",
        accepted: false,
        comment: "Synthetic.",
      },
      principal,
      now,
    );
    expect(r.next.planResponses[0]).toMatchObject({
      revision: 1,
      by: "guardians",
      accepted: false,
    });
    expect(pendingSteps(r.next, new Date(now)).map((s) => s.kind)).toEqual([
      "carryOutMeasure",
      "evaluate",
    ]);
    expect(JSON.stringify(r.events)).not.toContain("Synthetic.");
  });

  it.each([
    ["an older revision", { revision: 2 }, "plan.notCurrentRevision"],
    [
      "before the plan was saved",
      { communicatedOn: d("2027-03-29") },
      "plan.communicatedBeforeSaved",
    ],
    ["in the future", { communicatedOn: d("2027-03-31") }, "input.dateInFuture"],
    ["to nobody", { to: [] }, "plan.noParties"],
    ["to someone unknown", { to: ["teacher"] }, "input.invalidValue"],
    ["twice to the same party", { to: ["pupil", "pupil"] }, "input.invalidValue"],
  ])("refuses a communication %s", (_name, over, code) => {
    const c = apply(
      inv,
      { type: "savePlan", plan: planDraft(principal.personId, today) },
      principal,
      now,
    );
    const command = {
      type: "recordPlanCommunicated",
      revision: 1,
      communicatedOn: today,
      to: ["pupil"],
      ...over,
    } as CaseCommand;
    expect(refusal(c, command, principal, now).code).toBe(code);
  });

  it("refuses an answer dated before the communication", () => {
    const c = caseIn("staff-concern", "measuresActive");
    expect(
      refusal(
        c,
        {
          type: "recordPlanResponse",
          revision: 1,
          respondedOn: d("2027-03-29"),
          by: "pupil",
          accepted: true,
          comment: null,
        },
        principal,
        TIMES.later,
      ).code,
    ).toBe("plan.responseBeforeCommunicated");
  });

  it("logs measures carried out; the responsible person's step goes away", () => {
    const c = caseIn("staff-concern", "measuresActive");
    const command: CaseCommand = {
      type: "recordMeasureCarriedOut",
      entryId: "log-1",
      measureId: "measure-1",
      carriedOutOn: d("2027-03-30"),
      note: null,
    };
    const r = accepted(c, command, people.socialWorker, TIMES.later);
    expect(pendingSteps(r.next, new Date(TIMES.later)).map((s) => s.kind)).not.toContain(
      "carryOutMeasure",
    );
    expect(refusal(r.next, command, principal, TIMES.later).code).toBe("input.duplicateId");
    expect(refusal(c, { ...command, measureId: "nope" }, principal, TIMES.later).code).toBe(
      "measure.unknown",
    );
  });

  it("keeps the measure log of a measure carried over into a new revision", () => {
    let c = caseIn("staff-concern", "measuresActive");
    c = apply(
      c,
      {
        type: "recordMeasureCarriedOut",
        entryId: "log-1",
        measureId: "measure-1",
        carriedOutOn: d("2027-03-30"),
        note: null,
      },
      principal,
      TIMES.later,
    );
    c = apply(
      c,
      {
        type: "savePlan",
        plan: planDraft(principal.personId, d("2027-03-30"), { evaluateOn: d("2027-05-10") }),
      },
      principal,
      TIMES.later,
    );
    expect(pendingSteps(c, new Date(TIMES.later)).map((s) => s.kind)).not.toContain(
      "carryOutMeasure",
    );
  });
});

describe("evaluation", () => {
  const active = caseIn("staff-concern", "measuresActive");
  const now = TIMES.evaluating;
  const today = todayOf(now);

  it("hears the pupil, rates every measure, and gives N working days to revise or close", () => {
    const r = accepted(active, evaluationFor(active, today, false), principal, now);
    expect(r.next.status).toBe("evaluating");
    expect(r.next.evaluations[0]).toMatchObject({
      revision: 1,
      evaluatedOn: "2027-04-20",
      decideBy: "2027-04-27",
    });
    expect(r.next.pupilViews.at(-1)).toMatchObject({
      source: "evaluation",
      feelsSafe: false,
      heardOn: "2027-04-20",
    });
    expect(nextStep(r.next, new Date(now))).toMatchObject({
      kind: "reviseOrClose",
      due: { type: "date", on: "2027-04-27" },
    });
  });

  it("refuses an evaluation without the pupil's view", () => {
    const command = evaluationFor(active, today);
    if (command.type !== "recordEvaluation") throw new Error();
    expect(refusal(active, { ...command, pupilViews: [] }, principal, now)).toMatchObject({
      code: "evaluation.pupilViewMissing",
      params: { pupilId: PUPIL },
    });
  });

  it("refuses an evaluation that leaves out a measure or names an unknown one", () => {
    const command = evaluationFor(active, today);
    if (command.type !== "recordEvaluation") throw new Error();
    expect(refusal(active, { ...command, measureEffects: [] }, principal, now).code).toBe(
      "evaluation.measureEffectMissing",
    );
    expect(
      refusal(
        active,
        { ...command, measureEffects: [{ measureId: "x", effect: "worked", comment: null }] },
        principal,
        now,
      ).code,
    ).toBe("evaluation.unknownMeasure");
    expect(
      refusal(
        active,
        {
          ...command,
          measureEffects: [{ measureId: "measure-1", effect: "meh" as never, comment: null }],
        },
        principal,
        now,
      ).code,
    ).toBe("input.invalidValue");
  });

  it("refuses an evaluation dated before the plan", () => {
    expect(refusal(active, evaluationFor(active, d("2027-03-29")), principal, now).code).toBe(
      "evaluation.beforePlan",
    );
  });

  it("revising after an evaluation puts the new plan in force", () => {
    const evaluated = apply(active, evaluationFor(active, today, false), principal, now);
    const r = accepted(
      evaluated,
      { type: "savePlan", plan: planDraft(principal.personId, today, { measureId: "measure-2" }) },
      principal,
      now,
    );
    expect(r.next.status).toBe("measuresActive");
    expect(r.next.planRevisions).toHaveLength(2);
  });
});

describe("closing", () => {
  const evaluating = caseIn("staff-concern", "evaluating");

  it("closes on the pupil's own word that they feel safe", () => {
    const r = accepted(
      evaluating,
      { type: "close", closure: { type: "pupilFeelsSafe" } },
      principal,
      TIMES.closed,
    );
    expect(r.next).toMatchObject({
      status: "closed",
      closedAt: TIMES.closed,
      closedBy: "p-principal",
      closure: { type: "pupilFeelsSafe", pupilViewIds: ["evaluation-1-view-1"] },
    });
    expect(r.jobs).toContainEqual({
      type: "replaceReminders",
      caseId: evaluating.id,
      reminders: [],
    });
  });

  it("refuses 'feels safe' when the pupil's latest word is otherwise", () => {
    const unsafe = apply(
      evaluating,
      {
        type: "recordPupilView",
        viewId: "late",
        pupilId: PUPIL,
        heardOn: d("2027-04-21"),
        words: "Not really.",
        feelsSafe: false,
      },
      people.socialWorker,
      TIMES.closed,
    );
    expect(
      refusal(
        unsafe,
        { type: "close", closure: { type: "pupilFeelsSafe" } },
        principal,
        TIMES.closed,
      ),
    ).toEqual({
      code: "close.pupilNotSafe",
      params: { pupilId: PUPIL },
    });
    // §12-2: no ground closes a case while the pupil says they are not safe…
    for (const closure of [
      { type: "noCaseToAnswer", findings: "Nothing found." },
      { type: "other", reason: "Synthetic reason.", confirmed: true },
      { type: "joined", intoCaseId: "case-other" },
    ] as const) {
      expect(refusal(unsafe, { type: "close", closure }, principal, TIMES.closed)).toEqual({
        code: "close.pupilNotSafe",
        params: { pupilId: PUPIL },
      });
    }
    // …except that the pupil has left the school.
    expect(
      accepted(
        unsafe,
        {
          type: "close",
          closure: { type: "pupilLeftSchool", pupilIds: [PUPIL], note: "Moved to Bergen." },
        },
        principal,
        TIMES.closed,
      ).next.closure,
    ).toEqual({ type: "pupilLeftSchool", pupilIds: [PUPIL], note: "Moved to Bergen." });
  });

  it("'other' needs a written reason and the principal's own confirmation", () => {
    const other = (reason: string, confirmed: boolean) =>
      ({ type: "close", closure: { type: "other", reason, confirmed } }) as const;
    expect(refusal(evaluating, other(" ", true), principal, TIMES.closed).code).toBe(
      "close.reasonMissing",
    );
    expect(refusal(evaluating, other("Synthetic.", true), people.deputy, TIMES.closed).code).toBe(
      "close.otherNeedsPrincipal",
    );
    expect(refusal(evaluating, other("Synthetic.", false), principal, TIMES.closed).code).toBe(
      "close.otherNotConfirmed",
    );
    expect(
      accepted(evaluating, other("Synthetic.", true), principal, TIMES.closed).next.closure,
    ).toEqual({ type: "other", reason: "Synthetic.", confirmedBy: "p-principal" });
    // On a leadership case the owner's area director confirms, not the case officer.
    const leadership = caseIn("leadership-violation", "evaluating");
    expect(
      refusal(leadership, other("Synthetic.", true), people.ownerOfficer, TIMES.closed).code,
    ).toBe("close.otherNeedsPrincipal");
    expect(
      accepted(leadership, other("Synthetic.", true), people.areaDirector, TIMES.closed).ok,
    ).toBe(true);
  });

  it.each([
    ["an unknown ground", { type: "shrug" }, "input.invalidValue"],
    ["the legacy free-text reason", { type: "reason", reason: "x" }, "input.invalidValue"],
    [
      "no case to answer without findings",
      { type: "noCaseToAnswer", findings: "" },
      "close.findingsMissing",
    ],
    [
      "left school naming nobody",
      { type: "pupilLeftSchool", pupilIds: [], note: "x" },
      "close.leftPupilsInvalid",
    ],
    [
      "left school naming a pupil not in the case",
      { type: "pupilLeftSchool", pupilIds: [OTHER_PUPIL], note: "x" },
      "close.leftPupilsInvalid",
    ],
    [
      "left school without a note",
      { type: "pupilLeftSchool", pupilIds: [PUPIL], note: " " },
      "input.textMissing",
    ],
    ["joined into itself", { type: "joined", intoCaseId: "case-1" }, "close.joinTargetInvalid"],
  ])("refuses %s", (_name, closure, code) => {
    expect(
      refusal(evaluating, { type: "close", closure: closure as never }, principal, TIMES.closed)
        .code,
    ).toBe(code);
  });

  it("needs an investigation note and every pupil heard or excused, whatever the ground", () => {
    const ack = caseIn("staff-concern", "acknowledged");
    const noCase = {
      type: "close",
      closure: { type: "noCaseToAnswer", findings: "None." },
    } as const;
    expect(refusal(ack, noCase, principal, TIMES.later).code).toBe("close.noInvestigation");
    const noted = apply(
      ack,
      {
        type: "addInvestigationNote",
        noteId: "n",
        kind: "observation",
        occurredOn: d("2027-04-21"),
        text: "Watched the breaks for a week.",
      },
      principal,
      TIMES.later,
    );
    expect(refusal(noted, noCase, principal, TIMES.later)).toEqual({
      code: "close.pupilNotHeard",
      params: { pupilId: PUPIL },
    });
    const excused = apply(
      noted,
      { type: "recordPupilNotHeard", entryId: "x", pupilId: PUPIL, reason: "Ill for weeks." },
      principal,
      TIMES.later,
    );
    expect(accepted(excused, noCase, principal, TIMES.later).next.closure).toEqual({
      type: "noCaseToAnswer",
      findings: "None.",
    });
    // A case joined into another carries its work there: the one ground without these.
    expect(
      accepted(
        ack,
        { type: "close", closure: { type: "joined", intoCaseId: "case-9" } },
        principal,
        TIMES.later,
      ).next.closure,
    ).toEqual({ type: "joined", intoCaseId: "case-9" });
  });

  it("refuses 'feels safe' when nobody was heard, and when no pupil is named", () => {
    const ack = caseIn("staff-concern", "acknowledged");
    expect(
      refusal(ack, { type: "close", closure: { type: "pupilFeelsSafe" } }, principal, TIMES.closed)
        .code,
    ).toBe("close.noInvestigation");
    let anon = openTestCase({
      kind: "pupil-reported",
      pupils: [],
      reporter: { type: "anonymous", receiptCodeHash: "h" },
    });
    anon = apply(anon, { type: "acknowledge" }, principal, TIMES.acknowledged);
    expect(
      refusal(anon, { type: "close", closure: { type: "pupilFeelsSafe" } }, principal, TIMES.closed)
        .code,
    ).toBe("close.noPupils");
  });

  it("a closed case is archived read-only: nothing is accepted, nothing deleted", () => {
    const closed = caseIn("staff-concern", "closed");
    expect(closed.planRevisions).toHaveLength(1);
    expect(closed.evaluations).toHaveLength(1);
    expect(refusal(closed, { type: "acknowledge" }, principal, TIMES.later).code).toBe(
      "case.closed",
    );
    expect(nextStep(closed, new Date(TIMES.later))).toBeNull();
  });
});

describe("serious cases and §12-5", () => {
  it("marking serious notifies the owner at once and opens the case to the owner (read-only)", () => {
    const c = caseIn("staff-concern", "investigating");
    expect(caseVisibility(people.ownerOfficer, accessViewOf(c)).level).toBe("none");
    const r = accepted(c, { type: "markSerious", reason: "Violence." }, principal, TIMES.later);
    expect(r.next.escalatedToOwnerAt).toBe(TIMES.later);
    expect(notifications(r.jobs)).toEqual([
      {
        to: { type: "ownerRole", role: "ownerCaseOfficer", ownerId: "owner-1" },
        template: "case.markedSerious",
      },
    ]);
    expect(caseVisibility(people.ownerOfficer, accessViewOf(r.next))).toEqual({
      level: "full",
      reason: "ownerEscalated",
    });
    expect(caseVisibility(people.areaDirector, accessViewOf(r.next)).level).toBe("full");
    expect(caseVisibility(people.otherOwnerOfficer, accessViewOf(r.next)).level).toBe("none");
    expect(
      refusal(r.next, { type: "markSerious", reason: "Again." }, principal, TIMES.later).code,
    ).toBe("case.alreadySerious");
    expect(JSON.stringify(r.events)).not.toContain("Violence");
  });

  it("the deputy may mark serious; the team may not; a reason is required", () => {
    const c = caseIn("staff-concern", "investigating");
    expect(accepted(c, { type: "markSerious", reason: "x" }, people.deputy, TIMES.later).ok).toBe(
      true,
    );
    expect(
      refusal(c, { type: "markSerious", reason: "x" }, people.socialWorker, TIMES.later).params,
    ).toEqual({ reason: "leadsOnly" });
    expect(refusal(c, { type: "markSerious", reason: "" }, principal, TIMES.later).code).toBe(
      "input.textMissing",
    );
  });

  it("notifying the owner about a staff case: on time the same day, then the step is gone", () => {
    const c = caseIn("staff-violation", "acknowledged");
    expect(nextStep(c, new Date(TIMES.acknowledged))).toMatchObject({
      kind: "ownerDecision",
      due: { type: "date", on: "2027-03-24" },
      owner: { type: "role", role: "principal" },
      overdue: false,
    });
    const r = accepted(c, { type: "notifyOwner" }, principal, "2027-03-24T15:00:00.000Z");
    expect(r.events[0]).toMatchObject({ type: "case.ownerNotified", data: { onTime: true } });
    expect(notifications(r.jobs)).toEqual([
      {
        to: { type: "ownerRole", role: "ownerCaseOfficer", ownerId: "owner-1" },
        template: "case.staffViolationNotice",
      },
    ]);
    expect(pendingSteps(r.next, new Date(TIMES.later)).map((s) => s.kind)).not.toContain(
      "ownerDecision",
    );
    expect(caseVisibility(people.ownerOfficer, accessViewOf(r.next)).level).toBe("full");
    expect(refusal(r.next, { type: "notifyOwner" }, principal, TIMES.later).code).toBe(
      "case.ownerAlreadyNotified",
    );
    expect(
      refusal(r.next, { type: "recordObviouslyUnfounded", reason: "x" }, principal, TIMES.later)
        .code,
    ).toBe("case.ownerDecisionAlreadyRecorded");
  });

  it("a late notice is recorded as late; the overdue step showed it", () => {
    const c = caseIn("staff-violation", "acknowledged");
    expect(nextStep(c, new Date("2027-03-25T07:00:00.000Z"))?.overdue).toBe(true);
    const r = accepted(c, { type: "notifyOwner" }, principal, "2027-03-25T07:00:00.000Z");
    expect(r.events[0]?.data).toEqual({ onTime: false });
  });

  it("'obviously unfounded' is the principal's own judgement, with a reason, and the owner may still be told later", () => {
    const c = caseIn("staff-violation", "acknowledged");
    expect(
      refusal(c, { type: "recordObviouslyUnfounded", reason: "x" }, people.deputy, TIMES.later)
        .params,
    ).toEqual({
      reason: "principalOnly",
    });
    expect(
      refusal(c, { type: "recordObviouslyUnfounded", reason: "" }, principal, TIMES.later).code,
    ).toBe("input.textMissing");
    const unfounded = apply(
      c,
      { type: "recordObviouslyUnfounded", reason: "Synthetic reason." },
      principal,
      TIMES.acknowledged,
    );
    expect(caseVisibility(people.ownerOfficer, accessViewOf(unfounded)).level).toBe("none");
    expect(pendingSteps(unfounded, new Date(TIMES.later)).map((s) => s.kind)).not.toContain(
      "ownerDecision",
    );
    const told = apply(unfounded, { type: "notifyOwner" }, people.deputy, TIMES.later);
    expect(told.staffViolationDecisions.map((x) => x.type)).toEqual([
      "obviouslyUnfounded",
      "ownerNotified",
    ]);
    // The recorded judgement satisfies the §12-5 decision; closing then asks for the
    // investigation like any other case.
    expect(
      refusal(
        unfounded,
        { type: "close", closure: { type: "noCaseToAnswer", findings: "Unfounded, see above." } },
        principal,
        TIMES.later,
      ).code,
    ).toBe("close.noInvestigation");
  });

  it("measures may start before the owner decision (the law says at once)", () => {
    const c = caseIn("staff-violation", "investigating");
    expect(
      accepted(
        c,
        { type: "savePlan", plan: planDraft(principal.personId, todayOf(TIMES.investigating)) },
        principal,
        TIMES.investigating,
      ).ok,
    ).toBe(true);
  });
});

describe("the case team", () => {
  const c = caseIn("staff-concern", "acknowledged");
  const lc = caseIn("leadership-violation", "acknowledged");

  it("adds a member, who is told (without content) and now sees the case", () => {
    const r = accepted(
      c,
      { type: "addTeamMember", personId: "p-nurse", roles: ["schoolNurse"] },
      principal,
      TIMES.later,
    );
    expect(notifications(r.jobs)).toEqual([
      { to: { type: "person", personId: "p-nurse" }, template: "case.addedToTeam" },
    ]);
    expect(caseVisibility(people.nurse, accessViewOf(r.next)).level).toBe("full");
    expect(caseVisibility(people.nurse, accessViewOf(c)).level).toBe("none");
  });

  it.each([
    ["a pupil", c, { personId: PUPIL, roles: ["pupil"] }, "team.notStaff"],
    ["a guardian", c, { personId: "p-guardian", roles: ["guardian"] }, "team.notStaff"],
    [
      "the owner's officer on a school case",
      c,
      { personId: "p-officer", roles: ["ownerCaseOfficer"] },
      "team.notStaff",
    ],
    [
      "an existing member",
      c,
      { personId: "p-social", roles: ["socialWorker"] },
      "team.alreadyMember",
    ],
    ["an unknown role", c, { personId: "p-x", roles: ["janitor"] }, "input.invalidValue"],
    [
      "a department head on a leadership case",
      lc,
      { personId: "p-dephead", roles: ["departmentHead"] },
      "team.leadershipOnLeadershipCase",
    ],
    [
      "a teaching department head on a leadership case",
      lc,
      { personId: "p-leader-teacher", roles: ["contactTeacher", "departmentHead"] },
      "team.leadershipOnLeadershipCase",
    ],
    [
      "the principal on a leadership case",
      lc,
      { personId: "p-principal", roles: ["principal"] },
      "team.leadershipOnLeadershipCase",
    ],
  ] as const)("refuses %s", (_name, state, member, code) => {
    const actor = state.kind === "leadership-violation" ? people.ownerOfficer : principal;
    expect(
      refusal(
        state,
        { type: "addTeamMember", ...member, roles: [...member.roles] } as CaseCommand,
        actor,
        TIMES.later,
      ).code,
    ).toBe(code);
  });

  it("lets the owner add its own staff and school staff outside the leadership to a leadership case", () => {
    let r = accepted(
      lc,
      { type: "addTeamMember", personId: "p-director", roles: ["areaDirector"] },
      people.ownerOfficer,
      TIMES.later,
    );
    r = accepted(
      r.next,
      { type: "addTeamMember", personId: "p-nurse", roles: ["schoolNurse"] },
      people.ownerOfficer,
      TIMES.later,
    );
    expect(caseVisibility(people.nurse, accessViewOf(r.next)).level).toBe("full");
  });

  it("refuses to remove a non-member or the person responsible for a measure", () => {
    expect(
      refusal(c, { type: "removeTeamMember", personId: "p-nurse" }, principal, TIMES.later).code,
    ).toBe("team.notMember");
    const active = caseIn("staff-concern", "measuresActive");
    expect(
      refusal(
        active,
        { type: "removeTeamMember", personId: "p-principal" },
        principal,
        TIMES.later,
      ),
    ).toEqual({
      code: "team.memberIsResponsible",
      params: { measureId: "measure-1" },
    });
    const r = accepted(
      c,
      { type: "removeTeamMember", personId: "p-social" },
      principal,
      TIMES.later,
    );
    expect(caseVisibility(people.socialWorker, accessViewOf(r.next)).level).toBe("none");
  });
});

describe("reclassification", () => {
  it("to §12-5 staff case: the same-day owner decision starts on the day of reclassification", () => {
    const c = caseIn("staff-concern", "investigating");
    const r = accepted(
      c,
      { type: "reclassify", kind: "staff-violation", reason: "A teacher is involved." },
      principal,
      TIMES.later,
    );
    expect(r.next.ownerDecisionDueOn).toBe("2027-04-22");
    expect(r.next.immediateMeasuresDueOn).toBe("2027-04-22");
    expect(r.next.kindChanges).toHaveLength(1);
    expect(r.next.reports[0]?.kind).toBe("staff-concern");
    // The overdue plan still comes first; the decision and the measures "straks" are due today.
    expect(pendingSteps(r.next, new Date(TIMES.later)).map((s) => [s.kind, s.overdue])).toEqual([
      ["writePlan", true],
      ["ownerDecision", false],
      ["immediateMeasures", false],
    ]);
  });

  it("to leadership: handed to the owner, leadership team members removed, the principal shut out", () => {
    let c = caseIn("staff-concern", "investigating");
    c = apply(
      c,
      {
        type: "addTeamMember",
        personId: "p-leader-teacher",
        roles: ["contactTeacher", "departmentHead"],
      },
      principal,
      TIMES.later,
    );
    const r = accepted(
      c,
      { type: "reclassify", kind: "leadership-violation", reason: "The deputy is involved." },
      principal,
      TIMES.later,
    );
    expect(r.next.team.map((m) => m.personId)).toEqual(["p-social"]);
    expect(r.events.map((e) => e.type)).toEqual(["case.reclassified", "case.teamMemberRemoved"]);
    expect(notifications(r.jobs)).toEqual([
      {
        to: { type: "ownerRole", role: "ownerCaseOfficer", ownerId: "owner-1" },
        template: "case.leadershipCaseHandedOver",
      },
    ]);
    for (const p of [
      people.principal,
      people.deputy,
      people.departmentHead,
      people.adminLeader,
      people.leaderAndTeacher,
    ]) {
      expect(caseVisibility(p, accessViewOf(r.next)).level).toBe("none");
    }
    expect(caseVisibility(people.ownerOfficer, accessViewOf(r.next)).level).toBe("full");
    expect(nextStep(r.next, new Date(TIMES.later))?.owner).toEqual({
      type: "role",
      role: "ownerCaseOfficer",
    });
  });

  it("to leadership: a measure owned by a removed leader falls to the owner's officer", () => {
    let c = caseIn("staff-concern", "measuresActive");
    expect(pendingSteps(c, new Date(TIMES.measuresActive))[0]?.owner).toEqual({
      type: "person",
      personId: "p-principal",
    });
    c = apply(
      c,
      { type: "reclassify", kind: "leadership-violation", reason: "x" },
      principal,
      TIMES.later,
    );
    expect(c.team.map((m) => m.personId)).toEqual(["p-social"]);
    const owners = pendingSteps(c, new Date(TIMES.later)).map((s) => s.owner);
    expect(owners).not.toContainEqual({ type: "person", personId: "p-principal" });
    expect(owners).toContainEqual({ type: "role", role: "ownerCaseOfficer" });
  });

  it("from leadership back to the school: only the owner, and the school's leads are told", () => {
    const lc = caseIn("leadership-violation", "investigating");
    expect(
      refusal(
        lc,
        { type: "reclassify", kind: "staff-concern", reason: "x" },
        principal,
        TIMES.later,
      ).params,
    ).toEqual({
      reason: "leadershipCase",
    });
    const r = accepted(
      lc,
      { type: "reclassify", kind: "staff-concern", reason: "Not about a leader." },
      people.ownerOfficer,
      TIMES.later,
    );
    expect(
      notifications(r.jobs).map((n) => [n.to.type === "schoolRole" && n.to.role, n.template]),
    ).toEqual([
      ["principal", "case.handedToSchool"],
      ["deputy", "case.handedToSchool"],
    ]);
  });

  it("refuses the same kind, an unknown kind and a blank reason", () => {
    const c = caseIn("staff-concern", "investigating");
    expect(
      refusal(c, { type: "reclassify", kind: "staff-concern", reason: "x" }, principal, TIMES.later)
        .code,
    ).toBe("reclassify.sameKind");
    expect(
      refusal(
        c,
        { type: "reclassify", kind: "gossip" as never, reason: "x" },
        principal,
        TIMES.later,
      ).code,
    ).toBe("input.invalidValue");
    expect(
      refusal(c, { type: "reclassify", kind: "pupil-reported", reason: "" }, principal, TIMES.later)
        .code,
    ).toBe("input.textMissing");
  });
});

describe("other refusals", () => {
  it("refuses an unknown command and people without access", () => {
    const c = caseIn("staff-concern", "investigating");
    expect(refusal(c, { type: "delete" } as never, principal, TIMES.later).code).toBe(
      "input.invalidValue",
    );
    for (const who of [
      people.teacher,
      people.otherPrincipal,
      people.systemAdmin,
      people.pupil,
      people.departmentHead,
    ]) {
      expect(refusal(c, { type: "markSerious", reason: "x" }, who, TIMES.later).code).toBe(
        "case.accessDenied",
      );
    }
  });

  it("never lets an open case lose its next step (the guard answers case.noNextStep)", () => {
    // A hand-made impossible state: measuresActive without a plan still gets a dated step.
    const c = { ...caseIn("staff-concern", "investigating"), status: "measuresActive" as const };
    expect(nextStep(c, new Date(TIMES.later))?.kind).toBe("writePlan");
  });

  it("uses the settings in force when the plan is revised", () => {
    const active = caseIn("staff-concern", "measuresActive");
    const r = transition(
      active,
      { type: "savePlan", plan: planDraft(principal.personId, d("2027-04-22")) },
      ctx(TIMES.later, principal, {
        settings: { ...DEFAULT_CASE_SETTINGS, planDeadlineWorkingDays: 2 },
      }),
    );
    expect(r.ok && r.next.planRevisions[1]?.communicateBy).toBe("2027-04-26");
  });

  it("rejects case ids from another school in a join", () => {
    const target = caseIn("staff-concern", "acknowledged");
    const source = openTestCase(
      {
        caseId: "case-b",
        reportId: "rb",
        schoolId: OTHER_SCHOOL,
        reporter: { type: "person", personId: "p-other-principal", capacity: "staff" },
      },
      TIMES.later,
    );
    // Built with the other school's principal as reporter; the join is refused on school.
    expect(refusal(target, { type: "joinReport", source }, principal, TIMES.later).code).toBe(
      "join.differentSchool",
    );
  });
});
