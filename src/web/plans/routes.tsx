// The action-plan pages. Who may do what is the server's policy (plan.read, plan.manage,
// plan.overview, plan.evaluate); these declarations only keep the menu to what a person can
// use. The published plan (/plan/<school id>) is open to anyone and lives outside login.
import { LEADERSHIP_ROLES, STAFF_ROLES } from "../../core/access/roles.ts";
import type { FeatureRoute } from "../app/feature-route.ts";
import { CheckIcon, FolderIcon, ListIcon, PeopleIcon } from "../ui/icons.tsx";
import { ActivityEditPage } from "./activity-edit-page.tsx";
import { CouncilPage } from "./council-page.tsx";
import { DutyRecordsPage } from "./duties.tsx";
import { EvaluationPage } from "./evaluation-page.tsx";
import { FollowUpPage } from "./follow-up.tsx";
import { MeetingsPage } from "./meetings-page.tsx";
import { OverviewPage } from "./overview-page.tsx";
import { PlanHomePage } from "./plan-home-page.tsx";
import { PlanVersionPage } from "./plan-version-page.tsx";
import "./plans.css";
import { PublicPlanPage } from "./public-plan-page.tsx";
import { RoutinePage } from "./routine-page.tsx";
import { TasksPage } from "./tasks-page.tsx";
import { YearWheelPage } from "./year-wheel-page.tsx";

const PLAN_MANAGERS = ["principal", "deputy"] as const;

export const planRoutes: FeatureRoute[] = [
  // Reached from a survey result's "create a follow-up activity", not from the menu.
  { path: "/plans/follow-up", element: <FollowUpPage />, roles: PLAN_MANAGERS },
  {
    path: "/plans",
    element: <PlanHomePage />,
    nav: {
      labelKey: "plans:nav.plan",
      roles: STAFF_ROLES,
      action: "plan.read",
      descriptionKey: "plans:nav.planHelp",
      icon: FolderIcon,
    },
  },
  {
    path: "/tasks",
    element: <TasksPage />,
    nav: {
      labelKey: "plans:nav.tasks",
      roles: STAFF_ROLES,
      action: "plan.read",
      descriptionKey: "plans:nav.tasksHelp",
      icon: CheckIcon,
    },
  },
  {
    path: "/plan-progress",
    element: <OverviewPage />,
    nav: {
      labelKey: "plans:nav.overview",
      roles: LEADERSHIP_ROLES,
      action: "plan.overview",
      descriptionKey: "plans:nav.overviewHelp",
      icon: ListIcon,
    },
  },
  {
    path: "/pupil-council",
    element: <CouncilPage />,
    nav: {
      labelKey: "plans:nav.council",
      roles: ["pupilCouncil"],
      descriptionKey: "plans:nav.councilHelp",
      icon: PeopleIcon,
    },
  },
  {
    path: "/plans/evaluation",
    element: <EvaluationPage />,
    roles: [...STAFF_ROLES, "pupilCouncil"],
  },
  { path: "/plans/meetings", element: <MeetingsPage />, roles: [...STAFF_ROLES, "pupilCouncil"] },
  { path: "/plans/routine", element: <RoutinePage />, roles: STAFF_ROLES },
  { path: "/plans/duties", element: <DutyRecordsPage />, roles: LEADERSHIP_ROLES },
  { path: "/plans/:planId", element: <PlanVersionPage />, roles: STAFF_ROLES },
  { path: "/plans/:planId/year-wheel", element: <YearWheelPage />, roles: STAFF_ROLES },
  {
    path: "/plans/:planId/activities/:activityId",
    element: <ActivityEditPage />,
    roles: PLAN_MANAGERS,
  },
  { path: "/plans/:planId/parts/:partId/new", element: <ActivityEditPage />, roles: PLAN_MANAGERS },
];

/** Pages without login. */
export const publicPlanRoutes = [{ path: "/plan/:schoolId", element: <PublicPlanPage /> }];
