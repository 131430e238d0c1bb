import Holidays from "date-holidays";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CalendarError } from "./errors.ts";
import {
  addDays,
  daysBetween,
  eachDay,
  fromEpochDay,
  type IsoDate,
  parseIsoDate,
  toEpochDay,
} from "./iso-date.ts";
import { createWorkingDayCalendar, type NonWorkingReason } from "./working-days.ts";

const d = parseIsoDate;
const plain = createWorkingDayCalendar();

interface DeadlineCase {
  name: string;
  from: string;
  n: number;
  closed?: string[];
  expected: string;
}

// Worked by hand from a printed calendar; the comments list the days counted.
const deadlineCases: DeadlineCase[] = [
  // Easter
  {
    name: "Easter 2024: report on the Friday before Holy Week (25,26,27 | 28–1 Apr off | 2,3)",
    from: "2024-03-22",
    n: 5,
    expected: "2024-04-03",
  },
  {
    name: "Easter 2025: report on Wednesday of Holy Week skips Thu–Mon (22,23,24,25,28)",
    from: "2025-04-16",
    n: 5,
    expected: "2025-04-28",
  },
  {
    name: "Easter 2026: report on Maundy Thursday, 1 day → Tuesday after Easter Monday",
    from: "2026-04-02",
    n: 1,
    expected: "2026-04-07",
  },
  {
    name: "Easter 2026: report on Maundy Thursday, 5 days (7,8,9,10,13)",
    from: "2026-04-02",
    n: 5,
    expected: "2026-04-13",
  },
  {
    name: "Easter 2026: report on Good Friday, 1 day → Tuesday",
    from: "2026-04-03",
    n: 1,
    expected: "2026-04-07",
  },
  {
    name: "Easter 2035 (25 Mar): report on Wednesday before Maundy Thursday (27,28,29,30,2)",
    from: "2035-03-21",
    n: 5,
    expected: "2035-04-02",
  },
  // Ascension
  {
    name: "Ascension 2025 (Thu 29 May): report on Monday (27,28 | 29 off | 30,2,3)",
    from: "2025-05-26",
    n: 5,
    expected: "2025-06-03",
  },
  {
    name: "Ascension 2025 with the Friday after it closed by the owner (27,28 | 29,30 | 2,3,4)",
    from: "2025-05-26",
    n: 5,
    closed: ["2025-05-30"],
    expected: "2025-06-04",
  },
  // Whit Monday
  {
    name: "Whit Monday 2025 (9 Jun): report on the Friday before, 1 day → Tuesday",
    from: "2025-06-06",
    n: 1,
    expected: "2025-06-10",
  },
  {
    name: "Whit Monday 2025: report on the Friday before, 5 days (10,11,12,13,16)",
    from: "2025-06-06",
    n: 5,
    expected: "2025-06-16",
  },
  // 1 and 17 May
  {
    name: "1 May 2025 (Thursday): report on Tuesday (30 | 1 off | 2,5,6,7)",
    from: "2025-04-29",
    n: 5,
    expected: "2025-05-07",
  },
  {
    name: "May 2024: 1 May and Ascension in one run of 10 days",
    from: "2024-04-30",
    n: 10,
    expected: "2024-05-16",
  },
  {
    name: "17 May 2024 (Friday) then Whit Monday 20 May: report on Thursday, 1 day → Tuesday",
    from: "2024-05-16",
    n: 1,
    expected: "2024-05-21",
  },
  {
    name: "17 May 2024 then Whit Monday: 5 days (21,22,23,24,27)",
    from: "2024-05-16",
    n: 5,
    expected: "2024-05-27",
  },
  {
    name: "2027: 17 May is also Whit Monday, one day lost not two (18,19,20,21,24)",
    from: "2027-05-14",
    n: 5,
    expected: "2027-05-24",
  },
  {
    name: "2027: 17 May is also Whit Monday, 1 day → Tuesday 18 May",
    from: "2027-05-14",
    n: 1,
    expected: "2027-05-18",
  },
  {
    name: "17 May 2025 is a Saturday and costs nothing (12,13,14,15,16 → 19)",
    from: "2025-05-12",
    n: 5,
    expected: "2025-05-19",
  },
  // Christmas and New Year
  {
    name: "Christmas 2024: Christmas Eve and New Year's Eve are working days (23,24,27,30,31)",
    from: "2024-12-20",
    n: 5,
    expected: "2024-12-31",
  },
  {
    name: "New Year 2025: report on 30 December, 2 days (31 | 1 Jan off | 2)",
    from: "2024-12-30",
    n: 2,
    expected: "2025-01-02",
  },
  {
    name: "Christmas 2027 on a weekend costs nothing (24, 27)",
    from: "2027-12-23",
    n: 2,
    expected: "2027-12-27",
  },
  {
    name: "Christmas 2025 (Thu/Fri): report on 23 December, 5 days (24,29,30,31,2)",
    from: "2025-12-23",
    n: 5,
    expected: "2026-01-02",
  },
  // Weekends
  {
    name: "weekend: report on Friday, 1 day → Monday",
    from: "2025-03-07",
    n: 1,
    expected: "2025-03-10",
  },
  {
    name: "weekend: report on Saturday, 1 day → Monday",
    from: "2025-03-08",
    n: 1,
    expected: "2025-03-10",
  },
  {
    name: "weekend: report on Sunday, 5 days → Friday",
    from: "2025-03-09",
    n: 5,
    expected: "2025-03-14",
  },
  {
    name: "weekend: report on Friday, 5 days → next Friday",
    from: "2025-03-07",
    n: 5,
    expected: "2025-03-14",
  },
  // n = 0
  {
    name: "0 days from a working day is that day",
    from: "2025-03-05",
    n: 0,
    expected: "2025-03-05",
  },
  {
    name: "0 days from a Saturday moves forward to Monday",
    from: "2025-03-08",
    n: 0,
    expected: "2025-03-10",
  },
  {
    name: "0 days from Good Friday 2025 moves forward past Easter Monday",
    from: "2025-04-18",
    n: 0,
    expected: "2025-04-22",
  },
  // Owner closed days
  {
    name: "owner closed days: Friday and Monday closed (6 | 7,10 closed | 11,12,13,14)",
    from: "2025-03-05",
    n: 5,
    closed: ["2025-03-07", "2025-03-10"],
    expected: "2025-03-14",
  },
  {
    name: "owner closed days: the same report without them",
    from: "2025-03-05",
    n: 5,
    expected: "2025-03-12",
  },
  {
    name: "owner closed day on a Saturday changes nothing",
    from: "2025-03-07",
    n: 1,
    closed: ["2025-03-08"],
    expected: "2025-03-10",
  },
  {
    name: "owner closed day on a public holiday changes nothing",
    from: "2025-04-29",
    n: 5,
    closed: ["2025-05-01"],
    expected: "2025-05-07",
  },
  {
    name: "owner closed day given twice counts once",
    from: "2025-03-06",
    n: 1,
    closed: ["2025-03-07", "2025-03-07"],
    expected: "2025-03-10",
  },
  {
    name: "0 days from an owner closed day moves forward",
    from: "2025-03-07",
    n: 0,
    closed: ["2025-03-07"],
    expected: "2025-03-10",
  },
  // School holidays do not stop the clock
  {
    name: "autumn break (week 40, 2025) does not stop the clock",
    from: "2025-09-26",
    n: 5,
    expected: "2025-10-03",
  },
  {
    name: "winter break (week 8, 2026) does not stop the clock",
    from: "2026-02-13",
    n: 5,
    expected: "2026-02-20",
  },
];

