// Validation of a survey definition (a teacher's own questions), of the open window, and of
// one pupil's answer. Problems name a path and a stable code; the server translates them.
import { STANDARD_TEMPLATE, STANDARD_TEMPLATE_ID } from "./template.ts";
import {
  type AnswerValue,
  optionIdsOf,
  type SurveyAnswer,
  type SurveyDefinition,
  type SurveyQuestion,
} from "./types.ts";

export interface SurveyProblem {
  path: string;
  code:
    | "survey.noQuestions"
    | "survey.tooManyQuestions"
    | "survey.questionText"
    | "survey.questionKind"
    | "survey.optionCount"
    | "survey.optionText"
    | "survey.duplicateOption"
    | "survey.duration"
    | "survey.answerUnknownQuestion"
    | "survey.answerInvalid"
    | "survey.answerEmpty";
}

export const MAX_QUESTIONS = 20;
export const MAX_TEXT = 300;
export const MAX_OPTION_TEXT = 100;
export const MAX_OPTIONS = 10;
export const MAX_FREE_TEXT = 1000;
/** A survey is open for a lesson at least and for two weeks at most. */
export const MIN_OPEN_MINUTES = 15;
export const MAX_OPEN_DAYS = 14;
export const MAX_OPEN_MINUTES = MAX_OPEN_DAYS * 24 * 60;

/** The kinds a teacher may use for their own questions. */
export const OWN_KINDS = ["scale", "yesNo", "single", "freeText"] as const;
export type OwnKind = (typeof OWN_KINDS)[number];

export interface OwnQuestionInput {
  kind: string;
  text: string;
  options?: readonly string[] | undefined;
}

type Built = { ok: true; definition: SurveyDefinition } | { ok: false; problems: SurveyProblem[] };

/** A teacher's own questions as a definition: ids q1…, o1…; the text is used in every language. */
export function buildOwnDefinition(input: readonly OwnQuestionInput[]): Built {
  const problems: SurveyProblem[] = [];
  if (input.length === 0) problems.push({ path: "questions", code: "survey.noQuestions" });
  if (input.length > MAX_QUESTIONS) {
    problems.push({ path: "questions", code: "survey.tooManyQuestions" });
  }
  const questions: SurveyQuestion[] = [];
  input.slice(0, MAX_QUESTIONS).forEach((q, i) => {
    const path = `questions.${i}`;
    const text = q.text.trim();
    if (text.length === 0 || text.length > MAX_TEXT) {
      problems.push({ path: `${path}.text`, code: "survey.questionText" });
    }
    if (!(OWN_KINDS as readonly string[]).includes(q.kind)) {
      problems.push({ path: `${path}.kind`, code: "survey.questionKind" });
      return;
    }
    const kind = q.kind as OwnKind;
    const same = { nb: text, nn: text, en: text };
    if (kind !== "single") {
      questions.push({ id: `q${i + 1}`, kind, text: same });
      return;
    }
    const options = (q.options ?? []).map((o) => o.trim());
    if (options.length < 2 || options.length > MAX_OPTIONS) {
      problems.push({ path: `${path}.options`, code: "survey.optionCount" });
    }
    options.forEach((o, j) => {
      if (o.length === 0 || o.length > MAX_OPTION_TEXT) {
        problems.push({ path: `${path}.options.${j}`, code: "survey.optionText" });
      } else if (options.findIndex((x) => x.toLowerCase() === o.toLowerCase()) !== j) {
        problems.push({ path: `${path}.options.${j}`, code: "survey.duplicateOption" });
      }
    });
    questions.push({
      id: `q${i + 1}`,
      kind,
      text: same,
      options: options.map((o, j) => ({ id: `o${j + 1}`, text: { nb: o, nn: o, en: o } })),
    });
  });
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, definition: { templateId: "own", questions } };
}

/** The definition a survey is started with: the template, or the teacher's own questions. */
export function definitionFor(
  source: { template: true } | { template: false; questions: readonly OwnQuestionInput[] },
): Built {
  if (source.template) return { ok: true, definition: STANDARD_TEMPLATE };
  return buildOwnDefinition(source.questions);
}

