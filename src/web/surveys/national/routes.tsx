// The national survey pages. Who may see results is the policy's `surveyNational.read`
// (leadership, counsellor, the owner's case staff); who may import, `surveyNational.import`.
import type { FeatureRoute } from "../../app/feature-route.ts";
import {
  NATIONAL_IMPORT_PATH,
  NATIONAL_RESULTS_PATH,
  NationalResultsPage,
} from "./results-page.tsx";
import { NationalUploadPage } from "./upload-page.tsx";

export const nationalSurveyRoutes: FeatureRoute[] = [
  {
    path: NATIONAL_RESULTS_PATH,
    element: <NationalResultsPage />,
    nav: {
      labelKey: "surveysNational:nav.label",
      roles: ["principal", "deputy", "departmentHead", "adminLeader", "counsellor"],
      action: "surveyNational.read",
      descriptionKey: "surveysNational:nav.help",
    },
  },
  {
    path: NATIONAL_IMPORT_PATH,
    element: <NationalUploadPage />,
    roles: ["principal", "deputy"],
  },
];
