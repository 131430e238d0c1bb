/**
 * Plan-level checks that need no school year: the four parts, activity ids, the required
 * columns, links, each timing rule on its own, and the graph of `relative` rules (unknown
 * targets, cycles, targets without dates). Year-dependent problems come from schedulePlan.
 */

import { type PlanIssue, planIssue } from "./errors.ts";
import { validateTimingRule } from "./timing.ts";
import type { ActivityId, PlanActivity, PlanContent, PlanLink, PlanPartId } from "./types.ts";
import { PLAN_PART_IDS } from "./types.ts";

/** Lower-case slug; no `@`, which separates the activity id from the date in occurrence keys. */
const ACTIVITY_ID_PATTERN = /^[a-z0-9][a-z0-9-]{0,62}$/;

export function isActivityId(value: string): value is ActivityId {
  return ACTIVITY_ID_PATTERN.test(value);
}

/** An absolute http(s) URL, or `null` for a school page still to be filled in. */
export function isValidLinkUrl(url: string | null): boolean {
  if (url === null) return true;
  try {
    const parsed = new URL(url);
    return parsed.protocol === "https:" || parsed.protocol === "http:";
  } catch {
    return false;
  }
}

function checkLinks(links: readonly PlanLink[], path: string, issues: PlanIssue[], id?: string) {
  links.forEach((link, i) => {
    if (!isValidLinkUrl(link.url)) {
      issues.push(
        planIssue("plan.link.invalidUrl", `${path}.links[${i}].url`, { url: String(link.url) }, id),
      );
    }
  });
}

export interface LocatedActivity {
  readonly activity: PlanActivity;
  readonly partId: PlanPartId;
  /** `parts[p].activities[a]`. */
  readonly path: string;
}

/** Every activity with its part and path, in plan order. */
export function activitiesOf(content: PlanContent): LocatedActivity[] {
  return content.parts.flatMap((part, p) =>
    part.activities.map((activity, a) => ({
      activity,
      partId: part.id,
      path: `parts[${p}].activities[${a}]`,
    })),
  );
}

/**
 * Activities ordered so that each `relative` rule comes after its target. Returns the
 * activities on a cycle (in cycle order, first repeated at the end) instead when there is
 * one; unknown targets are ignored here (validatePlan reports them).
 */
export function dependencyOrder(
  activities: readonly PlanActivity[],
): { ok: true; order: PlanActivity[] } | { ok: false; cycle: ActivityId[] } {
  const byId = new Map(activities.map((activity) => [activity.id, activity]));
  const state = new Map<ActivityId, "visiting" | "done">();
  const order: PlanActivity[] = [];
  const stack: ActivityId[] = [];

  const visit = (activity: PlanActivity): ActivityId[] | null => {
    const seen = state.get(activity.id);
    if (seen === "done") return null;
    if (seen === "visiting") {
      return [...stack.slice(stack.indexOf(activity.id)), activity.id];
    }
    state.set(activity.id, "visiting");
    stack.push(activity.id);
    if (activity.timing.kind === "relative") {
      const target = byId.get(activity.timing.activityId);
      if (target !== undefined) {
        const cycle = visit(target);
        if (cycle !== null) return cycle;
      }
    }
    stack.pop();
    state.set(activity.id, "done");
    order.push(activity);
    return null;
  };

  for (const activity of activities) {
    const cycle = visit(activity);
    if (cycle !== null) return { ok: false, cycle };
  }
  return { ok: true, order };
}

/**
 * Everything wrong with a plan's content that does not depend on the school year, all at
 * once. An empty list means the plan can be scheduled in any year that satisfies its
 * rules (schedulePlan reports the year-dependent rest).
 */
export function validatePlan(content: PlanContent): PlanIssue[] {
  const issues: PlanIssue[] = [];

  const partIds = content.parts.map((part) => part.id);
  for (const id of PLAN_PART_IDS) {
    if (!partIds.includes(id)) issues.push(planIssue("plan.part.missing", "parts", { part: id }));
  }
  if (
    issues.length === 0 &&
    (partIds.length !== PLAN_PART_IDS.length || partIds.some((id, i) => id !== PLAN_PART_IDS[i]))
  ) {
    issues.push(planIssue("plan.part.order", "parts", { parts: partIds.join(",") }));
  }

  content.sections.forEach((section, s) => {
    checkLinks(section.links, `sections[${s}]`, issues);
  });
  content.parts.forEach((part, p) => {
    checkLinks(part.links, `parts[${p}]`, issues);
  });

  const located = activitiesOf(content);
  const ids = new Set<ActivityId>();
  const byId = new Map<ActivityId, PlanActivity>();
  for (const { activity, partId, path } of located) {
    const id = activity.id;
    if (!isActivityId(id)) {
      issues.push(planIssue("plan.activity.invalidId", `${path}.id`, { value: id }, id));
    } else if (ids.has(id)) {
      issues.push(planIssue("plan.activity.duplicateId", `${path}.id`, { value: id }, id));
    }
    ids.add(id);
    if (!byId.has(id)) byId.set(id, activity);

    if (activity.description.trim() === "") {
      issues.push(planIssue("plan.activity.descriptionMissing", `${path}.description`, {}, id));
    }
    if (activity.responsible.length === 0) {
      issues.push(planIssue("plan.activity.noResponsible", `${path}.responsible`, {}, id));
    }
    if (activity.deadlineText.trim() === "") {
      issues.push(planIssue("plan.activity.deadlineTextMissing", `${path}.deadlineText`, {}, id));
    }
    checkLinks(activity.links, path, issues, id);
    for (const issue of validateTimingRule(activity.timing, `${path}.timing`)) {
      issues.push({ ...issue, activityId: id });
    }
    // Part 3 is the duty-to-act routine; elsewhere a routine step would have no place in
    // the case workflow's view of the plan.
    if (activity.timing.kind === "caseRoutine" && partId !== "dutyToAct") {
      issues.push(
        planIssue("plan.activity.caseRoutineOutsidePart3", `${path}.timing.kind`, {}, id),
      );
    }
  }

  for (const { activity, path } of located) {
    if (activity.timing.kind !== "relative") continue;
    const target = byId.get(activity.timing.activityId);
    const targetPath = `${path}.timing.activityId`;
    if (target === undefined) {
      issues.push(
        planIssue(
          "plan.timing.unknownActivity",
          targetPath,
          { target: activity.timing.activityId },
          activity.id,
        ),
      );
    } else if (target.timing.kind === "caseRoutine") {
      issues.push(
        planIssue("plan.timing.relativeToUndated", targetPath, { target: target.id }, activity.id),
      );
    }
  }

  const order = dependencyOrder(located.map(({ activity }) => activity));
  if (!order.ok) {
    const [start] = order.cycle;
    const at = located.find(({ activity }) => activity.id === start);
    issues.push(
      planIssue(
        "plan.timing.cycle",
        `${at?.path ?? "parts"}.timing.activityId`,
        { cycle: order.cycle.join(" → ") },
        start,
      ),
    );
  }

  return issues;
}
