// Shared set-up of the plan API tests: the big demo school's principal creates the plan
// from the default template for the demo school year and publishes it.
import { expect } from "vitest";
import type { TestApp } from "../support/app.ts";
import { demoSchools, personWithRole } from "../support/people.ts";

export const TEMPLATE = "trygt-skolemiljo-akershus-vgs";

export interface PublishedPlan {
  schoolId: string;
  ownerId: string;
  otherSchoolId: string;
  schoolYearId: string;
  planId: string;
  principalId: string;
}

export async function publishDefaultPlan(t: TestApp): Promise<PublishedPlan> {
  const db = t.database.db;
  const { big, small } = await demoSchools(db);
  const principalId = await personWithRole(db, "principal", { schoolId: big.id });
  const principal = await t.as(principalId);
  const year = await db
    .selectFrom("school_year")
    .select("id")
    .where("school_id", "=", big.id)
    .executeTakeFirstOrThrow();
  const created = await principal.post(`/api/schools/${big.id}/plans`, {
    templateId: TEMPLATE,
    schoolYearId: year.id,
  });
  expect(created.statusCode).toBe(201);
  const planId = created.json().id as string;
  const published = await principal.post(`/api/schools/${big.id}/plans/${planId}/publish`);
  expect(published.statusCode).toBe(200);
  return {
    schoolId: big.id,
    ownerId: big.ownerId,
    otherSchoolId: small.id,
    schoolYearId: year.id,
    planId,
    principalId,
  };
}
