// Seating: the classroom's tables are the groups. Filled in once the seating core lands.

import { rotationError } from "./errors.ts";
import type { PlanningSpec } from "./plan-rounds.ts";

export interface SeatingPlan {
  tableIds: string[];
  sizes: number[];
  fixedGroup: Map<string, number>;
}

export function seatingPlan(spec: PlanningSpec): SeatingPlan {
  throw rotationError(400, spec.lang, "rotation.classroomRequired", "classroomId");
}

export function seatsFor(
  _spec: PlanningSpec,
  _plan: SeatingPlan,
  groups: string[][],
): { groups: string[][]; seats: Record<string, string> } {
  return { groups, seats: {} };
}

export function seatsForRound(_spec: PlanningSpec, _groups: string[][]): Record<string, string> {
  return {};
}
