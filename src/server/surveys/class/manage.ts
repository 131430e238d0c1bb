// Closing a survey early (the lesson is over) and giving it a new class code.
import { appendAudit } from "../../platform/audit.ts";
import type { Db } from "../../platform/db/database.ts";
import { AppError, notFound } from "../../platform/errors.ts";
import { issueCode } from "./codes.ts";
import type { SurveyContext } from "./context.ts";
import { isOpen, loadSurvey } from "./store.ts";

export async function closeSurvey(db: Db, ctx: SurveyContext, surveyId: string): Promise<void> {
  await db.transaction().execute(async (tx) => {
    await tx
      .selectFrom("class_survey")
      .select("id")
      .where("id", "=", surveyId)
      .forUpdate()
      .execute();
    const s = await loadSurvey(tx, surveyId);
    if (!s) throw notFound();
    if (!isOpen(s, ctx.now)) throw new AppError(409, "survey.closed");
    await tx
      .updateTable("class_survey")
      .set({ closes_at: ctx.now })
      .where("id", "=", surveyId)
      .execute();
    await tx.deleteFrom("class_survey_code").where("survey_id", "=", surveyId).execute();
    await appendAudit(tx, {
      at: ctx.now,
      actorId: ctx.actor.personId,
      action: "classSurvey.closed",
      resourceType: "classSurvey",
      resourceId: surveyId,
      schoolId: ctx.schoolId,
      ownerId: ctx.ownerId,
      requestId: ctx.requestId,
    });
  });
}

export async function newCode(
  db: Db,
  ctx: SurveyContext,
  surveyId: string,
): Promise<{ code: string; expiresAt: string }> {
  return db.transaction().execute(async (tx) => {
    const s = await loadSurvey(tx, surveyId);
    if (!s) throw notFound();
    if (!isOpen(s, ctx.now)) throw new AppError(409, "survey.closed");
    const code = await issueCode(tx, ctx.secret, s, ctx.now);
    await appendAudit(tx, {
      at: ctx.now,
      actorId: ctx.actor.personId,
      action: "classSurvey.codeIssued",
      resourceType: "classSurvey",
      resourceId: surveyId,
      schoolId: ctx.schoolId,
      ownerId: ctx.ownerId,
      requestId: ctx.requestId,
    });
    return { code: code.code, expiresAt: code.expiresAt.toISOString() };
  });
}
