// The owner's compliance desk: the duty-to-act figures per school for a school year and the
// year before, as JSON for the page, CSV for a spreadsheet and a PDF state report for the
// county council. The figures are computed in src/core/owner/compliance.ts from the cases'
// facts; no name or text leaves this module.
import type { Content } from "pdfmake/interfaces";
import { type IsoDate, osloDateOf } from "../../core/calendar/iso-date.ts";
import {
  type ComplianceFigures,
  caseFacts,
  ownerCompliance,
  type Period,
  schoolYearOf,
} from "../../core/owner/compliance.ts";
import type { Lang } from "../../i18n/lang.ts";
import { compliance as texts } from "../../i18n/web/compliance.ts";
import { formatDate, PDF_STYLES, renderPdf } from "../cases/pdf.ts";
import { caseStateOf, loadOwnerRules } from "../cases/store.ts";
import type { Db } from "../platform/db/database.ts";

export interface ComplianceYear {
  label: string;
  from: IsoDate;
  to: IsoDate;
  schools: { id: string; name: string; figures: ComplianceFigures }[];
  total: ComplianceFigures;
}

export interface ComplianceReport {
  owner: { id: string; name: string };
  year: ComplianceYear;
  previous: ComplianceYear;
  /** School years the owner has cases in, newest first (for the year picker). */
  years: string[];
}

const collator = new Intl.Collator("nb", { numeric: true, sensitivity: "base" });

/** "2026-2027" → that school year; anything else → null. */
export function periodOfLabel(label: string): (Period & { label: string }) | null {
  const m = /^(\d{4})-(\d{4})$/.exec(label);
  if (!m || Number(m[2]) !== Number(m[1]) + 1) return null;
  return schoolYearOf(`${m[1]}-08-01` as IsoDate);
}

export async function loadCompliance(
  db: Db,
  ownerId: string,
  yearLabel: string | null,
  now: Date,
): Promise<ComplianceReport | null> {
  const owner = await db
    .selectFrom("school_owner")
    .select(["id", "name"])
    .where("id", "=", ownerId)
    .executeTakeFirst();
  if (!owner) return null;
  const today = osloDateOf(now);
  const period = (yearLabel ? periodOfLabel(yearLabel) : null) ?? schoolYearOf(today);
  const previous = schoolYearOf(`${Number(period.from.slice(0, 4)) - 1}-08-01` as IsoDate);
  const schools = (
    await db.selectFrom("school").select(["id", "name"]).where("owner_id", "=", ownerId).execute()
  ).sort((a, b) => collator.compare(a.name, b.name));
  // Open cases count whatever year they started in; closed ones only if they started in the
  // two years shown.
  const rows = await db
    .selectFrom("school_case")
    .select("state")
    .where("owner_id", "=", ownerId)
    .where((eb) => eb.or([eb("closed_at", "is", null), eb("learned_on", ">=", previous.from)]))
    .execute();
  const facts = rows.map((r) => caseFacts(caseStateOf(r.state), now));
  const { calendar } = await loadOwnerRules(db, ownerId);
  const yearOf = (p: Period & { label: string }): ComplianceYear => {
    const result = ownerCompliance(
      schools.map((s) => s.id),
      facts,
      p,
      today,
      calendar,
    );
    return {
      label: p.label,
      from: p.from,
      to: p.to,
      schools: result.schools.map((s, i) => ({
        id: s.schoolId,
        name: schools[i]?.name ?? "",
        figures: s.figures,
      })),
      total: result.total,
    };
  };
  const learned = await db
    .selectFrom("school_case")
    .select((eb) => eb.fn.min("learned_on").as("first"))
    .where("owner_id", "=", ownerId)
    .executeTakeFirst();
  const firstYear = learned?.first
    ? Number(schoolYearOf(String(learned.first).slice(0, 10) as IsoDate).label.slice(0, 4))
    : Number(schoolYearOf(today).label.slice(0, 4));
  const lastYear = Number(schoolYearOf(today).label.slice(0, 4));
  const years: string[] = [];
  for (let y = lastYear; y >= Math.min(firstYear, lastYear) && years.length < 20; y--) {
    years.push(`${y}-${y + 1}`);
  }
  return { owner, year: yearOf(period), previous: yearOf(previous), years };
}

const percent = (share: number | null) => (share === null ? "" : String(Math.round(share * 100)));

