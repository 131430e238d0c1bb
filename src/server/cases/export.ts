// The case file (saksmappe) for Statsforvalteren (§12-6): the whole case in order, with a
// table of contents, as PDF and as JSON. The family copy (innsyn) is the same file without
// the names of other pupils (or of reporters who are other pupils or their guardians); free
// text is not rewritten, so the copy says it must be read before it is sent.
// Every export is audited.
import type { Content } from "pdfmake/interfaces";
import type { Actor } from "../../core/access/actor.ts";
import type { CaseState } from "../../core/cases/types.ts";
import type { Lang } from "../../i18n/lang.ts";
import { appendAudit } from "../platform/audit.ts";
import type { Db } from "../platform/db/database.ts";
import { notFound } from "../platform/errors.ts";
import { restrictedCase } from "./effects.ts";
import { fieldRow, formatDate, PDF_STYLES, renderPdf, tr, trIn } from "./pdf.ts";
import { mentionedIds } from "./read-case.ts";
import { caseEvents, loadCase, namesOf, reportRows } from "./store.ts";

export interface ExportOptions {
  format: "pdf" | "json";
  /** `family`: the innsyn copy for one pupil's family. */
  copy: "full" | "family";
  pupilId: string | null;
  lang: Lang;
}

async function gather(db: Db, caseId: string) {
  const stored = await loadCase(db, caseId);
  if (!stored) throw notFound();
  const state = stored.state;
  const [reports, events, attachments, school] = await Promise.all([
    reportRows(db, caseId),
    caseEvents(db, caseId),
    db
      .selectFrom("case_attachment")
      .select([
        "id",
        "file_name",
        "media_type",
        "size_bytes",
        "sha256",
        "uploaded_at",
        "uploaded_by",
      ])
      .where("case_id", "=", caseId)
      .orderBy("uploaded_at")
      .execute(),
    db.selectFrom("school").select("name").where("id", "=", state.schoolId).executeTakeFirst(),
  ]);
  const names = await namesOf(
    db,
    mentionedIds(
      state,
      reports.map((r) => [r.reporter_id, r.details]),
      events.map((e) => e.actor_id),
    ),
  );
  return { state, reports, events, attachments, schoolName: school?.name ?? "", names };
}

type Gathered = Awaited<ReturnType<typeof gather>>;

/** The names a family copy may show: its own pupil's, and staff; other pupils become "another pupil". */
async function familyNames(db: Db, g: Gathered, pupilId: string | null, lang: Lang) {
  const hidden = new Set(g.state.pupils.filter((p) => p !== pupilId));
  for (const r of g.reports) {
    const d = r.details as { involvedPupilIds?: string[] };
    for (const p of d.involvedPupilIds ?? []) if (p !== pupilId) hidden.add(p);
    // A report filed by another pupil or that pupil's guardian would name them.
    if (r.reporter_id && r.reporter_capacity !== "staff" && r.reporter_id !== pupilId) {
      const guardianOfOwn = pupilId
        ? await db
            .selectFrom("guardianship")
            .select("guardian_id")
            .where("guardian_id", "=", r.reporter_id)
            .where("pupil_id", "=", pupilId)
            .executeTakeFirst()
        : undefined;
      if (!guardianOfOwn) hidden.add(r.reporter_id);
    }
  }
  const names: Record<string, string> = {};
  for (const [id, name] of Object.entries(g.names)) {
    names[id] = hidden.has(id) ? tr(lang, "pdf.otherPupil") : name;
  }
  return names;
}

function caseJson(g: Gathered, names: Record<string, string>, exportedAt: Date) {
  return {
    format: "trygg.caseFile/1",
    exportedAt: exportedAt.toISOString(),
    school: { id: g.state.schoolId, name: g.schoolName },
    names,
    case: g.state,
    reports: g.reports.map((r) => ({
      id: r.id,
      kind: r.kind,
      reporterId: r.reporter_id,
      capacity: r.reporter_capacity,
      details: r.details,
      reportedAt: new Date(r.reported_at).toISOString(),
    })),
    timeline: g.events.map((e) => ({
      seq: Number(e.seq),
      type: e.type,
      at: new Date(e.at).toISOString(),
      actorId: e.actor_id,
      data: e.data,
    })),
    attachments: g.attachments.map((a) => ({
      id: a.id,
      fileName: a.file_name,
      mediaType: a.media_type,
      sizeBytes: a.size_bytes,
      sha256: a.sha256,
      uploadedAt: new Date(a.uploaded_at).toISOString(),
      uploadedBy: a.uploaded_by,
    })),
  };
}

