// SQL of the case feature. The core's CaseState is stored whole in `school_case.state`; the
// columns beside it and the projection tables (reports, team, plan revisions, keep-apart
// pairs) are rewritten from it in the same transaction, so they can never disagree.
import { sql } from "kysely";
import { type IsoDate, maxIsoDate } from "../../core/calendar/iso-date.ts";
import {
  createWorkingDayCalendar,
  type WorkingDayCalendar,
} from "../../core/calendar/working-days.ts";
import type { CaseAccessView } from "../../core/cases/case-access.ts";
import { accessViewOf } from "../../core/cases/case-access.ts";
import { dueDate, nextStep } from "../../core/cases/deadlines.ts";
import type { Reminder } from "../../core/cases/effects.ts";
import { ownerInvolved } from "../../core/cases/escalation.ts";
import type { CaseSettings } from "../../core/cases/settings.ts";
import { type CaseState, currentPlan, normalizePair } from "../../core/cases/types.ts";
import type { Db, Tx } from "../platform/db/database.ts";

type Q = Db | Tx;

/** What the report form adds to the core's report: when, where, who else, what was done. */
export interface ReportDetails {
  occurredOn?: string | null;
  place?: string | null;
  /** Where and when from the fixed lists (ADR 0117); also in their own columns. */
  placeKind?: string | null;
  timeOfDay?: string | null;
  involvedPupilIds?: string[];
  involvedStaffIds?: string[];
  others?: string | null;
  pupilSaidUnsafe?: boolean | null;
  intervened?: boolean | null;
  intervention?: string | null;
}

export interface StoredCase {
  state: CaseState;
  version: number;
}

/**
 * The stored JSON as the core's state. Lists added to the state after cases were first
 * stored (the conversation with an anonymous reporter) are filled in empty, so an old case
 * reads like a new one without a data migration.
 */
export function caseStateOf(raw: unknown): CaseState {
  const s = raw as Partial<CaseState> & CaseState;
  if (s.coveringStatements !== undefined && s.reporterMessages !== undefined) return s;
  // Stored before issue #8: the school was told when the report was entered, and the
  // investigation answered to the plan deadline.
  return {
    ...s,
    reports: s.reports.map((r) => ({
      ...r,
      toldAt: r.toldAt ?? r.reportedAt,
      channel: r.channel ?? "form",
    })),
    reporterMessages: s.reporterMessages ?? [],
    investigateBy: s.investigateBy ?? s.planDueOn,
    seriousness: s.seriousness ?? null,
    immediateMeasuresDueOn: s.immediateMeasuresDueOn ?? null,
    immediateMeasures: s.immediateMeasures ?? [],
    familyInformedBy: s.familyInformedBy ?? null,
    familyInformation: s.familyInformation ?? [],
    involvedPupils: s.involvedPupils ?? [],
    pupilsNotHeard: s.pupilsNotHeard ?? [],
    coveringStatements: s.coveringStatements ?? [],
    evaluations: s.evaluations.map((e) => ({
      ...e,
      earlyReason: e.earlyReason ?? null,
      bestInterestId: e.bestInterestId ?? null,
    })),
  };
}

export async function loadCase(q: Q, caseId: string): Promise<StoredCase | null> {
  const row = await q
    .selectFrom("school_case")
    .select(["state", "version"])
    .where("id", "=", caseId)
    .executeTakeFirst();
  return row ? { state: caseStateOf(row.state), version: row.version } : null;
}

/** Loads and locks the case row for the rest of the transaction (one writer at a time). */
export async function lockCase(tx: Tx, caseId: string): Promise<StoredCase | null> {
  const row = await tx
    .selectFrom("school_case")
    .select(["state", "version"])
    .where("id", "=", caseId)
    .forUpdate()
    .executeTakeFirst();
  return row ? { state: caseStateOf(row.state), version: row.version } : null;
}

