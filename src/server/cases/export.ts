// The case file (saksmappe) for Statsforvalteren (§12-6): the whole case in order, with a
// table of contents, as PDF and as JSON (src/contract/case-file.ts, published as
// docs/case-file.schema.v1.json). The family copy (innsyn) is the same file without other
// pupils: no names, no ids, and their known names replaced in free text (case-file.ts).
// Both are drawn from one document, so the PDF and the JSON always say the same.
// Every export is audited.
import type { Content } from "pdfmake/interfaces";
import type { CaseFile } from "../../contract/case-file.ts";
import type { Actor } from "../../core/access/actor.ts";
import type { Lang } from "../../i18n/lang.ts";
import { audit } from "../../i18n/web/audit.ts";
import { roles } from "../../i18n/web/roles.ts";
import { appendAudit } from "../platform/audit.ts";
import type { Db } from "../platform/db/database.ts";
import { buildCaseFile, type GatheredCase, gatherCase } from "./case-file.ts";
import { restrictedCase } from "./effects.ts";
import { fieldRow, formatDate, PDF_STYLES, renderPdf, tr, trIn } from "./pdf.ts";

export interface ExportOptions {
  format: "pdf" | "json";
  /** `family`: the innsyn copy for one pupil's family. */
  copy: "full" | "family";
  pupilId: string | null;
  lang: Lang;
}

/** Section headings, in order (the test checks each is followed by content). */
export const CASE_FILE_SECTIONS = [
  "pdf.sectionHead",
  "pdf.sectionCovering",
  "pdf.sectionSummary",
  "pdf.sectionReports",
  "pdf.sectionInvestigation",
  "pdf.sectionPupil",
  "pdf.sectionPlans",
  "pdf.sectionMeasures",
  "pdf.sectionTimeline",
] as const;

function roleName(lang: Lang, role: string): string {
  return (roles[lang].name as Record<string, string>)[role] ?? role;
}

/** An event's name in the timeline; the audit log's name of it where the case page has none. */
function eventName(lang: Lang, type: string, data: Record<string, unknown>): string {
  const name = trIn(lang, "event", type, data);
  if (name !== type) return name;
  let node: unknown = audit[lang].actions;
  for (const part of type.split(".")) {
    node = node && typeof node === "object" ? (node as Record<string, unknown>)[part] : undefined;
  }
  return typeof node === "string" ? node : type;
}

/** The PDF's content. Every node is a fresh object: pdfmake annotates the nodes it lays out,
 * and a node used twice prints blank the second time. */
