// The pupil's own words (§10-1; §12-2: the pupil's experience decides), and whether the
// pupil now says they feel safe.
import { randomUUID } from "node:crypto";
import { z } from "zod";
import { type CommandRequest, runCaseCommand } from "./apply.ts";
import type { CaseDeps } from "./effects.ts";
import { isoDate, text } from "./inputs.ts";

export const pupilViewInput = z.object({
  pupilId: z.uuid(),
  heardOn: isoDate,
  words: text(),
  feelsSafe: z.boolean().nullable(),
});

export function recordPupilView(
  deps: CaseDeps,
  req: CommandRequest,
  input: z.infer<typeof pupilViewInput>,
) {
  return runCaseCommand(deps, req, { type: "recordPupilView", viewId: randomUUID(), ...input });
}
