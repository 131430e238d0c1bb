// Where the browser goes to end the IdP session too (RP-initiated logout). The UI asks for
// this URL before POST /api/auth/logout (which deletes the session and its ID token) and
// navigates there afterwards; the IdP then sends the user back to /login.
import * as oidc from "openid-client";
import type { SessionInfo } from "../../platform/http/types.ts";
import type { OidcContext } from "./context.ts";
import { providerOfAuthMethod, providerSettings } from "./presets.ts";
import { openToken } from "./sealed-token.ts";

/** The end-session URL, or null when the session did not come from a configured IdP. */
export async function logoutUrl(ctx: OidcContext, session: SessionInfo): Promise<string | null> {
  const { database, config } = ctx.deps;
  const provider = providerOfAuthMethod(session.authMethod);
  if (!provider) return null;
  const settings = providerSettings(config, provider, ctx.presetOverrides);
  if (!settings) return null;
  const row = await database.db
    .selectFrom("app_session")
    .select("id_token")
    .where("id", "=", session.id)
    .executeTakeFirst();
  const idToken = row?.id_token ? openToken(ctx.secret(), row.id_token) : null;
  try {
    const client = await ctx.discovery(settings);
    const params: Record<string, string> = {
      post_logout_redirect_uri: `${config.publicUrl}/login`,
    };
    if (idToken) params.id_token_hint = idToken;
    return oidc.buildEndSessionUrl(client, params).href;
  } catch (err) {
    // No end_session_endpoint, or the IdP is unreachable: logging out of Trygg still works.
    ctx.log.warn(
      { provider, reason: (err as { code?: string }).code ?? "error" },
      "no IdP logout URL",
    );
    return null;
  }
}
