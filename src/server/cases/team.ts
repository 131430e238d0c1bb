// The named case team: who besides the leads may see and work on the case (need-to-know).
// The core checks that a member works at the school and is not in the leadership of a
// leadership case; the server supplies the person's roles.
import { z } from "zod";
import type { Role } from "../../core/access/roles.ts";
import { type CommandRequest, runCaseCommand } from "./apply.ts";
import type { CaseDeps } from "./effects.ts";
import { rolesAtSchoolAndOwner } from "./store.ts";

export const memberInput = z.object({ personId: z.uuid() });

export function addTeamMember(
  deps: CaseDeps,
  req: CommandRequest,
  input: z.infer<typeof memberInput>,
) {
  return runCaseCommand(deps, req, async (tx, state) => ({
    type: "addTeamMember",
    personId: input.personId,
    roles: (await rolesAtSchoolAndOwner(
      tx,
      input.personId,
      state.schoolId,
      state.ownerId,
    )) as Role[],
  }));
}

export function removeTeamMember(deps: CaseDeps, req: CommandRequest, personId: string) {
  return runCaseCommand(deps, req, { type: "removeTeamMember", personId });
}
