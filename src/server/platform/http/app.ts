// Builds the Fastify app: security headers, cookies, sessions, CSRF, the access hook that
// makes every route ask the one policy, the error handler, feature routes and the web UI.
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import compress from "@fastify/compress";
import cookie from "@fastify/cookie";
import helmet from "@fastify/helmet";
import rateLimit from "@fastify/rate-limit";
import fastifyStatic from "@fastify/static";
import Fastify, {
  type FastifyBaseLogger,
  type FastifyInstance,
  type FastifyRequest,
  LogController,
} from "fastify";
import type { Logger } from "pino";
import { ZodError } from "zod";
import { isPagePath } from "../../../contract/page-paths.ts";
import { authorize } from "../../../core/access/policy.ts";
import { errorMessage } from "../../../i18n/errors.ts";
import { isLang, langFromHeader } from "../../../i18n/lang.ts";
import type { Clock } from "../clock.ts";
import type { Config } from "../config.ts";
import type { DatabaseHandle } from "../db/database.ts";
import { AppError } from "../errors.ts";
import { type Drain, installDrain } from "./drain.ts";
import { redactUrl } from "./redact-url.ts";
import { loadActor, loadSession, SESSION_COOKIE, SessionCache } from "./session.ts";
import type { RouteAccess } from "./types.ts";

export interface AppDeps {
  config: Config;
  database: DatabaseHandle;
  clock: Clock;
  logger: Logger;
  /** Called after a transaction commits, to wake the job worker (outbox sending etc.). */
  kick?: (queue: string) => void;
}

export type FeatureRoutes = (app: FastifyInstance, deps: AppDeps) => void | Promise<void>;

const STATE_CHANGING = new Set(["POST", "PUT", "PATCH", "DELETE"]);
/** Writes that can change who is logged in or what roles they hold. */
const SESSION_CHANGING =
  /^\/api\/(auth|account|session|schools\/[^/]+\/people|owners\/[^/]+\/people)/;

/** Health probes run every few seconds; logging them would drown the real requests. */
const QUIET_PATHS = new Set(["/healthz", "/readyz"]);

export interface RegisteredRoute {
  method: string;
  url: string;
  access: RouteAccess | undefined;
}

export type TryggApp = FastifyInstance & { registeredRoutes: RegisteredRoute[]; drain: Drain };

