// The yearly evaluation round (§12-3, and the seed plan's "Evaluering"): the principal opens
// it on the published version and names the staff representatives; the pupil council, the
// representatives, the pupil services and the leadership are invited (in-app, content-free)
// and give their input in Trygg; the principal records the evaluation and its decisions,
// which archives the version and opens next year's draft (the core's nextYearVersion).
import type { FastifyRequest } from "fastify";
import { z } from "zod";
import type { Actor } from "../../core/access/actor.ts";
import { authorize, type Resource } from "../../core/access/policy.ts";
import { LEADERSHIP_ROLES, STAFF_ROLES } from "../../core/access/roles.ts";
import { isIsoDate } from "../../core/calendar/iso-date.ts";
import { ROLE_GROUPS } from "../../core/plans/types.ts";
import {
  EVALUATION_GROUPS,
  type EvaluationGroup,
  nextYearVersion,
  type PlanEvaluation,
} from "../../core/plans/versions.ts";
import { errorMessage } from "../../i18n/errors.ts";
import { appendAudit } from "../platform/audit.ts";
import type { Db, Tx } from "../platform/db/database.ts";
import { AppError, notFound } from "../platform/errors.ts";
import { schoolFromParam } from "../platform/http/resources.ts";
import { enqueueNotification } from "../platform/outbox/enqueue.ts";
import type { PlanCommand } from "./context.ts";
import { type PlanView, presentPlan } from "./present.ts";
import { planError, planIssuesError } from "./problems.ts";
import { latestVersionNumber, loadSchoolYear, lockPlan, personNames, versionOf } from "./store.ts";

export const EVALUATION_LINK = "/plans/evaluation";

const isoDate = z.string().refine((v) => isIsoDate(v), { error: "field.invalidDate" });
const text = z.string().trim().min(1).max(5000);

export const startInput = z.object({
  staffRepresentativeIds: z.array(z.uuid()).max(20).default([]),
});

export const inputInput = z.object({
  group: z.enum(EVALUATION_GROUPS),
  text,
});

export const recordInput = z.object({
  evaluatedOn: isoDate,
  participants: z
    .array(z.object({ group: z.enum(EVALUATION_GROUPS), description: z.string().trim().max(500) }))
    .max(20),
  decisions: z
    .array(
      z.object({
        text: z.string().trim().max(5000),
        activityId: z.string().min(1).max(100).optional(),
      }),
    )
    .max(100),
  nextSchoolYearId: z.uuid(),
});

/** The version whose evaluation round is open at a school (at most one at a time). */
async function openRound(q: Db | Tx, schoolId: string) {
  return q
    .selectFrom("action_plan")
    .selectAll()
    .where("school_id", "=", schoolId)
    .where("status", "=", "published")
    .where("evaluation_started_at", "is not", null)
    .where("evaluation", "is", null)
    .orderBy("version", "desc")
    .executeTakeFirst();
}

async function representativesOf(q: Db | Tx, planId: string): Promise<string[]> {
  const rows = await q
    .selectFrom("plan_evaluation_invite")
    .select("person_id")
    .where("plan_id", "=", planId)
    .where("evaluation_group", "=", "staffRepresentatives")
    .execute();
  return rows.map((r) => r.person_id);
}

/**
 * The open round at the school in `:schoolId`, as the policy needs it: the invited staff
 * representatives, and (for a submission) the group named in the body. Without an open
 * round nobody is a representative, and the route says so after the policy has spoken.
 */
export function evaluationFromParam(db: Db, withGroup: boolean) {
  const school = schoolFromParam(db);
  return async (req: FastifyRequest): Promise<Resource> => {
    const r = await school(req);
    if (r.type !== "school") throw notFound();
    const round = await openRound(db, r.schoolId);
    const representativeIds = round ? await representativesOf(db, round.id) : [];
    const raw = (req.body as { group?: unknown } | undefined)?.group;
    const group = withGroup
      ? (EVALUATION_GROUPS as readonly unknown[]).includes(raw)
        ? (raw as EvaluationGroup)
        : // An unknown group is judged as one nobody holds; the input check then refuses it.
          ("staffRepresentatives" as const)
      : undefined;
    return {
      type: "planEvaluation",
      schoolId: r.schoolId,
      ownerId: r.ownerId,
      representativeIds,
      ...(group ? { group } : {}),
    };
  };
}

