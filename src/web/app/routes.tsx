// The route table. Features declare their pages as FeatureRoute[] (see feature-route.ts) in
// their own routes.tsx and are listed once in `featureRoutes`; the menu is built from the same
// declarations, filtered by role.
import { createBrowserRouter } from "react-router";
import { OWNER_ROLES, STAFF_ROLES } from "../../core/access/roles.ts";
import { AccountPage } from "../account/account-page.tsx";
import { adminRoutes } from "../admin/routes.tsx";
import { AuditPage } from "../audit/audit-page.tsx";
import { caseRoutes } from "../cases/routes.tsx";
import { MailboxPage } from "../demo/mailbox-page.tsx";
import { groupRoutes } from "../groups/routes.tsx";
import { HomePage } from "../home/home-page.tsx";
import { importRoutes } from "../import/routes.tsx";
import { ownerRoutes } from "../owner/routes.tsx";
import { NotFoundPage, RouteErrorPage } from "../pages/status-pages.tsx";
import { planRoutes, publicPlanRoutes } from "../plans/routes.tsx";
import { classSurveyRoutes, publicClassSurveyRoutes } from "../surveys/class/routes.tsx";
import { nationalSurveyRoutes } from "../surveys/national/routes.tsx";
import { whereWhenRoutes } from "../surveys/where-when/routes.tsx";
import { HomeIcon, ListIcon, MailIcon } from "../ui/icons.tsx";
import type { FeatureRoute } from "./feature-route.ts";
import { Layout } from "./layout.tsx";
import { LoginPage } from "./login-page.tsx";
import { RequireAccess } from "./require-access.tsx";

const homeRoute: FeatureRoute = {
  path: "/",
  element: <HomePage />,
  nav: { labelKey: "common:nav.home", roles: [], icon: HomeIcon },
};

/** The shell's records: the audit log and, in demo mode, the captured mail. */
export const coreRoutes: FeatureRoute[] = [
  {
    path: "/audit",
    element: <AuditPage />,
    nav: {
      labelKey: "common:nav.audit",
      roles: ["principal"],
      action: "audit.read",
      descriptionKey: "home:describe.audit",
      icon: ListIcon,
    },
  },
  // Reached from the user menu, not the main menu; open to everyone logged in.
  { path: "/konto", element: <AccountPage /> },
  {
    path: "/demo/mail",
    element: <MailboxPage />,
    nav: {
      labelKey: "common:nav.mailbox",
      // The captured mail is staff mail: pupils and guardians never see it in their menu.
      roles: [...STAFF_ROLES, ...OWNER_ROLES, "systemAdmin"],
      descriptionKey: "home:describe.mailbox",
      icon: MailIcon,
    },
    demoOnly: true,
  },
];

/** Every page behind login, in menu order: the daily work first, administration last. */
export const featureRoutes: FeatureRoute[] = [
  homeRoute,
  ...caseRoutes,
  ...ownerRoutes,
  ...planRoutes,
  ...groupRoutes,
  ...nationalSurveyRoutes,
  ...classSurveyRoutes,
  ...adminRoutes,
  ...importRoutes,
  ...whereWhenRoutes,
  ...coreRoutes,
];

/** Pages outside login: the login page, the published action plan and class-code answering. */
export const publicRoutes = [
  { path: "/login", element: <LoginPage /> },
  ...publicPlanRoutes,
  // Pupils answering a class survey with the lesson's class code.
  ...publicClassSurveyRoutes,
];

export function createRouter() {
  return createBrowserRouter([
    {
      element: <Layout routes={featureRoutes} />,
      errorElement: <RouteErrorPage />,
      children: [
        // The login page, the published action plan and class-code answering: open to anyone.
        ...publicRoutes,
        ...featureRoutes.map((route) => ({
          path: route.path,
          element: <RequireAccess route={route}>{route.element}</RequireAccess>,
        })),
        { path: "*", element: <NotFoundPage /> },
      ],
    },
  ]);
}
