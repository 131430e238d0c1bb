/**
 * Classroom layouts for seating maps (issue #5), pure.
 *
 * A room is a grid of cells; the front (board, teacher's desk) is the top edge, y = 0. A table
 * is a rectangle of cells and one group of the rotation: a desk pair in rows, an island, a
 * stretch of the U. A seat is the cell of one chair, next to (or on) its table. Seat ids are
 * unique across the whole layout, because a round's seating is a map seat id -> pupil id.
 *
 * The flow for a `seating` rotation: `seatingGroups` decides which tables are used and how
 * many pupils sit at each, the solver fills those groups (with `fixedGroupsFromSeats` as its
 * `fixedGroup`), and `assignSeats` turns the groups into seats. See ADR 0110.
 */

/** `custom` is a layout a teacher edited by hand; the other kinds come from `layoutTemplate`. */
export type LayoutKind = "rows" | "islands" | "horseshoe" | "custom";

export interface LayoutSeat {
  id: string;
  /** Cell of the chair, for drawing. */
  x: number;
  y: number;
}

/** A table is one group: a desk pair in rows, an island, a stretch of the U. */
export interface LayoutTable {
  id: string;
  label: string;
  x: number;
  y: number;
  w: number;
  h: number;
  seats: LayoutSeat[];
}

export interface ClassroomLayout {
  kind: LayoutKind;
  width: number;
  height: number;
  tables: LayoutTable[];
}

export interface FixedSeat {
  pupilId: string;
  seatId: string;
}

/** A class of more than this is split, not seated in one room. */
export const MAX_SEATS = 60;
/** Longest room side in cells (a cell is about half a metre). */
export const MAX_ROOM_CELLS = 80;
export const MAX_ID_LENGTH = 40;
export const MAX_LABEL_LENGTH = 20;

// ---------------------------------------------------------------- templates

export type TemplateKind = Exclude<LayoutKind, "custom">;

export interface TemplateOptions {
  /** Number of seats, clamped to 1..MAX_SEATS. */
  seats: number;
  /** Seats per table; defaults and allowed range per kind in `PER_TABLE`. Clamped. */
  perTable?: number;
}

/** Default and allowed seats per table for each template kind. */
export const PER_TABLE: Record<TemplateKind, { min: number; max: number; default: number }> = {
  rows: { min: 1, max: 4, default: 2 },
  islands: { min: 4, max: 6, default: 4 },
  horseshoe: { min: 2, max: 4, default: 3 },
};

/** Rows of tables above the first table row: room for the board and the teacher's desk. */
const FRONT_ROWS = 3;
/** The aspect ratio (width / height) the grid templates aim for: an A4 landscape page. */
const TARGET_ASPECT = 1.4;

/**
 * A ready-made layout. Tables get ids "t1", "t2", ... and labels "1", "2", ... in reading order
 * from the front (for the U: down the left side, along the back, up the right side); seats get
 * ids "t1s1", "t1s2", ... The seats are spread evenly over ceil(seats / perTable) tables (sizes
 * differ by at most one, the smaller tables last), and the room is sized to the content with a
 * margin of one cell and three free rows at the front.
 *
 * - rows: desks side by side facing the front, one chair behind each desk, an aisle of one
 *   cell between tables;
 * - islands: tables two cells deep with chairs on both long sides;
 * - horseshoe: single desks along the left wall, the back and the right wall, open to the
 *   front, chairs on the inside; each table is a straight stretch of desks.
 */
export function layoutTemplate(kind: TemplateKind, opts: TemplateOptions): ClassroomLayout {
  const range = PER_TABLE[kind];
  const seats = clampInt(opts.seats, 1, MAX_SEATS);
  const perTable = clampInt(opts.perTable ?? range.default, range.min, range.max);
  const tableCount = Math.ceil(seats / perTable);
  const sizes = spread(seats, tableCount);
  switch (kind) {
    case "rows":
      return gridLayout("rows", sizes);
    case "islands":
      return gridLayout("islands", sizes);
    case "horseshoe":
      return horseshoeLayout(sizes);
  }
}

function clampInt(value: number, min: number, max: number): number {
  if (!Number.isFinite(value)) return min;
  return Math.min(max, Math.max(min, Math.round(value)));
}

