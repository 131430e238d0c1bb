// The outbox sender: claims due rows, delivers them and records the outcome.
//
// Exactly once across several app instances: a row is claimed in a short transaction with
// `FOR UPDATE SKIP LOCKED` (two senders never pick the same row) and stamped with this run's
// token and a lease end; the outcome is written only where the token still matches. Rows are
// sent outside any transaction, so a slow SMTP server never holds a database connection (on
// PGlite, the only one). The one gap no outbox can close: if the process dies after the SMTP
// server accepted a mail but before the row is marked, the lease runs out and the mail goes
// again. Demo capture is exact: the captured mail and the status commit together.
import { randomUUID } from "node:crypto";
import type { Selectable } from "kysely";
import { sql } from "kysely";
import type { Logger } from "pino";
import { DEFAULT_LANG, isLang, type Lang } from "../../../i18n/lang.ts";
import { renderMessage } from "../../notifications/templates.ts";
import type { Clock } from "../clock.ts";
import type { Config } from "../config.ts";
import type { Db } from "../db/database.ts";
import type { OutboxTable } from "../db/schema.ts";
import { absoluteAppUrl, isAppLink } from "./link.ts";
import {
  createSmtpTransport,
  type FetchLike,
  type MailTransport,
  type Outcome,
  postTeams,
  sendEmail,
} from "./transports.ts";

export type OutboxRow = Selectable<OutboxTable>;

export interface OutboxDeps {
  db: Db;
  config: Pick<Config, "demo" | "publicUrl" | "mail" | "teamsWebhookUrl">;
  logger: Logger;
  clock: Clock;
  /** Overrides the SMTP transport built from config.mail.smtpUrl (tests, pooled transports). */
  mailTransport?: MailTransport;
  fetch?: FetchLike;
  batchSize?: number;
  /** How long a claim holds; must exceed the slowest send (SMTP timeouts are 30-60 s). */
  leaseMs?: number;
  /** Upper bound of batches per run, so one run cannot hog the worker. */
  maxBatches?: number;
}

export interface OutboxRun {
  sent: number;
  retried: number;
  failed: number;
}

export const MAX_ATTEMPTS = 5;
const DEFAULT_LEASE_MS = 5 * 60_000;

/** 1, 2, 4, 8 ... minutes after the failed attempt, at most an hour. */
export function backoffMs(attempts: number): number {
  return Math.min(60_000 * 2 ** Math.max(0, attempts - 1), 3_600_000);
}

async function claim(db: Db, now: Date, token: string, leaseMs: number, limit: number) {
  return db.transaction().execute(async (tx) => {
    const due = await tx
      .selectFrom("outbox")
      .select("id")
      .where("status", "=", "pending")
      .where("next_attempt_at", "<=", now)
      .where((eb) => eb.or([eb("claimed_until", "is", null), eb("claimed_until", "<", now)]))
      .orderBy("next_attempt_at")
      .orderBy("created_at")
      .limit(limit)
      .forUpdate()
      .skipLocked()
      .execute();
    if (due.length === 0) return [];
    return tx
      .updateTable("outbox")
      .set({
        claim_token: token,
        claimed_until: new Date(now.getTime() + leaseMs),
        attempts: sql`attempts + 1`,
      })
      .where(
        "id",
        "in",
        due.map((r) => r.id),
      )
      .returningAll()
      .execute();
  });
}

async function languages(db: Db, rows: OutboxRow[]): Promise<Map<string, Lang>> {
  const ids = [...new Set(rows.map((r) => r.recipient_id).filter((id): id is string => !!id))];
  if (ids.length === 0) return new Map();
  const prefs = await db
    .selectFrom("notification_preference")
    .select(["person_id", "lang"])
    .where("person_id", "in", ids)
    .execute();
  return new Map(prefs.filter((p) => isLang(p.lang)).map((p) => [p.person_id, p.lang]));
}

/** What happens to a row after its outcome: the columns to write. */
function nextState(row: OutboxRow, outcome: Outcome, now: Date) {
  const release = { claim_token: null, claimed_until: null };
  if (outcome.kind === "sent") {
    return { ...release, status: "sent" as const, sent_at: now, last_error: null };
  }
  if (outcome.kind === "failed" || row.attempts >= MAX_ATTEMPTS) {
    return { ...release, status: "failed" as const, last_error: outcome.error };
  }
  return {
    ...release,
    status: "pending" as const,
    last_error: outcome.error,
    next_attempt_at: new Date(now.getTime() + backoffMs(row.attempts)),
  };
}

/**
 * Sends every due outbox row once and returns what happened. Runs in the `outbox.send` job
 * and, synchronously, in tests.
 */
