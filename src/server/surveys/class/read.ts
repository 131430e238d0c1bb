// What staff see: the list of surveys they may read and the groups they may start one for,
// one survey's results (released by the core's rules only), and the trinn summaries. Every
// read of results is audited (free text separately named).
import type { Actor } from "../../../core/access/actor.ts";
import { authorize, type Resource } from "../../../core/access/policy.ts";
import {
  mergeTallies,
  type PoolState,
  poolDecisions,
  type ReleasedResult,
  release,
  type SurveyUnit,
  surveyShown,
  tally,
  termOf,
} from "../../../core/surveys/class/suppression.ts";
import { STANDARD_TEMPLATE } from "../../../core/surveys/class/template.ts";
import type { SurveyDefinition } from "../../../core/surveys/class/types.ts";
import { appendAudit } from "../../platform/audit.ts";
import type { Db } from "../../platform/db/database.ts";
import type { SurveyContext } from "./context.ts";
import {
  answerCounts,
  isOpen,
  loadAnswers,
  poolKeyOf,
  type SurveyRow,
  surveysQuery,
  toSurveyRow,
} from "./store.ts";

export interface SurveySummary {
  id: string;
  title: string;
  groupId: string;
  groupName: string;
  grade: string | null;
  templateId: string;
  opensAt: string;
  closesAt: string;
  open: boolean;
  /** How many have answered: a count says nothing about who, and helps the lesson along. */
  answers: number;
  maxAnswers: number;
  minimum: number;
  canManage: boolean;
}

export const resourceOf = (s: SurveyRow, actorInGroup = false): Resource => ({
  type: "classSurvey",
  schoolId: s.schoolId,
  ownerId: s.ownerId,
  groupId: s.groupId,
  createdBy: s.createdBy,
  actorInGroup,
});

function summaryOf(s: SurveyRow, answers: number, actor: Actor, now: Date): SurveySummary {
  return {
    id: s.id,
    title: s.title,
    groupId: s.groupId,
    groupName: s.groupName,
    grade: s.grade,
    templateId: s.templateId,
    opensAt: s.opensAt.toISOString(),
    closesAt: s.closesAt.toISOString(),
    open: isOpen(s, now),
    answers,
    maxAnswers: s.maxAnswers,
    minimum: s.minimum,
    canManage: authorize(actor, "classSurvey.manage", resourceOf(s)).allow,
  };
}

async function schoolSurveys(db: Db, schoolId: string): Promise<SurveyRow[]> {
  const rows = await surveysQuery(db)
    .where("c.school_id", "=", schoolId)
    .orderBy("c.opens_at", "desc")
    .orderBy("c.id")
    .execute();
  return rows.map(toSurveyRow);
}

export interface GroupChoice {
  id: string;
  name: string;
  kind: "class" | "teachingGroup";
  pupils: number;
}

export async function listSurveys(db: Db, ctx: SurveyContext) {
  const all = await schoolSurveys(db, ctx.schoolId);
  const mine = all.filter((s) => authorize(ctx.actor, "classSurvey.read", resourceOf(s)).allow);
  const counts = await answerCounts(
    db,
    mine.map((s) => s.id),
  );
  const groups = await db
    .selectFrom("study_group as g")
    .leftJoin("group_membership as m", (j) =>
      j.onRef("m.group_id", "=", "g.id").on("m.member_role", "=", "pupil"),
    )
    .select(["g.id", "g.name", "g.kind", (eb) => eb.fn.count<string>("m.person_id").as("pupils")])
    .where("g.school_id", "=", ctx.schoolId)
    .groupBy(["g.id", "g.name", "g.kind"])
    .execute();
  const startable = groups
    .filter(
      (g) =>
        authorize(ctx.actor, "classSurvey.start", {
          type: "classSurvey",
          schoolId: ctx.schoolId,
          ownerId: ctx.ownerId,
          groupId: g.id,
          createdBy: null,
          actorInGroup: false,
        }).allow,
    )
    .map((g): GroupChoice => ({ id: g.id, name: g.name, kind: g.kind, pupils: Number(g.pupils) }))
    .sort((a, b) => new Intl.Collator("nb", { numeric: true }).compare(a.name, b.name));
  return {
    surveys: mine.map((s) => summaryOf(s, counts.get(s.id) ?? 0, ctx.actor, ctx.now)),
    groups: startable,
    canSeeTrinn: authorize(ctx.actor, "classSurvey.trinn", {
      type: "school",
      schoolId: ctx.schoolId,
      ownerId: ctx.ownerId,
    }).allow,
  };
}

export type ResultState = "open" | "tooFew" | "shown";

export interface SurveyResults {
  survey: SurveySummary;
  definition: SurveyDefinition;
  state: ResultState;
  result: ReleasedResult | null;
  /** The reader may see free text (principal, deputy, counsellor). */
  freeText: boolean;
  /** A class code is active until then (the code itself is shown only when issued). */
  codeExpiresAt: string | null;
}

