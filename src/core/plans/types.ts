/**
 * The yearly action plan (handlingsplan for trygt og godt skolemiljø, opplæringslova §12-3)
 * as plain data: four parts of activities, each with responsible roles, methods and a timing
 * rule that the school-year calendar turns into dated occurrences (the year wheel, årshjul).
 *
 * Everything here is JSON-safe so a plan version can be stored as one JSON document and a
 * template can live in `templates/` as a data file. Text is the school's own (Norwegian
 * bokmål in the default template); codes and ids are English.
 *
 * See docs/decisions/0108-action-plan-timing.md for the timing rules' exact meaning.
 */

import type { SchoolRole } from "../access/roles.ts";
import type { IsoDate, IsoWeekday } from "../calendar/iso-date.ts";
import type { CaseKind } from "../cases/types.ts";

// ---------------------------------------------------------------------------------------
// Parts, responsibles, links
// ---------------------------------------------------------------------------------------

/** The four parts of the plan, in the order the seed plan prints them. */
export const PLAN_PART_IDS = [
  /** Del 1 Informasjonsarbeid. */
  "information",
  /** Del 2 Forebyggende arbeid. */
  "prevention",
  /** Del 3 Rutine for arbeid etter opplæringslova kapittel 12 (linked to the case workflow). */
  "dutyToAct",
  /** Del 4 National resources (Udir): links only. */
  "resources",
] as const;
export type PlanPartId = (typeof PLAN_PART_IDS)[number];

export const ROLE_GROUP_IDS = ["pupilServices", "otherLeadership"] as const;
export type RoleGroup = (typeof ROLE_GROUP_IDS)[number];

/** Named sets of school roles that the seed uses as one responsible ("Elevtjenesten"). */
export const ROLE_GROUPS: Readonly<Record<RoleGroup, readonly SchoolRole[]>> = {
  /** Elevtjenesten: counsellors, social workers and school nurses. */
  pupilServices: ["counsellor", "socialWorker", "schoolNurse"],
  /** "Øvrig ledelse": the leadership other than the principal. */
  otherLeadership: ["deputy", "departmentHead", "adminLeader"],
};

/** "Everyone" responsibles. They are a shared duty, so nobody gets a task for them. */
export const EVERYONE_KINDS = ["staff", "teachers", "pupils", "staffAndPupils"] as const;
export type EveryoneKind = (typeof EVERYONE_KINDS)[number];

/**
 * Who is responsible for an activity. Only `role` and `roleGroup` are assigned to people
 * (see fan-out.ts); `everyone` and `other` (bodies outside Trygg's roles, like the russ
 * board or MOT coaches) are printed in the plan but never get tasks.
 *
 * `label` overrides the translated role name where the school's wording differs
 * ("Skolehelsetjenesten" for the school nurse role). `cooperating` marks a party the
 * responsible works "i samarbeid med": printed, not assigned.
 */
export type Responsible =
  | {
      readonly kind: "role";
      readonly role: SchoolRole;
      readonly label?: string;
      readonly cooperating?: boolean;
    }
  | {
      readonly kind: "roleGroup";
      readonly group: RoleGroup;
      readonly label?: string;
      readonly cooperating?: boolean;
    }
  | {
      readonly kind: "everyone";
      readonly who: EveryoneKind;
      readonly label?: string;
      readonly cooperating?: boolean;
    }
  | { readonly kind: "other"; readonly label: string; readonly cooperating?: boolean };

/** A link in the plan. `url: null` marks a school-specific page the school must fill in. */
export interface PlanLink {
  readonly label: string;
  readonly url: string | null;
}

// ---------------------------------------------------------------------------------------
// Timing rules
// ---------------------------------------------------------------------------------------

/** A day of the year as `MM-DD`, resolved inside a school year (see timing.ts). */
export type MonthDay = string;

/** Limits a recurring rule to part of the school year, e.g. `{ to: "05-31" }`. */
export interface RulePeriod {
  readonly from?: MonthDay;
  readonly to?: MonthDay;
}

/** The steps of the duty-to-act routine a part-3 activity belongs to. */
export const CASE_ROUTINE_STEPS = [
  /** Følge med (and gripe inn): the everyday duty; case status: none yet. */
  "monitor",
  /** Melde fra / varsle: the report that opens a case (`reported`). */
  "report",
  /** Undersøke: follow up the report (`acknowledged` → `investigating`). */
  "investigate",
  /** The written measure plan (aktivitetsplan) (`measuresActive`). */
  "measurePlan",
  /** Sette inn tiltak (`measuresActive`). */
  "measures",
  /** Evaluate the measures (`evaluating`). */
  "evaluate",
  /** Tell the school owner (serious cases, §12-5). */
  "notifyOwner",
] as const;
export type CaseRoutineStep = (typeof CASE_ROUTINE_STEPS)[number];

