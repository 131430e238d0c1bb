import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDays, type IsoDate, parseIsoDate } from "../calendar/iso-date.ts";
import { occurrenceStatusOf, reconcileOccurrences } from "./reconcile.ts";
import type { Occurrence, OccurrenceStatus, OccurrenceWithStatus, TaskStatus } from "./types.ts";

const d = parseIsoDate;

function occ(activityId: string, dueOn: string, extra: Partial<Occurrence> = {}): Occurrence {
  return {
    key: `${activityId}@${dueOn}`,
    activityId,
    kind: "due",
    sequence: 1,
    windowStartsOn: d(dueOn),
    dueOn: d(dueOn),
    partId: "prevention",
    roles: ["contactTeacher"],
    ...extra,
  };
}

interface Stored extends OccurrenceWithStatus {
  readonly id: string;
}

function stored(o: Occurrence, status: OccurrenceStatus, note?: string): Stored {
  return { ...o, id: `row-${o.key}`, status, note: note ?? null };
}

const TODAY = d("2026-11-02");

describe("reconcileOccurrences", () => {
  // The buddy-group rotation changes from Mondays to Tuesdays on 2 Nov.
  const old = [
    stored(occ("rotate", "2026-09-07"), "done", "Nye grupper laget"),
    stored(occ("rotate", "2026-10-05"), "open"),
    stored(occ("rotate", "2026-10-26"), "partly"),
    stored(occ("rotate", "2026-11-16"), "open"),
    stored(occ("rotate", "2026-12-07"), "open", "Planlagt sammen med 1B"),
    stored(occ("rotate", "2027-01-11"), "done", "Gjort tidlig"),
    stored(occ("survey", "2026-11-30"), "open"),
  ];
  const next = [
    occ("rotate", "2026-09-08"),
    occ("rotate", "2026-10-06"),
    occ("rotate", "2026-10-27"),
    occ("rotate", "2026-11-17"),
    occ("rotate", "2026-12-08"),
    occ("rotate", "2027-01-12"),
    occ("survey", "2026-11-30", { windowStartsOn: d("2026-11-09") }),
  ];
  const result = reconcileOccurrences(old, next, TODAY);

  it("keeps everything settled: done, partly done, noted, or past — notes untouched", () => {
    expect(result.kept.map((o) => [o.key, o.status, o.note])).toEqual([
      ["rotate@2026-09-07", "done", "Nye grupper laget"],
      ["rotate@2026-10-05", "open", null],
      ["rotate@2026-10-26", "partly", null],
      ["rotate@2026-12-07", "open", "Planlagt sammen med 1B"],
      ["rotate@2027-01-11", "done", "Gjort tidlig"],
      ["survey@2026-11-30", "open", null],
    ]);
  });

  it("marks kept records the new plan no longer produces as detached", () => {
    expect(result.detached).toEqual([
      "rotate@2026-09-07",
      "rotate@2026-10-05",
      "rotate@2026-10-26",
      "rotate@2026-12-07",
      "rotate@2027-01-11",
    ]);
  });

  it("replaces only future open occurrences without notes", () => {
    expect(result.removed.map((o) => o.key)).toEqual(["rotate@2026-11-16"]);
    expect(result.added.map((o) => o.key)).toEqual([
      "rotate@2026-11-17",
      "rotate@2026-12-08",
      "rotate@2027-01-12",
    ]);
  });

  it("does not add new occurrences in the past", () => {
    expect(result.skippedPast.map((o) => o.key)).toEqual([
      "rotate@2026-09-08",
      "rotate@2026-10-06",
      "rotate@2026-10-27",
    ]);
  });

  it("refreshes a kept open future record from the new schedule, keeping its own fields", () => {
    const survey = result.kept.find((o) => o.key === "survey@2026-11-30");
    expect(survey).toMatchObject({ id: "row-survey@2026-11-30", windowStartsOn: "2026-11-09" });
  });

  it("an occurrence due today is not past", () => {
    const r = reconcileOccurrences([stored(occ("a", "2026-11-02"), "open")], [], TODAY);
    expect(r.removed.map((o) => o.key)).toEqual(["a@2026-11-02"]);
    const r2 = reconcileOccurrences([], [occ("a", "2026-11-02")], TODAY);
    expect(r2.added.map((o) => o.key)).toEqual(["a@2026-11-02"]);
  });

  it("a whitespace note does not protect", () => {
    const r = reconcileOccurrences([stored(occ("a", "2026-12-01"), "open", "  ")], [], TODAY);
    expect(r.removed).toHaveLength(1);
  });

  const statuses: OccurrenceStatus[] = ["open", "partly", "done", "skipped"];
  const storedArb = fc
    .record({
      activity: fc.constantFrom("a", "b", "c"),
      offset: fc.integer({ min: -60, max: 60 }),
      status: fc.constantFrom(...statuses),
      note: fc.option(fc.constantFrom("notat", " ", ""), { nil: undefined }),
    })
    .map(({ activity, offset, status, note }) =>
      stored(occ(activity, addDays(TODAY, offset)), status, note),
    );
  const newArb = fc
    .record({ activity: fc.constantFrom("a", "b", "d"), offset: fc.integer({ min: -60, max: 60 }) })
    .map(({ activity, offset }) => occ(activity, addDays(TODAY, offset)));
  const uniqueByKey = <T extends { key: string }>(items: T[]) =>
    items.filter((item, i) => items.findIndex((other) => other.key === item.key) === i);

  it("property: never drops a done, partly done, skipped or noted occurrence, nor a past one", () => {
    fc.assert(
      fc.property(
        fc.array(storedArb, { maxLength: 30 }),
        fc.array(newArb, { maxLength: 30 }),
        (o, n) => {
          const oldList = uniqueByKey(o);
          const newList = uniqueByKey(n);
          const r = reconcileOccurrences(oldList, newList, TODAY);
          const keptKeys = new Set(r.kept.map((k) => k.key));
          for (const record of oldList) {
            const settled =
              record.status !== "open" || (record.note ?? "").trim() !== "" || record.dueOn < TODAY;
            if (settled) {
              expect(keptKeys.has(record.key)).toBe(true);
              const kept = r.kept.find((k) => k.key === record.key);
              expect(kept?.status).toBe(record.status);
              expect(kept?.note).toBe(record.note);
            }
          }
          // Every old record lands in exactly one of kept/removed.
          expect(r.kept.length + r.removed.length).toBe(oldList.length);
          // Nothing added twice or added over a stored one; nothing added in the past.
          const oldKeys = new Set(oldList.map((k) => k.key));
          for (const a of r.added) {
            expect(oldKeys.has(a.key)).toBe(false);
            expect(a.dueOn >= TODAY).toBe(true);
          }
          // After applying, the future follows the new schedule exactly.
          const future = (key: string, due: IsoDate) => due >= TODAY && key !== "";
          const after = new Set([...r.kept.map((k) => k.key), ...r.added.map((a) => a.key)]);
          for (const fresh of newList) {
            if (future(fresh.key, fresh.dueOn)) expect(after.has(fresh.key)).toBe(true);
          }
        },
      ),
    );
  });
});

describe("occurrenceStatusOf", () => {
  it.each<[TaskStatus[], OccurrenceStatus]>([
    [[], "open"],
    [["open", "open"], "open"],
    [["done", "open"], "partly"],
    [["skipped", "open"], "partly"],
    [["done", "done"], "done"],
    [["done", "skipped"], "done"],
    [["skipped", "skipped"], "skipped"],
  ])("%j → %s", (statuses, expected) => {
    expect(occurrenceStatusOf(statuses)).toBe(expected);
  });
});
