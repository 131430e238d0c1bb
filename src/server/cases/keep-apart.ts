// What the groups feature (buddy groups, seating) reads: pairs of pupils who must not be put
// together. Pairs only — no case id, no kind, no reason: the teacher sees the constraint,
// never why. A pair is in force while its case has a plan in force and its measure has not
// ended (start dates are ignored on purpose: a rotation planned now must already honour a
// measure that starts next week).
import { type IsoDate, osloDateOf } from "../../core/calendar/iso-date.ts";
import type { Db } from "../platform/db/database.ts";

export type PupilPair = readonly [string, string];

export async function keepApartPairsForSchool(
  db: Db,
  schoolId: string,
  today: IsoDate = osloDateOf(new Date()),
): Promise<PupilPair[]> {
  const rows = await db
    .selectFrom("case_keep_apart as k")
    .innerJoin("school_case as c", "c.id", "k.case_id")
    .select(["k.pupil_a", "k.pupil_b"])
    .distinct()
    .where("k.school_id", "=", schoolId)
    .where("c.status", "in", ["measuresActive", "evaluating"])
    .where((eb) => eb.or([eb("k.ends_on", "is", null), eb("k.ends_on", ">=", today)]))
    .execute();
  return rows
    .map((r) => [r.pupil_a, r.pupil_b] as const)
    .sort((x, y) =>
      x[0] !== y[0] ? (x[0] < y[0] ? -1 : 1) : x[1] < y[1] ? -1 : x[1] > y[1] ? 1 : 0,
    );
}
