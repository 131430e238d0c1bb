// §12-5: the principal notifies the school owner the same day, or records that the report is
// obviously unfounded, with the reason (a judgement only the principal may make).
import { z } from "zod";
import { type CommandRequest, runCaseCommand } from "./apply.ts";
import type { CaseDeps } from "./effects.ts";
import { text } from "./inputs.ts";

export const ownerDecisionInput = z.discriminatedUnion("decision", [
  z.object({ decision: z.literal("notifyOwner") }),
  z.object({ decision: z.literal("obviouslyUnfounded"), reason: text() }),
]);

export type OwnerDecisionInput = z.infer<typeof ownerDecisionInput>;

export function recordOwnerDecision(
  deps: CaseDeps,
  req: CommandRequest,
  input: OwnerDecisionInput,
) {
  return runCaseCommand(
    deps,
    req,
    input.decision === "notifyOwner"
      ? { type: "notifyOwner" }
      : { type: "recordObviouslyUnfounded", reason: input.reason },
  );
}
