// Finds demo people by role, so tests read as "the principal of school A".
import type { Db } from "../../src/server/platform/db/database.ts";

export async function personWithRole(
  db: Db,
  role: string,
  opts: { schoolId?: string; ownerId?: string; index?: number } = {},
): Promise<string> {
  let q = db
    .selectFrom("role_assignment")
    .select("person_id")
    .where("role", "=", role)
    .orderBy("person_id");
  if (opts.schoolId) q = q.where("school_id", "=", opts.schoolId);
  if (opts.ownerId) q = q.where("owner_id", "=", opts.ownerId);
  const rows = await q.execute();
  const row = rows[opts.index ?? 0];
  if (!row) throw new Error(`No demo person with role ${role}`);
  return row.person_id;
}

/** The two demo schools: the big one first (more pupils). */
export async function demoSchools(
  db: Db,
): Promise<{ big: { id: string; ownerId: string }; small: { id: string; ownerId: string } }> {
  const rows = await db
    .selectFrom("school as s")
    .leftJoin("role_assignment as r", (j) =>
      j.onRef("r.school_id", "=", "s.id").on("r.role", "=", "pupil"),
    )
    .select(["s.id", "s.owner_id"])
    .select((eb) => eb.fn.count<string>("r.id").as("pupils"))
    .groupBy(["s.id", "s.owner_id"])
    .execute();
  const sorted = rows.sort((a, b) => Number(b.pupils) - Number(a.pupils));
  const [big, small] = sorted;
  if (!big || !small) throw new Error("Demo data needs two schools");
  return {
    big: { id: big.id, ownerId: big.owner_id },
    small: { id: small.id, ownerId: small.owner_id },
  };
}
