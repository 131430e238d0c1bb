// Seating: the classroom's tables are the groups. `seatingGroups` picks the tables in use and
// how many sit at each, fixed seats become the solver's fixed groups, and `assignSeats` turns
// each round's groups into seats. Stored rounds list a group per table of the layout (empty
// for a table not in use), so `groups[g]` always sits at `layout.tables[g]`.
import {
  assignSeats,
  fixedGroupsFromSeats,
  type SeatingProblem,
  seatingGroups,
} from "../../core/groups/seating.ts";
import { rotationError, violation } from "./errors.ts";
import type { PlanningSpec } from "./plan-rounds.ts";

export interface SeatingPlan {
  /** The tables in use: solver group g sits at table `tableIds[g]`. */
  tableIds: string[];
  sizes: number[];
  fixedGroup: Map<string, number>;
}

function seatingFailure(spec: PlanningSpec, problems: readonly SeatingProblem[]) {
  const ids = problems.flatMap((p) =>
    "pupilId" in p ? [p.pupilId] : "pupilIds" in p ? [...p.pupilIds] : [],
  );
  if (ids.length === 0) return rotationError(409, spec.lang, "groups.tableFull");
  return violation(spec.lang, "fixedSeat", ids, new Map(spec.pupils.map((p) => [p.id, p.name])));
}

export function seatingPlan(spec: PlanningSpec): SeatingPlan {
  const layout = spec.layout;
  if (!layout) throw rotationError(400, spec.lang, "rotation.classroomRequired", "classroomId");
  const groups = seatingGroups(layout, spec.pupils.length, spec.fixedSeats);
  if (!groups) throw rotationError(400, spec.lang, "rotation.tooFewSeats", "classroomId");
  const fixed = fixedGroupsFromSeats(layout, groups.tableIds, spec.fixedSeats);
  if (!fixed.ok) throw seatingFailure(spec, fixed.problems);
  return { tableIds: groups.tableIds, sizes: groups.sizes, fixedGroup: fixed.value };
}

/** Seats for solver groups (tables in use), and the groups spread over every table. */
export function seatsFor(
  spec: PlanningSpec,
  plan: SeatingPlan,
  groups: string[][],
): { groups: string[][]; seats: Record<string, string> } {
  const layout = spec.layout;
  if (!layout) throw rotationError(400, spec.lang, "rotation.classroomRequired", "classroomId");
  const seats = assignSeats(layout, plan.tableIds, groups, spec.fixedSeats);
  if (!seats.ok) throw seatingFailure(spec, seats.problems);
  const byTable = layout.tables.map((t) => {
    const g = plan.tableIds.indexOf(t.id);
    return g >= 0 ? (groups[g] ?? []) : [];
  });
  return { groups: byTable, seats: seats.value };
}

/** Seats for a hand-edited round whose groups are given per table of the layout. */
export function seatsForRound(spec: PlanningSpec, groups: string[][]): Record<string, string> {
  const layout = spec.layout;
  if (!layout) throw rotationError(400, spec.lang, "rotation.classroomRequired", "classroomId");
  const tableIds = layout.tables.map((t) => t.id);
  const seats = assignSeats(layout, tableIds, groups, spec.fixedSeats);
  if (!seats.ok) throw seatingFailure(spec, seats.problems);
  return seats.value;
}