/** The access view of a case, for the policy (kind, school, owner, team, reporters). */
export async function loadAccessView(
  q: Q,
  caseId: string,
): Promise<{ view: CaseAccessView; closed: boolean } | null> {
  const stored = await loadCase(q, caseId);
  if (!stored) return null;
  return { view: accessViewOf(stored.state), closed: stored.state.status === "closed" };
}

/** The owner's case settings and working-day calendar (public holidays + closed days). */
export async function loadOwnerRules(
  q: Q,
  ownerId: string,
): Promise<{ settings: CaseSettings; calendar: WorkingDayCalendar }> {
  const owner = await q
    .selectFrom("school_owner")
    .select([
      "plan_deadline_working_days",
      "alert_escalation_minutes",
      "investigation_deadline_working_days",
      "guardians_informed_working_days",
    ])
    .where("id", "=", ownerId)
    .executeTakeFirstOrThrow();
  const closed = await q
    .selectFrom("owner_closed_day")
    .select("day")
    .where("owner_id", "=", ownerId)
    .execute();
  return {
    settings: {
      planDeadlineWorkingDays: owner.plan_deadline_working_days,
      alertEscalationMinutes: owner.alert_escalation_minutes,
      investigationDeadlineWorkingDays: owner.investigation_deadline_working_days,
      guardiansInformedWorkingDays: owner.guardians_informed_working_days,
    },
    calendar: createWorkingDayCalendar({ extraClosedDays: closed.map((c) => c.day as IsoDate) }),
  };
}

function columnsOf(state: CaseState, now: Date) {
  const step = nextStep(state, now);
  return {
    kind: state.kind,
    status: state.status,
    version: state.version,
    reported_at: state.reportedAt,
    learned_on: state.learnedOn,
    plan_due_on: state.planDueOn,
    acknowledged_at: state.acknowledgedAt,
    alert_level: state.alert.level,
    alert_next_at: state.status === "reported" ? state.alert.nextEscalationAt : null,
    owner_involved: ownerInvolved(state),
    serious: state.serious !== null,
    next_step_kind: step?.kind ?? null,
    next_step_due_on: step ? dueDate(step.due) : null,
    next_step_owner: step ? JSON.stringify(step.owner) : null,
    closed_at: state.closedAt,
    state: JSON.stringify(state),
    updated_at: now,
  };
}

export async function insertCase(tx: Tx, state: CaseState, now: Date): Promise<void> {
  await tx
    .insertInto("school_case")
    .values({
      id: state.id,
      school_id: state.schoolId,
      owner_id: state.ownerId,
      created_at: now,
      ...columnsOf(state, now),
    })
    .execute();
}

export async function insertReport(
  tx: Tx,
  row: {
    id: string;
    caseId: string;
    schoolId: string;
    kind: string;
    reporterId: string | null;
    capacity: "staff" | "pupil" | "guardian" | null;
    receiptCodeHash: string | null;
    details: ReportDetails;
    reportedAt: string;
    /** The ISO week it happened (`2027-W05`), stored when a place or time of day is given. */
    occurredWeek?: string | null;
  },
): Promise<void> {
  await tx
    .insertInto("case_report")
    .values({
      id: row.id,
      case_id: row.caseId,
      first_case_id: row.caseId,
      school_id: row.schoolId,
      kind: row.kind,
      reporter_id: row.reporterId,
      reporter_capacity: row.capacity,
      receipt_code_hash: row.receiptCodeHash,
      details: JSON.stringify(row.details),
      reported_at: row.reportedAt,
      place_kind: row.details.placeKind ?? null,
      time_of_day: row.details.timeOfDay ?? null,
      occurred_week: row.occurredWeek ?? null,
    })
    .execute();
}

/**
 * Writes the new state and rewrites every projection from it. `expectedVersion` guards
 * against a lost update (the row is locked, so this only trips on a programming error).
 */
export async function saveCase(
  tx: Tx,
  next: CaseState,
  expectedVersion: number,
  now: Date,
): Promise<void> {
  const res = await tx
    .updateTable("school_case")
    .set(columnsOf(next, now))
    .where("id", "=", next.id)
    .where("version", "=", expectedVersion)
    .executeTakeFirst();
  if (Number(res.numUpdatedRows) !== 1) throw new Error("case version conflict");
  await syncProjections(tx, next, now);
}

