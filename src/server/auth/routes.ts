// Session, demo login, local login (+TOTP), logout. OIDC login lives in oidc/routes.ts, the
// account page's routes (turning TOTP on and off) in account-routes.ts.

import type { FastifyReply, FastifyRequest } from "fastify";
import { z } from "zod";
import { schoolsOf } from "../../core/access/actor.ts";
import { appendAudit } from "../platform/audit.ts";
import { AppError, notFound } from "../platform/errors.ts";
import type { AppDeps, FeatureRoutes } from "../platform/http/app.ts";
import { self } from "../platform/http/resources.ts";
import {
  clearSessionCookie,
  createSession,
  deleteAllSessionsOf,
  deleteSession,
  loadActor,
  randomToken,
  setSessionCookie,
} from "../platform/http/session.ts";
import { parse } from "../platform/http/validate.ts";
import { checkPassword, totpStep } from "./local-login.ts";

const loginLimit = { rateLimit: { max: 10, timeWindow: "1 minute" } };

export async function startSession(
  deps: AppDeps,
  req: FastifyRequest,
  reply: FastifyReply,
  personId: string,
  authMethod: string,
  idToken?: string | null,
): Promise<void> {
  const { database, config, clock } = deps;
  const now = clock();
  const actor = await loadActor(database.db, personId);
  const { token } = await createSession(database.db, {
    personId,
    authMethod,
    now,
    config,
    idToken: idToken ?? null,
    activeSchoolId: schoolsOf(actor)[0] ?? null,
  });
  await database.db.transaction().execute((tx) =>
    appendAudit(tx, {
      at: now,
      actorId: personId,
      action: "auth.login",
      resourceType: "session",
      requestId: req.id,
      detail: { method: authMethod },
    }),
  );
  setSessionCookie(reply, token, config);
}

