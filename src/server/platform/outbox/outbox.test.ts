// The notification outbox end to end: written in the caller's transaction, delivered by the
// sender over a real SMTP server and a real HTTP webhook on 127.0.0.1, captured in demo mode,
// retried with backoff, and never carrying a name.
import { Writable } from "node:stream";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createTestDatabase } from "../../../../test/support/db.ts";
import { personWithRole } from "../../../../test/support/people.ts";
import type { Clock } from "../clock.ts";
import { type Config, loadConfig } from "../config.ts";
import type { DatabaseHandle, Db } from "../db/database.ts";
import { startJobs } from "../jobs.ts";
import { createRootLogger } from "../logging.ts";
import {
  enqueueNotification,
  InvalidNotificationError,
  type NotificationInput,
} from "./enqueue.ts";
import { backoffMs, MAX_ATTEMPTS, type OutboxDeps, processOutbox } from "./sender.ts";
import { type SmtpSink, startSmtpSink, startWebhookSink, type WebhookSink } from "./test-sinks.ts";

const T0 = new Date("2026-11-26T09:00:00Z");
const PUBLIC_URL = "https://trygg.example.no";
const CASE_LINK = "/cases/3f2a9c1e-8d7b-4c55-9a10-2b6e4f1d0c77";

let database: DatabaseHandle;
let db: Db;
let smtp: SmtpSink;
let teams: WebhookSink;
let principal: string;
let deputy: string;
let teacher: string;
let allNames: Set<string>;

const cfg = (env: Record<string, string> = {}): Config =>
  loadConfig({
    NODE_ENV: "test",
    TRYGG_DATA_DIR: ".tmp/test-data",
    TRYGG_PUBLIC_URL: PUBLIC_URL,
    TRYGG_DEMO: "false",
    ...env,
  });

function memoryLogger() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _enc, cb) {
      lines.push(String(chunk));
      cb();
    },
  });
  return { logger: createRootLogger("debug", stream), lines };
}

const now = { value: T0 };
const clock: Clock = () => now.value;

function senderDeps(config: Config, extra: Partial<OutboxDeps> = {}): OutboxDeps {
  return { db, config, logger: createRootLogger("silent"), clock, ...extra };
}

async function enqueue(input: NotificationInput, teamsWebhookUrl?: string) {
  return db
    .transaction()
    .execute((tx) => enqueueNotification(tx, input, { now: T0, teamsWebhookUrl }));
}

async function outboxRows() {
  return db.selectFrom("outbox").selectAll().orderBy("created_at").orderBy("channel").execute();
}

