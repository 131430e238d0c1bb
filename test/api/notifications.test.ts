// In-app notifications over the API: each person sees and marks only their own; another
// person's notification is a 404. The demo mail viewer exists in demo mode only.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { NotificationTemplate } from "../../src/server/notifications/templates.ts";
import { createRootLogger } from "../../src/server/platform/logging.ts";
import { enqueueNotification } from "../../src/server/platform/outbox/enqueue.ts";
import { processOutbox } from "../../src/server/platform/outbox/sender.ts";
import { createTestApp, type TestApp } from "../support/app.ts";
import { demoSchools, personWithRole } from "../support/people.ts";

let t: TestApp;
let principal: string;
let teacher: string;
let pupil: string;
let otherSchoolPrincipal: string;

async function notify(recipientId: string, template: NotificationTemplate, link: string) {
  const res = await t.database.db
    .transaction()
    .execute((tx) => enqueueNotification(tx, { recipientId, template, link }));
  return res.notificationId as string;
}

async function auditCount(action: string): Promise<number> {
  const rows = await t.database.db
    .selectFrom("audit_log")
    .select("seq")
    .where("action", "=", action)
    .execute();
  return rows.length;
}

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  const schools = await demoSchools(db);
  principal = await personWithRole(db, "principal", { schoolId: schools.big.id });
  teacher = await personWithRole(db, "contactTeacher", { schoolId: schools.big.id });
  pupil = await personWithRole(db, "pupil", { schoolId: schools.big.id });
  otherSchoolPrincipal = await personWithRole(db, "principal", { schoolId: schools.small.id });
});
afterAll(() => t.close());

describe("GET /api/notifications", () => {
  it("lists the caller's own notifications, newest first, with generic text", async () => {
    await notify(principal, "case.newReport", "/cases/1");
    t.now.value = new Date(t.now.value.getTime() + 1000);
    await notify(principal, "plan.taskDue", "/plans");
    await notify(teacher, "case.deadlineSoon", "/cases/2");

    const client = await t.as(principal);
    const res = await client.get("/api/notifications");
    expect(res.statusCode).toBe(200);
    const body = res.json() as {
      items: { id: string; template: string; link: string; text: string; readAt: null }[];
      unreadCount: number;
    };
    expect(body.items.map((i) => i.template).sort()).toEqual(["case.newReport", "plan.taskDue"]);
    expect(body.unreadCount).toBe(2);
    const item = body.items.find((i) => i.template === "case.newReport");
    expect(item).toMatchObject({
      link: "/cases/1",
      text: "Du har en ny sak å se på i Trygg.",
      readAt: null,
    });
    expect(Object.keys(item ?? {}).sort()).toEqual(
      ["createdAt", "id", "link", "readAt", "template", "text"].sort(),
    );
  });

  it("renders the text in the caller's language", async () => {
    const client = await t.as(principal);
    const res = await client.request({
      method: "GET",
      url: "/api/notifications",
      headers: { "x-trygg-lang": "en" },
    });
    const texts = (res.json() as { items: { text: string }[] }).items.map((i) => i.text);
    expect(texts).toContain("You have a new case to look at in Trygg.");
  });

  it("gives a pupil their own list and nobody else's", async () => {
    await notify(pupil, "generic.somethingToLookAt", "/");
    const res = await (await t.as(pupil)).get("/api/notifications");
    expect(res.statusCode).toBe(200);
    const items = (res.json() as { items: { template: string }[] }).items;
    expect(items.map((i) => i.template)).toEqual(["generic.somethingToLookAt"]);
  });

  it("shows a principal of another school nothing of this school's people", async () => {
    const res = await (await t.as(otherSchoolPrincipal)).get("/api/notifications");
    expect((res.json() as { items: unknown[] }).items).toEqual([]);
  });

  it("filters unread and refuses a bad limit", async () => {
    const client = await t.as(principal);
    expect((await client.get("/api/notifications?limit=0")).statusCode).toBe(400);
    const res = await client.get("/api/notifications?unread=true&limit=1");
    expect((res.json() as { items: unknown[] }).items).toHaveLength(1);
  });

  it("refuses an anonymous caller", async () => {
    expect((await t.anonymous.get("/api/notifications")).statusCode).toBe(401);
  });
});

