// A classroom as the API shows it: its layout with the seat and table counts.
import type { Classroom, ClassroomLayout, ClassroomSummary } from "../../contract/rotations.ts";
import type { ClassroomRow } from "./store.ts";

export function classroomSummary(row: ClassroomRow): ClassroomSummary {
  const layout = row.layout as ClassroomLayout;
  return {
    id: row.id,
    name: row.name,
    seatCount: layout.tables.reduce((s, t) => s + t.seats.length, 0),
    tableCount: layout.tables.length,
  };
}

export function presentClassroom(row: ClassroomRow): Classroom {
  return {
    ...classroomSummary(row),
    schoolId: row.school_id,
    layout: row.layout as ClassroomLayout,
  };
}
