// Issue #12, "mistimed": the default template puts World Mental Health Day in its own week,
// follows up Elevundersøkelsen only once its results exist, and keeps the §12-5 routine
// "straks" (at once), never a number of working days.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { isoDateOf, startOfIsoWeek } from "../calendar/iso-date.ts";
import { createSchoolYearCalendar, defaultSchoolYear } from "../calendar/school-year.ts";
import { schedulePlan } from "./schedule.ts";
import { parsePlanTemplate } from "./template.ts";

const here = path.dirname(fileURLToPath(import.meta.url));
const parsed = parsePlanTemplate(
  JSON.parse(
    fs.readFileSync(
      path.resolve(here, "../../../templates/action-plans/trygt-skolemiljo-akershus-vgs.nb.json"),
      "utf8",
    ),
  ),
);
if (!parsed.ok) throw new Error(JSON.stringify(parsed.error, null, 2));
const template = parsed.value;
const activities = template.content.parts.flatMap((part) => part.activities);

describe.each([2026, 2027, 2028])("the default template in school year %i", (year) => {
  const calendar = createSchoolYearCalendar(defaultSchoolYear(year));
  if (!calendar.ok) throw new Error(JSON.stringify(calendar.error));
  const result = schedulePlan(template.content, calendar.value);
  if (!result.ok) throw new Error(JSON.stringify(result.error, null, 2));
  const of = (id: string) => result.value.filter((o) => o.activityId === id);

  it("marks World Mental Health Day (10 October) in its own week, not by the end of October", () => {
    const tenth = isoDateOf(year, 10, 10);
    const [day, ...rest] = of("prev-mental-health-day");
    expect(rest).toEqual([]);
    expect(day).toBeDefined();
    expect((day?.dueOn ?? "9999") <= tenth).toBe(true);
    const weekOf10th = calendar.value.teachingDaysBetween(startOfIsoWeek(tenth), tenth);
    if (weekOf10th.length > 0) {
      expect(day?.dueOn).toBe(weekOf10th.at(-1));
    } else {
      // The autumn break covers that week: the school marks the day just before the break.
      const before = calendar.value.teachingDaysBetween(isoDateOf(year, 9, 1), tenth);
      expect(day?.dueOn).toBe(before.at(-1));
    }
  });

  it("follows up Elevundersøkelsen only after the survey month, once results can exist", () => {
    const survey = of("prev-pupil-survey");
    const followUps = of("prev-survey-follow-up");
    expect(followUps.length).toBeGreaterThan(0);
    // Results of the November survey reach schools in January/February (Udir), so the
    // follow-up starts in February: no check-in may open before the results exist.
    for (const followUp of followUps) {
      expect(followUp.windowStartsOn >= isoDateOf(year + 1, 2, 1)).toBe(true);
      expect(followUp.windowStartsOn > (survey[0]?.dueOn ?? "")).toBe(true);
    }
  });
});

describe("the §12-5 routine in the default template", () => {
  const staffKinds = new Set(["staff-violation", "leadership-violation"]);
  const section12_5 = activities.filter(
    (a) => a.timing.kind === "caseRoutine" && a.timing.caseKinds.every((k) => staffKinds.has(k)),
  );

  it("has the staff and leadership steps", () => {
    expect(section12_5.map((a) => a.id).sort()).toEqual([
      "duty-leadership-report",
      "duty-staff-measures",
      "duty-staff-notify-owner",
      "duty-staff-report",
    ]);
  });

  it("puts measures in place at once, never within a number of working days", () => {
    for (const activity of section12_5) {
      expect(activity.timing.kind === "caseRoutine" && activity.timing.deadline).toBe(
        "immediately",
      );
      expect(activity.deadlineText).toMatch(/^(straks|umiddelbart)$/i);
      expect(activity.deadlineText).not.toMatch(/virkedag/i);
    }
  });

  it("no step that covers a §12-5 case runs on the plan deadline", () => {
    for (const activity of activities) {
      if (activity.timing.kind !== "caseRoutine") continue;
      if (!activity.timing.caseKinds.some((k) => staffKinds.has(k))) continue;
      expect(activity.timing.deadline, activity.id).not.toBe("planDeadline");
      expect(activity.deadlineText, activity.id).not.toMatch(/virkedag/i);
    }
  });
});
