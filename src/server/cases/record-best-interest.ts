// The best-interest assessment (§10-2). A new one supersedes the last; both stay in the file.
import { randomUUID } from "node:crypto";
import { z } from "zod";
import { type CommandRequest, runCaseCommand } from "./apply.ts";
import type { CaseDeps } from "./effects.ts";
import { text } from "./inputs.ts";

export const bestInterestInput = z.object({ text: text() });

export function recordBestInterest(
  deps: CaseDeps,
  req: CommandRequest,
  input: z.infer<typeof bestInterestInput>,
) {
  return runCaseCommand(deps, req, {
    type: "recordBestInterest",
    assessmentId: randomUUID(),
    text: input.text,
  });
}
