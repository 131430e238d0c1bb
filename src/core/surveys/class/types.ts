// The school's own class surveys (miljøundersøkelser, issue #9): the shape of a survey
// definition and of one pupil's answer. Pure data; the server stores both as JSON.

export const SURVEY_LANGS = ["nb", "nn", "en"] as const;
export type SurveyLang = (typeof SURVEY_LANGS)[number];

/** A text in the three languages of the UI. A teacher's own question has one text for all. */
export type LocalText = Readonly<Record<SurveyLang, string>>;

export const QUESTION_KINDS = ["scale", "yesNo", "single", "multi", "freeText"] as const;
export type QuestionKind = (typeof QUESTION_KINDS)[number];

export interface SurveyOption {
  readonly id: string;
  readonly text: LocalText;
}

/**
 * Which template question a question is, for the "tell the school now" decision: a
 * teacher's own questions carry no signal, so they never trigger it.
 */
export type QuestionSignal = "bullied" | "safety";

export interface SurveyQuestion {
  readonly id: string;
  readonly kind: QuestionKind;
  readonly text: LocalText;
  /** single and multi only; yesNo has the fixed options yes/no, scale the values 1–5. */
  readonly options?: readonly SurveyOption[];
  readonly signal?: QuestionSignal;
}

export interface SurveyDefinition {
  /** "standard-v1" for the built-in template, "own" for a teacher's own questions. */
  readonly templateId: string;
  readonly questions: readonly SurveyQuestion[];
}

/** One value per answered question: 1–5, an option id, option ids, or free text. */
export type AnswerValue = number | string | readonly string[];
export type SurveyAnswer = Readonly<Record<string, AnswerValue>>;

export const SCALE_VALUES = [1, 2, 3, 4, 5] as const;
export const YES_NO = ["yes", "no"] as const;

/** The options a question's answers are counted on. */
export function optionIdsOf(q: SurveyQuestion): string[] {
  if (q.kind === "scale") return SCALE_VALUES.map(String);
  if (q.kind === "yesNo") return [...YES_NO];
  if (q.kind === "single" || q.kind === "multi") return (q.options ?? []).map((o) => o.id);
  return [];
}