/** One row per school and one for the total; numbers plain, for a spreadsheet. */
export function complianceCsv(report: ComplianceReport, lang: Lang): string {
  const t = texts[lang];
  const header = [
    t.year,
    t.columns.school,
    t.columns.cases,
    t.columns.openNow,
    t.columns.serious,
    `${t.columns.planOnTime} (n)`,
    `${t.columns.planOnTime} (%)`,
    `${t.columns.investigationOnTime} (n)`,
    `${t.columns.investigationOnTime} (%)`,
    t.columns.medianDays,
    t.columns.overdue,
    ...Object.values(t.kinds),
  ];
  const rows: string[][] = [];
  for (const year of [report.year, report.previous]) {
    for (const row of [...year.schools, { id: "", name: t.total, figures: year.total }]) {
      const f = row.figures;
      rows.push([
        year.label,
        row.name,
        String(f.cases),
        String(f.openNow),
        String(f.serious),
        `${f.plan.onTime}/${f.plan.due}`,
        percent(f.plan.share),
        `${f.investigation.onTime}/${f.investigation.due}`,
        percent(f.investigation.share),
        f.medianWorkingDaysToPlan === null ? "" : String(f.medianWorkingDaysToPlan),
        String(f.overdueSteps),
        ...Object.keys(t.kinds).map((k) => String(f.byKind[k as keyof typeof f.byKind] ?? 0)),
      ]);
    }
  }
  const cell = (v: string) => (/[;"\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v);
  // Semicolons and a BOM: what Excel with Norwegian settings opens correctly.
  return `\uFEFF${[header, ...rows].map((r) => r.map(cell).join(";")).join("\r\n")}\r\n`;
}

function shareText(lang: Lang, f: ComplianceFigures["plan"]): string {
  const t = texts[lang];
  if (f.share === null) return t.noneDue;
  return t.share
    .replace("{{onTime}}", String(f.onTime))
    .replace("{{due}}", String(f.due))
    .replace("{{percent}}", percent(f.share));
}

/** The yearly state report: per school and in total, this year beside the year before. */
export async function compliancePdf(
  report: ComplianceReport,
  lang: Lang,
  now: Date,
): Promise<Buffer> {
  const t = texts[lang];
  const c = t.columns;
  const fill = (s: string, v: Record<string, string>) =>
    s.replace(/\{\{(\w+)\}\}/g, (_m, k: string) => v[k] ?? "");
  const figureRows = (f: ComplianceFigures): [string, string][] => [
    [c.cases, String(f.cases)],
    [c.openNow, String(f.openNow)],
    [c.serious, String(f.serious)],
    [c.planOnTime, shareText(lang, f.plan)],
    [c.investigationOnTime, shareText(lang, f.investigation)],
    [
      c.medianDays,
      f.medianWorkingDaysToPlan === null ? t.noMedian : String(f.medianWorkingDaysToPlan),
    ],
    [c.overdue, String(f.overdueSteps)],
    ...Object.entries(t.kinds).map(([k, label]): [string, string] => [
      label,
      String(f.byKind[k as keyof typeof f.byKind] ?? 0),
    ]),
  ];
  const comparison = (title: string, now_: ComplianceFigures, before: ComplianceFigures) => {
    const a = figureRows(now_);
    const b = figureRows(before);
    return [
      { text: title, style: "h3" },
      {
        table: {
          headerRows: 1,
          widths: ["*", 120, 120],
          body: [
            [
              { text: "", style: "tableHeader" },
              { text: `${t.report.thisYear} (${report.year.label})`, style: "tableHeader" },
              { text: `${t.report.lastYear} (${report.previous.label})`, style: "tableHeader" },
            ],
            ...a.map(([label, value], i) => [label, value, b[i]?.[1] ?? ""]),
          ],
        },
        layout: "lightHorizontalLines",
        margin: [0, 0, 0, 8],
      },
    ] as Content[];
  };
  const content: Content[] = [
    { text: t.report.title, style: "title" },
    {
      text: fill(t.report.subtitle, {
        owner: report.owner.name,
        year: report.year.label,
        date: formatDate(osloDateOf(now)),
      }),
      style: "subtitle",
    },
    { text: t.report.intro, margin: [0, 0, 0, 8] },
    ...comparison(t.total, report.year.total, report.previous.total),
    { text: t.report.perSchool, style: "h2" },
    ...report.year.schools.flatMap((s) => {
      const before = report.previous.schools.find((p) => p.id === s.id)?.figures;
      return before ? comparison(s.name, s.figures, before) : [];
    }),
    { text: t.definitions, style: "h3" },
    { text: t.definitionsText, style: "small" },
  ];
  return renderPdf({
    info: { title: `${t.report.title} ${report.year.label}` },
    content,
    styles: PDF_STYLES,
    defaultStyle: { font: "Roboto", fontSize: 10 },
    pageMargins: [40, 40, 40, 40],
  });
}
