// The two national identity providers Trygg speaks OpenID Connect with, as data: what to ask
// for, how to authenticate, which assurance level to demand. Everything provider-specific that
// is not claim mapping (feide.ts, idporten.ts) lives here.
import type { Config } from "../../platform/config.ts";

export const PROVIDERS = ["feide", "idporten"] as const;
export type ProviderName = (typeof PROVIDERS)[number];

export function isProviderName(value: unknown): value is ProviderName {
  return typeof value === "string" && (PROVIDERS as readonly string[]).includes(value);
}

export interface ProviderPreset {
  name: ProviderName;
  /** Stored as the session's auth method; the logout-url route reads the provider back. */
  authMethod: `oidc:${ProviderName}`;
  scopes: readonly string[];
  /** Sent as acr_values; null: let the provider choose. */
  acrValues: string | null;
  /** The ID token's `acr` must be one of these; empty: not checked. */
  acceptedAcr: readonly string[];
}

export const FEIDE_PRESET: ProviderPreset = {
  name: "feide",
  authMethod: "oidc:feide",
  // userid-feide: the Feide name; groups: org, classes and teaching groups (groups API).
  scopes: ["openid", "userid-feide", "profile", "email", "groups"],
  acrValues: null,
  acceptedAcr: [],
};

export const IDPORTEN_PRESET: ProviderPreset = {
  name: "idporten",
  authMethod: "oidc:idporten",
  scopes: ["openid", "profile"],
  // Guardians see their child's case file: only the highest assurance level will do.
  acrValues: "idporten-loa-high",
  acceptedAcr: ["idporten-loa-high"],
};

export const PRESETS: Record<ProviderName, ProviderPreset> = {
  feide: FEIDE_PRESET,
  idporten: IDPORTEN_PRESET,
};

export interface ProviderSettings {
  preset: ProviderPreset;
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Feide only: the groups API base URL. */
  groupsApi: string | null;
}

/** The provider's settings, or null when this installation has not set it up. */
export function providerSettings(
  config: Config,
  name: ProviderName,
  overrides: Partial<Record<ProviderName, Partial<ProviderPreset>>> = {},
): ProviderSettings | null {
  const preset = { ...PRESETS[name], ...(overrides[name] ?? {}) };
  if (name === "feide") {
    const c = config.oidc.feide;
    return c
      ? {
          preset,
          issuer: c.issuer,
          clientId: c.clientId,
          clientSecret: c.clientSecret,
          groupsApi: c.groupsApi,
        }
      : null;
  }
  const c = config.oidc.idporten;
  return c
    ? {
        preset,
        issuer: c.issuer,
        clientId: c.clientId,
        clientSecret: c.clientSecret,
        groupsApi: null,
      }
    : null;
}

/** The redirect URI registered at the provider: always built from the public URL. */
export function callbackUrl(config: Config, name: ProviderName): string {
  return `${config.publicUrl}/api/auth/oidc/${name}/callback`;
}

export function providerOfAuthMethod(authMethod: string): ProviderName | null {
  const name = authMethod.startsWith("oidc:") ? authMethod.slice(5) : null;
  return isProviderName(name) ? name : null;
}
