// Evaluating the plan: what each pupil says now, and how each measure worked. Then the plan
// is revised or the case closed.
import { randomUUID } from "node:crypto";
import { z } from "zod";
import { MEASURE_EFFECTS } from "../../core/cases/types.ts";
import { type CommandRequest, runCaseCommand } from "./apply.ts";
import type { CaseDeps } from "./effects.ts";
import { isoDate, optionalText, text } from "./inputs.ts";

export const evaluationInput = z.object({
  evaluatedOn: isoDate,
  pupilViews: z
    .array(z.object({ pupilId: z.uuid(), words: text(), feelsSafe: z.boolean().nullable() }))
    .max(30),
  measureEffects: z
    .array(
      z.object({
        measureId: z.string().min(1).max(100),
        effect: z.enum(MEASURE_EFFECTS),
        comment: optionalText(),
      }),
    )
    .max(50),
  summary: optionalText(),
  /** Why the evaluation comes before the plan's evaluation date (required then). */
  earlyReason: optionalText(),
  /** The best-interest assessment made with the evaluation (§10-2). */
  bestInterest: text(),
});

export function recordEvaluation(
  deps: CaseDeps,
  req: CommandRequest,
  input: z.infer<typeof evaluationInput>,
) {
  return runCaseCommand(deps, req, {
    type: "recordEvaluation",
    evaluationId: randomUUID(),
    evaluatedOn: input.evaluatedOn,
    pupilViews: input.pupilViews.map((v) => ({ viewId: randomUUID(), ...v })),
    measureEffects: input.measureEffects,
    summary: input.summary,
    earlyReason: input.earlyReason,
    bestInterest: { assessmentId: randomUUID(), text: input.bestInterest },
  });
}
