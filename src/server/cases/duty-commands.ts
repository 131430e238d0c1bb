// Use cases for the rules of issue #8 that each record one fact: a pupil who could not be
// heard, another pupil directly involved, the principal's answer to "is this serious?", the
// §12-5 measures put in place at once, the family told (or an adult pupil's choice), and the
// covering statement to Statsforvalteren. The rules themselves live in src/core/cases.
import { randomUUID } from "node:crypto";
import { z } from "zod";
import type { IsoDate } from "../../core/calendar/iso-date.ts";
import { isAdultOn } from "../../core/cases/duty-rules.ts";
import { INFORM_CHANNELS, INVOLVEMENT_ROLES } from "../../core/cases/types.ts";
import type { Tx } from "../platform/db/database.ts";
import { type CommandRequest, runCaseCommand } from "./apply.ts";
import type { CaseDeps } from "./effects.ts";
import { caseInputProblem } from "./errors.ts";
import { isoDate, optionalText, text } from "./inputs.ts";

export const notHeardInput = z.object({ pupilId: z.uuid(), reason: text() });

export function recordPupilNotHeard(
  deps: CaseDeps,
  req: CommandRequest,
  input: z.infer<typeof notHeardInput>,
) {
  return runCaseCommand(deps, req, {
    type: "recordPupilNotHeard",
    entryId: randomUUID(),
    pupilId: input.pupilId,
    reason: input.reason,
  });
}

export const involvedPupilInput = z.object({
  pupilId: z.uuid(),
  role: z.enum(INVOLVEMENT_ROLES),
});

export function addInvolvedPupil(
  deps: CaseDeps,
  req: CommandRequest,
  input: z.infer<typeof involvedPupilInput>,
) {
  return runCaseCommand(deps, req, async (tx, state) => {
    if (!(await isPupilAt(tx, input.pupilId, state.schoolId))) {
      throw caseInputProblem(req.lang, "pupilId", "pupil.notAtSchool");
    }
    return { type: "addInvolvedPupil", pupilId: input.pupilId, role: input.role };
  });
}

export const seriousnessInput = z.object({ serious: z.boolean(), reason: optionalText() });

export function assessSeriousness(
  deps: CaseDeps,
  req: CommandRequest,
  input: z.infer<typeof seriousnessInput>,
) {
  return runCaseCommand(deps, req, {
    type: "assessSeriousness",
    serious: input.serious,
    reason: input.reason,
  });
}

export const immediateMeasuresInput = z.object({ text: text() });

export function recordImmediateMeasures(
  deps: CaseDeps,
  req: CommandRequest,
  input: z.infer<typeof immediateMeasuresInput>,
) {
  return runCaseCommand(deps, req, {
    type: "recordImmediateMeasures",
    entryId: randomUUID(),
    text: input.text,
  });
}

export const familyInformationInput = z.discriminatedUnion("type", [
  z.object({
    type: z.literal("guardiansInformed"),
    pupilId: z.uuid(),
    informedOn: isoDate,
    channel: z.enum(INFORM_CHANNELS),
    /** Who told them; the person recording it when absent. */
    informedBy: z.uuid().optional(),
  }),
  z.object({
    type: z.literal("adultPupilChoice"),
    pupilId: z.uuid(),
    decidedOn: isoDate,
    familyMayBeTold: z.boolean(),
  }),
]);

export function recordFamilyInformation(
  deps: CaseDeps,
  req: CommandRequest,
  input: z.infer<typeof familyInformationInput>,
) {
  return runCaseCommand(deps, req, async (tx, state) => {
    if (input.type === "guardiansInformed") {
      const informedBy = input.informedBy ?? actorPersonId(req);
      if (input.informedBy !== undefined && !(await worksAt(tx, informedBy, state.schoolId))) {
        throw caseInputProblem(req.lang, "informedBy", "team.notStaff");
      }
      return {
        type: "recordGuardiansInformed",
        entryId: randomUUID(),
        pupilId: input.pupilId,
        informedOn: input.informedOn,
        channel: input.channel,
        informedBy,
        pupilIsAdult: await pupilIsAdultOn(tx, input.pupilId, input.informedOn),
      };
    }
    return {
      type: "recordAdultPupilChoice",
      entryId: randomUUID(),
      pupilId: input.pupilId,
      decidedOn: input.decidedOn,
      familyMayBeTold: input.familyMayBeTold,
      pupilIsAdult: await pupilIsAdultOn(tx, input.pupilId, input.decidedOn),
    };
  });
}

export const coveringStatementInput = z.object({ text: text() });

export function recordCoveringStatement(
  deps: CaseDeps,
  req: CommandRequest,
  input: z.infer<typeof coveringStatementInput>,
) {
  return runCaseCommand(deps, req, {
    type: "recordCoveringStatement",
    entryId: randomUUID(),
    text: input.text,
  });
}

function actorPersonId(req: CommandRequest): string {
  return "personId" in req.actor ? req.actor.personId : "system";
}

async function isPupilAt(tx: Tx, personId: string, schoolId: string): Promise<boolean> {
  const row = await tx
    .selectFrom("role_assignment")
    .select("person_id")
    .where("person_id", "=", personId)
    .where("school_id", "=", schoolId)
    .where("role", "=", "pupil")
    .executeTakeFirst();
  return row !== undefined;
}

async function worksAt(tx: Tx, personId: string, schoolId: string): Promise<boolean> {
  const row = await tx
    .selectFrom("role_assignment")
    .select("person_id")
    .where("person_id", "=", personId)
    .where("school_id", "=", schoolId)
    .where("role", "not in", ["pupil", "guardian"])
    .executeTakeFirst();
  return row !== undefined;
}

/** Is the pupil 18 or over on `on`? null when the birth date is not known. */
async function pupilIsAdultOn(tx: Tx, pupilId: string, on: IsoDate): Promise<boolean | null> {
  const person = await tx
    .selectFrom("person")
    .select("birth_date")
    .where("id", "=", pupilId)
    .executeTakeFirst();
  if (!person?.birth_date) return null;
  return isAdultOn(person.birth_date as IsoDate, on);
}
