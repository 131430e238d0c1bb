// The living demo's class survey (issue #9): one finished survey from the built-in template in
// one demo class, started by its contact teacher a week ago and answered by most of the class
// through the same use cases pupils use. Answers come from the demo seed, so the same seed and
// `now` give the same results.
import type { SurveyAnswer } from "../../core/surveys/class/types.ts";
import { answerAsPupil } from "../surveys/class/answer.ts";
import { startSurvey } from "../surveys/class/start.ts";
import type { LivingDemoContext, LivingDemoStep } from "./living.ts";
import { createRng, deriveSeed } from "./random.ts";

const DAY = 24 * 60 * 60 * 1000;

function answerFor(rng: ReturnType<typeof createRng>): SurveyAnswer {
  const bullied = rng.weighted([
    ["never", 70],
    ["onceOrTwice", 20],
    ["severalMonthly", 7],
    ["weekly", 3],
  ] as const);
  const places = ["classroom", "corridor", "canteen", "toilets", "wayToSchool", "online", "other"];
  const answer: Record<string, SurveyAnswer[string]> = {
    wellbeing: rng.weighted([
      [5, 30],
      [4, 40],
      [3, 20],
      [2, 7],
      [1, 3],
    ] as const),
    breaks: rng.weighted([
      ["yes", 80],
      ["sometimes", 15],
      ["no", 5],
    ] as const),
    bullied,
    safeWay: rng.weighted([
      [5, 45],
      [4, 35],
      [3, 12],
      [2, 5],
      [1, 3],
    ] as const),
  };
  if (bullied !== "never") {
    answer.where = places.filter(() => rng.chance(0.3));
  }
  return answer;
}

export async function addClassSurvey(ctx: LivingDemoContext): Promise<void> {
  const rng = createRng(deriveSeed(ctx.seed, "living-class-survey"));
  // The first class (by name) with a contact teacher and enough pupils for results.
  const candidates = await ctx.db
    .selectFrom("role_assignment as r")
    .innerJoin("study_group as g", "g.id", "r.group_id")
    .innerJoin("school as s", "s.id", "g.school_id")
    .select(["r.person_id", "g.id as group_id", "g.name", "s.id as school_id", "s.owner_id"])
    .where("r.role", "=", "contactTeacher")
    .where("g.kind", "=", "class")
    .execute();
  candidates.sort(
    (a, b) => a.name.localeCompare(b.name, "nb") || a.group_id.localeCompare(b.group_id),
  );
  for (const c of candidates) {
    const pupils = await ctx.db
      .selectFrom("group_membership")
      .select("person_id")
      .where("group_id", "=", c.group_id)
      .where("member_role", "=", "pupil")
      .orderBy("person_id")
      .execute();
    if (pupils.length < 14) continue;
    const opensAt = new Date(ctx.now.getTime() - 7 * DAY);
    const started = await startSurvey(
      ctx.db,
      {
        schoolId: c.school_id,
        ownerId: c.owner_id,
        actor: { personId: c.person_id, grants: [] },
        requestId: "demo",
        now: opensAt,
        lang: "nb",
        secret: "",
      },
      {
        groupId: c.group_id,
        title: "Miljøundersøkelse",
        template: true,
        durationMinutes: 45,
        classCode: false,
      },
    );
    const answering = rng.shuffled(pupils).slice(0, pupils.length - rng.int(1, 3));
    for (const [i, p] of answering.entries()) {
      await answerAsPupil(
        ctx.db,
        { personId: p.person_id, now: new Date(opensAt.getTime() + (i + 1) * 60_000), lang: "nb" },
        started.id,
        answerFor(rng),
      );
    }
    return;
  }
}

export const classSurveyStep: LivingDemoStep = {
  name: "class survey",
  run: addClassSurvey,
};
