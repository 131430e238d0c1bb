// The denials the issue names, route by route: a teacher who reported sees a receipt and
// nothing of the case; the school's leadership finds no trace of a leadership case in
// reads, lists and their counts, notifications or the school's audit view, and can do
// nothing to it; and a closed case refuses every write route and is never deleted.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCaseTick } from "../../src/server/cases/tick.ts";
import { createTestApp, type TestApp, type TestClient } from "../support/app.ts";
import { demoSchools, personWithRole } from "../support/people.ts";

let t: TestApp;
let schoolId: string;
let ownerId: string;
let principal: string;
let deputy: string;
let departmentHead: string | null;
let teacher: string;
let officer: string;
let pupil: string;

const UUID = "00000000-0000-4000-8000-000000000000";

/** Every route that reads or writes one case, with its parameters filled in. */
function caseRoutes(caseId: string) {
  return t.app.registeredRoutes
    .filter((r) => r.url.startsWith("/api/cases/:caseId"))
    .map((r) => ({
      method: r.method,
      url: r.url
        .replace(":caseId", caseId)
        .replace(":measureId", "measure-1")
        .replace(":revision", "1")
        .replace(/:[a-zA-Z]+/g, UUID),
    }));
}

async function send(client: TestClient, route: { method: string; url: string }) {
  return client.request({
    method: route.method as "GET",
    url: route.url,
    payload: route.method === "GET" ? undefined : { text: "x", reason: "x", type: "reason" },
  });
}

async function caseOf(reportRes: { json(): unknown }): Promise<string> {
  const row = await t.database.db
    .selectFrom("case_report")
    .select("case_id")
    .where("id", "=", (reportRes.json() as { reportId: string }).reportId)
    .executeTakeFirstOrThrow();
  return row.case_id;
}

async function snapshot(caseId: string) {
  const row = await t.database.db
    .selectFrom("school_case")
    .select(["version", "status"])
    .where("id", "=", caseId)
    .executeTakeFirstOrThrow();
  const events = await t.database.db
    .selectFrom("case_event")
    .select("seq")
    .where("case_id", "=", caseId)
    .execute();
  return { ...row, events: events.length };
}

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  const schools = await demoSchools(db);
  schoolId = schools.big.id;
  ownerId = schools.big.ownerId;
  principal = await personWithRole(db, "principal", { schoolId });
  deputy = await personWithRole(db, "deputy", { schoolId });
  departmentHead = await personWithRole(db, "departmentHead", { schoolId }).catch(() => null);
  teacher = await personWithRole(db, "contactTeacher", { schoolId });
  officer = await personWithRole(db, "ownerCaseOfficer", { ownerId });
  pupil = await personWithRole(db, "pupil", { schoolId });
});
afterAll(() => t.close());

