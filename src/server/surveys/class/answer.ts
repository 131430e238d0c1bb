// Answering: logged in as a pupil of the group, or on a device that entered the class code.
// Either way the answer row holds nothing but the survey and the answer, the audit row names
// no one, and "has answered" (logged-in pupils) is its own row with no link to the answer.
import { type HelpReason, helpNow } from "../../../core/surveys/class/help-now.ts";
import { checkAnswer } from "../../../core/surveys/class/validate.ts";
import type { Lang } from "../../../i18n/lang.ts";
import { appendAudit } from "../../platform/audit.ts";
import type { Db, Tx } from "../../platform/db/database.ts";
import { AppError, notFound } from "../../platform/errors.ts";
import { invalidInput } from "../../schools/input.ts";
import { codeHash, newDeviceToken, SESSION_GRACE_MINUTES, tokenHash } from "./codes.ts";
import { insertAnswerShuffled, isOpen, loadSurvey, type SurveyRow } from "./store.ts";

export interface Answered {
  /** Why the pupil should see how to tell the school now (empty: no need). Never stored. */
  helpNow: HelpReason[];
}

/** Checks and writes one answer inside the caller's transaction (the survey row is locked). */
async function writeAnswer(
  tx: Tx,
  survey: SurveyRow,
  raw: unknown,
  at: { now: Date; lang: Lang; requestId: string | null },
  beforeInsert: () => Promise<void>,
): Promise<Answered> {
  if (!isOpen(survey, at.now)) throw new AppError(409, "survey.closed");
  const body = raw !== null && typeof raw === "object" && !Array.isArray(raw) ? raw : {};
  const checked = checkAnswer(survey.definition, body as Record<string, unknown>);
  if (!checked.ok) throw invalidInput(at.lang, checked.problems);
  const count = await tx
    .selectFrom("class_survey_answer")
    .select((eb) => eb.fn.countAll<string>().as("n"))
    .where("survey_id", "=", survey.id)
    .executeTakeFirstOrThrow();
  if (Number(count.n) >= survey.maxAnswers) throw new AppError(409, "survey.full");
  await beforeInsert();
  await insertAnswerShuffled(tx, survey.id, checked.answer);
  // No actor and no request id: the audit log must not say who answered when.
  await appendAudit(tx, {
    at: at.now,
    actorId: null,
    action: "classSurvey.answered",
    resourceType: "classSurvey",
    resourceId: survey.id,
    schoolId: survey.schoolId,
    ownerId: survey.ownerId,
  });
  return { helpNow: helpNow(survey.definition, checked.answer) };
}

async function lockSurvey(tx: Tx, surveyId: string): Promise<SurveyRow> {
  await tx.selectFrom("class_survey").select("id").where("id", "=", surveyId).forUpdate().execute();
  const s = await loadSurvey(tx, surveyId);
  if (!s) throw notFound();
  return s;
}

export async function answerAsPupil(
  db: Db,
  ctx: { personId: string; now: Date; lang: Lang },
  surveyId: string,
  raw: unknown,
): Promise<Answered> {
  return db.transaction().execute(async (tx) => {
    const survey = await lockSurvey(tx, surveyId);
    return writeAnswer(tx, survey, raw, { ...ctx, requestId: null }, async () => {
      const inserted = await tx
        .insertInto("class_survey_respondent")
        .values({ survey_id: surveyId, person_id: ctx.personId })
        .onConflict((oc) => oc.columns(["survey_id", "person_id"]).doNothing())
        .returning("survey_id")
        .executeTakeFirst();
      if (!inserted) throw new AppError(409, "survey.alreadyAnswered");
    });
  });
}

export async function hasAnswered(db: Db, surveyId: string, personId: string): Promise<boolean> {
  const r = await db
    .selectFrom("class_survey_respondent")
    .select("survey_id")
    .where("survey_id", "=", surveyId)
    .where("person_id", "=", personId)
    .executeTakeFirst();
  return r !== undefined;
}

/** The survey as a pupil's form shows it. */
export interface SurveyForm {
  id: string;
  title: string;
  groupName: string;
  closesAt: string;
  definition: SurveyRow["definition"];
  answered: boolean;
}

export function formOf(s: SurveyRow, answered: boolean): SurveyForm {
  return {
    id: s.id,
    title: s.title,
    groupName: s.groupName,
    closesAt: s.closesAt.toISOString(),
    definition: s.definition,
    answered,
  };
}

/** Entering the class code: a new device token for the survey, or "wrong or expired". */
export async function redeemCode(
  db: Db,
  secret: string,
  code: string,
  now: Date,
): Promise<{ token: string; form: SurveyForm; expiresAt: Date }> {
  return db.transaction().execute(async (tx) => {
    const row = await tx
      .selectFrom("class_survey_code")
      .select(["survey_id", "expires_at"])
      .where("code_hash", "=", codeHash(secret, code))
      .where("expires_at", ">", now)
      .executeTakeFirst();
    const survey = row ? await loadSurvey(tx, row.survey_id) : null;
    if (!row || !survey || !isOpen(survey, now)) throw new AppError(400, "survey.codeInvalid");
    const token = newDeviceToken();
    const expiresAt = new Date(
      Math.min(
        new Date(row.expires_at).getTime() + SESSION_GRACE_MINUTES * 60_000,
        survey.closesAt.getTime(),
      ),
    );
    await tx
      .insertInto("class_survey_code_session")
      .values({ token_hash: tokenHash(secret, token), survey_id: survey.id, expires_at: expiresAt })
      .execute();
    return { token, form: formOf(survey, false), expiresAt };
  });
}

async function sessionOf(q: Db | Tx, secret: string, token: string | undefined, now: Date) {
  if (!token) return null;
  const row = await q
    .selectFrom("class_survey_code_session")
    .select(["token_hash", "survey_id", "used"])
    .where("token_hash", "=", tokenHash(secret, token))
    .where("expires_at", ">", now)
    .executeTakeFirst();
  return row ?? null;
}

/** The survey of the device's code session (a reload of the answer page). */
export async function codeSessionForm(
  db: Db,
  secret: string,
  token: string | undefined,
  now: Date,
): Promise<SurveyForm> {
  const session = await sessionOf(db, secret, token, now);
  const survey = session ? await loadSurvey(db, session.survey_id) : null;
  if (!session || !survey) throw new AppError(401, "survey.codeInvalid");
  return formOf(survey, session.used);
}

export async function answerWithCode(
  db: Db,
  secret: string,
  token: string | undefined,
  raw: unknown,
  ctx: { now: Date; lang: Lang },
): Promise<Answered> {
  return db.transaction().execute(async (tx) => {
    const found = await sessionOf(tx, secret, token, ctx.now);
    if (!found) throw new AppError(401, "survey.codeInvalid");
    const survey = await lockSurvey(tx, found.survey_id);
    return writeAnswer(tx, survey, raw, { ...ctx, requestId: null }, async () => {
      const used = await tx
        .updateTable("class_survey_code_session")
        .set({ used: true })
        .where("token_hash", "=", found.token_hash)
        .where("used", "=", false)
        .returning("token_hash")
        .executeTakeFirst();
      if (!used) throw new AppError(409, "survey.alreadyAnswered");
    });
  });
}
