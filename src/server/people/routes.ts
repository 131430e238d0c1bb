// People and roles at a school. Thin: parse, let the policy decide (in the route's access
// declaration), call the use case, present.
import type { FastifyRequest } from "fastify";
import { z } from "zod";
import type { Resource } from "../../core/access/policy.ts";
import type { Db } from "../platform/db/database.ts";
import { notFound } from "../platform/errors.ts";
import type { FeatureRoutes } from "../platform/http/app.ts";
import { schoolFromParam } from "../platform/http/resources.ts";
import { actorIdOf, auditRead, schoolOf } from "../schools/audit-read.ts";
import { invalidInput, parseInput } from "../schools/input.ts";
import { assignRole, type RoleChangeContext, roleInput } from "./assign-role.ts";
import { createPerson, newPersonInput } from "./create-person.ts";
import { listPeople, peopleQuery } from "./list-people.ts";
import { readPerson } from "./read-person.ts";
import { removeRole } from "./remove-role.ts";

const personParams = z.object({ schoolId: z.uuid(), personId: z.uuid() });
const roleParams = personParams.extend({ roleId: z.uuid() });

/** Ids in the path: a malformed one is simply not found. */
function idsOf<S extends z.ZodType>(schema: S, req: FastifyRequest): z.infer<S> {
  const parsed = schema.safeParse(req.params);
  if (!parsed.success) throw notFound();
  return parsed.data;
}

/**
 * The school plus the role a request gives or takes, so the policy can insist that only a
 * principal hands out the roles that manage people. A role it cannot find is left out: the
 * policy then decides on the school alone, and the handler answers 404.
 */
function roleFromBody(db: Db) {
  const school = schoolFromParam(db);
  return async (req: FastifyRequest): Promise<Resource> => {
    const resource = await school(req);
    const role = (req.body as { role?: unknown } | undefined)?.role;
    if (resource.type !== "school" || typeof role !== "string") return resource;
    return { ...resource, type: "schoolRole", role: role.trim() };
  };
}

function roleFromParam(db: Db) {
  const school = schoolFromParam(db);
  return async (req: FastifyRequest): Promise<Resource> => {
    const resource = await school(req);
    const ids = roleParams.safeParse(req.params);
    if (resource.type !== "school" || !ids.success) return resource;
    const row = await db
      .selectFrom("role_assignment")
      .select("role")
      .where("id", "=", ids.data.roleId)
      .where("person_id", "=", ids.data.personId)
      .where("school_id", "=", resource.schoolId)
      .executeTakeFirst();
    return row ? { ...resource, type: "schoolRole", role: row.role } : resource;
  };
}

export const peopleRoutes: FeatureRoutes = (app, { database, clock }) => {
  const db = database.db;
  const read = {
    config: { access: { action: "people.read" as const, resource: schoolFromParam(db) } },
  };

  const context = (req: FastifyRequest): RoleChangeContext => ({
    ...schoolOf(req),
    actorId: actorIdOf(req),
    requestId: req.id,
    now: clock(),
    lang: req.lang,
  });

  app.get("/api/schools/:schoolId/people", read, async (req) => {
    const { schoolId, ownerId } = schoolOf(req);
    const query = parseInput(peopleQuery, req.query, req.lang);
    const result = await listPeople(db, schoolId, query);
    if (!result.ok) throw invalidInput(req.lang, result.problems);
    await auditRead(db, req, clock(), {
      action: "people.list",
      resourceType: "school",
      resourceId: schoolId,
      schoolId,
      ownerId,
      // Which people were shown, and how they were found; never the search text (a name).
      detail: {
        personIds: result.people.map((p) => p.id),
        total: result.total,
        role: query.role ?? null,
        groupId: query.groupId ?? null,
        search: Boolean(query.q),
        offset: query.offset,
      },
    });
    return { total: result.total, people: result.people };
  });

  app.get("/api/schools/:schoolId/people/:personId", read, async (req) => {
    const { schoolId, ownerId } = schoolOf(req);
    const { personId } = idsOf(personParams, req);
    const person = await readPerson(db, schoolId, personId);
    if (!person) throw notFound();
    await auditRead(db, req, clock(), {
      action: "person.read",
      resourceType: "person",
      resourceId: personId,
      schoolId,
      ownerId,
    });
    return person;
  });

  app.post(
    "/api/schools/:schoolId/people",
    { config: { access: { action: "people.manage", resource: roleFromBody(db) } } },
    async (req, reply) => {
      const input = parseInput(newPersonInput, req.body, req.lang);
      const created = await createPerson(db, context(req), input);
      return reply.status(201).send(created);
    },
  );

  app.post(
    "/api/schools/:schoolId/people/:personId/roles",
    { config: { access: { action: "people.manage", resource: roleFromBody(db) } } },
    async (req, reply) => {
      const { personId } = idsOf(personParams, req);
      const input = parseInput(roleInput, req.body, req.lang);
      const role = await assignRole(db, context(req), personId, input);
      return reply.status(201).send(role);
    },
  );

  app.delete(
    "/api/schools/:schoolId/people/:personId/roles/:roleId",
    { config: { access: { action: "people.manage", resource: roleFromParam(db) } } },
    async (req, reply) => {
      const { personId, roleId } = idsOf(roleParams, req);
      await removeRole(db, context(req), personId, roleId);
      return reply.status(204).send();
    },
  );
};
