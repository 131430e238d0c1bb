// The duty to act, breach-proof (issue #8) over the API: an oral report registered late runs
// its deadlines from when the school knew; the plan waits until every pupil is heard and
// assessed; a case closes only on a ground that ends the duty; the principal's one answer
// to "is it serious?"; §12-5 measures at once; the family told; the covering statement. Each
// route is refused to those who may not use it, and a refused request changes nothing.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp, type TestClient } from "../support/app.ts";
import { demoSchools, personWithRole } from "../support/people.ts";

const NOW = "2026-11-26T09:00:00.000Z"; // a Thursday
let t: TestApp;
let schoolId: string;
let ownerId: string;
let principal: string;
let deputy: string;
let teacher: string;
let outsiderTeacher: string;
let otherPrincipal: string;
let officer: string;
let pupil: string;
let otherPupil: string;
let foreignPupil: string;
let lead: TestClient;

interface CaseBody {
  case: Record<string, unknown> & { status: string; learnedOn: string };
}

async function report(body: Record<string, unknown>, as: TestClient = lead) {
  return as.post(`/api/schools/${schoolId}/cases`, {
    kind: "staff-concern",
    pupilIds: [pupil],
    description: "Synthetic: the pupil is left out at every break.",
    ...body,
  });
}

async function openCase(body: Record<string, unknown> = {}): Promise<string> {
  const res = await report(body);
  expect(res.statusCode).toBe(201);
  const caseId = (res.json() as { caseId: string }).caseId;
  expect((await lead.post(`/api/cases/${caseId}/acknowledge`)).statusCode).toBe(200);
  return caseId;
}

async function read(caseId: string): Promise<CaseBody["case"]> {
  const res = await lead.get(`/api/cases/${caseId}`);
  expect(res.statusCode).toBe(200);
  return (res.json() as CaseBody).case;
}

async function version(caseId: string): Promise<number> {
  const row = await t.database.db
    .selectFrom("school_case")
    .select("version")
    .where("id", "=", caseId)
    .executeTakeFirstOrThrow();
  return row.version;
}

async function caseCount(): Promise<number> {
  const rows = await t.database.db.selectFrom("school_case").select("id").execute();
  return rows.length;
}

/** Not on the case: a teacher, another school's principal, nobody logged in. */
async function expectRefusedToOutsiders(caseId: string, url: string, body: unknown) {
  const before = await version(caseId);
  expect([403, 404]).toContain((await (await t.as(outsiderTeacher)).post(url, body)).statusCode);
  expect([403, 404]).toContain((await (await t.as(otherPrincipal)).post(url, body)).statusCode);
  expect((await t.anonymous.post(url, body)).statusCode).toBe(401);
  expect(await version(caseId)).toBe(before);
}

async function note(caseId: string) {
  const res = await lead.post(`/api/cases/${caseId}/notes`, {
    kind: "conversation",
    occurredOn: "2026-11-26",
    text: "Synthetic conversation note.",
  });
  expect(res.statusCode).toBe(200);
}

async function view(caseId: string, feelsSafe: boolean | null, pupilId = pupil) {
  const res = await lead.post(`/api/cases/${caseId}/pupil-views`, {
    pupilId,
    heardOn: "2026-11-26",
    words: "Synthetic words of the pupil.",
    feelsSafe,
  });
  expect(res.statusCode).toBe(200);
}

beforeAll(async () => {
  t = await createTestApp({}, { now: new Date(NOW) });
  const db = t.database.db;
  const schools = await demoSchools(db);
  schoolId = schools.big.id;
  ownerId = schools.big.ownerId;
  principal = await personWithRole(db, "principal", { schoolId });
  deputy = await personWithRole(db, "deputy", { schoolId });
  teacher = await personWithRole(db, "contactTeacher", { schoolId });
  outsiderTeacher = await personWithRole(db, "contactTeacher", { schoolId, index: 1 });
  otherPrincipal = await personWithRole(db, "principal", { schoolId: schools.small.id });
  officer = await personWithRole(db, "ownerCaseOfficer", { ownerId });
  pupil = await personWithRole(db, "pupil", { schoolId });
  otherPupil = await personWithRole(db, "pupil", { schoolId, index: 1 });
  foreignPupil = await personWithRole(db, "pupil", { schoolId: schools.small.id });
  lead = await t.as(principal);
});
afterAll(() => t.close());

