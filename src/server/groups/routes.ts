// Routes of buddy groups, rotations and seating maps (src/contract/rotations.ts). Thin:
// parse, let the policy decide (each route names its action and the group, school or
// classroom it acts on), call the use case.
import type { FastifyRequest } from "fastify";
import { z } from "zod";
import type { Action, Resource } from "../../core/access/policy.ts";
import { isLang } from "../../i18n/lang.ts";
import { notFound } from "../platform/errors.ts";
import type { FeatureRoutes } from "../platform/http/app.ts";
import { schoolFromParam } from "../platform/http/resources.ts";
import { parseInput } from "../schools/input.ts";
import { archiveRotation } from "./archive.ts";
import { classroomInput, listClassrooms, readClassroom, saveClassroom } from "./classrooms.ts";
import { addConstraint, removeConstraint } from "./constraints.ts";
import type { RotationCommand } from "./context.ts";
import { createRotation } from "./create-rotation.ts";
import {
  constraintInput,
  createRotationInput,
  replanInput,
  saveRoundInput,
  settingsInput,
} from "./inputs.ts";
import { listRotationGroups } from "./list-groups.ts";
import { type Printout, printRound } from "./print.ts";
import { readRotation } from "./read-rotation.ts";
import { replanRotation } from "./replan.ts";
import {
  classroomFromParam,
  groupFromBody,
  placeOf,
  rotationFromParam,
  uuidParam,
} from "./resources.ts";
import { saveRound } from "./save-round.ts";
import { updateSettings } from "./update-settings.ts";

const langQuery = z.object({ lang: z.string().optional() });
const indexParam = z.object({ index: z.coerce.number().int().min(0).max(19) });

export function roundIndexOf(req: FastifyRequest): number {
  const p = indexParam.safeParse(req.params);
  if (!p.success) throw notFound();
  return p.data.index;
}

export const rotationRoutes: FeatureRoutes = (app, { database, clock }) => {
  const db = database.db;
  const access = (action: Action, resource: (req: FastifyRequest) => Promise<Resource>) => ({
    config: { access: { action, resource } },
  });
  const atSchool = schoolFromParam(db);
  const rotation = rotationFromParam(db);
  const classroom = classroomFromParam(db);
  const command = (req: FastifyRequest): RotationCommand => {
    if (!req.actor) throw new Error("route reached without an actor");
    return {
      ...placeOf(req),
      actor: req.actor,
      requestId: req.id,
      now: clock(),
      lang: req.lang,
    };
  };
  const planIdOf = (req: FastifyRequest) => uuidParam(req, "rotationId");

  app.get(
    "/api/schools/:schoolId/rotation-groups",
    access("rotation.list", atSchool),
    async (req) => {
      const cmd = command(req);
      return listRotationGroups(db, cmd);
    },
  );

  // --- classrooms ------------------------------------------------------------------------

  app.get("/api/schools/:schoolId/classrooms", access("classroom.read", atSchool), async (req) =>
    listClassrooms(db, placeOf(req).schoolId),
  );

  app.post(
    "/api/schools/:schoolId/classrooms",
    access("classroom.manage", atSchool),
    async (req, reply) => {
      const input = parseInput(classroomInput, req.body, req.lang);
      return reply.status(201).send(await saveClassroom(db, { ...command(req), input }));
    },
  );

  app.get("/api/classrooms/:classroomId", access("classroom.read", classroom), async (req) =>
    readClassroom(db, placeOf(req).schoolId, uuidParam(req, "classroomId")),
  );

  app.put("/api/classrooms/:classroomId", access("classroom.manage", classroom), async (req) => {
    const input = parseInput(classroomInput, req.body, req.lang);
    return saveClassroom(db, {
      ...command(req),
      classroomId: uuidParam(req, "classroomId"),
      input,
    });
  });

  // --- rotation plans ----------------------------------------------------------------------

  app.post(
    "/api/schools/:schoolId/rotations",
    access("rotation.manage", groupFromBody(db)),
    async (req, reply) => {
      const input = parseInput(createRotationInput, req.body, req.lang);
      return reply.status(201).send(await createRotation(db, { ...command(req), input }));
    },
  );

  app.get("/api/rotations/:rotationId", access("rotation.read", rotation), async (req) => {
    const cmd = command(req);
    return readRotation(db, req, { ...cmd, planId: planIdOf(req) });
  });

  app.put(
    "/api/rotations/:rotationId/settings",
    access("rotation.manage", rotation),
    async (req) => {
      const input = parseInput(settingsInput, req.body, req.lang);
      return updateSettings(db, { ...command(req), planId: planIdOf(req), input });
    },
  );

  app.post(
    "/api/rotations/:rotationId/constraints",
    access("rotation.manage", rotation),
    async (req) => {
      const input = parseInput(constraintInput, req.body, req.lang);
      return addConstraint(db, { ...command(req), planId: planIdOf(req), input });
    },
  );

  app.delete(
    "/api/rotations/:rotationId/constraints/:constraintId",
    access("rotation.manage", rotation),
    async (req) =>
      removeConstraint(db, {
        ...command(req),
        planId: planIdOf(req),
        constraintId: uuidParam(req, "constraintId"),
      }),
  );

  app.put(
    "/api/rotations/:rotationId/rounds/:index",
    access("rotation.manage", rotation),
    async (req) => {
      const index = roundIndexOf(req);
      const input = parseInput(saveRoundInput, req.body, req.lang);
      return saveRound(db, { ...command(req), planId: planIdOf(req), index, input });
    },
  );

  app.post(
    "/api/rotations/:rotationId/replan",
    access("rotation.manage", rotation),
    async (req) => {
      const input = parseInput(replanInput, req.body ?? {}, req.lang);
      return replanRotation(db, {
        ...command(req),
        planId: planIdOf(req),
        fromRound: input.fromRound,
        seed: input.seed,
      });
    },
  );

  // --- printouts -----------------------------------------------------------------------------

  const printouts: [string, Printout][] = [
    ["seating.pdf", "seating"],
    ["name-tags.pdf", "nameTags"],
    ["groups.pdf", "groups"],
  ];
  for (const [file, kind] of printouts) {
    app.get(
      `/api/rotations/:rotationId/rounds/:index/${file}`,
      access("rotation.read", rotation),
      async (req, reply) => {
        const q = langQuery.safeParse(req.query);
        const wanted = q.success ? q.data.lang : undefined;
        const out = await printRound(db, req, {
          ...placeOf(req),
          planId: planIdOf(req),
          index: roundIndexOf(req),
          kind,
          lang: isLang(wanted) ? wanted : req.lang,
          now: clock(),
        });
        return reply
          .header("content-type", "application/pdf")
          .header("content-disposition", `attachment; filename="${out.fileName}"`)
          .send(out.pdf);
      },
    );
  }

  app.post("/api/rotations/:rotationId/archive", access("rotation.manage", rotation), async (req) =>
    archiveRotation(db, { ...command(req), planId: planIdOf(req) }),
  );
};