/** Reports, plan revisions, the team and keep-apart pairs, as the state says. */
export async function syncProjections(tx: Tx, state: CaseState, now: Date): Promise<void> {
  for (const r of state.reports) {
    await tx
      .updateTable("case_report")
      .set({ case_id: state.id, acknowledged_at: r.acknowledgedAt })
      .where("id", "=", r.id)
      .execute();
  }
  const saved = await tx
    .selectFrom("case_plan_revision")
    .select((eb) => eb.fn.max("revision").as("max"))
    .where("case_id", "=", state.id)
    .executeTakeFirst();
  const max = Number(saved?.max ?? 0);
  for (const p of state.planRevisions) {
    if (p.revision <= max) continue;
    await tx
      .insertInto("case_plan_revision")
      .values({
        case_id: state.id,
        revision: p.revision,
        saved_at: p.savedAt,
        saved_by: p.savedBy,
        plan: JSON.stringify(p),
      })
      .execute();
  }
  const members = await tx
    .selectFrom("case_member")
    .select(["person_id", "removed_at"])
    .where("case_id", "=", state.id)
    .execute();
  const team = new Set(state.team.map((m) => m.personId));
  for (const m of state.team) {
    const existing = members.find((x) => x.person_id === m.personId);
    if (!existing) {
      await tx
        .insertInto("case_member")
        .values({
          case_id: state.id,
          person_id: m.personId,
          added_at: m.addedAt,
          added_by: m.addedBy,
        })
        .execute();
    } else if (existing.removed_at !== null) {
      await tx
        .updateTable("case_member")
        .set({ removed_at: null, added_at: m.addedAt, added_by: m.addedBy })
        .where("case_id", "=", state.id)
        .where("person_id", "=", m.personId)
        .execute();
    }
  }
  for (const m of members) {
    if (!team.has(m.person_id) && m.removed_at === null) {
      await tx
        .updateTable("case_member")
        .set({ removed_at: now })
        .where("case_id", "=", state.id)
        .where("person_id", "=", m.person_id)
        .execute();
    }
  }
  await syncKeepApart(tx, state);
}

/**
 * The plan in force's keep-apart pairs, each with the latest end date of the measures that
 * name it (null: open-ended). Whether a pair is in force today is decided when read.
 */
async function syncKeepApart(tx: Tx, state: CaseState): Promise<void> {
  await tx.deleteFrom("case_keep_apart").where("case_id", "=", state.id).execute();
  if (state.status !== "measuresActive" && state.status !== "evaluating") return;
  const plan = currentPlan(state);
  if (!plan) return;
  const pairs = new Map<string, { a: string; b: string; endsOn: string | null }>();
  for (const m of plan.measures) {
    for (const [x, y] of m.keepApart) {
      const [a, b] = normalizePair(x, y);
      const key = `${a}|${b}`;
      const seen = pairs.get(key);
      const endsOn =
        seen === undefined
          ? m.endsOn
          : seen.endsOn === null || m.endsOn === null
            ? null
            : maxIsoDate(seen.endsOn as IsoDate, m.endsOn);
      pairs.set(key, { a, b, endsOn });
    }
  }
  if (pairs.size === 0) return;
  await tx
    .insertInto("case_keep_apart")
    .values(
      [...pairs.values()].map((p) => ({
        case_id: state.id,
        school_id: state.schoolId,
        pupil_a: p.a,
        pupil_b: p.b,
        ends_on: p.endsOn,
      })),
    )
    .execute();
}

