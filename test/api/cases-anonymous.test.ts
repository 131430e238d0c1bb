// The two-way conversation with a pupil who said ifra without a name: the school answers in
// the case, the pupil reads the answers and writes back with the receipt code alone. Proves
// the denials (other roles, other school, outsiders, named reports, closed cases), that
// nothing identifying the pupil is stored (no person, no request id, no access-log line with
// their address), that every step is audited without content, and the rate limit.
import { Writable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { features } from "../../src/server/features.ts";
import { loadConfig } from "../../src/server/platform/config.ts";
import { buildApp } from "../../src/server/platform/http/app.ts";
import { createRootLogger } from "../../src/server/platform/logging.ts";
import { createTestApp, type TestApp } from "../support/app.ts";
import { createTestDatabase } from "../support/db.ts";
import { demoSchools, personWithRole } from "../support/people.ts";

let t: TestApp;
let schoolId: string;
let principal: string;
let deputy: string;
let teacher: string;
let socialWorker: string;
let officer: string;
let otherPrincipal: string;
let pupil: string;

const SECRET = "Syntetisk hemmelighet fra eleven";

interface Receipt {
  status: string;
  open: boolean;
  messages: { id: string; from: "school" | "reporter"; text: string; at: string }[];
}

// Each pupil writes from their own address, so the per-address rate limits of one test do
// not spill into the next.
let address = 10;
const pupilAt = () => `198.51.100.${address++}`;

/** Posts as the code holder from `from` (the routes are public: no session). */
function asPupil(from: string, url: string, payload: unknown) {
  return t.anonymous.request({
    method: "POST",
    url,
    payload: payload as Record<string, unknown>,
    remoteAddress: from,
  });
}

/** Files an anonymous report; returns its code, case id and report id. */
async function anonymousReport() {
  const res = await asPupil(pupilAt(), `/api/public/schools/${schoolId}/si-ifra`, {
    description: "Jeg blir holdt utenfor i friminuttene.",
  });
  expect(res.statusCode).toBe(201);
  const { receiptCode } = res.json() as { receiptCode: string };
  const row = await t.database.db
    .selectFrom("case_report")
    .select(["id", "case_id"])
    .where("receipt_code_hash", "is not", null)
    .orderBy("reported_at", "desc")
    .orderBy("id")
    .execute();
  // The newest report whose code matches: ask the receipt route, which is what the pupil has.
  for (const r of row) {
    const stored = await t.database.db
      .selectFrom("school_case")
      .select("version")
      .where("id", "=", r.case_id)
      .executeTakeFirstOrThrow();
    if (stored.version === 1) return { code: receiptCode, caseId: r.case_id, reportId: r.id };
  }
  throw new Error("no fresh anonymous case");
}

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  const schools = await demoSchools(db);
  schoolId = schools.big.id;
  principal = await personWithRole(db, "principal", { schoolId });
  deputy = await personWithRole(db, "deputy", { schoolId });
  teacher = await personWithRole(db, "contactTeacher", { schoolId });
  socialWorker = await personWithRole(db, "socialWorker", { schoolId });
  officer = await personWithRole(db, "ownerCaseOfficer", { ownerId: schools.big.ownerId });
  otherPrincipal = await personWithRole(db, "principal", { schoolId: schools.small.id });
  pupil = await personWithRole(db, "pupil", { schoolId });
});
afterAll(() => t.close());

