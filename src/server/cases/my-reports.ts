// A reporter's own receipts: that each report was received and whether the school has
// acknowledged it — never the case, its status or who works on it. A pupil's or guardian's
// receipt also tells them when they may take the matter to Statsforvalteren (§12-6), counted
// from the day they reported it.
import { osloDateOf } from "../../core/calendar/iso-date.ts";
import type { Db } from "../platform/db/database.ts";
import { type ComplaintInfo, complaintFor } from "./family-complaint.ts";

export async function myReports(db: Db, personId: string) {
  const rows = await db
    .selectFrom("case_report as r")
    .innerJoin("school as s", "s.id", "r.school_id")
    .select([
      "r.id",
      "r.kind",
      "r.reported_at",
      "r.acknowledged_at",
      "r.reporter_capacity",
      "s.name as school_name",
      "s.owner_id",
    ])
    .where("r.reporter_id", "=", personId)
    .orderBy("r.reported_at", "desc")
    .execute();
  const items = [];
  for (const r of rows) {
    const family = r.reporter_capacity === "pupil" || r.reporter_capacity === "guardian";
    const complaint: ComplaintInfo | null = family
      ? await complaintFor(db, r.owner_id, osloDateOf(new Date(r.reported_at)))
      : null;
    items.push({
      reportId: r.id,
      kind: r.kind,
      schoolName: r.school_name,
      receivedAt: new Date(r.reported_at).toISOString(),
      status: r.acknowledged_at ? ("acknowledged" as const) : ("received" as const),
      acknowledgedAt: r.acknowledged_at ? new Date(r.acknowledged_at).toISOString() : null,
      /** Pupils' and guardians' reports only; null on a staff member's receipt. */
      complaint,
    });
  }
  return { items };
}