function casePdfContent(
  g: Gathered,
  names: Record<string, string>,
  lang: Lang,
  family: boolean,
  now: Date,
) {
  const s: CaseState = g.state;
  const who = (id: string | null | undefined) =>
    !id
      ? ""
      : id === "system"
        ? tr(lang, "page.system")
        : id === "anonymous"
          ? tr(lang, "page.anonymous")
          : (names[id] ?? id);
  const h2 = (key: string): Content => ({ text: tr(lang, key), style: "h2", tocItem: true });
  const h3 = (text: string): Content => ({ text, style: "h3" });
  const none: Content = { text: tr(lang, "pdf.none"), italics: true };
  const pupils = s.pupils.map((p) => who(p)).join(", ");
  const content: Content[] = [
    { text: `${tr(lang, family ? "pdf.familyCopy" : "pdf.caseFile")}: ${pupils}`, style: "title" },
    {
      text: `${g.schoolName} · ${tr(lang, "pdf.generated", { date: formatDate(now.toISOString()) })}`,
      style: "subtitle",
    },
    ...(family
      ? [{ text: tr(lang, "pdf.familyNote"), italics: true, margin: [0, 0, 0, 12] } as Content]
      : []),
    { toc: { title: { text: tr(lang, "pdf.contents"), style: "h2" } } },
    { text: "", pageBreak: "after" },
    h2("pdf.sectionSummary"),
    fieldRow(tr(lang, "pdf.kind"), tr(lang, `kind.${s.kind}`)),
    fieldRow(tr(lang, "pdf.status"), tr(lang, `status.${s.status}`)),
    fieldRow(tr(lang, "pdf.school"), g.schoolName),
    fieldRow(tr(lang, "pdf.pupils"), pupils),
    fieldRow(tr(lang, "pdf.reportedAt"), formatDate(s.reportedAt)),
    fieldRow(tr(lang, "pdf.learnedOn"), formatDate(s.learnedOn)),
    fieldRow(tr(lang, "pdf.planDueOn"), formatDate(s.planDueOn)),
    fieldRow(
      tr(lang, "pdf.acknowledgedAt"),
      `${formatDate(s.acknowledgedAt)} ${s.acknowledgedBy ? who(s.acknowledgedBy) : ""}`,
    ),
    ...(s.escalatedToOwnerAt
      ? [fieldRow(tr(lang, "pdf.escalatedAt"), formatDate(s.escalatedToOwnerAt))]
      : []),
    ...(s.serious
      ? [fieldRow(tr(lang, "list.serious"), `${formatDate(s.serious.at)} – ${s.serious.reason}`)]
      : []),
    ...s.staffViolationDecisions.map((d) =>
      d.type === "ownerNotified"
        ? fieldRow(
            tr(lang, "page.ownerDecision"),
            tr(lang, "page.ownerNotifiedAt", { date: formatDate(d.at) }),
          )
        : fieldRow(
            tr(lang, "page.ownerDecision"),
            `${tr(lang, "page.unfoundedAt", { date: formatDate(d.at) })}: ${d.reason}`,
          ),
    ),
    ...(s.closedAt
      ? [
          fieldRow(tr(lang, "pdf.closedAt"), `${formatDate(s.closedAt)} ${who(s.closedBy)}`),
          fieldRow(
            tr(lang, "pdf.closure"),
            s.closure?.type === "reason"
              ? s.closure.reason
              : s.closure?.type === "pupilFeelsSafe"
                ? tr(lang, "pdf.closurePupilSafe")
                : "",
          ),
        ]
      : []),
    h2("pdf.sectionReports"),
    ...s.reports.flatMap((r, i) => {
      const row = g.reports.find((x) => x.id === r.id);
      const d = (row?.details ?? {}) as Record<string, unknown>;
      const list = (ids: unknown) =>
        Array.isArray(ids) ? ids.map((id) => who(String(id))).join(", ") : "";
      return [
        h3(`${tr(lang, "page.report", { n: i + 1 })} – ${formatDate(r.reportedAt)}`),
        fieldRow(tr(lang, "pdf.kind"), tr(lang, `kind.${r.kind}`)),
        fieldRow(
          tr(lang, "page.reporter"),
          r.reporter.type === "person" ? who(r.reporter.personId) : tr(lang, "page.anonymous"),
        ),
        { text: r.description, margin: [0, 2, 0, 2] } as Content,
        ...(d.occurredOn
          ? [fieldRow(tr(lang, "page.occurredOn"), formatDate(String(d.occurredOn)))]
          : []),
        ...(d.place ? [fieldRow(tr(lang, "page.place"), String(d.place))] : []),
        ...(list(d.involvedPupilIds)
          ? [fieldRow(tr(lang, "page.involvedPupils"), list(d.involvedPupilIds))]
          : []),
        ...(list(d.involvedStaffIds)
          ? [fieldRow(tr(lang, "page.involvedStaff"), list(d.involvedStaffIds))]
          : []),
        ...(d.others ? [fieldRow(tr(lang, "page.others"), String(d.others))] : []),
        ...(d.pupilSaidUnsafe === true
          ? [{ text: tr(lang, "page.pupilSaidUnsafe") } as Content]
          : []),
        ...(d.intervened === true
          ? [fieldRow(tr(lang, "page.intervened"), String(d.intervention ?? ""))]
          : []),
        ...(r.acknowledgedAt
          ? [fieldRow(tr(lang, "pdf.acknowledgedAt"), formatDate(r.acknowledgedAt))]
          : []),
        // The two-way conversation with an anonymous reporter is part of the case file.
        ...(s.reporterMessages ?? [])
          .filter((m) => m.reportId === r.id)
          .map((m) =>
            fieldRow(
              `${formatDate(m.at)} ${
                m.from === "reporter"
                  ? tr(lang, "page.fromReporter")
                  : `${tr(lang, "page.fromSchool")} (${who(m.by)})`
              }`,
              m.text,
            ),
          ),
      ];
    }),
    ...s.alert.escalations.map((e) =>
      fieldRow(trIn(lang, "event", "case.alertEscalated", { level: e.level }), formatDate(e.at)),
    ),
    h2("pdf.sectionInvestigation"),
    ...(s.investigationNotes.length === 0
      ? [none]
      : s.investigationNotes.flatMap((n) => [
          h3(
            `${formatDate(n.occurredOn)} – ${tr(lang, `noteKind.${n.kind}`)} (${who(n.recordedBy)})`,
          ),
          { text: n.text } as Content,
        ])),
    h2("pdf.sectionPupil"),
    ...(s.pupilViews.length === 0
      ? [none]
      : s.pupilViews.flatMap((v) => [
          h3(`${formatDate(v.heardOn)} – ${who(v.pupilId)} (${who(v.recordedBy)})`),
          { text: v.words } as Content,
          ...(v.feelsSafe === null
            ? []
            : [fieldRow(tr(lang, "page.feelsSafe"), tr(lang, v.feelsSafe ? "yes" : "no"))]),
        ])),
    ...s.bestInterest.flatMap((b) => [
      h3(`${tr(lang, "page.bestInterest")} – ${formatDate(b.recordedAt)} (${who(b.recordedBy)})`),
      { text: b.text } as Content,
    ]),
    h2("pdf.sectionPlans"),
    ...(s.planRevisions.length === 0
      ? [none]
      : s.planRevisions.flatMap((p) => [
          h3(
            `${tr(lang, "page.revision", { n: p.revision })} – ${formatDate(p.savedAt)} (${who(p.savedBy)})`,
          ),
          fieldRow(tr(lang, "pdf.problem"), p.problem),
          ...p.measures.map((m) =>
            fieldRow(
              m.description,
              `${formatDate(m.startsOn)}${m.endsOn ? ` – ${formatDate(m.endsOn)}` : ""}${m.schedule ? `, ${m.schedule}` : ""}; ${tr(lang, "pdf.responsible").toLowerCase()}: ${who(m.responsiblePersonId)}${m.keepApart.length > 0 ? `; ${tr(lang, "pdf.keepApart")}` : ""}`,
            ),
          ),
          fieldRow(tr(lang, "pdf.evaluateOn"), formatDate(p.evaluateOn)),
          ...s.planCommunications
            .filter((c) => c.revision === p.revision)
            .map((c) =>
              fieldRow(
                tr(lang, "page.communicated"),
                `${formatDate(c.communicatedOn)} (${c.to.map((x) => tr(lang, `party.${x}`)).join(", ")})`,
              ),
            ),
          ...s.planResponses
            .filter((r) => r.revision === p.revision)
            .map((r) =>
              fieldRow(
                tr(lang, "page.responses"),
                `${formatDate(r.respondedOn)} ${tr(lang, `party.${r.by}`)}: ${tr(lang, r.accepted ? "yes" : "no")}${r.comment ? ` – ${r.comment}` : ""}`,
              ),
            ),
        ])),
    h2("pdf.sectionMeasures"),
    ...(s.measureLog.length === 0 && s.evaluations.length === 0
      ? [none]
      : [
          ...s.measureLog.map((e) => {
            const measure = s.planRevisions
              .flatMap((p) => p.measures)
              .find((m) => m.id === e.measureId);
            return fieldRow(
              formatDate(e.carriedOutOn),
              `${measure?.description ?? e.measureId}${e.note ? ` – ${e.note}` : ""} (${who(e.recordedBy)})`,
            );
          }),
          ...s.evaluations.flatMap((ev) => [
            h3(
              `${tr(lang, "page.evaluation")} – ${formatDate(ev.evaluatedOn)} (${who(ev.recordedBy)})`,
            ),
            ...ev.measureEffects.map((m) => {
              const measure = s.planRevisions
                .flatMap((p) => p.measures)
                .find((x) => x.id === m.measureId);
              return fieldRow(
                measure?.description ?? m.measureId,
                `${tr(lang, `effect.${m.effect}`)}${m.comment ? ` – ${m.comment}` : ""}`,
              );
            }),
            ...(ev.summary ? [{ text: ev.summary } as Content] : []),
          ]),
        ]),
    h2("pdf.sectionTimeline"),
    {
      table: {
        headerRows: 0,
        widths: ["auto", "*", "auto"],
        body: g.events.map((e) => [
          { text: formatDate(new Date(e.at).toISOString()), style: "small" },
          { text: trIn(lang, "event", e.type, e.data as Record<string, unknown>), style: "small" },
          { text: who(e.actor_id), style: "small" },
        ]),
      },
      layout: "lightHorizontalLines",
    } as Content,
    ...(g.attachments.length > 0
      ? [
          { text: tr(lang, "pdf.attachments"), style: "h3" } as Content,
          ...g.attachments.map((a) =>
            fieldRow(
              a.file_name,
              `${formatDate(new Date(a.uploaded_at).toISOString())}, ${a.size_bytes} B, SHA-256 ${a.sha256.slice(0, 16)}…`,
            ),
          ),
        ]
      : []),
  ];
  return content;
}

