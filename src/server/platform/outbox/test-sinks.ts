// Local stand-ins for the outside world in outbox tests: an SMTP server and a Teams webhook on
// 127.0.0.1, recording what they receive. Used by tests only.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";

export interface ReceivedMail {
  to: string[];
  subject: string;
  body: string;
  raw: string;
}

/** Decodes RFC 2047 encoded words (=?UTF-8?Q?...?= / ?B?) in a header value. */
function decodeWords(value: string): string {
  return value
    .replace(/\?=\s+=\?/g, "?==?")
    .replace(/=\?([^?]+)\?([QqBb])\?([^?]*)\?=/g, (_m, _charset, enc: string, text: string) => {
      if (enc.toUpperCase() === "B") return Buffer.from(text, "base64").toString("utf8");
      return decodeQp(text.replace(/_/g, " "));
    });
}

function decodeQp(text: string): string {
  const bytes: number[] = [];
  const s = text.replace(/=\r?\n/g, "");
  for (let i = 0; i < s.length; i++) {
    const c = s[i] as string;
    if (c === "=" && /^[0-9A-Fa-f]{2}$/.test(s.slice(i + 1, i + 3))) {
      bytes.push(Number.parseInt(s.slice(i + 1, i + 3), 16));
      i += 2;
    } else {
      bytes.push(...Buffer.from(c, "utf8"));
    }
  }
  return Buffer.from(bytes).toString("utf8");
}

export function parseMail(raw: string, to: string[]): ReceivedMail {
  const split = raw.indexOf("\r\n\r\n");
  const head = raw.slice(0, split).replace(/\r\n[ \t]+/g, " ");
  const rawBody = raw.slice(split + 4);
  const header = (name: string) =>
    head
      .split("\r\n")
      .find((l) => l.toLowerCase().startsWith(`${name.toLowerCase()}:`))
      ?.slice(name.length + 1)
      .trim() ?? "";
  const encoding = header("Content-Transfer-Encoding").toLowerCase();
  const body =
    encoding === "quoted-printable"
      ? decodeQp(rawBody)
      : encoding === "base64"
        ? Buffer.from(rawBody.replace(/\s+/g, ""), "base64").toString("utf8")
        : rawBody;
  return { to, subject: decodeWords(header("Subject")), body, raw };
}

export interface SmtpSink {
  url: string;
  received: ReceivedMail[];
  /** Reply to the next RCPT TO commands with this SMTP code (e.g. 451, 550); null accepts. */
  rejectWith: number | null;
  close(): Promise<void>;
}

export async function startSmtpSink(): Promise<SmtpSink> {
  const sink: SmtpSink = {
    url: "",
    received: [],
    rejectWith: null,
    close: async () => {},
  };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onRcptTo(_address, _session, cb) {
      if (sink.rejectWith !== null) {
        const err = new Error("rejected by test") as Error & { responseCode: number };
        err.responseCode = sink.rejectWith;
        return cb(err);
      }
      cb();
    },
    onData(stream, session, cb) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => {
        const to = session.envelope.rcptTo.map((r) => r.address);
        sink.received.push(parseMail(Buffer.concat(chunks).toString("utf8"), to));
        cb();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.server.address() as AddressInfo).port;
  sink.url = `smtp://127.0.0.1:${port}`;
  sink.close = () => new Promise<void>((resolve) => server.close(() => resolve()));
  return sink;
}

export interface WebhookSink {
  url: string;
  received: unknown[];
  /** The HTTP status to answer with (default 200). */
  status: number;
  close(): Promise<void>;
}

export async function startWebhookSink(): Promise<WebhookSink> {
  const sink: WebhookSink = { url: "", received: [], status: 200, close: async () => {} };
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      if (sink.status >= 200 && sink.status < 300) {
        sink.received.push(JSON.parse(Buffer.concat(chunks).toString("utf8")));
      }
      res.statusCode = sink.status;
      res.end(sink.status < 300 ? "1" : "error");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  sink.url = `http://127.0.0.1:${port}/webhook`;
  sink.close = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return sink;
}
