// Routes of the school's own class surveys (issue #9). Thin: parse, let the policy decide on
// the survey or group, call the use case. The class-code routes are public (no login) and
// rate-limited; they act only through the device token the code gave.
import type { FastifyReply, FastifyRequest } from "fastify";
import { z } from "zod";
import { schoolsOf } from "../../../core/access/actor.ts";
import type { Action, Resource } from "../../../core/access/policy.ts";
import { AppError, notFound } from "../../platform/errors.ts";
import type { FeatureRoutes } from "../../platform/http/app.ts";
import { schoolFromParam, self } from "../../platform/http/resources.ts";
import { resolveSecret } from "../../platform/secret.ts";
import { parseInput } from "../../schools/input.ts";
import {
  answerAsPupil,
  answerWithCode,
  codeSessionForm,
  formOf,
  hasAnswered,
  redeemCode,
} from "./answer.ts";
import { DEVICE_COOKIE } from "./codes.ts";
import type { SurveyContext } from "./context.ts";
import { closeSurvey, newCode } from "./manage.ts";
import { listSurveys, mySurveys, readResults, trinnSummaries } from "./read.ts";
import { startInput, startSurvey } from "./start.ts";
import { isOpen, isPupilOf, loadSurvey } from "./store.ts";

const uuid = z.uuid();
const codeInput = z.object({ code: z.string().trim().min(1).max(20) });
const DEVICE_PATH = "/api/public/survey-session";

