// The school owner's own pages: its case list and the settings for the duty-to-act clock.
// The server decides access (owner roles); these declarations keep the menu to owner roles.
import { OWNER_ROLES } from "../../core/access/roles.ts";
import type { FeatureRoute } from "../app/feature-route.ts";
import { CalendarIcon, ChartIcon, FolderIcon } from "../ui/icons.tsx";
import { CompliancePage } from "./compliance-page.tsx";
import { OwnerCasesPage } from "./owner-cases-page.tsx";
import { OwnerSettingsPage } from "./settings-page.tsx";

export const ownerRoutes: FeatureRoute[] = [
  {
    path: "/owner/compliance",
    element: <CompliancePage />,
    nav: {
      labelKey: "compliance:nav.title",
      roles: OWNER_ROLES,
      descriptionKey: "compliance:nav.help",
      icon: ChartIcon,
    },
  },
  {
    path: "/owner/cases",
    element: <OwnerCasesPage />,
    nav: {
      labelKey: "owner:nav.cases",
      roles: OWNER_ROLES,
      descriptionKey: "owner:nav.casesHelp",
      icon: FolderIcon,
    },
  },
  {
    path: "/owner/settings",
    element: <OwnerSettingsPage />,
    nav: {
      labelKey: "owner:nav.settings",
      roles: OWNER_ROLES,
      descriptionKey: "owner:nav.settingsHelp",
      icon: CalendarIcon,
    },
  },
];
