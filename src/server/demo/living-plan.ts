/**
 * The living demo's action plan: the upper secondary school's principal creates the plan for
 * the current school year from the default template and publishes it, through the same use
 * cases as the plan pages. So "Mine oppgaver", the public page `/plan/<school id>` and the
 * calendar feeds are alive on first start. The lower secondary school is left without a plan,
 * so a visitor (and the e2e suite) can make one from the template there.
 */

import { todayOf } from "../plans/context.ts";
import { createPlan } from "../plans/create-plan.ts";
import { publishPlan } from "../plans/publish-plan.ts";
import { currentSchoolYearId } from "../plans/store.ts";
import type { LivingDemoContext, LivingDemoStep } from "./living.ts";

/** The default template (the seed plan of an Akershus upper secondary school). */
const DEMO_TEMPLATE_ID = "trygt-skolemiljo-akershus-vgs";

export interface DemoPlanResult {
  schoolId: string;
  planId: string;
  occurrences: number;
  tasks: number;
}

/** Creates and publishes the demo plan; null when the school already has one (idempotent). */
export async function publishDemoPlan(ctx: LivingDemoContext): Promise<DemoPlanResult | null> {
  const { db, now } = ctx;
  const school = await db
    .selectFrom("school")
    .select(["id", "owner_id"])
    .where("external_id", "=", "demo-vgs")
    .executeTakeFirst();
  if (!school) return null;
  const principal = await db
    .selectFrom("role_assignment")
    .select("person_id")
    .where("school_id", "=", school.id)
    .where("role", "=", "principal")
    .orderBy("person_id")
    .executeTakeFirst();
  const schoolYearId = await currentSchoolYearId(db, school.id, todayOf(now));
  if (!principal || !schoolYearId) return null;
  const existing = await db
    .selectFrom("action_plan")
    .select("id")
    .where("school_year_id", "=", schoolYearId)
    .executeTakeFirst();
  if (existing) return null;

  const command = {
    schoolId: school.id,
    ownerId: school.owner_id,
    actorId: principal.person_id,
    requestId: "demo-living-plan",
    now,
    lang: "nb" as const,
  };
  const draft = await createPlan(db, {
    ...command,
    input: { templateId: DEMO_TEMPLATE_ID, schoolYearId },
  });
  const { yearWheel } = await publishPlan(db, { ...command, planId: draft.id });
  return {
    schoolId: school.id,
    planId: draft.id,
    occurrences: yearWheel.added,
    tasks: yearWheel.tasksAdded,
  };
}

export const livingPlanStep: LivingDemoStep = {
  name: "action plan published",
  async run(ctx) {
    await publishDemoPlan(ctx);
  },
};