export const classSurveyRoutes: FeatureRoutes = (app, { database, clock, config }) => {
  const db = database.db;
  let secret: string | null = null;
  const secretOf = () => {
    secret ??= resolveSecret(config);
    return secret;
  };
  const access = (action: Action, resource: (req: FastifyRequest) => Promise<Resource>) => ({
    config: { access: { action, resource } },
  });
  const atSchool = schoolFromParam(db);

  const surveyIdOf = (req: FastifyRequest) => {
    const id = uuid.safeParse((req.params as Record<string, unknown>).surveyId);
    if (!id.success) throw notFound();
    return id.data;
  };

  /** The survey in `:surveyId`; unknown, or at a school the caller has no role at: 404. */
  const survey = async (req: FastifyRequest): Promise<Resource> => {
    const s = await loadSurvey(db, surveyIdOf(req));
    if (!s || !req.actor || !schoolsOf(req.actor).includes(s.schoolId)) throw notFound();
    return {
      type: "classSurvey",
      schoolId: s.schoolId,
      ownerId: s.ownerId,
      groupId: s.groupId,
      createdBy: s.createdBy,
      actorInGroup: await isPupilOf(db, s.groupId, req.actor.personId),
    };
  };

  /** A new survey for the group the body names (a group of another school is none). */
  const groupFromBody = async (req: FastifyRequest): Promise<Resource> => {
    const r = await atSchool(req);
    if (r.type !== "school") throw notFound();
    const raw = uuid.safeParse((req.body as { groupId?: unknown } | undefined)?.groupId);
    let groupId = "";
    if (raw.success) {
      const g = await db
        .selectFrom("study_group")
        .select("id")
        .where("id", "=", raw.data)
        .where("school_id", "=", r.schoolId)
        .executeTakeFirst();
      groupId = g?.id ?? "";
    }
    return { ...r, type: "classSurvey", groupId, createdBy: null, actorInGroup: false };
  };

  const ctxOf = (req: FastifyRequest): SurveyContext => {
    const r = req.resource;
    if (!req.actor || !r || !("schoolId" in r) || !("ownerId" in r)) {
      throw new Error("route reached without an actor or a place");
    }
    return {
      schoolId: r.schoolId,
      ownerId: r.ownerId,
      actor: req.actor,
      requestId: req.id,
      now: clock(),
      lang: req.lang,
      secret: secretOf(),
    };
  };

  // --- staff -------------------------------------------------------------------------------

  app.get(
    "/api/schools/:schoolId/class-surveys",
    access("classSurvey.list", atSchool),
    async (req) => listSurveys(db, ctxOf(req)),
  );

  app.post(
    "/api/schools/:schoolId/class-surveys",
    access("classSurvey.start", groupFromBody),
    async (req, reply) => {
      const input = parseInput(startInput, req.body, req.lang);
      return reply.status(201).send(await startSurvey(db, ctxOf(req), input));
    },
  );

  app.get(
    "/api/schools/:schoolId/class-surveys/trinn",
    access("classSurvey.trinn", atSchool),
    async (req) => trinnSummaries(db, ctxOf(req)),
  );

  app.get("/api/class-surveys/:surveyId", access("classSurvey.read", survey), async (req) => {
    const s = await loadSurvey(db, surveyIdOf(req));
    if (!s) throw notFound();
    return readResults(db, ctxOf(req), s);
  });

  app.post(
    "/api/class-surveys/:surveyId/close",
    access("classSurvey.manage", survey),
    async (req, reply) => {
      await closeSurvey(db, ctxOf(req), surveyIdOf(req));
      return reply.status(204).send();
    },
  );

  app.post("/api/class-surveys/:surveyId/code", access("classSurvey.manage", survey), async (req) =>
    newCode(db, ctxOf(req), surveyIdOf(req)),
  );

  // --- pupils, logged in -------------------------------------------------------------------

  app.get(
    "/api/me/class-surveys",
    access("classSurvey.mine", async () => self()),
    async (req) => {
      if (!req.actor) throw new AppError(401, "auth.required");
      return mySurveys(db, req.actor.personId, clock());
    },
  );

  app.get(
    "/api/class-surveys/:surveyId/form",
    access("classSurvey.answer", survey),
    async (req) => {
      const s = await loadSurvey(db, surveyIdOf(req));
      if (!s || !req.actor) throw notFound();
      if (!isOpen(s, clock())) throw new AppError(409, "survey.closed");
      return formOf(s, await hasAnswered(db, s.id, req.actor.personId));
    },
  );

  app.post(
    "/api/class-surveys/:surveyId/answers",
    access("classSurvey.answer", survey),
    async (req, reply) => {
      if (!req.actor) throw new AppError(401, "auth.required");
      const out = await answerAsPupil(
        db,
        { personId: req.actor.personId, now: clock(), lang: req.lang },
        surveyIdOf(req),
        req.body,
      );
      return reply.status(201).send(out);
    },
  );

  // --- the class code (public: no login) ---------------------------------------------------

  const setDevice = (reply: FastifyReply, token: string, expiresAt: Date) =>
    reply.setCookie(DEVICE_COOKIE, token, {
      path: DEVICE_PATH,
      httpOnly: true,
      sameSite: "strict",
      secure: config.secureCookies,
      maxAge: Math.max(1, Math.floor((expiresAt.getTime() - clock().getTime()) / 1000)),
    });

  app.post(
    "/api/public/survey-code",
    { config: { access: { public: true }, rateLimit: { max: 10, timeWindow: "1 minute" } } },
    async (req, reply) => {
      const { code } = parseInput(codeInput, req.body, req.lang);
      const out = await redeemCode(db, secretOf(), code, clock());
      setDevice(reply, out.token, out.expiresAt);
      return reply.status(201).send(out.form);
    },
  );

  app.get(
    DEVICE_PATH,
    { config: { access: { public: true }, rateLimit: { max: 60, timeWindow: "1 minute" } } },
    async (req) => codeSessionForm(db, secretOf(), req.cookies[DEVICE_COOKIE], clock()),
  );

  app.post(
    `${DEVICE_PATH}/answers`,
    { config: { access: { public: true }, rateLimit: { max: 10, timeWindow: "1 minute" } } },
    async (req, reply) => {
      const out = await answerWithCode(db, secretOf(), req.cookies[DEVICE_COOKIE], req.body, {
        now: clock(),
        lang: req.lang,
      });
      return reply.status(201).send(out);
    },
  );
};