/** People to invite per group: role holders, and the representatives the principal named. */
async function invitees(
  tx: Tx,
  schoolId: string,
  representativeIds: readonly string[],
): Promise<{ personId: string; group: EvaluationGroup }[]> {
  const grants = await tx
    .selectFrom("role_assignment")
    .select(["person_id", "role"])
    .where("school_id", "=", schoolId)
    .execute();
  const out = new Map<string, { personId: string; group: EvaluationGroup }>();
  const add = (personId: string, group: EvaluationGroup) =>
    out.set(`${personId}|${group}`, { personId, group });
  for (const g of grants) {
    if (g.role === "pupilCouncil") add(g.person_id, "pupilCouncil");
    if ((ROLE_GROUPS.pupilServices as readonly string[]).includes(g.role))
      add(g.person_id, "pupilServices");
    if ((LEADERSHIP_ROLES as readonly string[]).includes(g.role)) add(g.person_id, "leadership");
  }
  for (const id of representativeIds) add(id, "staffRepresentatives");
  return [...out.values()];
}

export async function startEvaluation(
  db: Db,
  cmd: PlanCommand & {
    planId: string;
    staffRepresentativeIds: string[];
    teamsWebhookUrl?: string | undefined;
  },
): Promise<{ invited: Record<EvaluationGroup, number>; people: number }> {
  const { schoolId, lang } = cmd;
  return db.transaction().execute(async (tx) => {
    const row = await lockPlan(tx, schoolId, cmd.planId);
    if (!row) throw notFound();
    if (row.status !== "published") throw planError(409, lang, "plan.version.notPublished");
    if (row.evaluation_started_at !== null)
      throw planError(409, lang, "plan.evaluation.alreadyOpen");

    const reps = [...new Set(cmd.staffRepresentativeIds)];
    if (reps.length > 0) {
      const staff = await tx
        .selectFrom("role_assignment")
        .select("person_id")
        .distinct()
        .where("school_id", "=", schoolId)
        .where("person_id", "in", reps)
        .where("role", "in", [...STAFF_ROLES])
        .execute();
      const ok = new Set(staff.map((s) => s.person_id));
      const bad = reps.map((id, i) => ({ id, i })).filter(({ id }) => !ok.has(id));
      if (bad.length > 0) {
        throw new AppError(400, "validation.failed", {
          fields: bad.map(({ i }) => ({
            path: `staffRepresentativeIds.${i}`,
            code: "field.invalid",
            message: errorMessage(lang, "field.invalid"),
          })),
        });
      }
    }

    const invites = await invitees(tx, schoolId, reps);
    if (invites.length > 0) {
      await tx
        .insertInto("plan_evaluation_invite")
        .values(
          invites.map((i) => ({
            plan_id: cmd.planId,
            person_id: i.personId,
            evaluation_group: i.group,
            invited_at: cmd.now,
          })),
        )
        .execute();
    }
    await tx
      .updateTable("action_plan")
      .set({ evaluation_started_at: cmd.now, updated_at: cmd.now, updated_by: cmd.actorId })
      .where("id", "=", cmd.planId)
      .execute();
    const people = [...new Set(invites.map((i) => i.personId))].filter((id) => id !== cmd.actorId);
    for (const personId of people) {
      await enqueueNotification(
        tx,
        {
          recipientId: personId,
          template: "plan.evaluationInvited",
          link: EVALUATION_LINK,
          channels: ["inApp"],
        },
        { teamsWebhookUrl: cmd.teamsWebhookUrl, now: cmd.now },
      );
    }
    const invited = Object.fromEntries(
      EVALUATION_GROUPS.map((g) => [g, invites.filter((i) => i.group === g).length]),
    ) as Record<EvaluationGroup, number>;
    await appendAudit(tx, {
      at: cmd.now,
      actorId: cmd.actorId,
      action: "plan.evaluation.start",
      resourceType: "actionPlan",
      resourceId: cmd.planId,
      schoolId,
      ownerId: cmd.ownerId,
      requestId: cmd.requestId,
      detail: { version: row.version, invited, notified: people.length },
    });
    return { invited, people: people.length };
  });
}

