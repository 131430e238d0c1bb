// What is wrong with a classroom layout, with the path of the culprit for the form.
import type { ClassroomLayout } from "../../contract/rotations.ts";

export interface LayoutFieldProblem {
  path: string;
  problem: { code: string; tableId?: string; seatId?: string };
}

export function layoutProblems(layout: ClassroomLayout): LayoutFieldProblem[] {
  const out: LayoutFieldProblem[] = [];
  const seats = layout.tables.reduce((s, t) => s + t.seats.length, 0);
  if (seats === 0) out.push({ path: "layout.tables", problem: { code: "layout.noSeats" } });
  const ids = new Set<string>();
  layout.tables.forEach((t, i) => {
    if (ids.has(t.id)) {
      out.push({
        path: `layout.tables.${i}.id`,
        problem: { code: "layout.duplicateId", tableId: t.id },
      });
    }
    ids.add(t.id);
    t.seats.forEach((s, j) => {
      if (ids.has(s.id)) {
        out.push({
          path: `layout.tables.${i}.seats.${j}.id`,
          problem: { code: "layout.duplicateId", seatId: s.id },
        });
      }
      ids.add(s.id);
    });
  });
  return out;
}
