/**
 * Small-cell suppression for tables of counts that share their rows (ADR 0117): e.g. places ×
 * weeks and places × time of day, counted from the same items, so each place's total is the
 * same in every table. A cell or total is published only when it holds at least `k` items
 * (primary suppression); then more cells and totals are hidden (complementary suppression)
 * until no hidden value — a cell, a row, column or grand total — can be worked out from what
 * is published, in any one table or by combining them:
 *
 * 1. A published line (row or column total) whose hidden cells are exactly one, or hold
 *    nothing at all (each would have to be 0), gets one more published cell hidden — the
 *    smallest, preferring one whose crossing line already hides something.
 * 2. Then an exact linear check over all tables at once: the hidden cells and hidden totals
 *    are unknowns, every line of every table is an equation; a hidden value is derivable when
 *    it is orthogonal to the equations' null space. Each derivable value costs a published
 *    total it depends on.
 *
 * Nonnegativity can pin a value only where hidden cells are forced to hold nothing; rule 1
 * keeps a published line from leaving its hidden cells empty. The property tests check by
 * exhaustive search, on small tables, that no hidden cell has only one possible value.
 */

export const DEFAULT_MIN_CELL = 10;

export interface SuppressedTable {
  /** `null`: hidden. */
  readonly cells: readonly (readonly (number | null)[])[];
  readonly rowTotals: readonly (number | null)[];
  readonly colTotals: readonly (number | null)[];
  readonly total: number | null;
}

type Counts = readonly (readonly number[])[];
const EPS = 1e-9;

/** One table on its own (see `suppressTables`). */
export function suppressTable(counts: Counts, k: number): SuppressedTable {
  return suppressTables([counts], k)[0] as SuppressedTable;
}

/**
 * Suppress tables over the same rows. Every table must have the same row sums (the same
 * items, counted by different columns) — checked, since a mismatch would break the maths.
 */
export function suppressTables(tables: readonly Counts[], k: number): SuppressedTable[] {
  if (!Number.isInteger(k) || k < 1) throw new Error(`k must be a whole number ≥ 1, not ${k}`);
  const first = tables[0];
  if (first === undefined) return [];
  const rows = first.length;
  const rowSums = first.map((r) => sum(r));
  for (const t of tables) {
    if (t.length !== rows || t.some((r, i) => sum(r) !== rowSums[i])) {
      throw new Error("tables over the same rows must have the same row sums");
    }
  }
  const grand = sum(rowSums);
  const colsOf = (t: number) => tables[t]?.[0]?.length ?? 0;
  const cell = (t: number, i: number, j: number) => tables[t]?.[i]?.[j] ?? 0;
  const colSum = (t: number, j: number) => sum((tables[t] ?? []).map((r) => r[j] ?? 0));

  const hidden = tables.map((t) => t.map((r) => r.map((v) => v < k)));
  const isHidden = (t: number, i: number, j: number) => hidden[t]?.[i]?.[j] === true;
  const hide = (t: number, i: number, j: number) => {
    (hidden[t]?.[i] as boolean[])[j] = true;
  };
  const rowShown = rowSums.map((s) => s >= k);
  const colShown = tables.map((_, t) => range(colsOf(t)).map((j) => colSum(t, j) >= k));
  let totalShown = grand >= k;

  const hideOneMore = (t: number, line: { i: number } | { j: number }): boolean => {
    let best: [number, number] | null = null;
    let bestScore = Number.POSITIVE_INFINITY;
    const consider = (i: number, j: number, crossHides: boolean) => {
      if (isHidden(t, i, j)) return;
      const score = cell(t, i, j) + (crossHides ? 0 : 1e9);
      if (score < bestScore) {
        bestScore = score;
        best = [i, j];
      }
    };
    if ("i" in line) {
      for (let j = 0; j < colsOf(t); j++) {
        consider(
          line.i,
          j,
          range(rows).some((i) => isHidden(t, i, j)),
        );
      }
    } else {
      for (let i = 0; i < rows; i++) {
        consider(
          i,
          line.j,
          range(colsOf(t)).some((j) => isHidden(t, i, j)),
        );
      }
    }
    if (best === null) return false;
    hide(t, best[0], best[1]);
    return true;
  };

  // Every round hides a cell or a total, so this many rounds always reach the fixed point.
  const unpublishAny = () => {
    const i = rowShown.indexOf(true);
    if (i >= 0) {
      rowShown[i] = false;
      return;
    }
    for (const c of colShown) {
      const j = c.indexOf(true);
      if (j >= 0) {
        c[j] = false;
        return;
      }
    }
  };
  const limit = (rows + 1) * (tables.reduce((s, _, t) => s + colsOf(t), 0) + tables.length) + 10;
  for (let guard = 0; guard < limit; guard++) {
    let changed = false;
    for (let t = 0; t < tables.length; t++) {
      for (let i = 0; i < rows; i++) {
        if (!rowShown[i]) continue;
        const hid = range(colsOf(t)).filter((j) => isHidden(t, i, j));
        if (hid.length === 1 || (hid.length > 1 && sum(hid.map((j) => cell(t, i, j))) === 0)) {
          if (!hideOneMore(t, { i })) rowShown[i] = false;
          changed = true;
        }
      }
      for (let j = 0; j < colsOf(t); j++) {
        if (!colShown[t]?.[j]) continue;
        const hid = range(rows).filter((i) => isHidden(t, i, j));
        if (hid.length === 1 || (hid.length > 1 && sum(hid.map((i) => cell(t, i, j))) === 0)) {
          if (!hideOneMore(t, { j })) (colShown[t] as boolean[])[j] = false;
          changed = true;
        }
      }
    }
    if (changed) continue;
    const leak = firstLeak(hidden, rowShown, colShown, totalShown);
    if (leak === null) break;
    if (leak.type === "col") (colShown[leak.t] as boolean[])[leak.j] = false;
    else if (leak.type === "row") rowShown[leak.i] = false;
    else if (leak.type === "total") totalShown = false;
    else if (!hideOneMore(leak.t, { i: leak.i })) {
      if (totalShown) totalShown = false;
      else unpublishAny();
    }
  }
  // Never publish on doubt: if the rounds ran out with something derivable, hide every total.
  if (firstLeak(hidden, rowShown, colShown, totalShown) !== null) {
    rowShown.fill(false);
    for (const c of colShown) c.fill(false);
    totalShown = false;
  }

  return tables.map((counts, t) => ({
    cells: counts.map((r, i) => r.map((v, j) => (isHidden(t, i, j) ? null : v))),
    rowTotals: range(rows).map((i) => (rowShown[i] ? (rowSums[i] as number) : null)),
    colTotals: range(colsOf(t)).map((j) => (colShown[t]?.[j] ? colSum(t, j) : null)),
    total: totalShown ? grand : null,
  }));
}

