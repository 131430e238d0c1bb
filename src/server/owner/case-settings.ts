// The school owner's duty-to-act settings (issue #8): the plan, investigation and
// guardians-informed deadlines in working days, the alert escalation minutes, the
// Statsforvalteren office families are told about, and the owner's closed days (which every
// working-day deadline skips). Owner roles edit them on the owner settings page; every change
// is one transaction with its audit row.
import { z } from "zod";
import { type IsoDate, isIsoDate } from "../../core/calendar/iso-date.ts";
import { CASE_SETTING_BOUNDS, type CaseSettings } from "../../core/cases/settings.ts";
import { MINIMUM_ANSWERS_BOUNDS } from "../../core/surveys/class/suppression.ts";
import type { ErrorCode } from "../../i18n/errors.ts";
import type { Lang } from "../../i18n/lang.ts";
import { appendAudit } from "../platform/audit.ts";
import type { Db, Tx } from "../platform/db/database.ts";
import { notFound } from "../platform/errors.ts";
import { invalidInput } from "../schools/input.ts";

const boundedInt = (field: keyof CaseSettings, error: ErrorCode) => {
  const { min, max } = CASE_SETTING_BOUNDS[field];
  // A missing or non-numeric value is the same mistake as one out of range: say the range.
  return z.int({ error }).min(min, { error }).max(max, { error });
};

export const caseSettingsInput = z.object({
  planDeadlineWorkingDays: boundedInt("planDeadlineWorkingDays", "settings.workingDaysRange"),
  alertEscalationMinutes: boundedInt("alertEscalationMinutes", "settings.minutesRange"),
  investigationDeadlineWorkingDays: boundedInt(
    "investigationDeadlineWorkingDays",
    "settings.workingDaysRange",
  ),
  guardiansInformedWorkingDays: boundedInt(
    "guardiansInformedWorkingDays",
    "settings.workingDaysRange",
  ),
  stateAdministratorName: z.string().trim().min(1).max(200),
  stateAdministratorAddress: z.string().trim().min(1).max(300),
  stateAdministratorEmail: z.email({ error: "field.invalidEmail" }).max(200),
  stateAdministratorUrl: z
    .string()
    .trim()
    .min(1, { abort: true })
    .max(500)
    .refine(
      (v) => {
        if (!v.startsWith("https://")) return false;
        try {
          return new URL(v).protocol === "https:";
        } catch {
          return false;
        }
      },
      { error: "field.invalidHttpsUrl" },
    ),
  // K of the class surveys (issue #9): optional here, so older clients keep working.
  surveyMinimumAnswers: z
    .int({ error: "settings.surveyMinimumRange" })
    .min(MINIMUM_ANSWERS_BOUNDS.min, { error: "settings.surveyMinimumRange" })
    .max(MINIMUM_ANSWERS_BOUNDS.max, { error: "settings.surveyMinimumRange" })
    .optional(),
});
export type CaseSettingsInput = z.infer<typeof caseSettingsInput>;

export const closedDayInput = z.object({
  day: z
    .string()
    .min(1, { abort: true })
    .refine((v) => isIsoDate(v), { error: "field.invalidDate" })
    .transform((v) => v as IsoDate),
  label: z.string().trim().min(1).max(100),
});

export interface ClosedDay {
  day: string;
  label: string;
}

export interface OwnerCaseSettings extends CaseSettingsInput {
  closedDays: ClosedDay[];
}

export interface OwnerWriteContext {
  ownerId: string;
  actorId: string;
  requestId: string;
  now: Date;
  lang: Lang;
}

const SETTING_COLUMNS = [
  "plan_deadline_working_days",
  "alert_escalation_minutes",
  "investigation_deadline_working_days",
  "guardians_informed_working_days",
  "state_administrator_name",
  "state_administrator_address",
  "state_administrator_email",
  "state_administrator_url",
  "survey_minimum_answers",
] as const;

async function readSettings(q: Db | Tx, ownerId: string): Promise<CaseSettingsInput | null> {
  const row = await q
    .selectFrom("school_owner")
    .select(SETTING_COLUMNS)
    .where("id", "=", ownerId)
    .executeTakeFirst();
  if (!row) return null;
  return {
    planDeadlineWorkingDays: row.plan_deadline_working_days,
    alertEscalationMinutes: row.alert_escalation_minutes,
    investigationDeadlineWorkingDays: row.investigation_deadline_working_days,
    guardiansInformedWorkingDays: row.guardians_informed_working_days,
    stateAdministratorName: row.state_administrator_name,
    stateAdministratorAddress: row.state_administrator_address,
    stateAdministratorEmail: row.state_administrator_email,
    stateAdministratorUrl: row.state_administrator_url,
    surveyMinimumAnswers: row.survey_minimum_answers,
  };
}

