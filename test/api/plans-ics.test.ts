// Calendar feeds: RFC 5545 text (CRLF, folding at 75 octets, escaping, a UID per event, a
// DTSTAMP), a public school feed of the published plan, and a personal feed behind a secret,
// rotatable token that holds only the person's own tasks.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { escapeText, foldLine, renderCalendar } from "../../src/server/plans/ics.ts";
import { createTestApp, type TestApp, type TestClient } from "../support/app.ts";
import { personWithRole } from "../support/people.ts";
import { type PublishedPlan, publishDefaultPlan } from "./plans-setup.ts";

const octets = (s: string) => Buffer.byteLength(s, "utf8");
const unfold = (text: string) => text.replace(/\r\n /g, "");

/** Every physical line: at most 75 octets, ended by CRLF, no bare LF. */
function expectWellFormed(text: string) {
  expect(text.endsWith("\r\n")).toBe(true);
  expect(text.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
  for (const line of text.split("\r\n")) expect(octets(line)).toBeLessThanOrEqual(75);
}

describe("ics text", () => {
  it("escapes backslash, semicolon, comma and newlines", () => {
    expect(escapeText("a\\b;c,d\ne\r\nf")).toBe("a\\\\b\\;c\\,d\\ne\\nf");
  });

  it("folds at 75 octets without splitting a character, and unfolds to the original", () => {
    const line = `SUMMARY:${"Rullere makkerskapsgrupper i alle klasser og grupper – æøå ".repeat(6)}`;
    const folded = foldLine(line);
    for (const part of folded.split("\r\n")) expect(octets(part)).toBeLessThanOrEqual(75);
    expect(
      folded
        .split("\r\n")
        .slice(1)
        .every((p) => p.startsWith(" ")),
    ).toBe(true);
    expect(unfold(folded)).toBe(line);
    // Only whole characters: every piece is valid UTF-8 on its own.
    for (const part of folded.split("\r\n")) {
      expect(Buffer.from(part, "utf8").toString("utf8")).toBe(part);
      expect(part).not.toContain("\uFFFD");
    }
    const emoji = foldLine(`X:${"✓".repeat(60)}`);
    for (const part of emoji.split("\r\n")) expect(octets(part)).toBeLessThanOrEqual(75);
    expect(unfold(emoji)).toBe(`X:${"✓".repeat(60)}`);
  });

  it("renders a calendar with UID, DTSTAMP and all-day dates", () => {
    const text = renderCalendar({
      name: "Plan, test; æøå",
      now: new Date("2026-11-26T09:15:30.123Z"),
      events: [{ uid: "a@trygg", date: "2026-12-31" as never, summary: "Nyttår, snart" }],
    });
    expectWellFormed(text);
    const lines = unfold(text).split("\r\n");
    expect(lines[0]).toBe("BEGIN:VCALENDAR");
    expect(lines).toContain("VERSION:2.0");
    expect(lines).toContain("X-WR-CALNAME:Plan\\, test\\; æøå");
    expect(lines).toContain("UID:a@trygg");
    expect(lines).toContain("DTSTAMP:20261126T091530Z");
    expect(lines).toContain("DTSTART;VALUE=DATE:20261231");
    expect(lines).toContain("DTEND;VALUE=DATE:20270101");
    expect(lines).toContain("SUMMARY:Nyttår\\, snart");
  });
});

let t: TestApp;
let p: PublishedPlan;
const as: Record<string, TestClient> = {};
const ids: Record<string, string> = {};
let names: string[];

beforeAll(async () => {
  t = await createTestApp();
  p = await publishDefaultPlan(t);
  const db = t.database.db;
  const people: Record<string, string> = {
    contactTeacher: await personWithRole(db, "contactTeacher", { schoolId: p.schoolId }),
    pupil: await personWithRole(db, "pupil", { schoolId: p.schoolId }),
    guardian: await personWithRole(db, "guardian", { schoolId: p.schoolId }),
  };
  for (const [name, id] of Object.entries(people)) {
    ids[name] = id;
    as[name] = await t.as(id);
  }
  names = (await db.selectFrom("person").select(["given_name", "family_name"]).execute()).map(
    (x) => `${x.given_name} ${x.family_name}`,
  );
});
afterAll(() => t.close());

describe("the school feed", () => {
  it("is the published year wheel, well-formed, one UID per occurrence, no names", async () => {
    const res = await t.anonymous.get(`/api/public/schools/${p.schoolId}/plan.ics`);
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toContain("text/calendar");
    expectWellFormed(res.body);
    const text = unfold(res.body);
    const uids = text.split("\r\n").filter((l) => l.startsWith("UID:"));
    expect(uids.length).toBeGreaterThan(50);
    expect(new Set(uids).size).toBe(uids.length);
    expect(text.match(/BEGIN:VEVENT/g)?.length).toBe(uids.length);
    expect(text.match(/DTSTAMP:/g)?.length).toBe(uids.length);
    expect(text).toContain("SUMMARY:Gjennomføre klassens time");
    expect(text).toContain("Kontaktlærer");
    for (const name of names) expect(text).not.toContain(name);
  });

  it("answers 404 for a school without a published plan", async () => {
    expect(
      (await t.anonymous.get(`/api/public/schools/${p.otherSchoolId}/plan.ics`)).statusCode,
    ).toBe(404);
  });
});

describe("the personal feed", () => {
  let url: string;

  it("refuses pupils and guardians (no tasks to subscribe to)", async () => {
    for (const who of ["pupil", "guardian"]) {
      expect((await as[who]!.get("/api/me/plan-calendar")).statusCode, who).toBe(403);
      expect((await as[who]!.post("/api/me/plan-calendar")).statusCode, who).toBe(403);
    }
  });

  it("has no address until the person makes one", async () => {
    const res = await as.contactTeacher!.get("/api/me/plan-calendar");
    expect(res.json()).toEqual({ exists: false, createdAt: null });
  });

  it("gives a secret address that opens the person's own tasks without a session", async () => {
    const res = await as.contactTeacher!.post("/api/me/plan-calendar");
    expect(res.statusCode).toBe(200);
    url = res.json().url;
    expect(url).toMatch(/\/api\/public\/calendar\/[A-Za-z0-9_-]{43}\.ics$/);
    expect((await as.contactTeacher!.get("/api/me/plan-calendar")).json().exists).toBe(true);
    const stored = await t.database.db
      .selectFrom("plan_calendar_token")
      .select("token_hash")
      .executeTakeFirstOrThrow();
    expect(url).not.toContain(stored.token_hash);

    const feed = await t.anonymous.get(new URL(url).pathname);
    expect(feed.statusCode).toBe(200);
    expectWellFormed(feed.body);
    const text = unfold(feed.body);
    expect(text).toContain("SUMMARY:Gjennomføre klassens time (");
    const mine = await t.database.db
      .selectFrom("plan_task")
      .select("occurrence_id")
      .distinct()
      .where("person_id", "=", ids.contactTeacher!)
      .execute();
    const uids = text.split("\r\n").filter((l) => l.startsWith("UID:"));
    expect(uids.length).toBe(mine.length);
    for (const name of names) expect(text).not.toContain(name);
  });

  it("marks done tasks and never shows the note", async () => {
    const tasks = (
      await as.contactTeacher!.get(`/api/schools/${p.schoolId}/plan-tasks/mine`)
    ).json();
    const task = tasks.thisWeek[0];
    await as.contactTeacher!.post(`/api/plan-tasks/${task.id}/complete`, {
      note: "Hemmelig notat om klassen",
    });
    const text = unfold((await t.anonymous.get(new URL(url).pathname)).body);
    expect(text).toContain("SUMMARY:✓ ");
    expect(text).not.toContain("Hemmelig notat");
  });

  it("stops working when a new address is made, and when it is deleted", async () => {
    const old = new URL(url).pathname;
    const next = (await as.contactTeacher!.post("/api/me/plan-calendar")).json().url as string;
    expect(next).not.toBe(url);
    expect((await t.anonymous.get(old)).statusCode).toBe(404);
    expect((await t.anonymous.get(new URL(next).pathname)).statusCode).toBe(200);
    expect((await as.contactTeacher!.delete("/api/me/plan-calendar")).statusCode).toBe(204);
    expect((await t.anonymous.get(new URL(next).pathname)).statusCode).toBe(404);
  });

  it("answers 404 for made-up tokens", async () => {
    for (const token of ["x", "a".repeat(43), "../../etc/passwd"]) {
      const res = await t.anonymous.get(`/api/public/calendar/${encodeURIComponent(token)}.ics`);
      expect(res.statusCode, token).toBe(404);
    }
  });
});
