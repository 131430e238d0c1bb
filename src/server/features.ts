// Every feature's routes, in one list: add a feature here and it is served.
import { auditRoutes } from "./audit/routes.ts";
import { accountRoutes } from "./auth/account-routes.ts";
import { oidcRoutes } from "./auth/oidc/routes.ts";
import { authRoutes } from "./auth/routes.ts";
import { caseRoutes } from "./cases/routes.ts";
import { rotationRoutes } from "./groups/routes.ts";
import { healthRoutes } from "./health/routes.ts";
import { notificationRoutes } from "./notifications/routes.ts";
import { ownerRoutes } from "./owner/routes.ts";
import { importRoutes } from "./people/import/routes.ts";
import { peopleRoutes } from "./people/routes.ts";
import { planRoutes } from "./plans/routes.ts";
import type { FeatureRoutes } from "./platform/http/app.ts";
import { schoolRoutes } from "./schools/routes.ts";
import { classSurveyRoutes } from "./surveys/class/routes.ts";
import { nationalSurveyRoutes } from "./surveys/national/routes.ts";
import { whereWhenRoutes } from "./surveys/where-when/routes.ts";

export const features: FeatureRoutes[] = [
  healthRoutes,
  authRoutes,
  accountRoutes,
  oidcRoutes,
  schoolRoutes,
  peopleRoutes,
  ownerRoutes,
  auditRoutes,
  notificationRoutes,
  importRoutes,
  caseRoutes,
  planRoutes,
  rotationRoutes,
  nationalSurveyRoutes,
  whereWhenRoutes,
  classSurveyRoutes,
];
