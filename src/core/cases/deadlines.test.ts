import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDays, type IsoDate, parseIsoDate, weekday } from "../calendar/iso-date.ts";
import { createWorkingDayCalendar } from "../calendar/working-days.ts";
import { apply, calendar, caseIn, leadOf, openTestCase, people, TIMES } from "./builders.ts";
import { SYSTEM_ACTOR } from "./case-access.ts";
import { isOverdue, nextStep, pendingSteps, planDeadline, reminderSchedule } from "./deadlines.ts";
import { CASE_KINDS, type CaseKind, type CaseStatus } from "./types.ts";

const d = parseIsoDate;

interface DeadlineCase {
  name: string;
  learnedOn: string;
  n: number;
  closed?: string[];
  expected: string;
}

// Worked by hand from a printed calendar; the comment lists the days counted. Day 0 is the
// day the school learned of it; counting starts the next day.
const table: DeadlineCase[] = [
  // Easter 2027: Maundy Thursday 25 March, Good Friday 26, Easter Monday 29.
  {
    name: "Wed before Easter 2027 (30,31,1,2,5)",
    learnedOn: "2027-03-24",
    n: 5,
    expected: "2027-04-05",
  },
  {
    name: "Fri a week before Easter 2027 (22,23,24 | 25,26,29 off | 30,31)",
    learnedOn: "2027-03-19",
    n: 5,
    expected: "2027-03-31",
  },
  {
    name: "Sat before Holy Week 2027 (22,23,24,30,31)",
    learnedOn: "2027-03-20",
    n: 5,
    expected: "2027-03-31",
  },
  {
    name: "Maundy Thursday 2027, 1 day → Tuesday after Easter",
    learnedOn: "2027-03-25",
    n: 1,
    expected: "2027-03-30",
  },
  {
    name: "Maundy Thursday 2027, 5 days (30,31,1,2,5)",
    learnedOn: "2027-03-25",
    n: 5,
    expected: "2027-04-05",
  },
  {
    name: "Easter Monday 2027, 1 day → Tuesday",
    learnedOn: "2027-03-29",
    n: 1,
    expected: "2027-03-30",
  },
  {
    name: "Wed before Easter 2027, 10 days (30,31,1,2,5,6,7,8,9,12)",
    learnedOn: "2027-03-24",
    n: 10,
    expected: "2027-04-12",
  },
  // Ascension 2027: Thursday 6 May.
  {
    name: "Mon before Ascension 2027 (4,5 | 6 off | 7,10,11)",
    learnedOn: "2027-05-03",
    n: 5,
    expected: "2027-05-11",
  },
  {
    name: "Ascension Day 2027 itself, 1 day → Friday",
    learnedOn: "2027-05-06",
    n: 1,
    expected: "2027-05-07",
  },
  // 1 May 2027 is a Saturday: no effect.
  {
    name: "Fri 30 April 2027, 1 day → Mon 3 May",
    learnedOn: "2027-04-30",
    n: 1,
    expected: "2027-05-03",
  },
  // 17 May 2027 is a Monday and also Whit Monday (the two coincide).
  {
    name: "Fri before 17 May 2027, 1 day → Tue 18",
    learnedOn: "2027-05-14",
    n: 1,
    expected: "2027-05-18",
  },
  {
    name: "Fri before 17 May 2027 (18,19,20,21,24)",
    learnedOn: "2027-05-14",
    n: 5,
    expected: "2027-05-24",
  },
  // 17 May 2028 is a Wednesday; Ascension 2028 is Thursday 25 May; Whit Monday 5 June.
  {
    name: "Tue before 17 May 2028 (18,19,22,23,24)",
    learnedOn: "2028-05-16",
    n: 5,
    expected: "2028-05-24",
  },
  {
    name: "Mon before Ascension 2028 (23,24 | 25 off | 26,29,30)",
    learnedOn: "2028-05-22",
    n: 5,
    expected: "2028-05-30",
  },
  {
    name: "Fri before Whit Monday 2028 (6,7,8,9,12)",
    learnedOn: "2028-06-02",
    n: 5,
    expected: "2028-06-12",
  },
  // Whit Monday 2026: 25 May.
  {
    name: "Fri before Whit Monday 2026 (26,27,28,29,1)",
    learnedOn: "2026-05-22",
    n: 5,
    expected: "2026-06-01",
  },
  // Christmas 2026: 24 and 31 December are working days; 25 Dec and 1 Jan are not.
  {
    name: "Wed 23 Dec 2026 (24 | 25 off | 28,29,30,31)",
    learnedOn: "2026-12-23",
    n: 5,
    expected: "2026-12-31",
  },
  {
    name: "Christmas Eve 2026 (28,29,30,31 | 1 Jan off | 4)",
    learnedOn: "2026-12-24",
    n: 5,
    expected: "2027-01-04",
  },
  {
    name: "Boxing Day 2026 (Sat), 1 day → Mon 28",
    learnedOn: "2026-12-26",
    n: 1,
    expected: "2026-12-28",
  },
  // Owner closed days.
  {
    name: "Wed 23 Dec 2026 with 24 and 31 Dec closed (28,29,30,4,5)",
    learnedOn: "2026-12-23",
    n: 5,
    closed: ["2026-12-24", "2026-12-31"],
    expected: "2027-01-05",
  },
  {
    name: "Wed before Easter 2027 with the Tuesday after Easter closed (31,1,2,5,6)",
    learnedOn: "2027-03-24",
    n: 5,
    closed: ["2027-03-30"],
    expected: "2027-04-06",
  },
  {
    name: "a closed day on a weekend changes nothing",
    learnedOn: "2027-03-24",
    n: 5,
    closed: ["2027-04-03"],
    expected: "2027-04-05",
  },
];

