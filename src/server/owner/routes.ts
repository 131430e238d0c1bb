// The school owner (county) level: its schools and the people holding owner roles.
import type { FastifyRequest } from "fastify";
import { z } from "zod";
import { isLang, type Lang } from "../../i18n/lang.ts";
import { notFound } from "../platform/errors.ts";
import type { FeatureRoutes } from "../platform/http/app.ts";
import { ownerFromParam, system } from "../platform/http/resources.ts";
import { actorIdOf, auditRead } from "../schools/audit-read.ts";
import { parseInput } from "../schools/input.ts";
import {
  addClosedDay,
  caseSettingsInput,
  closedDayInput,
  loadOwnerCaseSettings,
  removeClosedDay,
  saveOwnerCaseSettings,
} from "./case-settings.ts";
import { complianceCsv, compliancePdf, loadCompliance } from "./compliance.ts";
import {
  assignOwnerRole,
  listOwnerPeople,
  type OwnerRoleContext,
  ownerRoleInput,
  removeOwnerRole,
} from "./owner-roles.ts";
import { createOwner, newOwnerInput } from "./owners.ts";
import { createSchool, listOwnerSchools, newSchoolInput } from "./schools.ts";

const collator = new Intl.Collator("nb", { numeric: true, sensitivity: "base" });
const personParams = z.object({ ownerId: z.uuid(), personId: z.uuid() });
const roleParams = personParams.extend({ roleId: z.uuid() });
const dayParams = z.object({ ownerId: z.uuid(), day: z.iso.date() });
const complianceQuery = z.object({
  year: z
    .string()
    .regex(/^\d{4}-\d{4}$/)
    .optional(),
  lang: z.string().optional(),
});

/** Downloads are plain links (no language header): `?lang=` says which language to use. */
function exportLang(req: FastifyRequest): Lang {
  const lang = (req.query as { lang?: unknown }).lang;
  return typeof lang === "string" && isLang(lang) ? lang : req.lang;
}

function ownerOf(req: FastifyRequest): string {
  if (req.resource?.type !== "owner") throw new Error("route declared no owner resource");
  return req.resource.ownerId;
}

function idsOf<S extends z.ZodType>(schema: S, req: FastifyRequest): z.infer<S> {
  const parsed = schema.safeParse(req.params);
  if (!parsed.success) throw notFound();
  return parsed.data;
}

