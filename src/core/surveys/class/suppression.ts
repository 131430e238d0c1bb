// Anonymity of class-survey results (issue #9, ADR 0116).
//
// Three rules, all applied before anything leaves the server:
//
// 1. Group rule (K): an aggregate is released only when at least K pupils answered it, and
//    each question only when at least K answered that question. K is the owner's setting
//    (default 10, 5–50), frozen on the survey when it starts.
// 2. Disjoint pools: a class survey is shown on its own when it is closed and has K answers.
//    The trinn summary pools only the surveys that were NOT shown (same trinn, the built-in
//    template, the same term), and only once the term is sealed (no survey can join it any
//    more). Every released aggregate is therefore a disjoint set of answers, fixed once
//    released: the difference of two released aggregates is never a smaller group, so no
//    sequence of queries reveals a group smaller than K.
// 3. Cells: within a released question, a count below SMALL_CELL (zeros included) is hidden.
//    Where the counts add up to the question's total (scale, yes/no, single choice), hidden
//    cells are then completed until at least two are hidden and they hold SMALL_CELL answers
//    or more together (complementary suppression), so no hidden cell follows from the total.
//    A scale's mean is shown only when no cell is hidden (the mean would give a second sum).

import {
  optionIdsOf,
  type SurveyAnswer,
  type SurveyDefinition,
  type SurveyQuestion,
} from "./types.ts";
import { MAX_OPEN_DAYS } from "./validate.ts";

export const DEFAULT_MINIMUM_ANSWERS = 10;
export const MINIMUM_ANSWERS_BOUNDS = { min: 5, max: 50 } as const;
export const SMALL_CELL = 3;

export function isValidMinimum(k: number): boolean {
  return Number.isInteger(k) && k >= MINIMUM_ANSWERS_BOUNDS.min && k <= MINIMUM_ANSWERS_BOUNDS.max;
}

// --- tallies ------------------------------------------------------------------------------

export interface QuestionTally {
  readonly id: string;
  /** Pupils who answered this question. */
  readonly respondents: number;
  /** Per option id (scale: "1"…"5"); empty for free text. */
  readonly counts: Readonly<Record<string, number>>;
  /** Free-text answers, sorted so their order tells nothing. */
  readonly texts: readonly string[];
}

export interface SurveyTally {
  readonly respondents: number;
  readonly questions: readonly QuestionTally[];
}

export function tally(def: SurveyDefinition, answers: readonly SurveyAnswer[]): SurveyTally {
  const questions = def.questions.map((q): QuestionTally => {
    const counts: Record<string, number> = Object.fromEntries(optionIdsOf(q).map((o) => [o, 0]));
    const texts: string[] = [];
    let respondents = 0;
    for (const a of answers) {
      const v = a[q.id];
      if (v === undefined) continue;
      respondents++;
      const picked = Array.isArray(v) ? v : [String(v)];
      if (q.kind === "freeText") texts.push(String(v));
      else for (const p of picked) if (p in counts) counts[p] = (counts[p] ?? 0) + 1;
    }
    texts.sort();
    return { id: q.id, respondents, counts, texts };
  });
  return { respondents: answers.length, questions };
}

/** The sum of tallies of one definition (a trinn pool). */
export function mergeTallies(def: SurveyDefinition, parts: readonly SurveyTally[]): SurveyTally {
  return {
    respondents: parts.reduce((s, p) => s + p.respondents, 0),
    questions: def.questions.map((q): QuestionTally => {
      const mine = parts.map((p) => p.questions.find((x) => x.id === q.id));
      const counts: Record<string, number> = {};
      for (const o of optionIdsOf(q)) {
        counts[o] = mine.reduce((s, m) => s + (m?.counts[o] ?? 0), 0);
      }
      return {
        id: q.id,
        respondents: mine.reduce((s, m) => s + (m?.respondents ?? 0), 0),
        counts,
        texts: mine.flatMap((m) => m?.texts ?? []).sort(),
      };
    }),
  };
}

// --- cells --------------------------------------------------------------------------------

/** Which counts to hide. `partition`: the counts add up to a total that is shown. */
export function hiddenCells(counts: readonly number[], partition: boolean): boolean[] {
  const hidden = counts.map((c) => c < SMALL_CELL);
  if (!partition || !hidden.some(Boolean)) return hidden;
  const sum = () => counts.reduce((s, c, i) => s + (hidden[i] ? c : 0), 0);
  const n = () => hidden.filter(Boolean).length;
  while ((n() < 2 || sum() < SMALL_CELL) && n() < counts.length) {
    // The smallest shown cell (the first on a tie) joins the hidden ones.
    let pick = -1;
    counts.forEach((c, i) => {
      if (!hidden[i] && (pick < 0 || c < (counts[pick] as number))) pick = i;
    });
    hidden[pick] = true;
  }
  return hidden;
}