export interface EvaluationInputView {
  id: string;
  group: EvaluationGroup;
  text: string;
  submittedAt: string;
  submittedBy: { id: string; name: string } | null;
}

async function inputsOf(
  q: Db | Tx,
  planId: string,
  groups: readonly EvaluationGroup[] | null,
  withNames: boolean,
): Promise<EvaluationInputView[]> {
  let query = q
    .selectFrom("plan_evaluation_input")
    .select(["id", "evaluation_group", "text", "submitted_at", "submitted_by"])
    .where("plan_id", "=", planId)
    .orderBy("submitted_at");
  if (groups !== null) {
    if (groups.length === 0) return [];
    query = query.where("evaluation_group", "in", [...groups]);
  }
  const rows = await query.execute();
  const names = withNames
    ? await personNames(
        q,
        rows.map((r) => r.submitted_by),
      )
    : new Map();
  return rows.map((r) => {
    const n = names.get(r.submitted_by);
    return {
      id: r.id,
      group: r.evaluation_group,
      text: r.text,
      submittedAt: r.submitted_at.toISOString(),
      submittedBy: withNames
        ? { id: r.submitted_by, name: n ? `${n.givenName} ${n.familyName}` : "" }
        : null,
    };
  });
}

export interface EvaluationView {
  planId: string;
  startedAt: string | null;
  invited: Record<EvaluationGroup, number>;
  representatives: { id: string; name: string }[];
  inputs: EvaluationInputView[];
  evaluation: PlanEvaluation | null;
}

/** The principal's view of a version's round: who was invited, what each group said. */
export async function readEvaluation(
  db: Db,
  schoolId: string,
  planId: string,
): Promise<EvaluationView> {
  const plan = await db
    .selectFrom("action_plan")
    .select(["id", "evaluation_started_at", "evaluation"])
    .where("id", "=", planId)
    .where("school_id", "=", schoolId)
    .executeTakeFirst();
  if (!plan) throw notFound();
  const invites = await db
    .selectFrom("plan_evaluation_invite")
    .select(["person_id", "evaluation_group"])
    .where("plan_id", "=", planId)
    .execute();
  const reps = invites
    .filter((i) => i.evaluation_group === "staffRepresentatives")
    .map((i) => i.person_id);
  const names = await personNames(db, reps);
  return {
    planId,
    startedAt: plan.evaluation_started_at ? plan.evaluation_started_at.toISOString() : null,
    invited: Object.fromEntries(
      EVALUATION_GROUPS.map((g) => [g, invites.filter((i) => i.evaluation_group === g).length]),
    ) as Record<EvaluationGroup, number>,
    representatives: reps.map((id) => {
      const n = names.get(id);
      return { id, name: n ? `${n.givenName} ${n.familyName}` : "" };
    }),
    inputs: await inputsOf(db, planId, null, true),
    evaluation: (plan.evaluation as PlanEvaluation | null) ?? null,
  };
}

export interface MyEvaluation {
  open: boolean;
  planId: string | null;
  schoolYear: string | null;
  /** The groups this person may speak for (the policy's answer, group by group). */
  groups: EvaluationGroup[];
  /** What has been said so far in those groups. */
  inputs: EvaluationInputView[];
}

export async function myEvaluation(
  db: Db,
  actor: Actor,
  resource: Resource,
): Promise<MyEvaluation> {
  if (resource.type !== "planEvaluation") throw new Error("route declared no evaluation resource");
  const round = await openRound(db, resource.schoolId);
  if (!round) return { open: false, planId: null, schoolYear: null, groups: [], inputs: [] };
  const groups = EVALUATION_GROUPS.filter(
    (group) => authorize(actor, "plan.evaluate", { ...resource, group }).allow,
  );
  const year = await loadSchoolYear(db, resource.schoolId, round.school_year_id);
  return {
    open: true,
    planId: round.id,
    schoolYear: year?.label ?? null,
    groups,
    inputs: await inputsOf(db, round.id, groups, false),
  };
}

