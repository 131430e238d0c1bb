// A case from report to archive over the API: investigation, the plan (refused while a legal
// part is missing), the family's PDF in bokmål and nynorsk, communication, measures,
// evaluation, closing, the case file export, attachments, keep-apart pairs, and the clock
// (alert escalation to the owner, reminders), with the denials of each route.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { IsoDate } from "../../src/core/calendar/iso-date.ts";
import { keepApartPairsForSchool } from "../../src/server/cases/keep-apart.ts";
import { runCaseTick } from "../../src/server/cases/tick.ts";
import { createTestApp, type TestApp, type TestClient } from "../support/app.ts";
import { demoSchools, personWithRole } from "../support/people.ts";

let t: TestApp;
let schoolId: string;
let ownerId: string;
let principal: string;
let deputy: string;
let teacher: string;
let officer: string;
let pupil: string;
let otherPupil: string;
let guardian: string;
let otherGuardian: string;
let p: TestClient;

const TODAY = "2026-11-26";

function pdfText(buf: Buffer): string {
  const file = path.join(os.tmpdir(), `trygg-${process.pid}-${Date.now()}.pdf`);
  fs.writeFileSync(file, buf);
  try {
    return execFileSync("pdftotext", ["-layout", file, "-"], { encoding: "utf8" });
  } finally {
    fs.rmSync(file, { force: true });
  }
}

async function openCase(kind = "staff-concern", pupils = [pupil, otherPupil]): Promise<string> {
  const res = await p.post(`/api/schools/${schoolId}/cases`, {
    kind,
    pupilIds: pupils,
    description: "Eleven blir holdt utenfor i friminuttene.",
  });
  expect(res.statusCode).toBe(201);
  return (res.json() as { caseId: string }).caseId;
}

async function outboxCount(personId: string, template: string): Promise<number> {
  const rows = await t.database.db
    .selectFrom("outbox")
    .select("id")
    .where("recipient_id", "=", personId)
    .where("template", "=", template)
    .where("channel", "=", "inApp")
    .execute();
  return rows.length;
}

/** Moves the clock; sessions idle out, so the principal logs in again. */
async function setNow(iso: string) {
  t.now.value = new Date(iso);
  p = await t.as(principal);
}

const deps = () => ({
  db: t.database.db,
  clock: () => t.now.value,
  config: t.config,
});

beforeAll(async () => {
  t = await createTestApp({}, { now: new Date(`${TODAY}T09:00:00Z`) });
  const db = t.database.db;
  const schools = await demoSchools(db);
  schoolId = schools.big.id;
  ownerId = schools.big.ownerId;
  principal = await personWithRole(db, "principal", { schoolId });
  deputy = await personWithRole(db, "deputy", { schoolId });
  teacher = await personWithRole(db, "contactTeacher", { schoolId });
  officer = await personWithRole(db, "ownerCaseOfficer", { ownerId });
  const families = await db
    .selectFrom("guardianship as g")
    .innerJoin("role_assignment as r", "r.person_id", "g.pupil_id")
    .select(["g.guardian_id", "g.pupil_id"])
    .where("r.school_id", "=", schoolId)
    .where("r.role", "=", "pupil")
    .orderBy("g.pupil_id")
    .limit(40)
    .execute();
  const first = families[0];
  const second = families.find((f) => f.pupil_id !== first?.pupil_id);
  if (!first || !second) throw new Error("demo needs two families");
  pupil = first.pupil_id;
  guardian = first.guardian_id;
  otherPupil = second.pupil_id;
  otherGuardian = second.guardian_id;
  p = await t.as(principal);
});
afterAll(() => t.close());