/** n split into `parts` sizes differing by at most one, larger first. */
function spread(n: number, parts: number): number[] {
  const base = Math.floor(n / parts);
  const extra = n - base * parts;
  return Array.from({ length: parts }, (_, i) => (i < extra ? base + 1 : base));
}

function table(index: number, x: number, y: number, w: number, h: number): LayoutTable {
  return { id: `t${index + 1}`, label: String(index + 1), x, y, w, h, seats: [] };
}

function addSeat(t: LayoutTable, x: number, y: number): void {
  t.seats.push({ id: `${t.id}s${t.seats.length + 1}`, x, y });
}

/** Rows and islands: tables on a regular grid, as many columns as make the room A4-shaped. */
function gridLayout(kind: "rows" | "islands", sizes: number[]): ClassroomLayout {
  // Footprint of one grid slot in cells, aisle included; sized to the largest table.
  const widest = Math.max(...sizes);
  const slotW = kind === "rows" ? widest + 1 : Math.ceil(widest / 2) + 1;
  const slotH = kind === "rows" ? 3 : 5;
  // Rows: desk row + chair row + gap. Islands: chairs + two-deep table + chairs + gap.
  const tableTop = kind === "rows" ? FRONT_ROWS : FRONT_ROWS + 1;
  const count = sizes.length;
  let cols = 1;
  let bestScore = Number.POSITIVE_INFINITY;
  for (let c = 1; c <= count; c++) {
    const rows = Math.ceil(count / c);
    const { width, height } = gridRoom(c, rows, slotW, slotH);
    const score = Math.abs(Math.log(width / height / TARGET_ASPECT));
    if (score < bestScore - 1e-9) {
      bestScore = score;
      cols = c;
    }
  }
  const rows = Math.ceil(count / cols);
  const tables = sizes.map((size, i) => {
    const x = 1 + (i % cols) * slotW;
    const y = tableTop + Math.floor(i / cols) * slotH;
    if (kind === "rows") {
      const t = table(i, x, y, size, 1);
      for (let s = 0; s < size; s++) addSeat(t, x + s, y + 1);
      return t;
    }
    const top = Math.ceil(size / 2);
    const t = table(i, x, y, top, 2);
    for (let s = 0; s < top; s++) addSeat(t, x + s, y - 1);
    for (let s = 0; s < size - top; s++) addSeat(t, x + s, y + 2);
    return t;
  });
  return { kind, ...gridRoom(cols, rows, slotW, slotH), tables };
}

function gridRoom(
  cols: number,
  rows: number,
  slotW: number,
  slotH: number,
): { width: number; height: number } {
  // Left margin 1, slots (the last slot's aisle is the right margin); front rows, slots, and
  // the last slot's gap is the back margin.
  return { width: 1 + cols * slotW, height: FRONT_ROWS + rows * slotH };
}

/** The U: single desks along three walls, open to the front, chairs on the inside. */
function horseshoeLayout(sizes: number[]): ClassroomLayout {
  const count = sizes.length;
  const run = (xs: number[]): number =>
    xs.length === 0 ? 0 : xs.reduce((a, b) => a + b, 0) + xs.length - 1;
  // How many stretches go along the back: the split whose room is closest to A4-shaped
  // (ties: the first found, i.e. the fewest at the back). The left side takes the odd one.
  let back = count;
  let bestScore = Number.POSITIVE_INFINITY;
  for (let b = 1; b <= count; b++) {
    const left = Math.ceil((count - b) / 2);
    const dims = horseshoeDims(
      run(sizes.slice(0, left)),
      run(sizes.slice(left, left + b)),
      run(sizes.slice(left + b)),
    );
    const score = Math.abs(Math.log(dims.width / dims.height / TARGET_ASPECT));
    if (score < bestScore - 1e-9) {
      bestScore = score;
      back = b;
    }
  }
  const side = Math.ceil((count - back) / 2);
  const leftSizes = sizes.slice(0, side);
  const backSizes = sizes.slice(side, side + back);
  const rightSizes = sizes.slice(side + back);
  const { backY, rightX, width, height } = horseshoeDims(
    run(leftSizes),
    run(backSizes),
    run(rightSizes),
  );
  const tables: LayoutTable[] = [];
  let y = FRONT_ROWS;
  for (const size of leftSizes) {
    const t = table(tables.length, 1, y, 1, size);
    for (let s = 0; s < size; s++) addSeat(t, 2, y + s);
    tables.push(t);
    y += size + 1;
  }
  let x = 1 + Math.floor((rightX - run(backSizes)) / 2);
  for (const size of backSizes) {
    const t = table(tables.length, x, backY, size, 1);
    for (let s = 0; s < size; s++) addSeat(t, x + s, backY - 1);
    tables.push(t);
    x += size + 1;
  }
  // Up the right side, so the numbering walks round the U.
  y = FRONT_ROWS + run(rightSizes);
  for (const size of rightSizes) {
    const top = y - size;
    const t = table(tables.length, rightX, top, 1, size);
    for (let s = size - 1; s >= 0; s--) addSeat(t, rightX - 1, top + s);
    tables.push(t);
    y = top - 1;
  }
  return { kind: "horseshoe", width, height, tables };
}

