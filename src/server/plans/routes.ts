// Action-plan routes. Thin: parse, let the policy decide (each route names its action and
// the school, task or evaluation round it acts on), call the use case, present.
import type { FastifyRequest } from "fastify";
import { z } from "zod";
import type { Action } from "../../core/access/policy.ts";
import { isLang, type Lang } from "../../i18n/lang.ts";
import { AppError, notFound } from "../platform/errors.ts";
import type { FeatureRoutes } from "../platform/http/app.ts";
import { schoolFromParam, self } from "../platform/http/resources.ts";
import { actorIdOf, auditRead, schoolOf } from "../schools/audit-read.ts";
import { parseInput } from "../schools/input.ts";
import { deleteFeed, feedStatus, personalFeed, rotateFeed, schoolFeed } from "./calendar-feed.ts";
import {
  completeInput,
  completeTask,
  reopenTask,
  taskFromParam,
  taskIdOf,
} from "./complete-task.ts";
import { type PlanCommand, todayOf } from "./context.ts";
import { createPlan, createPlanInput } from "./create-plan.ts";
import {
  dutyFromParam,
  dutyIdOf,
  dutyRecordInput,
  myDuties,
  readDutyRecords,
  recordDuty,
} from "./daily-duties.ts";
import { discardDraft } from "./discard-draft.ts";
import { activityInput, contentInput, editPlan, newActivityInput } from "./edit-plan.ts";
import {
  evaluationFromParam,
  inputInput,
  myEvaluation,
  readEvaluation,
  recordEvaluation,
  recordInput,
  startEvaluation,
  startInput,
  submitInput,
} from "./evaluation.ts";
import {
  informationInput,
  listInformationRecords,
  recordInformation,
} from "./information-records.ts";
import { listPlans } from "./list-plans.ts";
import { listMeetings, meetingInput, saveMeeting } from "./meetings.ts";
import { myTasks } from "./my-tasks.ts";
import { readOverview } from "./overview.ts";
import { renderPlanPdf } from "./pdf.ts";
import { presentPlan } from "./present.ts";
import { renderNotFoundHtml, renderPublicPlanHtml } from "./public-html.ts";
import { findPublicPlan } from "./public-plan.ts";
import { publishPlan } from "./publish-plan.ts";
import { readYearWheel } from "./read-year-wheel.ts";
import { confirmRoutine, listConfirmations, myConfirmation } from "./routine-confirmations.ts";
import { revisePlan } from "./start-revision.ts";
import { loadPlan } from "./store.ts";
import { listTemplates } from "./templates.ts";

const publicParams = z.object({ schoolId: z.uuid() });
const langQuery = z.object({ lang: z.string().optional() });

/** The reader's language: `?lang=` first (a link from the school website), then the browser's. */
function publicLang(req: FastifyRequest): Lang {
  const q = langQuery.safeParse(req.query);
  const wanted = q.success ? q.data.lang : undefined;
  return isLang(wanted) ? wanted : req.lang;
}

function publicSchoolId(req: FastifyRequest): string | null {
  const p = publicParams.safeParse(req.params);
  return p.success ? p.data.schoolId : null;
}

/**
 * The embeddable page and the PDF may be shown inside a school website's iframe: for these
 * responses only, any site may frame them. They run no script and load nothing else.
 */
const EMBEDDABLE_CSP =
  "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors *";

const planParams = z.object({ schoolId: z.uuid(), planId: z.uuid() });
const activityParams = planParams.extend({ activityId: z.string().min(1).max(100) });

function planIdOf(req: FastifyRequest): string {
  const p = planParams.safeParse(req.params);
  if (!p.success) throw notFound();
  return p.data.planId;
}

function activityIdOf(req: FastifyRequest): string {
  const p = activityParams.safeParse(req.params);
  if (!p.success) throw notFound();
  return p.data.activityId;
}

