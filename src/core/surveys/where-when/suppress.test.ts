import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type SuppressedTable, suppressTable, suppressTables } from "./suppress.ts";

type Counts = number[][];

/**
 * An attacker's view: the published numbers, nothing else (not which hidden cells are the
 * small ones). For each hidden cell, search for another table of nonnegative whole numbers
 * that agrees with everything published and differs in that cell. Returns the cells for
 * which none exists — derivable cells.
 */
function derivableCells(truth: Counts[], pub: SuppressedTable[]): string[] {
  const vars: { t: number; i: number; j: number }[] = [];
  pub.forEach((p, t) => {
    p.cells.forEach((r, i) => {
      r.forEach((v, j) => {
        if (v === null) vars.push({ t, i, j });
      });
    });
  });
  const grandTruth = truth[0]?.flat().reduce((a, b) => a + b, 0) ?? 0;
  const bound = grandTruth + 2;
  const derivable: string[] = [];
  for (let target = 0; target < vars.length; target++) {
    const tv = vars[target] as { t: number; i: number; j: number };
    const trueValue = truth[tv.t]?.[tv.i]?.[tv.j] as number;
    let found = false;
    for (let alt = 0; alt <= bound && !found; alt++) {
      if (alt === trueValue) continue;
      found = feasible(truth, pub, vars, target, alt, bound);
    }
    if (!found) derivable.push(`t${tv.t}[${tv.i}][${tv.j}]=${trueValue}`);
  }
  return derivable;
}

function feasible(
  truth: Counts[],
  pub: SuppressedTable[],
  vars: { t: number; i: number; j: number }[],
  target: number,
  alt: number,
  bound: number,
): boolean {
  // Hidden cells start unassigned (0); published cells hold their published value.
  const values = truth.map((tab, t) =>
    tab.map((r, i) => r.map((v, j) => (pub[t]?.cells[i]?.[j] === null ? 0 : v))),
  );
  const varAt = new Map(vars.map((v, idx) => [`${v.t}:${v.i}:${v.j}`, idx]));
  const assigned = vars.map(() => false);
  type Line = { cells: [number, number, number][]; total: number | null };
  const lines: Line[] = [];
  const rowLinesOf: Line[][] = [];
  const rows = truth[0]?.length ?? 0;
  truth.forEach((tab, t) => {
    const cols = tab[0]?.length ?? 0;
    for (let i = 0; i < rows; i++) {
      rowLinesOf[i] ??= [];
      rowLinesOf[i]?.push({
        cells: Array.from({ length: cols }, (_, j) => [t, i, j]),
        total: pub[0]?.rowTotals[i] ?? null,
      });
      lines.push(rowLinesOf[i]?.[t] as Line);
    }
    for (let j = 0; j < cols; j++) {
      lines.push({
        cells: Array.from({ length: rows }, (_, i) => [t, i, j]),
        total: pub[t]?.colTotals[j] ?? null,
      });
    }
    const all: [number, number, number][] = [];
    for (let i = 0; i < rows; i++) for (let j = 0; j < cols; j++) all.push([t, i, j]);
    lines.push({ cells: all, total: pub[t]?.total ?? null });
  });
  const lineSum = (l: Line) => l.cells.reduce((a, [t, i, j]) => a + (values[t]?.[i]?.[j] ?? 0), 0);
  const complete = (l: Line) =>
    l.cells.every(([t, i, j]) => {
      const idx = varAt.get(`${t}:${i}:${j}`);
      return idx === undefined || assigned[idx];
    });
  const ok = (): boolean => {
    for (const l of lines) {
      if (l.total === null) continue;
      const s = lineSum(l);
      if (s > l.total || (complete(l) && s !== l.total)) return false;
    }
    // A place's total is the same in every table, published or not.
    for (let i = 0; i < rows; i++) {
      const rowLines = rowLinesOf[i] ?? [];
      if (rowLines.every(complete)) {
        const sums = rowLines.map(lineSum);
        if (sums.some((x) => x !== sums[0])) return false;
      }
    }
    return true;
  };
  // Row by row across the tables, so a place's total is checked as early as possible.
  const rest = vars.map((_, i) => i).filter((i) => i !== target);
  rest.sort((a, b) => {
    const va = vars[a] as { t: number; i: number; j: number };
    const vb = vars[b] as { t: number; i: number; j: number };
    const ta = vars[target] as { i: number };
    const key = (v: { t: number; i: number; j: number }) =>
      (v.i === ta.i ? -1000 : v.i * 100) + v.t * 10 + v.j;
    return key(va) - key(vb);
  });
  const order = [target, ...rest];
  let nodes = 0;
  const search = (k: number): boolean => {
    if (++nodes > 200_000) return false;
    if (!ok()) return false;
    if (k === order.length) return true;
    const idx = order[k] as number;
    const v = vars[idx] as { t: number; i: number; j: number };
    const row = values[v.t]?.[v.i] as number[];
    const real = truth[v.t]?.[v.i]?.[v.j] ?? 0;
    const candidates =
      k === 0 ? [alt] : Array.from({ length: bound + 1 }, (_, x) => x).sort(byCloseTo(real));
    assigned[idx] = true;
    for (const x of candidates) {
      row[v.j] = x;
      if (search(k + 1)) return true;
    }
    row[v.j] = 0;
    assigned[idx] = false;
    return false;
  };
  return search(0);
}

