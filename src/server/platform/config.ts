// The one place that reads process.env. Parsed once at boot; a bad value stops the start
// with the names of every offending variable (fail fast, never half-configured).
import path from "node:path";
import { z } from "zod";

const bool = z
  .enum(["true", "false", "1", "0", "yes", "no"])
  .transform((v) => v === "true" || v === "1" || v === "yes");

const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().min(1).default("localhost"),
  TRYGG_PUBLIC_URL: z.url().optional(),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "must be a postgres:// URL")
    .optional(),
  TRYGG_DATA_DIR: z.string().min(1).default("./data"),
  TRYGG_DEMO: bool.optional(),
  TRYGG_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
  TRYGG_TRUST_PROXY: bool.default(false),
  SESSION_IDLE_MINUTES: z.coerce
    .number()
    .int()
    .min(5)
    .max(24 * 60)
    .default(30),
  SESSION_MAX_HOURS: z.coerce.number().int().min(1).max(72).default(12),
  MAX_UPLOAD_MB: z.coerce.number().int().min(1).max(200).default(20),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, "must be an smtp:// or smtps:// URL")
    .optional(),
  MAIL_FROM: z.string().min(3).default("Trygg <no-reply@trygg.invalid>"),
  TEAMS_WEBHOOK_URL: z.url().optional(),
  FEIDE_CLIENT_ID: z.string().min(1).optional(),
  FEIDE_CLIENT_SECRET: z.string().min(1).optional(),
  FEIDE_ISSUER: z.url().default("https://auth.dataporten.no"),
  FEIDE_GROUPS_API: z.url().default("https://groups-api.dataporten.no"),
  IDPORTEN_CLIENT_ID: z.string().min(1).optional(),
  IDPORTEN_CLIENT_SECRET: z.string().min(1).optional(),
  IDPORTEN_ISSUER: z.url().default("https://idporten.no"),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
});

export type Env = z.infer<typeof envSchema>;

/** TRYGG_* names used only by the project's own test tooling, never by the server. */
const TOOLING_PREFIXES = ["TRYGG_TEST_", "TRYGG_E2E_"];
const TOOLING_NAMES = new Set(["TRYGG_SEED_PLAN", "TRYGG_SCREENSHOT"]);
const KNOWN_NAMES = Object.keys(envSchema.shape);

/** Levenshtein distance, for "did you mean" on a misspelled variable name. */
function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      row[j] = Math.min(
        (prev[j] ?? 0) + 1,
        (row[j - 1] ?? 0) + 1,
        (prev[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
    }
    prev = row;
  }
  return prev[b.length] ?? 0;
}

/**
 * A TRYGG_* variable Trygg does not know is almost always a typo (TRYGG_SECRE, TRYGG_DATADIR).
 * Silently ignoring it would run with a default the operator meant to change, so it stops the
 * start and names the closest real variable.
 */
export function unknownVariables(source: Record<string, string | undefined>): string[] {
  return Object.keys(source)
    .filter((name) => name.startsWith("TRYGG_") && !KNOWN_NAMES.includes(name))
    .filter((name) => !TOOLING_NAMES.has(name) && !TOOLING_PREFIXES.some((p) => name.startsWith(p)))
    .sort()
    .map((name) => {
      const best = KNOWN_NAMES.map((k) => ({ k, d: editDistance(name, k) })).sort(
        (x, y) => x.d - y.d,
      )[0];
      const hint = best && best.d <= 4 ? ` (did you mean ${best.k}?)` : "";
      return `${name}: not a Trygg setting${hint}; see the README's list of settings`;
    });
}

export interface Config {
  env: Env["NODE_ENV"];
  port: number;
  host: string;
  publicUrl: string;
  database: { engine: "pglite"; dataDir: string } | { engine: "postgres"; url: string };
  dataDir: string;
  /** Demo mode: seeded demo school, "log in as" picker, captured mail. Never in production. */
  demo: boolean;
  secret: string | undefined;
  trustProxy: boolean;
  secureCookies: boolean;
  session: { idleMinutes: number; maxHours: number };
  maxUploadBytes: number;
  mail: { smtpUrl: string | undefined; from: string };
  teamsWebhookUrl: string | undefined;
  oidc: {
    feide?: { issuer: string; clientId: string; clientSecret: string; groupsApi: string };
    idporten?: { issuer: string; clientId: string; clientSecret: string };
  };
  logLevel: Env["LOG_LEVEL"];
  /** Settings that work but probably are not what the operator wants; logged at start. */
  warnings: string[];
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
  }
}

