// Starts an authorization-code login: remembers state, nonce and the PKCE verifier in a
// login_flow row (any app instance can finish the login) and builds the IdP's URL.
import * as oidc from "openid-client";
import type { Lang } from "../../../i18n/lang.ts";
import { FLOW_TTL_MS, type OidcContext } from "./context.ts";
import { callbackUrl, type ProviderSettings } from "./presets.ts";

export interface OidcFlowData {
  provider: string;
  state: string;
  nonce: string;
  codeVerifier: string;
  returnTo: string;
}

/** Only a path on this site: anything else would make the login an open redirect. */
export function safeReturnTo(value: unknown): string {
  if (typeof value !== "string" || value.length > 500) return "/";
  if (!value.startsWith("/") || value.startsWith("//") || /[\\\s]/.test(value)) return "/";
  return value;
}

export async function startLogin(
  ctx: OidcContext,
  settings: ProviderSettings,
  input: { returnTo: string; lang: Lang },
): Promise<{ url: string; state: string }> {
  const { database, config, clock } = ctx.deps;
  const client = await ctx.discovery(settings);
  const codeVerifier = oidc.randomPKCECodeVerifier();
  const state = oidc.randomState();
  const nonce = oidc.randomNonce();
  const now = clock();
  const data: OidcFlowData = {
    provider: settings.preset.name,
    state,
    nonce,
    codeVerifier,
    returnTo: input.returnTo,
  };
  // The state is the flow's key: the callback finds the flow by the state the IdP echoes.
  await database.db
    .insertInto("login_flow")
    .values({
      id: state,
      kind: "oidc",
      data: JSON.stringify(data),
      expires_at: new Date(now.getTime() + FLOW_TTL_MS),
    })
    .execute();
  // Abandoned logins would pile up otherwise; the table is small, the delete is cheap.
  await database.db.deleteFrom("login_flow").where("expires_at", "<", now).execute();

  const params: Record<string, string> = {
    response_type: "code",
    redirect_uri: callbackUrl(config, settings.preset.name),
    scope: settings.preset.scopes.join(" "),
    state,
    nonce,
    code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
    code_challenge_method: "S256",
    ui_locales: input.lang,
  };
  if (settings.preset.acrValues) params.acr_values = settings.preset.acrValues;
  return { url: oidc.buildAuthorizationUrl(client, params).href, state };
}
