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
  const problems: string[] = [];
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
  };
}
