// Finishes a login at the callback: checks the state against the flow and the browser,
// exchanges the code (PKCE), lets openid-client check the ID token (issuer, audience, expiry,
// nonce), and maps the identity to an existing Trygg person. Trygg never creates a person here.
import * as oidc from "openid-client";
import { appendAudit } from "../../platform/audit.ts";
import { loadActor } from "../../platform/http/session.ts";
import type { OidcContext } from "./context.ts";
import {
  affiliationOf,
  affiliationsFromClaims,
  type FeideAffiliation,
  feideLoginAllowed,
  feideNameFromClaims,
  fetchFeideGroups,
  findPersonByFeideName,
  mapFeideGroups,
  syncFeideMemberships,
} from "./feide.ts";
import { findPersonByNin, pidFromClaims } from "./idporten.ts";
import { LoginError } from "./login-error.ts";
import { callbackUrl, type ProviderSettings } from "./presets.ts";
import { sealToken } from "./sealed-token.ts";
import type { OidcFlowData } from "./start-login.ts";

export interface CompletedLogin {
  personId: string;
  /** The ID token, sealed (see sealed-token.ts): kept with the session for logout. */
  sealedIdToken: string;
  returnTo: string;
}

type Claims = Record<string, unknown>;

export async function completeLogin(
  ctx: OidcContext,
  settings: ProviderSettings,
  input: { query: URLSearchParams; browserState: string | undefined; requestId: string },
): Promise<CompletedLogin> {
  const { database, config, clock } = ctx.deps;
  const db = database.db;
  const provider = settings.preset.name;
  const state = input.query.get("state");
  if (!state) throw new LoginError("auth.oidcFailed", "no-state");
  // The state must also be the one this browser started with: otherwise someone could make a
  // victim's browser finish the attacker's login (login CSRF).
  if (input.browserState !== state) throw new LoginError("auth.oidcFailed", "state-mismatch");

  // Single use: the row is gone whatever happens next, so a callback URL cannot be replayed.
  const flow = await db
    .deleteFrom("login_flow")
    .where("id", "=", state)
    .where("kind", "=", "oidc")
    .returningAll()
    .executeTakeFirst();
  if (!flow) throw new LoginError("auth.flowExpired", "unknown-state");
  if (new Date(flow.expires_at).getTime() < clock().getTime()) {
    throw new LoginError("auth.flowExpired", "flow-expired");
  }
  const data = flow.data as Partial<OidcFlowData>;
  if (data.provider !== provider || data.state !== state || !data.nonce || !data.codeVerifier) {
    throw new LoginError("auth.oidcFailed", "flow-mismatch");
  }

  const idpError = input.query.get("error");
  if (idpError) {
    throw new LoginError(
      idpError === "access_denied" ? "auth.oidcCancelled" : "auth.oidcFailed",
      `idp-${idpError.replace(/[^a-z_]/g, "").slice(0, 40)}`,
    );
  }

  const client = await ctx.discovery(settings).catch(() => {
    throw new LoginError("auth.oidcFailed", "discovery");
  });
  // Built from the public URL, not the Host header: it must equal the redirect_uri sent.
  const currentUrl = new URL(callbackUrl(config, provider));
  currentUrl.search = input.query.toString();
  let tokens: Awaited<ReturnType<typeof oidc.authorizationCodeGrant>>;
  try {
    tokens = await oidc.authorizationCodeGrant(client, currentUrl, {
      pkceCodeVerifier: data.codeVerifier,
      expectedState: state,
      expectedNonce: data.nonce,
      idTokenExpected: true,
    });
  } catch (err) {
    throw new LoginError("auth.oidcFailed", `token-${errorReason(err)}`);
  }
  const idClaims = tokens.claims();
  if (!idClaims || !tokens.id_token) throw new LoginError("auth.oidcFailed", "no-id-token");
  const accepted = settings.preset.acceptedAcr;
  if (accepted.length > 0 && !accepted.includes(String(idClaims.acr ?? ""))) {
    throw new LoginError("auth.oidcFailed", "acr-too-low");
  }

  const claims = idClaims as Claims;
  // Claims the ID token lacks may be in userinfo; ask only when needed (one request less).
  const withUserInfo = async (pick: (c: Claims) => string | null): Promise<string | null> => {
    const found = pick(claims);
    if (found) return found;
    try {
      const info = await oidc.fetchUserInfo(client, tokens.access_token, idClaims.sub);
      return pick(info as Claims);
    } catch (err) {
      throw new LoginError("auth.oidcFailed", `userinfo-${errorReason(err)}`);
    }
  };

  const now = clock();
  const refuse = async (
    code: "auth.noPersonForLogin" | "auth.loginNotAllowed",
    reason: string,
    personId?: string,
  ): Promise<never> => {
    // Refusals are audited (who may be probing), with no identifier from the IdP.
    await db.transaction().execute((tx) =>
      appendAudit(tx, {
        at: now,
        actorId: null,
        action: "auth.loginRefused",
        resourceType: personId ? "person" : "session",
        resourceId: personId ?? null,
        requestId: input.requestId,
        detail: { method: settings.preset.authMethod, reason },
      }),
    );
    throw new LoginError(code, reason);
  };

  let personId: string;
  if (provider === "feide") {
    const feideName = await withUserInfo(feideNameFromClaims);
    if (!feideName) throw new LoginError("auth.oidcFailed", "no-feide-name");
    personId =
      (await findPersonByFeideName(db, feideName)) ??
      (await refuse("auth.noPersonForLogin", "no-person"));
    await applyFeideGroups(ctx, settings, {
      personId,
      accessToken: tokens.access_token,
      claims,
      requestId: input.requestId,
      refuse,
    });
  } else {
    const pid = await withUserInfo(pidFromClaims);
    if (!pid) throw new LoginError("auth.oidcFailed", "no-pid");
    personId =
      (await findPersonByNin(db, ctx.secret(), pid)) ??
      (await refuse("auth.noPersonForLogin", "no-person"));
  }

  return {
    personId,
    sealedIdToken: sealToken(ctx.secret(), tokens.id_token),
    returnTo: typeof data.returnTo === "string" ? data.returnTo : "/",
  };
}

