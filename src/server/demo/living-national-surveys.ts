// The living demo's national survey results: two school years of Elevundersøkelsen for the
// demo schools (Vg1–Vg3 and 8–10; all, girls, boys; the county and the country to
// compare with), written as a Skoleporten download and imported through the same use case
// as the CLI and the upload page. Deterministic from the seed and `now`.
import { syntheticSkoleportenFile } from "../../core/surveys/national/synthetic.ts";
import { importNationalSurvey } from "../surveys/national/import.ts";
import { DEMO_LOWER_SECONDARY_NAME, DEMO_UPPER_SECONDARY_NAME } from "./generate.ts";
import type { LivingDemoStep } from "./living.ts";

/**
 * The two latest school years whose results are out: the survey runs in November and Udir
 * publishes in the new year, so from February the autumn just gone is available.
 */
export function publishedSurveyYears(now: Date): [string, string] {
  const latestAutumn = now.getUTCMonth() >= 1 ? now.getUTCFullYear() - 1 : now.getUTCFullYear() - 2;
  const label = (y: number) => `${y}-${String((y + 1) % 100).padStart(2, "0")}`;
  return [label(latestAutumn - 1), label(latestAutumn)];
}

/** The demo schools and the trinn Elevundersøkelsen reports for each. */
const DEMO_SURVEY_SCHOOLS = [
  { name: DEMO_UPPER_SECONDARY_NAME, trinn: ["Vg1", "Vg2", "Vg3"], hide: "Vg3" },
  { name: DEMO_LOWER_SECONDARY_NAME, trinn: ["Trinn 8", "Trinn 9", "Trinn 10"], hide: "Trinn 8" },
];

export const nationalSurveysDemoStep: LivingDemoStep = {
  name: "national survey results",
  async run({ db, now, seed }) {
    for (const demo of DEMO_SURVEY_SCHOOLS) {
      const school = await db
        .selectFrom("school")
        .innerJoin("school_owner", "school_owner.id", "school.owner_id")
        .select(["school.id", "school.name", "school_owner.name as ownerName"])
        .where("school.name", "=", demo.name)
        .executeTakeFirst();
      if (!school) continue;
      const principal = await db
        .selectFrom("role_assignment")
        .select("person_id")
        .where("school_id", "=", school.id)
        .where("role", "=", "principal")
        .orderBy("person_id")
        .executeTakeFirst();
      const county = /fylkeskommune$/i.test(school.ownerName)
        ? school.ownerName
        : `${school.ownerName} fylkeskommune`;
      const text = syntheticSkoleportenFile({
        units: [
          { name: school.name, offset: -0.05 },
          { name: county, offset: 0.02 },
          { name: "Nasjonalt", offset: 0 },
        ],
        years: publishedSurveyYears(now),
        trinn: demo.trinn,
        seed,
        // Udir hides small groups: the demo shows how that looks.
        hide: { trinn: demo.hide, gender: "Gutter" },
      });
      const outcome = await importNationalSurvey(db, {
        schoolId: school.id,
        data: new TextEncoder().encode(text),
        actorId: principal?.person_id ?? null,
        now,
      });
      if (!outcome.ok) {
        throw new Error(`demo national survey import failed: ${outcome.errors[0]?.code}`);
      }
    }
  },
};