async function readClosedDays(q: Db | Tx, ownerId: string): Promise<ClosedDay[]> {
  const rows = await q
    .selectFrom("owner_closed_day")
    .select(["day", "label"])
    .where("owner_id", "=", ownerId)
    .orderBy("day")
    .execute();
  return rows.map((r) => ({ day: String(r.day), label: r.label }));
}

export async function loadOwnerCaseSettings(db: Db, ownerId: string): Promise<OwnerCaseSettings> {
  const settings = await readSettings(db, ownerId);
  if (!settings) throw notFound();
  return { ...settings, closedDays: await readClosedDays(db, ownerId) };
}

/** Saves the settings; the audit row names the fields that changed, before and after. */
export async function saveOwnerCaseSettings(
  db: Db,
  ctx: OwnerWriteContext,
  input: CaseSettingsInput,
): Promise<OwnerCaseSettings> {
  return db.transaction().execute(async (tx) => {
    await tx
      .selectFrom("school_owner")
      .select("id")
      .where("id", "=", ctx.ownerId)
      .forUpdate()
      .execute();
    const before = await readSettings(tx, ctx.ownerId);
    if (!before) throw notFound();
    const changes: Record<string, { from: unknown; to: unknown }> = {};
    for (const key of Object.keys(input) as (keyof CaseSettingsInput)[]) {
      if (input[key] !== undefined && before[key] !== input[key])
        changes[key] = { from: before[key], to: input[key] };
    }
    await tx
      .updateTable("school_owner")
      .set({
        plan_deadline_working_days: input.planDeadlineWorkingDays,
        alert_escalation_minutes: input.alertEscalationMinutes,
        investigation_deadline_working_days: input.investigationDeadlineWorkingDays,
        guardians_informed_working_days: input.guardiansInformedWorkingDays,
        state_administrator_name: input.stateAdministratorName,
        state_administrator_address: input.stateAdministratorAddress,
        state_administrator_email: input.stateAdministratorEmail,
        state_administrator_url: input.stateAdministratorUrl,
        ...(input.surveyMinimumAnswers === undefined
          ? {}
          : { survey_minimum_answers: input.surveyMinimumAnswers }),
      })
      .where("id", "=", ctx.ownerId)
      .execute();
    await appendAudit(tx, {
      at: ctx.now,
      actorId: ctx.actorId,
      action: "owner.caseSettingsUpdated",
      resourceType: "owner",
      resourceId: ctx.ownerId,
      ownerId: ctx.ownerId,
      requestId: ctx.requestId,
      detail: { changes },
    });
    const after = { ...before, ...input };
    return { ...after, closedDays: await readClosedDays(tx, ctx.ownerId) };
  });
}

export async function addClosedDay(
  db: Db,
  ctx: OwnerWriteContext,
  input: z.infer<typeof closedDayInput>,
): Promise<ClosedDay> {
  return db.transaction().execute(async (tx) => {
    const inserted = await tx
      .insertInto("owner_closed_day")
      .values({ owner_id: ctx.ownerId, day: input.day, label: input.label })
      .onConflict((oc) => oc.columns(["owner_id", "day"]).doNothing())
      .returning("day")
      .executeTakeFirst();
    if (!inserted) throw invalidInput(ctx.lang, [{ path: "day", code: "closedDay.taken" }]);
    await appendAudit(tx, {
      at: ctx.now,
      actorId: ctx.actorId,
      action: "owner.closedDayAdded",
      resourceType: "owner",
      resourceId: ctx.ownerId,
      ownerId: ctx.ownerId,
      requestId: ctx.requestId,
      detail: { day: input.day, label: input.label },
    });
    return { day: input.day, label: input.label };
  });
}

export async function removeClosedDay(db: Db, ctx: OwnerWriteContext, day: string): Promise<void> {
  await db.transaction().execute(async (tx) => {
    const removed = await tx
      .deleteFrom("owner_closed_day")
      .where("owner_id", "=", ctx.ownerId)
      .where("day", "=", day)
      .returning(["day", "label"])
      .executeTakeFirst();
    if (!removed) throw notFound();
    await appendAudit(tx, {
      at: ctx.now,
      actorId: ctx.actorId,
      action: "owner.closedDayRemoved",
      resourceType: "owner",
      resourceId: ctx.ownerId,
      ownerId: ctx.ownerId,
      requestId: ctx.requestId,
      detail: { day, label: removed.label },
    });
  });
}
