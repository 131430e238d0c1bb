// The principal brings the school owner in: the owner's case officer is notified at once and
// may read the case from then on.
import { z } from "zod";
import { type CommandRequest, runCaseCommand } from "./apply.ts";
import type { CaseDeps } from "./effects.ts";
import { text } from "./inputs.ts";

export const seriousInput = z.object({ reason: text() });

export function markSerious(
  deps: CaseDeps,
  req: CommandRequest,
  input: z.infer<typeof seriousInput>,
) {
  return runCaseCommand(deps, req, { type: "markSerious", reason: input.reason });
}