export async function submitInput(
  db: Db,
  cmd: PlanCommand & { group: EvaluationGroup; text: string },
): Promise<EvaluationInputView> {
  return db.transaction().execute(async (tx) => {
    const round = await openRound(tx, cmd.schoolId);
    if (!round) throw planError(409, cmd.lang, "plan.evaluation.notOpen");
    const row = await tx
      .insertInto("plan_evaluation_input")
      .values({
        plan_id: round.id,
        evaluation_group: cmd.group,
        text: cmd.text,
        submitted_by: cmd.actorId,
        submitted_at: cmd.now,
      })
      .returning(["id", "evaluation_group", "text", "submitted_at"])
      .executeTakeFirstOrThrow();
    await appendAudit(tx, {
      at: cmd.now,
      actorId: cmd.actorId,
      action: "plan.evaluation.input",
      resourceType: "actionPlan",
      resourceId: round.id,
      schoolId: cmd.schoolId,
      ownerId: cmd.ownerId,
      requestId: cmd.requestId,
      detail: { group: cmd.group },
    });
    return {
      id: row.id,
      group: row.evaluation_group,
      text: row.text,
      submittedAt: row.submitted_at.toISOString(),
      submittedBy: null,
    };
  });
}

/**
 * Records the evaluation of the published version: it is archived with the evaluation on
 * it, and next year's draft (a copy, to be changed by the decisions) is created for the
 * chosen school year. Refused unless all four groups took part and a decision was taken.
 */
export async function recordEvaluation(
  db: Db,
  cmd: PlanCommand & { planId: string; input: z.infer<typeof recordInput> },
): Promise<{ evaluated: PlanView; next: PlanView }> {
  const { schoolId, lang, input } = cmd;
  return db.transaction().execute(async (tx) => {
    const row = await lockPlan(tx, schoolId, cmd.planId);
    if (!row) throw notFound();
    const nextYear = await loadSchoolYear(tx, schoolId, input.nextSchoolYearId);
    if (!nextYear) {
      throw new AppError(400, "validation.failed", {
        fields: [
          {
            path: "nextSchoolYearId",
            code: "field.invalid",
            message: errorMessage(lang, "field.invalid"),
          },
        ],
      });
    }
    const stored = await inputsOf(tx, cmd.planId, null, false);
    const evaluation: PlanEvaluation = {
      evaluatedOn: input.evaluatedOn as PlanEvaluation["evaluatedOn"],
      participants: input.participants,
      input: stored.map((i) => ({ group: i.group, text: i.text })),
      decisions: input.decisions.map((d) =>
        d.activityId === undefined ? { text: d.text } : { text: d.text, activityId: d.activityId },
      ),
    };
    const result = nextYearVersion(
      versionOf(row),
      evaluation,
      nextYear.startYear,
      await latestVersionNumber(tx, schoolId),
    );
    if (!result.ok) throw planIssuesError(lang, result.error);
    const taken = await tx
      .selectFrom("action_plan")
      .select("id")
      .where("school_year_id", "=", nextYear.id)
      .executeTakeFirst();
    if (taken) throw planError(409, lang, "plan.yearHasPlan", "nextSchoolYearId");

    const { evaluated, next } = result.value;
    const archived = await tx
      .updateTable("action_plan")
      .set({
        status: "archived",
        archived_on: evaluated.archivedOn,
        evaluation: JSON.stringify(evaluated.evaluation),
        updated_at: cmd.now,
        updated_by: cmd.actorId,
      })
      .where("id", "=", row.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    const inserted = await tx
      .insertInto("action_plan")
      .values({
        school_id: schoolId,
        school_year_id: nextYear.id,
        school_year: next.schoolYear,
        version: next.version,
        status: "draft",
        content: JSON.stringify(next.content),
        template_id: next.templateId,
        based_on_version: next.basedOnVersion,
        created_at: cmd.now,
        created_by: cmd.actorId,
        updated_at: cmd.now,
        updated_by: cmd.actorId,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await appendAudit(tx, {
      at: cmd.now,
      actorId: cmd.actorId,
      action: "plan.evaluation.record",
      resourceType: "actionPlan",
      resourceId: row.id,
      schoolId,
      ownerId: cmd.ownerId,
      requestId: cmd.requestId,
      detail: {
        version: row.version,
        nextVersion: inserted.version,
        nextPlanId: inserted.id,
        decisions: evaluation.decisions.length,
        inputs: evaluation.input.length,
      },
    });
    return { evaluated: await presentPlan(tx, archived), next: await presentPlan(tx, inserted) };
  });
}
