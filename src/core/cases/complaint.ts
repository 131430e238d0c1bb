/**
 * The right to take a case to Statsforvalteren (opplæringslova §12-6, DOMAIN.md §4), in one
 * place. The pupil or the guardians may complain once the matter has been raised with the
 * rektor and a week has passed. The offices read "a week" as five working days; Trygg tells
 * the family the first date on which both readings are satisfied, so the date it gives is
 * never one an office could call too early:
 *
 *   first = the first working day on or after max(raisedOn + 7 days, raisedOn + 5 working days)
 *
 * `raisedOn` is day 0 (the day the school was told: the case's `learnedOn`, or the report's
 * date for a family's own report); counting starts the day after, as for every deadline
 * (src/core/calendar/working-days.ts). The owner's closed days count as non-working days.
 * On a weekday without holidays the two readings agree (Monday → next Monday); the week only
 * matters when the matter was raised on a weekend or holiday.
 */

import { addDays, compareIsoDate, type IsoDate, maxIsoDate } from "../calendar/iso-date.ts";
import type { WorkingDayCalendar } from "../calendar/working-days.ts";

/** Five working days: what the Statsforvalteren offices apply (DOMAIN.md §4). */
export const COMPLAINT_WAIT_WORKING_DAYS = 5;
/** "Ei veke" in the Act. */
export const COMPLAINT_WAIT_CALENDAR_DAYS = 7;
/** The section the texts cite. */
export const COMPLAINT_STATUTE = "opplæringslova § 12-6";

export interface ComplaintRight {
  /** The day the matter was raised with the school (day 0). */
  readonly raisedOn: IsoDate;
  /** The first day the pupil or guardians may take the case to Statsforvalteren. */
  readonly firstComplaintOn: IsoDate;
  /** Working days between `raisedOn` and `firstComplaintOn` (at least 5). */
  readonly workingDaysWaited: number;
  readonly statute: typeof COMPLAINT_STATUTE;
}

/** When the pupil or guardians may first complain about a matter raised on `raisedOn`. */
export function complaintRight(raisedOn: IsoDate, calendar: WorkingDayCalendar): ComplaintRight {
  const week = addDays(raisedOn, COMPLAINT_WAIT_CALENDAR_DAYS);
  const workingDays = calendar.addWorkingDays(raisedOn, COMPLAINT_WAIT_WORKING_DAYS);
  const firstComplaintOn = calendar.workingDayOnOrAfter(maxIsoDate(week, workingDays));
  return {
    raisedOn,
    firstComplaintOn,
    workingDaysWaited: calendar.workingDaysBetween(raisedOn, firstComplaintOn),
    statute: COMPLAINT_STATUTE,
  };
}

/** May the family complain on `today` about a matter raised on `raisedOn`? */
export function mayComplainOn(
  raisedOn: IsoDate,
  today: IsoDate,
  calendar: WorkingDayCalendar,
): boolean {
  return compareIsoDate(today, complaintRight(raisedOn, calendar).firstComplaintOn) >= 0;
}
