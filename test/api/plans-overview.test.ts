// The leadership overview: completion by part, role and class, and the overdue list with
// who and which class; for the leadership and the school owner only, audited.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp, type TestClient } from "../support/app.ts";
import { personWithRole } from "../support/people.ts";
import { type PublishedPlan, publishDefaultPlan } from "./plans-setup.ts";

let t: TestApp;
let p: PublishedPlan;
const as: Record<string, TestClient> = {};
const ids: Record<string, string> = {};

beforeAll(async () => {
  t = await createTestApp();
  p = await publishDefaultPlan(t);
  const db = t.database.db;
  const people: Record<string, string> = {
    principal: p.principalId,
    deputy: await personWithRole(db, "deputy", { schoolId: p.schoolId }),
    departmentHead: await personWithRole(db, "departmentHead", { schoolId: p.schoolId }),
    contactTeacher: await personWithRole(db, "contactTeacher", { schoolId: p.schoolId }),
    counsellor: await personWithRole(db, "counsellor", { schoolId: p.schoolId }),
    pupil: await personWithRole(db, "pupil", { schoolId: p.schoolId }),
    otherPrincipal: await personWithRole(db, "principal", { schoolId: p.otherSchoolId }),
    areaDirector: await personWithRole(db, "areaDirector"),
  };
  for (const [name, id] of Object.entries(people)) {
    ids[name] = id;
    as[name] = await t.as(id);
  }
});
afterAll(() => t.close());

const url = () => `/api/schools/${p.schoolId}/plans/${p.planId}/overview`;

describe("the leadership overview", () => {
  it.each(["contactTeacher", "counsellor", "pupil", "otherPrincipal"])(
    "refuses %s",
    async (who) => {
      expect((await as[who]!.get(url())).statusCode).toBe(403);
    },
  );

  it.each(["principal", "deputy", "departmentHead", "areaDirector"])("shows %s", async (who) => {
    expect((await as[who]!.get(url())).statusCode).toBe(200);
  });

  it("updates when a contact teacher completes a task", async () => {
    const before = (await as.principal!.get(url())).json();
    expect(before.overall.done).toBe(0);
    expect(before.byPart.map((x: { partId: string }) => x.partId)).toEqual([
      "information",
      "prevention",
      "dutyToAct",
      "resources",
    ]);
    expect(before.byRole.map((x: { role: string }) => x.role)).toContain("contactTeacher");
    expect(before.byGroup.length).toBeGreaterThan(5);
    expect(before.byGroup[0].kind).toBe("class");

    const mine = (
      await as.contactTeacher!.get(`/api/schools/${p.schoolId}/plan-tasks/mine`)
    ).json();
    const task = mine.thisWeek[0];
    const done = await as.contactTeacher!.post(`/api/plan-tasks/${task.id}/complete`, {
      note: "Gjennomført.",
    });
    expect(done.statusCode).toBe(200);

    const after = (await as.principal!.get(url())).json();
    expect(after.overall.done).toBe(1);
    const prevention = after.byPart.find((x: { partId: string }) => x.partId === "prevention");
    expect(prevention.counts.done).toBe(1);
    const group = after.byGroup.find((g: { groupId: string }) => g.groupId === task.group.id);
    expect(group.counts.done).toBe(1);
  });

  it("lists overdue tasks with the person and class, oldest first, and audits the read", async () => {
    t.now.value = new Date("2026-12-09T09:00:00Z");
    try {
      const principal = await t.as(ids.principal!);
      const res = await principal.get(url());
      const body = res.json();
      expect(body.today).toBe("2026-12-09");
      expect(body.overdueTotal).toBeGreaterThan(0);
      expect(body.overall.overdue).toBe(body.overdueTotal);
      const first = body.overdue[0];
      expect(first.person.name).toMatch(/\S+ \S+/);
      expect(first.daysOverdue).toBeGreaterThan(0);
      const dates = body.overdue.map((o: { dueOn: string }) => o.dueOn);
      expect([...dates].sort()).toEqual(dates);
      expect(body.overdue.some((o: { group: unknown }) => o.group !== null)).toBe(true);
      expect(body.overall.completion).not.toBeNull();
    } finally {
      t.now.value = new Date("2026-11-26T09:00:00Z");
    }
    const audit = await t.database.db
      .selectFrom("audit_log")
      .select("actor_id")
      .where("action", "=", "plan.overview.read")
      .execute();
    expect(audit.map((a) => a.actor_id)).toContain(ids.principal);
  });
});