describe("a staff concern from report to archive", () => {
  let caseId: string;
  let plan: { revision: number; measures: { id: string }[] };

  it("is acknowledged and investigated", async () => {
    caseId = await openCase();
    expect((await p.post(`/api/cases/${caseId}/acknowledge`)).statusCode).toBe(200);
    const note = await p.post(`/api/cases/${caseId}/notes`, {
      kind: "conversation",
      occurredOn: TODAY,
      text: "Samtale med eleven: blir utestengt fra fotballen.",
    });
    expect(note.statusCode).toBe(200);
    const future = await p.post(`/api/cases/${caseId}/notes`, {
      kind: "observation",
      occurredOn: "2030-01-01",
      text: "x",
    });
    expect(future.statusCode).toBe(400);
    expect(future.json()).toMatchObject({ caseCode: "input.dateInFuture" });
    const view = await p.post(`/api/cases/${caseId}/pupil-views`, {
      pupilId: pupil,
      heardOn: TODAY,
      words: "Jeg gruer meg til friminuttene.",
      feelsSafe: false,
    });
    expect(view.statusCode).toBe(200);
    // Every pupil of the case is heard before the plan (§10-1).
    const other = await p.post(`/api/cases/${caseId}/pupil-views`, {
      pupilId: otherPupil,
      heardOn: TODAY,
      words: "Det er ikke så ille for meg.",
      feelsSafe: null,
    });
    expect(other.statusCode).toBe(200);
    const bi = await p.post(`/api/cases/${caseId}/best-interest`, {
      text: "Elevens beste tilsier tett oppfølging og at eleven får være med på valg av tiltak.",
    });
    expect(bi.statusCode).toBe(200);
    const body = bi.json() as { case: { status: string }; timeline: { type: string }[] };
    expect(body.case.status).toBe("investigating");
    expect(body.timeline.map((e) => e.type)).toEqual(
      expect.arrayContaining([
        "case.reported",
        "case.acknowledged",
        "case.investigationNoteAdded",
        "case.pupilViewRecorded",
        "case.bestInterestRecorded",
      ]),
    );
  });

  it("refuses a plan that lacks any of the five parts, naming each field in the reader's language", async () => {
    const res = await p.request({
      method: "POST",
      url: `/api/cases/${caseId}/plan`,
      headers: { "x-trygg-lang": "nn" },
      payload: {
        problem: "",
        evaluateOn: null,
        measures: [{ id: "m1", description: "", startsOn: null, responsiblePersonId: null }],
      },
    });
    expect(res.statusCode).toBe(400);
    const fields = (res.json() as { fields: { path: string; code: string; message: string }[] })
      .fields;
    expect(fields.map((f) => f.code)).toEqual(
      expect.arrayContaining([
        "plan.problemMissing",
        "plan.measureDescriptionMissing",
        "plan.measureWhenMissing",
        "plan.measureResponsibleMissing",
        "plan.evaluationDateMissing",
      ]),
    );
    expect(fields.find((f) => f.code === "plan.problemMissing")).toMatchObject({
      path: "problem",
      message: "Skriv kva problem tiltaka skal løyse.",
    });
    const none = await p.post(`/api/cases/${caseId}/plan`, {
      problem: "x",
      evaluateOn: "2026-12-10",
      measures: [],
    });
    expect((none.json() as { fields: { code: string }[] }).fields[0]?.code).toBe("plan.noMeasures");
  });

  it("saves a complete plan, keeps every revision, and writes keep-apart pairs", async () => {
    expect((await p.post(`/api/cases/${caseId}/team`, { personId: teacher })).statusCode).toBe(200);
    const draft = {
      problem: "Eleven blir holdt utenfor og føler seg utrygg i friminuttene på skolegården.",
      evaluateOn: "2026-12-10",
      measures: [
        {
          id: "m1",
          description: "Voksen på skolegården i alle friminutt, særlig ved fotballbanen.",
          startsOn: TODAY,
          endsOn: "2026-12-18",
          schedule: "Hvert friminutt",
          responsiblePersonId: teacher,
          keepApart: [[pupil, otherPupil]],
        },
        {
          id: "m2",
          description: "Ukentlig samtale med kontaktlærer.",
          startsOn: "2026-11-27",
          responsiblePersonId: principal,
        },
      ],
    };
    const res = await p.post(`/api/cases/${caseId}/plan`, draft);
    expect(res.statusCode).toBe(200);
    const state = (
      res.json() as {
        case: { status: string; planRevisions: (typeof plan)[] };
      }
    ).case;
    expect(state.status).toBe("measuresActive");
    const again = await p.post(`/api/cases/${caseId}/plan`, {
      ...draft,
      problem: `${draft.problem} Revidert.`,
    });
    const revisions = (again.json() as { case: { planRevisions: (typeof plan)[] } }).case
      .planRevisions;
    expect(revisions.map((r) => r.revision)).toEqual([1, 2]);
    plan = revisions[1] as typeof plan;
    const rows = await t.database.db
      .selectFrom("case_plan_revision")
      .select("revision")
      .where("case_id", "=", caseId)
      .execute();
    expect(rows.map((r) => r.revision).sort()).toEqual([1, 2]);
    const pairs = await keepApartPairsForSchool(t.database.db, schoolId, TODAY as IsoDate);
    expect(pairs).toContainEqual([pupil, otherPupil].sort());
    expect(pairs.every((pair) => pair.length === 2)).toBe(true);
    expect(
      await keepApartPairsForSchool(t.database.db, schoolId, "2026-12-19" as IsoDate),
    ).not.toContainEqual([pupil, otherPupil].sort());
  });

  it("prints the plan for the family in bokmål and nynorsk with æøå intact, naming only their child", async () => {
    const names = (await p.get(`/api/cases/${caseId}`)).json() as {
      names: Record<string, string>;
    };
    const nb = await p.get(
      `/api/cases/${caseId}/plan/${plan.revision}/pdf?lang=nb&pupilId=${pupil}`,
    );
    expect(nb.statusCode).toBe(200);
    expect(nb.headers["content-type"]).toBe("application/pdf");
    const nbText = pdfText(nb.rawPayload);
    expect(nbText).toContain("Aktivitetsplan");
    expect(nbText).toContain("Problemet tiltakene skal løse");
    expect(nbText).toContain("føler seg utrygg i friminuttene på skolegården");
    expect(nbText).toContain(names.names[pupil] as string);
    expect(nbText).not.toContain(names.names[otherPupil] as string);
    expect(nbText).toContain("10.12.2026");
    const nn = await p.get(`/api/cases/${caseId}/plan/${plan.revision}/pdf?lang=nn`);
    expect(pdfText(nn.rawPayload)).toContain("Problemet tiltaka skal løyse");
    const teacherClient = await t.as(teacher);
    expect(
      (await teacherClient.get(`/api/cases/${caseId}/plan/${plan.revision}/pdf`)).statusCode,
    ).toBe(200);
    expect(
      (await (await t.as(guardian)).get(`/api/cases/${caseId}/plan/${plan.revision}/pdf`))
        .statusCode,
    ).toBe(404);
  });

  it("records communication, the answer, measures carried out and the evaluation", async () => {
    const comm = await p.post(`/api/cases/${caseId}/plan/communicated`, {
      revision: plan.revision,
      communicatedOn: TODAY,
      to: ["pupil", "guardians"],
    });
    expect(comm.statusCode).toBe(200);
    const answer = await p.post(`/api/cases/${caseId}/plan/responses`, {
      revision: plan.revision,
      respondedOn: TODAY,
      by: "guardians",
      accepted: true,
      comment: null,
    });
    expect(answer.statusCode).toBe(200);
    const member = await t.as(teacher);
    const done = await member.post(`/api/cases/${caseId}/measures/m1/carried-out`, {
      carriedOutOn: TODAY,
      note: "Var ute hele storefri.",
    });
    expect(done.statusCode).toBe(200);
    expect((await member.post(`/api/cases/${caseId}/evaluations`, {})).statusCode).toBe(403);
    // Evaluate on the evaluation date.
    await setNow("2026-12-10T10:00:00Z");
    const missing = await p.post(`/api/cases/${caseId}/evaluations`, {
      evaluatedOn: "2026-12-10",
      pupilViews: [{ pupilId: pupil, words: "Bedre nå.", feelsSafe: true }],
      measureEffects: [
        { measureId: "m1", effect: "worked", comment: null },
        { measureId: "m2", effect: "worked", comment: null },
      ],
      summary: null,
      bestInterest: "Vurdert på nytt etter samtalen.",
    });
    expect(missing.statusCode).toBe(400);
    expect(missing.json()).toMatchObject({ caseCode: "evaluation.pupilViewMissing" });
    const ev = await p.post(`/api/cases/${caseId}/evaluations`, {
      evaluatedOn: "2026-12-10",
      pupilViews: [
        { pupilId: pupil, words: "Jeg har det bra nå, får være med.", feelsSafe: true },
        { pupilId: otherPupil, words: "Greit.", feelsSafe: true },
      ],
      measureEffects: [
        { measureId: "m1", effect: "worked", comment: null },
        { measureId: "m2", effect: "partly", comment: "Ble borte en uke." },
      ],
      summary: "Tiltakene virker.",
      bestInterest: "Elevens beste tilsier at tiltakene fortsetter en periode.",
    });
    expect(ev.statusCode).toBe(200);
    expect((ev.json() as { case: { status: string } }).case.status).toBe("evaluating");
  });

  it("closes when the pupil says they feel safe; the closed case is read-only and kept", async () => {
    const closed = await p.post(`/api/cases/${caseId}/close`, { type: "pupilFeelsSafe" });
    expect(closed.statusCode).toBe(200);
    const body = closed.json() as { case: { status: string }; can: Record<string, boolean> };
    expect(body.case.status).toBe("closed");
    expect(body.can.addInvestigationNote).toBe(false);
    const late = await p.post(`/api/cases/${caseId}/notes`, {
      kind: "other",
      occurredOn: "2026-12-10",
      text: "x",
    });
    expect(late.statusCode).toBe(409);
    expect(late.json()).toMatchObject({ caseCode: "case.closed" });
    expect(
      (
        await p.post(`/api/cases/${caseId}/attachments`, {
          fileName: "a.txt",
          mediaType: "text/plain",
          contentBase64: Buffer.from("hei").toString("base64"),
        })
      ).statusCode,
    ).toBe(403);
    const list = (await p.get(`/api/schools/${schoolId}/cases?status=closed`)).json() as {
      items: { id: string }[];
    };
    expect(list.items.map((i) => i.id)).toContain(caseId);
    expect(
      await keepApartPairsForSchool(t.database.db, schoolId, "2026-12-10" as IsoDate),
    ).not.toContainEqual([pupil, otherPupil].sort());
  });

  it("exports the whole case file as PDF with contents and as JSON; the family copy hides the other pupil", async () => {
    const names = (
      (await p.get(`/api/cases/${caseId}`)).json() as {
        names: Record<string, string>;
      }
    ).names;
    const pdf = await p.get(`/api/cases/${caseId}/export?format=pdf`);
    expect(pdf.statusCode).toBe(200);
    const text = pdfText(pdf.rawPayload);
    for (const heading of [
      "Innhold",
      "1. Hovedpunkter",
      "2. Skolens redegjørelse",
      "3. Oversikt",
      "4. Meldinger og varsling",
      "5. Undersøkelse",
      "6. Elevens stemme og barnets beste",
      "7. Aktivitetsplaner og kommunikasjon",
      "8. Gjennomførte tiltak og evalueringer",
      "9. Logg over alt som er gjort",
    ]) {
      expect(text).toContain(heading);
    }
    expect(text).toContain(names[otherPupil] as string);
    expect(text).toContain("Samtale med eleven: blir utestengt fra fotballen.");

    const json = await p.get(`/api/cases/${caseId}/export?format=json`);
    expect(json.statusCode).toBe(200);
    const file = json.json() as {
      case: { status: string };
      plans: unknown[];
      timeline: { type: string }[];
    };
    expect(file.plans).toHaveLength(2);
    expect(file.case.status).toBe("closed");
    expect(file.timeline.map((e) => e.type)).toContain("case.closed");

    const family = await p.get(
      `/api/cases/${caseId}/export?format=pdf&copy=family&pupilId=${pupil}`,
    );
    const familyText = pdfText(family.rawPayload);
    expect(familyText).toContain("Innsynskopi");
    expect(familyText).toContain(names[pupil] as string);
    expect(familyText).not.toContain(names[otherPupil] as string);
    expect(familyText).toContain("Annen elev");

    const teacherClient = await t.as(teacher);
    expect((await teacherClient.get(`/api/cases/${caseId}/export`)).statusCode).toBe(403);
    expect((await (await t.as(otherGuardian)).get(`/api/cases/${caseId}/export`)).statusCode).toBe(
      404,
    );
    const audit = await t.database.db
      .selectFrom("audit_log")
      .select("action")
      .where("resource_id", "=", caseId)
      .where("action", "=", "case.exported")
      .execute();
    expect(audit.length).toBe(3);
  });
});

