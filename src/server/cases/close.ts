// Closing a case: on one of the fixed grounds on which the duty to act ends (ADR 0113). The
// core decides whether the ground holds; a closed case is closed and locked, never deleted
// (there is no route that could).
import { z } from "zod";
import { type CommandRequest, runCaseCommand } from "./apply.ts";
import type { CaseDeps } from "./effects.ts";
import { caseInputProblem } from "./errors.ts";
import { text } from "./inputs.ts";
import { loadCase } from "./store.ts";

export const closeInput = z.discriminatedUnion("type", [
  z.object({ type: z.literal("pupilFeelsSafe") }),
  z.object({
    type: z.literal("pupilLeftSchool"),
    pupilIds: z.array(z.uuid()).min(1).max(30),
    note: text(),
  }),
  z.object({ type: z.literal("joined"), intoCaseId: z.uuid() }),
  z.object({ type: z.literal("noCaseToAnswer"), findings: text() }),
  z.object({ type: z.literal("other"), reason: text(), confirmed: z.boolean() }),
]);

export function closeCase(deps: CaseDeps, req: CommandRequest, input: z.infer<typeof closeInput>) {
  return runCaseCommand(deps, req, async (tx, state) => {
    if (input.type === "joined") {
      // The case it went into must be an open case of the same school (and owner).
      const target = await loadCase(tx, input.intoCaseId);
      if (
        target === null ||
        target.state.id === state.id ||
        target.state.schoolId !== state.schoolId ||
        target.state.status === "closed"
      ) {
        throw caseInputProblem(req.lang, "intoCaseId", "close.joinTargetInvalid");
      }
    }
    return { type: "close", closure: input };
  });
}