export function casePdfContent(doc: CaseFile, lang: Lang, now: Date): Content[] {
  const family = doc.copy === "family";
  const who = (ref: string | null | undefined) => (ref ? (doc.people[ref] ?? ref) : "");
  const h2 = (key: string): Content => ({ text: tr(lang, key), style: "h2", tocItem: true });
  const h3 = (text: string): Content => ({ text, style: "h3" });
  const none = (): Content => ({ text: tr(lang, "pdf.none"), italics: true });
  const orNone = (items: Content[]): Content[] => (items.length === 0 ? [none()] : items);
  const para = (text: string): Content => ({ text, margin: [0, 2, 0, 2] });
  const c = doc.case;
  const pupils = c.pupils.map(who).join(", ");
  const measureLine = (m: CaseFile["plans"][number]["measures"][number]): Content => ({
    stack: [
      fieldRow(tr(lang, "pdf.measureWhat"), m.what),
      fieldRow(
        tr(lang, "pdf.measureWhen"),
        `${formatDate(m.when.startsOn)}${m.when.endsOn ? ` – ${formatDate(m.when.endsOn)}` : ""}${m.when.schedule ? `, ${m.when.schedule}` : ""}`,
      ),
      fieldRow(tr(lang, "pdf.measureWho"), who(m.who)),
      ...(m.keepApart.length > 0 ? [{ text: tr(lang, "pdf.keepApart") } as Content] : []),
    ],
    margin: [0, 2, 0, 4],
  });
  const status = (s: string) => tr(lang, `status.${s}`);
  const view = (v: CaseFile["pupilViews"][number]): Content[] => [
    h3(
      `${formatDate(v.heardOn)} – ${who(v.pupil)} (${who(v.recordedBy)}${
        v.source === "reporter"
          ? `, ${tr(lang, "pdf.viewFromReporter")}`
          : v.source === "checkIn"
            ? `, ${tr(lang, "pdf.viewFromCheckIn")}`
            : ""
      })`,
    ),
    ...(v.words ? [para(v.words)] : []),
    ...(v.feelsSafe === null
      ? []
      : [fieldRow(tr(lang, "page.feelsSafe"), tr(lang, v.feelsSafe ? "yes" : "no"))]),
  ];
  const closureLines = (cl: NonNullable<CaseFile["case"]["closure"]>): Content[] => [
    fieldRow(tr(lang, "pdf.closedAt"), `${formatDate(cl.at)} ${who(cl.by)}`),
    fieldRow(
      tr(lang, "pdf.closure"),
      [
        tr(lang, `pdf.ground.${cl.type}`),
        cl.pupils.length > 0 ? cl.pupils.map(who).join(", ") : null,
        cl.text,
        cl.intoCaseId,
      ]
        .filter((x): x is string => typeof x === "string" && x.length > 0)
        .join(": "),
    ),
    ...(cl.confirmedBy ? [fieldRow(tr(lang, "pdf.confirmedBy"), who(cl.confirmedBy))] : []),
  ];
  const recorded = (r: { text: string; recordedAt: string; recordedBy: string }, title: string) => [
    h3(`${title} – ${formatDate(r.recordedAt)} (${who(r.recordedBy)})`),
    para(r.text),
  ];

  return [
    { text: `${tr(lang, family ? "pdf.familyCopy" : "pdf.caseFile")}: ${pupils}`, style: "title" },
    {
      text: `${doc.school.name} · ${tr(lang, "pdf.generated", { date: formatDate(now.toISOString()) })}`,
      style: "subtitle",
    },
    ...(family
      ? [{ text: tr(lang, "pdf.familyNote"), italics: true, margin: [0, 0, 0, 12] } as Content]
      : []),
    // The family's right to go to Statsforvalteren: its title, the rule, the office.
    ...(doc.complaintRight
      ? doc.complaintRight.text
          .split("\n")
          .map(
            (line, i): Content =>
              i === 0 ? { text: line, bold: true, margin: [0, 8, 0, 2] } : para(line),
          )
      : []),
    { toc: { title: { text: tr(lang, "pdf.contents"), style: "h2" } } },
    { text: "", pageBreak: "after" },

    // The head: how the case ended, what each pupil last said, the latest best interest.
    h2("pdf.sectionHead"),
    ...(c.closure ? closureLines(c.closure) : [para(tr(lang, "pdf.notClosed"))]),
    ...doc.head.pupils.flatMap((hp): Content[] => [
      h3(tr(lang, "pdf.latestView", { pupil: who(hp.pupil) })),
      ...(hp.latestView
        ? view(hp.latestView).slice(1)
        : hp.notHeard
          ? [fieldRow(tr(lang, "pdf.notHeardReason"), hp.notHeard.reason)]
          : [{ text: tr(lang, "pdf.notHeardYet"), italics: true }]),
      ...(hp.latestView
        ? [fieldRow(tr(lang, "page.heardOn"), formatDate(hp.latestView.heardOn))]
        : []),
    ]),
    ...(doc.head.latestBestInterest
      ? recorded(doc.head.latestBestInterest, tr(lang, "pdf.latestBestInterest"))
      : [h3(tr(lang, "pdf.latestBestInterest")), none()]),

    h2("pdf.sectionCovering"),
    ...orNone(
      doc.coveringStatements.flatMap((cs) => [
        fieldRow(formatDate(cs.recordedAt), who(cs.recordedBy)),
        para(cs.text),
      ]),
    ),

    h2("pdf.sectionSummary"),
    fieldRow(tr(lang, "pdf.kind"), tr(lang, `kind.${c.kind}`)),
    fieldRow(tr(lang, "pdf.status"), tr(lang, `status.${c.status}`)),
    fieldRow(tr(lang, "pdf.school"), doc.school.name),
    fieldRow(tr(lang, "pdf.pupils"), pupils),
    fieldRow(tr(lang, "pdf.reportedAt"), formatDate(c.reportedAt)),
    fieldRow(tr(lang, "pdf.learnedOn"), formatDate(c.learnedOn)),
    fieldRow(tr(lang, "pdf.investigateBy"), formatDate(c.investigateBy)),
    fieldRow(tr(lang, "pdf.planDueOn"), formatDate(c.planDueOn)),
    fieldRow(
      tr(lang, "pdf.acknowledgedAt"),
      c.acknowledgedAt
        ? `${formatDate(c.acknowledgedAt)} (${tr(lang, "pdf.acknowledgedBy").toLowerCase()}: ${who(c.acknowledgedBy)})`
        : "–",
    ),
    ...(c.seriousness
      ? [
          fieldRow(
            tr(lang, "pdf.seriousness"),
            `${tr(lang, c.seriousness.serious ? "yes" : "no")}${c.seriousness.reason ? ` – ${c.seriousness.reason}` : ""} (${formatDate(c.seriousness.at)}, ${who(c.seriousness.by)})`,
          ),
        ]
      : []),
    ...(c.escalatedToOwnerAt
      ? [fieldRow(tr(lang, "pdf.escalatedAt"), formatDate(c.escalatedToOwnerAt))]
      : []),
    ...doc.immediateMeasures.map((m) =>
      fieldRow(`${tr(lang, "pdf.immediateMeasures")} ${formatDate(m.at)} (${who(m.by)})`, m.text),
    ),
    ...(c.familyInformedBy
      ? [fieldRow(tr(lang, "pdf.familyInformedBy"), formatDate(c.familyInformedBy))]
      : []),
    ...doc.familyInformation.map((f) =>
      f.type === "guardiansInformed"
        ? fieldRow(
            `${tr(lang, "pdf.familyInformed")} (${who(f.pupil)})`,
            `${formatDate(f.on)}, ${tr(lang, `pdf.informChannel.${f.channel}`)}, ${who(f.informedBy)}`,
          )
        : fieldRow(
            `${tr(lang, "pdf.adultChoice")} (${who(f.pupil)})`,
            `${formatDate(f.on)}: ${tr(lang, f.familyMayBeTold ? "yes" : "no")}`,
          ),
    ),
    ...(doc.involvedPupils.length > 0
      ? [
          fieldRow(
            tr(lang, "pdf.involved"),
            doc.involvedPupils
              .map((ip) => `${who(ip.pupil)} (${tr(lang, `pdf.involvement.${ip.role}`)})`)
              .join(", "),
          ),
        ]
      : []),
    ...(c.serious
      ? [fieldRow(tr(lang, "list.serious"), `${formatDate(c.serious.at)} – ${c.serious.reason}`)]
      : []),
    ...c.staffViolationDecisions.map((d) =>
      d.type === "ownerNotified"
        ? fieldRow(
            tr(lang, "page.ownerDecision"),
            tr(lang, "page.ownerNotifiedAt", { date: formatDate(d.at) }),
          )
        : fieldRow(
            tr(lang, "page.ownerDecision"),
            `${tr(lang, "page.unfoundedAt", { date: formatDate(d.at) })}: ${d.reason ?? ""}`,
          ),
    ),
    ...(c.closure ? closureLines(c.closure) : []),
    h3(tr(lang, "pdf.statusChanges")),
    ...doc.statusChanges.map((sc) =>
      fieldRow(
        formatDate(sc.at),
        `${
          sc.from
            ? tr(lang, "pdf.statusChange", { from: status(sc.from), to: status(sc.to) })
            : status(sc.to)
        }${sc.by ? ` (${who(sc.by)})` : ""}`,
      ),
    ),

    h2("pdf.sectionReports"),
    ...orNone(
      doc.reports.flatMap((r, i) => [
        h3(`${tr(lang, "page.report", { n: i + 1 })} – ${formatDate(r.reportedAt)}`),
        fieldRow(tr(lang, "pdf.kind"), tr(lang, `kind.${r.kind}`)),
        fieldRow(
          tr(lang, "page.reporter"),
          r.reporter.anonymous ? tr(lang, "page.anonymous") : who(r.reporter.ref),
        ),
        fieldRow(
          tr(lang, "pdf.toldAt"),
          `${formatDate(r.toldAt)} (${tr(lang, `pdf.channel.${r.channel}`)})`,
        ),
        fieldRow(tr(lang, "pdf.enteredAt"), formatDate(r.reportedAt)),
        para(r.description),
        ...(r.occurredOn ? [fieldRow(tr(lang, "page.occurredOn"), formatDate(r.occurredOn))] : []),
        ...(r.place ? [fieldRow(tr(lang, "page.place"), r.place)] : []),
        ...(r.involvedPupils.length > 0
          ? [fieldRow(tr(lang, "page.involvedPupils"), r.involvedPupils.map(who).join(", "))]
          : []),
        ...(r.involvedStaff.length > 0
          ? [fieldRow(tr(lang, "page.involvedStaff"), r.involvedStaff.map(who).join(", "))]
          : []),
        ...(r.others ? [fieldRow(tr(lang, "page.others"), r.others)] : []),
        ...(r.pupilSaidUnsafe === true ? [para(tr(lang, "page.pupilSaidUnsafe"))] : []),
        ...(r.intervention !== null ? [fieldRow(tr(lang, "page.intervened"), r.intervention)] : []),
        fieldRow(
          tr(lang, "pdf.acknowledgedAt"),
          r.acknowledgedAt ? formatDate(r.acknowledgedAt) : "–",
        ),
        // The two-way conversation with an anonymous reporter is part of the case file.
        ...r.messages.map((m) =>
          fieldRow(
            `${formatDate(m.at)} ${
              m.from === "reporter"
                ? tr(lang, "page.fromReporter")
                : `${tr(lang, "page.fromSchool")} (${who(m.by)})`
            }`,
            m.text,
          ),
        ),
      ]),
    ),
    h3(tr(lang, "pdf.alerts")),
    ...doc.alerts.map((a) =>
      fieldRow(
        `${formatDate(a.at)} – ${tr(lang, "pdf.alertLevel", { level: a.level })}`,
        a.roles.map((r) => roleName(lang, r)).join(", "),
      ),
    ),

    h2("pdf.sectionInvestigation"),
    ...orNone(
      doc.investigationNotes.flatMap((n) => [
        h3(
          `${formatDate(n.occurredOn)} – ${tr(lang, `noteKind.${n.kind}`)} (${who(n.recordedBy)})`,
        ),
        para(n.text),
      ]),
    ),

    h2("pdf.sectionPupil"),
    ...orNone([
      ...doc.pupilViews.flatMap(view),
      ...doc.pupilsNotHeard.map((n) =>
        fieldRow(
          `${tr(lang, "pdf.notHeardReason")}: ${who(n.pupil)} (${formatDate(n.recordedAt)}, ${who(n.recordedBy)})`,
          n.reason,
        ),
      ),
      ...doc.bestInterest.flatMap((b) => [
        h3(`${tr(lang, "page.bestInterest")} – ${formatDate(b.recordedAt)} (${who(b.recordedBy)})`),
        para(b.text),
      ]),
    ]),

    h2("pdf.sectionPlans"),
    ...orNone(
      doc.plans.flatMap((p) => [
        h3(
          `${tr(lang, "page.revision", { n: p.revision })} – ${formatDate(p.savedAt)} (${who(p.savedBy)})`,
        ),
        fieldRow(tr(lang, "pdf.problem"), p.problem),
        ...p.measures.map(measureLine),
        fieldRow(tr(lang, "pdf.evaluateOn"), formatDate(p.evaluateOn)),
        ...p.communications.map((cm) =>
          fieldRow(
            tr(lang, "page.communicated"),
            `${formatDate(cm.communicatedOn)} (${cm.to.map((x) => tr(lang, `party.${x}`)).join(", ")})`,
          ),
        ),
        ...p.responses.map((r) =>
          fieldRow(
            tr(lang, "page.responses"),
            `${formatDate(r.respondedOn)} ${tr(lang, `party.${r.by}`)}: ${tr(lang, r.accepted ? "yes" : "no")}${r.comment ? ` – ${r.comment}` : ""}`,
          ),
        ),
      ]),
    ),

    h2("pdf.sectionMeasures"),
    ...orNone([
      ...doc.measureLog.map(
        (e): Content => ({
          stack: [
            fieldRow(tr(lang, "pdf.measureWhat"), `${e.what}${e.note ? ` – ${e.note}` : ""}`),
            fieldRow(tr(lang, "pdf.measureWhen"), formatDate(e.when)),
            fieldRow(tr(lang, "pdf.measureWho"), who(e.who)),
          ],
          margin: [0, 2, 0, 4],
        }),
      ),
      ...doc.evaluations.flatMap((ev) => [
        h3(
          `${tr(lang, "page.evaluation")} – ${formatDate(ev.evaluatedOn)} (${who(ev.recordedBy)})`,
        ),
        ...ev.effects.map((m) =>
          fieldRow(
            m.what,
            `${tr(lang, `effect.${m.effect}`)}${m.comment ? ` – ${m.comment}` : ""}`,
          ),
        ),
        ...(ev.summary ? [para(ev.summary)] : []),
        ...(ev.earlyReason ? [fieldRow(tr(lang, "pdf.earlyReason"), ev.earlyReason)] : []),
      ]),
    ]),

    h2("pdf.sectionTimeline"),
    ...orNone(
      doc.timeline.length === 0
        ? []
        : [
            {
              table: {
                headerRows: 0,
                widths: ["auto", "*", "auto"],
                body: doc.timeline.map((e) => [
                  { text: formatDate(e.at), style: "small" },
                  { text: eventName(lang, e.type, e.data), style: "small" },
                  { text: who(e.actor), style: "small" },
                ]),
              },
              layout: "lightHorizontalLines",
            } as Content,
          ],
    ),
    ...(doc.attachments.length > 0
      ? [
          h3(tr(lang, "pdf.attachments")),
          ...doc.attachments.map((a) =>
            fieldRow(
              a.fileName,
              `${formatDate(a.uploadedAt)}, ${a.sizeBytes} B, SHA-256 ${a.sha256}`,
            ),
          ),
          ...(family ? [] : [para(tr(lang, "pdf.attachmentFiles"))]),
        ]
      : []),
  ];
}

