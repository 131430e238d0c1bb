// SQL of the class surveys. Answers are written and read here only: shuffled on every write
// (so the table's physical order says nothing about who answered when) and never joined to
// the respondents.
import { randomInt } from "node:crypto";
import { sql } from "kysely";
import { termOf } from "../../../core/surveys/class/suppression.ts";
import { STANDARD_TEMPLATE_ID } from "../../../core/surveys/class/template.ts";
import type { SurveyAnswer, SurveyDefinition } from "../../../core/surveys/class/types.ts";
import type { Db, Tx } from "../../platform/db/database.ts";

type Q = Db | Tx;

export interface SurveyRow {
  id: string;
  schoolId: string;
  ownerId: string;
  groupId: string;
  groupName: string;
  groupKind: "class" | "teachingGroup";
  grade: string | null;
  title: string;
  templateId: string;
  definition: SurveyDefinition;
  minimum: number;
  maxAnswers: number;
  opensAt: Date;
  closesAt: Date;
  createdBy: string | null;
}

export function surveysQuery(q: Q) {
  return q
    .selectFrom("class_survey as c")
    .innerJoin("school as s", "s.id", "c.school_id")
    .innerJoin("study_group as g", "g.id", "c.study_group_id")
    .select([
      "c.id",
      "c.school_id",
      "s.owner_id",
      "c.study_group_id",
      "g.name as group_name",
      "g.kind as group_kind",
      "c.grade",
      "c.title",
      "c.template_id",
      "c.definition",
      "c.minimum_answers",
      "c.max_answers",
      "c.opens_at",
      "c.closes_at",
      "c.created_by",
    ]);
}

type Raw = Awaited<ReturnType<ReturnType<typeof surveysQuery>["execute"]>>[number];

export function toSurveyRow(r: Raw): SurveyRow {
  return {
    id: r.id,
    schoolId: r.school_id,
    ownerId: r.owner_id,
    groupId: r.study_group_id,
    groupName: r.group_name,
    groupKind: r.group_kind,
    grade: r.grade,
    title: r.title,
    templateId: r.template_id,
    definition: r.definition as SurveyDefinition,
    minimum: r.minimum_answers,
    maxAnswers: r.max_answers,
    opensAt: new Date(r.opens_at),
    closesAt: new Date(r.closes_at),
    createdBy: r.created_by,
  };
}

export async function loadSurvey(q: Q, id: string): Promise<SurveyRow | null> {
  const r = await surveysQuery(q).where("c.id", "=", id).executeTakeFirst();
  return r ? toSurveyRow(r) : null;
}

export const isOpen = (s: SurveyRow, now: Date) =>
  s.opensAt.getTime() <= now.getTime() && now.getTime() < s.closesAt.getTime();

/** The trinn pool a survey belongs to: built-in template, a trinn, a term. */
export function poolKeyOf(s: SurveyRow): string | null {
  if (s.templateId !== STANDARD_TEMPLATE_ID || !s.grade) return null;
  return `${s.grade}|${s.templateId}|${termOf(s.opensAt).key}`;
}

export async function answerCounts(q: Q, ids: readonly string[]): Promise<Map<string, number>> {
  if (ids.length === 0) return new Map();
  const rows = await q
    .selectFrom("class_survey_answer")
    .select(["survey_id", (eb) => eb.fn.countAll<string>().as("n")])
    .where("survey_id", "in", ids)
    .groupBy("survey_id")
    .execute();
  return new Map(rows.map((r) => [r.survey_id, Number(r.n)]));
}

export async function loadAnswers(q: Q, surveyId: string): Promise<SurveyAnswer[]> {
  const rows = await q
    .selectFrom("class_survey_answer")
    .select("answer")
    .where("survey_id", "=", surveyId)
    .execute();
  return rows.map((r) => r.answer as SurveyAnswer);
}

export async function pupilCount(q: Q, groupId: string): Promise<number> {
  const r = await q
    .selectFrom("group_membership")
    .select((eb) => eb.fn.countAll<string>().as("n"))
    .where("group_id", "=", groupId)
    .where("member_role", "=", "pupil")
    .executeTakeFirst();
  return Number(r?.n ?? 0);
}

export async function isPupilOf(q: Q, groupId: string, personId: string): Promise<boolean> {
  const r = await q
    .selectFrom("group_membership")
    .select("person_id")
    .where("group_id", "=", groupId)
    .where("person_id", "=", personId)
    .where("member_role", "=", "pupil")
    .executeTakeFirst();
  return r !== undefined;
}

/**
 * Adds one answer. The survey's answers are rewritten in a random order with fresh random
 * ids (a class has at most a few dozen), so neither the ids, nor the physical order of the
 * rows, nor the order of the respondents table can line an answer up with a pupil.
 */
export async function insertAnswerShuffled(
  tx: Tx,
  surveyId: string,
  answer: SurveyAnswer,
): Promise<void> {
  const existing = await loadAnswers(tx, surveyId);
  const all = [...existing, answer];
  for (let i = all.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [all[i], all[j]] = [all[j] as SurveyAnswer, all[i] as SurveyAnswer];
  }
  await tx.deleteFrom("class_survey_answer").where("survey_id", "=", surveyId).execute();
  await tx
    .insertInto("class_survey_answer")
    .values(
      all.map((a) => ({
        id: sql<string>`gen_random_uuid()`,
        survey_id: surveyId,
        answer: JSON.stringify(a),
      })),
    )
    .execute();
}