export const planRoutes: FeatureRoutes = (app, { database, clock, config }) => {
  const db = database.db;
  const atSchool = (action: Action) => ({
    config: { access: { action, resource: schoolFromParam(db) } },
  });
  const command = (req: FastifyRequest): PlanCommand => ({
    ...schoolOf(req),
    actorId: actorIdOf(req),
    requestId: req.id,
    now: clock(),
    lang: req.lang,
  });

  // --- versions ----------------------------------------------------------------------

  app.get("/api/schools/:schoolId/plan-templates", atSchool("plan.manage"), async () =>
    listTemplates().map((t) => ({
      id: t.id,
      name: t.name,
      description: t.description,
      language: t.language,
      activities: t.content.parts.reduce((n, p) => n + p.activities.length, 0),
    })),
  );

  app.get("/api/schools/:schoolId/plans", atSchool("plan.read"), async (req) =>
    listPlans(db, schoolOf(req).schoolId),
  );

  app.post("/api/schools/:schoolId/plans", atSchool("plan.manage"), async (req, reply) => {
    const input = parseInput(createPlanInput, req.body, req.lang);
    const plan = await createPlan(db, { ...command(req), input });
    return reply.status(201).send(plan);
  });

  app.get("/api/schools/:schoolId/plans/:planId", atSchool("plan.read"), async (req) => {
    const plan = await loadPlan(db, schoolOf(req).schoolId, planIdOf(req));
    if (!plan) throw notFound();
    return presentPlan(db, plan);
  });

  app.delete(
    "/api/schools/:schoolId/plans/:planId",
    atSchool("plan.manage"),
    async (req, reply) => {
      await discardDraft(db, { ...command(req), planId: planIdOf(req) });
      return reply.status(204).send();
    },
  );

  app.put("/api/schools/:schoolId/plans/:planId/content", atSchool("plan.manage"), async (req) => {
    const { content } = parseInput(contentInput, req.body, req.lang);
    return editPlan(db, {
      ...command(req),
      planId: planIdOf(req),
      edit: { kind: "replaceContent", content },
    });
  });

  app.post(
    "/api/schools/:schoolId/plans/:planId/activities",
    atSchool("plan.manage"),
    async (req, reply) => {
      const { partId, activity } = parseInput(newActivityInput, req.body, req.lang);
      const plan = await editPlan(db, {
        ...command(req),
        planId: planIdOf(req),
        edit: { kind: "addActivity", partId, activity },
      });
      return reply.status(201).send(plan);
    },
  );

  app.put(
    "/api/schools/:schoolId/plans/:planId/activities/:activityId",
    atSchool("plan.manage"),
    async (req) => {
      const { activity } = parseInput(activityInput, req.body, req.lang);
      return editPlan(db, {
        ...command(req),
        planId: planIdOf(req),
        edit: { kind: "saveActivity", activityId: activityIdOf(req), activity },
      });
    },
  );

  app.delete(
    "/api/schools/:schoolId/plans/:planId/activities/:activityId",
    atSchool("plan.manage"),
    async (req) =>
      editPlan(db, {
        ...command(req),
        planId: planIdOf(req),
        edit: { kind: "removeActivity", activityId: activityIdOf(req) },
      }),
  );

  app.post("/api/schools/:schoolId/plans/:planId/publish", atSchool("plan.manage"), async (req) =>
    publishPlan(db, { ...command(req), planId: planIdOf(req) }),
  );

  app.post(
    "/api/schools/:schoolId/plans/:planId/revision",
    atSchool("plan.manage"),
    async (req, reply) => {
      const plan = await revisePlan(db, { ...command(req), planId: planIdOf(req) });
      return reply.status(201).send(plan);
    },
  );

  app.get("/api/schools/:schoolId/plans/:planId/year-wheel", atSchool("plan.read"), async (req) =>
    readYearWheel(db, schoolOf(req).schoolId, planIdOf(req)),
  );

  app.get(
    "/api/schools/:schoolId/plans/:planId/overview",
    atSchool("plan.overview"),
    async (req) => {
      const { schoolId, ownerId } = schoolOf(req);
      const planId = planIdOf(req);
      const overview = await readOverview(db, schoolId, planId, todayOf(clock()));
      // The overdue list names staff members: the read is logged (ids and counts only).
      await auditRead(db, req, clock(), {
        action: "plan.overview.read",
        resourceType: "actionPlan",
        resourceId: planId,
        schoolId,
        ownerId,
        detail: { overdue: overview.overdue.length },
      });
      return overview;
    },
  );

  // --- tasks ---------------------------------------------------------------------------

  app.get("/api/schools/:schoolId/plan-tasks/mine", atSchool("plan.read"), async (req) =>
    myTasks(db, schoolOf(req).schoolId, actorIdOf(req), todayOf(clock())),
  );

  const taskCommand = (req: FastifyRequest): PlanCommand & { taskId: string } => {
    const r = req.resource;
    if (r?.type !== "planTask") throw new Error("route declared no task resource");
    return {
      schoolId: r.schoolId,
      ownerId: r.ownerId,
      actorId: actorIdOf(req),
      requestId: req.id,
      now: clock(),
      lang: req.lang,
      taskId: taskIdOf(req),
    };
  };
  const onTask = {
    config: { access: { action: "plan.task.complete" as const, resource: taskFromParam(db) } },
  };

  app.post("/api/plan-tasks/:taskId/complete", onTask, async (req) => {
    const { note } = parseInput(completeInput, req.body, req.lang);
    return completeTask(db, { ...taskCommand(req), note });
  });

  app.post("/api/plan-tasks/:taskId/reopen", onTask, async (req) =>
    reopenTask(db, taskCommand(req)),
  );

  // --- publication (no login) ----------------------------------------------------------

  const publicAccess = { config: { access: { public: true as const } } };
  const pdfLimit = {
    config: {
      access: { public: true as const },
      rateLimit: { max: 30, timeWindow: "1 minute" },
    },
  };

  app.get("/api/public/schools/:schoolId/plan", publicAccess, async (req) => {
    const schoolId = publicSchoolId(req);
    const found = schoolId ? await findPublicPlan(db, schoolId, todayOf(clock())) : null;
    if (!found) throw new AppError(404, "plan.noPublishedPlan");
    return found;
  });

  app.get("/public/schools/:schoolId/plan", publicAccess, async (req, reply) => {
    const lang = publicLang(req);
    const schoolId = publicSchoolId(req);
    const found = schoolId ? await findPublicPlan(db, schoolId, todayOf(clock())) : null;
    reply
      .header("content-security-policy", EMBEDDABLE_CSP)
      .header("cross-origin-resource-policy", "cross-origin")
      .header("cache-control", "public, max-age=300")
      .removeHeader("x-frame-options")
      .type("text/html; charset=utf-8");
    if (!found) return reply.status(404).send(renderNotFoundHtml(lang));
    return reply.send(renderPublicPlanHtml(found, lang, `/public/schools/${found.school.id}/plan`));
  });

  app.get("/public/schools/:schoolId/plan.pdf", pdfLimit, async (req, reply) => {
    const lang = publicLang(req);
    const schoolId = publicSchoolId(req);
    const found = schoolId ? await findPublicPlan(db, schoolId, todayOf(clock())) : null;
    if (!found) throw new AppError(404, "plan.noPublishedPlan");
    const pdf = await renderPlanPdf(found, lang);
    return reply
      .header("content-security-policy", EMBEDDABLE_CSP)
      .header("cross-origin-resource-policy", "cross-origin")
      .header("cache-control", "public, max-age=300")
      .header(
        "content-disposition",
        `inline; filename="handlingsplan-${found.plan.schoolYear.replace(/[^0-9]+/g, "-")}.pdf"`,
      )
      .removeHeader("x-frame-options")
      .type("application/pdf")
      .send(pdf);
  });

  // --- calendar feeds ------------------------------------------------------------------

  const feedAccess = {
    config: { access: { action: "plan.feed.manage" as const, resource: self } },
  };

  app.get("/api/me/plan-calendar", feedAccess, async (req) => feedStatus(db, actorIdOf(req)));

  app.post("/api/me/plan-calendar", feedAccess, async (req) =>
    rotateFeed(db, {
      personId: actorIdOf(req),
      now: clock(),
      requestId: req.id,
      publicUrl: config.publicUrl,
    }),
  );

  app.delete("/api/me/plan-calendar", feedAccess, async (req, reply) => {
    await deleteFeed(db, { personId: actorIdOf(req), now: clock(), requestId: req.id });
    return reply.status(204).send();
  });

  const feedLimit = {
    config: {
      access: { public: true as const },
      rateLimit: { max: 120, timeWindow: "1 minute" },
    },
  };

  // Public, but only the secret token opens it: calendar apps subscribe without a session.
  app.get("/api/public/calendar/:file", feedLimit, async (req, reply) => {
    const file = String((req.params as { file?: unknown }).file ?? "");
    const token = file.endsWith(".ics") ? file.slice(0, -4) : file;
    const ics = await personalFeed(db, token, clock(), config.publicUrl);
    if (ics === null) throw notFound();
    return reply
      .type("text/calendar; charset=utf-8")
      .header("content-disposition", 'inline; filename="trygg-oppgaver.ics"')
      .send(ics);
  });

  app.get("/api/public/schools/:schoolId/plan.ics", feedLimit, async (req, reply) => {
    const schoolId = publicSchoolId(req);
    const ics = schoolId ? await schoolFeed(db, schoolId, clock(), publicLang(req)) : null;
    if (ics === null) throw new AppError(404, "plan.noPublishedPlan");
    return reply
      .type("text/calendar; charset=utf-8")
      .header("content-disposition", 'inline; filename="handlingsplan.ics"')
      .send(ics);
  });

  // --- the yearly evaluation -----------------------------------------------------------

  app.post(
    "/api/schools/:schoolId/plans/:planId/evaluation/start",
    atSchool("plan.manage"),
    async (req) => {
      const { staffRepresentativeIds } = parseInput(startInput, req.body, req.lang);
      return startEvaluation(db, {
        ...command(req),
        planId: planIdOf(req),
        staffRepresentativeIds,
        teamsWebhookUrl: config.teamsWebhookUrl,
      });
    },
  );

  app.get(
    "/api/schools/:schoolId/plans/:planId/evaluation",
    atSchool("plan.manage"),
    async (req) => {
      const { schoolId, ownerId } = schoolOf(req);
      const planId = planIdOf(req);
      const view = await readEvaluation(db, schoolId, planId);
      await auditRead(db, req, clock(), {
        action: "plan.evaluation.read",
        resourceType: "actionPlan",
        resourceId: planId,
        schoolId,
        ownerId,
        detail: { inputs: view.inputs.length },
      });
      return view;
    },
  );

  app.post(
    "/api/schools/:schoolId/plans/:planId/evaluation",
    atSchool("plan.manage"),
    async (req) => {
      const input = parseInput(recordInput, req.body, req.lang);
      return recordEvaluation(db, { ...command(req), planId: planIdOf(req), input });
    },
  );

  const evaluationCommand = (req: FastifyRequest): PlanCommand => {
    const r = req.resource;
    if (r?.type !== "planEvaluation") throw new Error("route declared no evaluation resource");
    return {
      schoolId: r.schoolId,
      ownerId: r.ownerId,
      actorId: actorIdOf(req),
      requestId: req.id,
      now: clock(),
      lang: req.lang,
    };
  };

  app.get(
    "/api/schools/:schoolId/plan-evaluation/mine",
    { config: { access: { action: "plan.evaluate", resource: evaluationFromParam(db, false) } } },
    async (req) =>
      myEvaluation(
        db,
        req.actor as NonNullable<FastifyRequest["actor"]>,
        req.resource as NonNullable<FastifyRequest["resource"]>,
      ),
  );

  app.post(
    "/api/schools/:schoolId/plan-evaluation/inputs",
    { config: { access: { action: "plan.evaluate", resource: evaluationFromParam(db, true) } } },
    async (req, reply) => {
      const { group, text } = parseInput(inputInput, req.body, req.lang);
      const saved = await submitInput(db, { ...evaluationCommand(req), group, text });
      return reply.status(201).send(saved);
    },
  );

  // --- meetings of the pupil council board and the principal ---------------------------

  app.get("/api/schools/:schoolId/plan-meetings", atSchool("plan.meeting.read"), async (req) =>
    listMeetings(db, schoolOf(req).schoolId),
  );

  app.post("/api/schools/:schoolId/plan-meetings", atSchool("plan.manage"), async (req, reply) => {
    const input = parseInput(meetingInput, req.body, req.lang);
    return reply.status(201).send(await saveMeeting(db, { ...command(req), input }));
  });

  app.put(
    "/api/schools/:schoolId/plan-meetings/:meetingId",
    atSchool("plan.manage"),
    async (req) => {
      const params = z.object({ meetingId: z.uuid() }).safeParse(req.params);
      if (!params.success) throw notFound();
      const input = parseInput(meetingInput, req.body, req.lang);
      return saveMeeting(db, { ...command(req), meetingId: params.data.meetingId, input });
    },
  );

  // --- part 1: information records, and the routine read by the staff ------------------

  app.get(
    "/api/schools/:schoolId/plans/:planId/information-records",
    atSchool("plan.read"),
    async (req) => listInformationRecords(db, schoolOf(req).schoolId, planIdOf(req)),
  );

  app.post(
    "/api/schools/:schoolId/plans/:planId/information-records",
    atSchool("plan.manage"),
    async (req, reply) => {
      const input = parseInput(informationInput, req.body, req.lang);
      const saved = await recordInformation(db, { ...command(req), planId: planIdOf(req), input });
      return reply.status(201).send(saved);
    },
  );

  app.get(
    "/api/schools/:schoolId/plans/:planId/routine-confirmation",
    atSchool("plan.read"),
    async (req) => myConfirmation(db, schoolOf(req).schoolId, planIdOf(req), actorIdOf(req)),
  );

  app.post(
    "/api/schools/:schoolId/plans/:planId/routine-confirmation",
    atSchool("plan.read"),
    async (req) => confirmRoutine(db, { ...command(req), planId: planIdOf(req) }),
  );

  app.get(
    "/api/schools/:schoolId/plans/:planId/routine-confirmations",
    atSchool("plan.manage"),
    async (req) => {
      const { schoolId, ownerId } = schoolOf(req);
      const planId = planIdOf(req);
      const list = await listConfirmations(db, schoolId, planId);
      await auditRead(db, req, clock(), {
        action: "plan.routine.list",
        resourceType: "actionPlan",
        resourceId: planId,
        schoolId,
        ownerId,
        detail: { staff: list.total, confirmed: list.confirmed },
      });
      return list;
    },
  );

  // --- daily duties (ADR 0118) ----------------------------------------------------------

  // The caller's own duties: only those whose role they hold, with today's record.
  app.get("/api/schools/:schoolId/plan-duties/mine", atSchool("plan.read"), async (req) =>
    myDuties(db, { schoolId: schoolOf(req).schoolId, personId: actorIdOf(req), now: clock() }),
  );

  app.put(
    "/api/schools/:schoolId/plan-duties/:activityId/today",
    { config: { access: { action: "plan.duty.record", resource: dutyFromParam(db, clock) } } },
    async (req) => {
      const r = req.resource;
      if (r?.type !== "planDuty") throw new Error("route declared no duty resource");
      const input = parseInput(dutyRecordInput, req.body, req.lang);
      return recordDuty(db, {
        schoolId: r.schoolId,
        ownerId: r.ownerId,
        actorId: actorIdOf(req),
        requestId: req.id,
        now: clock(),
        lang: req.lang,
        activityId: dutyIdOf(req),
        input,
      });
    },
  );

  // The record with who recorded each day and the notes: personal data, so the read is logged.
  app.get("/api/schools/:schoolId/plan-duties", atSchool("plan.duty.read"), async (req) => {
    const { schoolId, ownerId } = schoolOf(req);
    const view = await readDutyRecords(db, { schoolId, now: clock() });
    await auditRead(db, req, clock(), {
      action: "plan.duty.records.read",
      resourceType: "planDutyRecord",
      schoolId,
      ownerId,
      detail: { records: view.duties.reduce((n, d) => n + d.records.length, 0) },
    });
    return view;
  });
};
