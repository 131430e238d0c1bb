// Request bodies of the rotation routes (src/contract/rotations.ts), checked at the edge.
import { z } from "zod";
import { isIsoDate } from "../../core/calendar/iso-date.ts";

const isoDate = z.string().refine((v) => isIsoDate(v), { error: "field.invalidDate" });
const name = z.string().trim().min(1).max(200);
const weeks = z.union([z.literal(3), z.literal(4)]);
const groupSize = z.number().int().min(2).max(6);
const unevenPolicy = z.enum(["smaller", "larger"]);
const pupilIds = z.array(z.uuid()).max(100);

export const fixedSeatInput = z.object({ pupilId: z.uuid(), seatId: z.string().min(1).max(40) });

export const createRotationInput = z.object({
  groupId: z.uuid(),
  name,
  structure: z.enum(["vip", "groups", "seating"]),
  groupSize: groupSize.optional(),
  unevenPolicy: unevenPolicy.optional(),
  rotationWeeks: weeks,
  startsOn: isoDate.optional(),
  classroomId: z.uuid().optional(),
  mixGender: z.boolean().optional(),
});

export const settingsInput = z.object({
  name,
  rotationWeeks: weeks,
  groupSize: groupSize.optional(),
  unevenPolicy: unevenPolicy.optional(),
  classroomId: z.uuid().optional(),
  mixGender: z.boolean().optional(),
  fixedSeats: z.array(fixedSeatInput).max(60).optional(),
});

export const constraintInput = z.object({
  kind: z.enum(["apart", "together"]),
  pupilIds: z.tuple([z.uuid(), z.uuid()]),
});

export const saveRoundInput = z.object({
  groups: z.array(pupilIds).min(1).max(60),
  buddyPairs: z.array(z.array(pupilIds)).max(60).optional(),
  seats: z.record(z.string().min(1).max(40), z.uuid()).optional(),
  locked: pupilIds.optional(),
});

export const replanInput = z.object({
  fromRound: z.number().int().min(0).max(19).optional(),
  seed: z.number().int().min(0).max(2_147_483_647).optional(),
});

export type CreateRotation = z.infer<typeof createRotationInput>;
export type Settings = z.infer<typeof settingsInput>;
