// The living demo's national survey step: two published school years for the upper secondary
// school, imported through the same use case as the CLI, the same every time.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { livingDemoSteps } from "../../src/server/demo/living.ts";
import {
  nationalSurveysDemoStep,
  publishedSurveyYears,
} from "../../src/server/demo/living-national-surveys.ts";
import type { DatabaseHandle } from "../../src/server/platform/db/database.ts";
import { createTestDatabase } from "../support/db.ts";

let database: DatabaseHandle;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

describe("living demo: national survey results", () => {
  it.each<[string, [string, string]]>([
    ["2026-12-07T10:00:00Z", ["2024-25", "2025-26"]],
    ["2027-01-15T10:00:00Z", ["2024-25", "2025-26"]],
    ["2027-02-01T10:00:00Z", ["2025-26", "2026-27"]],
  ])("at %s the published years are %j", (now, years) => {
    expect(publishedSurveyYears(new Date(now))).toEqual(years);
  });

  it("is in the list and imports Vg1–Vg3 and 8–10, three genders, school/county/national, two years", async () => {
    expect(livingDemoSteps).toContain(nationalSurveysDemoStep);
    const now = new Date("2026-12-07T10:00:00Z");
    await nationalSurveysDemoStep.run({ db: database.db, now, seed: 2026 });
    const rows = await database.db
      .selectFrom("national_survey_result")
      .innerJoin("school", "school.id", "national_survey_result.school_id")
      .select(["school_year", "trinn", "gender", "level", "hidden", "score"])
      .where("school.name", "=", "Demo videregående skole")
      .execute();
    expect(rows).toHaveLength(2 * 3 * 3 * 5 * 3);
    const lower = await database.db
      .selectFrom("national_survey_result")
      .innerJoin("school", "school.id", "national_survey_result.school_id")
      .select("trinn")
      .where("school.name", "=", "Demo ungdomsskole")
      .execute();
    expect(new Set(lower.map((r) => r.trinn))).toEqual(new Set(["8", "9", "10"]));
    expect(new Set(rows.map((r) => r.school_year))).toEqual(new Set(["2024-25", "2025-26"]));
    expect(new Set(rows.map((r) => r.trinn))).toEqual(new Set(["Vg1", "Vg2", "Vg3"]));
    expect(new Set(rows.map((r) => r.gender))).toEqual(new Set(["all", "female", "male"]));
    expect(new Set(rows.map((r) => r.level))).toEqual(new Set(["school", "county", "national"]));
    expect(rows.filter((r) => r.hidden)).toHaveLength(10);
    expect(rows.filter((r) => r.hidden).every((r) => r.score === null)).toBe(true);
    // Deterministic: the same seed and moment again change nothing.
    const before = JSON.stringify(rows.map((r) => r.score).sort());
    await nationalSurveysDemoStep.run({ db: database.db, now, seed: 2026 });
    const runs = await database.db.selectFrom("national_survey_import").select("counts").execute();
    // Two schools, two runs each: the first imports 270 values, the second changes nothing.
    expect(runs.map((r) => [r.counts.imported, r.counts.unchanged]).sort()).toEqual([
      [0, 270],
      [0, 270],
      [270, 0],
      [270, 0],
    ]);
    const after = await database.db
      .selectFrom("national_survey_result")
      .innerJoin("school", "school.id", "national_survey_result.school_id")
      .select("score")
      .where("school.name", "=", "Demo videregående skole")
      .execute();
    expect(JSON.stringify(after.map((r) => r.score).sort())).toBe(before);
  });
});
