/**
 * Routing by case kind: who is alerted when a report arrives, where the alert goes when
 * nobody acknowledges it, who leads the case, and when the school owner is involved.
 *
 * §12-4 cases and §12-5 staff cases are the school's: the principal and the deputy are
 * alerted at once and lead the case. If neither acknowledges within the owner's
 * `alertEscalationMinutes`, the alert goes on to the owner's case officer.
 *
 * A leadership case (§12-5, someone in the school's leadership) goes straight to the owner
 * "ved områdedirektør": the area director(s) and the owner's case officer are alerted at once
 * (level 0), and nobody at the school's leadership is ever a recipient. The one escalation
 * level repeats the alert to the same two roles when nobody has acknowledged it within
 * `alertEscalationMinutes`: there is nobody above the area director to go to, but a missed
 * alert about a principal must not stay silent. After that repeat the alert stays open (the
 * acknowledge step is overdue on the case lists) and is not sent again.
 */

import type { OwnerRole } from "../access/roles.ts";
import type { Recipient } from "./effects.ts";
import type { CaseKind, CaseState, Instant } from "./types.ts";

export type AlertTarget =
  | { readonly type: "schoolRole"; readonly role: "principal" | "deputy" }
  | { readonly type: "ownerRole"; readonly role: OwnerRole };

const SCHOOL_ALERT_LEVELS: readonly (readonly AlertTarget[])[] = [
  [
    { type: "schoolRole", role: "principal" },
    { type: "schoolRole", role: "deputy" },
  ],
  [{ type: "ownerRole", role: "ownerCaseOfficer" }],
];

// The case officer comes first: it leads the case and owns the acknowledge step.
const OWNER_ALERT_TARGETS: readonly AlertTarget[] = [
  { type: "ownerRole", role: "ownerCaseOfficer" },
  { type: "ownerRole", role: "areaDirector" },
];
const OWNER_ALERT_LEVELS: readonly (readonly AlertTarget[])[] = [
  OWNER_ALERT_TARGETS,
  OWNER_ALERT_TARGETS,
];

export function isLeadershipKind(kind: CaseKind): boolean {
  return kind === "leadership-violation";
}

/** Alert levels by kind; level i (i ≥ 1) is reached i × `alertEscalationMinutes` after the report. */
export function alertLevels(kind: CaseKind): readonly (readonly AlertTarget[])[] {
  return isLeadershipKind(kind) ? OWNER_ALERT_LEVELS : SCHOOL_ALERT_LEVELS;
}

export function hasAlertLevel(kind: CaseKind, level: number): boolean {
  return Number.isInteger(level) && level >= 0 && level < alertLevels(kind).length;
}

export function alertRecipients(
  c: Pick<CaseState, "kind" | "schoolId" | "ownerId">,
  level: number,
): Recipient[] {
  const targets = alertLevels(c.kind)[level] ?? [];
  return targets.map((t) =>
    t.type === "schoolRole"
      ? { type: "schoolRole", role: t.role, schoolId: c.schoolId }
      : { type: "ownerRole", role: t.role, ownerId: c.ownerId },
  );
}

/** When level `level` is due for a report made at `reportedAt`. */
export function alertLevelAt(reportedAt: Instant, level: number, minutes: number): Instant {
  return new Date(Date.parse(reportedAt) + level * minutes * 60_000).toISOString();
}

/** The role that owns the case's dated steps (writing the plan, evaluating, …). */
export function leadRole(kind: CaseKind): "principal" | "ownerCaseOfficer" {
  return isLeadershipKind(kind) ? "ownerCaseOfficer" : "principal";
}

/** Who must acknowledge now: the first recipient of the alert's current level. */
export function acknowledgeOwnerRole(
  kind: CaseKind,
  level: number,
): "principal" | "deputy" | OwnerRole {
  const levels = alertLevels(kind);
  const targets = levels[Math.min(Math.max(level, 0), levels.length - 1)] ?? [];
  return targets[0]?.role ?? leadRole(kind);
}

/**
 * Has the school owner been brought into a school case? (Marked serious, a §12-5 notice, or
 * an unacknowledged alert that reached the owner.) The owner then may read the case.
 */
export function ownerInvolved(
  c: Pick<CaseState, "kind" | "escalatedToOwnerAt" | "serious" | "alert">,
): boolean {
  if (isLeadershipKind(c.kind)) return true;
  return c.escalatedToOwnerAt !== null || c.serious !== null || c.alert.level >= 1;
}

/** The recipient of notices to the owner about a school case. */
export function ownerCaseOfficer(c: Pick<CaseState, "ownerId">): Recipient {
  return { type: "ownerRole", role: "ownerCaseOfficer", ownerId: c.ownerId };
}

/** Leadership cases must never notify anyone in the school's leadership; this is the filter. */
export function recipientAllowed(c: Pick<CaseState, "kind">, recipient: Recipient): boolean {
  return !(isLeadershipKind(c.kind) && recipient.type === "schoolRole");
}
