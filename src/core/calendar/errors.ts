/**
 * Errors of the calendar module.
 *
 * Every error carries a stable `code` (a translation key for the UI, and a value tests and
 * API error mappers can match on) plus structured `params`; the English `message` is only
 * for logs and developers.
 */

export type CalendarErrorCode =
  | "calendar.invalidDate"
  | "calendar.invalidInstant"
  | "calendar.invalidWorkingDayCount"
  | "calendar.invalidYear"
  | "calendar.invalidIsoWeek";

export type CalendarErrorParams = Readonly<Record<string, string | number>>;

export class CalendarError extends Error {
  readonly code: CalendarErrorCode;
  readonly params: CalendarErrorParams;

  constructor(code: CalendarErrorCode, message: string, params: CalendarErrorParams = {}) {
    super(message);
    this.name = "CalendarError";
    this.code = code;
    this.params = params;
  }
}

/** A typed result for validations that can fail in more than one way at once. */
export type Result<T, E> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly error: E };
