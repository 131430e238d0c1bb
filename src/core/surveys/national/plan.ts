// What an import changes: each incoming value against what is stored under the same key.
// A value equal to the stored one is unchanged (so a re-import changes nothing); a different
// one is an update (a corrected figure); a new key is an insert. Values already stored but
// absent from the file are kept: a file for one year must not erase the others.
import { keyOf, type SurveyValue } from "./types.ts";

export type StoredValue = Omit<SurveyValue, "lines">;

export interface ImportPlan {
  inserts: SurveyValue[];
  updates: SurveyValue[];
  unchanged: number;
}

export function sameValue(a: StoredValue, b: StoredValue): boolean {
  return (
    a.score === b.score &&
    a.hidden === b.hidden &&
    a.shareBullied === b.shareBullied &&
    a.answered === b.answered &&
    a.unitName === b.unitName &&
    a.orgNumber === b.orgNumber
  );
}

export function planImport(
  stored: readonly StoredValue[],
  incoming: readonly SurveyValue[],
): ImportPlan {
  const byKey = new Map(stored.map((s) => [keyOf(s), s]));
  const plan: ImportPlan = { inserts: [], updates: [], unchanged: 0 };
  for (const v of incoming) {
    const old = byKey.get(keyOf(v));
    if (!old) plan.inserts.push(v);
    else if (sameValue(old, v)) plan.unchanged++;
    else plan.updates.push(v);
  }
  return plan;
}

/** Applies a plan to a stored set (what the database does), for tests and previews. */
export function applyPlan(stored: readonly StoredValue[], plan: ImportPlan): StoredValue[] {
  const byKey = new Map(stored.map((s) => [keyOf(s), s]));
  for (const v of [...plan.inserts, ...plan.updates]) {
    const { lines: _lines, ...value } = v;
    byKey.set(keyOf(v), value);
  }
  return [...byKey.values()];
}
