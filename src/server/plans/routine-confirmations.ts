// Staff confirm, once a school year, that they have read the routine for the duty to act
// (part 3 of the plan); the principal sees who has not.
import { STAFF_ROLES } from "../../core/access/roles.ts";
import { appendAudit } from "../platform/audit.ts";
import type { Db } from "../platform/db/database.ts";
import { notFound } from "../platform/errors.ts";
import type { PlanCommand } from "./context.ts";
import { planError } from "./problems.ts";
import { loadPlan } from "./store.ts";

const collator = new Intl.Collator("nb");

export async function myConfirmation(
  db: Db,
  schoolId: string,
  planId: string,
  personId: string,
): Promise<{ confirmedAt: string | null; version: number | null }> {
  const plan = await loadPlan(db, schoolId, planId);
  if (!plan) throw notFound();
  const row = await db
    .selectFrom("routine_confirmation as c")
    .innerJoin("action_plan as p", "p.id", "c.plan_id")
    .select(["c.confirmed_at", "p.version"])
    .where("c.school_year_id", "=", plan.school_year_id)
    .where("c.person_id", "=", personId)
    .executeTakeFirst();
  return {
    confirmedAt: row ? row.confirmed_at.toISOString() : null,
    version: row ? row.version : null,
  };
}

export async function confirmRoutine(
  db: Db,
  cmd: PlanCommand & { planId: string },
): Promise<{ confirmedAt: string; version: number }> {
  return db.transaction().execute(async (tx) => {
    const plan = await loadPlan(tx, cmd.schoolId, cmd.planId);
    if (!plan) throw notFound();
    if (plan.status !== "published") throw planError(409, cmd.lang, "plan.version.notPublished");
    const existing = await tx
      .selectFrom("routine_confirmation")
      .select("confirmed_at")
      .where("school_year_id", "=", plan.school_year_id)
      .where("person_id", "=", cmd.actorId)
      .executeTakeFirst();
    if (existing)
      return { confirmedAt: existing.confirmed_at.toISOString(), version: plan.version };
    await tx
      .insertInto("routine_confirmation")
      .values({
        school_year_id: plan.school_year_id,
        person_id: cmd.actorId,
        school_id: cmd.schoolId,
        plan_id: plan.id,
        confirmed_at: cmd.now,
      })
      .execute();
    await appendAudit(tx, {
      at: cmd.now,
      actorId: cmd.actorId,
      action: "plan.routine.confirm",
      resourceType: "actionPlan",
      resourceId: plan.id,
      schoolId: cmd.schoolId,
      ownerId: cmd.ownerId,
      requestId: cmd.requestId,
      detail: { version: plan.version },
    });
    return { confirmedAt: cmd.now.toISOString(), version: plan.version };
  });
}

export interface ConfirmationList {
  total: number;
  confirmed: number;
  staff: { id: string; name: string; roles: string[]; confirmedAt: string | null }[];
}

/** Every staff member of the school with whether they have confirmed this school year. */
export async function listConfirmations(
  db: Db,
  schoolId: string,
  planId: string,
): Promise<ConfirmationList> {
  const plan = await loadPlan(db, schoolId, planId);
  if (!plan) throw notFound();
  const [grants, confirmations] = await Promise.all([
    db
      .selectFrom("role_assignment as r")
      .innerJoin("person as p", "p.id", "r.person_id")
      .select(["r.person_id", "r.role", "p.given_name", "p.family_name"])
      .where("r.school_id", "=", schoolId)
      .where("r.role", "in", [...STAFF_ROLES])
      .execute(),
    db
      .selectFrom("routine_confirmation")
      .select(["person_id", "confirmed_at"])
      .where("school_year_id", "=", plan.school_year_id)
      .execute(),
  ]);
  const confirmedAt = new Map(confirmations.map((c) => [c.person_id, c.confirmed_at]));
  const people = new Map<string, { id: string; given: string; family: string; roles: string[] }>();
  for (const g of grants) {
    const p = people.get(g.person_id) ?? {
      id: g.person_id,
      given: g.given_name,
      family: g.family_name,
      roles: [],
    };
    if (!p.roles.includes(g.role)) p.roles.push(g.role);
    people.set(g.person_id, p);
  }
  const staff = [...people.values()]
    .map((p) => ({
      id: p.id,
      name: `${p.given} ${p.family}`,
      family: p.family,
      given: p.given,
      roles: p.roles,
      confirmedAt: confirmedAt.get(p.id)?.toISOString() ?? null,
    }))
    // Those who have not confirmed first, then by name.
    .sort(
      (a, b) =>
        Number(a.confirmedAt !== null) - Number(b.confirmedAt !== null) ||
        collator.compare(a.family, b.family) ||
        collator.compare(a.given, b.given),
    )
    .map(({ id, name, roles, confirmedAt: at }) => ({ id, name, roles, confirmedAt: at }));
  return {
    total: staff.length,
    confirmed: staff.filter((s) => s.confirmedAt !== null).length,
    staff,
  };
}
