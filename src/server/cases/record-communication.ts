// The plan given to the pupil and guardians (when, to whom), and their answer (accepted or
// not). A "no" is recorded, not blocking.
import { z } from "zod";
import { type CommandRequest, runCaseCommand } from "./apply.ts";
import type { CaseDeps } from "./effects.ts";
import { isoDate, optionalText } from "./inputs.ts";

const party = z.enum(["pupil", "guardians"]);

export const communicatedInput = z.object({
  revision: z.number().int().min(1),
  communicatedOn: isoDate,
  to: z.array(party).min(1).max(2),
});

export const responseInput = z.object({
  revision: z.number().int().min(1),
  respondedOn: isoDate,
  by: party,
  accepted: z.boolean(),
  comment: optionalText(),
});

export function recordPlanCommunicated(
  deps: CaseDeps,
  req: CommandRequest,
  input: z.infer<typeof communicatedInput>,
) {
  return runCaseCommand(deps, req, { type: "recordPlanCommunicated", ...input });
}

export function recordPlanResponse(
  deps: CaseDeps,
  req: CommandRequest,
  input: z.infer<typeof responseInput>,
) {
  return runCaseCommand(deps, req, { type: "recordPlanResponse", ...input });
}
