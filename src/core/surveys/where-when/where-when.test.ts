import { describe, expect, it } from "vitest";
import { parseIsoDate } from "../../calendar/iso-date.ts";
import {
  aggregateWhereWhen,
  PLACES,
  type PlaceItem,
  parsePeriod,
  periodOf,
  periodWeeks,
  TIME_COLUMNS,
  weekKeyOf,
} from "./where-when.ts";

const item = (
  place: PlaceItem["place"],
  week: string,
  timeOfDay: PlaceItem["timeOfDay"] = null,
  source: PlaceItem["source"] = "caseReport",
): PlaceItem => ({ place, week, timeOfDay, source });

describe("periods", () => {
  it("splits the school year into autumn and spring, each ISO week in exactly one", () => {
    const autumn = periodWeeks({ year: 2026, half: "autumn" });
    const spring = periodWeeks({ year: 2027, half: "spring" });
    // 1 August 2026 is a Saturday: week 31 belongs to spring (its Thursday is 30 July).
    expect(autumn[0]).toBe("2026-W32");
    expect(autumn.at(-1)).toBe("2026-W53");
    expect(spring[0]).toBe("2027-W01");
    expect(spring.at(-1)).toBe("2027-W30");
    expect(new Set([...autumn, ...spring]).size).toBe(autumn.length + spring.length);
  });

  it("parses period keys and places a date in its period", () => {
    expect(parsePeriod("2026-autumn")).toEqual({ year: 2026, half: "autumn" });
    expect(parsePeriod("2026-winter")).toBeNull();
    expect(parsePeriod("26-autumn")).toBeNull();
    expect(periodOf(parseIsoDate("2027-03-24"))).toEqual({ year: 2027, half: "spring" });
    expect(periodOf(parseIsoDate("2026-08-17"))).toEqual({ year: 2026, half: "autumn" });
    expect(weekKeyOf(parseIsoDate("2027-01-01"))).toBe("2026-W53");
  });
});

describe("aggregateWhereWhen", () => {
  const weeks = ["2027-W10", "2027-W11", "2027-W12"];

  it("counts both sources per place × week and place × time of day, above k only", () => {
    const items = [
      ...Array.from({ length: 12 }, () => item("schoolyard", "2027-W10", "break")),
      ...Array.from({ length: 11 }, () => item("schoolyard", "2027-W11", "break", "classSurvey")),
      ...Array.from({ length: 3 }, () => item("toilets", "2027-W11", "lessons")),
      item("online", "2027-W40", "evening"),
    ];
    const r = aggregateWhereWhen(items, weeks, 10);
    const yard = PLACES.indexOf("schoolyard");
    const toilets = PLACES.indexOf("toilets");
    expect(r.items).toBe(26);
    // The lone small cell takes partners in its week and in its place's row; with only two
    // places named, the yard's 23 next to the published 26 would give the toilets' 3 away.
    expect(r.byWeek.cells[yard]).toEqual([null, null, 0]);
    expect(r.byWeek.colTotals).toEqual([12, 14, 0]);
    expect(r.byWeek.total).toBe(26);
    expect(r.byWeek.rowTotals[yard]).toBeNull();
    // Three in the toilets: hidden everywhere, and not derivable (its row total too).
    expect(r.byWeek.cells[toilets]).toEqual([null, null, 0]);
    expect(r.byWeek.rowTotals[toilets]).toBeNull();
    expect(r.byTimeOfDay.rowTotals).toEqual(r.byWeek.rowTotals);
    expect(r.byTimeOfDay.cells[yard]?.[TIME_COLUMNS.indexOf("break")]).toBeNull();
    // A place nobody named is a published 0.
    expect(r.byWeek.rowTotals[PLACES.indexOf("gym")]).toBe(0);
  });

  it("publishes nothing but zeros below k", () => {
    const r = aggregateWhereWhen([item("canteen", "2027-W10", "lunch")], weeks, 10);
    expect(r.items).toBeNull();
    expect(r.byWeek.total).toBeNull();
    expect(r.byWeek.rowTotals[PLACES.indexOf("canteen")]).toBeNull();
    expect(r.byWeek.cells.flat().filter((v) => v !== 0 && v !== null)).toEqual([]);
  });
});
