// Check-ins at the plan's evaluation date (issue #9, ADR 0117): the case tick opens them,
// only the pupil sees and answers their own, once; the answer lands in the case as the
// pupil's view and a "not safe" answer tells the team that the case needs them.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCaseTick } from "../../src/server/cases/tick.ts";
import { createTestApp, type TestApp, type TestClient } from "../support/app.ts";
import { demoSchools, personWithRole } from "../support/people.ts";

let t: TestApp;
let schoolId: string;
let otherSchoolId: string;
let principal: string;
let teacher: string;
let pupil: string;
let guardian: string;
let otherPupil: string;
let otherPrincipal: string;
let p: TestClient;
let caseId: string;

const TODAY = "2026-11-26"; // a Thursday
const EVALUATE_ON = "2026-12-10"; // a Thursday two weeks on

async function ok(res: { statusCode: number; body: string }, status = 200) {
  expect(res.statusCode, res.body).toBe(status);
}

const deps = () => ({ db: t.database.db, clock: () => t.now.value, config: t.config });

interface MyCheckIns {
  items: { id: string; schoolName: string; evaluateOn: string; closesOn: string }[];
}

async function checkInsOf(personId: string) {
  const res = await (await t.as(personId)).get("/api/me/check-ins");
  return res;
}

beforeAll(async () => {
  t = await createTestApp({}, { now: new Date(`${TODAY}T09:00:00Z`) });
  const db = t.database.db;
  const schools = await demoSchools(db);
  schoolId = schools.big.id;
  otherSchoolId = schools.small.id;
  principal = await personWithRole(db, "principal", { schoolId });
  otherPrincipal = await personWithRole(db, "principal", { schoolId: otherSchoolId });
  teacher = await personWithRole(db, "contactTeacher", { schoolId });
  const family = await db
    .selectFrom("guardianship as g")
    .innerJoin("role_assignment as r", "r.person_id", "g.pupil_id")
    .select(["g.guardian_id", "g.pupil_id"])
    .where("r.school_id", "=", schoolId)
    .where("r.role", "=", "pupil")
    .orderBy("g.pupil_id")
    .limit(2)
    .execute();
  pupil = family[0]?.pupil_id as string;
  guardian = family[0]?.guardian_id as string;
  otherPupil = await personWithRole(db, "pupil", { schoolId, index: 40 });
  p = await t.as(principal);

  const res = await p.post(`/api/schools/${schoolId}/cases`, {
    kind: "staff-concern",
    pupilIds: [pupil],
    description: "Eleven blir holdt utenfor i friminuttene.",
    placeKind: "schoolyard",
    timeOfDay: "break",
  });
  await ok(res, 201);
  caseId = (res.json() as { caseId: string }).caseId;
  await ok(await p.post(`/api/cases/${caseId}/acknowledge`));
  await ok(
    await p.post(`/api/cases/${caseId}/notes`, {
      kind: "conversation",
      occurredOn: TODAY,
      text: "Samtale med eleven.",
    }),
  );
  await ok(
    await p.post(`/api/cases/${caseId}/pupil-views`, {
      pupilId: pupil,
      heardOn: TODAY,
      words: "Jeg er alene i friminuttene.",
      feelsSafe: false,
    }),
  );
  await ok(await p.post(`/api/cases/${caseId}/best-interest`, { text: "Voksne til stede." }));
  await ok(await p.post(`/api/cases/${caseId}/team`, { personId: teacher }));
  await ok(
    await p.post(`/api/cases/${caseId}/plan`, {
      problem: "Eleven er alene i friminuttene.",
      evaluateOn: EVALUATE_ON,
      measures: [
        {
          id: "m1",
          description: "En voksen i skolegården i hvert friminutt.",
          startsOn: TODAY,
          responsiblePersonId: teacher,
        },
      ],
    }),
  );
});
afterAll(() => t.close());

describe("opening check-ins", () => {
  it("opens nothing before the window, then one per pupil, once (idempotent tick)", async () => {
    expect((await runCaseTick(deps())).checkInsOpened).toBe(0);
    expect(((await checkInsOf(pupil)).json() as MyCheckIns).items).toEqual([]);
    // Tuesday 8 December: two working days before Thursday 10 December.
    t.now.value = new Date("2026-12-08T07:00:00Z");
    // Sessions are days old now: log in again.
    p = await t.as(principal);
    expect((await runCaseTick(deps())).checkInsOpened).toBe(1);
    expect((await runCaseTick(deps())).checkInsOpened).toBe(0);
    const rows = await t.database.db
      .selectFrom("case_check_in")
      .selectAll()
      .where("case_id", "=", caseId)
      .execute();
    expect(rows).toHaveLength(1);
    const audit = await t.database.db
      .selectFrom("audit_log")
      .select("action")
      .where("resource_id", "=", caseId)
      .where("action", "=", "case.checkInOpened")
      .execute();
    expect(audit).toHaveLength(1);
  });

  it("the pupil sees their check-in with the school's name; the read is audited", async () => {
    const res = await checkInsOf(pupil);
    await ok(res);
    const items = (res.json() as MyCheckIns).items;
    expect(items).toEqual([
      expect.objectContaining({ evaluateOn: EVALUATE_ON, closesOn: "2026-12-24" }),
    ]);
    // Nothing of the case's content reaches the card.
    expect(res.body).not.toContain("friminutt");
    const reads = await t.database.db
      .selectFrom("audit_log")
      .select("action")
      .where("actor_id", "=", pupil)
      .where("action", "=", "case.checkInRead")
      .execute();
    expect(reads.length).toBeGreaterThan(0);
  });
});