/** A stored definition is well-formed (ids unique, options where they belong). */
export function checkDefinition(def: SurveyDefinition): SurveyProblem[] {
  const problems: SurveyProblem[] = [];
  if (def.questions.length === 0) problems.push({ path: "questions", code: "survey.noQuestions" });
  if (def.questions.length > MAX_QUESTIONS) {
    problems.push({ path: "questions", code: "survey.tooManyQuestions" });
  }
  const ids = new Set<string>();
  def.questions.forEach((q, i) => {
    const path = `questions.${i}`;
    if (ids.has(q.id) || q.id.length === 0) {
      problems.push({ path: `${path}.id`, code: "survey.questionKind" });
    }
    ids.add(q.id);
    for (const text of Object.values(q.text)) {
      if (text.trim().length === 0 || text.length > MAX_TEXT) {
        problems.push({ path: `${path}.text`, code: "survey.questionText" });
        break;
      }
    }
    const hasOptions = q.kind === "single" || q.kind === "multi";
    const n = q.options?.length ?? 0;
    if (hasOptions ? n < 2 || n > MAX_OPTIONS : n !== 0) {
      problems.push({ path: `${path}.options`, code: "survey.optionCount" });
    }
    const optionIds = optionIdsOf(q);
    if (new Set(optionIds).size !== optionIds.length) {
      problems.push({ path: `${path}.options`, code: "survey.duplicateOption" });
    }
  });
  return problems;
}

export function isStandard(def: SurveyDefinition): boolean {
  return def.templateId === STANDARD_TEMPLATE_ID;
}

/** The open window in minutes: a lesson (15 minutes) to two weeks. */
export function checkDuration(minutes: number): SurveyProblem[] {
  return Number.isInteger(minutes) && minutes >= MIN_OPEN_MINUTES && minutes <= MAX_OPEN_MINUTES
    ? []
    : [{ path: "durationMinutes", code: "survey.duration" }];
}

type Checked = { ok: true; answer: SurveyAnswer } | { ok: false; problems: SurveyProblem[] };

function checkValue(q: SurveyQuestion, value: unknown): AnswerValue | "skip" | "invalid" {
  if (value === null || value === undefined) return "skip";
  const options = optionIdsOf(q);
  switch (q.kind) {
    case "scale":
      return typeof value === "number" && Number.isInteger(value) && value >= 1 && value <= 5
        ? value
        : "invalid";
    case "yesNo":
    case "single":
      return typeof value === "string" && options.includes(value) ? value : "invalid";
    case "multi": {
      if (!Array.isArray(value)) return "invalid";
      const picked = value as unknown[];
      if (!picked.every((v) => typeof v === "string" && options.includes(v))) return "invalid";
      if (new Set(picked).size !== picked.length) return "invalid";
      // Stored in the option order, so the order of taps tells nothing.
      return options.filter((o) => picked.includes(o));
    }
    case "freeText": {
      if (typeof value !== "string") return "invalid";
      const text = value.trim();
      if (text.length === 0) return "skip";
      return text.length > MAX_FREE_TEXT ? "invalid" : text;
    }
  }
}

/**
 * A pupil's answer against the survey: every question may be skipped, but an answer with
 * nothing in it is refused (it would only count a pupil as having answered).
 */
export function checkAnswer(
  def: SurveyDefinition,
  raw: Readonly<Record<string, unknown>>,
): Checked {
  const problems: SurveyProblem[] = [];
  const byId = new Map(def.questions.map((q) => [q.id, q]));
  for (const key of Object.keys(raw)) {
    if (!byId.has(key)) problems.push({ path: key, code: "survey.answerUnknownQuestion" });
  }
  const answer: Record<string, AnswerValue> = {};
  for (const q of def.questions) {
    const v = checkValue(q, raw[q.id]);
    if (v === "invalid") problems.push({ path: q.id, code: "survey.answerInvalid" });
    else if (v !== "skip") answer[q.id] = v;
  }
  if (problems.length === 0 && Object.keys(answer).length === 0) {
    problems.push({ path: "answers", code: "survey.answerEmpty" });
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, answer };
}