/** True where the demo features must be impossible, whatever TRYGG_DEMO says. */
export function isProductionLike(env: Pick<Env, "NODE_ENV" | "DATABASE_URL">): boolean {
  return env.NODE_ENV === "production" || env.DATABASE_URL !== undefined;
}

export function loadConfig(source: Record<string, string | undefined> = process.env): Config {
  const parsed = envSchema.safeParse(source);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((i) => `${i.path.join(".") || "(env)"}: ${i.message}`),
    );
  }
  const e = parsed.data;
  const problems: string[] = unknownVariables(source);
  const productionLike = isProductionLike(e);
  if (productionLike && e.TRYGG_DEMO === true) {
    problems.push("TRYGG_DEMO: demo mode is not allowed with NODE_ENV=production or DATABASE_URL");
  }
  if (e.NODE_ENV === "production" && !e.TRYGG_SECRET) {
    problems.push("TRYGG_SECRET: required in production (at least 32 random characters)");
  }
  if (e.FEIDE_CLIENT_ID && !e.FEIDE_CLIENT_SECRET) {
    problems.push("FEIDE_CLIENT_SECRET: required when FEIDE_CLIENT_ID is set");
  }
  if (e.IDPORTEN_CLIENT_ID && !e.IDPORTEN_CLIENT_SECRET) {
    problems.push("IDPORTEN_CLIENT_SECRET: required when IDPORTEN_CLIENT_ID is set");
  }
  if (problems.length > 0) throw new ConfigError(problems);

  const dataDir = path.resolve(e.TRYGG_DATA_DIR);
  const publicUrl = (e.TRYGG_PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, "");
  return {
    env: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    publicUrl,
    database: e.DATABASE_URL
      ? { engine: "postgres", url: e.DATABASE_URL }
      : { engine: "pglite", dataDir: path.join(dataDir, "pglite") },
    dataDir,
    demo: productionLike ? false : (e.TRYGG_DEMO ?? true),
    secret: e.TRYGG_SECRET,
    trustProxy: e.TRYGG_TRUST_PROXY,
    secureCookies: publicUrl.startsWith("https://"),
    session: { idleMinutes: e.SESSION_IDLE_MINUTES, maxHours: e.SESSION_MAX_HOURS },
    maxUploadBytes: e.MAX_UPLOAD_MB * 1024 * 1024,
    mail: { smtpUrl: e.SMTP_URL, from: e.MAIL_FROM },
    teamsWebhookUrl: e.TEAMS_WEBHOOK_URL,
    oidc: {
      ...(e.FEIDE_CLIENT_ID && e.FEIDE_CLIENT_SECRET
        ? {
            feide: {
              issuer: e.FEIDE_ISSUER,
              clientId: e.FEIDE_CLIENT_ID,
              clientSecret: e.FEIDE_CLIENT_SECRET,
              groupsApi: e.FEIDE_GROUPS_API,
            },
          }
        : {}),
      ...(e.IDPORTEN_CLIENT_ID && e.IDPORTEN_CLIENT_SECRET
        ? {
            idporten: {
              issuer: e.IDPORTEN_ISSUER,
              clientId: e.IDPORTEN_CLIENT_ID,
              clientSecret: e.IDPORTEN_CLIENT_SECRET,
            },
          }
        : {}),
    },
    logLevel: e.LOG_LEVEL,
    warnings: startWarnings(e, productionLike),
  };
}

function startWarnings(e: Env, productionLike: boolean): string[] {
  const warnings: string[] = [];
  if (productionLike && !e.SMTP_URL) {
    warnings.push(
      "SMTP_URL is not set: alerts and reminders are shown in Trygg but no e-mail is sent",
    );
  }
  if (e.NODE_ENV === "production" && !e.TRYGG_PUBLIC_URL) {
    warnings.push("TRYGG_PUBLIC_URL is not set: links in e-mails point to http://localhost");
  }
  return warnings;
}
