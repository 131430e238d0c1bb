// The printable seating map of one round: A4 landscape, the room drawn to scale with the
// board at the top, each table a rectangle with its label, each chair a box with the pupil's
// name. Black lines on white (a light grey only on the tables), so it prints and copies in
// black and white. Pure: takes plain data, reads no database.
import type { CanvasElement, Content } from "pdfmake/interfaces";
import type { ClassroomLayout } from "../../core/groups/seating.ts";
import type { Lang } from "../../i18n/lang.ts";
import { formatDate, renderPdf } from "../cases/pdf.ts";
import { boxedText, type Fitted, fitText } from "./pdf-fit.ts";
import { pdfText } from "./pdf-texts.ts";

export interface SeatingMapData {
  /** The rotation plan's name. */
  title: string;
  groupName: string;
  /** E.g. "Runde 2" (see `roundLabel`). */
  roundLabel: string;
  /** ISO dates of the round. */
  dates: { startsOn: string; endsOn: string };
  layout: ClassroomLayout;
  /** Seat id -> the name printed on that seat. Seats without a name are drawn empty. */
  seats: Record<string, string>;
  lang: Lang;
}

const PAGE = { w: 841.89, h: 595.28 };
const MARGIN = 28;
const HEADER = 52;
/** Name sizes in points: at most NAME_MAX, and no smaller than NAME_FLOOR for everybody. */
const NAME_MAX = 12;
const NAME_FLOOR = 6.5;
/** Below this a name is broken mid-word or cut. */
const NAME_MIN = 4.5;

export function seatingMapContent(data: SeatingMapData): Content[] {
  const { layout, lang } = data;
  const areaX = MARGIN;
  const areaY = MARGIN + HEADER;
  const areaW = PAGE.w - 2 * MARGIN;
  const areaH = PAGE.h - areaY - MARGIN;
  const cell = Math.min(areaW / Math.max(1, layout.width), areaH / Math.max(1, layout.height));
  const ox = areaX + (areaW - layout.width * cell) / 2;
  const oy = areaY;
  const at = (x: number, y: number) => ({ x: ox + x * cell, y: oy + y * cell });

  const shapes: CanvasElement[] = [
    // The room's walls.
    { type: "rect", x: ox, y: oy, w: layout.width * cell, h: layout.height * cell, lineWidth: 1 },
  ];
  const texts: Content[] = [];

  // The board: a thick bar centred on the front wall, with its name under it.
  const boardW = Math.min(layout.width * cell * 0.5, 12 * cell);
  const boardX = ox + (layout.width * cell - boardW) / 2;
  const boardH = Math.max(4, Math.min(10, cell * 0.25));
  shapes.push({ type: "rect", x: boardX, y: oy, w: boardW, h: boardH, color: "#000000" });
  texts.push(
    boxedText(
      fitText(`${pdfText(lang, "board")} · ${pdfText(lang, "front")}`, boardW, cell * 0.8, {
        max: 11,
        min: 6,
        maxLines: 1,
      }),
      { x: boardX, y: oy + boardH + 2, w: boardW, h: Math.max(10, cell * 0.8) },
      { bold: true },
    ),
  );

  const boxes = seatBoxes(layout);
  const seatRect = (id: string) => {
    const b = boxes.get(id) ?? { x: 0, y: 0, w: 1, h: 1 };
    const p = at(b.x, b.y);
    const pad = Math.max(1.5, cell * 0.06);
    return {
      outer: { x: p.x + pad, y: p.y + pad, w: b.w * cell - 2 * pad, h: b.h * cell - 2 * pad },
      inner: {
        x: p.x + pad + 1.5,
        y: p.y + pad + 1,
        w: b.w * cell - 2 * pad - 3,
        h: b.h * cell - 2 * pad - 2,
      },
    };
  };
  const shown = chooseNames(
    layout.tables.flatMap((t) =>
      t.seats.flatMap((seat) => {
        const name = data.seats[seat.id];
        return name ? [{ seatId: seat.id, name, box: seatRect(seat.id).inner }] : [];
      }),
    ),
  );
  // One font size for all names where possible (a map with mixed sizes reads as uneven); a
  // name that needs smaller print than NAME_FLOOR shrinks alone instead of all of them.
  const common = Math.max(
    NAME_FLOOR,
    Math.min(NAME_MAX, ...[...shown.values()].map((f) => f.fontSize)),
  );

  for (const table of layout.tables) {
    const p = at(table.x, table.y);
    const w = table.w * cell;
    const h = table.h * cell;
    shapes.push({
      type: "rect",
      x: p.x + 1,
      y: p.y + 1,
      w: w - 2,
      h: h - 2,
      lineWidth: 1.5,
      color: "#eeeeee",
      lineColor: "#000000",
    });
    const long = `${pdfText(lang, "table")} ${table.label}`;
    const short = fitText(table.label, w - 6, h - 4, { max: 14, min: 5, maxLines: 1 });
    const wide = fitText(long, w - 6, h - 4, { max: 14, min: 5, maxLines: 2 });
    // "Bord 3" when it reads at a decent size, otherwise just "3".
    const label = wide.fontSize >= 8 || wide.fontSize >= short.fontSize ? wide : short;
    texts.push(boxedText(label, { x: p.x + 3, y: p.y + 2, w: w - 6, h: h - 4 }, { bold: true }));

    for (const seat of table.seats) {
      const rect = seatRect(seat.id);
      shapes.push({
        type: "rect",
        ...rect.outer,
        r: Math.min(4, cell * 0.1),
        lineWidth: 0.75,
        lineColor: "#000000",
      });
      const fitted = shown.get(seat.id);
      if (fitted) {
        const text = fitted.lines.join(" ");
        texts.push(boxedText(fitName(text, rect.inner, common), rect.inner));
      }
    }
  }

  const period = pdfText(lang, "period", {
    from: formatDate(data.dates.startsOn),
    to: formatDate(data.dates.endsOn),
  });
  return [
    { text: data.title, fontSize: 16, bold: true, margin: [0, 0, 0, 2] },
    {
      text: [{ text: data.groupName, bold: true }, ` · ${data.roundLabel} · ${period}`],
      fontSize: 10,
    },
    { canvas: shapes, absolutePosition: { x: 0, y: 0 } },
    ...texts,
  ];
}

