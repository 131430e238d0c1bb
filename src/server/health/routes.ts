import { sql } from "kysely";
import type { FeatureRoutes } from "../platform/http/app.ts";

/** Liveness (the process answers) and readiness (the database answers). */
export const healthRoutes: FeatureRoutes = (app, { database }) => {
  app.get("/healthz", { config: { access: { public: true } } }, async () => ({ status: "ok" }));
  app.get("/readyz", { config: { access: { public: true } } }, async (_req, reply) => {
    try {
      await sql`SELECT 1`.execute(database.db);
      return { status: "ready", engine: database.engine };
    } catch {
      return reply.status(503).send({ status: "unavailable" });
    }
  });
};