export const ownerRoutes: FeatureRoutes = (app, { database, clock }) => {
  const db = database.db;
  const read = {
    config: { access: { action: "owner.read" as const, resource: ownerFromParam(db) } },
  };
  const manage = {
    config: { access: { action: "owner.manage" as const, resource: ownerFromParam(db) } },
  };
  const caseSettings = {
    config: { access: { action: "owner.caseSettings" as const, resource: ownerFromParam(db) } },
  };
  const context = (req: FastifyRequest): OwnerRoleContext => ({
    ownerId: ownerOf(req),
    actorId: actorIdOf(req),
    requestId: req.id,
    now: clock(),
    lang: req.lang,
  });

  app.get(
    "/api/owners",
    { config: { access: { action: "system.manage", resource: system } } },
    async () => {
      const rows = await db
        .selectFrom("school_owner as o")
        .select(["o.id", "o.name", "o.org_number"])
        .select((eb) =>
          eb
            .selectFrom("school as s")
            .select((e) => e.fn.countAll<string>().as("n"))
            .whereRef("s.owner_id", "=", "o.id")
            .as("schools"),
        )
        .execute();
      return rows
        .map((o) => ({
          id: o.id,
          name: o.name,
          orgNumber: o.org_number,
          schools: Number(o.schools ?? 0),
        }))
        .sort((a, b) => collator.compare(a.name, b.name));
    },
  );

  app.post(
    "/api/owners",
    { config: { access: { action: "system.manage", resource: system } } },
    async (req, reply) => {
      const input = parseInput(newOwnerInput, req.body, req.lang);
      const owner = await createOwner(db, {
        input,
        actorId: actorIdOf(req),
        requestId: req.id,
        now: clock(),
        lang: req.lang,
      });
      return reply.status(201).send(owner);
    },
  );

  app.get("/api/owners/:ownerId", read, async (req) => {
    const owner = await db
      .selectFrom("school_owner")
      .select(["id", "name", "org_number"])
      .where("id", "=", ownerOf(req))
      .executeTakeFirstOrThrow();
    return { id: owner.id, name: owner.name, orgNumber: owner.org_number };
  });

  app.get("/api/owners/:ownerId/schools", read, async (req) => {
    return listOwnerSchools(db, ownerOf(req));
  });

  app.post("/api/owners/:ownerId/schools", manage, async (req, reply) => {
    const input = parseInput(newSchoolInput, req.body, req.lang);
    const school = await createSchool(db, {
      ownerId: ownerOf(req),
      input,
      actorId: actorIdOf(req),
      requestId: req.id,
      now: clock(),
      lang: req.lang,
    });
    return reply.status(201).send(school);
  });

  app.get("/api/owners/:ownerId/people", read, async (req) => {
    const ownerId = ownerOf(req);
    const people = await listOwnerPeople(db, ownerId);
    await auditRead(db, req, clock(), {
      action: "people.list",
      resourceType: "owner",
      resourceId: ownerId,
      ownerId,
      detail: { personIds: people.map((p) => p.id), total: people.length },
    });
    return { people };
  });

  app.post("/api/owners/:ownerId/people/:personId/roles", manage, async (req, reply) => {
    const { personId } = idsOf(personParams, req);
    const { role } = parseInput(ownerRoleInput, req.body, req.lang);
    const created = await assignOwnerRole(db, context(req), personId, role);
    return reply.status(201).send(created);
  });

  app.delete("/api/owners/:ownerId/people/:personId/roles/:roleId", manage, async (req, reply) => {
    const { personId, roleId } = idsOf(roleParams, req);
    await removeOwnerRole(db, context(req), personId, roleId);
    return reply.status(204).send();
  });

  // The duty-to-act settings and closed days (owner settings page): the owner's case staff.
  // --- the compliance desk: aggregates across the owner's schools ----------------------
  const complianceAccess = {
    config: { access: { action: "owner.compliance" as const, resource: ownerFromParam(db) } },
  };
  const complianceOf = async (req: FastifyRequest) => {
    const year = parseInput(complianceQuery, req.query, req.lang).year ?? null;
    const report = await loadCompliance(db, ownerOf(req), year, clock());
    if (!report) throw notFound();
    return report;
  };
  app.get("/api/owners/:ownerId/compliance", complianceAccess, complianceOf);
  app.get("/api/owners/:ownerId/compliance.csv", complianceAccess, async (req, reply) => {
    const report = await complianceOf(req);
    return reply
      .type("text/csv; charset=utf-8")
      .header("content-disposition", `attachment; filename="skolemiljo-${report.year.label}.csv"`)
      .send(complianceCsv(report, exportLang(req)));
  });
  app.get("/api/owners/:ownerId/compliance.pdf", complianceAccess, async (req, reply) => {
    const report = await complianceOf(req);
    return reply
      .type("application/pdf")
      .header(
        "content-disposition",
        `inline; filename="tilstandsrapport-skolemiljo-${report.year.label}.pdf"`,
      )
      .send(await compliancePdf(report, exportLang(req), clock()));
  });

  app.get("/api/owners/:ownerId/case-settings", caseSettings, async (req) => {
    return loadOwnerCaseSettings(db, ownerOf(req));
  });

  app.put("/api/owners/:ownerId/case-settings", caseSettings, async (req) => {
    const input = parseInput(caseSettingsInput, req.body, req.lang);
    return saveOwnerCaseSettings(db, context(req), input);
  });

  app.post("/api/owners/:ownerId/closed-days", caseSettings, async (req, reply) => {
    const input = parseInput(closedDayInput, req.body, req.lang);
    return reply.status(201).send(await addClosedDay(db, context(req), input));
  });

  app.delete("/api/owners/:ownerId/closed-days/:day", caseSettings, async (req, reply) => {
    const { day } = idsOf(dayParams, req);
    await removeClosedDay(db, context(req), day);
    return reply.status(204).send();
  });
};
