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
 * 2. Then an exact check over both tables at once, nonnegativity included (`network`): a
 *    hidden value that can be worked out gets the smallest published cell (else a total) that
 *    puts it on a cycle hidden — repeated until nothing hidden can be worked out.
 *
 * The property tests check by exhaustive search, on small tables, that no hidden cell has
 * only one possible value.
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
    const fix = firstPinned(tables, hidden, rowShown, colShown, totalShown);
    if (fix === null) break;
    if (fix.kind === "cell") hide(fix.t, fix.i, fix.j);
    else if (fix.kind === "col") (colShown[fix.t] as boolean[])[fix.j] = false;
    else if (fix.kind === "row") rowShown[fix.i] = false;
    else totalShown = false;
  }
  // Never publish on doubt: if the rounds ran out with something derivable, hide every total.
  if (firstPinned(tables, hidden, rowShown, colShown, totalShown) !== null) {
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

type Ref =
  | { kind: "cell"; t: number; i: number; j: number }
  | { kind: "row"; i: number }
  | { kind: "col"; t: number; j: number }
  | { kind: "total" };

interface Arc {
  readonly from: number;
  readonly to: number;
  readonly value: number;
  /** Hidden: the reader does not know it (an unknown ≥ 0). */
  readonly unknown: boolean;
  readonly ref: Ref;
}

/**
 * The tables as a circulation: the source S feeds each column of the first table (its
 * total), each of its cells flows from its column to its row, each row's total flows on to
 * the row's other side, from there each cell of the second table flows to its column, and
 * every column of the second table (or, with one table, every row) flows to the sink T,
 * which returns the grand total to S. Every published number is a fixed flow, every hidden
 * one an unknown flow ≥ 0. A hidden value can be worked out exactly when its arc lies on no
 * cycle of the residual graph of the unknowns (forward always; backward where the flow is
 * positive): along such a cycle one unit can be pushed, giving another table that agrees with
 * everything published.
 */
function network(
  tables: readonly Counts[],
  hidden: readonly (readonly (readonly boolean[])[])[],
  rowShown: readonly boolean[],
  colShown: readonly (readonly boolean[])[],
  totalShown: boolean,
): { arcs: Arc[]; nodes: number } {
  if (tables.length > 2) throw new Error("at most two tables share their rows");
  const rows = tables[0]?.length ?? 0;
  let next = 0;
  const S = next++;
  const T = next++;
  const colA = range(tables[0]?.[0]?.length ?? 0).map(() => next++);
  const rowIn = range(rows).map(() => next++);
  const rowOut = range(rows).map(() => next++);
  const colB = range(tables[1]?.[0]?.length ?? 0).map(() => next++);
  const arcs: Arc[] = [];
  const add = (from: number, to: number, value: number, unknown: boolean, ref: Ref) => {
    arcs.push({ from, to, value, unknown, ref });
  };
  const sumOf = (xs: readonly number[]) => sum(xs);
  const a = tables[0] ?? [];
  colA.forEach((node, j) => {
    add(S, node, sumOf(a.map((r) => r[j] ?? 0)), !colShown[0]?.[j], { kind: "col", t: 0, j });
  });
  a.forEach((r, i) => {
    r.forEach((v, j) => {
      add(colA[j] as number, rowIn[i] as number, v, hidden[0]?.[i]?.[j] === true, {
        kind: "cell",
        t: 0,
        i,
        j,
      });
    });
  });
  const b = tables[1];
  a.forEach((r, i) => {
    // With one table a row's total flows straight to the sink.
    const to = b === undefined ? T : (rowOut[i] as number);
    add(rowIn[i] as number, to, sumOf(r), !rowShown[i], { kind: "row", i });
  });
  if (b !== undefined) {
    b.forEach((r, i) => {
      r.forEach((v, j) => {
        add(rowOut[i] as number, colB[j] as number, v, hidden[1]?.[i]?.[j] === true, {
          kind: "cell",
          t: 1,
          i,
          j,
        });
      });
    });
    colB.forEach((node, j) => {
      add(node, T, sumOf(b.map((r) => r[j] ?? 0)), !colShown[1]?.[j], { kind: "col", t: 1, j });
    });
  }
  add(T, S, sumOf(a.map((r) => sumOf(r))), !totalShown, { kind: "total" });
  return { arcs, nodes: next };
}

/** Nodes reachable from `start` in the residual graph of the unknown arcs except `skip`. */
function reach(arcs: readonly Arc[], nodes: number, start: number, skip: Arc, reverse: boolean) {
  const out: number[][] = Array.from({ length: nodes }, () => []);
  for (const arc of arcs) {
    if (!arc.unknown || arc === skip) continue;
    // Forward residual always (no upper bound); backward where one unit can be taken away.
    const edges: [number, number][] = [[arc.from, arc.to]];
    if (arc.value > 0) edges.push([arc.to, arc.from]);
    for (const [u, v] of edges) {
      if (reverse) out[v]?.push(u);
      else out[u]?.push(v);
    }
  }
  const seen = new Set([start]);
  const stack = [start];
  while (stack.length > 0) {
    const u = stack.pop() as number;
    for (const v of out[u] ?? []) {
      if (!seen.has(v)) {
        seen.add(v);
        stack.push(v);
      }
    }
  }
  return seen;
}

/**
 * The first hidden value that can be worked out, answered with what to hide next so that it
 * no longer can (the smallest published cell that closes a cycle through it, else a total);
 * null when nothing hidden can be worked out.
 */
function firstPinned(
  tables: readonly Counts[],
  hidden: readonly (readonly (readonly boolean[])[])[],
  rowShown: readonly boolean[],
  colShown: readonly (readonly boolean[])[],
  totalShown: boolean,
): Ref | null {
  const { arcs, nodes } = network(tables, hidden, rowShown, colShown, totalShown);
  for (const e of arcs) {
    if (!e.unknown) continue;
    const ahead = reach(arcs, nodes, e.to, e, false);
    if (ahead.has(e.from)) continue; // it can grow by one
    const behind = reach(arcs, nodes, e.from, e, true);
    if (e.value > 0 && reach(arcs, nodes, e.from, e, false).has(e.to)) continue; // shrink
    // Pinned. A published arc from `ahead` to `behind` (or back, if positive) closes a cycle.
    let best: Arc | null = null;
    // The smallest cell first; then the grand total, which says least about where.
    const rank = (arc: Arc) =>
      arc.ref.kind === "cell" ? arc.value : arc.ref.kind === "total" ? 1e9 : 2e9 + arc.value;
    for (const f of arcs) {
      if (f.unknown) continue;
      const closes =
        (ahead.has(f.from) && behind.has(f.to)) ||
        (f.value > 0 && ahead.has(f.to) && behind.has(f.from));
      if (closes && (best === null || rank(f) < rank(best))) best = f;
    }
    if (best !== null) return best.ref;
    return { kind: "total" };
  }
  return null;
}

function sum(xs: readonly number[]): number {
  return xs.reduce((s, x) => s + x, 0);
}

function range(n: number): number[] {
  return Array.from({ length: n }, (_, i) => i);
}
