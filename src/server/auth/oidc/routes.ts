// OpenID Connect login with Feide (staff, pupils) and ID-porten (guardians). The routes stay
// thin: find the provider, call the use case, then redirect. A browser never sees a stack
// trace: every failure of a started login lands on /login?error=<code>.
import type { FastifyRequest } from "fastify";
import { AppError, notFound } from "../../platform/errors.ts";
import type { FeatureRoutes } from "../../platform/http/app.ts";
import { self } from "../../platform/http/resources.ts";
import { getLogger } from "../../platform/logging.ts";
import { resolveSecret } from "../../platform/secret.ts";
import { startSession } from "../routes.ts";
import { createDiscoveryCache, type OidcClientOptions } from "./client.ts";
import { completeLogin } from "./complete-login.ts";
import { FLOW_TTL_MS, type OidcContext } from "./context.ts";
import { LoginError, loginErrorPath } from "./login-error.ts";
import { logoutUrl } from "./logout-url.ts";
import {
  isProviderName,
  type ProviderName,
  type ProviderPreset,
  type ProviderSettings,
  providerSettings,
} from "./presets.ts";
import { safeReturnTo, startLogin } from "./start-login.ts";

/** Binds a started login to the browser that started it (see complete-login.ts). */
export const FLOW_COOKIE = "trygg_oidc_state";
const FLOW_COOKIE_PATH = "/api/auth/oidc";

// Per IP, and generous: a whole school often shares one public address, and a class of
// 30 logging in at 08:15 must not be turned away. It only stops a flood of flow rows.
const flowLimit = { rateLimit: { max: 300, timeWindow: "1 minute" } };

export interface OidcRouteOptions extends OidcClientOptions {
  /** Default 3000 ms: a login waits at most this long for Feide's groups API. */
  groupsTimeoutMs?: number;
  /** Change a preset (e.g. Feide's scopes) without touching the code. */
  presets?: Partial<Record<ProviderName, Partial<ProviderPreset>>>;
}

export function createOidcRoutes(options: OidcRouteOptions = {}): FeatureRoutes {
  return (app, deps) => {
    const { config } = deps;
    let secret: string | undefined;
    const ctx: OidcContext = {
      deps,
      discovery: createDiscoveryCache(options),
      secret: () => {
        secret ??= resolveSecret(config);
        return secret;
      },
      log: getLogger(deps.logger, "auth"),
      groupsTimeoutMs: options.groupsTimeoutMs ?? 3000,
      presetOverrides: options.presets ?? {},
    };

    const settingsOf = (req: FastifyRequest): ProviderSettings => {
      const name = (req.params as { provider?: unknown }).provider;
      if (!isProviderName(name)) throw notFound();
      const settings = providerSettings(config, name, ctx.presetOverrides);
      if (!settings) throw new AppError(404, "auth.providerNotConfigured");
      return settings;
    };

    const cookieOptions = {
      path: FLOW_COOKIE_PATH,
      httpOnly: true,
      // Lax: the IdP's redirect back is a top-level GET, which carries lax cookies.
      sameSite: "lax" as const,
      secure: config.secureCookies,
    };

    app.get(
      "/api/auth/oidc/:provider/start",
      { config: { access: { public: true }, ...flowLimit } },
      async (req, reply) => {
        const settings = settingsOf(req);
        const returnTo = safeReturnTo((req.query as { returnTo?: unknown }).returnTo);
        try {
          const { url, state } = await startLogin(ctx, settings, { returnTo, lang: req.lang });
          reply.setCookie(FLOW_COOKIE, state, { ...cookieOptions, maxAge: FLOW_TTL_MS / 1000 });
          return reply.redirect(url, 302);
        } catch (err) {
          ctx.log.warn(
            { provider: settings.preset.name, reason: (err as { code?: string }).code ?? "error" },
            "OIDC login could not start",
          );
          return reply.redirect(loginErrorPath("auth.oidcFailed"), 302);
        }
      },
    );

    app.get(
      "/api/auth/oidc/:provider/callback",
      { config: { access: { public: true }, ...flowLimit } },
      async (req, reply) => {
        const settings = settingsOf(req);
        const rawUrl = req.raw.url ?? "";
        const rawQuery = rawUrl.includes("?") ? rawUrl.slice(rawUrl.indexOf("?") + 1) : "";
        const browserState = req.cookies[FLOW_COOKIE];
        reply.clearCookie(FLOW_COOKIE, cookieOptions);
        try {
          const login = await completeLogin(ctx, settings, {
            query: new URLSearchParams(rawQuery),
            browserState,
            requestId: req.id,
          });
          await startSession(
            deps,
            req,
            reply,
            login.personId,
            settings.preset.authMethod,
            login.sealedIdToken,
          );
          return reply.redirect(login.returnTo, 302);
        } catch (err) {
          if (err instanceof LoginError) {
            ctx.log.info(
              { provider: settings.preset.name, code: err.code, reason: err.reason },
              "OIDC login refused",
            );
            return reply.redirect(loginErrorPath(err.code), 302);
          }
          // Unexpected (database, bug): logged by type only, since errors from claim handling
          // could quote values.
          ctx.log.error(
            { provider: settings.preset.name, reason: (err as Error).name },
            "OIDC login failed",
          );
          return reply.redirect(loginErrorPath("auth.oidcFailed"), 302);
        }
      },
    );

    app.get(
      "/api/auth/oidc/logout-url",
      { config: { access: { action: "session.use", resource: self } } },
      async (req) => {
        if (!req.session) throw new AppError(401, "auth.required");
        return { url: await logoutUrl(ctx, req.session) };
      },
    );
  };
}

/** The production registration: HTTPS-only IdPs, default presets. */
export const oidcRoutes: FeatureRoutes = createOidcRoutes();
