/** The school owner's settings for the duty-to-act clock. */

import { type CaseError, caseError } from "./errors.ts";

export interface CaseSettings {
  /** The plan is written, communicated and accepted within N working days (Akershus: 5). */
  readonly planDeadlineWorkingDays: number;
  /** Minutes before an unacknowledged alert goes to the next level (60 by default). */
  readonly alertEscalationMinutes: number;
}

export const DEFAULT_CASE_SETTINGS: CaseSettings = {
  planDeadlineWorkingDays: 5,
  alertEscalationMinutes: 60,
};

/** Bounds that keep a typo from disabling the clock (0 days) or the alert (a week). */
export const CASE_SETTING_BOUNDS = {
  planDeadlineWorkingDays: { min: 1, max: 30 },
  alertEscalationMinutes: { min: 1, max: 24 * 60 },
} as const;

export function validateCaseSettings(settings: CaseSettings): CaseError | null {
  for (const field of ["planDeadlineWorkingDays", "alertEscalationMinutes"] as const) {
    const value = settings[field];
    const { min, max } = CASE_SETTING_BOUNDS[field];
    if (!Number.isSafeInteger(value) || value < min || value > max) {
      return caseError("settings.invalid", { field, min, max });
    }
  }
  return null;
}