describe("attachments", () => {
  it("accepts only allowed types that look like them, within 10 MiB, and audits downloads", async () => {
    await setNow(`${TODAY}T09:00:00Z`);
    const caseId = await openCase("staff-concern", [pupil]);
    await p.post(`/api/cases/${caseId}/acknowledge`);
    const ok = await p.post(`/api/cases/${caseId}/attachments`, {
      fileName: "samtale æøå.txt",
      mediaType: "text/plain",
      contentBase64: Buffer.from("Notat fra samtale: æøå").toString("base64"),
    });
    expect(ok.statusCode).toBe(201);
    const { id } = ok.json() as { id: string };
    const fake = await p.post(`/api/cases/${caseId}/attachments`, {
      fileName: "x.pdf",
      mediaType: "application/pdf",
      contentBase64: Buffer.from("MZ not a pdf").toString("base64"),
    });
    expect(fake.statusCode).toBe(400);
    expect(fake.json()).toMatchObject({ caseCode: "attachment.typeNotAllowed" });
    const exe = await p.post(`/api/cases/${caseId}/attachments`, {
      fileName: "x.exe",
      mediaType: "application/octet-stream",
      contentBase64: "TVo=",
    });
    expect(exe.statusCode).toBe(400);
    const big = await p.post(`/api/cases/${caseId}/attachments`, {
      fileName: "big.txt",
      mediaType: "text/plain",
      contentBase64: Buffer.alloc(10 * 1024 * 1024 + 1, 97).toString("base64"),
    });
    expect(big.statusCode).toBe(400);
    const down = await p.get(`/api/cases/${caseId}/attachments/${id}`);
    expect(down.statusCode).toBe(200);
    expect(down.body).toBe("Notat fra samtale: æøå");
    expect(
      (await (await t.as(teacher)).get(`/api/cases/${caseId}/attachments/${id}`)).statusCode,
    ).toBe(404);
    expect(
      (
        await (
          await t.as(teacher)
        ).post(`/api/cases/${caseId}/attachments`, {
          fileName: "a.txt",
          mediaType: "text/plain",
          contentBase64: "aGVp",
        })
      ).statusCode,
    ).toBe(404);
  });
});

