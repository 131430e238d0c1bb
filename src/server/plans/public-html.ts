// The published plan as a self-contained, accessible HTML page that a school website can
// link to or show in an iframe: one h1, a heading per part, real tables with captions and
// column headers, the page language set, no script, styles inline (no other requests).
// Every piece of the school's text is escaped.
import type { PlanLink } from "../../core/plans/types.ts";
import type { Lang } from "../../i18n/lang.ts";
import type { PublicPlan } from "./public-plan.ts";
import { fill, formatDate, responsibleText, tableRows, textsFor } from "./public-text.ts";

export function escapeHtml(value: string): string {
  return value
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;")
    .replaceAll("'", "&#39;");
}

/** Only absolute http(s) addresses become links (the core validates them; this is belt and braces). */
function safeUrl(url: string | null): string | null {
  if (url === null) return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === "https:" || parsed.protocol === "http:" ? parsed.href : null;
  } catch {
    return null;
  }
}

function linkList(links: readonly PlanLink[], missing: string): string {
  if (links.length === 0) return "";
  const items = links.map((link) => {
    const url = safeUrl(link.url);
    return url
      ? `<li><a href="${escapeHtml(url)}">${escapeHtml(link.label)}</a></li>`
      : `<li>${escapeHtml(link.label)} <span class="muted">${escapeHtml(missing)}</span></li>`;
  });
  return `<ul class="links">${items.join("")}</ul>`;
}

function list(items: readonly string[]): string {
  if (items.length === 0) return "";
  if (items.length === 1) return `<p>${escapeHtml(items[0] ?? "")}</p>`;
  return `<ul>${items.map((i) => `<li>${escapeHtml(i)}</li>`).join("")}</ul>`;
}

const STYLE = `
:root{color-scheme:light;font-family:system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;line-height:1.5;color:#1a1a1a;background:#fff}
body{margin:0}
.wrap{max-width:72rem;margin:0 auto;padding:1rem 1.25rem 3rem}
header{border-bottom:2px solid #0062ba;margin-bottom:1.5rem;padding-bottom:.75rem}
h1{font-size:1.75rem;margin:.25rem 0}
h2{font-size:1.35rem;margin:2rem 0 .5rem;color:#00315d}
h3{font-size:1.1rem;margin:1.25rem 0 .5rem}
.meta{color:#444;margin:0}
.tools{display:flex;flex-wrap:wrap;gap:.5rem 1.25rem;margin:.75rem 0 0;padding:0;list-style:none}
a{color:#0062ba}
a:focus-visible{outline:3px solid #1a1a1a;outline-offset:2px}
.muted{color:#555}
.table-wrap{overflow-x:auto}
.table-wrap:focus-visible{outline:3px solid #1a1a1a;outline-offset:2px}
table{border-collapse:collapse;width:100%;margin:.5rem 0 1rem;font-size:.95rem}
caption{text-align:left;font-weight:600;padding:.25rem 0}
th,td{border:1px solid #8a8a8a;padding:.4rem .5rem;vertical-align:top;text-align:left}
thead th{background:#e6eef8}
td ul,td p{margin:0;padding-left:1.1rem}
td p{padding-left:0}
.resp{margin:0;padding:0;list-style:none}
footer{margin-top:2.5rem;border-top:1px solid #ccc;padding-top:.75rem;color:#444;font-size:.9rem}
@media print{.tools{display:none}a{color:inherit}}
`;

