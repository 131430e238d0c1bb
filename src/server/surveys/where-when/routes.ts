// "Hvor og når" (ADR 0117): leadership and pupil services read the where/when aggregates.
import type { FastifyRequest } from "fastify";
import { z } from "zod";
import { osloDateOf } from "../../../core/calendar/iso-date.ts";
import { parsePeriod, periodKey, periodOf } from "../../../core/surveys/where-when/where-when.ts";
import type { FeatureRoutes } from "../../platform/http/app.ts";
import { schoolFromParam } from "../../platform/http/resources.ts";
import { parseInput } from "../../schools/input.ts";
import { readWhereWhen } from "./read.ts";

const query = z.object({
  period: z
    .string()
    .refine((v) => parsePeriod(v) !== null, { error: "field.invalid" })
    .optional(),
});

export const whereWhenRoutes: FeatureRoutes = (app, { database, clock }) => {
  const db = database.db;
  app.get(
    "/api/schools/:schoolId/where-when",
    { config: { access: { action: "whereWhen.read", resource: schoolFromParam(db) } } },
    async (req) => {
      const r = req.resource;
      if (r?.type !== "school") throw new Error("no school resource");
      const q = parseInput(query, req.query, req.lang);
      const now = clock();
      const period = parsePeriod(q.period ?? periodKey(periodOf(osloDateOf(now))));
      if (!period) throw new Error("unreachable: the period was checked");
      return readWhereWhen(
        db,
        req.actor as NonNullable<FastifyRequest["actor"]>,
        { schoolId: r.schoolId, ownerId: r.ownerId },
        period,
        { now, requestId: req.id },
      );
    },
  );
};
