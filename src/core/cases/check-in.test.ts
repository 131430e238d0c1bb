import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDays, type IsoDate } from "../calendar/iso-date.ts";
import {
  apply,
  calendar,
  caseIn,
  d,
  evaluationFor,
  leadOf,
  OTHER_PUPIL,
  PUPIL,
  people,
  settings,
  todayOf,
} from "./builders.ts";
import {
  CHECK_IN_ANSWERS,
  type CheckIn,
  type CheckInAnswer,
  checkInWindow,
  dueCheckIns,
  recordCheckInAnswer,
} from "./check-in.ts";
import { decideClosure, latestView } from "./duty-rules.ts";
import type { CaseState } from "./types.ts";

const EVAL = d("2027-04-20");
const always = () => true;

/** 09:00 Oslo (summer time) on a date. */
const nineOn = (day: string) => new Date(`${day}T07:00:00.000Z`);

function checkInFor(c: CaseState, overrides: Partial<CheckIn> = {}): CheckIn {
  const { opensOn, closesOn } = checkInWindow(EVAL, calendar);
  return {
    id: "ci-1",
    caseId: c.id,
    pupilId: PUPIL,
    revision: 1,
    evaluateOn: EVAL,
    opensOn,
    closesOn,
    answeredAt: null,
    ...overrides,
  };
}

describe("checkInWindow", () => {
  it("opens two working days before the evaluation date and closes ten after", () => {
    // Tue 20 April 2027: Fri 16 (Mon 19 and Tue 20 still to come) to Tue 4 May.
    expect(checkInWindow(EVAL, calendar)).toEqual({
      opensOn: "2027-04-16",
      closesOn: "2027-05-04",
    });
  });

  it("skips Easter: an evaluation on the Tuesday after Easter opens the Tuesday before", () => {
    // Easter 2027: Maundy Thursday 25 March, Good Friday 26, Easter Monday 29; the two working
    // days before Tuesday 30 March are Wednesday 24 and Tuesday 23.
    expect(checkInWindow(d("2027-03-30"), calendar).opensOn).toBe("2027-03-23");
  });

  it("always holds the evaluation date, for any date", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 3000 }), (n) => {
        const day = addDays(d("2026-01-01"), n);
        const w = checkInWindow(day, calendar);
        return (
          w.opensOn <= day && day < w.closesOn && calendar.workingDaysBetween(w.opensOn, day) <= 2
        );
      }),
    );
  });
});

describe("dueCheckIns", () => {
  const active = caseIn("staff-concern", "measuresActive");
  const rows: [string, CaseState, string, ((p: string, s: string) => boolean) | null, number][] = [
    ["a plan in force, on the evaluation date", active, "2027-04-20", null, 1],
    ["two working days before (opens)", active, "2027-04-16", null, 1],
    ["three working days before", active, "2027-04-15", null, 0],
    ["the last open day", active, "2027-05-04", null, 1],
    ["after the window", active, "2027-05-05", null, 0],
    ["a pupil who left the school", active, "2027-04-20", () => false, 0],
    ["a pupil-reported case", caseIn("pupil-reported", "measuresActive"), "2027-04-20", null, 1],
    ["a §12-5 staff case", caseIn("staff-violation", "measuresActive"), "2027-04-20", null, 1],
    ["a leadership case", caseIn("leadership-violation", "measuresActive"), "2027-04-20", null, 0],
    ["no plan yet", caseIn("staff-concern", "investigating"), "2027-04-20", null, 0],
    ["already evaluated", caseIn("staff-concern", "evaluating"), "2027-04-20", null, 0],
    ["closed", caseIn("staff-concern", "closed"), "2027-04-20", null, 0],
  ];
  it("creates a check-in exactly where the rules say (table)", () => {
    const failing = rows
      .map(([name, c, today, enrolled, want]) => {
        const got = dueCheckIns([c], [], enrolled ?? always, d(today), calendar).length;
        return got === want ? null : `${name}: ${got} ≠ ${want}`;
      })
      .filter((x) => x !== null);
    expect(failing).toEqual([]);
  });

  it("one per pupil of the case, none for involved pupils", () => {
    const c = { ...active, pupils: [PUPIL, OTHER_PUPIL] };
    const due = dueCheckIns([c], [], always, EVAL, calendar);
    expect(due.map((x) => x.pupilId)).toEqual([PUPIL, OTHER_PUPIL]);
    expect(due[0]).toMatchObject({ caseId: c.id, revision: 1, evaluateOn: EVAL });
  });

  it("is idempotent: what exists (answered or not) is never due again", () => {
    fc.assert(
      fc.property(fc.integer({ min: -5, max: 20 }), fc.integer({ min: 1, max: 3 }), (off, runs) => {
        const today = addDays(EVAL, off) as IsoDate;
        const stored: CheckIn[] = [];
        for (let i = 0; i < runs; i++) {
          for (const due of dueCheckIns([active], stored, always, today, calendar)) {
            stored.push({ ...due, id: `ci-${stored.length}`, answeredAt: null });
          }
        }
        return stored.length <= 1;
      }),
    );
  });

  it("a revised plan with a new evaluation date gets its own check-in", () => {
    const first = dueCheckIns([active], [], always, EVAL, calendar);
    const revised: CaseState = {
      ...active,
      planRevisions: [
        ...active.planRevisions,
        { ...active.planRevisions[0]!, revision: 2, evaluateOn: d("2027-05-11") },
      ],
    };
    expect(dueCheckIns([revised], first, always, EVAL, calendar)).toEqual([]);
    expect(dueCheckIns([revised], first, always, d("2027-05-11"), calendar)).toHaveLength(1);
  });
});

