// Administration pages: people and roles, classes and groups, the school-year calendar, and
// the school owner's schools. The server decides access; these declarations only keep the
// menu to what a person can use.
import { STAFF_ROLES } from "../../core/access/roles.ts";
import type { FeatureRoute } from "../app/feature-route.ts";
import "./admin.css";
import { GroupsPage } from "./groups-page.tsx";
import { NewPersonPage, PeoplePage, PersonPage } from "./people-pages.tsx";
import { SchoolYearEditPage, SchoolYearsPage } from "./school-year-pages.tsx";
import { SchoolsPage } from "./schools-page.tsx";

/** Who may add people and give roles (the policy's people.manage). */
const PEOPLE_MANAGERS = ["principal", "deputy", "adminLeader"] as const;

export const adminRoutes: FeatureRoute[] = [
  {
    path: "/admin/people",
    element: <PeoplePage />,
    nav: {
      labelKey: "admin:nav.people",
      roles: STAFF_ROLES,
      action: "people.read",
      descriptionKey: "admin:nav.peopleHelp",
    },
  },
  { path: "/admin/people/new", element: <NewPersonPage />, roles: PEOPLE_MANAGERS },
  { path: "/admin/people/:personId", element: <PersonPage />, roles: STAFF_ROLES },
  { path: "/admin/groups", element: <GroupsPage />, roles: STAFF_ROLES },
  {
    path: "/admin/school-year",
    element: <SchoolYearsPage />,
    nav: {
      labelKey: "admin:nav.schoolYear",
      roles: STAFF_ROLES,
      action: "schoolYear.read",
      descriptionKey: "admin:nav.schoolYearHelp",
    },
  },
  {
    path: "/admin/school-year/:yearId",
    element: <SchoolYearEditPage />,
    roles: [...STAFF_ROLES, "pupilCouncil", "ownerCaseOfficer", "areaDirector"],
  },
  {
    path: "/admin/schools",
    element: <SchoolsPage />,
    nav: {
      labelKey: "admin:nav.schools",
      roles: ["areaDirector", "ownerCaseOfficer", "systemAdmin"],
      descriptionKey: "admin:nav.schoolsHelp",
    },
  },
];
