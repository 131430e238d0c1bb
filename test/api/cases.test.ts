// Duty-to-act cases over the API: reporting, alerts, receipts, need-to-know reads, the
// leadership route, and the denials (other school, other case, the reporter, a pupil, a
// guardian of another pupil, the principal on a leadership case).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp, type TestClient } from "../support/app.ts";
import { demoSchools, personWithRole } from "../support/people.ts";

let t: TestApp;
let schoolId: string;
let ownerId: string;
let otherSchoolId: string;
let principal: string;
let deputy: string;
let teacher: string;
let otherTeacher: string;
let pupil: string;
let otherPupil: string;
let guardian: string;
let ward: string;
let officer: string;
let otherPrincipal: string;

async function outboxFor(personId: string, template: string) {
  return t.database.db
    .selectFrom("outbox")
    .select(["channel", "template", "link"])
    .where("recipient_id", "=", personId)
    .where("template", "=", template)
    .execute();
}

async function report(client: TestClient, body: Record<string, unknown>, school = schoolId) {
  return client.post(`/api/schools/${school}/cases`, body);
}

async function newCase(kind = "staff-concern", pupils: string[] = [pupil]): Promise<string> {
  const res = await report(await t.as(principal), {
    kind,
    pupilIds: pupils,
    description: "Saw a pupil pushed in the hallway.",
  });
  expect(res.statusCode).toBe(201);
  return (res.json() as { caseId: string }).caseId;
}

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  const schools = await demoSchools(db);
  schoolId = schools.big.id;
  ownerId = schools.big.ownerId;
  otherSchoolId = schools.small.id;
  principal = await personWithRole(db, "principal", { schoolId });
  deputy = await personWithRole(db, "deputy", { schoolId });
  teacher = await personWithRole(db, "contactTeacher", { schoolId });
  otherTeacher = await personWithRole(db, "contactTeacher", { schoolId, index: 1 });
  officer = await personWithRole(db, "ownerCaseOfficer", { ownerId });
  otherPrincipal = await personWithRole(db, "principal", { schoolId: otherSchoolId });
  const g = await db
    .selectFrom("guardianship as g")
    .innerJoin("role_assignment as r", "r.person_id", "g.pupil_id")
    .select(["g.guardian_id", "g.pupil_id"])
    .where("r.school_id", "=", schoolId)
    .where("r.role", "=", "pupil")
    .orderBy("g.pupil_id")
    .limit(1)
    .executeTakeFirstOrThrow();
  guardian = g.guardian_id;
  ward = g.pupil_id;
  const pupils = await db
    .selectFrom("role_assignment")
    .select("person_id")
    .where("school_id", "=", schoolId)
    .where("role", "=", "pupil")
    .where("person_id", "!=", ward)
    .orderBy("person_id")
    .limit(2)
    .execute();
  pupil = pupils[0]?.person_id as string;
  otherPupil = pupils[1]?.person_id as string;
});
afterAll(() => t.close());

