// The case page's smaller actions over the API, with their denials: reclassifying the kind,
// adding a pupil, removing a team member. Each is refused to a team member (leads only), to
// another school's principal and to an anonymous caller, and bad input changes nothing.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp, type TestClient } from "../support/app.ts";
import { demoSchools, personWithRole } from "../support/people.ts";

let t: TestApp;
let schoolId: string;
let lead: TestClient;
let principal: string;
let teacher: string;
let otherPrincipal: string;
let pupil: string;
let otherPupil: string;
let foreignPupil: string;

async function openCase(): Promise<string> {
  const res = await lead.post(`/api/schools/${schoolId}/cases`, {
    kind: "staff-concern",
    pupilIds: [pupil],
    description: "The pupil eats lunch alone every day.",
  });
  expect(res.statusCode).toBe(201);
  const caseId = (res.json() as { caseId: string }).caseId;
  expect((await lead.post(`/api/cases/${caseId}/acknowledge`)).statusCode).toBe(200);
  expect((await lead.post(`/api/cases/${caseId}/team`, { personId: teacher })).statusCode).toBe(
    200,
  );
  return caseId;
}

async function version(caseId: string): Promise<number> {
  const row = await t.database.db
    .selectFrom("school_case")
    .select("version")
    .where("id", "=", caseId)
    .executeTakeFirstOrThrow();
  return row.version;
}

/** Team member, another school's principal and an anonymous caller are all refused. */
async function expectRefusedToOthers(caseId: string, url: string, body: unknown) {
  const before = await version(caseId);
  expect((await (await t.as(teacher)).post(url, body)).statusCode).toBe(403);
  expect((await (await t.as(otherPrincipal)).post(url, body)).statusCode).toBe(404);
  expect((await t.anonymous.post(url, body)).statusCode).toBe(401);
  expect(await version(caseId)).toBe(before);
}

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  const schools = await demoSchools(db);
  schoolId = schools.big.id;
  principal = await personWithRole(db, "principal", { schoolId });
  teacher = await personWithRole(db, "contactTeacher", { schoolId });
  otherPrincipal = await personWithRole(db, "principal", { schoolId: schools.small.id });
  pupil = await personWithRole(db, "pupil", { schoolId });
  otherPupil = await personWithRole(db, "pupil", { schoolId, index: 1 });
  foreignPupil = await personWithRole(db, "pupil", { schoolId: schools.small.id });
  lead = await t.as(principal);
});
afterAll(() => t.close());

describe("POST /api/cases/:caseId/reclassify", () => {
  it("the lead changes the kind with a reason, kept in the case's history", async () => {
    const caseId = await openCase();
    const url = `/api/cases/${caseId}/reclassify`;
    await expectRefusedToOthers(caseId, url, { kind: "pupil-reported", reason: "x" });
    const missing = await lead.post(url, { kind: "pupil-reported", reason: " " });
    expect(missing.statusCode).toBe(400);
    const same = await lead.post(url, { kind: "staff-concern", reason: "Same kind." });
    expect(same.statusCode).toBe(409);
    expect(same.json()).toMatchObject({ caseCode: "reclassify.sameKind" });
    const ok = await lead.post(url, {
      kind: "staff-violation",
      reason: "The conversation showed an adult was involved.",
    });
    expect(ok.statusCode).toBe(200);
    const c = (ok.json() as { case: { kind: string; kindChanges: { from: string; to: string }[] } })
      .case;
    expect(c.kind).toBe("staff-violation");
    expect(c.kindChanges).toEqual([
      expect.objectContaining({ from: "staff-concern", to: "staff-violation" }),
    ]);
  });
});

describe("POST /api/cases/:caseId/pupils", () => {
  it("the lead adds a pupil of the school; another school's pupil and a repeat are refused", async () => {
    const caseId = await openCase();
    const url = `/api/cases/${caseId}/pupils`;
    await expectRefusedToOthers(caseId, url, { pupilId: otherPupil });
    expect((await lead.post(url, { pupilId: "not-an-id" })).statusCode).toBe(400);
    const before = await version(caseId);
    const foreign = await lead.post(url, { pupilId: foreignPupil });
    expect(foreign.statusCode).toBe(400);
    expect(await version(caseId)).toBe(before);
    const ok = await lead.post(url, { pupilId: otherPupil });
    expect(ok.statusCode).toBe(200);
    expect((ok.json() as { case: { pupils: string[] } }).case.pupils).toEqual([pupil, otherPupil]);
    const again = await lead.post(url, { pupilId: otherPupil });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ caseCode: "pupil.alreadyInCase" });
  });
});

describe("POST /api/cases/:caseId/team/:personId/remove", () => {
  it("the lead removes a member, who then loses access; others may not remove", async () => {
    const caseId = await openCase();
    const url = `/api/cases/${caseId}/team/${teacher}/remove`;
    // The member cannot remove themself or anyone else.
    expect((await (await t.as(teacher)).post(url, {})).statusCode).toBe(403);
    expect((await (await t.as(otherPrincipal)).post(url, {})).statusCode).toBe(404);
    expect((await t.anonymous.post(url, {})).statusCode).toBe(401);
    const ok = await lead.post(url, {});
    expect(ok.statusCode).toBe(200);
    expect((ok.json() as { case: { team: unknown[] } }).case.team).toEqual([]);
    expect((await (await t.as(teacher)).get(`/api/cases/${caseId}`)).statusCode).toBe(404);
    const again = await lead.post(url, {});
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ caseCode: "team.notMember" });
  });
});
