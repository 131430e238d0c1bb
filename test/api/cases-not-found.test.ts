// "To anyone who may not see a case, an existing case id answers exactly as an unknown one
// (404), everywhere: case, PDF, attachments, notifications" (issue #8). For every case route
// in the registry, the answer (status and body, less the request id) to an existing case the
// caller may not see is compared with the answer to a random unknown id, for several callers.
import { randomUUID } from "node:crypto";
import type { LightMyRequestResponse } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp, type TestClient } from "../support/app.ts";
import { otherOwnerOfficer } from "../support/other-owner.ts";
import { demoSchools, personWithRole } from "../support/people.ts";

let t: TestApp;
const id: Record<string, string> = {};
const as: Record<string, TestClient> = {};
/** An existing case and an attachment on it, per case under test. */
const cases: Record<string, { caseId: string; attachmentId: string }> = {};

async function caseOf(reportRes: LightMyRequestResponse): Promise<string> {
  expect(reportRes.statusCode).toBe(201);
  const row = await t.database.db
    .selectFrom("case_report")
    .select("case_id")
    .where("id", "=", (reportRes.json() as { reportId: string }).reportId)
    .executeTakeFirstOrThrow();
  return row.case_id;
}

async function attach(who: string, caseId: string): Promise<string> {
  const res = await as[who]!.post(`/api/cases/${caseId}/attachments`, {
    fileName: "notat.txt",
    mediaType: "text/plain",
    contentBase64: Buffer.from("Samtale med eleven.").toString("base64"),
  });
  expect(res.statusCode).toBe(201);
  return (res.json() as { id: string }).id;
}

/** The answer as a caller sees it, less what differs per request. */
function answer(res: LightMyRequestResponse) {
  let body: unknown = res.body;
  try {
    const parsed = JSON.parse(res.body) as Record<string, unknown>;
    const { requestId: _ignored, ...rest } = parsed;
    body = rest;
  } catch {
    // Not JSON: compare the raw text.
  }
  return { status: res.statusCode, body };
}

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  const { big, small } = await demoSchools(db);
  Object.assign(id, {
    principal: await personWithRole(db, "principal", { schoolId: big.id }),
    teacher: await personWithRole(db, "contactTeacher", { schoolId: big.id }),
    otherTeacher: await personWithRole(db, "contactTeacher", { schoolId: big.id, index: 1 }),
    otherPrincipal: await personWithRole(db, "principal", { schoolId: small.id }),
    officer: await personWithRole(db, "ownerCaseOfficer", { ownerId: big.ownerId }),
    otherOfficer: (await otherOwnerOfficer(db)).officer,
    pupil: await personWithRole(db, "pupil", { schoolId: big.id }),
  });
  for (const [name, personId] of Object.entries(id)) as[name] = await t.as(personId);

  // A school case the principal reported (the owner was never brought in).
  const school = await caseOf(
    await as.principal!.post(`/api/schools/${big.id}/cases`, {
      kind: "staff-concern",
      pupilIds: [id.pupil],
      description: "Eleven ble dyttet i gangen.",
    }),
  );
  cases.school = { caseId: school, attachmentId: await attach("principal", school) };
  // A leadership case a teacher reported (the school's leadership may not see it).
  const leadership = await caseOf(
    await as.teacher!.post(`/api/schools/${big.id}/cases`, {
      kind: "leadership-violation",
      pupilIds: [id.pupil],
      description: "Rektor kjeftet på eleven.",
    }),
  );
  cases.leadership = { caseId: leadership, attachmentId: await attach("officer", leadership) };
});
afterAll(() => t.close());

/** Every route that names a case in its path. */
function caseRoutes() {
  return t.app.registeredRoutes
    .filter((r) => r.url.startsWith("/api/") && r.url.includes(":caseId"))
    .filter((r) => r.method !== "HEAD")
    .map((r) => ({ method: r.method, url: r.url }));
}

function fill(url: string, caseId: string, attachmentId: string): string {
  return url
    .replace(":caseId", caseId)
    .replace(":attachmentId", attachmentId)
    .replace(":revision", "1")
    .replace(":measureId", "m-1")
    .replace(":personId", id.otherTeacher as string);
}

