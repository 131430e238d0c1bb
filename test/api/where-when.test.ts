// "Hvor og når" (issue #9, ADR 0117): the places and times given in reports, counted for the
// leadership and pupil services, above the threshold only; nobody else gets them.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PLACES } from "../../src/core/surveys/where-when/where-when.ts";
import { createTestApp, type TestApp } from "../support/app.ts";
import { demoSchools, personWithRole } from "../support/people.ts";

let t: TestApp;
let schoolId: string;
let otherSchoolId: string;
const who: Record<string, string> = {};

interface View {
  k: number;
  items: number | null;
  period: string;
  periods: string[];
  byWeek: { cells: (number | null)[][]; rowTotals: (number | null)[]; total: number | null };
  byTimeOfDay: { cells: (number | null)[][]; rowTotals: (number | null)[] };
}

beforeAll(async () => {
  t = await createTestApp({}, { now: new Date("2026-11-26T09:00:00Z") });
  const db = t.database.db;
  const schools = await demoSchools(db);
  schoolId = schools.big.id;
  otherSchoolId = schools.small.id;
  for (const role of ["principal", "deputy", "counsellor", "socialWorker", "contactTeacher"]) {
    who[role] = await personWithRole(db, role, { schoolId });
  }
  who.pupil = await personWithRole(db, "pupil", { schoolId });
  who.guardian = await personWithRole(db, "guardian", { schoolId });
  who.otherPrincipal = await personWithRole(db, "principal", { schoolId: otherSchoolId });
  who.ownerOfficer = await personWithRole(db, "ownerCaseOfficer", { ownerId: schools.big.ownerId });
  const teacher = await t.as(who.contactTeacher as string);
  const pupils = await db
    .selectFrom("role_assignment")
    .select("person_id")
    .where("school_id", "=", schoolId)
    .where("role", "=", "pupil")
    .orderBy("person_id")
    .limit(15)
    .execute();
  // Twelve in the schoolyard in breaks, three in the toilets: the toilets stay hidden.
  for (const [i, row] of pupils.entries()) {
    const res = await teacher.post(`/api/schools/${schoolId}/cases`, {
      kind: "staff-concern",
      pupilIds: [row.person_id],
      description: "Syntetisk melding.",
      occurredOn: i % 2 === 0 ? "2026-11-23" : "2026-11-24",
      placeKind: i < 12 ? "schoolyard" : "toilets",
      timeOfDay: i < 12 ? "break" : "lessons",
    });
    expect(res.statusCode, res.body).toBe(201);
  }
});
afterAll(() => t.close());

describe("who reads where and when", () => {
  it.each(["principal", "deputy", "counsellor", "socialWorker"])("%s may", async (role) => {
    const res = await (await t.as(who[role] as string)).get(`/api/schools/${schoolId}/where-when`);
    expect(res.statusCode, res.body).toBe(200);
  });

  it.each(["contactTeacher", "pupil", "guardian", "otherPrincipal", "ownerOfficer"])(
    "%s may not",
    async (role) => {
      const res = await (await t.as(who[role] as string)).get(
        `/api/schools/${schoolId}/where-when`,
      );
      expect(res.statusCode).toBe(403);
      expect(res.body).not.toContain("schoolyard");
    },
  );

  it("an unknown school is not found, a made-up period a 400", async () => {
    const c = await t.as(who.principal as string);
    expect(
      (await c.get("/api/schools/00000000-0000-4000-8000-000000000000/where-when")).statusCode,
    ).toBe(404);
    expect((await c.get(`/api/schools/${schoolId}/where-when?period=2026-01`)).statusCode).toBe(
      400,
    );
  });
});

describe("what they see", () => {
  it("counts above the threshold, hides the small group, and audits the read", async () => {
    const res = await (await t.as(who.principal as string)).get(
      `/api/schools/${schoolId}/where-when?period=2026-autumn`,
    );
    const v = res.json() as View;
    expect(v.period).toBe("2026-autumn");
    expect(v.periods[0]).toBe("2026-autumn");
    expect(v.k).toBe(10);
    expect(v.items).toBe(15);
    const toilets = PLACES.indexOf("toilets");
    expect(v.byWeek.rowTotals[toilets]).toBeNull();
    expect(v.byWeek.cells[toilets]?.filter((x) => x !== null && x > 0)).toEqual([]);
    expect(v.byTimeOfDay.rowTotals[toilets]).toBeNull();
    // The three can be found nowhere: not as a cell, not as a total minus the yard's.
    expect(JSON.stringify(v)).not.toMatch(/[^0-9]3[^0-9]/);
    const audit = await t.database.db
      .selectFrom("audit_log")
      .select("detail")
      .where("actor_id", "=", who.principal as string)
      .where("action", "=", "whereWhen.read")
      .execute();
    expect(audit.length).toBeGreaterThan(0);
  });

  it("another period holds nothing yet", async () => {
    const res = await (await t.as(who.principal as string)).get(
      `/api/schools/${schoolId}/where-when?period=2026-spring`,
    );
    expect((res.json() as View).items).toBeNull();
  });
});