describe("planDeadline", () => {
  it.each(table)("$name → $expected", ({ learnedOn, n, closed, expected }) => {
    const cal = createWorkingDayCalendar({ extraClosedDays: (closed ?? []).map(d) });
    expect(planDeadline(d(learnedOn), n, cal)).toBe(expected);
  });

  it("is always a working day, strictly after the day learned, exactly n working days later", () => {
    const day = fc.integer({ min: 0, max: 365 * 12 }).map((i) => addDays(d("2024-01-01"), i));
    fc.assert(
      fc.property(
        day,
        fc.integer({ min: 1, max: 30 }),
        fc.array(day, { maxLength: 8 }),
        (learnedOn, n, closed) => {
          const cal = createWorkingDayCalendar({ extraClosedDays: closed });
          const due = planDeadline(learnedOn, n, cal);
          expect(due > learnedOn).toBe(true);
          expect(cal.isWorkingDay(due)).toBe(true);
          expect(weekday(due)).toBeLessThanOrEqual(5);
          expect(cal.workingDaysBetween(learnedOn, due)).toBe(n);
        },
      ),
    );
  });
});

describe("nextStep by status", () => {
  const rows: {
    kind: CaseKind;
    status: CaseStatus;
    at: string;
    kindOfStep: string;
    due: string;
    owner: string;
    overdue: boolean;
  }[] = [
    {
      kind: "staff-concern",
      status: "reported",
      at: "2027-03-24T08:30:00.000Z",
      kindOfStep: "acknowledge",
      due: "2027-03-24T09:00:00.000Z",
      owner: "principal",
      overdue: false,
    },
    {
      kind: "staff-concern",
      status: "reported",
      at: "2027-03-24T09:00:01.000Z",
      kindOfStep: "acknowledge",
      due: "2027-03-24T09:00:00.000Z",
      owner: "principal",
      overdue: true,
    },
    {
      kind: "pupil-reported",
      status: "reported",
      at: TIMES.reported,
      kindOfStep: "acknowledge",
      due: "2027-03-24T09:00:00.000Z",
      owner: "principal",
      overdue: false,
    },
    {
      kind: "leadership-violation",
      status: "reported",
      at: TIMES.reported,
      kindOfStep: "acknowledge",
      due: "2027-03-24T09:00:00.000Z",
      owner: "ownerCaseOfficer",
      overdue: false,
    },
    {
      kind: "staff-violation",
      status: "reported",
      at: TIMES.reported,
      kindOfStep: "acknowledge",
      due: "2027-03-24T09:00:00.000Z",
      owner: "principal",
      overdue: false,
    },
    {
      kind: "staff-concern",
      status: "acknowledged",
      at: TIMES.acknowledged,
      kindOfStep: "investigate",
      due: "2027-03-31",
      owner: "principal",
      overdue: false,
    },
    {
      kind: "staff-violation",
      status: "acknowledged",
      at: TIMES.acknowledged,
      kindOfStep: "ownerDecision",
      due: "2027-03-24",
      owner: "principal",
      overdue: false,
    },
    {
      kind: "staff-violation",
      status: "acknowledged",
      at: "2027-03-25T06:00:00.000Z",
      kindOfStep: "ownerDecision",
      due: "2027-03-24",
      owner: "principal",
      overdue: true,
    },
    {
      kind: "leadership-violation",
      status: "acknowledged",
      at: TIMES.acknowledged,
      kindOfStep: "investigate",
      due: "2027-03-31",
      owner: "ownerCaseOfficer",
      overdue: false,
    },
    {
      kind: "staff-concern",
      status: "investigating",
      at: TIMES.investigating,
      kindOfStep: "writePlan",
      due: "2027-04-05",
      owner: "principal",
      overdue: false,
    },
    {
      kind: "staff-concern",
      status: "investigating",
      at: "2027-04-05T21:59:59.000Z",
      kindOfStep: "writePlan",
      due: "2027-04-05",
      owner: "principal",
      overdue: false,
    },
    {
      kind: "staff-concern",
      status: "investigating",
      at: "2027-04-05T22:00:00.000Z",
      kindOfStep: "writePlan",
      due: "2027-04-05",
      owner: "principal",
      overdue: true,
    },
    // measuresActive: the measure starting on the day the plan was saved comes first; its
    // owner is the responsible person.
    {
      kind: "staff-concern",
      status: "measuresActive",
      at: TIMES.measuresActive,
      kindOfStep: "carryOutMeasure",
      due: "2027-03-30",
      owner: "p-principal",
      overdue: false,
    },
    {
      kind: "leadership-violation",
      status: "measuresActive",
      at: TIMES.measuresActive,
      kindOfStep: "carryOutMeasure",
      due: "2027-03-30",
      owner: "p-officer",
      overdue: false,
    },
    // evaluating: revise or close within 5 working days of the evaluation (Tue 20 April → Tue 27).
    {
      kind: "staff-concern",
      status: "evaluating",
      at: TIMES.evaluating,
      kindOfStep: "reviseOrClose",
      due: "2027-04-27",
      owner: "principal",
      overdue: false,
    },
  ];

  it.each(rows)(
    "$kind · $status at $at → $kindOfStep due $due ($owner, overdue $overdue)",
    (row) => {
      const c = caseIn(row.kind, row.status);
      const step = nextStep(c, new Date(row.at));
      expect(step).not.toBeNull();
      expect(step?.kind).toBe(row.kindOfStep);
      expect(step?.due.type === "instant" ? step.due.at : step?.due.on).toBe(row.due);
      expect(step?.owner.type === "role" ? step.owner.role : step?.owner.personId).toBe(row.owner);
      expect(step?.overdue).toBe(row.overdue);
    },
  );

  it("is null only for a closed case", () => {
    for (const kind of CASE_KINDS) {
      expect(nextStep(caseIn(kind, "closed"), new Date(TIMES.later))).toBeNull();
      expect(pendingSteps(caseIn(kind, "closed"), new Date(TIMES.later))).toEqual([]);
    }
  });

  it("lists every pending step of a plan in force, earliest first", () => {
    const c = caseIn("staff-concern", "measuresActive");
    expect(
      pendingSteps(c, new Date(TIMES.measuresActive)).map((s) => [
        s.kind,
        s.due.type === "date" ? s.due.on : s.due.at,
      ]),
    ).toEqual([
      ["carryOutMeasure", "2027-03-30"],
      ["recordPlanResponse", "2027-04-05"],
      ["evaluate", "2027-04-20"],
    ]);
  });

  it("an overdue acknowledgement after escalation is owned by the owner", () => {
    const c = apply(
      openTestCase(),
      { type: "escalateAlert", level: 1 },
      SYSTEM_ACTOR,
      "2027-03-24T09:00:00.000Z",
    );
    expect(nextStep(c, new Date("2027-03-24T09:30:00.000Z"))).toMatchObject({
      kind: "acknowledge",
      owner: { type: "role", role: "ownerCaseOfficer" },
      overdue: true,
    });
  });

  it("a due date is overdue from midnight in Oslo, not in UTC", () => {
    const due = { type: "date" as const, on: d("2027-06-10") };
    expect(isOverdue(due, new Date("2027-06-10T21:59:00.000Z"))).toBe(false); // 23:59 CEST
    expect(isOverdue(due, new Date("2027-06-10T22:00:00.000Z"))).toBe(true); // 00:00 CEST
  });
});