export async function processOutbox(deps: OutboxDeps): Promise<OutboxRun> {
  const { db, config, clock } = deps;
  const log = deps.logger.child({ module: "mail" });
  const limit = deps.batchSize ?? 50;
  const leaseMs = deps.leaseMs ?? DEFAULT_LEASE_MS;
  const run: OutboxRun = { sent: 0, retried: 0, failed: 0 };
  const fetchFn: FetchLike = deps.fetch ?? ((url, init) => fetch(url, init));
  let transport = deps.mailTransport;
  let ownTransport: MailTransport | undefined;
  const smtp = (): MailTransport | undefined => {
    if (transport) return transport;
    if (!config.mail.smtpUrl) return undefined;
    ownTransport = createSmtpTransport(config.mail.smtpUrl);
    transport = ownTransport;
    return transport;
  };
  const problems = new Map<string, number>();

  try {
    for (let batch = 0; batch < (deps.maxBatches ?? 20); batch++) {
      const token = randomUUID();
      const rows = await claim(db, clock(), token, leaseMs, limit);
      if (rows.length === 0) break;
      const langs = await languages(db, rows);
      for (const row of rows) {
        const lang = (row.recipient_id && langs.get(row.recipient_id)) || DEFAULT_LANG;
        const outcome = await deliver(deps, row, lang, token, smtp, fetchFn);
        if (outcome === "captured") {
          run.sent++;
          continue;
        }
        const next = nextState(row, outcome, clock());
        const done = await db
          .updateTable("outbox")
          .set(next)
          .where("id", "=", row.id)
          .where("claim_token", "=", token)
          .executeTakeFirst();
        if (Number(done.numUpdatedRows) === 0) {
          // Our lease ran out and another sender took the row over: its outcome counts.
          log.warn({ outboxId: row.id }, "outbox lease lost");
          continue;
        }
        if (next.status === "sent") run.sent++;
        else if (next.status === "failed") run.failed++;
        else run.retried++;
        if (outcome.kind !== "sent") {
          problems.set(outcome.error, (problems.get(outcome.error) ?? 0) + 1);
          // Ids, channel and an error code only: never an address, a name or a text.
          log.warn(
            {
              outboxId: row.id,
              channel: row.channel,
              attempts: row.attempts,
              error: outcome.error,
              status: next.status,
            },
            next.status === "failed"
              ? "notification not delivered"
              : "notification delivery will be retried",
          );
        }
      }
      if (rows.length < limit) break;
    }
  } finally {
    ownTransport?.close?.();
  }
  if (problems.has("smtp-not-configured")) {
    log.error(
      { count: problems.get("smtp-not-configured") },
      "e-mail notifications cannot be sent: SMTP_URL is not set (outside demo mode)",
    );
  }
  if (problems.has("teams-not-configured")) {
    log.error(
      { count: problems.get("teams-not-configured") },
      "Teams notifications cannot be sent: TEAMS_WEBHOOK_URL is not set",
    );
  }
  return run;
}

async function deliver(
  deps: OutboxDeps,
  row: OutboxRow,
  lang: Lang,
  token: string,
  smtp: () => MailTransport | undefined,
  fetchFn: FetchLike,
): Promise<Outcome | "captured"> {
  const { config } = deps;
  // In-app rows are delivered when written; one left pending is simply done.
  if (row.channel === "inApp") return { kind: "sent" };
  if (!isAppLink(row.link)) return { kind: "failed", error: "invalid-link" };
  const message = renderMessage(lang, row.template, absoluteAppUrl(config.publicUrl, row.link));

  if (row.channel === "email") {
    if (!row.address) return { kind: "failed", error: "no-address" };
    if (config.demo) {
      // Demo mode never sends mail: it is kept for the demo's mail viewer, exactly once.
      const captured = await deps.db.transaction().execute(async (tx) => {
        const done = await tx
          .updateTable("outbox")
          .set({
            status: "sent",
            sent_at: deps.clock(),
            last_error: null,
            claim_token: null,
            claimed_until: null,
          })
          .where("id", "=", row.id)
          .where("claim_token", "=", token)
          .executeTakeFirst();
        if (Number(done.numUpdatedRows) === 0) return false;
        await tx
          .insertInto("captured_mail")
          .values({
            to_address: row.address as string,
            subject: message.subject,
            body: message.body,
            created_at: deps.clock(),
          })
          .execute();
        return true;
      });
      return captured ? "captured" : { kind: "retry", error: "lease-lost" };
    }
    const transport = smtp();
    if (!transport) return { kind: "failed", error: "smtp-not-configured" };
    return sendEmail(transport, config.mail.from, row.address, message);
  }

  if (!config.teamsWebhookUrl) return { kind: "failed", error: "teams-not-configured" };
  return postTeams(fetchFn, config.teamsWebhookUrl, message);
}
