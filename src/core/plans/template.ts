/**
 * Parsing plan content and templates from untrusted JSON (a template file, a stored
 * version, an HTTP body) into the typed model, then checking it with validatePlan.
 *
 * The schemas check shape only (unknown keys are refused, so a typo like `weekDay` does
 * not silently fall back to a default). Value rules (weekday 1–5, n inside its range, …)
 * stay in validateTimingRule so they are reported with their own stable codes.
 */

import { z } from "zod";
import { SCHOOL_ROLES } from "../access/roles.ts";
import type { Result } from "../calendar/errors.ts";
import type { IsoWeekday } from "../calendar/iso-date.ts";
import { CASE_KINDS } from "../cases/types.ts";
import { type PlanIssue, planIssue } from "./errors.ts";
import {
  CASE_ROUTINE_DEADLINES,
  CASE_ROUTINE_STEPS,
  EVERYONE_KINDS,
  FOLLOW_UP_SOURCES,
  PLAN_PART_IDS,
  type PlanContent,
  type PlanTemplate,
  type Responsible,
  ROLE_GROUP_IDS,
  type TimingRule,
  WHICH_PART_OF_MONTH,
} from "./types.ts";
import { validatePlan } from "./validate.ts";

const text = z.string().max(20_000);
const label = z.string().min(1).max(500);
const isoWeekday = z.custom<IsoWeekday>(
  (value) => typeof value === "number" && Number.isInteger(value) && value >= 1 && value <= 7,
  { message: "weekday must be 1–7" },
);
const period = z.strictObject({ from: z.string().optional(), to: z.string().optional() });

export const timingRuleSchema: z.ZodType<TimingRule> = z.discriminatedUnion("kind", [
  z.strictObject({ kind: z.literal("beforeSchoolStarts"), daysBefore: z.number().optional() }),
  z.strictObject({ kind: z.literal("firstSchoolWeek"), weeks: z.number().optional() }),
  z.strictObject({
    kind: z.literal("month"),
    month: z.number(),
    which: z.enum(WHICH_PART_OF_MONTH).optional(),
  }),
  z.strictObject({ kind: z.literal("byDate"), monthDay: z.string() }),
  z.strictObject({ kind: z.literal("weekly"), weekday: isoWeekday, period: period.optional() }),
  z.strictObject({
    kind: z.literal("everyNWeeks"),
    n: z.number(),
    min: z.number(),
    max: z.number(),
    weekday: isoWeekday,
    firstWeek: z.number().optional(),
    period: period.optional(),
  }),
  z.strictObject({
    kind: z.literal("timesPerYear"),
    k: z.number(),
    min: z.number().optional(),
    max: z.number().optional(),
    period: period.optional(),
  }),
  z.strictObject({
    kind: z.literal("continuous"),
    checkInEveryWeeks: z.number(),
    period: period.optional(),
  }),
  z.strictObject({ kind: z.literal("relative"), activityId: z.string(), offsetDays: z.number() }),
  z.strictObject({
    kind: z.literal("caseRoutine"),
    step: z.enum(CASE_ROUTINE_STEPS),
    caseKinds: z.array(z.enum(CASE_KINDS)),
    deadline: z.enum(CASE_ROUTINE_DEADLINES),
  }),
]);

const cooperating = z.boolean().optional();
export const responsibleSchema: z.ZodType<Responsible> = z.discriminatedUnion("kind", [
  z.strictObject({
    kind: z.literal("role"),
    role: z.enum(SCHOOL_ROLES),
    label: label.optional(),
    cooperating,
  }),
  z.strictObject({
    kind: z.literal("roleGroup"),
    group: z.enum(ROLE_GROUP_IDS),
    label: label.optional(),
    cooperating,
  }),
  z.strictObject({
    kind: z.literal("everyone"),
    who: z.enum(EVERYONE_KINDS),
    label: label.optional(),
    cooperating,
  }),
  z.strictObject({ kind: z.literal("other"), label, cooperating }),
]);

const link = z.strictObject({ label, url: z.string().max(2_000).nullable() });

const activity = z.strictObject({
  id: z.string(),
  tableRow: z.string().optional(),
  section: label.optional(),
  description: text,
  details: z.array(text),
  responsible: z.array(responsibleSchema),
  methods: z.array(text),
  timing: timingRuleSchema,
  deadlineText: text,
  links: z.array(link),
  dateToAdjust: z.boolean().optional(),
  dailyDuty: z.strictObject({ places: z.array(label).min(1).max(20) }).optional(),
  followsUp: z
    .strictObject({
      source: z.enum(FOLLOW_UP_SOURCES),
      label,
      // A path inside Trygg, never a URL elsewhere: the plan is published.
      path: z
        .string()
        .max(500)
        .regex(/^\/[A-Za-z0-9/_.?=&%-]*$/),
    })
    .optional(),
});

export const planContentSchema: z.ZodType<PlanContent> = z.strictObject({
  title: label,
  sections: z.array(
    z.strictObject({
      id: z.string().min(1),
      heading: label,
      paragraphs: z.array(text),
      links: z.array(link),
    }),
  ),
  parts: z.array(
    z.strictObject({
      id: z.enum(PLAN_PART_IDS),
      title: label,
      intro: z.array(text),
      activities: z.array(activity).max(500),
      links: z.array(link),
    }),
  ),
});

export const planTemplateSchema: z.ZodType<PlanTemplate> = z.strictObject({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/),
  formatVersion: z.literal(1),
  language: z.enum(["nb", "nn", "en"]),
  name: label,
  description: text,
  content: planContentSchema,
});

function shapeIssues(error: z.ZodError, prefix: string): PlanIssue[] {
  return error.issues.map((issue) => {
    const path = issue.path
      .map((segment) => (typeof segment === "number" ? `[${segment}]` : `.${String(segment)}`))
      .join("");
    return planIssue("plan.template.invalid", `${prefix}${path}`.replace(/^\./, ""), {
      reason: issue.code,
    });
  });
}

/** Plan content from JSON: shape first, then every validatePlan issue. */
export function parsePlanContent(json: unknown): Result<PlanContent, readonly PlanIssue[]> {
  const parsed = planContentSchema.safeParse(json);
  if (!parsed.success) return { ok: false, error: shapeIssues(parsed.error, "") };
  const issues = validatePlan(parsed.data);
  return issues.length > 0 ? { ok: false, error: issues } : { ok: true, value: parsed.data };
}

/** A template file's JSON: shape first, then every validatePlan issue of its content. */
export function parsePlanTemplate(json: unknown): Result<PlanTemplate, readonly PlanIssue[]> {
  const parsed = planTemplateSchema.safeParse(json);
  if (!parsed.success) return { ok: false, error: shapeIssues(parsed.error, "") };
  const issues = validatePlan(parsed.data.content).map((issue) => ({
    ...issue,
    path: `content.${issue.path}`,
  }));
  return issues.length > 0 ? { ok: false, error: issues } : { ok: true, value: parsed.data };
}
