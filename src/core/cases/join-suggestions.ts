/**
 * Several reports about the same pupil belong in one case. When a report arrives, Trygg
 * suggests the open cases it could join: same school, a compatible kind, at least one pupil
 * in common, best match first. The principal decides; nothing is joined automatically.
 *
 * Kinds join only within their track, because the tracks route differently:
 * §12-4 (`pupil-reported`, `staff-concern`) with each other; §12-5 staff cases with staff
 * cases; leadership cases with leadership cases (which only the owner sees).
 *
 * The caller passes only cases the acting person may see (case-access.ts); this function
 * does not decide visibility.
 */

import type { CaseKind, CaseStatus, Instant } from "./types.ts";

const TRACK: Readonly<Record<CaseKind, string>> = {
  "pupil-reported": "12-4",
  "staff-concern": "12-4",
  "staff-violation": "12-5-staff",
  "leadership-violation": "12-5-leadership",
};

export function compatibleKinds(a: CaseKind, b: CaseKind): boolean {
  return TRACK[a] === TRACK[b];
}

export interface JoinReportInfo {
  /** The new report's own case, excluded from the suggestions. */
  readonly caseId: string;
  readonly schoolId: string;
  readonly kind: CaseKind;
  readonly pupils: readonly string[];
}

export interface JoinCandidate {
  readonly id: string;
  readonly schoolId: string;
  readonly kind: CaseKind;
  readonly status: CaseStatus;
  readonly pupils: readonly string[];
  readonly reportedAt: Instant;
}

export interface JoinSuggestion {
  readonly caseId: string;
  /** The pupils the report and the case have in common, in the report's order. */
  readonly sharedPupils: readonly string[];
  /** Shared pupils ÷ pupils named in either (Jaccard), 0–1: how alike the two are. */
  readonly overlap: number;
}

/**
 * Ranked: more shared pupils first, then the closer match (overlap), then the most recent
 * case (the one people are working on now), then case id for a stable order.
 */
export function suggestJoins(
  report: JoinReportInfo,
  openCases: readonly JoinCandidate[],
): JoinSuggestion[] {
  const reportPupils = [...new Set(report.pupils)];
  const ranked: (JoinSuggestion & { readonly reportedAt: Instant })[] = [];
  for (const c of openCases) {
    if (c.id === report.caseId || c.status === "closed") continue;
    if (c.schoolId !== report.schoolId || !compatibleKinds(c.kind, report.kind)) continue;
    const casePupils = new Set(c.pupils);
    const shared = reportPupils.filter((p) => casePupils.has(p));
    if (shared.length === 0) continue;
    const union = new Set([...reportPupils, ...casePupils]).size;
    ranked.push({
      caseId: c.id,
      sharedPupils: shared,
      overlap: shared.length / union,
      reportedAt: c.reportedAt,
    });
  }
  ranked.sort(
    (a, b) =>
      b.sharedPupils.length - a.sharedPupils.length ||
      b.overlap - a.overlap ||
      (a.reportedAt === b.reportedAt ? 0 : a.reportedAt > b.reportedAt ? -1 : 1) ||
      (a.caseId < b.caseId ? -1 : a.caseId > b.caseId ? 1 : 0),
  );
  return ranked.map(({ caseId, sharedPupils, overlap }) => ({ caseId, sharedPupils, overlap }));
}