function horseshoeDims(
  leftRun: number,
  backRun: number,
  rightRun: number,
): { backY: number; rightX: number; width: number; height: number } {
  const sideLength = Math.max(leftRun, rightRun);
  // The back desks' chairs stand one row below the sides' last desks, with a free row between.
  const backY = FRONT_ROWS + sideLength + (sideLength > 0 ? 1 : 0) + 1;
  // The right wall's desks stand in this column; at least 4 free cells between the chairs.
  const rightX = Math.max(backRun, 7);
  return { backY, rightX, width: rightX + 2, height: backY + 2 };
}

// ---------------------------------------------------------------- validation

export const LAYOUT_PROBLEM_CODES = [
  "layout.noSeats",
  "layout.tooManySeats",
  "layout.invalidRoom",
  "layout.invalidNumber",
  "layout.invalidId",
  "layout.invalidLabel",
  "layout.duplicateId",
  "layout.tableWithoutSeats",
  "layout.overlap",
  "layout.outside",
  "layout.seatOutsideRoom",
  "layout.seatAwayFromTable",
] as const;
export type LayoutProblemCode = (typeof LAYOUT_PROBLEM_CODES)[number];

/** One thing wrong with a layout; `tableId`/`seatId` point at the culprit where there is one. */
export interface LayoutProblem {
  code: LayoutProblemCode;
  tableId?: string;
  seatId?: string;
}

const isCell = (v: unknown): v is number => Number.isInteger(v) && (v as number) >= 0;
const isLength = (v: unknown): v is number => Number.isInteger(v) && (v as number) >= 1;

/**
 * Everything wrong with a layout, in a stable order; empty when it is usable. Rules: 1 to
 * MAX_SEATS seats; the room 1..MAX_ROOM_CELLS cells each way; whole, non-negative numbers;
 * ids non-empty, at most MAX_ID_LENGTH characters and unique over tables and seats together;
 * labels 1..MAX_LABEL_LENGTH characters; every table has a seat; tables inside the room and
 * not overlapping each other; every seat inside the room, on its own table or in a cell
 * touching it (diagonals count), never on another table or another seat's cell.
 */