/** Every word of a text that is a given or family name of anyone in the database. */
function namesIn(text: string): string[] {
  return (text.match(/\p{L}[\p{L}'-]*/gu) ?? []).filter((w) => allNames.has(w));
}

beforeAll(async () => {
  database = await createTestDatabase();
  db = database.db;
  smtp = await startSmtpSink();
  teams = await startWebhookSink();
  principal = await personWithRole(db, "principal");
  deputy = await personWithRole(db, "deputy");
  teacher = await personWithRole(db, "contactTeacher");
  const people = await db.selectFrom("person").select(["given_name", "family_name"]).execute();
  allNames = new Set(
    people.flatMap((p) => [p.given_name, p.family_name, ...p.given_name.split(/[ -]/)]),
  );
});

afterAll(async () => {
  await smtp?.close();
  await teams?.close();
  await database?.close();
});

beforeEach(async () => {
  await db.deleteFrom("outbox").execute();
  await db.deleteFrom("notification").execute();
  await db.deleteFrom("captured_mail").execute();
  await db.deleteFrom("notification_preference").execute();
  smtp.received.length = 0;
  smtp.rejectWith = null;
  teams.received.length = 0;
  teams.status = 200;
  now.value = T0;
});

describe("enqueueNotification", () => {
  it("writes the in-app notification and the outbox rows in the caller's transaction", async () => {
    const res = await enqueue({
      recipientId: principal,
      template: "case.newReport",
      link: CASE_LINK,
    });
    const email = await db
      .selectFrom("person")
      .select("email")
      .where("id", "=", principal)
      .executeTakeFirstOrThrow();
    const rows = await outboxRows();
    expect(rows.map((r) => [r.channel, r.status])).toEqual([
      ["email", "pending"],
      ["inApp", "sent"],
    ]);
    expect(rows.find((r) => r.channel === "email")?.address).toBe(email.email);
    const notes = await db.selectFrom("notification").selectAll().execute();
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatchObject({
      id: res.notificationId,
      person_id: principal,
      template: "case.newReport",
      link: CASE_LINK,
      read_at: null,
    });
    expect(res.outboxIds).toHaveLength(2);
  });

  it("adds a Teams row when a webhook is configured", async () => {
    await enqueue({ recipientId: principal, template: "plan.taskDue", link: "/plans" }, teams.url);
    expect((await outboxRows()).map((r) => r.channel).sort()).toEqual(["email", "inApp", "teams"]);
  });

  it("honours an explicit channel list", async () => {
    const res = await enqueue({
      recipientId: principal,
      template: "plan.taskDue",
      link: "/plans",
      channels: ["email"],
    });
    expect(res.notificationId).toBeNull();
    expect((await outboxRows()).map((r) => r.channel)).toEqual(["email"]);
  });

  it("leaves nothing behind when the caller's transaction rolls back", async () => {
    await expect(
      db.transaction().execute(async (tx) => {
        await enqueueNotification(tx, {
          recipientId: principal,
          template: "case.newReport",
          link: CASE_LINK,
        });
        throw new Error("the change failed");
      }),
    ).rejects.toThrow("the change failed");
    expect(await outboxRows()).toEqual([]);
    expect(await db.selectFrom("notification").selectAll().execute()).toEqual([]);
  });

  it("gives a person without an e-mail address the in-app notification only", async () => {
    const before = await db
      .selectFrom("person")
      .select("email")
      .where("id", "=", teacher)
      .executeTakeFirstOrThrow();
    await db.updateTable("person").set({ email: null }).where("id", "=", teacher).execute();
    try {
      await enqueue({ recipientId: teacher, template: "case.deadlineSoon", link: CASE_LINK });
      expect((await outboxRows()).map((r) => r.channel)).toEqual(["inApp"]);
    } finally {
      await db
        .updateTable("person")
        .set({ email: before.email })
        .where("id", "=", teacher)
        .execute();
    }
  });

  it.each<[string, unknown]>([
    [
      "free text next to the template",
      {
        recipientId: principal,
        template: "case.newReport",
        link: "/cases",
        message: "Ola er lei seg",
      },
    ],
    ["an unknown template", { recipientId: principal, template: "case.custom", link: "/cases" }],
    [
      "an absolute link",
      { recipientId: principal, template: "case.newReport", link: "https://evil.example/cases" },
    ],
    [
      "a protocol-relative link",
      { recipientId: principal, template: "case.newReport", link: "//evil.example/x" },
    ],
    [
      "a link that climbs out",
      { recipientId: principal, template: "case.newReport", link: "/cases/../../etc" },
    ],
    [
      "a link with spaces",
      { recipientId: principal, template: "case.newReport", link: "/cases?name=Ola Nordmann" },
    ],
    [
      "an unknown recipient",
      {
        recipientId: "00000000-0000-4000-8000-000000000000",
        template: "case.newReport",
        link: "/cases",
      },
    ],
    [
      "no channel",
      { recipientId: principal, template: "case.newReport", link: "/cases", channels: [] },
    ],
  ])("refuses %s", async (_name, input) => {
    await expect(
      db.transaction().execute((tx) => enqueueNotification(tx, input as NotificationInput)),
    ).rejects.toBeInstanceOf(InvalidNotificationError);
    expect(await outboxRows()).toEqual([]);
  });
});

describe("processOutbox: e-mail over SMTP", () => {
  it("sends a generic mail with the absolute link and no name of anyone", async () => {
    const recipients = [principal, deputy, teacher];
    for (const r of recipients)
      await enqueue({ recipientId: r, template: "case.newReport", link: CASE_LINK });
    const run = await processOutbox(senderDeps(cfg({ SMTP_URL: smtp.url })));
    expect(run).toEqual({ sent: 3, retried: 0, failed: 0 });
    const emails = await db
      .selectFrom("person")
      .select(["id", "email"])
      .where("id", "in", recipients)
      .execute();
    expect(smtp.received.flatMap((m) => m.to).sort()).toEqual(emails.map((e) => e.email).sort());
    for (const mail of smtp.received) {
      expect(mail.subject).toBe("Ny sak i Trygg");
      expect(mail.body).toContain("Du har en ny sak å se på i Trygg.");
      expect(mail.body).toContain(`${PUBLIC_URL}${CASE_LINK}`);
      expect(namesIn(`${mail.subject}\n${mail.body}`)).toEqual([]);
      expect(mail.raw).toMatch(/^Auto-Submitted: auto-generated/im);
    }
    const rows = await outboxRows();
    for (const r of rows.filter((x) => x.channel === "email")) {
      expect(r).toMatchObject({ status: "sent", attempts: 1, last_error: null, claim_token: null });
      expect(new Date(r.sent_at as Date)).toEqual(T0);
    }
    // Nothing is sent twice.
    expect(await processOutbox(senderDeps(cfg({ SMTP_URL: smtp.url })))).toEqual({
      sent: 0,
      retried: 0,
      failed: 0,
    });
    expect(smtp.received).toHaveLength(3);
  });

  it("writes in the recipient's language", async () => {
    await db
      .insertInto("notification_preference")
      .values({ person_id: deputy, lang: "nn" })
      .execute();
    await db
      .insertInto("notification_preference")
      .values({ person_id: teacher, lang: "en" })
      .execute();
    for (const r of [principal, deputy, teacher])
      await enqueue({ recipientId: r, template: "plan.taskDue", link: "/plans" });
    await processOutbox(senderDeps(cfg({ SMTP_URL: smtp.url })));
    expect(smtp.received.map((m) => m.subject).sort()).toEqual(
      [
        "A task is waiting in Trygg",
        "Ei oppgåve ventar i Trygg",
        "En oppgave venter i Trygg",
      ].sort(),
    );
  });

  it("retries a temporary refusal with growing pauses, then gives up", async () => {
    smtp.rejectWith = 451;
    await enqueue({
      recipientId: principal,
      template: "case.newReport",
      link: CASE_LINK,
      channels: ["email"],
    });
    const deps = senderDeps(cfg({ SMTP_URL: smtp.url }));
    for (let attempt = 1; attempt < MAX_ATTEMPTS; attempt++) {
      expect(await processOutbox(deps)).toEqual({ sent: 0, retried: 1, failed: 0 });
      const [row] = await outboxRows();
      expect(row).toMatchObject({ status: "pending", attempts: attempt, last_error: "smtp:451" });
      expect(new Date(row?.next_attempt_at as Date).getTime()).toBe(
        now.value.getTime() + backoffMs(attempt),
      );
      // Not due yet: a run in between leaves it alone.
      expect(await processOutbox(deps)).toEqual({ sent: 0, retried: 0, failed: 0 });
      now.value = new Date(now.value.getTime() + backoffMs(attempt));
    }
    expect(await processOutbox(deps)).toEqual({ sent: 0, retried: 0, failed: 1 });
    expect((await outboxRows())[0]).toMatchObject({
      status: "failed",
      attempts: MAX_ATTEMPTS,
      last_error: "smtp:451",
    });
    expect(smtp.received).toEqual([]);
  });

  it("fails at once on a permanent refusal", async () => {
    smtp.rejectWith = 550;
    await enqueue({
      recipientId: principal,
      template: "case.newReport",
      link: CASE_LINK,
      channels: ["email"],
    });
    expect(await processOutbox(senderDeps(cfg({ SMTP_URL: smtp.url })))).toEqual({
      sent: 0,
      retried: 0,
      failed: 1,
    });
    expect((await outboxRows())[0]).toMatchObject({
      status: "failed",
      attempts: 1,
      last_error: "smtp:550",
    });
  });

  it("retries when the SMTP server cannot be reached", async () => {
    await enqueue({
      recipientId: principal,
      template: "case.newReport",
      link: CASE_LINK,
      channels: ["email"],
    });
    const run = await processOutbox(senderDeps(cfg({ SMTP_URL: "smtp://127.0.0.1:1" })));
    expect(run).toEqual({ sent: 0, retried: 1, failed: 0 });
    expect((await outboxRows())[0]?.last_error).toMatch(/^smtp:[A-Z_]+$/);
  });

  it("without SMTP_URL outside demo mode, marks mail failed and says why, without personal data", async () => {
    await enqueue({ recipientId: principal, template: "case.newReport", link: CASE_LINK });
    const { logger, lines } = memoryLogger();
    const run = await processOutbox(senderDeps(cfg(), { logger }));
    expect(run).toEqual({ sent: 0, retried: 0, failed: 1 });
    expect((await outboxRows()).find((r) => r.channel === "email")).toMatchObject({
      status: "failed",
      last_error: "smtp-not-configured",
    });
    const log = lines.join("");
    expect(log).toContain("SMTP_URL is not set");
    const person = await db
      .selectFrom("person")
      .selectAll()
      .where("id", "=", principal)
      .executeTakeFirstOrThrow();
    for (const secret of [person.email as string, person.given_name, person.family_name]) {
      expect(log).not.toContain(secret);
    }
  });

  it("two senders at once deliver every row exactly once", async () => {
    const people = await db
      .selectFrom("person")
      .select("id")
      .where("email", "is not", null)
      .orderBy("id")
      .limit(24)
      .execute();
    for (const p of people)
      await enqueue({
        recipientId: p.id,
        template: "generic.somethingToLookAt",
        link: "/",
        channels: ["email"],
      });
    const deps = senderDeps(cfg({ SMTP_URL: smtp.url }), { batchSize: 3 });
    const runs = await Promise.all([processOutbox(deps), processOutbox(deps), processOutbox(deps)]);
    expect(runs.reduce((n, r) => n + r.sent, 0)).toBe(people.length);
    expect(smtp.received).toHaveLength(people.length);
    expect(new Set(smtp.received.flatMap((m) => m.to)).size).toBe(people.length);
    expect((await outboxRows()).every((r) => r.status === "sent" && r.attempts === 1)).toBe(true);
  });
});

describe("processOutbox: demo mode", () => {
  it("keeps mail in captured_mail and sends nothing", async () => {
    await enqueue({ recipientId: principal, template: "case.deadlineSoon", link: CASE_LINK });
    const run = await processOutbox(senderDeps(cfg({ TRYGG_DEMO: "true", SMTP_URL: smtp.url })));
    expect(run).toEqual({ sent: 1, retried: 0, failed: 0 });
    expect(smtp.received).toEqual([]);
    const captured = await db.selectFrom("captured_mail").selectAll().execute();
    const email = await db
      .selectFrom("person")
      .select("email")
      .where("id", "=", principal)
      .executeTakeFirstOrThrow();
    expect(captured).toHaveLength(1);
    expect(captured[0]).toMatchObject({
      to_address: email.email,
      subject: "En frist nærmer seg i Trygg",
    });
    expect(captured[0]?.body).toContain(`${PUBLIC_URL}${CASE_LINK}`);
    expect(namesIn(`${captured[0]?.subject}\n${captured[0]?.body}`)).toEqual([]);
    expect((await outboxRows()).every((r) => r.status === "sent")).toBe(true);
  });
});

describe("processOutbox: Teams", () => {
  it("posts an Adaptive Card with the generic text and the link", async () => {
    await enqueue({
      recipientId: principal,
      template: "case.newReport",
      link: CASE_LINK,
      channels: ["teams"],
    });
    const run = await processOutbox(senderDeps(cfg({ TEAMS_WEBHOOK_URL: teams.url })));
    expect(run).toEqual({ sent: 1, retried: 0, failed: 0 });
    expect(teams.received).toHaveLength(1);
    const card = teams.received[0] as {
      type: string;
      attachments: {
        contentType: string;
        content: { body: { text: string }[]; actions: { url: string }[] };
      }[];
    };
    expect(card.type).toBe("message");
    const content = card.attachments[0]?.content;
    expect(card.attachments[0]?.contentType).toBe("application/vnd.microsoft.card.adaptive");
    expect(content?.body.map((b) => b.text)).toEqual([
      "Ny sak i Trygg",
      "Du har en ny sak å se på i Trygg.",
    ]);
    expect(content?.actions[0]?.url).toBe(`${PUBLIC_URL}${CASE_LINK}`);
    expect(namesIn(JSON.stringify(card))).toEqual([]);
  });

  it("retries on 5xx and gives up on 4xx", async () => {
    await enqueue({
      recipientId: principal,
      template: "case.newReport",
      link: CASE_LINK,
      channels: ["teams"],
    });
    const deps = senderDeps(cfg({ TEAMS_WEBHOOK_URL: teams.url }));
    teams.status = 503;
    expect(await processOutbox(deps)).toEqual({ sent: 0, retried: 1, failed: 0 });
    expect((await outboxRows())[0]).toMatchObject({ status: "pending", last_error: "http:503" });
    now.value = new Date(T0.getTime() + backoffMs(1));
    teams.status = 400;
    expect(await processOutbox(deps)).toEqual({ sent: 0, retried: 0, failed: 1 });
    expect((await outboxRows())[0]).toMatchObject({
      status: "failed",
      attempts: 2,
      last_error: "http:400",
    });
  });

  it("fails a Teams row when no webhook is configured", async () => {
    await enqueue({
      recipientId: principal,
      template: "case.newReport",
      link: CASE_LINK,
      channels: ["teams"],
    });
    expect(await processOutbox(senderDeps(cfg()))).toEqual({ sent: 0, retried: 0, failed: 1 });
    expect((await outboxRows())[0]?.last_error).toBe("teams-not-configured");
  });
});

describe("startJobs", () => {
  it("a kick after commit delivers through pg-boss, and stop is clean", async () => {
    const config = cfg({ TRYGG_DEMO: "true" });
    const started = Date.now();
    const jobs = await startJobs(
      { config, database, logger: createRootLogger("silent"), clock: () => new Date() },
      { schedule: false, pollingIntervalSeconds: 30 },
    );
    const startMs = Date.now() - started;
    try {
      await db.transaction().execute((tx) =>
        enqueueNotification(tx, {
          recipientId: principal,
          template: "case.newReport",
          link: CASE_LINK,
        }),
      );
      const kicked = Date.now();
      jobs.kick("outbox.send");
      let captured = 0;
      while (captured === 0 && Date.now() - kicked < 15_000) {
        await new Promise((r) => setTimeout(r, 50));
        captured = (await db.selectFrom("captured_mail").select("id").execute()).length;
      }
      expect(captured).toBe(1);
      // Measured for the report: pg-boss start and kick-to-delivery latency.
      process.stdout.write(
        `jobs: start ${startMs} ms, kick to delivery ${Date.now() - kicked} ms\n`,
      );
    } finally {
      const stopping = Date.now();
      await jobs.stop();
      process.stdout.write(`jobs: stop ${Date.now() - stopping} ms\n`);
    }
    // A kick after stop is ignored, not an error.
    jobs.kick("outbox.send");
  });
});
