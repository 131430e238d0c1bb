// openid-client configurations, discovered once per provider per process. Nothing here is
// shared between app instances: each discovers for itself, which costs one HTTP request.
import * as oidc from "openid-client";
import type { ProviderName, ProviderSettings } from "./presets.ts";

export interface OidcClientOptions {
  /**
   * Tests only: lets openid-client speak plain HTTP to an IdP on the loopback interface.
   * Ignored for any other host, so a stray flag can never weaken a real login.
   */
  allowInsecureLoopback?: boolean;
  /** Timeout of every request to the IdP, in seconds. */
  timeoutSeconds?: number;
}

const LOOPBACK = new Set(["127.0.0.1", "localhost", "[::1]"]);

export function isLoopbackHttp(url: URL): boolean {
  return url.protocol === "http:" && LOOPBACK.has(url.hostname);
}

export type DiscoveryCache = (settings: ProviderSettings) => Promise<oidc.Configuration>;

export function createDiscoveryCache(options: OidcClientOptions = {}): DiscoveryCache {
  const cache = new Map<string, Promise<oidc.Configuration>>();
  return (settings) => {
    const key = cacheKey(settings.preset.name, settings);
    let pending = cache.get(key);
    if (!pending) {
      pending = discover(settings, options);
      cache.set(key, pending);
      // A failed discovery (IdP down) must not stick: the next login tries again.
      pending.catch(() => cache.delete(key));
    }
    return pending;
  };
}

function cacheKey(name: ProviderName, s: ProviderSettings): string {
  return `${name}\n${s.issuer}\n${s.clientId}`;
}

async function discover(
  settings: ProviderSettings,
  options: OidcClientOptions,
): Promise<oidc.Configuration> {
  const issuer = new URL(settings.issuer);
  const insecure = options.allowInsecureLoopback === true && isLoopbackHttp(issuer);
  return oidc.discovery(
    issuer,
    settings.clientId,
    { client_secret: settings.clientSecret },
    // Basic is what both Feide and ID-porten register clients with by default.
    oidc.ClientSecretBasic(settings.clientSecret),
    {
      timeout: options.timeoutSeconds ?? 10,
      ...(insecure ? { execute: [oidc.allowInsecureRequests] } : {}),
    },
  );
}