export function validateLayout(layout: ClassroomLayout): LayoutProblem[] {
  const problems: LayoutProblem[] = [];
  const roomOk =
    isLength(layout.width) &&
    isLength(layout.height) &&
    layout.width <= MAX_ROOM_CELLS &&
    layout.height <= MAX_ROOM_CELLS;
  if (!roomOk) problems.push({ code: "layout.invalidRoom" });
  const seats = seatCount(layout);
  if (seats === 0) problems.push({ code: "layout.noSeats" });
  if (seats > MAX_SEATS) problems.push({ code: "layout.tooManySeats" });

  const ids = new Set<string>();
  const checkId = (id: string, at: { tableId?: string; seatId?: string }): void => {
    if (typeof id !== "string" || id.trim() === "" || id.length > MAX_ID_LENGTH) {
      problems.push({ code: "layout.invalidId", ...at });
    } else if (ids.has(id)) {
      problems.push({ code: "layout.duplicateId", ...at });
    } else {
      ids.add(id);
    }
  };
  // Cells taken by tables and seats, "x,y" -> owner, for the overlap checks.
  const tableCells = new Map<string, string>();
  const seatCells = new Set<string>();
  const okTables: LayoutTable[] = [];
  for (const t of layout.tables) {
    checkId(t.id, { tableId: t.id });
    if (typeof t.label !== "string" || t.label.trim() === "" || t.label.length > MAX_LABEL_LENGTH) {
      problems.push({ code: "layout.invalidLabel", tableId: t.id });
    }
    if (t.seats.length === 0) problems.push({ code: "layout.tableWithoutSeats", tableId: t.id });
    const shapeOk = isCell(t.x) && isCell(t.y) && isLength(t.w) && isLength(t.h);
    if (!shapeOk) {
      problems.push({ code: "layout.invalidNumber", tableId: t.id });
    } else {
      if (roomOk && (t.x + t.w > layout.width || t.y + t.h > layout.height)) {
        problems.push({ code: "layout.outside", tableId: t.id });
      }
      let overlaps = false;
      // Bounded by the room check: tables far outside are reported above and not rasterised.
      const w = Math.min(t.w, MAX_ROOM_CELLS);
      const h = Math.min(t.h, MAX_ROOM_CELLS);
      for (let dx = 0; dx < w; dx++) {
        for (let dy = 0; dy < h; dy++) {
          const key = `${t.x + dx},${t.y + dy}`;
          if (tableCells.has(key)) overlaps = true;
          else tableCells.set(key, t.id);
        }
      }
      if (overlaps) problems.push({ code: "layout.overlap", tableId: t.id });
      okTables.push(t);
    }
  }
  for (const t of layout.tables) {
    const shapeOk = okTables.includes(t);
    for (const s of t.seats) {
      checkId(s.id, { tableId: t.id, seatId: s.id });
      if (!isCell(s.x) || !isCell(s.y)) {
        problems.push({ code: "layout.invalidNumber", tableId: t.id, seatId: s.id });
        continue;
      }
      if (roomOk && (s.x >= layout.width || s.y >= layout.height)) {
        problems.push({ code: "layout.seatOutsideRoom", tableId: t.id, seatId: s.id });
      }
      const key = `${s.x},${s.y}`;
      const onTable = tableCells.get(key);
      if (seatCells.has(key) || (onTable !== undefined && onTable !== t.id)) {
        problems.push({ code: "layout.overlap", tableId: t.id, seatId: s.id });
      }
      seatCells.add(key);
      if (shapeOk && (s.x < t.x - 1 || s.x > t.x + t.w || s.y < t.y - 1 || s.y > t.y + t.h)) {
        problems.push({ code: "layout.seatAwayFromTable", tableId: t.id, seatId: s.id });
      }
    }
  }
  return problems;
}

export function seatCount(layout: ClassroomLayout): number {
  return layout.tables.reduce((sum, t) => sum + t.seats.length, 0);
}

/** Seats per table, in layout order. */
export function tableCapacities(layout: ClassroomLayout): number[] {
  return layout.tables.map((t) => t.seats.length);
}

// ---------------------------------------------------------------- table sizes

/**
 * Tables in order of distance from the front: top edge first, then left to right, then
 * layout order. Returns indices into `layout.tables`.
 */
export function frontOrder(layout: ClassroomLayout): number[] {
  return layout.tables
    .map((t, i) => ({ t, i }))
    .sort((a, b) => a.t.y - b.t.y || a.t.x - b.t.x || a.i - b.i)
    .map(({ i }) => i);
}

/**
 * How many pupils sit at each table (layout order): the sizes sum to `pupilCount` and never
 * exceed a table's seats; null when the room has too few seats (or `pupilCount` is not a
 * whole number >= 0, or the fixed seats alone need more pupils than there are).
 *
 * The rule:
 * 1. Fill evenly: pupils go one by one to the used table whose fill ratio after adding one is
 *    lowest (ties: the table with fewer pupils, then the one nearest the front), so every table is about as full as the
 *    others — a class of 20 in eight islands of 4 sits 3,3,3,3,2,2,2,2, not 4,4,4,4,4,0,0,0.
 * 2. Never a pupil alone at a table if avoidable: when even filling would leave someone alone,
 *    a pupil moves from a fuller table to make a pair, and if that is not enough, fewer
 *    tables are used — the ones nearest the front — so 20 pupils in 15 desk pairs sit
 *    in the 10 front pairs and the 5 back pairs stay empty (size 0). Among the choices with
 *    the fewest lone pupils, the one using the most tables wins.
 * 3. A table holding a fixed seat is always used and gets at least its fixed pupils.
 */