describe("escalation", () => {
  it("an unacknowledged alert goes to the owner's case officer after the owner's minutes", async () => {
    await setNow(`${TODAY}T09:00:00Z`);
    const caseId = await openCase("staff-concern", [pupil]);
    let officerClient = await t.as(officer);
    expect((await officerClient.get(`/api/cases/${caseId}`)).statusCode).toBe(404);
    const before = await outboxCount(officer, "case.alertEscalated");
    await setNow(`${TODAY}T09:30:00Z`);
    await runCaseTick(deps());
    expect(await outboxCount(officer, "case.alertEscalated")).toBe(before);
    await setNow(`${TODAY}T10:01:00Z`);
    const run = await runCaseTick(deps());
    expect(run.escalated).toBeGreaterThanOrEqual(1);
    expect(await outboxCount(officer, "case.alertEscalated")).toBeGreaterThan(before);
    // The alert reached the owner: the owner may now read and acknowledge.
    officerClient = await t.as(officer);
    expect((await officerClient.get(`/api/cases/${caseId}`)).statusCode).toBe(200);
    expect((await officerClient.post(`/api/cases/${caseId}/acknowledge`)).statusCode).toBe(200);
    // A second run does nothing more.
    expect((await runCaseTick(deps())).escalated).toBe(0);
  });

  it("marking a case serious notifies the owner at once and gives read access, not write", async () => {
    await setNow(`${TODAY}T11:00:00Z`);
    const caseId = await openCase("staff-concern", [pupil]);
    await p.post(`/api/cases/${caseId}/acknowledge`);
    const officerClient = await t.as(officer);
    expect((await officerClient.get(`/api/cases/${caseId}`)).statusCode).toBe(404);
    const before = await outboxCount(officer, "case.markedSerious");
    expect(
      (await (await t.as(teacher)).post(`/api/cases/${caseId}/serious`, { reason: "x" }))
        .statusCode,
    ).toBe(404);
    const res = await p.post(`/api/cases/${caseId}/serious`, { reason: "Vold, flere hendelser." });
    expect(res.statusCode).toBe(200);
    expect(await outboxCount(officer, "case.markedSerious")).toBe(before + 1);
    expect((await officerClient.get(`/api/cases/${caseId}`)).statusCode).toBe(200);
    expect(
      (
        await officerClient.post(`/api/cases/${caseId}/notes`, {
          kind: "other",
          occurredOn: TODAY,
          text: "x",
        })
      ).statusCode,
    ).toBe(403);
  });

  it("a staff violation needs the principal's same-day decision: notify the owner or record 'obviously unfounded'", async () => {
    await setNow(`${TODAY}T12:00:00Z`);
    const caseId = await openCase("staff-violation", [pupil]);
    expect((await p.post(`/api/cases/${caseId}/acknowledge`)).statusCode).toBe(200);
    const step = (
      (await p.get(`/api/cases/${caseId}`)).json() as {
        nextStep: { kind: string; due: { on: string } };
      }
    ).nextStep;
    expect(step.kind).toBe("ownerDecision");
    expect(step.due.on).toBe(TODAY);
    const closeEarly = await p.post(`/api/cases/${caseId}/close`, {
      type: "noCaseToAnswer",
      findings: "x",
    });
    expect(closeEarly.statusCode).toBe(409);
    expect(closeEarly.json()).toMatchObject({ caseCode: "case.ownerDecisionRequired" });
    const dep = await t.as(deputy);
    const byDeputy = await dep.post(`/api/cases/${caseId}/owner-decision`, {
      decision: "obviouslyUnfounded",
      reason: "Eleven var ikke på skolen den dagen.",
    });
    expect(byDeputy.statusCode).toBe(403);
    const unfounded = await p.post(`/api/cases/${caseId}/owner-decision`, {
      decision: "obviouslyUnfounded",
      reason: "Eleven var ikke på skolen den dagen.",
    });
    expect(unfounded.statusCode).toBe(200);
    const other = await openCase("staff-violation", [pupil]);
    await p.post(`/api/cases/${other}/acknowledge`);
    const before = await outboxCount(officer, "case.staffViolationNotice");
    const notified = await dep.post(`/api/cases/${other}/owner-decision`, {
      decision: "notifyOwner",
    });
    expect(notified.statusCode).toBe(200);
    expect(await outboxCount(officer, "case.staffViolationNotice")).toBe(before + 1);
    expect((await (await t.as(officer)).get(`/api/cases/${other}`)).statusCode).toBe(200);
  });
});