const byCloseTo = (v: number) => (a: number, b: number) => Math.abs(a - v) - Math.abs(b - v);

/** Published values match the truth; hidden ones include every value below k. */
function consistent(truth: Counts[], pub: SuppressedTable[], k: number): string[] {
  const bad: string[] = [];
  pub.forEach((p, t) => {
    p.cells.forEach((r, i) => {
      r.forEach((v, j) => {
        const real = truth[t]?.[i]?.[j] as number;
        if (v !== null && (v !== real || v < k)) bad.push(`cell t${t}[${i}][${j}]`);
      });
    });
    p.rowTotals.forEach((v, i) => {
      if (v !== null && v < k) bad.push(`row ${i}`);
    });
    p.colTotals.forEach((v, j) => {
      if (v !== null && v < k) bad.push(`col t${t} ${j}`);
    });
    if (p.total !== null && p.total < k) bad.push("total");
  });
  return bad;
}

/** Items (row, column in table A, column in table B): two tables over the same rows. */
const itemsArb = (rows: number, colsA: number, colsB: number, max: number) =>
  fc.array(
    fc.tuple(
      fc.integer({ min: 0, max: rows - 1 }),
      fc.integer({ min: 0, max: colsA - 1 }),
      fc.integer({ min: 0, max: colsB - 1 }),
    ),
    { maxLength: max },
  );

function count(items: [number, number, number][], rows: number, colsA: number, colsB: number) {
  const a = Array.from({ length: rows }, () => Array.from({ length: colsA }, () => 0));
  const b = Array.from({ length: rows }, () => Array.from({ length: colsB }, () => 0));
  for (const [r, x, y] of items) {
    (a[r] as number[])[x] = ((a[r] as number[])[x] ?? 0) + 1;
    (b[r] as number[])[y] = ((b[r] as number[])[y] ?? 0) + 1;
  }
  return [a, b];
}

describe("suppressTable", () => {
  it("publishes a table of large cells whole", () => {
    const t = suppressTable(
      [
        [12, 15],
        [20, 11],
      ],
      10,
    );
    expect(t).toEqual({
      cells: [
        [12, 15],
        [20, 11],
      ],
      rowTotals: [27, 31],
      colTotals: [32, 26],
      total: 58,
    });
  });

  it("a lone small cell takes a partner in its row and its column", () => {
    const t = suppressTable(
      [
        [3, 15, 12],
        [20, 11, 14],
        [16, 17, 18],
      ],
      10,
    );
    expect(t.cells[0]?.[0]).toBeNull();
    expect(t.cells[0]?.filter((v) => v === null).length).toBeGreaterThanOrEqual(2);
    expect(t.cells.map((r) => r[0]).filter((v) => v === null).length).toBeGreaterThanOrEqual(2);
  });

  it("refuses a threshold below 1", () => {
    expect(() => suppressTable([[1]], 0)).toThrow();
  });
});

describe("property: no hidden value can be worked out (exhaustive search, small tables)", () => {
  it("one table", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 3 }),
        fc.integer({ min: 2, max: 4 }),
        fc.integer({ min: 2, max: 5 }),
        fc.integer({ min: 0, max: 40 }),
        (rows, cols, k, seed) => {
          const rnd = mulberry(seed);
          const truth = Array.from({ length: rows }, () =>
            Array.from({ length: cols }, () => Math.floor(rnd() * (k * 2.5))),
          );
          const pub = [suppressTable(truth, k)];
          expect(consistent([truth], pub, k)).toEqual([]);
          expect(derivableCells([truth], pub)).toEqual([]);
        },
      ),
      { numRuns: 150 },
    );
  });

  it("two tables over the same rows (places × weeks and places × time of day)", () => {
    fc.assert(
      fc.property(
        fc
          .integer({ min: 2, max: 3 })
          .chain((rows) =>
            fc.tuple(fc.constant(rows), itemsArb(rows, 3, 2, 30), fc.integer({ min: 2, max: 5 })),
          ),
        ([rows, items, k]) => {
          const truth = count(items, rows, 3, 2);
          const pub = suppressTables(truth, k);
          expect(consistent(truth, pub, k)).toEqual([]);
          // The place totals are the same in both tables, published or hidden alike.
          expect(pub[0]?.rowTotals).toEqual(pub[1]?.rowTotals);
          expect(derivableCells(truth, pub)).toEqual([]);
        },
      ),
      { numRuns: 60 },
    );
  });
});

function mulberry(seed: number) {
  let a = seed + 0x6d2b79f5;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
