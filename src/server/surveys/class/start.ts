// Starting a class survey: the template or the teacher's own questions, for a class or
// teaching group, open from now for a lesson to two weeks, with K frozen from the owner's
// setting and, if asked, a class code. One transaction with its audit row.
import { z } from "zod";
import {
  checkDuration,
  definitionFor,
  type OwnQuestionInput,
} from "../../../core/surveys/class/validate.ts";
import { appendAudit } from "../../platform/audit.ts";
import type { Db } from "../../platform/db/database.ts";
import { AppError, notFound } from "../../platform/errors.ts";
import { invalidInput, type Problem } from "../../schools/input.ts";
import { issueCode } from "./codes.ts";
import type { SurveyContext } from "./context.ts";
import { pupilCount } from "./store.ts";

export const startInput = z.object({
  groupId: z.uuid(),
  title: z.string().trim().min(1).max(200),
  template: z.boolean(),
  questions: z
    .array(
      z.object({
        kind: z.string().max(20),
        text: z.string().max(2000),
        options: z.array(z.string().max(500)).max(20).optional(),
      }),
    )
    .max(40)
    .optional(),
  durationMinutes: z.int().min(1).max(100_000),
  classCode: z.boolean().default(false),
});
export type StartInput = z.infer<typeof startInput>;

export interface Started {
  id: string;
  code: { code: string; expiresAt: string } | null;
}

export async function startSurvey(db: Db, ctx: SurveyContext, input: StartInput): Promise<Started> {
  const built = definitionFor(
    input.template
      ? { template: true }
      : { template: false, questions: (input.questions ?? []) as OwnQuestionInput[] },
  );
  const problems: Problem[] = [
    ...(built.ok ? [] : built.problems),
    ...checkDuration(input.durationMinutes),
  ];
  if (problems.length > 0 || !built.ok) throw invalidInput(ctx.lang, problems);

  return db.transaction().execute(async (tx) => {
    const group = await tx
      .selectFrom("study_group")
      .select(["id", "grade"])
      .where("id", "=", input.groupId)
      .where("school_id", "=", ctx.schoolId)
      .executeTakeFirst();
    if (!group) throw notFound();
    const pupils = await pupilCount(tx, group.id);
    if (pupils === 0) throw new AppError(409, "survey.groupEmpty");
    const owner = await tx
      .selectFrom("school_owner")
      .select("survey_minimum_answers")
      .where("id", "=", ctx.ownerId)
      .executeTakeFirstOrThrow();
    const closesAt = new Date(ctx.now.getTime() + input.durationMinutes * 60_000);
    const row = await tx
      .insertInto("class_survey")
      .values({
        school_id: ctx.schoolId,
        study_group_id: group.id,
        grade: group.grade,
        title: input.title,
        template_id: built.definition.templateId,
        definition: JSON.stringify(built.definition),
        minimum_answers: owner.survey_minimum_answers,
        max_answers: pupils,
        opens_at: ctx.now,
        closes_at: closesAt,
        created_by: ctx.actor.personId,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    const code = input.classCode
      ? await issueCode(tx, ctx.secret, { id: row.id, closesAt }, ctx.now)
      : null;
    await appendAudit(tx, {
      at: ctx.now,
      actorId: ctx.actor.personId,
      action: "classSurvey.started",
      resourceType: "classSurvey",
      resourceId: row.id,
      schoolId: ctx.schoolId,
      ownerId: ctx.ownerId,
      requestId: ctx.requestId,
      detail: {
        groupId: group.id,
        templateId: built.definition.templateId,
        durationMinutes: input.durationMinutes,
        classCode: code !== null,
      },
    });
    return {
      id: row.id,
      code: code ? { code: code.code, expiresAt: code.expiresAt.toISOString() } : null,
    };
  });
}
