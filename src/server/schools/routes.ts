import type { FeatureRoutes } from "../platform/http/app.ts";
import { schoolFromParam } from "../platform/http/resources.ts";

export const schoolRoutes: FeatureRoutes = (app, { database }) => {
  const db = database.db;
  app.get(
    "/api/schools/:schoolId",
    { config: { access: { action: "school.read", resource: schoolFromParam(db) } } },
    async (req) => {
      const { schoolId } = req.params as { schoolId: string };
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
    },
  );
};