export const authRoutes: FeatureRoutes = (app, deps) => {
  const { database, config, clock } = deps;
  const db = database.db;

  app.get("/api/session", { config: { access: { public: true } } }, async (req) => {
    const providers = {
      feide: Boolean(config.oidc.feide),
      idporten: Boolean(config.oidc.idporten),
      local: true,
    };
    if (!req.session || !req.actor) return { authenticated: false, demo: config.demo, providers };
    const person = await db
      .selectFrom("person")
      .select(["id", "given_name", "family_name"])
      .where("id", "=", req.session.personId)
      .executeTakeFirstOrThrow();
    const schoolIds = schoolsOf(req.actor);
    const schools =
      schoolIds.length === 0
        ? []
        : await db
            .selectFrom("school")
            .select(["id", "name", "owner_id"])
            .where("id", "in", schoolIds)
            .execute();
    const ownerIds = [
      ...new Set(
        req.actor.grants.flatMap((g) => ("ownerId" in g && !("schoolId" in g) ? [g.ownerId] : [])),
      ),
    ];
    const owners =
      ownerIds.length === 0
        ? []
        : await db
            .selectFrom("school_owner")
            .select(["id", "name"])
            .where("id", "in", ownerIds)
            .execute();
    const collator = new Intl.Collator("nb");
    return {
      authenticated: true,
      demo: config.demo,
      providers,
      csrfToken: req.session.csrfToken,
      authMethod: req.session.authMethod,
      person: { id: person.id, givenName: person.given_name, familyName: person.family_name },
      grants: req.actor.grants,
      schools: schools
        .map((s) => ({ id: s.id, name: s.name, ownerId: s.owner_id }))
        .sort((a, b) => collator.compare(a.name, b.name)),
      owners: owners.map((o) => ({ id: o.id, name: o.name })),
      activeSchoolId: req.session.activeSchoolId,
    };
  });

  app.post(
    "/api/session/school",
    { config: { access: { action: "session.use", resource: self } } },
    async (req) => {
      const { schoolId } = parse(z.object({ schoolId: z.uuid() }), req.body);
      if (!req.actor || !req.session || !schoolsOf(req.actor).includes(schoolId)) {
        throw new AppError(403, "access.denied");
      }
      await db
        .updateTable("app_session")
        .set({ active_school_id: schoolId })
        .where("id", "=", req.session.id)
        .execute();
      return { activeSchoolId: schoolId };
    },
  );

  // Demo mode only: "log in as" any demo person. Impossible in production (config forces
  // demo off with NODE_ENV=production or DATABASE_URL), and the routes answer 404 then.
  app.get("/api/auth/demo-people", { config: { access: { public: true } } }, async () => {
    if (!config.demo) throw notFound();
    const { listDemoLogins } = await import("../demo/seed.ts");
    return { people: await listDemoLogins(db) };
  });

  app.post(
    "/api/auth/demo-login",
    { config: { access: { public: true }, ...loginLimit } },
    async (req, reply) => {
      if (!config.demo) throw new AppError(404, "auth.demoDisabled");
      const { personId } = parse(z.object({ personId: z.uuid() }), req.body);
      const person = await db
        .selectFrom("person")
        .select("id")
        .where("id", "=", personId)
        .executeTakeFirst();
      if (!person) throw notFound();
      await startSession(deps, req, reply, person.id, "demo");
      return { ok: true };
    },
  );

  app.post(
    "/api/auth/login",
    { config: { access: { public: true }, ...loginLimit } },
    async (req, reply) => {
      const body = parse(
        z.object({ username: z.string().min(1).max(200), password: z.string().min(1).max(500) }),
        req.body,
      );
      const now = clock();
      const result = await checkPassword(db, body.username, body.password, now);
      if (!result.ok) throw new AppError(401, "auth.invalidCredentials");
      if (result.needsTotp) {
        const flowId = randomToken();
        await db
          .insertInto("login_flow")
          .values({
            id: flowId,
            kind: "totp",
            data: JSON.stringify({ personId: result.personId }),
            expires_at: new Date(now.getTime() + 5 * 60_000),
          })
          .execute();
        return { totpRequired: true, flowId };
      }
      await startSession(deps, req, reply, result.personId, "local");
      return { ok: true };
    },
  );

  app.post(
    "/api/auth/totp",
    { config: { access: { public: true }, ...loginLimit } },
    async (req, reply) => {
      const body = parse(
        z.object({
          flowId: z.string().min(10).max(100),
          code: z.string().regex(/^\s*\d{3}\s?\d{3}\s*$/),
        }),
        req.body,
      );
      const now = clock();
      const flow = await db
        .selectFrom("login_flow")
        .selectAll()
        .where("id", "=", body.flowId)
        .where("kind", "=", "totp")
        .executeTakeFirst();
      if (!flow || new Date(flow.expires_at).getTime() < now.getTime()) {
        throw new AppError(401, "auth.flowExpired");
      }
      const personId = String((flow.data as { personId: string }).personId);
      const account = await db
        .selectFrom("local_account")
        .select(["totp_secret", "totp_last_step"])
        .where("person_id", "=", personId)
        .executeTakeFirstOrThrow();
      const step = account.totp_secret ? totpStep(account.totp_secret, body.code, now) : null;
      // A code is good for one login: a step at or before the last accepted one is a replay.
      if (
        step === null ||
        (account.totp_last_step !== null && step <= Number(account.totp_last_step))
      ) {
        throw new AppError(401, "auth.totpInvalid");
      }
      const claimed = await db
        .updateTable("local_account")
        .set({ totp_last_step: String(step) })
        .where("person_id", "=", personId)
        .where((eb) =>
          eb.or([eb("totp_last_step", "is", null), eb("totp_last_step", "<", String(step))]),
        )
        .executeTakeFirst();
      if (Number(claimed.numUpdatedRows) === 0) throw new AppError(401, "auth.totpInvalid");
      await db.deleteFrom("login_flow").where("id", "=", flow.id).execute();
      await startSession(deps, req, reply, personId, "local+totp");
      return { ok: true };
    },
  );

  app.post("/api/auth/logout", { config: { access: { public: true } } }, async (req, reply) => {
    if (req.session) {
      await deleteSession(db, req.session.id);
      await db.transaction().execute((tx) =>
        appendAudit(tx, {
          at: clock(),
          actorId: req.session?.personId ?? null,
          action: "auth.logout",
          resourceType: "session",
          requestId: req.id,
        }),
      );
    }
    clearSessionCookie(reply, config);
    return { ok: true };
  });

  app.post(
    "/api/auth/logout-all",
    { config: { access: { action: "session.use", resource: self } } },
    async (req, reply) => {
      const personId = req.session?.personId as string;
      const count = await deleteAllSessionsOf(db, personId);
      await db.transaction().execute((tx) =>
        appendAudit(tx, {
          at: clock(),
          actorId: personId,
          action: "auth.logoutEverywhere",
          resourceType: "session",
          requestId: req.id,
          detail: { sessions: count },
        }),
      );
      clearSessionCookie(reply, config);
      return { ok: true, sessions: count };
    },
  );
};