export async function exportCase(
  db: Db,
  actor: Actor,
  caseId: string,
  opts: ExportOptions & { now: Date; requestId: string | null },
): Promise<{ contentType: string; fileName: string; body: Buffer | string }> {
  const g = await gather(db, caseId);
  const family = opts.copy === "family";
  const pupilId =
    family && opts.pupilId && g.state.pupils.includes(opts.pupilId)
      ? opts.pupilId
      : (g.state.pupils[0] ?? null);
  const names = family ? await familyNames(db, g, pupilId, opts.lang) : g.names;
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
      detail: { format: opts.format, copy: opts.copy, pupilId: family ? pupilId : null },
    }),
  );
  const base = `case-${caseId.slice(0, 8)}${family ? "-innsyn" : ""}`;
  if (opts.format === "json") {
    return {
      contentType: "application/json; charset=utf-8",
      fileName: `${base}.json`,
      body: JSON.stringify(caseJson(g, names, opts.now), null, 2),
    };
  }
  const pdf = await renderPdf({
    info: { title: tr(opts.lang, family ? "pdf.familyCopy" : "pdf.caseFile") },
    pageSize: "A4",
    pageMargins: [48, 56, 48, 56],
    defaultStyle: { font: "Roboto", fontSize: 10, lineHeight: 1.2 },
    styles: PDF_STYLES,
    footer: (page: number, pages: number) => ({
      text: `${page} / ${pages}`,
      alignment: "center",
      style: "small",
    }),
    content: casePdfContent(g, names, opts.lang, family, opts.now),
  });
  return { contentType: "application/pdf", fileName: `${base}.pdf`, body: pdf };
}
