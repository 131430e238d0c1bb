// The case file as one document (src/contract/case-file.ts): gathered from the stored case,
// its reports, timeline and attachments, and shaped for the full copy (Statsforvalteren) or
// the family copy (innsyn). The PDF is drawn from this same document, so the two can never
// show different things, and the family copy is redacted in one place:
// - people are refs into `people`; in the family copy a ref is an alias, never an id, and
//   every other pupil is `otherPupil` (a guardian of another pupil `otherGuardian`);
// - ids that are neither a person nor something in this file (the school, the owner, another
//   case) are left out of the family copy;
// - free text has every known name of another pupil replaced (src/core/cases/redact.ts);
// - the anonymous reporter's receipt hash is in neither copy, and the conversation with an
//   anonymous reporter is only in the full copy.

import { CASE_FILE_SCHEMA_ID, CASE_FILE_VERSION, type CaseFile } from "../../contract/case-file.ts";
import { latestView } from "../../core/cases/duty-rules.ts";
import { alertLevels } from "../../core/cases/escalation.ts";
import { compileRedaction, type PersonNames, redactionRule } from "../../core/cases/redact.ts";
import type { CaseState } from "../../core/cases/types.ts";
import { PLACES, TIMES_OF_DAY } from "../../core/surveys/where-when/where-when.ts";
import { complaintRightText } from "../../i18n/complaint-text.ts";
import type { Lang } from "../../i18n/lang.ts";
import type { Db } from "../platform/db/database.ts";
import { notFound } from "../platform/errors.ts";
import { complaintFor } from "./family-complaint.ts";
import { tr } from "./pdf.ts";
import { mentionedIds } from "./read-case.ts";
import { caseEvents, loadCase, type ReportDetails, reportRows } from "./store.ts";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function gatherCase(db: Db, caseId: string) {
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
  const ids = [
    ...mentionedIds(
      state,
      reports.map((r) => [r.reporter_id, r.details]),
      events.map((e) => [e.actor_id, e.data]),
      attachments.map((a) => a.uploaded_by),
    ),
  ];
  const people =
    ids.length === 0
      ? []
      : await db
          .selectFrom("person")
          .select(["id", "given_name", "family_name"])
          .where("id", "in", ids)
          .execute();
  return { state, reports, events, attachments, schoolName: school?.name ?? "", people };
}

export type GatheredCase = Awaited<ReturnType<typeof gatherCase>>;

export interface CaseFileOptions {
  copy: "full" | "family";
  /** The family's own pupil (family copy only). */
  pupilId: string | null;
  lang: Lang;
  now: Date;
}

/**
 * Who a family copy must not see: every other pupil (named by the case, its reports or the
 * register), and a guardian who reported and is not the own pupil's. Staff stay named.
 */
async function hiddenPeople(db: Db, g: GatheredCase, pupilId: string | null) {
  const ids = g.people.map((p) => p.id);
  const pupils = new Set<string>([
    ...g.state.pupils,
    ...g.state.involvedPupils.map((ip) => ip.pupilId),
  ]);
  const guardians = new Set<string>();
  if (ids.length > 0) {
    const rows = await db
      .selectFrom("role_assignment")
      .select("person_id")
      .where("person_id", "in", ids)
      .where("role", "=", "pupil")
      .execute();
    for (const r of rows) pupils.add(r.person_id);
  }
  for (const r of g.reports) {
    for (const p of (r.details as ReportDetails).involvedPupilIds ?? []) pupils.add(p);
    if (r.reporter_id && r.reporter_capacity === "pupil") pupils.add(r.reporter_id);
    if (r.reporter_id && r.reporter_capacity === "guardian") guardians.add(r.reporter_id);
  }
  const ownGuardians = new Set(
    pupilId && guardians.size > 0
      ? (
          await db
            .selectFrom("guardianship")
            .select("guardian_id")
            .where("pupil_id", "=", pupilId)
            .where("guardian_id", "in", [...guardians])
            .execute()
        ).map((r) => r.guardian_id)
      : [],
  );
  if (pupilId) pupils.delete(pupilId);
  for (const id of ownGuardians) guardians.delete(id);
  return { pupils, guardians };
}