describe("time runs from when the school knew", () => {
  it("an oral report registered two days late: deadlines from the told date, both times in the case", async () => {
    // Told Tuesday 24 November by phone, registered Thursday 26.
    const caseId = await openCase({ channel: "phone", toldAt: "2026-11-24T13:30:00+01:00" });
    const c = await read(caseId);
    expect(c.learnedOn).toBe("2026-11-24");
    expect(c.investigateBy).toBe("2026-11-26");
    expect(c.planDueOn).toBe("2026-12-01");
    const state = await t.database.db
      .selectFrom("school_case")
      .select("state")
      .where("id", "=", caseId)
      .executeTakeFirstOrThrow();
    const first = (state.state as { reports: Record<string, unknown>[] }).reports[0];
    expect(first).toMatchObject({
      channel: "phone",
      toldAt: "2026-11-24T12:30:00.000Z",
      reportedAt: NOW,
    });
  });

  it.each([
    [
      "in the future",
      "2026-11-27T08:00:00Z",
      "Tidspunktet skolen fikk vite det, kan ikke være fram i tid.",
    ],
    ["more than 30 days back", "2026-10-20T08:00:00Z", "høyst 30 dager tilbake"],
  ])(
    "refuses a told time %s with a translated message, creating nothing",
    async (_n, toldAt, text) => {
      const before = await caseCount();
      const res = await report({ channel: "inPerson", toldAt });
      expect(res.statusCode).toBe(400);
      expect(res.json().fields[0]).toMatchObject({ path: "toldAt" });
      expect(res.json().message).toContain(text);
      expect(await caseCount()).toBe(before);
    },
  );

  it("a pupil's own report is told when it is sent: a told time from a pupil is ignored", async () => {
    const asPupil = await t.as(pupil);
    const res = await asPupil.post(`/api/schools/${schoolId}/cases`, {
      kind: "pupil-reported",
      description: "Synthetic: I do not feel safe.",
      channel: "phone",
      toldAt: "2026-11-20T08:00:00Z",
    });
    expect(res.statusCode).toBe(201);
    // The pupil's receipt states the right to go to Statsforvalteren, and when.
    expect(res.json().complaint).toMatchObject({
      raisedOn: "2026-11-26",
      firstComplaintOn: "2026-12-03",
      office: { name: "Statsforvalteren i Oslo og Viken" },
    });
    expect((await report({})).json().complaint).toBeNull();
    const row = await t.database.db
      .selectFrom("school_case")
      .select(["learned_on"])
      .where("kind", "=", "pupil-reported")
      .executeTakeFirstOrThrow();
    expect(row.learned_on).toBe("2026-11-26");
  });
});

