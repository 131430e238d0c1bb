// Name tags for the desks: folded tent cards, two per A4 portrait page. Each card is folded
// along its middle; the lower half carries the name upright and the upper half the same name
// upside down, so the standing card reads from both sides of the desk. pdfmake rotates only
// SVG, so the upside-down half is an SVG text (same embedded Roboto); the upright half is
// ordinary text, which is also what text extraction (and screen readers) find. Pure.
import type { CanvasElement, Content } from "pdfmake/interfaces";
import type { Lang } from "../../i18n/lang.ts";
import { renderPdf } from "../cases/pdf.ts";
import { boxedText, type Fitted, fitText, LINE_EM } from "./pdf-fit.ts";
import { pdfText } from "./pdf-texts.ts";

export interface NameTag {
  name: string;
  /** Table label ("3"), printed small under the name as "Bord 3". */
  table?: string;
}

export interface NameTagsData {
  names: NameTag[];
  lang: Lang;
}

const PAGE = { w: 595.28, h: 841.89 };
const MARGIN = 24;
const CARDS_PER_PAGE = 2;
const CARD_H = (PAGE.h - 2 * MARGIN) / CARDS_PER_PAGE;
const HALF_H = CARD_H / 2;
const CARD_W = PAGE.w - 2 * MARGIN;
const NAME_BOX = { w: CARD_W - 48, h: HALF_H * 0.55 };

function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** The upside-down half: the upright layout, rotated 180° about the half's centre. */
function upsideDown(name: Fitted, table: string | null, width: number, height: number): string {
  const lines: string[] = [];
  const nameHeight = name.lines.length * name.fontSize * LINE_EM;
  const tableSize = 14;
  const total = nameHeight + (table ? tableSize * 1.6 : 0);
  let y = (height - total) / 2;
  for (const line of name.lines) {
    // SVG places text by its baseline; Roboto's ascent is about 0.93 em.
    lines.push(
      `<text x="${width / 2}" y="${(y + name.fontSize * 0.93).toFixed(2)}" font-size="${name.fontSize}" font-weight="bold" text-anchor="middle" font-family="Roboto">${escapeXml(line)}</text>`,
    );
    y += name.fontSize * LINE_EM;
  }
  if (table) {
    y += tableSize * 0.6;
    lines.push(
      `<text x="${width / 2}" y="${(y + tableSize * 0.93).toFixed(2)}" font-size="${tableSize}" text-anchor="middle" font-family="Roboto">${escapeXml(table)}</text>`,
    );
  }
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}"><g transform="rotate(180 ${width / 2} ${height / 2})">${lines.join("")}</g></svg>`;
}

function card(tag: NameTag, top: number, lang: Lang): Content[] {
  const fitted = fitText(tag.name, NAME_BOX.w, NAME_BOX.h, { max: 64, min: 14, maxLines: 2 });
  const table = tag.table ? `${pdfText(lang, "table")} ${tag.table}` : null;
  const fold = top + HALF_H;
  const shapes: CanvasElement[] = [
    // Card outline: cut along it.
    {
      type: "rect",
      x: MARGIN,
      y: top,
      w: CARD_W,
      h: CARD_H,
      lineWidth: 0.5,
      dash: { length: 4, space: 3 },
    },
    // Fold line.
    {
      type: "line",
      x1: MARGIN,
      y1: fold,
      x2: MARGIN + CARD_W,
      y2: fold,
      lineWidth: 0.5,
      dash: { length: 1, space: 3 },
    },
  ];
  const nameHeight = fitted.lines.length * fitted.fontSize * LINE_EM;
  const tableHeight = table ? 14 * 1.6 : 0;
  const nameTop = fold + (HALF_H - nameHeight - tableHeight) / 2;
  const content: Content[] = [
    { canvas: shapes, absolutePosition: { x: 0, y: 0 } },
    {
      svg: upsideDown(fitted, table, CARD_W, HALF_H),
      width: CARD_W,
      height: HALF_H,
      absolutePosition: { x: MARGIN, y: top },
    },
    boxedText(fitted, { x: MARGIN + 24, y: nameTop, w: NAME_BOX.w, h: nameHeight }, { bold: true }),
    {
      text: pdfText(lang, "foldHere"),
      fontSize: 7,
      color: "#555555",
      absolutePosition: { x: MARGIN + 6, y: fold + 3 },
    },
  ];
  if (table) {
    content.push(
      boxedText(
        { lines: [table], fontSize: 14 },
        { x: MARGIN + 24, y: nameTop + nameHeight + 14 * 0.6, w: NAME_BOX.w, h: 14 * LINE_EM },
      ),
    );
  }
  return content;
}

export function nameTagsContent(data: NameTagsData): Content[] {
  const content: Content[] = [];
  data.names.forEach((tag, i) => {
    const slot = i % CARDS_PER_PAGE;
    if (slot === 0) {
      // An empty line in the flow opens each page; the cards are placed absolutely on it.
      content.push(i === 0 ? { text: "" } : { text: "", pageBreak: "before" });
    }
    content.push(...card(tag, MARGIN + slot * CARD_H, data.lang));
  });
  if (content.length === 0) content.push({ text: "" });
  return content;
}

export function nameTagsPdf(data: NameTagsData): Promise<Buffer> {
  return renderPdf({
    pageSize: "A4",
    pageOrientation: "portrait",
    pageMargins: [MARGIN, MARGIN, MARGIN, MARGIN],
    info: { title: pdfText(data.lang, "nameTagsTitle") },
    content: nameTagsContent(data),
  });
}