describe("POST /api/notifications/:id/read", () => {
  it("marks the caller's own notification read, once, with an audit entry", async () => {
    const id = await notify(teacher, "case.newReport", "/cases/3");
    const client = await t.as(teacher);
    const before = await auditCount("notification.markRead");
    const res = await client.post(`/api/notifications/${id}/read`);
    expect(res.statusCode).toBe(200);
    const { readAt } = res.json() as { readAt: string };
    expect(readAt).toBe(t.now.value.toISOString());
    expect(await auditCount("notification.markRead")).toBe(before + 1);

    t.now.value = new Date(t.now.value.getTime() + 60_000);
    const again = await client.post(`/api/notifications/${id}/read`);
    expect((again.json() as { readAt: string }).readAt).toBe(readAt);
    expect(await auditCount("notification.markRead")).toBe(before + 1);
  });

  it("answers 404 for someone else's notification and leaves it unread", async () => {
    const id = await notify(teacher, "case.newReport", "/cases/4");
    for (const other of [principal, pupil, otherSchoolPrincipal]) {
      const res = await (await t.as(other)).post(`/api/notifications/${id}/read`);
      expect(res.statusCode).toBe(404);
    }
    const row = await t.database.db
      .selectFrom("notification")
      .select("read_at")
      .where("id", "=", id)
      .executeTakeFirstOrThrow();
    expect(row.read_at).toBeNull();
  });

  it("answers 404 for an unknown or malformed id", async () => {
    const client = await t.as(teacher);
    expect(
      (await client.post("/api/notifications/00000000-0000-4000-8000-000000000000/read"))
        .statusCode,
    ).toBe(404);
    expect((await client.post("/api/notifications/not-an-id/read")).statusCode).toBe(404);
  });

  it("refuses an anonymous caller and a request without the CSRF token", async () => {
    const id = await notify(teacher, "case.newReport", "/cases/5");
    expect((await t.anonymous.post(`/api/notifications/${id}/read`)).statusCode).toBe(401);
    const client = await t.as(teacher);
    const res = await client.request({
      method: "POST",
      url: `/api/notifications/${id}/read`,
      headers: { "x-csrf-token": "wrong" },
      payload: {},
    });
    expect(res.statusCode).toBe(403);
  });
});

describe("POST /api/notifications/read-all", () => {
  it("marks only the caller's own notifications", async () => {
    const mine = await notify(principal, "plan.taskDue", "/plans/1");
    const theirs = await notify(teacher, "plan.taskDue", "/plans/1");
    const res = await (await t.as(principal)).post("/api/notifications/read-all");
    expect(res.statusCode).toBe(200);
    expect((res.json() as { marked: number }).marked).toBeGreaterThanOrEqual(1);
    const rows = await t.database.db
      .selectFrom("notification")
      .select(["id", "read_at"])
      .where("id", "in", [mine, theirs])
      .execute();
    expect(rows.find((r) => r.id === mine)?.read_at).not.toBeNull();
    expect(rows.find((r) => r.id === theirs)?.read_at).toBeNull();
  });
});

describe("notification preferences", () => {
  it("stores the caller's language and uses it for e-mail", async () => {
    const client = await t.as(teacher);
    expect((await client.get("/api/notifications/preferences")).json()).toEqual({ lang: "nb" });
    const put = await client.put("/api/notifications/preferences", { lang: "nn" });
    expect(put.statusCode).toBe(200);
    expect((await client.get("/api/notifications/preferences")).json()).toEqual({ lang: "nn" });
    expect((await client.put("/api/notifications/preferences", { lang: "se" })).statusCode).toBe(
      400,
    );
    expect(
      (await client.put("/api/notifications/preferences", { lang: "nb", extra: 1 })).statusCode,
    ).toBe(400);
    expect((await t.anonymous.get("/api/notifications/preferences")).statusCode).toBe(401);
  });
});

describe("GET /api/demo/mail (demo mode)", () => {
  it("shows the captured mail, newest first, and logs the read", async () => {
    await t.database.db.deleteFrom("outbox").execute();
    await notify(principal, "case.newReport", "/cases/9");
    await notify(teacher, "plan.taskDue", "/plans");
    const deps = {
      db: t.database.db,
      config: t.config,
      logger: createRootLogger("silent"),
      clock: () => new Date(),
    };
    expect(t.config.demo).toBe(true);
    expect((await processOutbox(deps)).sent).toBe(2);
    const before = await auditCount("demoMail.read");
    const res = await (await t.as(pupil)).get("/api/demo/mail");
    expect(res.statusCode).toBe(200);
    const { messages } = res.json() as {
      messages: { id: string; createdAt: string; to: string; subject: string; body: string }[];
    };
    expect(messages.length).toBeGreaterThanOrEqual(2);
    const times = messages.map((m) => m.createdAt);
    expect([...times].sort().reverse()).toEqual(times);
    expect(messages.map((m) => m.subject)).toContain("Ny sak i Trygg");
    // The teacher chose nynorsk above.
    expect(messages.map((m) => m.subject)).toContain("Ei oppgåve ventar i Trygg");
    expect(await auditCount("demoMail.read")).toBe(before + 1);
  });

  it("refuses an anonymous caller", async () => {
    expect((await t.anonymous.get("/api/demo/mail")).statusCode).toBe(401);
  });

  it("refuses a person without any role", async () => {
    const loner = await t.database.db
      .insertInto("person")
      .values({ given_name: "Test", family_name: "Uten Rolle" })
      .returning("id")
      .executeTakeFirstOrThrow();
    expect((await (await t.as(loner.id)).get("/api/demo/mail")).statusCode).toBe(403);
  });
});

describe("GET /api/demo/mail outside demo mode", () => {
  let prod: TestApp;
  beforeAll(async () => {
    prod = await createTestApp({ TRYGG_DEMO: "false" });
  });
  afterAll(() => prod.close());

  it("does not exist for anyone logged in", async () => {
    expect(prod.config.demo).toBe(false);
    const p = await personWithRole(prod.database.db, "principal");
    const res = await (await prod.as(p)).get("/api/demo/mail");
    expect(res.statusCode).toBe(404);
  });

  it("still refuses an anonymous caller with 401", async () => {
    expect((await prod.anonymous.get("/api/demo/mail")).statusCode).toBe(401);
  });
});