describe("addWorkingDays: deadlines", () => {
  it.each(deadlineCases)("$name", ({ from, n, closed, expected }) => {
    const calendar = createWorkingDayCalendar({ extraClosedDays: (closed ?? []).map(d) });
    const deadline = calendar.addWorkingDays(d(from), n);
    expect(deadline).toBe(expected);
    expect(calendar.isWorkingDay(deadline)).toBe(true);
    if (n > 0) expect(calendar.workingDaysBetween(d(from), deadline)).toBe(n);
  });

  it.each([-1, 1.5, Number.NaN, Number.POSITIVE_INFINITY])(
    "rejects %s working days with calendar.invalidWorkingDayCount",
    (n) => {
      expect(() => plain.addWorkingDays(d("2025-03-05"), n)).toThrowError(
        expect.objectContaining({ code: "calendar.invalidWorkingDayCount" }),
      );
    },
  );

  it("rejects a malformed closed day that slipped past the type system", () => {
    expect(() =>
      createWorkingDayCalendar({ extraClosedDays: ["2025-02-30" as IsoDate] }),
    ).toThrowError(CalendarError);
  });
});

describe("isWorkingDay and nonWorkingReasons", () => {
  const calendar = createWorkingDayCalendar({ extraClosedDays: [d("2025-08-15")] });

  it.each<[string, NonWorkingReason[], string]>([
    ["2025-03-05", [], "an ordinary Wednesday"],
    ["2024-12-24", [], "Christmas Eve"],
    ["2024-12-31", [], "New Year's Eve"],
    ["2025-10-01", [], "a day in the autumn break"],
    ["2025-03-08", ["weekend"], "a Saturday"],
    ["2025-04-17", ["publicHoliday"], "Maundy Thursday"],
    ["2025-05-17", ["weekend", "publicHoliday"], "17 May on a Saturday"],
    ["2025-04-20", ["weekend", "publicHoliday"], "Easter Sunday"],
    ["2025-08-15", ["closedDay"], "an owner closed day"],
  ])("%s → %j (%s)", (date, reasons) => {
    expect(calendar.nonWorkingReasons(d(date))).toEqual(reasons);
    expect(calendar.isWorkingDay(d(date))).toBe(reasons.length === 0);
  });

  it("keeps the owner's closed days sorted and unique", () => {
    const cal = createWorkingDayCalendar({
      extraClosedDays: [d("2025-08-15"), d("2025-01-02"), d("2025-08-15")],
    });
    expect(cal.extraClosedDays).toEqual(["2025-01-02", "2025-08-15"]);
  });
});