describe("POST /api/schools/:schoolId/cases (report)", () => {
  it("a contact teacher reports: principal and deputy alerted, reporter gets a receipt only", async () => {
    const client = await t.as(teacher);
    const res = await report(client, {
      kind: "staff-concern",
      pupilIds: [pupil],
      description: "Heard others call the pupil names at lunch.",
      occurredOn: "2026-11-25",
      place: "Kantina",
      involvedPupilIds: [otherPupil],
      pupilSaidUnsafe: true,
      intervened: true,
      intervention: "Told them to stop.",
    });
    expect(res.statusCode).toBe(201);
    const receipt = res.json() as { reportId: string; status: string; caseId: string | null };
    expect(receipt.status).toBe("received");
    expect(receipt.caseId).toBeNull();

    for (const person of [principal, deputy]) {
      const rows = await outboxFor(person, "case.newReport");
      expect(rows.map((r) => r.channel).sort()).toContain("inApp");
      expect(rows.some((r) => r.channel === "email")).toBe(true);
      expect(rows.every((r) => /^\/cases\/[0-9a-f-]{36}$/.test(r.link))).toBe(true);
    }

    const mine = await client.get("/api/cases/mine");
    expect(mine.statusCode).toBe(200);
    const items = (mine.json() as { items: { reportId: string; status: string }[] }).items;
    expect(items.find((i) => i.reportId === receipt.reportId)?.status).toBe("received");
    // A receipt only: no case id, no content. `complaint` is null for staff (it states a
    // family's right to go to Statsforvalteren).
    expect(Object.keys(items[0] ?? {}).sort()).toEqual(
      [
        "acknowledgedAt",
        "complaint",
        "kind",
        "receivedAt",
        "reportId",
        "schoolName",
        "status",
      ].sort(),
    );
    expect((items[0] as { complaint?: unknown }).complaint).toBeNull();
  });

  it("the reporting teacher cannot open the case; the principal can, and acknowledging shows on the receipt", async () => {
    const teacherClient = await t.as(teacher);
    const created = await report(teacherClient, {
      kind: "staff-concern",
      pupilIds: [pupil],
      description: "The pupil sits alone every break.",
    });
    const { reportId } = created.json() as { reportId: string };
    const caseRow = await t.database.db
      .selectFrom("case_report")
      .select("case_id")
      .where("id", "=", reportId)
      .executeTakeFirstOrThrow();
    const caseId = caseRow.case_id;

    expect((await teacherClient.get(`/api/cases/${caseId}`)).statusCode).toBe(404);
    expect((await teacherClient.post(`/api/cases/${caseId}/acknowledge`)).statusCode).toBe(404);

    const principalClient = await t.as(principal);
    const read = await principalClient.get(`/api/cases/${caseId}`);
    expect(read.statusCode).toBe(200);
    const body = read.json() as {
      case: { status: string; reports: { description: string }[] };
      reports: { details: { place?: string } }[];
      nextStep: { kind: string };
      names: Record<string, string>;
    };
    expect(body.case.status).toBe("reported");
    expect(body.nextStep.kind).toBe("acknowledge");
    expect(body.names[pupil]).toBeTruthy();

    const ack = await principalClient.post(`/api/cases/${caseId}/acknowledge`);
    expect(ack.statusCode).toBe(200);
    expect((ack.json() as { case: { status: string } }).case.status).toBe("acknowledged");

    const mine = (await teacherClient.get("/api/cases/mine")).json() as {
      items: { reportId: string; status: string }[];
    };
    expect(mine.items.find((i) => i.reportId === reportId)?.status).toBe("acknowledged");
    expect((await outboxFor(teacher, "case.reportAcknowledged")).length).toBeGreaterThan(0);

    const audit = await t.database.db
      .selectFrom("audit_log")
      .select(["action", "restricted"])
      .where("resource_id", "=", caseId)
      .execute();
    expect(audit.map((a) => a.action)).toEqual(
      expect.arrayContaining(["case.reported", "case.read", "case.acknowledged"]),
    );
    expect(audit.every((a) => a.restricted === false)).toBe(true);
  });

  it("refuses a report about a pupil of another school", async () => {
    const otherSchoolPupil = await personWithRole(t.database.db, "pupil", {
      schoolId: otherSchoolId,
    });
    const res = await report(await t.as(teacher), {
      kind: "staff-concern",
      pupilIds: [otherSchoolPupil],
      description: "x",
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ caseCode: "pupil.notAtSchool" });
  });

  it("refuses a report at a school where the reporter has no role", async () => {
    const res = await report(
      await t.as(teacher),
      { kind: "staff-concern", pupilIds: [pupil], description: "x" },
      otherSchoolId,
    );
    expect(res.statusCode).toBe(403);
  });

  it("refuses a report without pupils or text, naming the fields", async () => {
    const res = await report(await t.as(teacher), { kind: "staff-concern", description: "" });
    expect(res.statusCode).toBe(400);
    const fields = (res.json() as { fields: { path: string }[] }).fields.map((f) => f.path);
    expect(fields).toContain("description");
    const noPupils = await report(await t.as(teacher), { kind: "staff-concern", description: "x" });
    expect(noPupils.statusCode).toBe(400);
    expect(noPupils.json()).toMatchObject({ caseCode: "report.pupilsMissing" });
  });

  it("a pupil says they do not feel safe (si ifra) about themself, and cannot read the case", async () => {
    const client = await t.as(pupil);
    const ctx = await client.get(`/api/schools/${schoolId}/cases/report-context`);
    expect(ctx.statusCode).toBe(200);
    expect(ctx.json()).toMatchObject({ capacity: "pupil", kinds: ["pupil-reported"] });
    const res = await report(client, {
      kind: "pupil-reported",
      pupilIds: [otherPupil],
      description: "Jeg blir ertet hver dag.",
    });
    expect(res.statusCode).toBe(201);
    const { reportId } = res.json() as { reportId: string };
    const row = await t.database.db
      .selectFrom("case_report")
      .select(["case_id", "reporter_capacity"])
      .where("id", "=", reportId)
      .executeTakeFirstOrThrow();
    expect(row.reporter_capacity).toBe("pupil");
    const state = (await (await t.as(principal)).get(`/api/cases/${row.case_id}`)).json() as {
      case: { pupils: string[] };
    };
    // The pupil speaks for themself, whatever the form sent.
    expect(state.case.pupils).toEqual([pupil]);
    expect((await client.get(`/api/cases/${row.case_id}`)).statusCode).toBe(404);
    expect((await client.get(`/api/schools/${schoolId}/cases`)).statusCode).toBe(403);
  });

  it("a pupil may not file a staff report", async () => {
    const res = await report(await t.as(pupil), {
      kind: "staff-concern",
      pupilIds: [pupil],
      description: "x",
    });
    expect(res.statusCode).toBe(403);
  });

  it("a guardian speaks up for their own child, not for another pupil", async () => {
    const client = await t.as(guardian);
    const ctx = (await client.get(`/api/schools/${schoolId}/cases/report-context`)).json() as {
      capacity: string;
      pupils: { id: string }[];
    };
    expect(ctx.capacity).toBe("guardian");
    expect(ctx.pupils.map((p) => p.id)).toContain(ward);
    const own = await report(client, {
      kind: "pupil-reported",
      pupilIds: [ward],
      description: "Barnet vil ikke gå på skolen.",
    });
    expect(own.statusCode).toBe(201);
    const other = await report(client, {
      kind: "pupil-reported",
      pupilIds: [pupil],
      description: "x",
    });
    expect(other.statusCode).toBe(400);
    expect(other.json()).toMatchObject({ caseCode: "pupil.notYourChild" });
  });
});