describe("who may see and answer", () => {
  it("another pupil sees none and cannot answer it (not found)", async () => {
    const id = ((await checkInsOf(pupil)).json() as MyCheckIns).items[0]?.id as string;
    expect(((await checkInsOf(otherPupil)).json() as MyCheckIns).items).toEqual([]);
    const res = await (await t.as(otherPupil)).post(`/api/me/check-ins/${id}/answer`, {
      answer: "yes",
    });
    expect(res.statusCode).toBe(404);
  });

  it("the guardian, a teacher, the principal and another school's principal are refused", async () => {
    const id = ((await checkInsOf(pupil)).json() as MyCheckIns).items[0]?.id as string;
    for (const who of [guardian, teacher, principal, otherPrincipal]) {
      const c = await t.as(who);
      expect((await c.get("/api/me/check-ins")).statusCode, who).toBe(403);
      const res = await c.post(`/api/me/check-ins/${id}/answer`, { answer: "yes" });
      expect(res.statusCode, who).toBe(403);
    }
  });

  it("bad input is a translated 400 and changes nothing", async () => {
    const id = ((await checkInsOf(pupil)).json() as MyCheckIns).items[0]?.id as string;
    const c = await t.as(pupil);
    const res = await c.request({
      method: "POST",
      url: `/api/me/check-ins/${id}/answer`,
      payload: { answer: "maybe" },
      headers: { "accept-language": "en" },
    });
    expect(res.statusCode).toBe(400);
    expect(((await checkInsOf(pupil)).json() as MyCheckIns).items).toHaveLength(1);
  });
});

describe("answering", () => {
  it("a 'no' lands in the case as the pupil's view and tells the team (no content)", async () => {
    const id = ((await checkInsOf(pupil)).json() as MyCheckIns).items[0]?.id as string;
    const before = await t.database.db
      .selectFrom("outbox")
      .select(["recipient_id", "template", "link"])
      .where("template", "=", "case.checkInNotSafe")
      .execute();
    const res = await (await t.as(pupil)).post(`/api/me/check-ins/${id}/answer`, {
      answer: "no",
      words: "Det er fortsatt vondt i friminuttene.",
    });
    await ok(res);
    const view = (await p.get(`/api/cases/${caseId}`)).json() as {
      case: {
        pupilViews: {
          source: string;
          feelsSafe: boolean | null;
          words: string;
          checkInAnswer?: string;
          recordedBy: string;
        }[];
      };
    };
    expect(view.case.pupilViews.at(-1)).toMatchObject({
      source: "checkIn",
      feelsSafe: false,
      checkInAnswer: "no",
      words: "Det er fortsatt vondt i friminuttene.",
      recordedBy: pupil,
    });
    const after = await t.database.db
      .selectFrom("outbox")
      .select(["recipient_id", "template", "link"])
      .where("template", "=", "case.checkInNotSafe")
      .execute();
    const recipients = after.slice(before.length).map((n) => n.recipient_id);
    expect(recipients).toContain(principal);
    expect(recipients).toContain(teacher);
    expect(JSON.stringify(after)).not.toContain("vondt");
    // The pupil's list is empty now, and the audit row names the pupil as the actor.
    expect(((await checkInsOf(pupil)).json() as MyCheckIns).items).toEqual([]);
    const audit = await t.database.db
      .selectFrom("audit_log")
      .select(["actor_id", "detail"])
      .where("resource_id", "=", caseId)
      .where("action", "=", "case.checkInAnswered")
      .execute();
    expect(audit).toEqual([expect.objectContaining({ actor_id: pupil })]);
    expect(JSON.stringify(audit)).not.toContain("vondt");
  });

  it("answering twice is refused (409) and changes nothing", async () => {
    const row = await t.database.db
      .selectFrom("case_check_in")
      .select("id")
      .where("case_id", "=", caseId)
      .executeTakeFirstOrThrow();
    const views = async () =>
      ((await p.get(`/api/cases/${caseId}`)).json() as { case: { pupilViews: unknown[] } }).case
        .pupilViews.length;
    const count = await views();
    const res = await (await t.as(pupil)).post(`/api/me/check-ins/${row.id}/answer`, {
      answer: "yes",
    });
    expect(res.statusCode).toBe(409);
    expect(res.body).toContain("checkIn.alreadyAnswered");
    expect(await views()).toBe(count);
  });

  it("the not-safe answer blocks closing on the pupil feeling safe", async () => {
    const res = await p.post(`/api/cases/${caseId}/close`, { type: "pupilFeelsSafe" });
    expect(res.statusCode).toBeGreaterThanOrEqual(400);
  });
});

describe("the report's place and time of day", () => {
  it("are stored with the report and in the case file", async () => {
    const row = await t.database.db
      .selectFrom("case_report")
      .select(["place_kind", "time_of_day", "occurred_week"])
      .where("case_id", "=", caseId)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({
      place_kind: "schoolyard",
      time_of_day: "break",
      occurred_week: "2026-W48",
    });
    const file = await p.get(`/api/cases/${caseId}/export?format=json`);
    await ok(file);
    expect(file.body).toMatch(/"placeKind": "schoolyard",\s*"timeOfDay": "break"/);
  });

  it("refuses a place that is not on the list", async () => {
    const res = await p.post(`/api/schools/${schoolId}/cases`, {
      kind: "staff-concern",
      pupilIds: [pupil],
      description: "x",
      placeKind: "roof",
    });
    expect(res.statusCode).toBe(400);
  });
});