describe("a teacher who reported", () => {
  it("gets a receipt, and every route of the case refuses them", async () => {
    const reporter = await t.as(teacher);
    const res = await reporter.post(`/api/schools/${schoolId}/cases`, {
      kind: "staff-concern",
      pupilIds: [pupil],
      description: "Saw the pupil alone and crying in every break this week.",
    });
    expect(res.statusCode).toBe(201);
    expect((res.json() as { caseId: string | null }).caseId).toBeNull();
    const caseId = await caseOf(res);
    await (await t.as(principal)).post(`/api/cases/${caseId}/acknowledge`);
    const before = await snapshot(caseId);

    for (const route of caseRoutes(caseId)) {
      const answer = await send(reporter, route);
      expect({ route: `${route.method} ${route.url}`, status: answer.statusCode }).toEqual({
        route: `${route.method} ${route.url}`,
        status: 404,
      });
    }
    expect(await snapshot(caseId)).toEqual(before);

    // The list shows them nothing; the receipt says acknowledged and nothing more.
    const list = (await reporter.get(`/api/schools/${schoolId}/cases`)).json() as {
      items: { id: string }[];
    };
    expect(list.items.map((i) => i.id)).not.toContain(caseId);
    const mine = (await reporter.get("/api/cases/mine")).json() as {
      items: Record<string, unknown>[];
    };
    const receipt = mine.items.find(
      (i) => i.reportId === (res.json() as { reportId: string }).reportId,
    );
    expect(receipt).toMatchObject({ status: "acknowledged" });
    expect(Object.keys(receipt ?? {}).sort()).toEqual(
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
    // The complaint right is told to pupils and guardians, not to staff who report.
    expect(receipt?.complaint).toBeNull();
  });
});

describe("the school's leadership on a leadership case", () => {
  let caseId: string;
  let leaders: string[];

  beforeAll(async () => {
    leaders = [principal, deputy, ...(departmentHead ? [departmentHead] : [])];
    t.now.value = new Date("2026-11-26T09:00:00Z");
    const res = await (await t.as(teacher)).post(`/api/schools/${schoolId}/cases`, {
      kind: "leadership-violation",
      pupilIds: [pupil],
      description: "The principal held the pupil hard by the arm in the hallway.",
    });
    expect(res.statusCode).toBe(201);
    caseId = await caseOf(res);
    // Let the alert escalate (nobody acknowledges), then the owner works the case, so there
    // are notifications, reminders and audit rows that could leak.
    t.now.value = new Date("2026-11-26T12:00:00Z");
    await runCaseTick({ db: t.database.db, clock: () => t.now.value, config: t.config });
    const owner = await t.as(officer);
    expect((await owner.post(`/api/cases/${caseId}/acknowledge`)).statusCode).toBe(200);
    expect(
      (
        await owner.post(`/api/cases/${caseId}/notes`, {
          kind: "conversation",
          occurredOn: "2026-11-26",
          text: "Talked with the pupil.",
        })
      ).statusCode,
    ).toBe(200);
  });

  it("cannot read or act on it by any case route", async () => {
    const before = await snapshot(caseId);
    for (const who of leaders) {
      const client = await t.as(who);
      for (const route of caseRoutes(caseId)) {
        const answer = await send(client, route);
        expect([403, 404]).toContain(answer.statusCode);
      }
    }
    expect(await snapshot(caseId)).toEqual(before);
  });

  it("finds it in no list, open or closed, and the counts do not include it", async () => {
    for (const who of leaders) {
      const client = await t.as(who);
      for (const status of ["open", "closed"]) {
        const res = await client.get(`/api/schools/${schoolId}/cases?status=${status}`);
        expect(res.statusCode).toBe(200);
        const items = (res.json() as { items: { id: string; kind: string }[] }).items;
        expect(items.map((i) => i.id)).not.toContain(caseId);
        // The count a dashboard shows is the list's length: no leadership case in it.
        expect(items.filter((i) => i.kind === "leadership-violation")).toEqual([]);
      }
      expect([403, 404]).toContain((await client.get(`/api/owners/${ownerId}/cases`)).statusCode);
    }
    // The owner's case officer does see it.
    const owner = (await (await t.as(officer)).get(`/api/owners/${ownerId}/cases`)).json() as {
      items: { id: string }[];
    };
    expect(owner.items.map((i) => i.id)).toContain(caseId);
  });

  it("gets no notification about it, in the app or by mail", async () => {
    for (const who of leaders) {
      const res = await (await t.as(who)).get("/api/notifications?limit=200");
      expect(res.statusCode).toBe(200);
      expect(res.body).not.toContain(caseId);
      const outbox = await t.database.db
        .selectFrom("outbox")
        .select("link")
        .where("recipient_id", "=", who)
        .execute();
      expect(outbox.map((o) => o.link)).not.toContain(`/cases/${caseId}`);
    }
    const officerOutbox = await t.database.db
      .selectFrom("outbox")
      .select("link")
      .where("recipient_id", "=", officer)
      .execute();
    expect(officerOutbox.map((o) => o.link)).toContain(`/cases/${caseId}`);
  });

  it("sees none of its audit rows in the school's audit view", async () => {
    const rows = await t.database.db
      .selectFrom("audit_log")
      .select(["restricted"])
      .where("resource_id", "=", caseId)
      .execute();
    expect(rows.length).toBeGreaterThan(3);
    expect(rows.every((r) => r.restricted)).toBe(true);
    const view = await (await t.as(principal)).get(`/api/schools/${schoolId}/audit?limit=500`);
    expect(view.statusCode).toBe(200);
    expect(view.body).not.toContain(caseId);
  });
});

describe("closed cases are archived read-only and never deleted", () => {
  it("refuses every write route on a closed case and changes nothing; there is no DELETE", async () => {
    const lead = await t.as(principal);
    const res = await lead.post(`/api/schools/${schoolId}/cases`, {
      kind: "staff-concern",
      pupilIds: [pupil],
      description: "A pupil says others laugh at them.",
    });
    const caseId = (res.json() as { caseId: string }).caseId;
    await lead.post(`/api/cases/${caseId}/acknowledge`);
    const today = (await lead.get(`/api/cases/${caseId}`)).json().case.learnedOn;
    await lead.post(`/api/cases/${caseId}/notes`, {
      kind: "conversation",
      occurredOn: today,
      text: "Talked with the pupil and the family.",
    });
    await lead.post(`/api/cases/${caseId}/pupil-views`, {
      pupilId: pupil,
      heardOn: today,
      words: "It was a joke between friends; I am fine.",
      feelsSafe: true,
    });
    const closed = await lead.post(`/api/cases/${caseId}/close`, {
      type: "noCaseToAnswer",
      findings: "Resolved after a conversation with the family.",
    });
    expect(closed.statusCode).toBe(200);
    const before = await snapshot(caseId);
    expect(before.status).toBe("closed");

    // The covering statement to Statsforvalteren is written after the fact (ADR 0113).
    const writes = caseRoutes(caseId).filter(
      (r) => r.method !== "GET" && !r.url.endsWith("/covering-statements"),
    );
    expect(writes.length).toBeGreaterThan(15);
    for (const route of writes) {
      const answer = await send(lead, route);
      expect({ route: route.url, ok: answer.statusCode < 300 }).toEqual({
        route: route.url,
        ok: false,
      });
    }
    expect(await snapshot(caseId)).toEqual(before);
    const statement = await lead.post(`/api/cases/${caseId}/covering-statements`, {
      text: "Redegjørelse til Statsforvalteren.",
    });
    expect(statement.statusCode).toBe(200);
    expect(statement.json().case.status).toBe("closed");
    // Still readable, and listed among the closed cases.
    expect((await lead.get(`/api/cases/${caseId}`)).statusCode).toBe(200);
    const list = (await lead.get(`/api/schools/${schoolId}/cases?status=closed`)).json() as {
      items: { id: string }[];
    };
    expect(list.items.map((i) => i.id)).toContain(caseId);
    expect(
      t.app.registeredRoutes.filter((r) => r.method === "DELETE" && r.url.includes("case")),
    ).toEqual([]);
    // And the database itself refuses to delete it.
    await expect(
      t.database.db.deleteFrom("school_case").where("id", "=", caseId).execute(),
    ).rejects.toThrow();
  });
});
