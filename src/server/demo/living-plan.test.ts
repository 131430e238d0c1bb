// The living demo starts with the action plan published at the upper secondary school, made
// through the plan's own use cases: "Mine oppgaver", the public page and the calendar feed
// work on first start; the lower secondary school has no plan; running it twice adds nothing.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../../test/support/app.ts";
import { personWithRole } from "../../../test/support/people.ts";
import { livingDemoSteps } from "./living.ts";
import { type DemoPlanResult, publishDemoPlan } from "./living-plan.ts";

let t: TestApp;
let result: DemoPlanResult | null;
const now = new Date("2026-12-07T08:00:00Z");

beforeAll(async () => {
  t = await createTestApp({}, { now });
  result = await publishDemoPlan({ db: t.database.db, now, seed: 2026 });
});
afterAll(() => t.close());

describe("the demo's published plan", () => {
  it("is the first living demo step", () => {
    expect(livingDemoSteps[0]?.name).toBe("action plan published");
  });

  it("publishes version 1 for the current school year, with a year wheel and tasks", async () => {
    expect(result).not.toBeNull();
    const plan = await t.database.db
      .selectFrom("action_plan")
      .select(["status", "version", "school_year"])
      .where("id", "=", result?.planId ?? "")
      .executeTakeFirstOrThrow();
    expect(plan).toMatchObject({ status: "published", version: 1 });
    // Occurrences from today on, and a task for each role holder (measured: see the report).
    expect(result?.occurrences).toBeGreaterThan(50);
    expect(result?.tasks).toBeGreaterThan(result?.occurrences ?? 0);
    const audit = await t.database.db
      .selectFrom("audit_log")
      .select("action")
      .where("resource_id", "=", result?.planId ?? "")
      .execute();
    expect(audit.map((a) => a.action).sort()).toEqual(["plan.create", "plan.publish"]);
  });

  it("gives a contact teacher tasks, and opens the public page and the feed", async () => {
    const schoolId = result?.schoolId ?? "";
    const teacher = await t.as(await personWithRole(t.database.db, "contactTeacher", { schoolId }));
    const mine = await teacher.get(`/api/schools/${schoolId}/plan-tasks/mine`);
    expect(mine.statusCode).toBe(200);
    const body = mine.json() as { thisWeek: unknown[]; upcoming: unknown[] };
    expect(body.thisWeek.length + body.upcoming.length).toBeGreaterThan(0);
    expect((await t.anonymous.get(`/api/public/schools/${schoolId}/plan.ics`)).statusCode).toBe(
      200,
    );
    expect((await t.anonymous.get(`/public/schools/${schoolId}/plan`)).statusCode).toBe(200);
  });

  it("leaves the lower secondary school without a plan, and adds nothing a second time", async () => {
    const plans = await t.database.db
      .selectFrom("action_plan as p")
      .innerJoin("school as s", "s.id", "p.school_id")
      .select("s.external_id")
      .execute();
    expect(plans.map((p) => p.external_id)).toEqual(["demo-vgs"]);
    expect(await publishDemoPlan({ db: t.database.db, now, seed: 2026 })).toBeNull();
  });
});
