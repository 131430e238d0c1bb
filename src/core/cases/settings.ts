/** The school owner's settings for the duty-to-act clock. */

import { type CaseError, caseError } from "./errors.ts";

export interface CaseSettings {
  /** The plan is written, communicated and accepted within N working days (Akershus: 5). */
  readonly planDeadlineWorkingDays: number;
  /** Minutes before an unacknowledged alert goes to the next level (60 by default). */
  readonly alertEscalationMinutes: number;
  /**
   * The investigation ("undersøke snarest") is under way within N working days of the day
   * the school knew (2 by default): the first note, view or assessment is due by then.
   */
  readonly investigationDeadlineWorkingDays: number;
  /** Guardians of a pupil under 18 are told a case exists within N working days (2). */
  readonly guardiansInformedWorkingDays: number;
}

export const DEFAULT_CASE_SETTINGS: CaseSettings = {
  planDeadlineWorkingDays: 5,
  alertEscalationMinutes: 60,
  investigationDeadlineWorkingDays: 2,
  guardiansInformedWorkingDays: 2,
};

/** Bounds that keep a typo from disabling the clock (0 days) or the alert (a week). */
export const CASE_SETTING_BOUNDS = {
  planDeadlineWorkingDays: { min: 1, max: 30 },
  // 5 minutes at least, as the database's CHECK says: a shorter wait cannot be acknowledged.
  alertEscalationMinutes: { min: 5, max: 24 * 60 },
  investigationDeadlineWorkingDays: { min: 1, max: 30 },
  guardiansInformedWorkingDays: { min: 1, max: 30 },
} as const;

export const CASE_SETTING_FIELDS = [
  "planDeadlineWorkingDays",
  "alertEscalationMinutes",
  "investigationDeadlineWorkingDays",
  "guardiansInformedWorkingDays",
] as const satisfies readonly (keyof CaseSettings)[];

export function validateCaseSettings(settings: CaseSettings): CaseError | null {
  for (const field of CASE_SETTING_FIELDS) {
    const value = settings[field];
    const { min, max } = CASE_SETTING_BOUNDS[field];
    if (!Number.isSafeInteger(value) || value < min || value > max) {
      return caseError("settings.invalid", { field, min, max });
    }
  }
  return null;
}