export function tableSizesFor(
  layout: ClassroomLayout,
  pupilCount: number,
  fixedSeats: readonly FixedSeat[] = [],
): number[] | null {
  if (!Number.isInteger(pupilCount) || pupilCount < 0) return null;
  const caps = tableCapacities(layout);
  if (pupilCount > caps.reduce((a, b) => a + b, 0)) return null;
  const minimum = caps.map(() => 0);
  const tableOfSeat = seatTables(layout);
  const fixedSeatIds = new Set<string>();
  for (const f of fixedSeats) {
    const tableIndex = tableOfSeat.get(f.seatId);
    if (tableIndex === undefined || fixedSeatIds.has(f.seatId)) continue;
    fixedSeatIds.add(f.seatId);
    minimum[tableIndex] = (minimum[tableIndex] ?? 0) + 1;
  }
  if (minimum.reduce((a, b) => a + b, 0) > pupilCount) return null;

  const order = frontOrder(layout);
  let best: { sizes: number[]; alone: number; used: number } | null = null;
  const tried = new Set<string>();
  for (let m = order.length; m >= 0; m--) {
    const used = new Set(order.slice(0, m));
    minimum.forEach((min, i) => {
      if (min > 0) used.add(i);
    });
    const key = [...used].sort((a, b) => a - b).join(",");
    if (tried.has(key)) continue;
    tried.add(key);
    const sizes = fillEvenly(caps, minimum, used, order, pupilCount);
    if (!sizes) continue;
    const alone = sizes.filter((s) => s === 1).length;
    const usedCount = sizes.filter((s) => s > 0).length;
    if (!best || alone < best.alone || (alone === best.alone && usedCount > best.used)) {
      best = { sizes, alone, used: usedCount };
    }
  }
  return best ? best.sizes : null;
}

/** Rule 1 of `tableSizesFor` over the tables in `used`; null when they have too few seats. */
function fillEvenly(
  caps: readonly number[],
  minimum: readonly number[],
  used: ReadonlySet<number>,
  order: readonly number[],
  pupilCount: number,
): number[] | null {
  let capacity = 0;
  for (const i of used) capacity += caps[i] ?? 0;
  if (capacity < pupilCount) return null;
  const sizes = caps.map((_, i) => (used.has(i) ? (minimum[i] ?? 0) : 0));
  let placed = sizes.reduce((a, b) => a + b, 0);
  const candidates = order.filter((i) => used.has(i));
  while (placed < pupilCount) {
    let pick = -1;
    for (const i of candidates) {
      const cap = caps[i] ?? 0;
      const size = sizes[i] ?? 0;
      if (size >= cap) continue;
      if (pick < 0) {
        pick = i;
        continue;
      }
      // Lowest (size + 1) / cap, in integers; ties go to the emptier table, then the front.
      const pickCap = caps[pick] ?? 0;
      const pickSize = sizes[pick] ?? 0;
      const left = (size + 1) * pickCap;
      const right = (pickSize + 1) * cap;
      if (left < right || (left === right && size < pickSize)) pick = i;
    }
    if (pick < 0) return null;
    sizes[pick] = (sizes[pick] ?? 0) + 1;
    placed++;
  }
  // Rule 2 inside these tables: lift a lone pupil's table to two with a pupil from the
  // fullest table that keeps at least two (e.g. seats 2 + 4, four pupils: 2,2 not 1,3).
  for (;;) {
    const lone = candidates.find((i) => sizes[i] === 1 && (caps[i] ?? 0) >= 2);
    if (lone === undefined) break;
    let donor = -1;
    for (const i of candidates) {
      const size = sizes[i] ?? 0;
      if (size < 3 || size - 1 < (minimum[i] ?? 0)) continue;
      const best = donor < 0 ? 0 : (sizes[donor] ?? 0) * (caps[i] ?? 0);
      if (donor < 0 || size * (caps[donor] ?? 0) > best) donor = i;
    }
    if (donor < 0) break;
    sizes[donor] = (sizes[donor] ?? 0) - 1;
    sizes[lone] = 2;
  }
  return sizes;
}