describe("nextWorkingDay and workingDayOnOrAfter", () => {
  it.each<[string, string, string]>([
    ["2025-03-05", "2025-03-06", "2025-03-05"],
    ["2025-03-07", "2025-03-10", "2025-03-07"],
    ["2025-03-08", "2025-03-10", "2025-03-10"],
    ["2025-04-16", "2025-04-22", "2025-04-16"],
    ["2025-04-17", "2025-04-22", "2025-04-22"],
    ["2024-12-31", "2025-01-02", "2024-12-31"],
  ])("%s: next %s, on-or-after %s", (date, next, onOrAfter) => {
    expect(plain.nextWorkingDay(d(date))).toBe(next);
    expect(plain.workingDayOnOrAfter(d(date))).toBe(onOrAfter);
  });
});

describe("workingDaysBetween", () => {
  it.each<[string, string, number, string]>([
    ["2024-03-22", "2024-04-03", 5, "across Easter 2024"],
    ["2024-04-03", "2024-03-22", -5, "reversed"],
    ["2025-03-05", "2025-03-05", 0, "the same day"],
    ["2025-03-08", "2025-03-09", 0, "a weekend"],
    ["2025-03-07", "2025-03-10", 1, "Friday to Monday"],
    ["2024-12-20", "2024-12-31", 5, "across Christmas 2024"],
    ["2025-01-01", "2025-12-31", 252, "2025: 261 weekdays minus 9 weekday holidays"],
  ])("(%s, %s] has %i working days (%s)", (from, to, expected) => {
    expect(plain.workingDaysBetween(d(from), d(to))).toBe(expected);
  });
});

// ---------------------------------------------------------------------------------------
// Properties

const START = toEpochDay(d("2020-01-01"));
const END = toEpochDay(d("2040-12-31"));

const dateArb = fc.integer({ min: START, max: END }).map(fromEpochDay);
const countArb = fc.integer({ min: 0, max: 80 });
/** Up to 15 owner closed days near the start, where they can affect a deadline. */
const closedArb = (start: IsoDate) =>
  fc.array(
    fc.integer({ min: -5, max: 150 }).map((offset) => addDays(start, offset)),
    {
      maxLength: 15,
    },
  );
const scenarioArb = dateArb.chain((start) =>
  fc.record({ start: fc.constant(start), n: countArb, closed: closedArb(start) }),
);

