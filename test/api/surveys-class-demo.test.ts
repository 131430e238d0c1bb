// The living demo's class survey: one finished survey with enough answers for results, made
// through the same use cases, the same from the same seed and moment.
import { describe, expect, it } from "vitest";
import { release, tally } from "../../src/core/surveys/class/suppression.ts";
import { STANDARD_TEMPLATE } from "../../src/core/surveys/class/template.ts";
import type { SurveyAnswer } from "../../src/core/surveys/class/types.ts";
import { addClassSurvey } from "../../src/server/demo/living-class-survey.ts";
import { createTestDatabase } from "../support/db.ts";

const NOW = new Date("2026-11-26T09:00:00Z");

async function run() {
  const database = await createTestDatabase();
  try {
    await addClassSurvey({ db: database.db, now: NOW, seed: 2026 });
    const surveys = await database.db.selectFrom("class_survey").selectAll().execute();
    const answers = await database.db.selectFrom("class_survey_answer").select("answer").execute();
    const respondents = await database.db
      .selectFrom("class_survey_respondent")
      .select("person_id")
      .execute();
    return { surveys, answers: answers.map((a) => a.answer as SurveyAnswer), respondents };
  } finally {
    await database.close();
  }
}

describe("the living demo's class survey", () => {
  it("is one closed template survey with results, the same for the same seed", async () => {
    const a = await run();
    expect(a.surveys).toHaveLength(1);
    const s = a.surveys[0]!;
    expect(new Date(s.closes_at).getTime()).toBeLessThan(NOW.getTime());
    expect(a.answers.length).toBeGreaterThanOrEqual(s.minimum_answers);
    expect(a.respondents.length).toBe(a.answers.length);
    const released = release(
      STANDARD_TEMPLATE,
      tally(STANDARD_TEMPLATE, a.answers),
      s.minimum_answers,
      false,
    );
    expect(released.shown).toBe(true);
    const b = await run();
    const sorted = (x: SurveyAnswer[]) => x.map((v) => JSON.stringify(v)).sort();
    expect(sorted(b.answers)).toEqual(sorted(a.answers));
    expect(b.surveys[0]?.study_group_id).toBe(s.study_group_id);
  }, 60_000);
});
