// Fitting a name into a box on paper: the largest font size at which the name, wrapped on
// spaces into at most a few balanced lines, fits the box. Widths are estimated from Roboto's
// proportions (pdfmake offers no measuring call); the estimate errs on the wide side.
import type { Content } from "pdfmake/interfaces";

/** Line height pdfmake uses for a 1.0 `lineHeight` is about 1.17 em for Roboto. */
export const LINE_EM = 1.17;

/** Estimated advance width of a character in em (Roboto). */
function charEm(ch: string): number {
  if (ch === " ") return 0.25;
  if ("il.,:;!|'`ıj".includes(ch)) return 0.26;
  if ("ftrI()[]-".includes(ch)) return 0.36;
  if ("mwMWÆæŒœ".includes(ch)) return 0.88;
  if (ch >= "A" && ch <= "Z") return 0.66;
  if (ch !== ch.toLowerCase()) return 0.66; // other capitals: Ø, Å, É ...
  return 0.56;
}

export function textEm(text: string): number {
  let em = 0;
  for (const ch of text) em += charEm(ch);
  return em;
}

export interface Fitted {
  lines: string[];
  fontSize: number;
}

/** Words split into `count` lines with the widest line as narrow as possible. */
function balance(words: readonly string[], count: number): string[] {
  if (count >= words.length) return [...words];
  let best: string[] = [words.join(" ")];
  let bestWidth = Number.POSITIVE_INFINITY;
  // Few words and at most three lines: trying every cut is cheap.
  const cuts = (start: number, left: number, acc: string[]): void => {
    if (left === 1) {
      const lines = [...acc, words.slice(start).join(" ")];
      const width = Math.max(...lines.map(textEm));
      if (width < bestWidth - 1e-9) {
        bestWidth = width;
        best = lines;
      }
      return;
    }
    for (let end = start + 1; end <= words.length - left + 1; end++) {
      cuts(end, left - 1, [...acc, words.slice(start, end).join(" ")]);
    }
  };
  cuts(0, count, []);
  return best;
}

/** Hard-wrap one too-long word into pieces no wider than `maxEm`. */
function chop(word: string, maxEm: number): string[] {
  const pieces: string[] = [];
  let piece = "";
  for (const ch of word) {
    if (piece !== "" && textEm(`${piece}${ch}-`) > maxEm) {
      pieces.push(`${piece}-`);
      piece = "";
    }
    piece += ch;
  }
  if (piece !== "") pieces.push(piece);
  return pieces;
}

/**
 * The largest font size (<= `max`) at which `text` fits `width` x `height` points in at most
 * `maxLines` lines. Below `min` the text is set at `min`, long words are broken with a hyphen
 * and lines that still do not fit are dropped, the last kept one ending in "…".
 */
export function fitText(
  text: string,
  width: number,
  height: number,
  opts: { max: number; min: number; maxLines?: number },
): Fitted {
  const words = text.trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return { lines: [], fontSize: opts.max };
  const maxLines = Math.max(1, opts.maxLines ?? 3);
  let best: Fitted = { lines: [words.join(" ")], fontSize: 0 };
  for (let count = 1; count <= Math.min(maxLines, words.length); count++) {
    const lines = balance(words, count);
    const widest = Math.max(...lines.map(textEm));
    const size = Math.min(opts.max, width / widest, height / (lines.length * LINE_EM));
    if (size > best.fontSize + 1e-9) best = { lines, fontSize: size };
  }
  if (best.fontSize >= opts.min) return { lines: best.lines, fontSize: round(best.fontSize) };
  // Too long even at the smallest size: wrap at `min`, breaking words where needed.
  const maxEm = width / opts.min;
  const lines: string[] = [];
  for (const word of words.flatMap((w) => chop(w, maxEm))) {
    const last = lines.at(-1);
    if (last !== undefined && !last.endsWith("-") && textEm(`${last} ${word}`) <= maxEm) {
      lines[lines.length - 1] = `${last} ${word}`;
    } else {
      lines.push(word);
    }
  }
  const room = Math.max(1, Math.floor(height / (opts.min * LINE_EM)));
  if (lines.length > room) {
    lines.length = room;
    const last = (lines[room - 1] ?? "").replace(/-$/, "");
    lines[room - 1] = `${last.slice(0, Math.max(1, last.length - 1))}…`;
  }
  return { lines, fontSize: opts.min };
}

function round(size: number): number {
  return Math.floor(size * 10) / 10;
}

/**
 * Text centred in a box at absolute page coordinates. pdfmake ignores `width` on an absolutely
 * positioned text, so the text sits in a one-column row of that width.
 */
export function boxedText(
  fitted: Fitted,
  box: { x: number; y: number; w: number; h: number },
  style: { bold?: boolean } = {},
): Content {
  const textHeight = fitted.lines.length * fitted.fontSize * LINE_EM;
  return {
    columns: [
      {
        width: box.w,
        text: fitted.lines.join("\n"),
        fontSize: fitted.fontSize,
        bold: style.bold ?? false,
        alignment: "center",
        lineHeight: 1,
      },
    ],
    absolutePosition: { x: box.x, y: box.y + Math.max(0, (box.h - textHeight) / 2) },
  };
}
