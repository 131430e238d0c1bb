// Daily duties (ADR 0118): the social worker records "done today / not today" for their
// presence in common areas; a second save the same day corrects it; bad input is refused
// with a translated message and changes nothing; weekends are no school days; the
// leadership reads the record and the share per month (audited); everyone else is denied.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp, type TestClient } from "../support/app.ts";
import { personWithRole } from "../support/people.ts";
import { type PublishedPlan, publishDefaultPlan } from "./plans-setup.ts";

const DUTY = "duty-monitor-common-areas";
let t: TestApp;
let p: PublishedPlan;
const as: Record<string, TestClient> = {};
const ids: Record<string, string> = {};

beforeAll(async () => {
  // Thursday 26 November 2026, a school day.
  t = await createTestApp({}, { now: new Date("2026-11-26T09:00:00Z") });
  p = await publishDefaultPlan(t);
  const db = t.database.db;
  const people: Record<string, string> = {
    socialWorker: await personWithRole(db, "socialWorker", { schoolId: p.schoolId }),
    principal: p.principalId,
    deputy: await personWithRole(db, "deputy", { schoolId: p.schoolId }),
    contactTeacher: await personWithRole(db, "contactTeacher", { schoolId: p.schoolId }),
    pupil: await personWithRole(db, "pupil", { schoolId: p.schoolId }),
    otherPrincipal: await personWithRole(db, "principal", { schoolId: p.otherSchoolId }),
  };
  for (const [name, id] of Object.entries(people)) {
    ids[name] = id;
    as[name] = await t.as(id);
  }
});
afterAll(() => t.close());

/** Moves the clock, and logs everyone in again (sessions end after a long idle time). */
async function at(iso: string) {
  t.now.value = new Date(iso);
  for (const [name, id] of Object.entries(ids)) as[name] = await t.as(id);
}

const today = (who: string, body: unknown, schoolId = p.schoolId) =>
  as[who]!.put(`/api/schools/${schoolId}/plan-duties/${DUTY}/today`, body);

const rows = () =>
  t.database.db
    .selectFrom("plan_duty_record")
    .select(["day", "status", "places", "note", "person_id"])
    .orderBy("day")
    .execute();