describe("reminders", () => {
  it("reminds the responsible person before a dated step, once, and only while it is pending", async () => {
    await setNow(`${TODAY}T09:00:00Z`);
    const caseId = await openCase("staff-concern", [pupil]);
    await p.post(`/api/cases/${caseId}/acknowledge`);
    await p.post(`/api/cases/${caseId}/team`, { personId: teacher });
    await p.post(`/api/cases/${caseId}/pupil-views`, {
      pupilId: pupil,
      heardOn: TODAY,
      words: "Jeg vil at noen følger med.",
      feelsSafe: false,
    });
    await p.post(`/api/cases/${caseId}/best-interest`, {
      text: "Tett oppfølging er til elevens beste.",
    });
    const saved = await p.post(`/api/cases/${caseId}/plan`, {
      problem: "Utestengning.",
      evaluateOn: "2026-12-15",
      measures: [
        {
          id: "m1",
          description: "Samtale hver uke.",
          startsOn: "2026-12-03",
          responsiblePersonId: teacher,
        },
      ],
    });
    expect(saved.statusCode).toBe(200);
    const rows = await t.database.db
      .selectFrom("case_reminder")
      .select(["step", "phase", "due_on"])
      .where("case_id", "=", caseId)
      .execute();
    expect(rows).toContainEqual({
      step: "carryOutMeasure",
      phase: "upcoming",
      due_on: "2026-12-02",
    });
    const before = await outboxCount(teacher, "case.stepUpcoming");
    await setNow("2026-12-02T06:00:00Z");
    const run = await runCaseTick(deps());
    expect(run.reminded).toBeGreaterThanOrEqual(1);
    expect(await outboxCount(teacher, "case.stepUpcoming")).toBe(before + 1);
    await runCaseTick(deps());
    expect(await outboxCount(teacher, "case.stepUpcoming")).toBe(before + 1);
  });
});

describe("joining reports", () => {
  it("suggests an open case about the same pupil and joins the new report into it", async () => {
    await setNow(`${TODAY}T13:00:00Z`);
    const target = await openCase("staff-concern", [otherPupil]);
    await p.post(`/api/cases/${target}/acknowledge`);
    const source = await openCase("pupil-reported", [otherPupil]);
    const read = (await p.get(`/api/cases/${source}`)).json() as {
      joinSuggestions: { caseId: string }[];
    };
    expect(read.joinSuggestions.map((s) => s.caseId)).toContain(target);
    expect(
      (await (await t.as(teacher)).post(`/api/cases/${source}/join`, { intoCaseId: target }))
        .statusCode,
    ).toBe(404);
    const joined = await p.post(`/api/cases/${source}/join`, { intoCaseId: target });
    expect(joined.statusCode).toBe(200);
    const after = (await p.get(`/api/cases/${target}`)).json() as {
      case: { reports: unknown[] };
    };
    expect(after.case.reports).toHaveLength(2);
    const closed = (await p.get(`/api/cases/${source}`)).json() as {
      case: { status: string; closure: { type: string } };
    };
    expect(closed.case).toMatchObject({ status: "closed", closure: { type: "joined" } });
  });
});
