// What the OIDC use cases share: the app's dependencies, the per-process discovery cache and
// the server secret (read lazily: an installation without OIDC never needs it here).
import type { Logger } from "pino";
import type { AppDeps } from "../../platform/http/app.ts";
import type { DiscoveryCache } from "./client.ts";
import type { ProviderName, ProviderPreset } from "./presets.ts";

export interface OidcContext {
  deps: AppDeps;
  discovery: DiscoveryCache;
  secret: () => string;
  log: Logger;
  /** How long a login waits for Feide's groups API before going on without a sync. */
  groupsTimeoutMs: number;
  presetOverrides: Partial<Record<ProviderName, Partial<ProviderPreset>>>;
}

/** How long a started login may take before its state is forgotten. */
export const FLOW_TTL_MS = 10 * 60_000;
