// Shared pieces of the case use cases' input schemas.
import { z } from "zod";
import { type IsoDate, isIsoDate } from "../../core/calendar/iso-date.ts";

export const isoDate = z
  .string()
  .refine((v) => isIsoDate(v), { error: "field.invalidDate" })
  .transform((v) => v as IsoDate);

export const text = (max = 20_000) => z.string().trim().min(1).max(max);

export const optionalText = (max = 20_000) =>
  z
    .string()
    .trim()
    .max(max)
    .nullish()
    .transform((v) => (v ? v : null));
