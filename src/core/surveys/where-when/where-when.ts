/**
 * "Where and when" (issue #9, ADR 0117): the places and times of day named in case reports
 * and (later) class survey answers, counted per place and ISO week and per place and time of
 * day, so the school can put adults where incidents happen. Only aggregates above the
 * threshold are published (suppress.ts); the two tables share their place totals and are
 * suppressed together, so neither can be used to undo the other.
 *
 * The periods are fixed halves of the school year (autumn: August–December, spring:
 * January–July), never a free date range: two overlapping ranges could be subtracted to
 * reveal a small group.
 */

import {
  addDays,
  type IsoDate,
  isoDateOf,
  isoWeekOf,
  startOfIsoWeek,
} from "../../calendar/iso-date.ts";
import { DEFAULT_MIN_CELL, type SuppressedTable, suppressTables } from "./suppress.ts";

export { DEFAULT_MIN_CELL };

/** Where it happened. Matches the class-survey template's list, plus the report form's. */
export const PLACES = [
  "classroom",
  "corridor",
  "canteen",
  "toilets",
  "schoolyard",
  "wayToSchool",
  "online",
  "gym",
  "other",
] as const;
export type Place = (typeof PLACES)[number];

export const TIMES_OF_DAY = [
  "beforeSchool",
  "lessons",
  "break",
  "lunch",
  "afterSchool",
  "evening",
] as const;
export type TimeOfDay = (typeof TIMES_OF_DAY)[number];

/** The time-of-day table's columns: items without a time of day are counted too. */
export const TIME_COLUMNS = [...TIMES_OF_DAY, "notGiven"] as const;
export type TimeColumn = (typeof TIME_COLUMNS)[number];

export const PLACE_SOURCES = ["caseReport", "classSurvey"] as const;
export type PlaceSource = (typeof PLACE_SOURCES)[number];

/** An ISO week as `2027-W05`. */
export type WeekKey = string;

export interface PlaceItem {
  readonly place: Place;
  readonly timeOfDay: TimeOfDay | null;
  readonly week: WeekKey;
  readonly source: PlaceSource;
}

export function weekKeyOf(date: IsoDate): WeekKey {
  const w = isoWeekOf(date);
  return `${w.isoWeekYear}-W${String(w.week).padStart(2, "0")}`;
}

export const HALVES = ["autumn", "spring"] as const;
export type Half = (typeof HALVES)[number];

/** A half of a school year: `2026-autumn` (Aug–Dec 2026) or `2027-spring` (Jan–Jul 2027). */
export interface Period {
  readonly year: number;
  readonly half: Half;
}

export function periodKey(p: Period): string {
  return `${p.year}-${p.half}`;
}

export function parsePeriod(value: string): Period | null {
  const m = /^(\d{4})-(autumn|spring)$/.exec(value);
  if (!m) return null;
  const year = Number(m[1]);
  if (year < 2000 || year > 2200) return null;
  return { year, half: m[2] as Half };
}

/** The period a date falls in. */
export function periodOf(date: IsoDate): Period {
  const [y, mo] = date.split("-").map(Number) as [number, number];
  return { year: y, half: mo >= 8 ? "autumn" : "spring" };
}

/** The first and last date of a period. */
export function periodDates(p: Period): { from: IsoDate; to: IsoDate } {
  return p.half === "autumn"
    ? { from: isoDateOf(p.year, 8, 1), to: isoDateOf(p.year, 12, 31) }
    : { from: isoDateOf(p.year, 1, 1), to: isoDateOf(p.year, 7, 31) };
}

/** The ISO weeks whose Thursday falls in the period (each week in exactly one period). */
export function periodWeeks(p: Period): WeekKey[] {
  const { from, to } = periodDates(p);
  const weeks: WeekKey[] = [];
  for (let monday = startOfIsoWeek(from); monday <= to; monday = addDays(monday, 7)) {
    const thursday = addDays(monday, 3);
    if (thursday >= from && thursday <= to) weeks.push(weekKeyOf(monday));
  }
  return weeks;
}

