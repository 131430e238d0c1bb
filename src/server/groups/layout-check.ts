// What is wrong with a classroom layout (the seating core's rules), with the path of the
// culprit for the form.
import type { ClassroomLayout } from "../../contract/rotations.ts";
import { type LayoutProblem, validateLayout } from "../../core/groups/seating.ts";

export interface LayoutFieldProblem {
  path: string;
  problem: LayoutProblem;
}

export function layoutProblems(layout: ClassroomLayout): LayoutFieldProblem[] {
  return validateLayout(layout).map((problem) => {
    const table = layout.tables.findIndex(
      (t) =>
        (problem.tableId !== undefined && t.id === problem.tableId) ||
        (problem.seatId !== undefined && t.seats.some((s) => s.id === problem.seatId)),
    );
    return { path: table >= 0 ? `layout.tables.${table}` : "layout", problem };
  });
}
