// The audit log as seen by the people entitled to it: a principal sees the school's entries
// (never the restricted ones about leadership cases); the owner sees all its schools.
import { sql } from "kysely";
import { z } from "zod";
import type { FeatureRoutes } from "../platform/http/app.ts";
import { ownerFromParam, schoolFromParam } from "../platform/http/resources.ts";
import { parse } from "../platform/http/validate.ts";

const query = z.object({
  limit: z.coerce.number().int().min(1).max(500).default(100),
  before: z
    .string()
    .regex(/^\d{1,18}$/)
    .optional(),
});

export const auditRoutes: FeatureRoutes = (app, { database }) => {
  const db = database.db;
  const present = (r: {
    seq: string;
    at: Date;
    actor_id: string | null;
    action: string;
    resource_type: string;
    resource_id: string | null;
    school_id: string | null;
    request_id: string | null;
  }) => ({
    seq: r.seq,
    at: new Date(r.at).toISOString(),
    actorId: r.actor_id,
    action: r.action,
    resourceType: r.resource_type,
    resourceId: r.resource_id,
    schoolId: r.school_id,
    requestId: r.request_id,
  });
  const columns = [
    "seq",
    "at",
    "actor_id",
    "action",
    "resource_type",
    "resource_id",
    "school_id",
    "request_id",
  ] as const;

  app.get(
    "/api/schools/:schoolId/audit",
    { config: { access: { action: "audit.read", resource: schoolFromParam(db) } } },
    async (req) => {
      const { schoolId } = req.params as { schoolId: string };
      const q = parse(query, req.query);
      let sel = db
        .selectFrom("audit_log")
        .select(columns)
        .where("school_id", "=", schoolId)
        .where("restricted", "=", false)
        .orderBy("seq", "desc")
        .limit(q.limit);
      if (q.before) sel = sel.where(sql<boolean>`seq < ${q.before}::bigint`);
      return { entries: (await sel.execute()).map(present) };
    },
  );

  app.get(
    "/api/owners/:ownerId/audit",
    { config: { access: { action: "audit.read", resource: ownerFromParam(db) } } },
    async (req) => {
      const { ownerId } = req.params as { ownerId: string };
      const q = parse(query, req.query);
      let sel = db
        .selectFrom("audit_log")
        .select(columns)
        .where((eb) =>
          eb.or([
            eb("owner_id", "=", ownerId),
            eb(
              "school_id",
              "in",
              eb.selectFrom("school").select("id").where("owner_id", "=", ownerId),
            ),
          ]),
        )
        .orderBy("seq", "desc")
        .limit(q.limit);
      if (q.before) sel = sel.where(sql<boolean>`seq < ${q.before}::bigint`);
      return { entries: (await sel.execute()).map(present) };
    },
  );
};
