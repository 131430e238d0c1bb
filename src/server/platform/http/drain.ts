// Graceful stop. On SIGTERM the server keeps listening while requests in flight finish, and
// answers every new request 503 with `Connection: close` and `Retry-After`, so a proxy or load
// balancer moves traffic to another instance instead of seeing refused connections. When the
// last request has finished (or the deadline passes) the caller closes the server.
import type { FastifyInstance } from "fastify";
import { errorMessage } from "../../../i18n/errors.ts";
import { isLang } from "../../../i18n/lang.ts";

export interface Drain {
  /** Starts refusing new requests; resolves when none is in flight or after `timeoutMs`. */
  drain(timeoutMs: number): Promise<{ unfinished: number }>;
  readonly draining: boolean;
}

const counted = Symbol("drain.counted");

export function installDrain(app: FastifyInstance): Drain {
  let draining = false;
  let inFlight = 0;
  let idle: (() => void) | null = null;

  app.addHook("onRequest", async (req, reply) => {
    if (draining) {
      const lang = req.headers["x-trygg-lang"];
      return reply
        .code(503)
        .header("connection", "close")
        .header("retry-after", "5")
        .send({
          code: "unavailable",
          message: errorMessage(isLang(lang) ? lang : "nb", "unavailable"),
        });
    }
    inFlight++;
    (req as unknown as Record<symbol, boolean>)[counted] = true;
  });
  const done = async (req: object) => {
    const r = req as Record<symbol, boolean>;
    if (!r[counted]) return;
    r[counted] = false;
    inFlight--;
    if (inFlight === 0 && idle) idle();
  };
  app.addHook("onResponse", done);
  app.addHook("onRequestAbort", done);

  return {
    get draining() {
      return draining;
    },
    async drain(timeoutMs) {
      draining = true;
      if (inFlight > 0) {
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, timeoutMs);
          idle = () => {
            clearTimeout(timer);
            resolve();
          };
        });
      }
      return { unfinished: inFlight };
    },
  };
}