async function applyFeideGroups(
  ctx: OidcContext,
  settings: ProviderSettings,
  input: {
    personId: string;
    accessToken: string;
    claims: Claims;
    requestId: string;
    refuse: (code: "auth.loginNotAllowed", reason: string, personId: string) => Promise<never>;
  },
): Promise<void> {
  const { database, clock } = ctx.deps;
  const fromClaims = affiliationsFromClaims(input.claims);
  let mapping: ReturnType<typeof mapFeideGroups> | null = null;
  if (settings.groupsApi && settings.preset.scopes.includes("groups")) {
    const result = await fetchFeideGroups(
      settings.groupsApi,
      input.accessToken,
      ctx.groupsTimeoutMs,
    );
    if (result.ok) mapping = mapFeideGroups(result.groups, clock());
    else
      ctx.log.warn(
        { provider: "feide", reason: result.reason },
        "groups API unavailable: login goes on without group sync",
      );
  }
  const affiliation: FeideAffiliation = affiliationOf([
    ...(mapping?.affiliations ?? []),
    ...fromClaims,
  ]);

  const actor = await loadActor(database.db, input.personId);
  if (!feideLoginAllowed(affiliation, actor.grants)) {
    await input.refuse("auth.loginNotAllowed", "student-with-staff-roles", input.personId);
  }
  if (!mapping) return;
  try {
    const result = await syncFeideMemberships(database.db, {
      personId: input.personId,
      mapping: { ...mapping, affiliation },
      now: clock(),
      requestId: input.requestId,
    });
    if (result.added + result.removed > 0) {
      ctx.log.info({ provider: "feide", ...result }, "group memberships synced from Feide");
    }
  } catch (err) {
    // The login itself is sound; a failed sync only means stale memberships until next time.
    ctx.log.warn({ provider: "feide", reason: errorReason(err) }, "group sync failed");
  }
}

/** A short, data-free reason: openid-client's error code or the error's class name. */
function errorReason(err: unknown): string {
  const e = err as { code?: unknown; error?: unknown; name?: unknown };
  const raw =
    typeof e.error === "string"
      ? e.error
      : typeof e.code === "string"
        ? e.code
        : String(e.name ?? "error");
  return raw.replace(/[^A-Za-z0-9_]/g, "").slice(0, 60) || "error";
}
