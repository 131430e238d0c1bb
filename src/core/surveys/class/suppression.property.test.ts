// The attacker: someone who can read every aggregate the system ever releases (class results
// and trinn pools, per question, at any moment over time) and subtracts and adds them. Every
// group they can derive must be empty or hold at least K answers.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  hiddenCells,
  poolDecisions,
  SMALL_CELL,
  type SurveyUnit,
  surveyShown,
} from "./suppression.ts";

const QUESTIONS = 3;
const TERM = 100;
const MAX_OPEN = 14;

interface Planned {
  id: string;
  grade: number;
  openDay: number;
  closeDay: number;
  /** Answers per question (index 0 = the whole survey, then per question, each ≤ the total). */
  counts: number[];
}

/** One released aggregate: which surveys it holds, and the per-question counts it shows. */
interface Released {
  mask: number;
  shown: boolean[];
}

type Releaser = (planned: readonly Planned[], now: number, k: number) => Released[];

function unitsAt(planned: readonly Planned[], now: number, k: number): SurveyUnit[] {
  return planned
    .filter((p) => p.openDay <= now)
    .map((p) => {
      const term = Math.floor(p.openDay / TERM);
      return {
        id: p.id,
        respondents: p.counts[0] as number,
        minimum: k,
        closed: now >= p.closeDay,
        poolKey: `${p.grade}|${term}`,
        poolSealed: now >= (term + 1) * TERM + MAX_OPEN,
      };
    });
}

const maskOf = (planned: readonly Planned[], ids: readonly string[]) =>
  ids.reduce((m, id) => m | (1 << planned.findIndex((p) => p.id === id)), 0);

const countIn = (planned: readonly Planned[], mask: number, q: number) =>
  planned.reduce((s, p, i) => s + (mask & (1 << i) ? (p.counts[q] as number) : 0), 0);

const questionsShown = (planned: readonly Planned[], mask: number, k: number) =>
  Array.from({ length: QUESTIONS + 1 }, (_, q) => countIn(planned, mask, q) >= k);

/** What Trygg releases (src/core/surveys/class/suppression.ts). */
const trygg: Releaser = (planned, now, k) => {
  const units = unitsAt(planned, now, k);
  const out: Released[] = [];
  for (const u of units) {
    if (!surveyShown(u)) continue;
    const mask = maskOf(planned, [u.id]);
    out.push({ mask, shown: questionsShown(planned, mask, k) });
  }
  for (const p of poolDecisions(units)) {
    if (p.state !== "released") continue;
    const mask = maskOf(planned, p.surveyIds);
    out.push({ mask, shown: questionsShown(planned, mask, k) });
  }
  return out;
};

/** A naive trinn total over every closed survey of the trinn: what the rules prevent. */
const naive: Releaser = (planned, now, k) => {
  const out = trygg(planned, now, k);
  const units = unitsAt(planned, now, k).filter((u) => u.closed);
  for (const key of new Set(units.map((u) => u.poolKey))) {
    const mask = maskOf(
      planned,
      units.filter((u) => u.poolKey === key).map((u) => u.id),
    );
    if (countIn(planned, mask, 0) >= k) out.push({ mask, shown: questionsShown(planned, mask, k) });
  }
  return out;
};

/** Every (group, question) whose count the attacker can work out, closed under + and −. */
function derivable(released: readonly Released[]): Set<string> {
  const known = new Set<string>();
  const queue: [number, number][] = [];
  const add = (mask: number, q: number) => {
    const key = `${mask}:${q}`;
    if (mask === 0 || known.has(key)) return;
    known.add(key);
    queue.push([mask, q]);
  };
  for (const r of released) {
    r.shown.forEach((s, q) => {
      if (s) add(r.mask, q);
    });
  }
  while (queue.length > 0) {
    const [a, q] = queue.shift() as [number, number];
    for (const key of [...known]) {
      const [bs, bq] = key.split(":").map(Number) as [number, number];
      if (bq !== q || bs === a) continue;
      if ((a & bs) === bs)
        add(a & ~bs, q); // difference of nested groups
      else if ((a & bs) === a) add(bs & ~a, q);
      else if ((a & bs) === 0) add(a | bs, q); // sum of disjoint groups
      // A∩B from A, B and A∪B
      if (known.has(`${a | bs}:${q}`)) add(a & bs, q);
    }
  }
  return known;
}

function smallGroups(planned: readonly Planned[], release: Releaser, k: number, times: number[]) {
  const released = times.flatMap((now) => release(planned, now, k));
  const found: string[] = [];
  for (const key of derivable(released)) {
    const [mask, q] = key.split(":").map(Number) as [number, number];
    const n = countIn(planned, mask, q);
    if (n > 0 && n < k) found.push(`${key}=${n}`);
  }
  return found;
}

const plannedArb = fc
  .array(
    fc.record({
      grade: fc.integer({ min: 8, max: 9 }),
      openDay: fc.integer({ min: 0, max: 2 * TERM }),
      length: fc.integer({ min: 0, max: MAX_OPEN }),
      total: fc.integer({ min: 0, max: 25 }),
      skips: fc.array(fc.integer({ min: 0, max: 6 }), {
        minLength: QUESTIONS,
        maxLength: QUESTIONS,
      }),
    }),
    { minLength: 1, maxLength: 7 },
  )
  .map((rows) =>
    rows.map(
      (r, i): Planned => ({
        id: `s${i}`,
        grade: r.grade,
        openDay: r.openDay,
        closeDay: r.openDay + r.length,
        counts: [r.total, ...r.skips.map((s) => Math.max(0, r.total - s))],
      }),
    ),
  );

describe("no sequence of queries reveals a group smaller than K", () => {
  it("holds for any surveys, K and moments of asking (property)", () => {
    fc.assert(
      fc.property(
        plannedArb,
        fc.integer({ min: 5, max: 15 }),
        fc.array(fc.integer({ min: 0, max: 4 * TERM }), { minLength: 1, maxLength: 6 }),
        (planned, k, times) => {
          expect(smallGroups(planned, trygg, k, times)).toEqual([]);
        },
      ),
      { numRuns: 300 },
    );
  });

  it("the attacker is real: a naive trinn total would give a small class away", () => {
    const planned: Planned[] = [
      { id: "a", grade: 8, openDay: 10, closeDay: 11, counts: [20, 20, 20, 20] },
      { id: "b", grade: 8, openDay: 10, closeDay: 11, counts: [4, 4, 4, 4] },
    ];
    expect(smallGroups(planned, naive, 10, [50])).toContain("2:0=4");
    expect(smallGroups(planned, trygg, 10, [50, 500])).toEqual([]);
  });
});

describe("no hidden cell follows from a released question's total (property)", () => {
  it("hidden cells are none, or at least two holding SMALL_CELL or more", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 30 }), { minLength: 2, maxLength: 7 }),
        (counts) => {
          const hidden = hiddenCells(counts, true);
          const small = counts.some((c) => c < SMALL_CELL);
          const n = hidden.filter(Boolean).length;
          const sum = counts.reduce((s, c, i) => s + (hidden[i] ? c : 0), 0);
          // every small cell is hidden
          expect(counts.every((c, i) => c >= SMALL_CELL || hidden[i])).toBe(true);
          if (!small) expect(n).toBe(0);
          else expect(n === counts.length || (n >= 2 && sum >= SMALL_CELL)).toBe(true);
        },
      ),
      { numRuns: 500 },
    );
  });
});