export async function buildApp(
  deps: AppDeps,
  features: FeatureRoutes[],
  options: { webDir?: string | undefined } = {},
): Promise<TryggApp> {
  const { config, database, clock } = deps;
  const db = database.db;
  const app = Fastify({
    loggerInstance: deps.logger.child({ module: "http" }) as FastifyBaseLogger,
    trustProxy: config.trustProxy,
    bodyLimit: config.maxUploadBytes,
    genReqId: () => randomUUID(),
    // One line per request, written below with secrets taken out of the URL.
    logController: new LogController({ disableRequestLogging: true }),
  });
  app.addHook("onResponse", async (req, reply) => {
    const pathOnly = req.url.split("?")[0] ?? "";
    if (QUIET_PATHS.has(pathOnly)) return;
    req.log.info(
      {
        method: req.method,
        url: redactUrl(req.url),
        // Routes that must leave no trace (anonymous si ifra) log at "silent" instead.
        ip: req.ip,
        status: reply.statusCode,
        ms: Math.round(reply.elapsedTime),
      },
      "request",
    );
  });

  // First hook of all: while stopping, every new request is answered 503 before any work.
  const drain = installDrain(app);
  const registeredRoutes: RegisteredRoute[] = [];
  app.addHook("onRoute", (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    for (const method of methods) {
      if (method === "HEAD") continue;
      const access = route.config?.access;
      registeredRoutes.push({ method, url: route.url, access });
      // Deny by default: a route that does not declare its access is a programming error.
      if (!access && route.url.startsWith("/api")) {
        throw new Error(`Route ${method} ${route.url} declares no access rule`);
      }
    }
  });

  // gzip or brotli for text responses above 1 kB (the app's JavaScript shrinks to a quarter).
  await app.register(compress, { global: true, threshold: 1024, encodings: ["br", "gzip"] });
  await app.register(cookie);
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", "data:"],
        fontSrc: ["'self'", "data:"],
        connectSrc: ["'self'"],
        frameAncestors: ["'self'"],
        upgradeInsecureRequests: config.secureCookies ? [] : null,
      },
    },
    strictTransportSecurity: config.secureCookies,
  });
  await app.register(rateLimit, { global: false });

  // Embedded engine only (one process, one database connection): a long import transaction
  // would otherwise make every request wait for the connection just to read its session.
  const sessionCache = database.engine === "pglite" ? new SessionCache() : null;
  app.addHook("onResponse", async (req) => {
    if (sessionCache && STATE_CHANGING.has(req.method) && SESSION_CHANGING.test(req.url)) {
      sessionCache.clear();
    }
  });

  app.decorateRequest("session", null);
  app.decorateRequest("actor", null);
  app.decorateRequest("resource", null);
  app.decorateRequest("lang", "nb");

  app.addHook("onRequest", async (req, reply) => {
    reply.header("x-request-id", req.id);
    const langHeader = req.headers["x-trygg-lang"];
    req.lang = isLang(langHeader) ? langHeader : langFromHeader(req.headers["accept-language"]);
    if (!req.url.startsWith("/api")) return;
    reply.header("cache-control", "no-store");
    const token = req.cookies[SESSION_COOKIE];
    if (token) {
      const cached = sessionCache?.get(token, clock().getTime());
      if (cached) {
        req.session = cached.session;
        req.actor = cached.actor;
      } else {
        req.session = await loadSession(db, token, clock(), config);
        if (req.session) req.actor = await loadActor(db, req.session.personId);
        if (req.session && req.actor) {
          sessionCache?.set(token, { session: req.session, actor: req.actor }, clock().getTime());
        }
      }
    }
    // CSRF: a state-changing request must echo the session's token in a header. Without a
    // session (login) it must still carry the header, which a cross-site form cannot send.
    if (STATE_CHANGING.has(req.method)) {
      const sent = req.headers["x-csrf-token"];
      const ok = req.session ? sent === req.session.csrfToken : typeof sent === "string";
      if (!ok) throw new AppError(403, "csrf.invalid");
    }
  });

  // The one gate: every /api route asks the policy before its handler runs.
  app.addHook("preHandler", async (req: FastifyRequest) => {
    // The not-found handler has no route: let it answer 404.
    if (req.routeOptions.url === undefined) return;
    const access = req.routeOptions.config?.access;
    if (!access) {
      if (req.url.startsWith("/api")) throw new AppError(403, "access.denied");
      return;
    }
    if ("public" in access) return;
    if (!req.actor) throw new AppError(401, "auth.required");
    const resource = await access.resource(req);
    const decision = authorize(req.actor, access.action, resource);
    if (!decision.allow) throw new AppError(403, "access.denied", { reason: decision.reason });
    req.resource = resource;
  });

  app.setErrorHandler((err, req, reply) => {
    const send = (status: number, appErr: AppError) =>
      reply.status(status).send({
        code: appErr.code,
        message: errorMessage(req.lang, appErr.code),
        requestId: req.id,
        ...(appErr.details ?? {}),
      });
    if (err instanceof AppError) return send(err.status, err);
    if (err instanceof ZodError) {
      return send(
        400,
        new AppError(400, "validation.failed", {
          fields: err.issues.map((i) => ({ path: i.path.join("."), code: i.code })),
        }),
      );
    }
    const e = err as { statusCode?: number; code?: string };
    if (e.code === "FST_ERR_CTP_BODY_TOO_LARGE" || e.statusCode === 413) {
      return send(413, new AppError(413, "body.tooLarge"));
    }
    if (e.code === "FST_ERR_CTP_INVALID_JSON_BODY" || e.code === "FST_ERR_CTP_EMPTY_JSON_BODY") {
      return send(400, new AppError(400, "body.invalidJson"));
    }
    if (e.statusCode === 429) return send(429, new AppError(429, "rateLimited"));
    if (e.statusCode && e.statusCode >= 400 && e.statusCode < 500) {
      return send(e.statusCode, new AppError(e.statusCode, "validation.failed"));
    }
    req.log.error({ err }, "unhandled error");
    return send(500, new AppError(500, "internal"));
  });

  for (const feature of features) await feature(app, deps);

  const webDir = options.webDir;
  if (webDir && fs.existsSync(path.join(webDir, "index.html"))) {
    await app.register(fastifyStatic, {
      root: webDir,
      wildcard: false,
      index: ["index.html"],
      // Source maps stay on the server: they are for our debugging, not for the public.
      allowedPath: (pathName) => !pathName.endsWith(".map"),
      setHeaders: (reply, filePath) => {
        // Vite names assets by content hash: a changed file gets a new name, so browsers may
        // keep them for a year. Everything else (index.html, favicon) is checked every time.
        reply.header(
          "cache-control",
          filePath.includes(`${path.sep}assets${path.sep}`)
            ? "public, max-age=31536000, immutable"
            : "no-cache",
        );
      },
    });
    app.get("/*", { config: { access: { public: true } } }, (req, reply) => {
      const rel = (req.params as { "*": string })["*"];
      // An unknown API path is a JSON 404, never the web app's index page.
      if (rel === "api" || rel.startsWith("api/")) {
        return reply
          .status(404)
          .send({ code: "notFound", message: errorMessage(req.lang, "notFound") });
      }
      const file = path.join(webDir, rel);
      if (
        rel &&
        !rel.endsWith(".map") &&
        file.startsWith(webDir) &&
        fs.existsSync(file) &&
        fs.statSync(file).isFile()
      ) {
        return reply.sendFile(rel);
      }
      if (isPagePath(`/${rel}`)) {
        return reply.header("cache-control", "no-cache").sendFile("index.html");
      }
      // Not a page: a real 404 (monitors and crawlers read status codes). A browser still gets
      // the app, which shows its "not found" page in the person's language.
      if (req.headers.accept?.includes("text/html")) {
        return reply.status(404).header("cache-control", "no-cache").sendFile("index.html");
      }
      return reply
        .status(404)
        .send({ code: "notFound", message: errorMessage(req.lang, "notFound") });
    });
  }
  app.setNotFoundHandler((req, reply) => {
    reply.status(404).send({ code: "notFound", message: errorMessage(req.lang, "notFound") });
  });

  return Object.assign(app as unknown as FastifyInstance, { registeredRoutes, drain });
}
