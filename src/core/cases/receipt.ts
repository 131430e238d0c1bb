/**
 * What a reporter may see: that their report was received and acknowledged — not the case.
 * A named reporter reaches this through `caseVisibility` (`receiptOnly`); an anonymous one
 * through the receipt code the server checks against `receiptCodeHash`.
 */

import type { CaseState, Instant } from "./types.ts";

export interface ReportReceipt {
  readonly reportId: string;
  readonly status: "received" | "acknowledged";
  readonly receivedAt: Instant;
  readonly acknowledgedAt: Instant | null;
}

/** The receipt of one report in the case, or null if the report is not in it. */
export function reportReceipt(c: CaseState, reportId: string): ReportReceipt | null {
  const report = c.reports.find((r) => r.id === reportId);
  if (report === undefined) return null;
  return {
    reportId: report.id,
    status: report.acknowledgedAt === null ? "received" : "acknowledged",
    receivedAt: report.reportedAt,
    acknowledgedAt: report.acknowledgedAt,
  };
}

/** The receipts of every report a person filed in the case (what `receiptOnly` shows). */
export function receiptsOf(c: CaseState, personId: string): ReportReceipt[] {
  return c.reports
    .filter((r) => r.reporter.type === "person" && r.reporter.personId === personId)
    .map((r) => reportReceipt(c, r.id))
    .filter((r): r is ReportReceipt => r !== null);
}