describe("two-way follow-up of an anonymous report", () => {
  it("the school answers, the pupil reads and writes back with the code, the school sees it", async () => {
    const { code, caseId, reportId } = await anonymousReport();
    const lead = await t.as(principal);
    expect((await lead.post(`/api/cases/${caseId}/acknowledge`)).statusCode).toBe(200);

    const reply = await lead.post(`/api/cases/${caseId}/reporter-messages`, {
      reportId,
      text: "Takk for at du sa ifra. Vil du fortelle hvem som holder deg utenfor?",
    });
    expect(reply.statusCode).toBe(200);
    const view = reply.json() as {
      case: { reporterMessages: unknown[] };
      can: Record<string, boolean>;
    };
    expect(view.case.reporterMessages).toHaveLength(1);
    expect(view.can.replyToReporter).toBe(true);

    const read = await asPupil(pupilAt(), "/api/public/receipts", { code });
    expect(read.statusCode).toBe(200);
    const receipt = read.json() as Receipt;
    expect(receipt).toMatchObject({ status: "acknowledged", open: true });
    expect(receipt.messages.map((m) => m.from)).toEqual(["school"]);
    // The pupil is not told who at the school wrote.
    expect(JSON.stringify(receipt)).not.toContain(principal);

    const back = await asPupil(pupilAt(), "/api/public/receipts/messages", {
      code: code.toLowerCase().replace(/-/g, " "),
      text: SECRET,
    });
    expect(back.statusCode).toBe(201);
    expect((back.json() as Receipt).messages.map((m) => m.from)).toEqual(["school", "reporter"]);

    const seen = await lead.get(`/api/cases/${caseId}`);
    const c = (seen.json() as { case: { reporterMessages: Record<string, unknown>[] } }).case;
    expect(c.reporterMessages[1]).toMatchObject({ from: "reporter", by: null, text: SECRET });
    const timeline = (seen.json() as { timeline: { type: string; actorId: string | null }[] })
      .timeline;
    expect(timeline.map((e) => e.type)).toEqual(
      expect.arrayContaining(["case.reporterReplied", "case.reporterWrote"]),
    );

    // The conversation is part of the case file for Statsforvalteren.
    const json = await lead.get(`/api/cases/${caseId}/export?format=json`);
    expect(json.statusCode).toBe(200);
    expect(json.body).toContain(SECRET);
    const pdf = await lead.get(`/api/cases/${caseId}/export?format=pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe("%PDF-");

    // Principal and deputy hear that there is something new, never what.
    for (const who of [principal, deputy]) {
      const rows = await t.database.db
        .selectFrom("outbox")
        .select(["template", "link"])
        .where("recipient_id", "=", who)
        .where("template", "=", "case.reporterWrote")
        .execute();
      expect(rows.some((r) => r.link === `/cases/${caseId}`)).toBe(true);
      expect(JSON.stringify(rows)).not.toContain(SECRET);
    }
  });

  it("stores nothing that identifies the pupil and audits every step without content", async () => {
    const { code, caseId, reportId } = await anonymousReport();
    const lead = await t.as(principal);
    await lead.post(`/api/cases/${caseId}/acknowledge`);
    await lead.post(`/api/cases/${caseId}/reporter-messages`, { reportId, text: "Hei!" });
    await asPupil(pupilAt(), "/api/public/receipts", { code });
    await asPupil(pupilAt(), "/api/public/receipts/messages", { code, text: SECRET });

    const audit = await t.database.db
      .selectFrom("audit_log")
      .select(["action", "actor_id", "request_id", "detail"])
      .where("resource_id", "=", caseId)
      .execute();
    const pupilSide = audit.filter((a) =>
      ["case.reported", "case.reporterWrote", "case.receiptRead"].includes(a.action),
    );
    expect(pupilSide.map((a) => a.action)).toEqual(
      expect.arrayContaining(["case.reported", "case.reporterWrote", "case.receiptRead"]),
    );
    for (const a of pupilSide) {
      expect(a.actor_id).toBeNull();
      expect(a.request_id).toBeNull();
    }
    const replied = audit.find((a) => a.action === "case.reporterReplied");
    expect(replied?.actor_id).toBe(principal);
    expect(JSON.stringify(audit)).not.toContain(SECRET);
    expect(JSON.stringify(audit)).not.toContain("Hei!");

    const events = await t.database.db
      .selectFrom("case_event")
      .select(["actor_id", "data", "type"])
      .where("case_id", "=", caseId)
      .execute();
    expect(events.find((e) => e.type === "case.reporterWrote")?.actor_id).toBe("anonymous");
    expect(JSON.stringify(events)).not.toContain(SECRET);

    // Nothing in the stored case names a person for the pupil's side.
    const stored = await t.database.db
      .selectFrom("school_case")
      .select("state")
      .where("id", "=", caseId)
      .executeTakeFirstOrThrow();
    const state = stored.state as { reporterMessages: { from: string; by: string | null }[] };
    expect(state.reporterMessages.filter((m) => m.from === "reporter").map((m) => m.by)).toEqual([
      null,
    ]);
  });

  it("only the case's leads and team may answer; everyone else is refused and nothing changes", async () => {
    const { caseId, reportId } = await anonymousReport();
    const lead = await t.as(principal);
    await lead.post(`/api/cases/${caseId}/acknowledge`);
    const body = { reportId, text: "Hei fra skolen." };
    const url = `/api/cases/${caseId}/reporter-messages`;

    expect((await t.anonymous.post(url, body)).statusCode).toBe(401);
    for (const who of [teacher, officer, otherPrincipal, pupil]) {
      expect({ who, status: (await (await t.as(who)).post(url, body)).statusCode }).toEqual({
        who,
        status: 404,
      });
    }
    // Added to the team, the social worker may answer; so may the deputy.
    await lead.post(`/api/cases/${caseId}/team`, { personId: socialWorker });
    expect((await (await t.as(socialWorker)).post(url, body)).statusCode).toBe(200);
    expect((await (await t.as(deputy)).post(url, body)).statusCode).toBe(200);
    const state = (await lead.get(`/api/cases/${caseId}`)).json() as {
      case: { reporterMessages: { by: string }[] };
    };
    expect(state.case.reporterMessages.map((m) => m.by)).toEqual([socialWorker, deputy]);
  });

  it("refuses bad input with a translated 400, a named report with 409, and changes nothing", async () => {
    const { caseId, reportId } = await anonymousReport();
    const lead = await t.as(principal);
    await lead.post(`/api/cases/${caseId}/acknowledge`);
    const url = `/api/cases/${caseId}/reporter-messages`;
    const blank = await lead.request({
      method: "POST",
      url,
      payload: { reportId, text: "  " },
      headers: { "accept-language": "en" },
    });
    expect(blank.statusCode).toBe(400);
    const unknown = await lead.post(url, {
      reportId: "00000000-0000-4000-8000-000000000000",
      text: "Hei.",
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json()).toMatchObject({ caseCode: "message.unknownReport" });

    // A case from a named reporter has no conversation by code.
    const named = await (await t.as(teacher)).post(`/api/schools/${schoolId}/cases`, {
      kind: "staff-concern",
      pupilIds: [pupil],
      description: "Saw a pupil pushed in the hallway.",
    });
    const namedReport = await t.database.db
      .selectFrom("case_report")
      .select(["id", "case_id"])
      .where("id", "=", (named.json() as { reportId: string }).reportId)
      .executeTakeFirstOrThrow();
    await lead.post(`/api/cases/${namedReport.case_id}/acknowledge`);
    const refused = await lead.post(`/api/cases/${namedReport.case_id}/reporter-messages`, {
      reportId: namedReport.id,
      text: "Hei.",
    });
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({ caseCode: "message.notAnonymous" });

    const after = (await lead.get(`/api/cases/${caseId}`)).json() as {
      case: { reporterMessages: unknown[]; version: number };
    };
    expect(after.case.reporterMessages).toEqual([]);

    // The pupil's side: an unknown code is a 404, an empty text a 400.
    const wrong = await asPupil(pupilAt(), "/api/public/receipts/messages", {
      code: "AAAA-BBBB-CCCC",
      text: "Hei.",
    });
    expect(wrong.statusCode).toBe(404);
  });

  it("a closed case is archived read-only: the pupil reads the conversation but cannot write", async () => {
    const { code, caseId, reportId } = await anonymousReport();
    const lead = await t.as(principal);
    await lead.post(`/api/cases/${caseId}/acknowledge`);
    await lead.post(`/api/cases/${caseId}/reporter-messages`, { reportId, text: "Hei." });
    await lead.post(`/api/cases/${caseId}/notes`, {
      kind: "other",
      occurredOn: (await lead.get(`/api/cases/${caseId}`)).json().case.learnedOn,
      text: "Eleven har skrevet at alt er bra nå, og vil ikke si hvem hen er.",
    });
    const closed = await lead.post(`/api/cases/${caseId}/close`, {
      type: "other",
      reason: "Eleven har skrevet at alt er bra nå.",
      confirmed: true,
    });
    expect(closed.statusCode).toBe(200);
    const receipt = (await asPupil(pupilAt(), "/api/public/receipts", { code })).json() as Receipt;
    expect(receipt.open).toBe(false);
    expect(receipt.messages).toHaveLength(1);
    const write = await asPupil(pupilAt(), "/api/public/receipts/messages", { code, text: "Hei?" });
    expect(write.statusCode).toBe(409);
    expect(write.json()).toMatchObject({ caseCode: "case.closed" });
    const answer = await lead.post(`/api/cases/${caseId}/reporter-messages`, {
      reportId,
      text: "Hei igjen.",
    });
    expect(answer.statusCode).toBe(409);
    expect(answer.json()).toMatchObject({ caseCode: "case.closed" });
  });

  it("rate-limits the pupil's messages", async () => {
    const { code } = await anonymousReport();
    const statuses: number[] = [];
    const from = pupilAt();
    for (let i = 0; i < 8; i++) {
      const res = await asPupil(from, "/api/public/receipts/messages", { code, text: "Hei." });
      statuses.push(res.statusCode);
    }
    expect(statuses).toContain(429);
  });
});

describe("the anonymous routes keep no access log", () => {
  it("writes no request log line (no address, no time) for si-ifra, receipts and messages", async () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk, _enc, done) {
        lines.push(String(chunk));
        done();
      },
    });
    const config = loadConfig({ NODE_ENV: "test", TRYGG_DATA_DIR: ".tmp/test-data" });
    const database = await createTestDatabase();
    const app = await buildApp(
      {
        config,
        database,
        clock: () => new Date("2026-11-26T09:00:00Z"),
        logger: createRootLogger("info", sink),
      },
      features,
    );
    await app.ready();
    try {
      const schools = await demoSchools(database.db);
      const filed = await app.inject({
        method: "POST",
        url: `/api/public/schools/${schools.big.id}/si-ifra`,
        payload: { description: "Jeg har det ikke bra." },
        remoteAddress: "203.0.113.77",
        headers: { "x-csrf-token": "anonymous" },
      });
      expect(filed.statusCode).toBe(201);
      const { receiptCode } = filed.json() as { receiptCode: string };
      for (const url of ["/api/public/receipts", "/api/public/receipts/messages"]) {
        const res = await app.inject({
          method: "POST",
          url,
          payload: { code: receiptCode, text: "Hei." },
          remoteAddress: "203.0.113.77",
          headers: { "x-csrf-token": "anonymous" },
        });
        expect(res.statusCode).toBeLessThan(300);
      }
      expect(lines.join("")).not.toContain("203.0.113.77");
      expect(lines.join("")).not.toContain("/api/public/receipts");
      // The control: an ordinary route does log its request with the caller's address.
      await app.inject({
        method: "GET",
        url: "/api/public/schools",
        remoteAddress: "203.0.113.78",
      });
      expect(lines.join("")).toContain("203.0.113.78");
    } finally {
      await app.close();
      await database.close();
    }
  });
});
