// A school, its school-year calendar and its groups.
import { z } from "zod";
import { notFound } from "../platform/errors.ts";
import type { FeatureRoutes } from "../platform/http/app.ts";
import { schoolFromParam } from "../platform/http/resources.ts";
import { actorIdOf, auditRead, schoolOf } from "./audit-read.ts";
import { parseInput } from "./input.ts";
import { listGroups } from "./list-groups.ts";
import { schoolYearInput } from "./school-year-input.ts";
import { listSchoolYears, proposeSchoolYear, saveSchoolYear } from "./school-years.ts";

const yearParams = z.object({ schoolId: z.uuid(), yearId: z.uuid() });
const proposalQuery = z.object({ startYear: z.coerce.number().int().min(2000).max(2100) });

export const schoolRoutes: FeatureRoutes = (app, { database, clock }) => {
  const db = database.db;
  const atSchool = (
    action: "school.read" | "schoolYear.read" | "schoolYear.manage" | "people.read",
  ) => ({
    config: { access: { action, resource: schoolFromParam(db) } },
  });

  app.get("/api/schools/:schoolId", atSchool("school.read"), async (req) => {
    const { schoolId } = schoolOf(req);
    const school = await db
      .selectFrom("school as s")
      .innerJoin("school_owner as o", "o.id", "s.owner_id")
      .select(["s.id", "s.name", "s.org_number", "o.id as owner_id", "o.name as owner_name"])
      .where("s.id", "=", schoolId)
      .executeTakeFirstOrThrow();
    return {
      id: school.id,
      name: school.name,
      orgNumber: school.org_number,
      owner: { id: school.owner_id, name: school.owner_name },
    };
  });

  app.get("/api/schools/:schoolId/years", atSchool("schoolYear.read"), async (req) => {
    return listSchoolYears(db, schoolOf(req).schoolId);
  });

  // Registered before /years/:yearId would be, so "proposal" is never taken for an id.
  app.get("/api/schools/:schoolId/years/proposal", atSchool("schoolYear.read"), async (req) => {
    const { startYear } = parseInput(proposalQuery, req.query, req.lang);
    return proposeSchoolYear(startYear, req.lang);
  });

  app.post("/api/schools/:schoolId/years", atSchool("schoolYear.manage"), async (req, reply) => {
    const input = parseInput(schoolYearInput, req.body, req.lang);
    const year = await saveSchoolYear(db, {
      ...schoolOf(req),
      input,
      actorId: actorIdOf(req),
      requestId: req.id,
      now: clock(),
      lang: req.lang,
    });
    return reply.status(201).send(year);
  });

  app.put("/api/schools/:schoolId/years/:yearId", atSchool("schoolYear.manage"), async (req) => {
    const params = yearParams.safeParse(req.params);
    if (!params.success) throw notFound();
    const { yearId } = params.data;
    const input = parseInput(schoolYearInput, req.body, req.lang);
    return saveSchoolYear(db, {
      ...schoolOf(req),
      yearId,
      input,
      actorId: actorIdOf(req),
      requestId: req.id,
      now: clock(),
      lang: req.lang,
    });
  });

  app.get("/api/schools/:schoolId/groups", atSchool("people.read"), async (req) => {
    const { schoolId, ownerId } = schoolOf(req);
    const groups = await listGroups(db, schoolId);
    // The teachers' names are personal data: the read is logged (ids only).
    await auditRead(db, req, clock(), {
      action: "groups.list",
      resourceType: "school",
      resourceId: schoolId,
      schoolId,
      ownerId,
      detail: { count: groups.length },
    });
    return groups;
  });
};