function seatTables(layout: ClassroomLayout): Map<string, number> {
  const map = new Map<string, number>();
  layout.tables.forEach((t, i) => {
    for (const s of t.seats) if (!map.has(s.id)) map.set(s.id, i);
  });
  return map;
}

/**
 * The tables a round uses and their group sizes (each >= 1), in layout order: group g of the
 * solver sits at table `tableIds[g]`. Null when the room has too few seats. See
 * `tableSizesFor` for the rule.
 */
export function seatingGroups(
  layout: ClassroomLayout,
  pupilCount: number,
  fixedSeats: readonly FixedSeat[] = [],
): { tableIds: string[]; sizes: number[] } | null {
  const all = tableSizesFor(layout, pupilCount, fixedSeats);
  if (!all) return null;
  const tableIds: string[] = [];
  const sizes: number[] = [];
  layout.tables.forEach((t, i) => {
    const size = all[i] ?? 0;
    if (size > 0) {
      tableIds.push(t.id);
      sizes.push(size);
    }
  });
  return { tableIds, sizes };
}

// ---------------------------------------------------------------- seats

export type SeatingProblem =
  | { code: "seating.unknownTable"; tableId: string }
  | { code: "seating.unknownSeat"; seatId: string; pupilId: string }
  /** Two pupils fixed to the same seat. */
  | { code: "seating.seatTaken"; seatId: string; pupilIds: [string, string] }
  /** One pupil fixed to two seats, or in two groups. */
  | { code: "seating.pupilTwice"; pupilId: string }
  /** A fixed seat at a table the round does not use. */
  | { code: "seating.tableNotUsed"; seatId: string; pupilId: string; tableId: string }
  /** `groups` and `tableIds` differ in length. */
  | { code: "seating.groupCountMismatch"; groups: number; tables: number }
  /** A group has more pupils than its table has seats. */
  | { code: "seating.tableFull"; tableId: string; pupils: number; seats: number }
  /** A fixed pupil was put in another group than the table of their seat. */
  | { code: "seating.fixedSeatElsewhere"; pupilId: string; seatId: string; tableId: string };

export const SEATING_PROBLEM_CODES = [
  "seating.unknownTable",
  "seating.unknownSeat",
  "seating.seatTaken",
  "seating.pupilTwice",
  "seating.tableNotUsed",
  "seating.groupCountMismatch",
  "seating.tableFull",
  "seating.fixedSeatElsewhere",
] as const satisfies readonly SeatingProblem["code"][];

export type SeatingResult<T> = { ok: true; value: T } | { ok: false; problems: SeatingProblem[] };

interface SeatIndex {
  /** seat id -> table id */
  tableOf: Map<string, string>;
  /** table id -> the table */
  tables: Map<string, LayoutTable>;
}

function indexLayout(layout: ClassroomLayout): SeatIndex {
  const tableOf = new Map<string, string>();
  const tables = new Map<string, LayoutTable>();
  for (const t of layout.tables) {
    if (!tables.has(t.id)) tables.set(t.id, t);
    for (const s of t.seats) if (!tableOf.has(s.id)) tableOf.set(s.id, t.id);
  }
  return { tableOf, tables };
}

/** Shared checks of fixed seats: known seats, one pupil per seat, one seat per pupil. */
function checkFixedSeats(
  index: SeatIndex,
  fixedSeats: readonly FixedSeat[],
  problems: SeatingProblem[],
): FixedSeat[] {
  const bySeat = new Map<string, string>();
  const byPupil = new Set<string>();
  const ok: FixedSeat[] = [];
  for (const f of fixedSeats) {
    if (!index.tableOf.has(f.seatId)) {
      problems.push({ code: "seating.unknownSeat", seatId: f.seatId, pupilId: f.pupilId });
      continue;
    }
    const holder = bySeat.get(f.seatId);
    if (holder !== undefined) {
      problems.push({ code: "seating.seatTaken", seatId: f.seatId, pupilIds: [holder, f.pupilId] });
      continue;
    }
    if (byPupil.has(f.pupilId)) {
      problems.push({ code: "seating.pupilTwice", pupilId: f.pupilId });
      continue;
    }
    bySeat.set(f.seatId, f.pupilId);
    byPupil.add(f.pupilId);
    ok.push(f);
  }
  return ok;
}