describe("reading and listing cases", () => {
  it("the principal's list holds the open cases with their next step, sorted by due date", async () => {
    await newCase();
    const res = await (await t.as(principal)).get(`/api/schools/${schoolId}/cases`);
    expect(res.statusCode).toBe(200);
    const items = (
      res.json() as {
        items: { nextStep: { dueOn: string; kind: string; owner: unknown } | null }[];
      }
    ).items;
    expect(items.length).toBeGreaterThan(0);
    expect(items.every((i) => i.nextStep !== null)).toBe(true);
    const dates = items.map((i) => i.nextStep?.dueOn ?? "");
    expect([...dates].sort()).toEqual(dates);
  });

  it("a teacher who is not on the team sees no cases in the list", async () => {
    const res = await (await t.as(otherTeacher)).get(`/api/schools/${schoolId}/cases`);
    expect(res.statusCode).toBe(200);
    expect((res.json() as { items: unknown[] }).items).toEqual([]);
  });

  it("the principal of another school cannot read or act on the case, nor list this school", async () => {
    const caseId = await newCase();
    const client = await t.as(otherPrincipal);
    expect((await client.get(`/api/cases/${caseId}`)).statusCode).toBe(404);
    expect((await client.post(`/api/cases/${caseId}/acknowledge`)).statusCode).toBe(404);
    expect((await client.get(`/api/schools/${schoolId}/cases`)).statusCode).toBe(403);
  });

  it("an unknown case is a 404, a team member reads only their case", async () => {
    const client = await t.as(principal);
    expect((await client.get("/api/cases/00000000-0000-4000-8000-000000000000")).statusCode).toBe(
      404,
    );
    const mine = await newCase();
    const other = await newCase();
    await client.post(`/api/cases/${mine}/acknowledge`);
    const added = await client.post(`/api/cases/${mine}/team`, { personId: otherTeacher });
    expect(added.statusCode).toBe(200);
    const member = await t.as(otherTeacher);
    expect((await member.get(`/api/cases/${mine}`)).statusCode).toBe(200);
    expect((await member.get(`/api/cases/${other}`)).statusCode).toBe(404);
    // Team members investigate but do not lead: no closing, no team changes.
    expect(
      (
        await member.post(`/api/cases/${mine}/notes`, {
          kind: "conversation",
          occurredOn: "2026-11-26",
          text: "Talked with the pupil.",
        })
      ).statusCode,
    ).toBe(200);
    expect(
      (await member.post(`/api/cases/${mine}/close`, { type: "reason", reason: "x" })).statusCode,
    ).toBe(403);
    expect((await outboxFor(otherTeacher, "case.addedToTeam")).length).toBeGreaterThan(0);
  });

  it("there is no DELETE route for a case", async () => {
    const caseId = await newCase();
    const res = await (await t.as(principal)).delete(`/api/cases/${caseId}`);
    expect([403, 404]).toContain(res.statusCode);
    expect(
      t.app.registeredRoutes.filter((r) => r.method === "DELETE" && r.url.includes("/cases")),
    ).toEqual([]);
    const row = await t.database.db
      .selectFrom("school_case")
      .select("id")
      .where("id", "=", caseId)
      .executeTakeFirst();
    expect(row?.id).toBe(caseId);
  });
});

