// Resource resolvers of the rotation routes: the class or teaching group a plan is for (the
// policy decides per group), and the school of a classroom. Unknown ids are 404s.
import type { FastifyRequest } from "fastify";
import { z } from "zod";
import type { Resource } from "../../core/access/policy.ts";
import type { Db } from "../platform/db/database.ts";
import { notFound } from "../platform/errors.ts";
import { schoolFromParam } from "../platform/http/resources.ts";

const uuid = z.uuid();

export function uuidParam(req: FastifyRequest, name: string): string {
  const id = uuid.safeParse((req.params as Record<string, unknown>)[name]);
  if (!id.success) throw notFound();
  return id.data;
}

/** The group of the plan in `:rotationId`. */
export function rotationFromParam(db: Db) {
  return async (req: FastifyRequest): Promise<Resource> => {
    const planId = uuidParam(req, "rotationId");
    const row = await db
      .selectFrom("rotation_plan as p")
      .innerJoin("school as s", "s.id", "p.school_id")
      .select(["p.school_id", "p.study_group_id", "s.owner_id"])
      .where("p.id", "=", planId)
      .executeTakeFirst();
    if (!row) throw notFound();
    return {
      type: "studyGroup",
      schoolId: row.school_id,
      ownerId: row.owner_id,
      groupId: row.study_group_id,
    };
  };
}

/**
 * A new plan at the school in `:schoolId` for the group the body names. A group that is not
 * the school's is judged as no group at all (only the school's leaders pass, and the input
 * check then refuses it).
 */
export function groupFromBody(db: Db) {
  const school = schoolFromParam(db);
  return async (req: FastifyRequest): Promise<Resource> => {
    const r = await school(req);
    if (r.type !== "school") throw notFound();
    const raw = uuid.safeParse((req.body as { groupId?: unknown } | undefined)?.groupId);
    let groupId = "";
    if (raw.success) {
      const g = await db
        .selectFrom("study_group")
        .select("id")
        .where("id", "=", raw.data)
        .where("school_id", "=", r.schoolId)
        .executeTakeFirst();
      groupId = g?.id ?? "";
    }
    return { type: "studyGroup", schoolId: r.schoolId, ownerId: r.ownerId, groupId };
  };
}

/** The school of the classroom in `:classroomId`. */
export function classroomFromParam(db: Db) {
  return async (req: FastifyRequest): Promise<Resource> => {
    const id = uuidParam(req, "classroomId");
    const row = await db
      .selectFrom("classroom as c")
      .innerJoin("school as s", "s.id", "c.school_id")
      .select(["c.school_id", "s.owner_id"])
      .where("c.id", "=", id)
      .executeTakeFirst();
    if (!row) throw notFound();
    return { type: "school", schoolId: row.school_id, ownerId: row.owner_id };
  };
}

/** Where the request acts, as the gate resolved it. */
export function placeOf(req: FastifyRequest): { schoolId: string; ownerId: string } {
  const r = req.resource;
  if (!r || (r.type !== "school" && r.type !== "studyGroup")) {
    throw new Error("route declared no school or group resource");
  }
  return { schoolId: r.schoolId, ownerId: r.ownerId };
}