describe("the social worker's daily duty", () => {
  it("is in the social worker's own list with the plan's places, not yet recorded", async () => {
    const res = await as.socialWorker!.get(`/api/schools/${p.schoolId}/plan-duties/mine`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      today: "2026-11-26",
      schoolDay: true,
      duties: [
        {
          activityId: DUTY,
          places: ["Kantina", "Aulaen", "Andre fellesområder"],
          today: null,
        },
      ],
    });
  });

  it("is nobody else's: a contact teacher's and the principal's lists are empty", async () => {
    for (const who of ["contactTeacher", "principal"]) {
      const res = await as[who]!.get(`/api/schools/${p.schoolId}/plan-duties/mine`);
      expect(res.statusCode, who).toBe(200);
      expect(res.json().duties, who).toEqual([]);
    }
  });

  it("records done today with the places, audited without the note", async () => {
    const res = await today("socialWorker", {
      status: "done",
      places: ["Aulaen", "Kantina"],
      note: "Rolig i kantina.",
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      day: "2026-11-26",
      status: "done",
      places: ["Kantina", "Aulaen"],
      note: "Rolig i kantina.",
      person: { id: ids.socialWorker },
    });
    const audit = await t.database.db
      .selectFrom("audit_log")
      .select(["action", "detail", "actor_id"])
      .where("action", "like", "plan.duty.%")
      .execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]?.actor_id).toBe(ids.socialWorker);
    expect(JSON.stringify(audit[0]?.detail)).not.toContain("Rolig");
  });

  it("is corrected the same day: one record, now 'not today' without a reason", async () => {
    const res = await today("socialWorker", { status: "notToday" });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: "notToday", places: [], note: null });
    expect(await rows()).toHaveLength(1);
    const actions = await t.database.db
      .selectFrom("audit_log")
      .select("action")
      .where("action", "like", "plan.duty.%")
      .orderBy("at")
      .execute();
    expect(actions.map((a) => a.action)).toEqual(["plan.duty.record", "plan.duty.correct"]);
  });

  it.each([
    ["done without a place", { status: "done", places: [] }, 400, "plan.duty.placesNeeded"],
    [
      "a place not in the plan",
      { status: "done", places: ["Taket"] },
      400,
      "plan.duty.placeUnknown",
    ],
    ["a long note", { status: "notToday", note: "x".repeat(281) }, 400, "plan.duty.noteTooLong"],
    ["an unknown status", { status: "maybe" }, 400, "validation.failed"],
  ])("refuses %s with a translated message and changes nothing", async (_n, body, status, code) => {
    const before = await rows();
    const res = await today("socialWorker", body);
    expect(res.statusCode).toBe(status);
    expect(res.json().code).toBe(code);
    expect(JSON.stringify(res.json())).toMatch(/"message":"[^"]+"/);
    expect(await rows()).toEqual(before);
  });

  it("denies everyone who does not hold the duty, and answers 404 for an unknown duty", async () => {
    const denied: string[] = [];
    for (const who of ["principal", "deputy", "contactTeacher", "pupil", "otherPrincipal"]) {
      const res = await today(who, { status: "done", places: ["Kantina"] });
      if (res.statusCode !== 403) denied.push(`${who}: ${res.statusCode}`);
    }
    expect(denied).toEqual([]);
    const unknown = await as.socialWorker!.put(
      `/api/schools/${p.schoolId}/plan-duties/no-such-duty/today`,
      { status: "notToday" },
    );
    expect(unknown.statusCode).toBe(404);
    // The other school has no published plan, so no duty there.
    const other = await today("socialWorker", { status: "notToday" }, p.otherSchoolId);
    expect(other.statusCode).toBe(404);
  });

  it("keeps yesterday's record as it was and starts a new one the next school day", async () => {
    await at("2026-11-27T08:00:00Z");
    const res = await today("socialWorker", { status: "done", places: ["Andre fellesområder"] });
    expect(res.statusCode).toBe(200);
    expect((await rows()).map((r) => [r.day, r.status])).toEqual([
      ["2026-11-26", "notToday"],
      ["2026-11-27", "done"],
    ]);
  });

  it("refuses a record on a Saturday, which is no school day", async () => {
    await at("2026-11-28T10:00:00Z");
    const mine = await as.socialWorker!.get(`/api/schools/${p.schoolId}/plan-duties/mine`);
    expect(mine.json().schoolDay).toBe(false);
    const res = await today("socialWorker", { status: "done", places: ["Kantina"] });
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe("plan.duty.notSchoolDay");
    expect(await rows()).toHaveLength(2);
  });
});

describe("the leadership's view of the record", () => {
  it("shows every day with who recorded it and the share of school days done per month", async () => {
    await at("2026-11-30T09:00:00Z");
    const res = await as.principal!.get(`/api/schools/${p.schoolId}/plan-duties`);
    expect(res.statusCode).toBe(200);
    const [duty] = res.json().duties;
    expect(duty.activityId).toBe(DUTY);
    expect(duty.records.map((r: { day: string }) => r.day)).toEqual(["2026-11-27", "2026-11-26"]);
    expect(duty.records[0].person.id).toBe(ids.socialWorker);
    const november = duty.months.find((m: { month: string }) => m.month === "2026-11");
    // November 2026 has 21 school days up to Monday the 30th; one done, one "not today".
    expect(november).toMatchObject({ schoolDays: 21, done: 1, notToday: 1, missing: 19 });
    expect(november.share).toBe(0.05);
    const audit = await t.database.db
      .selectFrom("audit_log")
      .select("actor_id")
      .where("action", "=", "plan.duty.records.read")
      .execute();
    expect(audit.map((a) => a.actor_id)).toEqual([ids.principal]);
  });

  it("is denied to the social worker, teachers, pupils and other schools' leaders", async () => {
    const wrong: string[] = [];
    for (const who of ["socialWorker", "contactTeacher", "pupil", "otherPrincipal"]) {
      const res = await as[who]!.get(`/api/schools/${p.schoolId}/plan-duties`);
      if (res.statusCode !== 403) wrong.push(`${who}: ${res.statusCode}`);
    }
    expect(wrong).toEqual([]);
    expect((await t.anonymous.get(`/api/schools/${p.schoolId}/plan-duties`)).statusCode).toBe(401);
  });
});
