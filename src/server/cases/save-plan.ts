// Saves a new revision of the measure plan (aktivitetsplan). The core refuses a plan lacking
// any of the five legal parts and names every missing field; every revision is kept.
import { z } from "zod";
import type { PlanDraft } from "../../core/cases/commands.ts";
import { type CommandRequest, runCaseCommand } from "./apply.ts";
import type { CaseDeps } from "./effects.ts";

// Deliberately loose: a half-filled plan reaches the core, which reports each missing part
// with its own code and field path (plan-validation.ts), rather than one zod error.
const loose = z
  .string()
  .nullish()
  .transform((v) => (v === undefined ? null : v));

export const planInput = z.object({
  problem: loose,
  evaluateOn: loose,
  measures: z
    .array(
      z.object({
        id: z.string().max(100),
        description: loose,
        startsOn: loose,
        endsOn: loose,
        schedule: loose,
        responsiblePersonId: loose,
        keepApart: z
          .array(z.tuple([z.string(), z.string()]))
          .max(50)
          .default([]),
      }),
    )
    .max(50)
    .default([]),
});

export function savePlan(deps: CaseDeps, req: CommandRequest, input: z.infer<typeof planInput>) {
  // Dates are checked by the core (a wrong one is `plan.invalidDate` on its field).
  const plan = input as unknown as PlanDraft;
  return runCaseCommand(deps, req, { type: "savePlan", plan });
}
