// Reads of personal data leave a trace: who looked at which people, when. The entry holds ids
// only, and is written in its own short transaction after the read.
import type { FastifyRequest } from "fastify";
import { appendAudit } from "../platform/audit.ts";
import type { Db } from "../platform/db/database.ts";

export async function auditRead(
  db: Db,
  req: FastifyRequest,
  now: Date,
  entry: {
    action: string;
    resourceType: string;
    resourceId?: string | null;
    schoolId?: string | null;
    ownerId?: string | null;
    detail?: Record<string, unknown>;
  },
): Promise<void> {
  await db.transaction().execute((tx) =>
    appendAudit(tx, {
      at: now,
      actorId: req.session?.personId ?? null,
      requestId: req.id,
      ...entry,
    }),
  );
}

/** The ids the policy gate resolved for this request (set before any handler runs). */
export function schoolOf(req: FastifyRequest): { schoolId: string; ownerId: string } {
  const r = req.resource;
  if (!r || (r.type !== "school" && r.type !== "schoolRole")) {
    throw new Error("route declared no school resource");
  }
  return { schoolId: r.schoolId, ownerId: r.ownerId };
}

export function actorIdOf(req: FastifyRequest): string {
  const id = req.session?.personId;
  if (!id) throw new Error("route reached without a session");
  return id;
}
