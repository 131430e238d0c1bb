// The school's calendar feed shows the whole school year of the published plan, past days
// included: a school that publishes in December has no tasks for November (publishing never
// creates overdue tasks), yet its calendar still shows November's pupil survey.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../support/app.ts";
import { type PublishedPlan, publishDefaultPlan } from "./plans-setup.ts";

const unfold = (text: string) => text.replace(/\r\n /g, "");

let t: TestApp;
let p: PublishedPlan;
beforeAll(async () => {
  t = await createTestApp({}, { now: new Date("2026-12-10T09:00:00Z") });
  p = await publishDefaultPlan(t);
});
afterAll(() => t.close());

/** The events of a feed as { summary, date, uid }. */
function eventsOf(body: string) {
  return unfold(body)
    .split("BEGIN:VEVENT")
    .slice(1)
    .map((block) => ({
      summary: /SUMMARY:(.*)/.exec(block)?.[1] ?? "",
      date: /DTSTART;VALUE=DATE:(\d{8})/.exec(block)?.[1] ?? "",
      uid: /UID:(.*)/.exec(block)?.[1] ?? "",
    }));
}

describe("the school feed of a plan published in December", () => {
  it("stores no task for November's survey (nothing overdue is created)", async () => {
    const survey = await t.database.db
      .selectFrom("plan_occurrence")
      .select("due_on")
      .where("school_year_id", "=", p.schoolYearId)
      .where("activity_id", "=", "prev-pupil-survey")
      .execute();
    expect(survey).toEqual([]);
  });

  it("still shows November's survey, August's start and every later event, each once", async () => {
    const res = await t.anonymous.get(`/api/public/schools/${p.schoolId}/plan.ics`);
    expect(res.statusCode).toBe(200);
    const events = eventsOf(res.body);
    const survey = events.filter((e) => e.summary.startsWith("Gjennomføre elevundersøkelsen"));
    expect(survey.length).toBe(1);
    expect(survey[0]?.date.slice(0, 6)).toBe("202611");
    expect(events.some((e) => e.date.startsWith("202608"))).toBe(true);
    expect(events.some((e) => e.date >= "20261210")).toBe(true);
    expect(new Set(events.map((e) => e.uid)).size).toBe(events.length);
    // Past and stored occurrences do not overlap: one event per activity and day.
    const keys = events.map((e) => `${e.summary}@${e.date}`);
    expect(new Set(keys).size).toBe(keys.length);
  });
});