export async function renderCaseFilePdf(doc: CaseFile, lang: Lang, now: Date): Promise<Buffer> {
  return renderPdf({
    info: { title: tr(lang, doc.copy === "family" ? "pdf.familyCopy" : "pdf.caseFile") },
    pageSize: "A4",
    pageMargins: [48, 56, 48, 56],
    defaultStyle: { font: "Roboto", fontSize: 10, lineHeight: 1.2 },
    styles: PDF_STYLES,
    footer: (page: number, pages: number) => ({
      text: `${page} / ${pages}`,
      alignment: "center",
      style: "small",
    }),
    content: casePdfContent(doc, lang, now),
  });
}

/** The family copy's pupil: the one asked for if the case is about them, else the first. */
function familyPupil(g: GatheredCase, asked: string | null): string | null {
  return asked && g.state.pupils.includes(asked) ? asked : (g.state.pupils[0] ?? null);
}

/** Gather and shape the case file, and audit the read (one row, no content). */
export async function loadCaseFile(
  db: Db,
  actor: Actor,
  caseId: string,
  opts: ExportOptions & { now: Date; requestId: string | null },
  format: "pdf" | "json" | "zip" = opts.format,
): Promise<{ g: GatheredCase; doc: CaseFile }> {
  const g = await gatherCase(db, caseId);
  const family = opts.copy === "family";
  const pupilId = family ? familyPupil(g, opts.pupilId) : null;
  const doc = await buildCaseFile(db, g, {
    copy: opts.copy,
    pupilId,
    lang: opts.lang,
    now: opts.now,
  });
  await db.transaction().execute((tx) =>
    appendAudit(tx, {
      at: opts.now,
      actorId: actor.personId,
      action: "case.exported",
      resourceType: "case",
      resourceId: caseId,
      schoolId: g.state.schoolId,
      ownerId: g.state.ownerId,
      restricted: restrictedCase(g.state),
      requestId: opts.requestId,
      detail: { format, copy: opts.copy, pupilId },
    }),
  );
  return { g, doc };
}

export const caseFileBaseName = (caseId: string, family: boolean) =>
  `case-${caseId.slice(0, 8)}${family ? "-innsyn" : ""}`;

export async function exportCase(
  db: Db,
  actor: Actor,
  caseId: string,
  opts: ExportOptions & { now: Date; requestId: string | null },
): Promise<{ contentType: string; fileName: string; body: Buffer | string }> {
  const { doc } = await loadCaseFile(db, actor, caseId, opts);
  const base = caseFileBaseName(caseId, opts.copy === "family");
  if (opts.format === "json") {
    return {
      contentType: "application/json; charset=utf-8",
      fileName: `${base}.json`,
      body: JSON.stringify(doc, null, 2),
    };
  }
  const pdf = await renderCaseFilePdf(doc, opts.lang, opts.now);
  return { contentType: "application/pdf", fileName: `${base}.pdf`, body: pdf };
}
