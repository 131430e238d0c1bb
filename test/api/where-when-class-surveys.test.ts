// "Where and when" also counts the places pupils name in class surveys (issue #9): from a
// closed survey that reached its minimum, in the week it opened, as plain items without any
// class, pupil or answer id.
import { describe, expect, it } from "vitest";
import { osloDateOf } from "../../src/core/calendar/iso-date.ts";
import { periodOf } from "../../src/core/surveys/where-when/where-when.ts";
import { addClassSurvey } from "../../src/server/demo/living-class-survey.ts";
import { classSurveyPlaceItems } from "../../src/server/surveys/where-when/items.ts";
import { createTestDatabase } from "../support/db.ts";

const NOW = new Date("2026-11-26T09:00:00Z");

describe("class survey places in where and when", () => {
  it("counts each place an answer names, once, in the survey's opening week", async () => {
    const database = await createTestDatabase();
    try {
      const db = database.db;
      await addClassSurvey({ db, now: NOW, seed: 2026 });
      const survey = await db
        .selectFrom("class_survey")
        .select(["school_id", "opens_at"])
        .executeTakeFirstOrThrow();
      const answers = await db.selectFrom("class_survey_answer").select("answer").execute();
      const named = answers.flatMap((a) => {
        const where = (a.answer as Record<string, unknown>).where;
        return Array.isArray(where) ? where : [];
      });
      const period = periodOf(osloDateOf(new Date(survey.opens_at)));
      const items = await classSurveyPlaceItems(db, survey.school_id, period, NOW);
      expect(items).toHaveLength(named.length);
      expect(new Set(items.map((i) => i.source))).toEqual(
        named.length > 0 ? new Set(["classSurvey"]) : new Set(),
      );
      expect(new Set(items.map((i) => i.week)).size).toBeLessThanOrEqual(1);
      for (const item of items)
        expect(Object.keys(item).sort()).toEqual(["place", "source", "timeOfDay", "week"]);
      // Before the survey closed, nothing counts.
      const early = await classSurveyPlaceItems(
        db,
        survey.school_id,
        period,
        new Date(survey.opens_at),
      );
      expect(early).toEqual([]);
    } finally {
      await database.close();
    }
  });
});
