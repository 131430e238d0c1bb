// Changing a case's kind, with a reason (e.g. a concern that turns out to be about staff).
// Turning it into a leadership case hands it to the owner and removes the school's leadership.
import { z } from "zod";
import { CASE_KINDS } from "../../core/cases/types.ts";
import { type CommandRequest, runCaseCommand } from "./apply.ts";
import type { CaseDeps } from "./effects.ts";
import { text } from "./inputs.ts";

export const reclassifyInput = z.object({ kind: z.enum(CASE_KINDS), reason: text() });

export function reclassify(
  deps: CaseDeps,
  req: CommandRequest,
  input: z.infer<typeof reclassifyInput>,
) {
  return runCaseCommand(deps, req, { type: "reclassify", ...input });
}