export async function readResults(
  db: Db,
  ctx: SurveyContext,
  survey: SurveyRow,
): Promise<SurveyResults> {
  const answers = await loadAnswers(db, survey.id);
  const freeText = authorize(ctx.actor, "classSurvey.freeText", resourceOf(survey)).allow;
  const closed = !isOpen(survey, ctx.now);
  const unit: SurveyUnit = {
    id: survey.id,
    respondents: answers.length,
    minimum: survey.minimum,
    closed,
    poolKey: null,
    poolSealed: false,
  };
  const state: ResultState = !closed ? "open" : surveyShown(unit) ? "shown" : "tooFew";
  const result =
    state === "shown"
      ? release(survey.definition, tally(survey.definition, answers), survey.minimum, freeText)
      : null;
  const code = await db
    .selectFrom("class_survey_code")
    .select("expires_at")
    .where("survey_id", "=", survey.id)
    .where("expires_at", ">", ctx.now)
    .executeTakeFirst();
  await db.transaction().execute((tx) =>
    appendAudit(tx, {
      at: ctx.now,
      actorId: ctx.actor.personId,
      action: "classSurvey.resultsRead",
      resourceType: "classSurvey",
      resourceId: survey.id,
      schoolId: survey.schoolId,
      ownerId: survey.ownerId,
      requestId: ctx.requestId,
      detail: { state, freeText: freeText && state === "shown" },
    }),
  );
  return {
    survey: summaryOf(survey, answers.length, ctx.actor, ctx.now),
    definition: survey.definition,
    state,
    result,
    freeText,
    codeExpiresAt: code ? new Date(code.expires_at).toISOString() : null,
  };
}

export interface TrinnSummary {
  key: string;
  grade: string;
  term: string;
  groups: string[];
  respondents: number;
  minimum: number;
  state: PoolState;
  sealsAt: string;
  result: ReleasedResult | null;
}

/** The trinn summaries: the classes with too few answers of their own, pooled per term. */
export async function trinnSummaries(db: Db, ctx: SurveyContext) {
  const all = (await schoolSurveys(db, ctx.schoolId)).filter((s) => poolKeyOf(s) !== null);
  const counts = await answerCounts(
    db,
    all.map((s) => s.id),
  );
  const units: SurveyUnit[] = all.map((s) => ({
    id: s.id,
    respondents: counts.get(s.id) ?? 0,
    minimum: s.minimum,
    closed: !isOpen(s, ctx.now),
    poolKey: poolKeyOf(s),
    poolSealed: ctx.now.getTime() >= termOf(s.opensAt).sealsAt.getTime(),
  }));
  const freeText = authorize(ctx.actor, "classSurvey.freeText", {
    type: "classSurvey",
    schoolId: ctx.schoolId,
    ownerId: ctx.ownerId,
    groupId: "",
    createdBy: null,
    actorInGroup: false,
  }).allow;
  const out: TrinnSummary[] = [];
  for (const p of poolDecisions(units)) {
    const members = all.filter((s) => p.surveyIds.includes(s.id));
    const first = all.find((s) => poolKeyOf(s) === p.key) as SurveyRow;
    let result: ReleasedResult | null = null;
    if (p.state === "released") {
      const parts = [];
      for (const m of members) parts.push(tally(STANDARD_TEMPLATE, await loadAnswers(db, m.id)));
      result = release(
        STANDARD_TEMPLATE,
        mergeTallies(STANDARD_TEMPLATE, parts),
        p.minimum,
        freeText,
      );
    }
    out.push({
      key: p.key,
      grade: first.grade ?? "",
      term: termOf(first.opensAt).key,
      groups: members.map((m) => m.groupName).sort(),
      respondents: p.respondents,
      minimum: p.minimum,
      state: p.state,
      sealsAt: termOf(first.opensAt).sealsAt.toISOString(),
      result,
    });
  }
  await db.transaction().execute((tx) =>
    appendAudit(tx, {
      at: ctx.now,
      actorId: ctx.actor.personId,
      action: "classSurvey.trinnRead",
      resourceType: "school",
      resourceId: ctx.schoolId,
      schoolId: ctx.schoolId,
      ownerId: ctx.ownerId,
      requestId: ctx.requestId,
    }),
  );
  return { summaries: out, definition: STANDARD_TEMPLATE };
}

/** The open surveys of the pupil's own groups (and whether they have answered). */
export async function mySurveys(db: Db, personId: string, now: Date) {
  const rows = await surveysQuery(db)
    .innerJoin("group_membership as m", (j) =>
      j.onRef("m.group_id", "=", "c.study_group_id").on("m.member_role", "=", "pupil"),
    )
    .where("m.person_id", "=", personId)
    .where("c.opens_at", "<=", now)
    .where("c.closes_at", ">", now)
    .orderBy("c.closes_at")
    .execute();
  const surveys = rows.map(toSurveyRow);
  const done = await db
    .selectFrom("class_survey_respondent")
    .select("survey_id")
    .where("person_id", "=", personId)
    .where(
      "survey_id",
      "in",
      surveys.length > 0 ? surveys.map((s) => s.id) : ["00000000-0000-0000-0000-000000000000"],
    )
    .execute();
  const answered = new Set(done.map((d) => d.survey_id));
  return {
    surveys: surveys.map((s) => ({
      id: s.id,
      title: s.title,
      groupName: s.groupName,
      closesAt: s.closesAt.toISOString(),
      answered: answered.has(s.id),
    })),
  };
}
