// One more pupil in the case (or the pupil behind an anonymous report, once known). The pupil
// must go to the case's school.
import { z } from "zod";
import { type CommandRequest, runCaseCommand } from "./apply.ts";
import type { CaseDeps } from "./effects.ts";
import { caseInputProblem } from "./errors.ts";

export const addPupilInput = z.object({ pupilId: z.uuid() });

export function addPupil(
  deps: CaseDeps,
  req: CommandRequest,
  input: z.infer<typeof addPupilInput>,
) {
  return runCaseCommand(deps, req, async (tx, state) => {
    const pupil = await tx
      .selectFrom("role_assignment")
      .select("person_id")
      .where("person_id", "=", input.pupilId)
      .where("school_id", "=", state.schoolId)
      .where("role", "=", "pupil")
      .executeTakeFirst();
    if (!pupil) throw caseInputProblem(req.lang, "pupilId", "pupil.notAtSchool");
    return { type: "addPupil", pupilId: input.pupilId };
  });
}
