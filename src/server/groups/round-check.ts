// Checks one round against the group and its hard constraints: every pupil of the group
// exactly once, keep-apart pairs in different groups, together pairs in the same group.
import type { ViolationReason } from "./errors.ts";
import type { Pair } from "./plan-rounds.ts";

export interface RoundProblem {
  reason: ViolationReason;
  pupils: string[];
}

export function roundProblem(
  groups: readonly (readonly string[])[],
  spec: {
    pupils: readonly { id: string }[];
    apart: readonly Pair[];
    together: readonly Pair[];
  },
): RoundProblem | null {
  const current = new Set(spec.pupils.map((p) => p.id));
  const groupOf = new Map<string, number>();
  const wrong: string[] = [];
  groups.forEach((members, g) => {
    for (const id of members) {
      if (groupOf.has(id) || !current.has(id)) wrong.push(id);
      else groupOf.set(id, g);
    }
  });
  for (const id of current) if (!groupOf.has(id)) wrong.push(id);
  if (wrong.length > 0) return { reason: "pupilsMismatch", pupils: wrong };
  const apart = spec.apart.filter(([a, b]) => groupOf.get(a) === groupOf.get(b));
  if (apart.length > 0) return { reason: "apartTogether", pupils: apart.flat() };
  const split = spec.together.filter(([a, b]) => groupOf.get(a) !== groupOf.get(b));
  if (split.length > 0) return { reason: "togetherSplit", pupils: split.flat() };
  return null;
}
