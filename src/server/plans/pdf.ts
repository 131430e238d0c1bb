// The published plan as a PDF (pdfmake 0.3), for printing and for schools that publish
// documents. Fonts are embedded (Roboto, shipped with pdfmake): æ, ø and å come out as text
// that can be searched and copied. Nothing is fetched: remote URLs and local files are
// refused, the fonts are read once into pdfmake's virtual file system.
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import pdfmakeModule from "pdfmake";
import type { Content, TDocumentDefinitions } from "pdfmake/interfaces.js";
import type { PlanLink } from "../../core/plans/types.ts";
import type { Lang } from "../../i18n/lang.ts";
import type { PublicPlan } from "./public-plan.ts";
import { fill, formatDate, responsibleText, tableRows, textsFor } from "./public-text.ts";

const FONT = "TryggPlanRoboto";
const FILES = {
  normal: "Roboto-Regular.ttf",
  bold: "Roboto-Medium.ttf",
  italics: "Roboto-Italic.ttf",
  bolditalics: "Roboto-MediumItalic.ttf",
} as const;

type PdfMake = typeof pdfmakeModule & {
  virtualfs: { writeFileSync(name: string, data: Buffer): void };
};

let instance: PdfMake | null = null;

/**
 * Our own pdfmake instance (the module exports a shared one): its fonts and its refusal to
 * fetch anything stay ours, whatever else in the process uses pdfmake.
 */
function pdfmake(): PdfMake {
  if (instance) return instance;
  const Ctor = (pdfmakeModule as unknown as { constructor: new () => PdfMake }).constructor;
  const created = new Ctor();
  const require = createRequire(import.meta.url);
  const dir = path.join(path.dirname(require.resolve("pdfmake/package.json")), "fonts", "Roboto");
  const family: Record<string, string> = {};
  for (const [style, file] of Object.entries(FILES)) {
    const name = `${FONT}-${file}`;
    created.virtualfs.writeFileSync(name, fs.readFileSync(path.join(dir, file)));
    family[style] = name;
  }
  created.setFonts({ [FONT]: family as never });
  created.setUrlAccessPolicy(() => false);
  created.setLocalAccessPolicy(() => false);
  instance = created;
  return created;
}

function linksContent(links: readonly PlanLink[], missing: string): Content[] {
  return links.map((link) =>
    link.url
      ? { text: link.label, link: link.url, style: "link" }
      : { text: `${link.label} ${missing}`, style: "muted" },
  );
}

export function planDocument(data: PublicPlan, lang: Lang): TDocumentDefinitions {
  const { plan: texts } = textsFor(lang);
  const t = texts.public;
  const content = data.plan.content;
  const body: Content[] = [
    { text: data.school.name, style: "meta" },
    { text: content.title, style: "title" },
    {
      text: [
        fill(t.schoolYear, { year: data.plan.schoolYear }),
        fill(t.version, { version: data.plan.version }),
        ...(data.plan.publishedOn
          ? [fill(t.publishedOn, { date: formatDate(data.plan.publishedOn, lang) })]
          : []),
      ].join(" · "),
      style: "meta",
      margin: [0, 0, 0, 12],
    },
  ];
  for (const section of content.sections) {
    body.push({ text: section.heading, style: "h2" });
    for (const paragraph of section.paragraphs)
      body.push({ text: paragraph, margin: [0, 0, 0, 6] });
    const links = linksContent(section.links, t.linkMissing);
    if (links.length > 0) body.push({ ul: links, margin: [0, 0, 0, 6] });
  }
  for (const part of content.parts) {
    body.push({ text: part.title, style: "h2", pageBreak: "before" });
    for (const paragraph of part.intro) body.push({ text: paragraph, margin: [0, 0, 0, 6] });
    let heading: string | undefined;
    const rows: Content[][] = [];
    const flush = () => {
      if (rows.length === 0) return;
      body.push({
        table: {
          headerRows: 1,
          dontBreakRows: true,
          widths: ["*", "22%", "22%", "16%"],
          body: [
            [t.columns.activity, t.columns.responsible, t.columns.method, t.columns.deadline].map(
              (text) => ({ text, style: "th" }),
            ),
            ...rows,
          ],
        },
        layout: "lightHorizontalLines",
        margin: [0, 4, 0, 10],
      });
      rows.length = 0;
    };
    for (const row of tableRows(part)) {
      const first = row.activities[0];
      if (!first) continue;
      if (row.section !== undefined && row.section !== heading) {
        flush();
        heading = row.section;
        body.push({ text: heading, style: "h3" });
      }
      const responsibles = [
        ...new Set(
          row.activities.flatMap((a) => a.responsible.map((r) => responsibleText(r, lang))),
        ),
      ];
      const methods = [...new Set(row.activities.flatMap((a) => a.methods))];
      const deadlines = [...new Set(row.activities.map((a) => a.deadlineText))];
      const links = linksContent(
        row.activities.flatMap((a) => a.links),
        t.linkMissing,
      );
      rows.push([
        {
          stack: [
            { text: first.description },
            ...(first.details.length > 0 ? [{ ul: [...first.details] }] : []),
            ...(links.length > 0 ? [{ ul: links }] : []),
          ],
        },
        { stack: responsibles.map((text) => ({ text })) },
        { stack: methods.map((text) => ({ text })) },
        { stack: deadlines.map((text) => ({ text })) },
      ]);
    }
    flush();
    const links = linksContent(part.links, t.linkMissing);
    if (links.length > 0) body.push({ ul: links });
  }

  return {
    info: {
      title: `${content.title} – ${data.school.name}`,
      subject: fill(t.schoolYear, { year: data.plan.schoolYear }),
      creator: "Trygg",
      producer: "Trygg",
    },
    language: lang === "en" ? "en-GB" : lang === "nn" ? "nn-NO" : "nb-NO",
    pageSize: "A4",
    pageOrientation: "landscape",
    pageMargins: [40, 40, 40, 50],
    defaultStyle: { font: FONT, fontSize: 9.5, lineHeight: 1.2 },
    styles: {
      title: { fontSize: 20, bold: true, margin: [0, 2, 0, 4] },
      h2: { fontSize: 14, bold: true, color: "#00315d", margin: [0, 12, 0, 6] },
      h3: { fontSize: 11.5, bold: true, margin: [0, 8, 0, 4] },
      th: { bold: true },
      meta: { color: "#444444" },
      muted: { color: "#555555" },
      link: { color: "#0062ba", decoration: "underline" },
    },
    footer: (page: number, pages: number) => ({
      columns: [
        { text: `${data.school.name} – ${content.title}`, style: "muted" },
        { text: fill(t.page, { page, pages }), alignment: "right", style: "muted" },
      ],
      margin: [40, 16, 40, 0],
      fontSize: 8,
    }),
    content: body,
  };
}

export async function renderPlanPdf(data: PublicPlan, lang: Lang): Promise<Buffer> {
  return pdfmake().createPdf(planDocument(data, lang)).getBuffer();
}
