// A reporter's own receipts: that each report was received and whether the school has
// acknowledged it — never the case, its status or who works on it.
import type { Db } from "../platform/db/database.ts";

export async function myReports(db: Db, personId: string) {
  const rows = await db
    .selectFrom("case_report as r")
    .innerJoin("school as s", "s.id", "r.school_id")
    .select(["r.id", "r.kind", "r.reported_at", "r.acknowledged_at", "s.name as school_name"])
    .where("r.reporter_id", "=", personId)
    .orderBy("r.reported_at", "desc")
    .execute();
  return {
    items: rows.map((r) => ({
      reportId: r.id,
      kind: r.kind,
      schoolName: r.school_name,
      receivedAt: new Date(r.reported_at).toISOString(),
      status: r.acknowledged_at ? ("acknowledged" as const) : ("received" as const),
      acknowledgedAt: r.acknowledged_at ? new Date(r.acknowledged_at).toISOString() : null,
    })),
  };
}
