// The log of measures actually carried out (case-file item 6).
import { randomUUID } from "node:crypto";
import { z } from "zod";
import { type CommandRequest, runCaseCommand } from "./apply.ts";
import type { CaseDeps } from "./effects.ts";
import { isoDate, optionalText } from "./inputs.ts";

export const carriedOutInput = z.object({
  carriedOutOn: isoDate,
  note: optionalText(),
});

export function recordMeasureCarriedOut(
  deps: CaseDeps,
  req: CommandRequest,
  measureId: string,
  input: z.infer<typeof carriedOutInput>,
) {
  return runCaseCommand(deps, req, {
    type: "recordMeasureCarriedOut",
    entryId: randomUUID(),
    measureId,
    carriedOutOn: input.carriedOutOn,
    note: input.note,
  });
}