describe("leadership-violation cases", () => {
  let caseId: string;

  beforeAll(async () => {
    const res = await report(await t.as(teacher), {
      kind: "leadership-violation",
      pupilIds: [pupil],
      description: "The deputy shouted at the pupil and grabbed the arm.",
    });
    expect(res.statusCode).toBe(201);
    const row = await t.database.db
      .selectFrom("case_report")
      .select("case_id")
      .where("id", "=", (res.json() as { reportId: string }).reportId)
      .executeTakeFirstOrThrow();
    caseId = row.case_id;
  });

  it("goes at once to the area director and the owner's case officer, never to the principal or deputy", async () => {
    const director = await personWithRole(t.database.db, "areaDirector", { ownerId });
    for (const person of [director, officer]) {
      const rows = (await outboxFor(person, "case.newReport")).filter(
        (r) => r.link === `/cases/${caseId}`,
      );
      // In-app and e-mail (Teams too when a webhook is configured), once each.
      expect(rows.map((r) => r.channel).sort()).toEqual(["email", "inApp"]);
    }
    const links = [
      ...(await outboxFor(principal, "case.newReport")),
      ...(await outboxFor(deputy, "case.newReport")),
    ].map((r) => r.link);
    expect(links).not.toContain(`/cases/${caseId}`);
  });

  it("is invisible to the principal: no read, no list entry, no act", async () => {
    const client = await t.as(principal);
    expect((await client.get(`/api/cases/${caseId}`)).statusCode).toBe(404);
    expect((await client.post(`/api/cases/${caseId}/acknowledge`)).statusCode).toBe(404);
    const list = (await client.get(`/api/schools/${schoolId}/cases`)).json() as {
      items: { id: string }[];
    };
    expect(list.items.map((i) => i.id)).not.toContain(caseId);
  });

  it("the owner's case officer reads, acknowledges and lists it; its audit rows are restricted", async () => {
    const client = await t.as(officer);
    expect((await client.get(`/api/cases/${caseId}`)).statusCode).toBe(200);
    expect((await client.post(`/api/cases/${caseId}/acknowledge`)).statusCode).toBe(200);
    const list = (await client.get(`/api/owners/${ownerId}/cases`)).json() as {
      items: { id: string }[];
    };
    expect(list.items.map((i) => i.id)).toContain(caseId);
    const rows = await t.database.db
      .selectFrom("audit_log")
      .select(["restricted"])
      .where("resource_id", "=", caseId)
      .execute();
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => r.restricted)).toBe(true);
    const schoolAudit = await (await t.as(principal)).get(`/api/schools/${schoolId}/audit`);
    if (schoolAudit.statusCode === 200) {
      expect(schoolAudit.body).not.toContain(caseId);
    }
  });

  it("the school's leadership cannot be added to its team", async () => {
    const res = await (await t.as(officer)).post(`/api/cases/${caseId}/team`, {
      personId: deputy,
    });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ caseCode: "team.leadershipOnLeadershipCase" });
  });
});