export interface CellResult {
  readonly option: string;
  /** null: hidden. */
  readonly count: number | null;
}

export interface QuestionResult {
  readonly id: string;
  readonly kind: SurveyQuestion["kind"];
  /** false: fewer than K answered this question; nothing else is given. */
  readonly shown: boolean;
  readonly respondents: number | null;
  readonly cells: readonly CellResult[];
  readonly mean: number | null;
  /** Free text, only for those who may read it (and only when shown). */
  readonly texts: readonly string[] | null;
}

export interface ReleasedResult {
  readonly shown: boolean;
  readonly respondents: number;
  readonly questions: readonly QuestionResult[];
}

export function releaseQuestion(
  q: SurveyQuestion,
  t: QuestionTally,
  k: number,
  withTexts: boolean,
): QuestionResult {
  if (t.respondents < k) {
    return {
      id: q.id,
      kind: q.kind,
      shown: false,
      respondents: null,
      cells: [],
      mean: null,
      texts: null,
    };
  }
  const options = optionIdsOf(q);
  const counts = options.map((o) => t.counts[o] ?? 0);
  const hidden = hiddenCells(counts, q.kind !== "multi");
  const cells = options.map((o, i) => ({
    option: o,
    count: hidden[i] ? null : (counts[i] as number),
  }));
  let mean: number | null = null;
  if (q.kind === "scale" && !hidden.some(Boolean)) {
    const total = counts.reduce((s, c, i) => s + c * (i + 1), 0);
    mean = Math.round((total / t.respondents) * 10) / 10;
  }
  return {
    id: q.id,
    kind: q.kind,
    shown: true,
    respondents: t.respondents,
    cells,
    mean,
    texts: q.kind === "freeText" && withTexts ? [...t.texts] : null,
  };
}

/** A whole aggregate (one survey or one trinn pool), released or not. */
export function release(
  def: SurveyDefinition,
  t: SurveyTally,
  k: number,
  withTexts: boolean,
): ReleasedResult {
  if (t.respondents < k) return { shown: false, respondents: t.respondents, questions: [] };
  return {
    shown: true,
    respondents: t.respondents,
    questions: def.questions.map((q, i) =>
      releaseQuestion(
        q,
        t.questions[i] ?? { id: q.id, respondents: 0, counts: {}, texts: [] },
        k,
        withTexts,
      ),
    ),
  };
}

// --- which aggregates are released ----------------------------------------------------------

export interface SurveyUnit {
  readonly id: string;
  readonly respondents: number;
  /** K frozen on the survey when it started. */
  readonly minimum: number;
  readonly closed: boolean;
  /** School, trinn, template and term; null: never pooled (own questions, no trinn). */
  readonly poolKey: string | null;
  /** The term is over and no survey can join the pool any more. */
  readonly poolSealed: boolean;
}

export type PoolState = "released" | "notSealed" | "tooFew" | "empty";

export interface PoolDecision {
  readonly key: string;
  /** The surveys pooled: those of the key that are not shown on their own. */
  readonly surveyIds: readonly string[];
  readonly respondents: number;
  readonly minimum: number;
  readonly state: PoolState;
}

/** A survey is shown on its own once it is closed and K pupils answered. */
export function surveyShown(u: SurveyUnit): boolean {
  return u.closed && u.respondents >= u.minimum;
}

export function poolDecisions(units: readonly SurveyUnit[]): PoolDecision[] {
  const keys = [...new Set(units.flatMap((u) => (u.poolKey === null ? [] : [u.poolKey])))].sort();
  return keys.map((key) => {
    const all = units.filter((u) => u.poolKey === key);
    const members = all.filter((u) => !surveyShown(u));
    const respondents = members.reduce((s, u) => s + u.respondents, 0);
    const minimum = Math.max(...all.map((u) => u.minimum));
    const sealed = all.every((u) => u.poolSealed && u.closed);
    const state: PoolState = !sealed
      ? "notSealed"
      : members.length === 0
        ? "empty"
        : respondents < minimum
          ? "tooFew"
          : "released";
    return { key, surveyIds: members.map((u) => u.id).sort(), respondents, minimum, state };
  });
}

// --- terms ----------------------------------------------------------------------------------

const DAY = 24 * 60 * 60 * 1000;

/**
 * The term a survey belongs to by the day it opened: autumn (August–December) or spring
 * (January–July). A term's pool is sealed when the last survey that could belong to it has
 * closed: the term's end plus the longest open window.
 */
export function termOf(opensAt: Date): { key: string; sealsAt: Date } {
  const y = opensAt.getUTCFullYear();
  const autumn = opensAt.getUTCMonth() >= 7;
  const end = autumn ? Date.UTC(y + 1, 0, 1) : Date.UTC(y, 7, 1);
  return {
    key: `${y}-${autumn ? "autumn" : "spring"}`,
    sealsAt: new Date(end + MAX_OPEN_DAYS * DAY),
  };
}