export interface WhereWhen {
  readonly k: number;
  /** How many items were counted, or null if fewer than k. */
  readonly items: number | null;
  readonly places: readonly Place[];
  readonly weeks: readonly WeekKey[];
  readonly timeColumns: readonly TimeColumn[];
  /** places × weeks, then places × time of day; null cells and totals are hidden. */
  readonly byWeek: SuppressedTable;
  readonly byTimeOfDay: SuppressedTable;
}

/**
 * Count the items per place × week and place × time of day, and publish what is safe.
 * Items outside `weeks` are ignored. A place or week with no items at all is shown as 0: a
 * count of nobody reveals nobody, and hiding it would only cost other cells.
 */
export function aggregateWhereWhen(
  items: readonly PlaceItem[],
  weeks: readonly WeekKey[],
  k: number = DEFAULT_MIN_CELL,
): WhereWhen {
  const weekIndex = new Map(weeks.map((w, i) => [w, i]));
  const inRange = items.filter((it) => weekIndex.has(it.week) && PLACES.includes(it.place));
  const byWeek = PLACES.map(() => weeks.map(() => 0));
  const byTime = PLACES.map(() => TIME_COLUMNS.map(() => 0));
  for (const it of inRange) {
    const p = PLACES.indexOf(it.place);
    const w = weekIndex.get(it.week) as number;
    const t = it.timeOfDay === null ? TIME_COLUMNS.length - 1 : TIME_COLUMNS.indexOf(it.timeOfDay);
    (byWeek[p] as number[])[w] = ((byWeek[p] as number[])[w] ?? 0) + 1;
    (byTime[p] as number[])[t] = ((byTime[p] as number[])[t] ?? 0) + 1;
  }
  const [week, time] = suppressWithEmptyLines([byWeek, byTime], k);
  return {
    k,
    items: inRange.length >= k ? inRange.length : null,
    places: PLACES,
    weeks,
    timeColumns: TIME_COLUMNS,
    byWeek: week as SuppressedTable,
    byTimeOfDay: time as SuppressedTable,
  };
}

/**
 * Suppress the tables without their all-zero rows and columns (published as 0), then put
 * those back in place.
 */
export function suppressWithEmptyLines(
  tables: readonly (readonly (readonly number[])[])[],
  k: number,
): SuppressedTable[] {
  const first = tables[0] ?? [];
  const liveRows = first.map((_, i) => i).filter((i) => (first[i] ?? []).some((v) => v > 0));
  const liveCols = tables.map((t) =>
    (t[0] ?? []).map((_, j) => j).filter((j) => t.some((r) => (r[j] ?? 0) > 0)),
  );
  const inner = tables.map((t, ti) =>
    liveRows.map((i) => (liveCols[ti] ?? []).map((j) => t[i]?.[j] ?? 0)),
  );
  const suppressed = liveRows.length === 0 ? [] : suppressTables(inner, k);
  return tables.map((t, ti) => {
    const s = suppressed[ti];
    const cols = liveCols[ti] ?? [];
    const cells = t.map((r, i) => {
      const ri = liveRows.indexOf(i);
      return r.map((_, j) => {
        const cj = cols.indexOf(j);
        return ri < 0 || cj < 0 ? 0 : (s?.cells[ri]?.[cj] ?? null);
      });
    });
    const rowTotals = t.map((_, i) => {
      const ri = liveRows.indexOf(i);
      return ri < 0 ? 0 : (s?.rowTotals[ri] ?? null);
    });
    const colTotals = (t[0] ?? []).map((_, j) => {
      const cj = cols.indexOf(j);
      return cj < 0 ? 0 : (s?.colTotals[cj] ?? null);
    });
    const total = s ? s.total : 0;
    return { cells, rowTotals, colTotals, total };
  });
}
