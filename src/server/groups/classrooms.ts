// Classrooms: the layout of tables and seats a seating map is drawn on. No personal data.
import { z } from "zod";
import type { Classroom, ClassroomLayout, ClassroomSummary } from "../../contract/rotations.ts";
import type { Lang } from "../../i18n/lang.ts";
import { appendAudit } from "../platform/audit.ts";
import type { Db } from "../platform/db/database.ts";
import { AppError, notFound } from "../platform/errors.ts";
import { invalidInput } from "../schools/input.ts";
import { classroomSummary, presentClassroom } from "./classroom-view.ts";
import type { RotationCommand } from "./context.ts";
import { layoutProblems } from "./layout-check.ts";

const cell = z.number().int().min(0).max(200);
const id = z.string().min(1).max(40);
export const classroomInput = z.object({
  name: z.string().trim().min(1).max(200),
  layout: z.object({
    kind: z.enum(["rows", "islands", "horseshoe", "custom"]),
    width: z.number().int().min(1).max(200),
    height: z.number().int().min(1).max(200),
    tables: z
      .array(
        z.object({
          id,
          label: z.string().max(40),
          x: cell,
          y: cell,
          w: z.number().int().min(1).max(200),
          h: z.number().int().min(1).max(200),
          seats: z.array(z.object({ id, x: cell, y: cell })).max(60),
        }),
      )
      .max(60),
  }),
});

function checkLayout(lang: Lang, layout: ClassroomLayout): void {
  const problems = layoutProblems(layout);
  if (problems.length === 0) return;
  const fields = invalidInput(
    lang,
    problems.map((p) => ({ path: p.path, code: p.problem.code })),
  ).details;
  // The layout editor gets the precise problems too, to point at the table or seat.
  throw new AppError(400, "validation.failed", {
    ...fields,
    layoutProblems: problems.map((p) => p.problem),
  });
}

export async function listClassrooms(db: Db, schoolId: string): Promise<ClassroomSummary[]> {
  const rows = await db
    .selectFrom("classroom")
    .selectAll()
    .where("school_id", "=", schoolId)
    .orderBy("name")
    .execute();
  return rows.map(classroomSummary);
}

export async function readClassroom(
  db: Db,
  schoolId: string,
  classroomId: string,
): Promise<Classroom> {
  const row = await db
    .selectFrom("classroom")
    .selectAll()
    .where("id", "=", classroomId)
    .where("school_id", "=", schoolId)
    .executeTakeFirst();
  if (!row) throw notFound();
  return presentClassroom(row);
}

export async function saveClassroom(
  db: Db,
  cmd: RotationCommand & { classroomId?: string; input: z.infer<typeof classroomInput> },
): Promise<Classroom> {
  const { input } = cmd;
  checkLayout(cmd.lang, input.layout);
  return db.transaction().execute(async (tx) => {
    let row: Awaited<ReturnType<typeof readRow>>;
    const readRow = (rid: string) =>
      tx.selectFrom("classroom").selectAll().where("id", "=", rid).executeTakeFirstOrThrow();
    if (cmd.classroomId) {
      const updated = await tx
        .updateTable("classroom")
        .set({ name: input.name, layout: JSON.stringify(input.layout), updated_at: cmd.now })
        .where("id", "=", cmd.classroomId)
        .where("school_id", "=", cmd.schoolId)
        .returning("id")
        .executeTakeFirst();
      if (!updated) throw notFound();
      row = await readRow(updated.id);
    } else {
      const created = await tx
        .insertInto("classroom")
        .values({
          school_id: cmd.schoolId,
          name: input.name,
          layout: JSON.stringify(input.layout),
          created_by: cmd.actor.personId,
          created_at: cmd.now,
          updated_at: cmd.now,
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      row = await readRow(created.id);
    }
    await appendAudit(tx, {
      at: cmd.now,
      actorId: cmd.actor.personId,
      action: cmd.classroomId ? "classroom.update" : "classroom.create",
      resourceType: "classroom",
      resourceId: row.id,
      schoolId: cmd.schoolId,
      ownerId: cmd.ownerId,
      requestId: cmd.requestId,
    });
    return presentClassroom(row);
  });
}