async function familyComplaint(db: Db, s: CaseState, lang: Lang) {
  const info = await complaintFor(db, s.ownerId, s.learnedOn);
  return {
    firstComplaintOn: info.firstComplaintOn,
    office: { ...info.office },
    text: complaintRightText(lang, info.office, info.firstComplaintOn, info.raisedOn).text,
  };
}

export async function buildCaseFile(
  db: Db,
  g: GatheredCase,
  opts: CaseFileOptions,
): Promise<CaseFile> {
  const s: CaseState = g.state;
  const family = opts.copy === "family";
  const lang = opts.lang;
  const byId = new Map(g.people.map((p) => [p.id, p]));
  const fullName = (p: { given_name: string; family_name: string }) =>
    `${p.given_name} ${p.family_name}`;

  const people: Record<string, string> = {
    system: tr(lang, "page.system"),
    anonymous: tr(lang, "page.anonymous"),
  };
  let ref: (id: string) => string;
  let redact: (text: string) => string = (t) => t;
  /** May this copy show what this pupil said, and the pupil's family's details? */
  let ownOrFull: (pupilId: string) => boolean = () => true;
  if (!family) {
    for (const p of g.people) people[p.id] = fullName(p);
    ref = (id) => id;
  } else {
    const hidden = await hiddenPeople(db, g, opts.pupilId);
    // Another pupil's own words, reasons and family are theirs: not in this family's copy.
    ownOrFull = (id) => !hidden.pupils.has(id);
    const asNames = (id: string): PersonNames[] => {
      const p = byId.get(id);
      return p ? [{ givenName: p.given_name, familyName: p.family_name }] : [];
    };
    const rule = redactionRule(
      opts.pupilId ? asNames(opts.pupilId) : [],
      [...hidden.pupils, ...hidden.guardians].flatMap(asNames),
      tr(lang, "pdf.otherPupilInText"),
    );
    // A staff member's full name stays whole ("Emil Hansen" the teacher is not "[annen
    // elev] Hansen" because a pupil is called Emil), unless a hidden pupil has the same one.
    const hiddenTerms = new Set(rule.hide.map((n) => n.toLocaleLowerCase("nb")));
    const visibleFullNames = g.people
      .filter((p) => !hidden.pupils.has(p.id) && !hidden.guardians.has(p.id))
      .map(fullName)
      .filter((n) => !hiddenTerms.has(n.toLocaleLowerCase("nb")));
    redact = compileRedaction({ ...rule, keep: [...rule.keep, ...visibleFullNames] });
    const aliases = new Map<string, string>();
    ref = (id) => {
      if (id === "system" || id === "anonymous") return id;
      if (hidden.pupils.has(id)) {
        people.otherPupil = tr(lang, "pdf.otherPupil");
        return "otherPupil";
      }
      if (hidden.guardians.has(id)) {
        people.otherGuardian = tr(lang, "pdf.otherGuardian");
        return "otherGuardian";
      }
      const known = aliases.get(id);
      if (known) return known;
      const p = byId.get(id);
      const alias = id === opts.pupilId ? "pupil" : p ? `person-${aliases.size + 1}` : "unknown";
      aliases.set(id, alias);
      people[alias] = p ? fullName(p) : "?";
      return alias;
    };
  }
  const refOrNull = (id: string | null | undefined) => (id ? ref(id) : null);
  const text = (t: string) => redact(t);
  const textOrNull = (t: string | null | undefined) => (t ? redact(t) : null);

  const measures = new Map(s.planRevisions.flatMap((p) => p.measures.map((m) => [m.id, m])));
  const measureName = (id: string) => text(measures.get(id)?.description ?? id);

  // Who was alerted, by role: level 0 when the case was reported, then each escalation. The
  // levels follow the kind the case had when it was reported.
  const kindAtReport = s.kindChanges[0]?.from ?? s.kind;
  const levels = alertLevels(kindAtReport);
  const alerts = [
    { level: 0, at: s.reportedAt },
    ...s.alert.escalations.map((e) => ({ level: e.level, at: e.at })),
  ].map((a) => ({ ...a, roles: (levels[a.level] ?? []).map((t) => t.role as string) }));

  const reportedEvent = g.events.find((e) => e.type === "case.reported");
  const statusChanges: CaseFile["statusChanges"] = [
    {
      at: s.reportedAt,
      from: null,
      to: "reported",
      by: refOrNull(reportedEvent?.actor_id),
    },
    ...g.events
      .filter((e) => e.type === "case.statusChanged")
      .map((e) => {
        const d = e.data as { from?: CaseState["status"]; to?: CaseState["status"] };
        return {
          at: new Date(e.at).toISOString(),
          from: d.from ?? null,
          to: d.to ?? s.status,
          by: refOrNull(e.actor_id),
        };
      }),
  ];

  // Ids of things in this file may stay in the family copy's timeline; other ids may not.
  const itemIds = new Set<string>([
    s.id,
    ...s.reports.map((r) => r.id),
    ...s.investigationNotes.map((n) => n.id),
    ...s.pupilViews.map((v) => v.id),
    ...s.bestInterest.map((b) => b.id),
    ...measures.keys(),
    ...s.measureLog.map((m) => m.id),
    ...s.evaluations.map((e) => e.id),
    ...s.reporterMessages.map((m) => m.id),
    ...s.coveringStatements.map((cs) => cs.id),
    ...s.pupilsNotHeard.map((n) => n.id),
    ...s.immediateMeasures.map((m) => m.id),
    ...s.familyInformation.map((f) => f.id),
    ...g.attachments.map((a) => a.id),
  ]);
  const eventData = (raw: unknown) => {
    const out: Record<string, string | number | boolean | null> = {};
    for (const [k, v] of Object.entries((raw ?? {}) as Record<string, unknown>)) {
      const value =
        v === null || typeof v === "number" || typeof v === "boolean" || typeof v === "string"
          ? v
          : JSON.stringify(v);
      if (family && typeof value === "string" && UUID.test(value)) {
        out[k] = byId.has(value) ? ref(value) : itemIds.has(value) ? value : null;
      } else {
        out[k] = value;
      }
    }
    return out;
  };

  const c = s.closure;
  const closure: CaseFile["case"]["closure"] =
    s.closedAt && c
      ? {
          at: s.closedAt,
          by: refOrNull(s.closedBy),
          type: c.type,
          text:
            c.type === "reason" || c.type === "other"
              ? text(c.reason)
              : c.type === "pupilLeftSchool"
                ? text(c.note)
                : c.type === "noCaseToAnswer"
                  ? text(c.findings)
                  : null,
          pupils: c.type === "pupilLeftSchool" ? c.pupilIds.map(ref) : [],
          intoCaseId: c.type === "joined" && !family ? c.intoCaseId : null,
          confirmedBy: c.type === "other" ? ref(c.confirmedBy) : null,
        }
      : null;

  const pupilViews = s.pupilViews
    .filter((v) => ownOrFull(v.pupilId))
    .map((v) => ({
      id: v.id,
      pupil: ref(v.pupilId),
      heardOn: v.heardOn,
      words: text(v.words),
      feelsSafe: v.feelsSafe,
      source: v.source,
      checkInAnswer: v.checkInAnswer ?? null,
      recordedAt: v.recordedAt,
      recordedBy: ref(v.recordedBy),
    }));
  const bestInterest = s.bestInterest.map((b) => ({
    id: b.id,
    text: text(b.text),
    recordedAt: b.recordedAt,
    recordedBy: ref(b.recordedBy),
  }));
  // The head: each pupil of the case with their latest view (or why they were not heard).
  const headPupils = s.pupils.filter(ownOrFull).map((id) => {
    const view = latestView(s, id);
    const notHeard = [...s.pupilsNotHeard].reverse().find((n) => n.pupilId === id);
    return {
      pupil: ref(id),
      latestView: view ? (pupilViews.find((v) => v.id === view.id) ?? null) : null,
      notHeard: notHeard
        ? {
            reason: text(notHeard.reason),
            recordedAt: notHeard.recordedAt,
            recordedBy: ref(notHeard.recordedBy),
          }
        : null,
    };
  });

  return {
    $schema: CASE_FILE_SCHEMA_ID,
    format: "trygg.caseFile",
    version: CASE_FILE_VERSION,
    copy: opts.copy,
    language: lang,
    exportedAt: opts.now.toISOString(),
    school: { id: family ? null : s.schoolId, name: g.schoolName },
    people,
    // The family copy tells the family where to go next (§12-6), from the one rule.
    complaintRight: family ? await familyComplaint(db, s, lang) : null,
    head: {
      closure,
      pupils: headPupils,
      latestBestInterest: bestInterest[bestInterest.length - 1] ?? null,
    },
    coveringStatements: s.coveringStatements.map((cs) => ({
      id: cs.id,
      text: text(cs.text),
      recordedAt: cs.recordedAt,
      recordedBy: ref(cs.recordedBy),
    })),
    case: {
      id: s.id,
      kind: s.kind,
      status: s.status,
      pupils: s.pupils.map(ref),
      reportedAt: s.reportedAt,
      learnedOn: s.learnedOn,
      planDueOn: s.planDueOn,
      acknowledgeBy: s.acknowledgeBy,
      acknowledgedAt: s.acknowledgedAt,
      acknowledgedBy: refOrNull(s.acknowledgedBy),
      investigateBy: s.investigateBy,
      seriousness: s.seriousness
        ? {
            serious: s.seriousness.serious,
            reason: textOrNull(s.seriousness.reason),
            at: s.seriousness.at,
            by: ref(s.seriousness.by),
          }
        : null,
      immediateMeasuresDueOn: s.immediateMeasuresDueOn,
      familyInformedBy: s.familyInformedBy,
      escalatedToOwnerAt: s.escalatedToOwnerAt,
      serious: s.serious
        ? { at: s.serious.at, by: ref(s.serious.by), reason: text(s.serious.reason) }
        : null,
      staffViolationDecisions: s.staffViolationDecisions.map((d) => ({
        type: d.type,
        at: d.at,
        by: ref(d.by),
        reason: d.type === "obviouslyUnfounded" ? text(d.reason) : null,
      })),
      kindChanges: s.kindChanges.map((k) => ({
        from: k.from,
        to: k.to,
        reason: text(k.reason),
        at: k.at,
        by: ref(k.by),
      })),
      closure,
    },
    alerts,
    statusChanges,
    reports: s.reports.map((r) => {
      const row = g.reports.find((x) => x.id === r.id);
      const d = (row?.details ?? {}) as ReportDetails;
      return {
        id: r.id,
        kind: r.kind,
        reporter:
          r.reporter.type === "person"
            ? { anonymous: false, ref: ref(r.reporter.personId), capacity: r.reporter.capacity }
            : { anonymous: true, ref: null, capacity: null },
        pupils: r.pupils.map(ref),
        description: text(r.description),
        toldAt: r.toldAt,
        channel: r.channel,
        reportedAt: r.reportedAt,
        learnedOn: r.learnedOn,
        acknowledgedAt: r.acknowledgedAt,
        occurredOn: d.occurredOn ?? null,
        place: textOrNull(d.place),
        placeKind: oneOfOrNull(d.placeKind, PLACES),
        timeOfDay: oneOfOrNull(d.timeOfDay, TIMES_OF_DAY),
        involvedPupils: (d.involvedPupilIds ?? []).map(ref),
        involvedStaff: (d.involvedStaffIds ?? []).map(ref),
        others: textOrNull(d.others),
        pupilSaidUnsafe: d.pupilSaidUnsafe ?? null,
        intervention: d.intervened ? text(d.intervention ?? "") : null,
        // The conversation with an anonymous reporter stays out of the family copy: the
        // reporter may be another pupil, and their own words could tell who they are.
        messages: s.reporterMessages
          .filter((m) => m.reportId === r.id && !family)
          .map((m) => ({ at: m.at, from: m.from, by: refOrNull(m.by), text: text(m.text) })),
      };
    }),
    immediateMeasures: s.immediateMeasures.map((m) => ({
      id: m.id,
      text: text(m.text),
      at: m.at,
      by: ref(m.by),
    })),
    familyInformation: s.familyInformation
      .filter((f) => ownOrFull(f.pupilId))
      .map((f) => ({
        id: f.id,
        type: f.type,
        pupil: ref(f.pupilId),
        on: f.type === "guardiansInformed" ? f.informedOn : f.decidedOn,
        channel: f.type === "guardiansInformed" ? f.channel : null,
        informedBy: f.type === "guardiansInformed" ? ref(f.informedBy) : null,
        familyMayBeTold: f.type === "adultPupilChoice" ? f.familyMayBeTold : null,
        recordedAt: f.recordedAt,
        recordedBy: ref(f.recordedBy),
      })),
    involvedPupils: s.involvedPupils.map((ip) => ({
      pupil: ref(ip.pupilId),
      role: ip.role,
      addedAt: ip.addedAt,
      addedBy: ref(ip.addedBy),
    })),
    investigationNotes: s.investigationNotes.map((n) => ({
      id: n.id,
      kind: n.kind,
      occurredOn: n.occurredOn,
      text: text(n.text),
      recordedAt: n.recordedAt,
      recordedBy: ref(n.recordedBy),
    })),
    pupilViews,
    pupilsNotHeard: s.pupilsNotHeard
      .filter((n) => ownOrFull(n.pupilId))
      .map((n) => ({
        id: n.id,
        pupil: ref(n.pupilId),
        reason: text(n.reason),
        recordedAt: n.recordedAt,
        recordedBy: ref(n.recordedBy),
      })),
    bestInterest,
    plans: s.planRevisions.map((p) => ({
      revision: p.revision,
      problem: text(p.problem),
      measures: p.measures.map((m) => ({
        id: m.id,
        what: text(m.description),
        when: { startsOn: m.startsOn, endsOn: m.endsOn, schedule: textOrNull(m.schedule) },
        who: ref(m.responsiblePersonId),
        keepApart: m.keepApart.map(([a, b]) => [ref(a), ref(b)] as [string, string]),
      })),
      evaluateOn: p.evaluateOn,
      communicateBy: p.communicateBy,
      savedAt: p.savedAt,
      savedBy: ref(p.savedBy),
      communications: s.planCommunications
        .filter((c) => c.revision === p.revision)
        .map((c) => ({
          communicatedOn: c.communicatedOn,
          to: [...c.to],
          recordedAt: c.recordedAt,
          recordedBy: ref(c.recordedBy),
        })),
      responses: s.planResponses
        .filter((r) => r.revision === p.revision)
        .map((r) => ({
          respondedOn: r.respondedOn,
          by: r.by,
          accepted: r.accepted,
          comment: textOrNull(r.comment),
          recordedAt: r.recordedAt,
          recordedBy: ref(r.recordedBy),
        })),
    })),
    measureLog: s.measureLog.map((e) => ({
      id: e.id,
      measureId: e.measureId,
      what: measureName(e.measureId),
      when: e.carriedOutOn,
      who: ref(e.recordedBy),
      note: textOrNull(e.note),
      recordedAt: e.recordedAt,
    })),
    evaluations: s.evaluations.map((ev) => ({
      id: ev.id,
      revision: ev.revision,
      evaluatedOn: ev.evaluatedOn,
      effects: ev.measureEffects.map((m) => ({
        measureId: m.measureId,
        what: measureName(m.measureId),
        effect: m.effect,
        comment: textOrNull(m.comment),
      })),
      summary: textOrNull(ev.summary),
      earlyReason: textOrNull(ev.earlyReason),
      bestInterestId: ev.bestInterestId,
      decideBy: ev.decideBy,
      recordedAt: ev.recordedAt,
      recordedBy: ref(ev.recordedBy),
    })),
    timeline: g.events.map((e) => ({
      seq: Number(e.seq),
      type: e.type,
      at: new Date(e.at).toISOString(),
      actor: refOrNull(e.actor_id),
      data: eventData(e.data),
    })),
    attachments: g.attachments.map((a) => ({
      id: a.id,
      fileName: text(a.file_name),
      mediaType: a.media_type,
      sizeBytes: Number(a.size_bytes),
      sha256: a.sha256,
      uploadedAt: new Date(a.uploaded_at).toISOString(),
      uploadedBy: ref(a.uploaded_by),
    })),
  };
}

/** A value from a fixed list, or null (old reports, or a value no longer on the list). */
function oneOfOrNull<T extends string>(value: unknown, list: readonly T[]): T | null {
  return typeof value === "string" && (list as readonly string[]).includes(value)
    ? (value as T)
    : null;
}
