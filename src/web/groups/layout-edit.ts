// The classroom editor's changes to a layout: move a table (its chairs move with it), add or
// remove a table, change the number of seats at a table. Every change returns a new layout of
// kind "custom" whose room is grown to fit; whether it is usable is `validateLayout`'s word.
import type { ClassroomLayout, LayoutSeat, LayoutTable } from "../../contract/rotations.ts";

function fitRoom(layout: ClassroomLayout, tables: LayoutTable[]): ClassroomLayout {
  let width = layout.width;
  let height = layout.height;
  for (const t of tables) {
    width = Math.max(width, t.x + t.w + 1, ...t.seats.map((s) => s.x + 2));
    height = Math.max(height, t.y + t.h + 1, ...t.seats.map((s) => s.y + 2));
  }
  return { kind: "custom", width, height, tables };
}

/** Moves a table by (dx, dy) cells; refused (null) where it would leave the room's top/left. */
export function moveTable(
  layout: ClassroomLayout,
  tableId: string,
  dx: number,
  dy: number,
): ClassroomLayout | null {
  const table = layout.tables.find((t) => t.id === tableId);
  if (!table) return null;
  const minX = Math.min(table.x, ...table.seats.map((s) => s.x));
  const minY = Math.min(table.y, ...table.seats.map((s) => s.y));
  if (minX + dx < 0 || minY + dy < 0) return null;
  return fitRoom(
    layout,
    layout.tables.map((t) =>
      t.id === tableId
        ? {
            ...t,
            x: t.x + dx,
            y: t.y + dy,
            seats: t.seats.map((s) => ({ ...s, x: s.x + dx, y: s.y + dy })),
          }
        : t,
    ),
  );
}

/**
 * Lays out `count` chairs around a table, keeping its shape: a vertical stretch (one cell
 * wide) grows downwards with chairs on the side they were; a one-deep desk grows sideways with
 * chairs behind (or in front, if they were); a deeper island gets chairs on both long sides.
 */
export function reseat(table: LayoutTable, count: number): LayoutTable {
  const n = Math.max(1, Math.min(12, Math.round(count)));
  const first = table.seats[0];
  const seat = (i: number, x: number, y: number): LayoutSeat => ({
    id: `${table.id}s${i + 1}`,
    x,
    y,
  });
  if (table.w === 1 && table.h > 1) {
    const side = first && first.x < table.x ? table.x - 1 : table.x + 1;
    return {
      ...table,
      h: n,
      seats: Array.from({ length: n }, (_, i) => seat(i, side, table.y + i)),
    };
  }
  if (table.h === 1) {
    const row = first && first.y < table.y ? table.y - 1 : table.y + 1;
    return {
      ...table,
      w: n,
      seats: Array.from({ length: n }, (_, i) => seat(i, table.x + i, row)),
    };
  }
  const w = Math.ceil(n / 2);
  return {
    ...table,
    w,
    seats: Array.from({ length: n }, (_, i) =>
      i < w ? seat(i, table.x + i, table.y - 1) : seat(i, table.x + i - w, table.y + table.h),
    ),
  };
}

export function setSeats(layout: ClassroomLayout, tableId: string, count: number) {
  return fitRoom(
    layout,
    layout.tables.map((t) => (t.id === tableId ? reseat(t, count) : t)),
  );
}

/** A new desk of `seats` chairs (behind it) below everything else, at the left wall. */
export function addTable(
  layout: ClassroomLayout,
  seats: number,
): {
  layout: ClassroomLayout;
  tableId: string;
} {
  const ids = new Set(layout.tables.flatMap((t) => [t.id, ...t.seats.map((s) => s.id)]));
  let n = layout.tables.length + 1;
  while (ids.has(`t${n}`) || layout.tables.some((t) => t.label === String(n))) n++;
  const bottom = Math.max(
    2,
    ...layout.tables.flatMap((t) => [t.y + t.h, ...t.seats.map((s) => s.y + 1)]),
  );
  const table = reseat(
    { id: `t${n}`, label: String(n), x: 1, y: bottom + 1, w: 1, h: 1, seats: [] },
    seats,
  );
  return { layout: fitRoom(layout, [...layout.tables, table]), tableId: table.id };
}

export function removeTable(layout: ClassroomLayout, tableId: string): ClassroomLayout {
  return { ...layout, kind: "custom", tables: layout.tables.filter((t) => t.id !== tableId) };
}

export function seatTotal(layout: ClassroomLayout): number {
  return layout.tables.reduce((sum, t) => sum + t.seats.length, 0);
}