type Leak =
  | { type: "row"; i: number }
  /** Hide one more cell of row i in table t (its total is hidden but its cells add up). */
  | { type: "rowCell"; t: number; i: number }
  | { type: "col"; t: number; j: number }
  | { type: "total" };

/**
 * The first derivable hidden value, answered with a published total to unpublish; null when
 * nothing hidden can be worked out. Unknowns: hidden cells, hidden row totals, the hidden
 * grand total. Equations: each row of each table (cells = row total), each published column
 * total, the rows adding up to the grand total. Hidden column totals are free.
 */
function firstLeak(
  hidden: readonly (readonly (readonly boolean[])[])[],
  rowShown: readonly boolean[],
  colShown: readonly (readonly boolean[])[],
  totalShown: boolean,
): Leak | null {
  type Var = { kind: "cell"; t: number; i: number; j: number } | { kind: "row"; i: number };
  const vars: Var[] = [];
  hidden.forEach((tab, t) => {
    tab.forEach((r, i) => {
      r.forEach((h, j) => {
        if (h) vars.push({ kind: "cell", t, i, j });
      });
    });
  });
  rowShown.forEach((shown, i) => {
    if (!shown) vars.push({ kind: "row", i });
  });
  const grandVar = totalShown ? -1 : vars.length;
  const n = vars.length + (totalShown ? 0 : 1);
  if (n === 0) return null;
  const eqs: number[][] = [];
  const zero = () => Array.from({ length: n }, () => 0);
  hidden.forEach((tab, t) => {
    tab.forEach((_, i) => {
      const e = zero();
      vars.forEach((v, idx) => {
        if (v.kind === "cell" && v.t === t && v.i === i) e[idx] = 1;
        if (v.kind === "row" && v.i === i) e[idx] = -1;
      });
      eqs.push(e);
    });
    (colShown[t] ?? []).forEach((shown, j) => {
      if (!shown) return;
      const e = zero();
      vars.forEach((v, idx) => {
        if (v.kind === "cell" && v.t === t && v.j === j) e[idx] = 1;
      });
      eqs.push(e);
    });
  });
  {
    const e = zero();
    vars.forEach((v, idx) => {
      if (v.kind === "row") e[idx] = 1;
    });
    if (grandVar >= 0) e[grandVar] = -1;
    eqs.push(e);
  }
  const basis = nullSpace(eqs, n);
  const determined = (target: readonly number[]) =>
    target.some((x) => x !== 0) &&
    basis.every((b) => Math.abs(b.reduce((s, x, idx) => s + x * (target[idx] ?? 0), 0)) < EPS);
  const unit = (idx: number) => {
    const e = zero();
    e[idx] = 1;
    return e;
  };
  /** A published total a value in row i, column (t, j) depends on. */
  const costOf = (i: number, t: number | null, j: number | null): Leak => {
    if (t !== null && j !== null && colShown[t]?.[j]) return { type: "col", t, j };
    if (rowShown[i]) return { type: "row", i };
    const col = colShown[t ?? 0]?.findIndex((s, jj) => s && hidden[t ?? 0]?.[i]?.[jj]) ?? -1;
    if (t !== null && col >= 0) return { type: "col", t, j: col };
    if (totalShown) return { type: "total" };
    // Some published column total of any table ties it in.
    for (let tt = 0; tt < colShown.length; tt++) {
      const jj = colShown[tt]?.findIndex((s) => s) ?? -1;
      if (jj >= 0) return { type: "col", t: tt, j: jj };
    }
    const ii = rowShown.findIndex((s) => s);
    return ii >= 0 ? { type: "row", i: ii } : { type: "total" };
  };
  for (let idx = 0; idx < vars.length; idx++) {
    const v = vars[idx] as Var;
    if (!determined(unit(idx))) continue;
    if (v.kind === "cell") return costOf(v.i, v.t, v.j);
    // A hidden row total: unpublish a column total through one of its hidden cells, or hide
    // a cell of a table whose row shows too much.
    for (let t = 0; t < hidden.length; t++) {
      const j = (hidden[t]?.[v.i] ?? []).findIndex((h, jj) => h && colShown[t]?.[jj]);
      if (j >= 0) return { type: "col", t, j };
    }
    let fewest = 0;
    hidden.forEach((tab, t) => {
      const count = (r: readonly boolean[] | undefined) => (r ?? []).filter(Boolean).length;
      if (count(tab[v.i]) < count(hidden[fewest]?.[v.i])) fewest = t;
    });
    return { type: "rowCell", t: fewest, i: v.i };
  }
  // A hidden column total is its published cells plus its hidden cells.
  for (let t = 0; t < colShown.length; t++) {
    for (let j = 0; j < (colShown[t]?.length ?? 0); j++) {
      if (colShown[t]?.[j]) continue;
      const target = zero();
      vars.forEach((v, idx) => {
        if (v.kind === "cell" && v.t === t && v.j === j) target[idx] = 1;
      });
      if (!determined(target)) continue;
      const cellVar = vars.find((v) => v.kind === "cell" && v.t === t && v.j === j);
      const i = cellVar?.i ?? 0;
      return rowShown[i] ? { type: "row", i } : costOf(i, null, null);
    }
  }
  if (grandVar >= 0 && determined(unit(grandVar))) return costOf(0, null, null);
  return null;
}