describe("anonymous 'si ifra' (no identity stored)", () => {
  it("files a report without login, hands out a receipt code once, and stores only its hash", async () => {
    const schools = await t.anonymous.get("/api/public/schools");
    expect(schools.statusCode).toBe(200);
    expect((schools.json() as { schools: { id: string }[] }).schools.map((s) => s.id)).toContain(
      schoolId,
    );
    const res = await t.anonymous.post(`/api/public/schools/${schoolId}/si-ifra`, {
      description: "Jeg blir utestengt og har ingen å være med.",
    });
    expect(res.statusCode).toBe(201);
    const { receiptCode } = res.json() as { receiptCode: string };
    expect(receiptCode).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);

    const row = await t.database.db
      .selectFrom("case_report")
      .select(["case_id", "reporter_id", "receipt_code_hash"])
      .where("receipt_code_hash", "is not", null)
      .orderBy("reported_at", "desc")
      .executeTakeFirstOrThrow();
    expect(row.reporter_id).toBeNull();
    expect(row.receipt_code_hash).not.toContain(receiptCode.replace(/-/g, ""));
    const audit = await t.database.db
      .selectFrom("audit_log")
      .select(["actor_id", "request_id"])
      .where("resource_id", "=", row.case_id)
      .execute();
    expect(audit.every((a) => a.actor_id === null && a.request_id === null)).toBe(true);

    // Principal and deputy are alerted as for any report.
    expect(
      (await outboxFor(principal, "case.newReport")).some(
        (r) => r.link === `/cases/${row.case_id}`,
      ),
    ).toBe(true);

    const receipt = await t.anonymous.post("/api/public/receipts", {
      code: receiptCode.toLowerCase(),
    });
    expect(receipt.statusCode).toBe(200);
    expect(receipt.json()).toMatchObject({ status: "received", acknowledgedAt: null });
    await (await t.as(principal)).post(`/api/cases/${row.case_id}/acknowledge`);
    const after = await t.anonymous.post("/api/public/receipts", { code: receiptCode });
    expect(after.json()).toMatchObject({ status: "acknowledged" });
    const wrong = await t.anonymous.post("/api/public/receipts", { code: "AAAA-BBBB-CCCC" });
    expect(wrong.statusCode).toBe(404);
  });

  it("an anonymous report cannot claim a staff kind, and needs a text", async () => {
    const res = await t.anonymous.post(`/api/public/schools/${schoolId}/si-ifra`, {
      description: "",
    });
    expect(res.statusCode).toBe(400);
    const unknown = await t.anonymous.post(
      "/api/public/schools/00000000-0000-4000-8000-000000000000/si-ifra",
      { description: "x" },
    );
    expect(unknown.statusCode).toBe(404);
  });
});