/**
 * The solver's `fixedGroup` for pupils with a fixed seat: pupil id -> index into `tableIds`
 * (the group of that seat's table). Fails when a seat is unknown, taken twice, a pupil has two
 * seats, or the seat's table is not among the used tables (pass the fixed seats to
 * `seatingGroups` so it never is).
 */
export function fixedGroupsFromSeats(
  layout: ClassroomLayout,
  tableIds: readonly string[],
  fixedSeats: readonly FixedSeat[],
): SeatingResult<Map<string, number>> {
  const index = indexLayout(layout);
  const problems: SeatingProblem[] = [];
  for (const id of tableIds) {
    if (!index.tables.has(id)) problems.push({ code: "seating.unknownTable", tableId: id });
  }
  const fixed = new Map<string, number>();
  for (const f of checkFixedSeats(index, fixedSeats, problems)) {
    const tableId = index.tableOf.get(f.seatId) ?? "";
    const group = tableIds.indexOf(tableId);
    if (group < 0) {
      problems.push({
        code: "seating.tableNotUsed",
        seatId: f.seatId,
        pupilId: f.pupilId,
        tableId,
      });
    } else {
      fixed.set(f.pupilId, group);
    }
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, value: fixed };
}

/**
 * Seats for one round: `groups[g]` sits at table `tableIds[g]`. A pupil with a fixed seat gets
 * it; the others take the table's remaining seats in seat order, in the order of the group.
 * Same input, same seats. Fixed seats of pupils who are in no group (they left) are ignored;
 * a fixed pupil placed in another table's group is an error (`seating.fixedSeatElsewhere`).
 */
export function assignSeats(
  layout: ClassroomLayout,
  tableIds: readonly string[],
  groups: readonly (readonly string[])[],
  fixedSeats: readonly FixedSeat[],
): SeatingResult<Record<string, string>> {
  const index = indexLayout(layout);
  const problems: SeatingProblem[] = [];
  if (groups.length !== tableIds.length) {
    problems.push({
      code: "seating.groupCountMismatch",
      groups: groups.length,
      tables: tableIds.length,
    });
  }
  const groupOf = new Map<string, number>();
  groups.forEach((members, g) => {
    for (const p of members) {
      if (groupOf.has(p)) problems.push({ code: "seating.pupilTwice", pupilId: p });
      else groupOf.set(p, g);
    }
  });
  const fixedOf = new Map<string, string>();
  for (const f of checkFixedSeats(index, fixedSeats, problems)) {
    const g = groupOf.get(f.pupilId);
    if (g === undefined) continue;
    const tableId = index.tableOf.get(f.seatId) ?? "";
    if (tableIds[g] !== tableId) {
      problems.push({
        code: "seating.fixedSeatElsewhere",
        pupilId: f.pupilId,
        seatId: f.seatId,
        tableId,
      });
    } else {
      fixedOf.set(f.pupilId, f.seatId);
    }
  }
  const seats: Record<string, string> = {};
  tableIds.forEach((tableId, g) => {
    const t = index.tables.get(tableId);
    const members = groups[g] ?? [];
    if (!t) {
      problems.push({ code: "seating.unknownTable", tableId });
      return;
    }
    if (members.length > t.seats.length) {
      problems.push({
        code: "seating.tableFull",
        tableId,
        pupils: members.length,
        seats: t.seats.length,
      });
      return;
    }
    const taken = new Set<string>();
    for (const p of members) {
      const seat = fixedOf.get(p);
      if (seat !== undefined && groupOf.get(p) === g) {
        seats[seat] = p;
        taken.add(seat);
      }
    }
    const free = t.seats.map((s) => s.id).filter((id) => !taken.has(id));
    let next = 0;
    for (const p of members) {
      if (fixedOf.has(p) || groupOf.get(p) !== g) continue;
      const seat = free[next++];
      if (seat !== undefined) seats[seat] = p;
    }
  });
  return problems.length > 0 ? { ok: false, problems } : { ok: true, value: seats };
}