/**
 * How fast a routine step must happen. `planDeadline` is "as soon as possible, and the plan
 * communicated and accepted within the owner's plan deadline" (CaseSettings
 * `planDeadlineWorkingDays`, 5 in Akershus); the case workflow computes the date.
 */
export const CASE_ROUTINE_DEADLINES = [
  "immediately",
  "asSoonAsPossible",
  "planDeadline",
  "continuous",
] as const;
export type CaseRoutineDeadline = (typeof CASE_ROUTINE_DEADLINES)[number];

export const WHICH_PART_OF_MONTH = ["start", "end"] as const;

/**
 * When an activity happens. Every kind except `caseRoutine` is turned into dated
 * occurrences by `occurrencesFor` (timing.ts); the exact rules are in ADR 0108.
 */
export type TimingRule =
  /** "Før skolestart": on the `daysBefore`-th school day (planning day) before the first teaching day; default 1. */
  | { readonly kind: "beforeSchoolStarts"; readonly daysBefore?: number }
  /** "Første skoleuke" (weeks 1) or "første skoleuker" (weeks 2…): by the end of teaching week `weeks`. */
  | { readonly kind: "firstSchoolWeek"; readonly weeks?: number }
  /** "I løpet av august": by the month's last teaching day (`end`, default) or on its first (`start`). */
  | { readonly kind: "month"; readonly month: number; readonly which?: "start" | "end" }
  /** By a date: the last school day on or before `MM-DD` in the school year. */
  | { readonly kind: "byDate"; readonly monthDay: MonthDay }
  /** Every teaching week, on `weekday` (1 = Monday … 5 = Friday) or the nearest teaching day that week. */
  | { readonly kind: "weekly"; readonly weekday: IsoWeekday; readonly period?: RulePeriod }
  /**
   * Every `n`-th teaching week from teaching week `firstWeek` (default 1); holiday weeks do
   * not count. `min`/`max` are the plan's allowed range ("every third or fourth week").
   */
  | {
      readonly kind: "everyNWeeks";
      readonly n: number;
      readonly min: number;
      readonly max: number;
      readonly weekday: IsoWeekday;
      readonly firstWeek?: number;
      readonly period?: RulePeriod;
    }
  /** `k` times per school year, spread evenly over the teaching weeks; optional allowed range. */
  | {
      readonly kind: "timesPerYear";
      readonly k: number;
      readonly min?: number;
      readonly max?: number;
      readonly period?: RulePeriod;
    }
  /** "Fortløpende": no dates of its own, but a check-in every `checkInEveryWeeks` teaching weeks. */
  | {
      readonly kind: "continuous";
      readonly checkInEveryWeeks: number;
      readonly period?: RulePeriod;
    }
  /** Each occurrence of another activity, moved by `offsetDays` calendar days. */
  | { readonly kind: "relative"; readonly activityId: ActivityId; readonly offsetDays: number }
  /** Part 3: a step of the duty-to-act routine, run by the case workflow, never dated here. */
  | {
      readonly kind: "caseRoutine";
      readonly step: CaseRoutineStep;
      readonly caseKinds: readonly CaseKind[];
      readonly deadline: CaseRoutineDeadline;
    };

export type TimingRuleKind = TimingRule["kind"];

export const TIMING_RULE_KINDS = [
  "beforeSchoolStarts",
  "firstSchoolWeek",
  "month",
  "byDate",
  "weekly",
  "everyNWeeks",
  "timesPerYear",
  "continuous",
  "relative",
  "caseRoutine",
] as const satisfies readonly TimingRuleKind[];

// ---------------------------------------------------------------------------------------
// Activities, parts, plan content
// ---------------------------------------------------------------------------------------

/** Lower-case slug, unique within a plan and stable across versions (occurrence keys use it). */
export type ActivityId = string;

export interface PlanActivity {
  readonly id: ActivityId;
  /**
   * Activities that the published plan prints as one table row share this key (the seed
   * gives one row several deadlines, e.g. "first school week" for the contact teacher and
   * "before school starts" for the principal; each deadline is its own activity here).
   */
  readonly tableRow?: string;
  /** A sub-heading inside the part (part 3 has four). */
  readonly section?: string;
  /** The "Aktivitet" column. */
  readonly description: string;
  /** Bullet points under the description (the committees, the projects, …). */
  readonly details: readonly string[];
  /** The "Ansvar" column; at least one. */
  readonly responsible: readonly Responsible[];
  /** The "Metode" column as a list (may be empty, as in the seed). */
  readonly methods: readonly string[];
  readonly timing: TimingRule;
  /** The "Frist" column as the school words it; `timing` is its machine meaning. */
  readonly deadlineText: string;
  readonly links: readonly PlanLink[];
  /**
   * The date is a proposal: the seed names the event without a date, so leadership sets
   * the school's own date each year (changing the date in the editor drops the marker).
   */
  readonly dateToAdjust?: boolean;
  /**
   * A daily duty (the social worker's presence in common areas): besides its check-ins, the
   * holder records "done today / not today" for each school day (ADR 0118).
   */
  readonly dailyDuty?: DailyDutySpec;
  /**
   * The survey result or "where and when" figure this activity answers (issue #9): the plan
   * links back to it, and the yearly evaluation can see what was done about it.
   */
  readonly followsUp?: FollowUpRef;
}

