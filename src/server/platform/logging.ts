// Structured JSON logs (pino). Logs carry ids, never names or case content: the redaction
// list is a safety net for fields that must never be written even by mistake.
import pino, { type Logger } from "pino";

export type LogModule =
  | "boot"
  | "http"
  | "db"
  | "auth"
  | "audit"
  | "jobs"
  | "mail"
  | "import"
  | "people"
  | "cli";

export const REDACT_PATHS = [
  "req.headers.cookie",
  "req.headers.authorization",
  'req.headers["x-csrf-token"]',
  "res.headers['set-cookie']",
  "*.password",
  "*.totp",
  "*.code",
  "*.nin",
  "*.givenName",
  "*.familyName",
  "*.given_name",
  "*.family_name",
  "*.email",
  "*.phone",
  "*.name",
];

export function createRootLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      base: { app: "trygg" },
      redact: { paths: REDACT_PATHS, censor: "[redacted]" },
      timestamp: pino.stdTimeFunctions.isoTime,
    },
    destination,
  );
}

export function getLogger(root: Logger, module: LogModule): Logger {
  return root.child({ module });
}
