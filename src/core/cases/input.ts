/**
 * Run-time checks of command input. Commands are typed, but they are built from JSON by the
 * server, so the core checks again what a wrong client could send: blank texts, malformed
 * dates, dates in the future for things that have already happened.
 */

import { type IsoDate, isIsoDate } from "../calendar/iso-date.ts";
import { type CaseError, caseError } from "./errors.ts";

/** Generous: a long conversation note fits; a pasted document does not. */
export const MAX_TEXT_LENGTH = 20_000;

export function isBlank(value: unknown): boolean {
  return typeof value !== "string" || value.trim().length === 0;
}

/** A required free text. */
export function checkText(value: unknown, field: string): CaseError | null {
  if (isBlank(value)) return caseError("input.textMissing", { field });
  if ((value as string).length > MAX_TEXT_LENGTH) {
    return caseError("input.textTooLong", { field, max: MAX_TEXT_LENGTH });
  }
  return null;
}

/** An optional free text: null or a string within the length limit. */
export function checkOptionalText(value: unknown, field: string): CaseError | null {
  if (value === null || value === undefined) return null;
  if (typeof value !== "string") return caseError("input.invalidValue", { field });
  if (value.length > MAX_TEXT_LENGTH) {
    return caseError("input.textTooLong", { field, max: MAX_TEXT_LENGTH });
  }
  return null;
}

export function checkId(value: unknown, field: string): CaseError | null {
  return isBlank(value) ? caseError("input.idMissing", { field }) : null;
}

/** A date of something that has happened: valid and not after today (Oslo). */
export function checkPastDate(value: unknown, field: string, today: IsoDate): CaseError | null {
  if (typeof value !== "string" || !isIsoDate(value))
    return caseError("input.invalidDate", { field });
  if (value > today) return caseError("input.dateInFuture", { field });
  return null;
}

export function isValidDate(value: unknown): value is IsoDate {
  return typeof value === "string" && isIsoDate(value);
}

export function oneOf<T extends string>(value: unknown, allowed: readonly T[]): value is T {
  return typeof value === "string" && (allowed as readonly string[]).includes(value);
}