describe("reminderSchedule", () => {
  it("reminds the working day before and the day after each dated step", () => {
    const c = caseIn("staff-concern", "acknowledged");
    expect(
      reminderSchedule(c, new Date(TIMES.acknowledged), calendar).map((r) => [
        r.step,
        r.phase,
        r.on,
      ]),
    ).toEqual([
      // Two working days after Wed 24 March 2027 across Easter: Tue 30, Wed 31.
      ["investigate", "upcoming", "2027-03-30"],
      ["investigate", "overdue", "2027-04-01"],
    ]);
  });

  it("skips the upcoming reminder across a holiday weekend to the last working day", () => {
    // A plan due Tue 30 March 2027: the working day before is Wed 24 March (Thu–Mon off).
    const c = openTestCase({}, "2027-03-24T07:00:00.000Z");
    const ack = apply(
      c,
      { type: "acknowledge" },
      leadOf("staff-concern"),
      "2027-03-24T07:10:00.000Z",
    );
    const shortClock = { ...ack, investigateBy: d("2027-03-30") as IsoDate };
    expect(
      reminderSchedule(shortClock, new Date("2027-03-24T07:10:00.000Z"), calendar).find(
        (r) => r.step === "investigate",
      ),
    ).toMatchObject({
      phase: "upcoming",
      on: "2027-03-24",
    });
  });

  it("leaves out reminders already past; owners are people for measures", () => {
    const c = caseIn("staff-concern", "measuresActive");
    const reminders = reminderSchedule(c, new Date("2027-04-10T09:00:00.000Z"), calendar);
    expect(reminders.map((r) => [r.step, r.phase, r.on])).toEqual([
      ["evaluate", "upcoming", "2027-04-19"],
      ["evaluate", "overdue", "2027-04-21"],
    ]);
    const fresh = reminderSchedule(c, new Date(TIMES.measuresActive), calendar);
    expect(fresh.find((r) => r.step === "carryOutMeasure")?.owner).toEqual({
      type: "person",
      personId: people.principal.personId,
    });
  });

  it("a §12-5 decision gets its overdue reminder the next morning", () => {
    const c = caseIn("staff-violation", "acknowledged");
    expect(reminderSchedule(c, new Date(TIMES.acknowledged), calendar)[0]).toMatchObject({
      step: "ownerDecision",
      phase: "overdue",
      on: "2027-03-25",
    });
  });
});
