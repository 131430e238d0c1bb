// The principal or deputy (or the owner, once the alert has reached it) confirms the report
// is received: the alert stops escalating and each named reporter's receipt turns
// "acknowledged".
import type { CaseState } from "../../core/cases/types.ts";
import { type CommandRequest, runCaseCommand } from "./apply.ts";
import type { CaseDeps } from "./effects.ts";

export function acknowledgeCase(deps: CaseDeps, req: CommandRequest): Promise<CaseState> {
  return runCaseCommand(deps, req, { type: "acknowledge" });
}
