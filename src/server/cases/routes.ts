// Duty-to-act case routes. Thin: parse, let the policy decide (each route names its action
// and the case or school it acts on), call the use case, present. There is no DELETE route:
// cases are kept for ever.
import type { FastifyRequest } from "fastify";
import { z } from "zod";
import type { CaseCommandType } from "../../core/cases/commands.ts";
import { LANGS } from "../../i18n/lang.ts";
import { appendAudit } from "../platform/audit.ts";
import { AppError } from "../platform/errors.ts";
import type { FeatureRoutes } from "../platform/http/app.ts";
import { ownerFromParam, schoolFromParam, self } from "../platform/http/resources.ts";
import { actorIdOf, schoolOf } from "../schools/audit-read.ts";
import { parseInput } from "../schools/input.ts";
import { acknowledgeCase } from "./acknowledge.ts";
import { addNote, noteInput } from "./add-note.ts";
import { addPupil, addPupilInput } from "./add-pupil.ts";
import { anonymousInput, fileAnonymousReport, receiptInput } from "./anonymous.ts";
import type { CommandRequest } from "./apply.ts";
import { addAttachment, attachmentInput, readAttachment } from "./attachments.ts";
import { answerCheckIn, checkInAnswerInput, myCheckIns } from "./check-in.ts";
import { closeCase, closeInput } from "./close.ts";
import { closingLetter, closingLetterCase, closingLetterQuery } from "./closing-letter.ts";
import {
  addInvolvedPupil,
  assessSeriousness,
  coveringStatementInput,
  familyInformationInput,
  immediateMeasuresInput,
  involvedPupilInput,
  notHeardInput,
  recordCoveringStatement,
  recordFamilyInformation,
  recordImmediateMeasures,
  recordPupilNotHeard,
  seriousnessInput,
} from "./duty-commands.ts";
import type { CaseDeps } from "./effects.ts";
import { evaluationInput, recordEvaluation } from "./evaluate.ts";
import { exportCase } from "./export.ts";
import { caseFileBundle } from "./export-zip.ts";
import { familyCases } from "./family-view.ts";
import { joinInput, joinReport } from "./join-report.ts";
import { listCases } from "./list-cases.ts";
import { markSerious, seriousInput } from "./mark-serious.ts";
import { myReports } from "./my-reports.ts";
import { ownerDecisionInput, recordOwnerDecision } from "./owner-decision.ts";
import { planPdf } from "./plan-pdf.ts";
import { readCase } from "./read-case.ts";
import { reclassify, reclassifyInput } from "./reclassify.ts";
import { bestInterestInput, recordBestInterest } from "./record-best-interest.ts";
import {
  communicatedInput,
  recordPlanCommunicated,
  recordPlanResponse,
  responseInput,
} from "./record-communication.ts";
import { carriedOutInput, recordMeasureCarriedOut } from "./record-measure.ts";
import { pupilViewInput, recordPupilView } from "./record-pupil-view.ts";
import { fileReport, reportInput } from "./report.ts";
import { reportContext } from "./report-context.ts";
import {
  anonymousReceipt,
  postReporterMessage,
  replyInput,
  replyToReporter,
  reporterMessageInput,
} from "./reporter-messages.ts";
import { caseFromParam, caseIdOf, reportAtSchool } from "./resources.ts";
import { planInput, savePlan } from "./save-plan.ts";
import { loadCase } from "./store.ts";
import { addTeamMember, memberInput, removeTeamMember } from "./team.ts";

const listQuery = z.object({ status: z.enum(["open", "closed"]).default("open") });
const pdfQuery = z.object({
  lang: z.enum(LANGS).default("nb"),
  pupilId: z.uuid().optional(),
});
const exportQuery = z.object({
  format: z.enum(["pdf", "json"]).default("pdf"),
  copy: z.enum(["full", "family"]).default("full"),
  pupilId: z.uuid().optional(),
  lang: z.enum(LANGS).default("nb"),
});
const attachmentParams = z.object({ caseId: z.uuid(), attachmentId: z.uuid() });
const revisionParams = z.object({ caseId: z.uuid(), revision: z.coerce.number().int().min(1) });
const memberParams = z.object({ caseId: z.uuid(), personId: z.uuid() });
const measureParams = z.object({ caseId: z.uuid(), measureId: z.string().min(1).max(100) });

