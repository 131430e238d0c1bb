import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  addDays,
  daysBetween,
  fromEpochDay,
  type IsoDate,
  parseIsoDate,
  toEpochDay,
} from "../calendar/iso-date.ts";
import { createWorkingDayCalendar } from "../calendar/working-days.ts";
import { complaintRight, mayComplainOn } from "./complaint.ts";

const d = parseIsoDate;
const plain = createWorkingDayCalendar();

describe("complaintRight: the first day the family may go to Statsforvalteren", () => {
  it.each([
    ["an ordinary Monday: a week later", "2027-03-01", [], "2027-03-08"],
    ["an ordinary Friday: a week later", "2027-03-05", [], "2027-03-12"],
    ["a Saturday: a week is Saturday, so the Monday after", "2027-03-06", [], "2027-03-15"],
    ["a Sunday: the Monday eight days later", "2027-03-07", [], "2027-03-15"],
    [
      "Friday before Easter 2024: five working days reach Wednesday",
      "2024-03-22",
      [],
      "2024-04-03",
    ],
    ["the week of Ascension and Whit Monday/17 May 2027", "2027-05-10", [], "2027-05-18"],
    ["an owner's closed day adds a day", "2027-03-08", ["2027-03-12"], "2027-03-16"],
    ["Christmas week 2027: 24 December is a working day", "2027-12-22", [], "2027-12-29"],
    ["raised on a public holiday (17 May 2028, Wednesday)", "2028-05-17", [], "2028-05-24"],
  ] as const)("%s", (_label, raised, closed, expected) => {
    const calendar = createWorkingDayCalendar({ extraClosedDays: closed.map(d) });
    const right = complaintRight(d(raised), calendar);
    expect(right.firstComplaintOn).toBe(expected);
    expect(right.raisedOn).toBe(raised);
    expect(right.statute).toBe("opplæringslova § 12-6");
  });

  it("says when a complaint may be made, not before", () => {
    expect(mayComplainOn(d("2027-03-01"), d("2027-03-05"), plain)).toBe(false);
    expect(mayComplainOn(d("2027-03-01"), d("2027-03-08"), plain)).toBe(true);
    expect(mayComplainOn(d("2027-03-01"), d("2027-04-01"), plain)).toBe(true);
  });
});

const FROM = toEpochDay(d("2024-01-01"));
const TO = toEpochDay(d("2031-12-31"));
const dateArb = fc.integer({ min: FROM, max: TO }).map((n) => fromEpochDay(n));

describe("complaintRight (property)", () => {
  it("is a working day, at least five working days and seven days after, and the earliest such day", () => {
    fc.assert(
      fc.property(dateArb, fc.array(dateArb, { maxLength: 20 }), (raised, closed) => {
        const calendar = createWorkingDayCalendar({ extraClosedDays: closed });
        const { firstComplaintOn, workingDaysWaited } = complaintRight(raised, calendar);
        expect(calendar.isWorkingDay(firstComplaintOn)).toBe(true);
        expect(calendar.workingDaysBetween(raised, firstComplaintOn)).toBeGreaterThanOrEqual(5);
        expect(workingDaysWaited).toBe(calendar.workingDaysBetween(raised, firstComplaintOn));
        expect(daysBetween(raised, firstComplaintOn)).toBeGreaterThanOrEqual(7);
        // No earlier day satisfies all three.
        for (let day: IsoDate = addDays(raised, 7); day < firstComplaintOn; day = addDays(day, 1)) {
          const ok = calendar.isWorkingDay(day) && calendar.workingDaysBetween(raised, day) >= 5;
          expect(ok).toBe(false);
        }
      }),
      { numRuns: 300 },
    );
  });
});
