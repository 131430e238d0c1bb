/**
 * "Keep these pupils apart in groups and seating" is a measure. The groups feature (buddy
 * groups, seating) must honour it without learning why: it receives pairs of pupil ids and
 * nothing else — no case id, no kind, no text.
 *
 * A pair is in force while its case is open with a plan in force (`measuresActive` or
 * `evaluating`) and its measure has not ended (no end date, or ending today or later). The
 * start date is ignored on purpose: a rotation planned today for the coming weeks must
 * already keep apart pupils whose measure starts next week.
 */

import type { IsoDate } from "../calendar/iso-date.ts";
import { type CaseState, currentPlan, normalizePair, type PupilPair } from "./types.ts";

/** The pairs one case contributes today. */
export function caseKeepApartPairs(c: CaseState, today: IsoDate): PupilPair[] {
  if (c.status !== "measuresActive" && c.status !== "evaluating") return [];
  const plan = currentPlan(c);
  if (plan === undefined) return [];
  const pairs: PupilPair[] = [];
  for (const m of plan.measures) {
    if (m.endsOn !== null && m.endsOn < today) continue;
    for (const [a, b] of m.keepApart) pairs.push(normalizePair(a, b));
  }
  return pairs;
}

/**
 * The keep-apart pairs of a school today: unique, each pair smallest id first, sorted.
 * Pass the school's cases (open or closed; closed ones contribute nothing).
 */
export function keepApartPairs(
  cases: readonly CaseState[],
  today: IsoDate,
  schoolId?: string,
): PupilPair[] {
  const seen = new Map<string, PupilPair>();
  for (const c of cases) {
    if (schoolId !== undefined && c.schoolId !== schoolId) continue;
    for (const pair of caseKeepApartPairs(c, today)) {
      seen.set(JSON.stringify(pair), pair);
    }
  }
  return [...seen.values()].sort((x, y) =>
    x[0] !== y[0] ? (x[0] < y[0] ? -1 : 1) : x[1] < y[1] ? -1 : x[1] > y[1] ? 1 : 0,
  );
}