function bodyFor(url: string): Record<string, unknown> {
  if (url.endsWith("/owner-decision")) return { decision: "notifyOwner" };
  if (url.endsWith("/join")) return { intoCaseId: randomUUID() };
  return {};
}

const CALLERS: [string, string, keyof typeof cases][] = [
  ["a teacher not on the case", "otherTeacher", "school"],
  ["the principal of another school", "otherPrincipal", "school"],
  ["the owner's case officer on a case the owner was never brought into", "officer", "school"],
  ["an owner officer of another owner", "otherOfficer", "school"],
  ["the principal on a leadership case", "principal", "leadership"],
  ["the teacher who reported the leadership case", "teacher", "leadership"],
  ["an owner officer of another owner, on a leadership case", "otherOfficer", "leadership"],
];

describe("an existing case the caller may not see answers as an unknown one", () => {
  it("finds the case routes in the registry", () => {
    const urls = caseRoutes().map((r) => `${r.method} ${r.url}`);
    expect(urls).toContain("GET /api/cases/:caseId");
    expect(urls).toContain("GET /api/cases/:caseId/export");
    expect(urls).toContain("GET /api/cases/:caseId/plan/:revision/pdf");
    expect(urls).toContain("GET /api/cases/:caseId/attachments/:attachmentId");
    expect(urls.length).toBeGreaterThan(20);
  });

  it.each(CALLERS)("%s", async (_name, who, which) => {
    const client = as[who] as TestClient;
    const existing = cases[which] as { caseId: string; attachmentId: string };
    const differences: unknown[] = [];
    for (const route of caseRoutes()) {
      const send = (caseId: string, attachmentId: string) =>
        client.request({
          method: route.method as "GET",
          url: fill(route.url, caseId, attachmentId),
          ...(route.method === "GET" ? {} : { payload: bodyFor(route.url) }),
        });
      const seen = answer(await send(existing.caseId, existing.attachmentId));
      const unknown = answer(await send(randomUUID(), randomUUID()));
      if (JSON.stringify(seen) !== JSON.stringify(unknown) || seen.status !== 404) {
        differences.push({ route: `${route.method} ${route.url}`, seen, unknown });
      }
    }
    expect(differences).toEqual([]);
  });

  it("nothing was changed or written about the case by those requests", async () => {
    const rows = await t.database.db
      .selectFrom("audit_log")
      .select(["action", "actor_id"])
      .where("resource_id", "in", [cases.school?.caseId, cases.leadership?.caseId] as string[])
      .where("actor_id", "in", [id.otherTeacher, id.otherPrincipal, id.otherOfficer] as string[])
      .execute();
    expect(rows).toEqual([]);
  });

  it("joining into a case the caller may not see answers as joining into an unknown one", async () => {
    const source = cases.school?.caseId as string;
    const into = async (intoCaseId: string) =>
      answer(await as.principal!.post(`/api/cases/${source}/join`, { intoCaseId }));
    const hidden = await into(cases.leadership?.caseId as string);
    expect(hidden).toEqual(await into(randomUUID()));
  });

  it("another person's notification about a case answers as an unknown notification", async () => {
    const row = await t.database.db
      .selectFrom("notification")
      .select(["id", "link"])
      .where("person_id", "=", id.officer as string)
      .where("link", "=", `/cases/${cases.leadership?.caseId}`)
      .executeTakeFirstOrThrow();
    for (const who of ["principal", "otherOfficer", "teacher"]) {
      const client = as[who] as TestClient;
      const theirs = answer(await client.post(`/api/notifications/${row.id}/read`));
      const unknown = answer(await client.post(`/api/notifications/${randomUUID()}/read`));
      expect(theirs, who).toEqual(unknown);
      expect(theirs.status, who).toBe(404);
      const list = (await client.get("/api/notifications")).json() as {
        items: { link: string }[];
      };
      expect(
        list.items.map((i) => i.link),
        who,
      ).not.toContain(row.link);
    }
    const still = await t.database.db
      .selectFrom("notification")
      .select("read_at")
      .where("id", "=", row.id)
      .executeTakeFirstOrThrow();
    expect(still.read_at).toBeNull();
  });
});