function fitName(name: string, box: { w: number; h: number }, max: number): Fitted {
  return fitText(name, box.w, box.h, { max, min: NAME_MIN, maxLines: 3 });
}

/**
 * The name printed on each seat: the full name when it fits at NAME_FLOOR or larger;
 * otherwise the given names and the family name's initial ("Kari N."), then the first given
 * name with the initial, then the first given name alone — each only when no other pupil on
 * the map would be printed the same. Readable beats complete on a seating map; the group
 * list and the name tags carry the full names.
 */
function chooseNames(
  seats: { seatId: string; name: string; box: { w: number; h: number } }[],
): Map<string, Fitted> {
  const variants = seats.map((s) => nameVariants(s.name));
  const chosen = new Map<string, Fitted>();
  seats.forEach((seat, i) => {
    const own = variants[i] ?? [seat.name];
    let pick = fitName(seat.name, seat.box, NAME_MAX);
    for (let level = 0; level < own.length; level++) {
      const text = own[level] ?? seat.name;
      const clash = variants.some(
        (other, j) => j !== i && (other[Math.min(level, other.length - 1)] ?? "") === text,
      );
      if (level > 0 && clash) break;
      pick = fitName(text, seat.box, NAME_MAX);
      if (pick.fontSize >= NAME_FLOOR) break;
    }
    chosen.set(seat.seatId, pick);
  });
  return chosen;
}

/** "Kari Marie Nordmann" -> [full, "Kari Marie N.", "Kari N.", "Kari"], without repeats. */
export function nameVariants(name: string): string[] {
  const words = name.trim().split(/\s+/).filter(Boolean);
  if (words.length < 2) return [words.join(" ") || name];
  const given = words.slice(0, -1);
  const initial = `${[...(words.at(-1) ?? "")][0] ?? ""}.`;
  const all = [
    words.join(" "),
    `${given.join(" ")} ${initial}`,
    `${given[0]} ${initial}`,
    `${given[0]}`,
  ];
  return all.filter((v, i) => all.indexOf(v) === i);
}

/**
 * The cells each seat's box covers: the chair's cell, grown by up to two free cells sideways
 * away from its table (into an aisle or the middle of the U), so names get room where the
 * room has it.
 */
function seatBoxes(
  layout: ClassroomLayout,
): Map<string, { x: number; y: number; w: number; h: number }> {
  const taken = new Set<string>();
  for (const t of layout.tables) {
    for (let x = t.x; x < t.x + t.w; x++)
      for (let y = t.y; y < t.y + t.h; y++) taken.add(`${x},${y}`);
    for (const s of t.seats) taken.add(`${s.x},${s.y}`);
  }
  const boxes = new Map<string, { x: number; y: number; w: number; h: number }>();
  for (const t of layout.tables) {
    const cx = t.x + t.w / 2;
    for (const s of t.seats) {
      const dx = s.x + 0.5 - cx;
      // Grow sideways only, for a seat beside its table (the sides of the U): names are
      // limited by width, a taller box would not make them larger.
      const step = Math.abs(dx) > t.w / 2 ? { x: Math.sign(dx), y: 0 } : null;
      const box = { x: s.x, y: s.y, w: 1, h: 1 };
      for (let k = 1; step && k <= 2; k++) {
        const x = s.x + step.x * k;
        const y = s.y + step.y * k;
        if (x < 0 || y < 0 || x >= layout.width || y >= layout.height || taken.has(`${x},${y}`))
          break;
        taken.add(`${x},${y}`);
        box.x = Math.min(box.x, x);
        box.y = Math.min(box.y, y);
        box.w += 1;
      }
      boxes.set(s.id, box);
    }
  }
  return boxes;
}

export function seatingMapPdf(data: SeatingMapData): Promise<Buffer> {
  return renderPdf({
    pageSize: "A4",
    pageOrientation: "landscape",
    pageMargins: [MARGIN, MARGIN, MARGIN, MARGIN],
    info: { title: `${pdfText(data.lang, "seatingTitle")} – ${data.groupName}` },
    defaultStyle: { fontSize: 10 },
    content: seatingMapContent(data),
  });
}