describe("addWorkingDays properties", () => {
  it("the deadline is a working day, never before the start", () => {
    fc.assert(
      fc.property(scenarioArb, ({ start, n, closed }) => {
        const cal = createWorkingDayCalendar({ extraClosedDays: closed });
        const deadline = cal.addWorkingDays(start, n);
        expect(cal.isWorkingDay(deadline)).toBe(true);
        expect(deadline >= start).toBe(true);
      }),
    );
  });

  it("for n ≥ 1 there are exactly n working days in (start, deadline]", () => {
    fc.assert(
      fc.property(scenarioArb, ({ start, n, closed }) => {
        fc.pre(n >= 1);
        const cal = createWorkingDayCalendar({ extraClosedDays: closed });
        const deadline = cal.addWorkingDays(start, n);
        const counted = [...eachDay(addDays(start, 1), deadline)].filter(cal.isWorkingDay);
        expect(counted).toHaveLength(n);
        expect(cal.workingDaysBetween(start, deadline)).toBe(n);
      }),
    );
  });

  it("for n = 0 no working day lies in [start, deadline)", () => {
    fc.assert(
      fc.property(dateArb, (start) => {
        const deadline = plain.addWorkingDays(start, 0);
        expect([...eachDay(start, addDays(deadline, -1))].some(plain.isWorkingDay)).toBe(false);
      }),
    );
  });

  it("is monotonic in n (strictly from n = 1)", () => {
    fc.assert(
      fc.property(dateArb, countArb, countArb, (start, a, b) => {
        const [low, high] = a <= b ? [a, b] : [b, a];
        const early = plain.addWorkingDays(start, low);
        const late = plain.addWorkingDays(start, high);
        expect(early <= late).toBe(true);
        if (low >= 1 && low < high) expect(early < late).toBe(true);
      }),
    );
  });

  it("is monotonic in the start date", () => {
    fc.assert(
      fc.property(dateArb, fc.integer({ min: 0, max: 30 }), countArb, (start, gap, n) => {
        const later = addDays(start, gap);
        expect(plain.addWorkingDays(start, n) <= plain.addWorkingDays(later, n)).toBe(true);
      }),
    );
  });

  it("adding in two steps equals adding at once (for steps ≥ 1)", () => {
    fc.assert(
      fc.property(
        dateArb,
        fc.integer({ min: 1, max: 40 }),
        fc.integer({ min: 1, max: 40 }),
        (start, a, b) => {
          expect(plain.addWorkingDays(plain.addWorkingDays(start, a), b)).toBe(
            plain.addWorkingDays(start, a + b),
          );
        },
      ),
    );
  });

  it("workingDaysBetween is antisymmetric", () => {
    fc.assert(
      fc.property(dateArb, fc.integer({ min: -60, max: 60 }), (from, gap) => {
        const to = addDays(from, gap);
        expect(plain.workingDaysBetween(from, to) + plain.workingDaysBetween(to, from)).toBe(0);
        expect(Object.is(plain.workingDaysBetween(to, from), -0)).toBe(false);
        expect(Math.abs(plain.workingDaysBetween(from, to))).toBeLessThanOrEqual(Math.abs(gap));
        expect(daysBetween(from, to)).toBe(gap);
      }),
    );
  });
});

describe("isWorkingDay agrees with an independent oracle (date-holidays + Date#getUTCDay)", () => {
  const reference = new Holidays("NO");
  const publicDates = new Set<string>();
  for (let year = 2024; year <= 2035; year++) {
    for (const holiday of reference.getHolidays(year)) {
      if (holiday.type === "public") publicDates.add(holiday.date.slice(0, 10));
    }
  }

  it("for every day 2024–2035", () => {
    let disagreements = 0;
    for (const day of eachDay(d("2024-01-01"), d("2035-12-31"))) {
      const utcDay = new Date(`${day}T00:00:00Z`).getUTCDay();
      const expected = utcDay !== 0 && utcDay !== 6 && !publicDates.has(day);
      if (plain.isWorkingDay(day) !== expected) disagreements++;
    }
    expect(disagreements).toBe(0);
  });
});
