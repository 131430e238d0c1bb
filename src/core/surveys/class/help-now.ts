// After a worrying answer the pupil sees, right then, how to tell the school (si ifra),
// anonymously if they like. Nothing is stored about it: the decision is made from the answer
// in the pupil's own browser and again by the server's reply, never kept.
import type { SurveyAnswer, SurveyDefinition } from "./types.ts";

/** Bullied several times a month or more. */
export const WORRYING_BULLIED = ["severalMonthly", "weekly"] as const;
/** Feels unsafe: 1 or 2 on the 1–5 scale. */
export const UNSAFE_AT_MOST = 2;

export type HelpReason = "bullied" | "unsafe";

export function helpNow(def: SurveyDefinition, answer: SurveyAnswer): HelpReason[] {
  const reasons: HelpReason[] = [];
  for (const q of def.questions) {
    const v = answer[q.id];
    if (v === undefined) continue;
    if (q.signal === "bullied" && typeof v === "string") {
      if ((WORRYING_BULLIED as readonly string[]).includes(v)) reasons.push("bullied");
    }
    if (q.signal === "safety" && typeof v === "number" && v <= UNSAFE_AT_MOST) {
      reasons.push("unsafe");
    }
  }
  return [...new Set(reasons)];
}

/** The decision "show the si ifra help now". */
export function showHelpNow(def: SurveyDefinition, answer: SurveyAnswer): boolean {
  return helpNow(def, answer).length > 0;
}
