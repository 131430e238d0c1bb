// The printable list of groups, one round per A4 portrait page: the round's dates, then the
// groups three to a row, each with its members. Pure: takes plain data, reads no database.
import type { Content, TableCell } from "pdfmake/interfaces";
import type { Lang } from "../../i18n/lang.ts";
import { formatDate, renderPdf } from "../cases/pdf.ts";
import { pdfText } from "./pdf-texts.ts";

export interface GroupsPdfRound {
  /** E.g. "Runde 2" (see `roundLabel`). */
  label: string;
  /** ISO dates of the round. */
  dates: { startsOn: string; endsOn: string };
  groups: GroupsPdfGroup[];
}

export interface GroupsPdfGroup {
  name: string;
  /** One printed line each: a VIP buddy pair (two or three names) or a single pupil. */
  members: string[][];
}

export interface GroupsPdfData {
  /** The rotation plan's name. */
  title: string;
  groupName: string;
  rounds: GroupsPdfRound[];
  lang: Lang;
}

const COLUMNS = 3;

function groupCell(group: GroupsPdfGroup, lang: Lang): TableCell {
  // Pupils, not lines: a group of two buddy pairs is four pupils.
  const pupils = group.members.reduce((n, line) => n + line.length, 0);
  const cell: Content = {
    stack: [
      { text: group.name, bold: true, fontSize: 13, margin: [0, 0, 0, 1] },
      {
        text: pdfText(lang, pupils === 1 ? "member" : "members", { n: pupils }),
        fontSize: 8,
        color: "#444444",
        margin: [0, 0, 0, 4],
      },
      ...group.members.map(
        (line): Content => ({ text: line.join(" + "), fontSize: 11, margin: [0, 1, 0, 1] }),
      ),
    ],
    margin: [6, 6, 6, 8],
  };
  return cell;
}

function roundContent(data: GroupsPdfData, round: GroupsPdfRound, first: boolean): Content[] {
  const { lang } = data;
  const period = pdfText(lang, "period", {
    from: formatDate(round.dates.startsOn),
    to: formatDate(round.dates.endsOn),
  });
  const header: Content[] = [
    {
      text: data.title,
      fontSize: 18,
      bold: true,
      margin: [0, 0, 0, 2],
      ...(first ? {} : { pageBreak: "before" as const }),
    },
    {
      text: [{ text: data.groupName, bold: true }, ` · ${round.label} · ${period}`],
      fontSize: 11,
      margin: [0, 0, 0, 14],
    },
  ];
  if (round.groups.length === 0) {
    return [...header, { text: pdfText(lang, "noGroups"), italics: true }];
  }
  const rows: TableCell[][] = [];
  for (let i = 0; i < round.groups.length; i += COLUMNS) {
    const row: TableCell[] = round.groups.slice(i, i + COLUMNS).map((g) => groupCell(g, lang));
    while (row.length < COLUMNS) row.push({ text: "", border: [false, false, false, false] });
    rows.push(row);
  }
  return [
    ...header,
    {
      table: { widths: Array(COLUMNS).fill("*"), body: rows, dontBreakRows: true },
      layout: {
        hLineWidth: () => 0.75,
        vLineWidth: () => 0.75,
        hLineColor: () => "#000000",
        vLineColor: () => "#000000",
      },
    },
  ];
}

export function groupsContent(data: GroupsPdfData): Content[] {
  return data.rounds.flatMap((round, i) => roundContent(data, round, i === 0));
}

export function groupsPdf(data: GroupsPdfData): Promise<Buffer> {
  return renderPdf({
    pageSize: "A4",
    pageOrientation: "portrait",
    pageMargins: [36, 36, 36, 36],
    info: { title: `${pdfText(data.lang, "groupsTitle")} – ${data.groupName}` },
    defaultStyle: { fontSize: 11 },
    content: groupsContent(data),
  });
}