describe("heard and assessed before the plan; closing only when the duty has ended", () => {
  const plan = (responsible: string) => ({
    problem: "Synthetic problem.",
    evaluateOn: "2026-12-10",
    measures: [
      {
        id: "m1",
        description: "Synthetic measure.",
        startsOn: "2026-11-27",
        responsiblePersonId: responsible,
      },
    ],
  });

  it("a report saying the pupil does not feel safe holds the case open and the plan back", async () => {
    const caseId = await openCase({ pupilSaidUnsafe: true });
    await note(caseId);
    const close = await lead.post(`/api/cases/${caseId}/close`, {
      type: "noCaseToAnswer",
      findings: "Synthetic findings.",
    });
    expect(close.statusCode).toBe(409);
    expect(close.json()).toMatchObject({ caseCode: "close.pupilNotSafe" });
    // The text names the rule and offers no way around it.
    expect(close.json().message).toContain("§ 12-2");
    expect(close.json().message).not.toMatch(/eller avslutt|begrunnelse/i);

    const early = await lead.post(`/api/cases/${caseId}/plan`, plan(principal));
    expect(early.statusCode).toBe(400);
    expect(early.json()).toMatchObject({ caseCode: "plan.pupilNotHeard" });
    await view(caseId, false);
    const unassessed = await lead.post(`/api/cases/${caseId}/plan`, plan(principal));
    expect(unassessed.json()).toMatchObject({ caseCode: "plan.bestInterestMissing" });
    const bi = await lead.post(`/api/cases/${caseId}/best-interest`, { text: "Synthetic." });
    expect(bi.statusCode).toBe(200);
    expect((await lead.post(`/api/cases/${caseId}/plan`, plan(principal))).statusCode).toBe(200);
  });

  it("'other' is the principal's own, confirmed; a deputy cannot close on it", async () => {
    const caseId = await openCase();
    await note(caseId);
    await view(caseId, null);
    const body = { type: "other", reason: "Synthetic reason.", confirmed: true };
    const dep = await t.as(deputy);
    const byDeputy = await dep.post(`/api/cases/${caseId}/close`, body);
    expect(byDeputy.statusCode).toBe(409);
    expect(byDeputy.json()).toMatchObject({ caseCode: "close.otherNeedsPrincipal" });
    const unconfirmed = await lead.post(`/api/cases/${caseId}/close`, {
      ...body,
      confirmed: false,
    });
    expect(unconfirmed.json()).toMatchObject({ caseCode: "close.otherNotConfirmed" });
    const blank = await lead.post(`/api/cases/${caseId}/close`, { ...body, reason: " " });
    expect(blank.statusCode).toBe(400);
    const old = await lead.post(`/api/cases/${caseId}/close`, { type: "reason", reason: "x" });
    expect(old.statusCode).toBe(400);
    await expectRefusedToOutsiders(caseId, `/api/cases/${caseId}/close`, body);
    const ok = await lead.post(`/api/cases/${caseId}/close`, body);
    expect(ok.statusCode).toBe(200);
    expect(ok.json().case).toMatchObject({
      status: "closed",
      closure: { type: "other", confirmedBy: principal },
    });
  });

  it("closes as joined only into an open case of the same school", async () => {
    const caseId = await openCase();
    const other = await openCase({ pupilIds: [otherPupil] });
    const foreign = await (await t.as(otherPrincipal)).post(
      `/api/schools/${(await demoSchools(t.database.db)).small.id}/cases`,
      { kind: "staff-concern", pupilIds: [foreignPupil], description: "Synthetic." },
    );
    const foreignId = (foreign.json() as { caseId: string | null }).caseId;
    expect(foreignId).toBeTruthy();
    const wrong = await lead.post(`/api/cases/${caseId}/close`, {
      type: "joined",
      intoCaseId: foreignId,
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json()).toMatchObject({ fields: [{ path: "intoCaseId" }] });
    const self = await lead.post(`/api/cases/${caseId}/close`, {
      type: "joined",
      intoCaseId: caseId,
    });
    expect(self.statusCode).toBe(400);
    const ok = await lead.post(`/api/cases/${caseId}/close`, { type: "joined", intoCaseId: other });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().case.closure).toEqual({ type: "joined", intoCaseId: other });
  });

  it("a pupil who could not be heard, and other pupils involved, are recorded by the case team", async () => {
    const caseId = await openCase();
    const team = await lead.post(`/api/cases/${caseId}/team`, { personId: teacher });
    expect(team.statusCode).toBe(200);
    const member = await t.as(teacher);
    const notHeard = await member.post(`/api/cases/${caseId}/pupils-not-heard`, {
      pupilId: pupil,
      reason: "Synthetic: away ill for three weeks.",
    });
    expect(notHeard.statusCode).toBe(200);
    // Adding an involved pupil is the leads' call, not the team's.
    const involvedBody = { pupilId: otherPupil, role: "allegedActor" };
    expect(
      (await member.post(`/api/cases/${caseId}/involved-pupils`, involvedBody)).statusCode,
    ).toBe(403);
    const foreign = await lead.post(`/api/cases/${caseId}/involved-pupils`, {
      pupilId: foreignPupil,
      role: "bystander",
    });
    expect(foreign.statusCode).toBe(400);
    const added = await lead.post(`/api/cases/${caseId}/involved-pupils`, involvedBody);
    expect(added.statusCode).toBe(200);
    await view(caseId, null, otherPupil);
    const c = await read(caseId);
    expect(c.involvedPupils).toEqual([
      expect.objectContaining({ pupilId: otherPupil, role: "allegedActor" }),
    ]);
    await expectRefusedToOutsiders(caseId, `/api/cases/${caseId}/pupils-not-heard`, {
      pupilId: pupil,
      reason: "x",
    });
  });
});