describe("recordCheckInAnswer", () => {
  const c = caseIn("staff-concern", "measuresActive");
  const ctx = (personId: string, day = "2027-04-20") => ({
    now: nineOn(day),
    personId,
    calendar,
    settings,
  });
  const answer = (a: CheckInAnswer, words: string | null = null) => ({
    viewId: "view-ci",
    answer: a,
    words,
  });

  it("adds the pupil's own view with source checkIn and marks the check-in answered", () => {
    const r = recordCheckInAnswer(c, checkInFor(c), answer("yes", " Better now. "), ctx(PUPIL));
    if (!r.ok) throw new Error(JSON.stringify(r.error));
    const view = latestView(r.next, PUPIL);
    expect(view).toMatchObject({
      source: "checkIn",
      feelsSafe: true,
      words: "Better now.",
      checkInAnswer: "yes",
      recordedBy: PUPIL,
      heardOn: "2027-04-20",
    });
    expect(r.checkIn.answeredAt).toBe(nineOn("2027-04-20").toISOString());
    expect(r.next.version).toBe(c.version + 1);
    expect(r.events.map((e) => [e.type, e.actorId])).toEqual([["case.checkInAnswered", PUPIL]]);
    // "Yes" needs nobody at once: the evaluation is already on the team's list.
    expect(r.jobs.filter((j) => j.type === "notify")).toEqual([]);
  });

  it.each(["no", "partly"] as const)(
    "%s is not safe: notifies leads and team (template only) and blocks closing",
    (a) => {
      const r = recordCheckInAnswer(c, checkInFor(c), answer(a), ctx(PUPIL));
      if (!r.ok) throw new Error(JSON.stringify(r.error));
      const notes = r.jobs.filter((j) => j.type === "notify");
      const recipients = notes.map((j) => (j.type === "notify" ? j.recipient : null));
      expect(recipients).toEqual(
        expect.arrayContaining([
          { type: "schoolRole", role: "principal", schoolId: c.schoolId },
          { type: "schoolRole", role: "deputy", schoolId: c.schoolId },
          { type: "person", personId: people.socialWorker.personId },
        ]),
      );
      expect(new Set(notes.map((j) => (j.type === "notify" ? j.template : "")))).toEqual(
        new Set(["case.checkInNotSafe"]),
      );
      expect(JSON.stringify(r.jobs)).not.toContain("Synthetic");
      expect(latestView(r.next, PUPIL)?.feelsSafe).toBe(false);
      // Evaluate (the evaluation hears the pupil as safe), then a later "no" blocks closing.
      const lead = leadOf("staff-concern");
      const evaluated = apply(c, evaluationFor(c, d("2027-04-20")), lead, nineOn("2027-04-20"));
      const r2 = recordCheckInAnswer(
        evaluated,
        checkInFor(evaluated),
        answer(a),
        ctx(PUPIL, "2027-04-21"),
      );
      if (!r2.ok) throw new Error(JSON.stringify(r2.error));
      const closure = decideClosure(r2.next, { type: "pupilFeelsSafe" }, lead, lead.personId);
      expect(closure).toMatchObject({ code: "close.pupilNotSafe" });
    },
  );

  it("refuses everyone and everything the rules forbid (table)", () => {
    const answered = checkInFor(c, { answeredAt: "2027-04-19T08:00:00.000Z" });
    const closed = caseIn("staff-concern", "closed");
    const cases: [string, CaseState, CheckIn, string, string, unknown, string][] = [
      ["another pupil", c, checkInFor(c), OTHER_PUPIL, "2027-04-20", "yes", "checkIn.notYours"],
      [
        "the guardian",
        c,
        checkInFor(c),
        people.guardian.personId,
        "2027-04-20",
        "yes",
        "checkIn.notYours",
      ],
      [
        "the principal",
        c,
        checkInFor(c),
        people.principal.personId,
        "2027-04-20",
        "yes",
        "checkIn.notYours",
      ],
      [
        "another case's check-in",
        c,
        checkInFor(c, { caseId: "case-x" }),
        PUPIL,
        "2027-04-20",
        "yes",
        "checkIn.notYours",
      ],
      ["answered twice", c, answered, PUPIL, "2027-04-20", "yes", "checkIn.alreadyAnswered"],
      ["before it opens", c, checkInFor(c), PUPIL, "2027-04-15", "yes", "checkIn.notOpen"],
      ["after it closes", c, checkInFor(c), PUPIL, "2027-05-05", "yes", "checkIn.notOpen"],
      ["a closed case", closed, checkInFor(closed), PUPIL, "2027-04-22", "yes", "checkIn.notOpen"],
      [
        "a pupil no longer in the case",
        { ...c, pupils: [OTHER_PUPIL] },
        checkInFor(c),
        PUPIL,
        "2027-04-20",
        "yes",
        "checkIn.notOpen",
      ],
      ["an unknown answer", c, checkInFor(c), PUPIL, "2027-04-20", "maybe", "input.invalidValue"],
    ];
    const failing = cases
      .map(([name, state, ci, who, day, a, code]) => {
        const r = recordCheckInAnswer(state, ci, answer(a as CheckInAnswer), ctx(who, day));
        const got = r.ok ? "accepted" : r.error.code;
        return got === code ? null : `${name}: ${got} ≠ ${code}`;
      })
      .filter((x) => x !== null);
    expect(failing).toEqual([]);
  });

  it("refuses words that are too long, and changes nothing", () => {
    const r = recordCheckInAnswer(c, checkInFor(c), answer("no", "x".repeat(2001)), ctx(PUPIL));
    expect(r).toMatchObject({ ok: false, error: { code: "input.textTooLong" } });
  });

  it("property: any accepted answer adds exactly one view, of the pupil, safe iff yes", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...CHECK_IN_ANSWERS),
        fc.option(fc.string({ maxLength: 50 }), { nil: null }),
        fc.integer({ min: 0, max: 14 }),
        (a, words, off) => {
          const day = addDays(d("2027-04-16"), off);
          const r = recordCheckInAnswer(c, checkInFor(c), answer(a, words), ctx(PUPIL, day));
          if (!r.ok) return r.error.code === "checkIn.notOpen" && day > "2027-05-04";
          const added = r.next.pupilViews.slice(c.pupilViews.length);
          return (
            added.length === 1 &&
            added[0]?.pupilId === PUPIL &&
            added[0]?.feelsSafe === (a === "yes") &&
            r.next.status === c.status
          );
        },
      ),
    );
  });

  it("heard on the Oslo date of the answer", () => {
    expect(todayOf(nineOn("2027-04-20"))).toBe("2027-04-20");
  });
});