/** A basis of { x : A x = 0 } by Gauss–Jordan elimination (small 0/±1 matrices). */
function nullSpace(a: readonly (readonly number[])[], n: number): number[][] {
  const m = a.map((r) => [...r]);
  const pivotCols: number[] = [];
  let row = 0;
  for (let col = 0; col < n && row < m.length; col++) {
    let p = row;
    while (p < m.length && Math.abs(m[p]?.[col] ?? 0) < EPS) p++;
    if (p === m.length) continue;
    [m[row], m[p]] = [m[p] as number[], m[row] as number[]];
    const pr = m[row] as number[];
    const pv = pr[col] as number;
    for (let c = 0; c < n; c++) pr[c] = (pr[c] as number) / pv;
    for (let r = 0; r < m.length; r++) {
      if (r === row) continue;
      const rr = m[r] as number[];
      const f = rr[col] as number;
      if (Math.abs(f) < EPS) continue;
      for (let c = 0; c < n; c++) rr[c] = (rr[c] as number) - f * (pr[c] as number);
    }
    pivotCols.push(col);
    row++;
  }
  const free = range(n).filter((c) => !pivotCols.includes(c));
  return free.map((f) => {
    const v = Array.from({ length: n }, () => 0);
    v[f] = 1;
    pivotCols.forEach((pc, r) => {
      v[pc] = -(m[r]?.[f] ?? 0);
    });
    return v;
  });
}

function sum(xs: readonly number[]): number {
  return xs.reduce((s, x) => s + x, 0);
}

function range(n: number): number[] {
  return Array.from({ length: n }, (_, i) => i);
}
