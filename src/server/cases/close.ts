// Closing a case: only when the pupil says they feel safe, or with a recorded reason. A closed
// case is archived read-only; it is never deleted (there is no route that could).
import { z } from "zod";
import { type CommandRequest, runCaseCommand } from "./apply.ts";
import type { CaseDeps } from "./effects.ts";
import { text } from "./inputs.ts";

export const closeInput = z.discriminatedUnion("type", [
  z.object({ type: z.literal("pupilFeelsSafe") }),
  z.object({ type: z.literal("reason"), reason: text() }),
]);

export function closeCase(deps: CaseDeps, req: CommandRequest, input: z.infer<typeof closeInput>) {
  return runCaseCommand(deps, req, { type: "close", closure: input });
}
