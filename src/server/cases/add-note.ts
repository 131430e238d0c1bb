// An investigation note: a conversation, an observation, a class survey, contact with the
// guardians (case-file items 3 and 5).
import { randomUUID } from "node:crypto";
import { z } from "zod";
import { NOTE_KINDS } from "../../core/cases/types.ts";
import { type CommandRequest, runCaseCommand } from "./apply.ts";
import type { CaseDeps } from "./effects.ts";
import { isoDate, text } from "./inputs.ts";

export const noteInput = z.object({
  kind: z.enum(NOTE_KINDS),
  occurredOn: isoDate,
  text: text(),
});

export function addNote(deps: CaseDeps, req: CommandRequest, input: z.infer<typeof noteInput>) {
  return runCaseCommand(deps, req, {
    type: "addInvestigationNote",
    noteId: randomUUID(),
    kind: input.kind,
    occurredOn: input.occurredOn,
    text: input.text,
  });
}