/** Replaces the case's pending reminders; one already sent for the same date stays sent. */
export async function replaceReminders(
  tx: Tx,
  caseId: string,
  reminders: readonly Reminder[],
): Promise<void> {
  await tx
    .deleteFrom("case_reminder")
    .where("case_id", "=", caseId)
    .where("sent_at", "is", null)
    .execute();
  for (const r of reminders) {
    await tx
      .insertInto("case_reminder")
      .values({
        case_id: caseId,
        step: r.step,
        ref: r.ref ?? "",
        phase: r.phase,
        due_on: r.on,
        owner: JSON.stringify(r.owner),
        template: r.template,
      })
      .onConflict((oc) =>
        oc.columns(["case_id", "step", "ref", "phase"]).doUpdateSet({
          due_on: r.on,
          owner: JSON.stringify(r.owner),
          template: r.template,
          sent_at: sql`CASE WHEN case_reminder.due_on = ${r.on}::date THEN case_reminder.sent_at ELSE NULL END`,
        }),
      )
      .execute();
  }
}

export async function appendCaseEvents(
  tx: Tx,
  events: readonly {
    caseId: string;
    type: string;
    at: string;
    actorId: string;
    data: Record<string, unknown>;
  }[],
): Promise<void> {
  if (events.length === 0) return;
  await tx
    .insertInto("case_event")
    .values(
      events.map((e) => ({
        case_id: e.caseId,
        type: e.type,
        at: e.at,
        actor_id: e.actorId,
        data: JSON.stringify(e.data),
      })),
    )
    .execute();
}

export async function caseEvents(q: Q, caseId: string) {
  return q
    .selectFrom("case_event")
    .select(["seq", "type", "at", "actor_id", "data"])
    .where("case_id", "=", caseId)
    .orderBy("seq")
    .execute();
}

export async function reportRows(q: Q, caseId: string) {
  return q
    .selectFrom("case_report")
    .select(["id", "kind", "reporter_id", "reporter_capacity", "details", "reported_at"])
    .where("case_id", "=", caseId)
    .orderBy("reported_at")
    .execute();
}

/** Display names of people, by id ("Given Family"); unknown ids are left out. */
export async function namesOf(q: Q, ids: Iterable<string>): Promise<Record<string, string>> {
  const unique = [...new Set([...ids].filter((id) => /^[0-9a-f-]{36}$/i.test(id)))];
  if (unique.length === 0) return {};
  const rows = await q
    .selectFrom("person")
    .select(["id", "given_name", "family_name"])
    .where("id", "in", unique)
    .execute();
  return Object.fromEntries(rows.map((r) => [r.id, `${r.given_name} ${r.family_name}`]));
}

/** The roles a person holds at a school and at its owner (for team membership checks). */
export async function rolesAtSchoolAndOwner(
  q: Q,
  personId: string,
  schoolId: string,
  ownerId: string,
): Promise<string[]> {
  const rows = await q
    .selectFrom("role_assignment")
    .select("role")
    .where("person_id", "=", personId)
    .where((eb) => eb.or([eb("school_id", "=", schoolId), eb("owner_id", "=", ownerId)]))
    .execute();
  return [...new Set(rows.map((r) => r.role))];
}

export async function schoolOwnerOf(q: Q, schoolId: string): Promise<string | null> {
  const row = await q
    .selectFrom("school")
    .select("owner_id")
    .where("id", "=", schoolId)
    .executeTakeFirst();
  return row?.owner_id ?? null;
}

/** The Statsforvalteren office that hears complaints from this owner's schools (§12-6). */
export interface StateAdministratorOffice {
  readonly name: string;
  readonly address: string;
  readonly email: string;
  readonly url: string;
}

export async function loadStateAdministratorOffice(
  q: Q,
  ownerId: string,
): Promise<StateAdministratorOffice> {
  const row = await q
    .selectFrom("school_owner")
    .select([
      "state_administrator_name",
      "state_administrator_address",
      "state_administrator_email",
      "state_administrator_url",
    ])
    .where("id", "=", ownerId)
    .executeTakeFirstOrThrow();
  return {
    name: row.state_administrator_name,
    address: row.state_administrator_address,
    email: row.state_administrator_email,
    url: row.state_administrator_url,
  };
}
