// Resource resolvers used in route declarations: they load just enough to let the policy
// decide (which school, which owner). An unknown id is a 404 before the policy runs.
import type { FastifyRequest } from "fastify";
import { z } from "zod";
import type { Resource } from "../../../core/access/policy.ts";
import type { Db } from "../db/database.ts";
import { notFound } from "../errors.ts";

const uuid = z.uuid();

export function schoolFromParam(db: Db, param = "schoolId") {
  // A school never changes owner and is never deleted, so its owner can be remembered; this
  // also lets the embedded engine answer while a long transaction holds its connection.
  const owners = new Map<string, string>();
  return async (req: FastifyRequest): Promise<Resource> => {
    const raw = (req.params as Record<string, unknown>)[param];
    const id = uuid.safeParse(raw);
    if (!id.success) throw notFound();
    const known = owners.get(id.data);
    if (known) return { type: "school", schoolId: id.data, ownerId: known };
    const school = await db
      .selectFrom("school")
      .select(["id", "owner_id"])
      .where("id", "=", id.data)
      .executeTakeFirst();
    if (!school) throw notFound();
    owners.set(school.id, school.owner_id);
    return { type: "school", schoolId: school.id, ownerId: school.owner_id };
  };
}

export function ownerFromParam(db: Db, param = "ownerId") {
  return async (req: FastifyRequest): Promise<Resource> => {
    const raw = (req.params as Record<string, unknown>)[param];
    const id = uuid.safeParse(raw);
    if (!id.success) throw notFound();
    const owner = await db
      .selectFrom("school_owner")
      .select("id")
      .where("id", "=", id.data)
      .executeTakeFirst();
    if (!owner) throw notFound();
    return { type: "owner", ownerId: owner.id };
  };
}

export const self = (): Resource => ({ type: "self" });
export const system = (): Resource => ({ type: "system" });

export const idParam = (name: string) => z.object({ [name]: uuid });