export function renderPublicPlanHtml(data: PublicPlan, lang: Lang, base: string): string {
  const { plan: texts } = textsFor(lang);
  const t = texts.public;
  const content = data.plan.content;
  const languages: { lang: Lang; name: string }[] = [
    { lang: "nb", name: "Bokmål" },
    { lang: "nn", name: "Nynorsk" },
    { lang: "en", name: "English" },
  ];
  const out: string[] = [];
  out.push(
    `<!doctype html><html lang="${lang}"><head><meta charset="utf-8">`,
    `<meta name="viewport" content="width=device-width, initial-scale=1">`,
    `<title>${escapeHtml(content.title)} – ${escapeHtml(data.school.name)}</title>`,
    `<style>${STYLE}</style></head><body><div class="wrap">`,
    "<header>",
    `<p class="meta">${escapeHtml(data.school.name)}</p>`,
    `<h1>${escapeHtml(content.title)}</h1>`,
    `<p class="meta">${escapeHtml(fill(t.schoolYear, { year: data.plan.schoolYear }))} · ${escapeHtml(
      fill(t.version, { version: data.plan.version }),
    )}${
      data.plan.publishedOn
        ? ` · ${escapeHtml(fill(t.publishedOn, { date: formatDate(data.plan.publishedOn, lang) }))}`
        : ""
    }</p>`,
    `<ul class="tools"><li><a href="${escapeHtml(`${base}.pdf?lang=${lang}`)}">${escapeHtml(t.pdf)}</a></li>`,
    ...languages
      .filter((l) => l.lang !== lang)
      .map(
        (l) =>
          `<li><a href="${escapeHtml(`${base}?lang=${l.lang}`)}" hreflang="${l.lang}" lang="${l.lang}">${escapeHtml(l.name)}</a></li>`,
      ),
    "</ul></header><main>",
  );

  // Contents: the sections and the four parts.
  out.push(`<nav aria-labelledby="contents"><h2 id="contents">${escapeHtml(t.contents)}</h2><ol>`);
  content.sections.forEach((s, i) => {
    out.push(`<li><a href="#section-${i}">${escapeHtml(s.heading)}</a></li>`);
  });
  content.parts.forEach((p, i) => {
    out.push(`<li><a href="#part-${i}">${escapeHtml(p.title)}</a></li>`);
  });
  out.push("</ol></nav>");

  content.sections.forEach((section, i) => {
    out.push(
      `<section aria-labelledby="section-${i}"><h2 id="section-${i}">${escapeHtml(section.heading)}</h2>`,
    );
    for (const paragraph of section.paragraphs) out.push(`<p>${escapeHtml(paragraph)}</p>`);
    out.push(linkList(section.links, t.linkMissing), "</section>");
  });

  let tableCount = 0;
  content.parts.forEach((part, i) => {
    out.push(
      `<section aria-labelledby="part-${i}"><h2 id="part-${i}">${escapeHtml(part.title)}</h2>`,
    );
    for (const paragraph of part.intro) out.push(`<p>${escapeHtml(paragraph)}</p>`);
    const rows = tableRows(part);
    // Sub-headings (part 3's four routines) split the part into one table each.
    const blocks: { heading: string | undefined; rows: typeof rows }[] = [];
    for (const row of rows) {
      const last = blocks[blocks.length - 1];
      if (!last || (row.section !== undefined && row.section !== last.heading)) {
        blocks.push({ heading: row.section, rows: [row] });
      } else last.rows.push(row);
    }
    for (const block of blocks) {
      if (block.heading) out.push(`<h3>${escapeHtml(block.heading)}</h3>`);
      const caption = fill(t.caption, { part: block.heading ?? part.title });
      tableCount++;
      // A table wider than a phone scrolls: the region is focusable so keyboards can scroll it.
      out.push(
        `<div class="table-wrap" role="region" tabindex="0" aria-labelledby="table-${tableCount}"><table><caption id="table-${tableCount}">${escapeHtml(caption)}</caption><thead><tr>`,
        `<th scope="col">${escapeHtml(t.columns.activity)}</th>`,
        `<th scope="col">${escapeHtml(t.columns.responsible)}</th>`,
        `<th scope="col">${escapeHtml(t.columns.method)}</th>`,
        `<th scope="col">${escapeHtml(t.columns.deadline)}</th>`,
        "</tr></thead><tbody>",
      );
      for (const row of block.rows) {
        const first = row.activities[0];
        if (!first) continue;
        const responsibles = row.activities.flatMap((a) =>
          a.responsible.map((r) => responsibleText(r, lang)),
        );
        const methods = [...new Set(row.activities.flatMap((a) => a.methods))];
        const deadlines = [...new Set(row.activities.map((a) => a.deadlineText))];
        const links = row.activities.flatMap((a) => a.links);
        out.push(
          "<tr>",
          `<td>${escapeHtml(first.description)}${list(first.details)}${linkList(links, t.linkMissing)}</td>`,
          `<td><ul class="resp">${[...new Set(responsibles)].map((r) => `<li>${escapeHtml(r)}</li>`).join("")}</ul></td>`,
          `<td>${list(methods)}</td>`,
          `<td>${list(deadlines)}</td>`,
          "</tr>",
        );
      }
      out.push("</tbody></table></div>");
    }
    out.push(linkList(part.links, t.linkMissing), "</section>");
  });

  out.push(`</main><footer><p>${escapeHtml(t.footer)}</p></footer></div></body></html>`);
  return out.join("\n");
}

/** The answer when the school has no published plan (or does not exist). */
export function renderNotFoundHtml(lang: Lang): string {
  const { plan: texts } = textsFor(lang);
  return [
    `<!doctype html><html lang="${lang}"><head><meta charset="utf-8">`,
    `<meta name="viewport" content="width=device-width, initial-scale=1">`,
    `<title>${escapeHtml(texts.public.title)}</title><style>${STYLE}</style></head>`,
    `<body><div class="wrap"><main><h1>${escapeHtml(texts.public.title)}</h1>`,
    `<p>${escapeHtml(texts.public.notFound)}</p></main></div></body></html>`,
  ].join("\n");
}