export const FOLLOW_UP_SOURCES = ["nationalSurvey", "classSurvey", "whereWhen"] as const;
export type FollowUpSource = (typeof FOLLOW_UP_SOURCES)[number];

export interface FollowUpRef {
  readonly source: FollowUpSource;
  /** What the result said, in the words shown where it was created (no pupil in it). */
  readonly label: string;
  /** The page in Trygg that shows the result, e.g. "/undersokelser/elevundersokelsen". */
  readonly path: string;
}

export interface DailyDutySpec {
  /** The places the duty covers, as the plan names them ("Kantina", "Aulaen", …). */
  readonly places: readonly string[];
}

export interface PlanPart {
  readonly id: PlanPartId;
  readonly title: string;
  readonly intro: readonly string[];
  readonly activities: readonly PlanActivity[];
  readonly links: readonly PlanLink[];
}

/** Free text before the parts: legal basis, resources, evaluation. */
export interface PlanSection {
  readonly id: string;
  readonly heading: string;
  readonly paragraphs: readonly string[];
  readonly links: readonly PlanLink[];
}

/** What a school edits and publishes. */
export interface PlanContent {
  readonly title: string;
  readonly sections: readonly PlanSection[];
  /** Exactly the four parts, in `PLAN_PART_IDS` order. */
  readonly parts: readonly PlanPart[];
}

/** A selectable starting point, loaded from `templates/action-plans/*.json`. */
export interface PlanTemplate {
  readonly id: string;
  readonly formatVersion: 1;
  readonly language: "nb" | "nn" | "en";
  readonly name: string;
  readonly description: string;
  readonly content: PlanContent;
}

// ---------------------------------------------------------------------------------------
// Occurrences and tasks
// ---------------------------------------------------------------------------------------

/** `${activityId}@${dueOn}`: stable as long as the activity and its rule's date stay. */
export type OccurrenceKey = string;

/** `due`: the activity itself; `checkIn`: the periodic check-in of a continuous activity. */
export type OccurrenceKind = "due" | "checkIn";

/** One dated occurrence of a timing rule, before it is tied to a plan part and roles. */
export interface RuleOccurrence {
  readonly key: OccurrenceKey;
  readonly activityId: ActivityId;
  readonly kind: OccurrenceKind;
  /** 1-based position among the activity's occurrences, in date order. */
  readonly sequence: number;
  /** The first day it makes sense to do it (equal to `dueOn` for one-day events). */
  readonly windowStartsOn: IsoDate;
  /** The day it is due. Always a school day (teaching or planning day) in the school year. */
  readonly dueOn: IsoDate;
}

/** An occurrence in the year wheel of a plan. */
export interface Occurrence extends RuleOccurrence {
  readonly partId: PlanPartId;
  /** The roles whose holders get a task for it (from the activity's assignable responsibles). */
  readonly roles: readonly SchoolRole[];
}

/** Who holds a role (a role grant): group-scoped roles carry the class or teaching group. */
export interface RoleHolder {
  readonly personId: string;
  readonly role: SchoolRole;
  readonly groupId?: string | null;
}

/** One person's share of an occurrence: for their class or teaching group when scoped. */
export interface PlanTask {
  readonly occurrenceKey: OccurrenceKey;
  readonly personId: string;
  readonly groupId?: string;
  /** The activity roles through which this person got the task (for progress by role). */
  readonly roles: readonly SchoolRole[];
}

export const TASK_STATUSES = ["open", "done", "skipped"] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];

export interface TaskWithStatus extends PlanTask {
  readonly status: TaskStatus;
  /** The done-note ("what we did"); must survive every plan edit. */
  readonly note?: string | null;
}

/** An occurrence's status summed over its tasks (see `occurrenceStatusOf`). */
export type OccurrenceStatus = "open" | "partly" | "done" | "skipped";

export interface OccurrenceWithStatus extends Occurrence {
  readonly status: OccurrenceStatus;
  readonly note?: string | null;
}