describe("the principal's answer, §12-5 measures, the family, the covering statement", () => {
  it("'is this serious?' is answered once, by the principal; yes tells the owner at once", async () => {
    const caseId = await openCase();
    const url = `/api/cases/${caseId}/seriousness`;
    const dep = await t.as(deputy);
    expect((await dep.post(url, { serious: false })).statusCode).toBe(403);
    await expectRefusedToOutsiders(caseId, url, { serious: false });
    const noReason = await lead.post(url, { serious: true });
    expect(noReason.statusCode).toBe(400);
    const before = await t.database.db
      .selectFrom("outbox")
      .select("id")
      .where("recipient_id", "=", officer)
      .where("template", "=", "case.markedSerious")
      .execute();
    const yes = await lead.post(url, { serious: true, reason: "Synthetic: violence twice." });
    expect(yes.statusCode).toBe(200);
    expect(yes.json().case.seriousness).toMatchObject({ serious: true, at: NOW });
    const after = await t.database.db
      .selectFrom("outbox")
      .select("id")
      .where("recipient_id", "=", officer)
      .where("template", "=", "case.markedSerious")
      .execute();
    expect(after.length).toBeGreaterThan(before.length);
    const again = await lead.post(url, { serious: false });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ caseCode: "case.seriousnessAlreadyAssessed" });
  });

  it("a §12-5 case takes the measures put in place at once; other kinds refuse them", async () => {
    const staffCase = await openCase({ kind: "staff-violation" });
    const c = await read(staffCase);
    expect(c.immediateMeasuresDueOn).toBe("2026-11-26");
    const url = `/api/cases/${staffCase}/immediate-measures`;
    await expectRefusedToOutsiders(staffCase, url, { text: "x" });
    const ok = await lead.post(url, { text: "Synthetic: the employee does not meet the class." });
    expect(ok.statusCode).toBe(200);
    const plain = await openCase();
    const refused = await lead.post(`/api/cases/${plain}/immediate-measures`, { text: "x" });
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({ caseCode: "case.notStaffCase" });
  });

  it("the family is told for a minor; a pupil of 18 decides first", async () => {
    await t.database.db
      .updateTable("person")
      .set({ birth_date: "2010-05-01" })
      .where("id", "=", pupil)
      .execute();
    await t.database.db
      .updateTable("person")
      .set({ birth_date: "2008-01-15" })
      .where("id", "=", otherPupil)
      .execute();
    const caseId = await openCase({ pupilIds: [pupil, otherPupil] });
    const url = `/api/cases/${caseId}/family-information`;
    const informed = (pupilId: string) => ({
      type: "guardiansInformed",
      pupilId,
      informedOn: "2026-11-26",
      channel: "phone",
    });
    await expectRefusedToOutsiders(caseId, url, informed(pupil));
    expect((await lead.post(url, informed(pupil))).statusCode).toBe(200);
    const adult = await lead.post(url, informed(otherPupil));
    expect(adult.statusCode).toBe(409);
    expect(adult.json()).toMatchObject({ caseCode: "family.adultPupilNotAsked" });
    const minorChoice = await lead.post(url, {
      type: "adultPupilChoice",
      pupilId: pupil,
      decidedOn: "2026-11-26",
      familyMayBeTold: false,
    });
    expect(minorChoice.json()).toMatchObject({ caseCode: "family.pupilNotAdult" });
    const choice = await lead.post(url, {
      type: "adultPupilChoice",
      pupilId: otherPupil,
      decidedOn: "2026-11-26",
      familyMayBeTold: false,
    });
    expect(choice.statusCode).toBe(200);
    const c = await read(caseId);
    expect(c.familyInformation).toEqual([
      expect.objectContaining({ type: "guardiansInformed", pupilId: pupil, informedBy: principal }),
      expect.objectContaining({
        type: "adultPupilChoice",
        pupilId: otherPupil,
        familyMayBeTold: false,
      }),
    ]);
  });

  it("the covering statement is written by the leads, also after closing", async () => {
    const caseId = await openCase();
    await note(caseId);
    await view(caseId, true);
    expect(
      (await lead.post(`/api/cases/${caseId}/close`, { type: "pupilFeelsSafe" })).statusCode,
    ).toBe(200);
    const url = `/api/cases/${caseId}/covering-statements`;
    await expectRefusedToOutsiders(caseId, url, { text: "x" });
    expect((await lead.post(url, { text: " " })).statusCode).toBe(400);
    const ok = await lead.post(url, { text: "Synthetic covering statement." });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().case).toMatchObject({ status: "closed" });
    expect(ok.json().case.coveringStatements).toHaveLength(1);
  });
});
