// The measure plan as a PDF for the pupil and the family, in bokmål or nynorsk (or English),
// with the five legal parts. Another pupil in the same case is never named: the family of
// one pupil gets a plan that shows only their child, and keep-apart measures say only that
// the pupil is kept apart from another pupil.
import type { Content } from "pdfmake/interfaces";
import type { CaseState, PlanRevision } from "../../core/cases/types.ts";
import type { Lang } from "../../i18n/lang.ts";
import type { Db } from "../platform/db/database.ts";
import { notFound } from "../platform/errors.ts";
import { fieldRow, formatDate, PDF_STYLES, renderPdf, tr } from "./pdf.ts";
import { namesOf } from "./store.ts";

export async function planPdf(
  db: Db,
  state: CaseState,
  opts: { revision: number | null; lang: Lang; pupilId: string | null },
): Promise<{ pdf: Buffer; revision: number }> {
  const plan: PlanRevision | undefined =
    opts.revision === null
      ? state.planRevisions[state.planRevisions.length - 1]
      : state.planRevisions.find((p) => p.revision === opts.revision);
  if (!plan) throw notFound();
  const lang = opts.lang;
  const shownPupils =
    opts.pupilId && state.pupils.includes(opts.pupilId) ? [opts.pupilId] : state.pupils;
  const names = await namesOf(db, [
    ...shownPupils,
    ...plan.measures.map((m) => m.responsiblePersonId),
  ]);
  const school = await db
    .selectFrom("school")
    .select("name")
    .where("id", "=", state.schoolId)
    .executeTakeFirst();
  const when = (m: PlanRevision["measures"][number]) =>
    [
      m.endsOn
        ? `${formatDate(m.startsOn)} ${tr(lang, "pdf.until")} ${formatDate(m.endsOn)}`
        : `${tr(lang, "pdf.fromOn")} ${formatDate(m.startsOn)}`,
      m.schedule ?? "",
    ]
      .filter(Boolean)
      .join("\n");
  const content: Content[] = [
    { text: tr(lang, "pdf.planTitle"), style: "title" },
    { text: tr(lang, "pdf.planSubtitle"), style: "subtitle" },
    fieldRow(tr(lang, "pdf.school"), school?.name ?? ""),
    fieldRow(tr(lang, "pdf.pupils"), shownPupils.map((p) => names[p] ?? "").join(", ")),
    fieldRow(
      tr(lang, "pdf.revision"),
      `${plan.revision} (${tr(lang, "pdf.savedOn").toLowerCase()} ${formatDate(plan.savedAt)})`,
    ),
    { text: tr(lang, "pdf.problem"), style: "h2" },
    { text: plan.problem },
    { text: tr(lang, "pdf.measures"), style: "h2" },
    {
      table: {
        headerRows: 1,
        widths: ["*", "auto", "auto"],
        body: [
          [
            { text: tr(lang, "pdf.what"), style: "tableHeader" },
            { text: tr(lang, "pdf.when"), style: "tableHeader" },
            { text: tr(lang, "pdf.responsible"), style: "tableHeader" },
          ],
          ...plan.measures.map((m) => [
            {
              stack: [
                { text: m.description },
                ...(m.keepApart.length > 0
                  ? [{ text: tr(lang, "pdf.keepApart"), italics: true, margin: [0, 3, 0, 0] }]
                  : []),
              ],
            },
            { text: when(m) },
            { text: names[m.responsiblePersonId] ?? "" },
          ]),
        ],
      },
    } as Content,
    { text: tr(lang, "pdf.evaluateOn"), style: "h2" },
    { text: formatDate(plan.evaluateOn) },
    { text: tr(lang, "pdf.rights"), margin: [0, 24, 0, 0], style: "small" },
  ];
  const pdf = await renderPdf({
    info: { title: tr(lang, "pdf.planTitle") },
    pageSize: "A4",
    pageMargins: [48, 56, 48, 56],
    defaultStyle: { font: "Roboto", fontSize: 10, lineHeight: 1.2 },
    styles: PDF_STYLES,
    content,
  });
  return { pdf, revision: plan.revision };
}
