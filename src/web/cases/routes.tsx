// The case pages. The server decides access on every request; these declarations keep the
// menu to what a person can use: the case list for staff and the owner's staff, the
// reporter's receipts for everyone. The report form is reached from the header's button.
import { OWNER_ROLES, STAFF_ROLES } from "../../core/access/roles.ts";
import type { FeatureRoute } from "../app/feature-route.ts";
import "./cases.css";
import { CasePage } from "./case-page.tsx";
import { CasesPage } from "./cases-page.tsx";
import { MyReportsPage } from "./my-reports-page.tsx";
import { PlanPage } from "./plan-page.tsx";
import { ReportPage } from "./report-page.tsx";

const CASE_READERS = [...STAFF_ROLES, ...OWNER_ROLES];
/** Everyone who may file a report or "si ifra". */
export const REPORTERS = [...STAFF_ROLES, "pupil", "guardian"] as const;

export const caseRoutes: FeatureRoute[] = [
  {
    path: "/cases",
    element: <CasesPage />,
    nav: {
      labelKey: "cases:nav.cases",
      roles: CASE_READERS,
      descriptionKey: "cases:nav.casesHelp",
    },
  },
  { path: "/cases/new", element: <ReportPage />, roles: REPORTERS },
  {
    path: "/cases/mine",
    element: <MyReportsPage />,
    nav: {
      labelKey: "cases:nav.myReports",
      roles: REPORTERS,
      descriptionKey: "cases:nav.myReportsHelp",
    },
  },
  { path: "/cases/:caseId", element: <CasePage />, roles: CASE_READERS },
  { path: "/cases/:caseId/plan", element: <PlanPage />, roles: CASE_READERS },
];