export const caseRoutes: FeatureRoutes = (app, { database, clock, config, kick }) => {
  const db = database.db;
  const deps: CaseDeps = { db, clock, config, kick };

  const request = (req: FastifyRequest): CommandRequest => {
    if (!req.actor) throw new Error("route reached without an actor");
    return { actor: req.actor, caseId: caseIdOf(req), requestId: req.id, lang: req.lang };
  };
  const command = (c: CaseCommandType) => ({
    config: { access: { action: "case.command" as const, resource: caseFromParam(db, c) } },
  });
  /** Every command answers with the case as the reader now sees it. */
  const present = (req: FastifyRequest) =>
    readCase(db, req.actor as NonNullable<FastifyRequest["actor"]>, caseIdOf(req), {
      now: clock(),
      requestId: req.id,
    });

  /** A command route: parse the body, run the use case, answer with the case as now seen. */
  const commandRoute = <S extends z.ZodType>(
    url: string,
    access: ReturnType<typeof command>,
    schema: S,
    run: (deps: CaseDeps, req: CommandRequest, input: z.infer<S>) => Promise<unknown>,
  ) =>
    app.post(url, access, async (req) => {
      await run(deps, request(req), parseInput(schema, req.body, req.lang));
      return present(req);
    });

  // --- reporting -------------------------------------------------------------------------

  app.get(
    "/api/schools/:schoolId/cases/report-context",
    { config: { access: { action: "case.report", resource: reportAtSchool(db) } } },
    async (req) => {
      const r = req.resource;
      if (r?.type !== "caseReport") throw new Error("no report resource");
      return reportContext(db, req.actor as NonNullable<FastifyRequest["actor"]>, r.schoolId);
    },
  );

  app.post(
    "/api/schools/:schoolId/cases",
    { config: { access: { action: "case.report", resource: reportAtSchool(db) } } },
    async (req, reply) => {
      const r = req.resource;
      if (r?.type !== "caseReport") throw new Error("no report resource");
      const input = parseInput(reportInput, req.body, req.lang);
      const receipt = await fileReport(
        deps,
        {
          actor: req.actor as NonNullable<FastifyRequest["actor"]>,
          schoolId: r.schoolId,
          ownerId: r.ownerId,
          requestId: req.id,
          lang: req.lang,
        },
        input,
      );
      return reply.status(201).send(receipt);
    },
  );

  app.get(
    "/api/cases/mine",
    { config: { access: { action: "case.ownReports", resource: self } } },
    async (req) => myReports(db, actorIdOf(req)),
  );

  // "Mine meldinger": the cases about the caller or the caller's child, family version.
  app.get(
    "/api/me/cases",
    { config: { access: { action: "case.familyView", resource: self } } },
    async (req) =>
      familyCases(db, req.actor as NonNullable<FastifyRequest["actor"]>, {
        now: clock(),
        requestId: req.id,
        lang: req.lang,
      }),
  );

  // A pupil's own check-ins at their plan's evaluation date (ADR 0117): scoped to the caller.
  app.get(
    "/api/me/check-ins",
    { config: { access: { action: "checkIn.own", resource: self } } },
    async (req) =>
      myCheckIns(deps, req.actor as NonNullable<FastifyRequest["actor"]>, { requestId: req.id }),
  );

  app.post(
    "/api/me/check-ins/:checkInId/answer",
    { config: { access: { action: "checkIn.own", resource: self } } },
    async (req) => {
      const params = parseInput(z.object({ checkInId: z.uuid() }), req.params, req.lang);
      return answerCheckIn(
        deps,
        {
          actor: req.actor as NonNullable<FastifyRequest["actor"]>,
          checkInId: params.checkInId,
          requestId: req.id,
          lang: req.lang,
        },
        parseInput(checkInAnswerInput, req.body, req.lang),
      );
    },
  );

  // --- lists -----------------------------------------------------------------------------

  app.get(
    "/api/schools/:schoolId/cases",
    { config: { access: { action: "case.list", resource: schoolFromParam(db) } } },
    async (req) => {
      const q = parseInput(listQuery, req.query, req.lang);
      return listCases(
        db,
        req.actor as NonNullable<FastifyRequest["actor"]>,
        { schoolId: schoolOf(req).schoolId },
        {
          closed: q.status === "closed",
          now: clock(),
          requestId: req.id,
        },
      );
    },
  );

  app.get(
    "/api/owners/:ownerId/cases",
    { config: { access: { action: "case.list", resource: ownerFromParam(db) } } },
    async (req) => {
      const q = parseInput(listQuery, req.query, req.lang);
      const r = req.resource;
      if (r?.type !== "owner") throw new Error("no owner resource");
      return listCases(
        db,
        req.actor as NonNullable<FastifyRequest["actor"]>,
        { ownerId: r.ownerId },
        {
          closed: q.status === "closed",
          now: clock(),
          requestId: req.id,
        },
      );
    },
  );

  // --- one case --------------------------------------------------------------------------

  app.get(
    "/api/cases/:caseId",
    { config: { access: { action: "case.read", resource: caseFromParam(db) } } },
    async (req) => present(req),
  );

  app.post("/api/cases/:caseId/acknowledge", command("acknowledge"), async (req) => {
    await acknowledgeCase(deps, request(req));
    return present(req);
  });

  commandRoute("/api/cases/:caseId/notes", command("addInvestigationNote"), noteInput, addNote);

  commandRoute(
    "/api/cases/:caseId/pupil-views",
    command("recordPupilView"),
    pupilViewInput,
    recordPupilView,
  );

  commandRoute(
    "/api/cases/:caseId/best-interest",
    command("recordBestInterest"),
    bestInterestInput,
    recordBestInterest,
  );

  commandRoute(
    "/api/cases/:caseId/pupils-not-heard",
    command("recordPupilNotHeard"),
    notHeardInput,
    recordPupilNotHeard,
  );

  commandRoute(
    "/api/cases/:caseId/involved-pupils",
    command("addInvolvedPupil"),
    involvedPupilInput,
    addInvolvedPupil,
  );

  commandRoute(
    "/api/cases/:caseId/seriousness",
    command("assessSeriousness"),
    seriousnessInput,
    assessSeriousness,
  );

  commandRoute(
    "/api/cases/:caseId/immediate-measures",
    command("recordImmediateMeasures"),
    immediateMeasuresInput,
    recordImmediateMeasures,
  );

  // Guardians told that a case exists, or an adult pupil's choice; the body names which, so
  // the resource names the command it asks for.
  app.post(
    "/api/cases/:caseId/family-information",
    {
      config: {
        access: {
          action: "case.command",
          resource: (req: FastifyRequest) =>
            caseFromParam(
              db,
              (req.body as { type?: unknown } | undefined)?.type === "adultPupilChoice"
                ? "recordAdultPupilChoice"
                : "recordGuardiansInformed",
            )(req),
        },
      },
    },
    async (req) => {
      await recordFamilyInformation(
        deps,
        request(req),
        parseInput(familyInformationInput, req.body, req.lang),
      );
      return present(req);
    },
  );

  // Accepted on a closed case too: the statement is written about the case after the fact.
  commandRoute(
    "/api/cases/:caseId/covering-statements",
    command("recordCoveringStatement"),
    coveringStatementInput,
    recordCoveringStatement,
  );

  commandRoute("/api/cases/:caseId/pupils", command("addPupil"), addPupilInput, addPupil);

  commandRoute("/api/cases/:caseId/plan", command("savePlan"), planInput, savePlan);

  commandRoute(
    "/api/cases/:caseId/plan/communicated",
    command("recordPlanCommunicated"),
    communicatedInput,
    recordPlanCommunicated,
  );

  commandRoute(
    "/api/cases/:caseId/plan/responses",
    command("recordPlanResponse"),
    responseInput,
    recordPlanResponse,
  );

  app.post(
    "/api/cases/:caseId/measures/:measureId/carried-out",
    command("recordMeasureCarriedOut"),
    async (req) => {
      const { measureId } = parseInput(measureParams, req.params, req.lang);
      await recordMeasureCarriedOut(
        deps,
        request(req),
        measureId,
        parseInput(carriedOutInput, req.body, req.lang),
      );
      return present(req);
    },
  );

  commandRoute(
    "/api/cases/:caseId/evaluations",
    command("recordEvaluation"),
    evaluationInput,
    recordEvaluation,
  );

  commandRoute("/api/cases/:caseId/serious", command("markSerious"), seriousInput, markSerious);

  // The two §12-5 decisions differ in who may make them (only the principal may judge a
  // report unfounded), so the resource names the command the body asks for.
  app.post(
    "/api/cases/:caseId/owner-decision",
    {
      config: {
        access: {
          action: "case.command",
          resource: (req: FastifyRequest) =>
            caseFromParam(
              db,
              (req.body as { decision?: unknown } | undefined)?.decision === "obviouslyUnfounded"
                ? "recordObviouslyUnfounded"
                : "notifyOwner",
            )(req),
        },
      },
    },
    async (req) => {
      await recordOwnerDecision(
        deps,
        request(req),
        parseInput(ownerDecisionInput, req.body, req.lang),
      );
      return present(req);
    },
  );

  commandRoute("/api/cases/:caseId/team", command("addTeamMember"), memberInput, addTeamMember);

  app.post("/api/cases/:caseId/team/:personId/remove", command("removeTeamMember"), async (req) => {
    const { personId } = parseInput(memberParams, req.params, req.lang);
    await removeTeamMember(deps, request(req), personId);
    return present(req);
  });

  app.post("/api/cases/:caseId/join", command("joinInto"), async (req) => {
    const input = parseInput(joinInput, req.body, req.lang);
    const target = await joinReport(deps, request(req), input);
    return { caseId: target.id };
  });

  commandRoute("/api/cases/:caseId/reclassify", command("reclassify"), reclassifyInput, reclassify);

  // Answer an anonymous reporter (they read it with their receipt code).
  commandRoute(
    "/api/cases/:caseId/reporter-messages",
    command("replyToReporter"),
    replyInput,
    replyToReporter,
  );

  commandRoute("/api/cases/:caseId/close", command("close"), closeInput, closeCase);

  // --- documents ---------------------------------------------------------------------------

  app.post(
    "/api/cases/:caseId/attachments",
    { config: { access: { action: "case.attach", resource: caseFromParam(db) } } },
    async (req, reply) => {
      const input = parseInput(attachmentInput, req.body, req.lang);
      const { actor, caseId, requestId, lang } = request(req);
      const created = await addAttachment(
        db,
        {
          actor: actor as NonNullable<FastifyRequest["actor"]>,
          caseId,
          requestId,
          lang,
          now: clock(),
        },
        input,
      );
      return reply.status(201).send(created);
    },
  );

  app.get(
    "/api/cases/:caseId/attachments/:attachmentId",
    { config: { access: { action: "case.read", resource: caseFromParam(db) } } },
    async (req, reply) => {
      const { caseId, attachmentId } = parseInput(attachmentParams, req.params, req.lang);
      const row = await readAttachment(
        db,
        {
          actor: req.actor as NonNullable<FastifyRequest["actor"]>,
          caseId,
          requestId: req.id,
          now: clock(),
        },
        attachmentId,
      );
      return reply
        .header("content-type", row.media_type)
        .header(
          "content-disposition",
          `attachment; filename*=UTF-8''${encodeURIComponent(row.file_name)}`,
        )
        .header("x-content-type-options", "nosniff")
        .send(row.content);
    },
  );

  // The plan for the family, in bokmål or nynorsk: anyone who may read the case may print it.
  app.get(
    "/api/cases/:caseId/plan/:revision/pdf",
    { config: { access: { action: "case.read", resource: caseFromParam(db) } } },
    async (req, reply) => {
      const { caseId, revision } = parseInput(revisionParams, req.params, req.lang);
      const q = parseInput(pdfQuery, req.query, req.lang);
      const stored = await loadCase(db, caseId);
      if (!stored) throw new Error("case vanished");
      const { pdf } = await planPdf(db, stored.state, {
        revision,
        lang: q.lang,
        pupilId: q.pupilId ?? null,
      });
      await db.transaction().execute((tx) =>
        appendAudit(tx, {
          at: clock(),
          actorId: actorIdOf(req),
          requestId: req.id,
          action: "case.planPdf",
          resourceType: "case",
          resourceId: caseId,
          schoolId: stored.state.schoolId,
          ownerId: stored.state.ownerId,
          restricted: stored.state.kind === "leadership-violation",
          detail: { revision, lang: q.lang },
        }),
      );
      return reply
        .header("content-type", "application/pdf")
        .header(
          "content-disposition",
          `inline; filename="aktivitetsplan-${revision}-${q.lang}.pdf"`,
        )
        .send(pdf);
    },
  );

  // The closing letter to one pupil's family: who may export the family copy may print it;
  // anyone else gets the 404 of an unknown case.
  app.get(
    "/api/cases/:caseId/closing-letter.pdf",
    { config: { access: { action: "case.export", resource: closingLetterCase(db) } } },
    async (req, reply) => {
      const q = parseInput(closingLetterQuery, req.query, req.lang);
      const out = await closingLetter(
        db,
        req.actor as NonNullable<FastifyRequest["actor"]>,
        caseIdOf(req),
        { pupilId: q.pupilId ?? null, lang: q.lang, now: clock(), requestId: req.id },
      );
      return reply
        .header("content-type", "application/pdf")
        .header("content-disposition", `inline; filename="${out.fileName}"`)
        .send(out.pdf);
    },
  );

  app.get(
    "/api/cases/:caseId/export",
    { config: { access: { action: "case.export", resource: caseFromParam(db) } } },
    async (req, reply) => {
      const q = parseInput(exportQuery, req.query, req.lang);
      const out = await exportCase(
        db,
        req.actor as NonNullable<FastifyRequest["actor"]>,
        caseIdOf(req),
        {
          format: q.format,
          copy: q.copy,
          pupilId: q.pupilId ?? null,
          lang: q.lang,
          now: clock(),
          requestId: req.id,
        },
      );
      return reply
        .header("content-type", out.contentType)
        .header("content-disposition", `attachment; filename="${out.fileName}"`)
        .send(out.body);
    },
  );

  // The bundle for Statsforvalteren (export-zip.ts): the full case file's access.
  app.get(
    "/api/cases/:caseId/export.zip",
    { config: { access: { action: "case.export", resource: caseFromParam(db) } } },
    async (req, reply) => {
      const q = parseInput(pdfQuery.pick({ lang: true }), req.query, req.lang);
      const out = await caseFileBundle(
        db,
        req.actor as NonNullable<FastifyRequest["actor"]>,
        caseIdOf(req),
        { lang: q.lang, now: clock(), requestId: req.id },
      );
      return reply
        .header("content-type", "application/zip")
        .header("content-disposition", `attachment; filename="${out.fileName}"`)
        .send(out.body);
    },
  );

  // --- "si ifra" without a name (public: no identity is stored) ------------------------------
  // These routes do not log requests (`logLevel: "silent"`): an access-log line would keep
  // the pupil's address beside the time they wrote. The rate limiter's counters live in
  // memory only.

  app.get(
    "/api/public/schools",
    { config: { access: { public: true }, rateLimit: { max: 60, timeWindow: "1 minute" } } },
    async () => {
      const rows = await db.selectFrom("school").select(["id", "name"]).execute();
      const collator = new Intl.Collator("nb");
      return { schools: rows.sort((a, b) => collator.compare(a.name, b.name)) };
    },
  );

  app.post(
    "/api/public/schools/:schoolId/si-ifra",
    {
      logLevel: "silent",
      config: { access: { public: true }, rateLimit: { max: 5, timeWindow: "10 minutes" } },
    },
    async (req, reply) => {
      const school = await schoolFromParam(db)(req);
      if (school.type !== "school") throw new Error("no school");
      const input = parseInput(anonymousInput, req.body, req.lang);
      const receipt = await fileAnonymousReport(
        deps,
        { schoolId: school.schoolId, ownerId: school.ownerId, lang: req.lang },
        input,
      );
      return reply.status(201).send(receipt);
    },
  );

  // POST, so the code never lands in a URL, a history or an access log.
  app.post(
    "/api/public/receipts",
    {
      logLevel: "silent",
      config: { access: { public: true }, rateLimit: { max: 10, timeWindow: "1 minute" } },
    },
    async (req) => {
      const { code } = parseInput(receiptInput, req.body, req.lang);
      const receipt = await anonymousReceipt(deps, code);
      if (!receipt) throw new AppError(404, "notFound");
      return receipt;
    },
  );

  // The code holder writes back to the school; answers with the receipt and conversation.
  app.post(
    "/api/public/receipts/messages",
    {
      logLevel: "silent",
      config: { access: { public: true }, rateLimit: { max: 5, timeWindow: "10 minutes" } },
    },
    async (req, reply) => {
      const input = parseInput(reporterMessageInput, req.body, req.lang);
      const receipt = await postReporterMessage(deps, input, req.lang);
      if (!receipt) throw new AppError(404, "notFound");
      return reply.status(201).send(receipt);
    },
  );
};
