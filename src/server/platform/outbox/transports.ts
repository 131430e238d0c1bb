// How an outbox row leaves Trygg: SMTP e-mail (nodemailer), a Teams incoming webhook, or, in
// demo mode, the captured_mail table. Each returns an outcome the sender turns into a status;
// an error is described by a code only, because SMTP replies often quote the address.

import type { Transporter } from "nodemailer";
import nodemailer from "nodemailer";
import type { RenderedMessage } from "../../notifications/templates.ts";

export type Outcome =
  | { kind: "sent" }
  /** Worth another try later (network, 4xx SMTP reply, HTTP 429/5xx). */
  | { kind: "retry"; error: string }
  /** Trying again cannot help (not configured, 5xx SMTP reply, HTTP 4xx). */
  | { kind: "failed"; error: string };

export interface MailTransport {
  sendMail(message: {
    from: string;
    to: string;
    subject: string;
    text: string;
    headers?: Record<string, string>;
  }): Promise<unknown>;
  close?(): void;
}

export function createSmtpTransport(smtpUrl: string): MailTransport {
  // Short timeouts: a send must end well within the sender's lease on the row (see sender.ts).
  const transporter: Transporter = nodemailer.createTransport({
    url: smtpUrl,
    connectionTimeout: 30_000,
    greetingTimeout: 30_000,
    socketTimeout: 60_000,
  });
  return {
    sendMail: (m) => transporter.sendMail(m),
    close: () => transporter.close(),
  };
}

const errorCode = (err: unknown): string => {
  const e = err as { responseCode?: unknown; code?: unknown; name?: unknown };
  if (typeof e.responseCode === "number") return `smtp:${e.responseCode}`;
  if (typeof e.code === "string" && /^[A-Z_]{2,32}$/.test(e.code)) return `smtp:${e.code}`;
  return "smtp:error";
};

export async function sendEmail(
  transport: MailTransport,
  from: string,
  to: string,
  message: RenderedMessage,
): Promise<Outcome> {
  try {
    await transport.sendMail({
      from,
      to,
      subject: message.subject,
      text: message.body,
      // Tells mail systems not to auto-reply (RFC 3834).
      headers: { "Auto-Submitted": "auto-generated" },
    });
    return { kind: "sent" };
  } catch (err) {
    const code = (err as { responseCode?: unknown }).responseCode;
    // A 5xx reply is the server's final word (no such mailbox, policy); all else may pass.
    if (typeof code === "number" && code >= 500 && code < 600) {
      return { kind: "failed", error: errorCode(err) };
    }
    return { kind: "retry", error: errorCode(err) };
  }
}

/** An Adaptive Card in the message envelope accepted by Teams webhooks and Workflows. */
export function teamsPayload(message: RenderedMessage): unknown {
  return {
    type: "message",
    summary: message.subject,
    attachments: [
      {
        contentType: "application/vnd.microsoft.card.adaptive",
        contentUrl: null,
        content: {
          $schema: "http://adaptivecards.io/schemas/adaptive-card.json",
          type: "AdaptiveCard",
          version: "1.4",
          body: [
            {
              type: "TextBlock",
              text: message.subject,
              weight: "Bolder",
              size: "Medium",
              wrap: true,
            },
            { type: "TextBlock", text: message.text, wrap: true },
          ],
          actions: [{ type: "Action.OpenUrl", title: message.open, url: message.url }],
        },
      },
    ],
  };
}

export type FetchLike = (url: string, init: RequestInit) => Promise<{ status: number }>;

export async function postTeams(
  fetchFn: FetchLike,
  webhookUrl: string,
  message: RenderedMessage,
  timeoutMs = 10_000,
): Promise<Outcome> {
  try {
    const res = await fetchFn(webhookUrl, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(teamsPayload(message)),
      signal: AbortSignal.timeout(timeoutMs),
      redirect: "error",
    });
    if (res.status >= 200 && res.status < 300) return { kind: "sent" };
    if (res.status === 429 || res.status >= 500)
      return { kind: "retry", error: `http:${res.status}` };
    return { kind: "failed", error: `http:${res.status}` };
  } catch (err) {
    const name = (err as { name?: unknown }).name;
    return { kind: "retry", error: name === "TimeoutError" ? "http:timeout" : "http:network" };
  }
}
