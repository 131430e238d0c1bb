// What the report form needs to know about the person filing: in what capacity (staff,
// pupil, guardian), which kinds they may file, and for a guardian their children at the
// school. A pupil's form names the pupil themself.
import type { Actor } from "../../core/access/actor.ts";
import { canReport } from "../../core/cases/case-access.ts";
import { CASE_KINDS } from "../../core/cases/types.ts";
import type { Db } from "../platform/db/database.ts";
import { capacityAt, wardsAt } from "./report.ts";
import { namesOf } from "./store.ts";

export async function reportContext(db: Db, actor: Actor, schoolId: string) {
  const capacity = capacityAt(actor, schoolId);
  const kinds = CASE_KINDS.filter((k) => canReport(actor, k, schoolId).allow);
  const pupilIds =
    capacity === "pupil"
      ? [actor.personId]
      : capacity === "guardian"
        ? await db.transaction().execute((tx) => wardsAt(tx, actor.personId, schoolId))
        : [];
  const names = await namesOf(db, pupilIds);
  return { capacity, kinds, pupils: pupilIds.map((id) => ({ id, name: names[id] ?? "" })) };
}
