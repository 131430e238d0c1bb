// The group pages: buddy groups (VIP makkerskap), plain groups and seating maps. The server
// decides on every request which classes and teaching groups a person may plan for; the menu
// entry is only shown to teachers and the school's leadership.
import { LEADERSHIP_ROLES, type SchoolRole } from "../../core/access/roles.ts";
import type { FeatureRoute } from "../app/feature-route.ts";
import { GroupsIcon } from "../ui/icons.tsx";
import { ClassroomPage } from "./classroom-page.tsx";
import { ClassroomsPage } from "./classrooms-page.tsx";
import "./groups.css";
import { GroupsOverviewPage } from "./overview-page.tsx";
import { RotationPage } from "./rotation-page.tsx";
import { RoundEditPage } from "./round-edit-page.tsx";

export const GROUP_PLANNERS: readonly SchoolRole[] = [
  "contactTeacher",
  "subjectTeacher",
  ...LEADERSHIP_ROLES,
];

export const groupRoutes: FeatureRoute[] = [
  {
    path: "/groups",
    element: <GroupsOverviewPage />,
    nav: {
      labelKey: "groups:nav.groups",
      roles: GROUP_PLANNERS,
      descriptionKey: "groups:nav.groupsHelp",
      icon: GroupsIcon,
    },
  },
  { path: "/groups/classrooms", element: <ClassroomsPage />, roles: GROUP_PLANNERS },
  { path: "/groups/classrooms/:classroomId", element: <ClassroomPage />, roles: GROUP_PLANNERS },
  { path: "/groups/rotations/:rotationId", element: <RotationPage />, roles: GROUP_PLANNERS },
  {
    path: "/groups/rotations/:rotationId/rounds/:index",
    element: <RoundEditPage />,
    roles: GROUP_PLANNERS,
  },
];
