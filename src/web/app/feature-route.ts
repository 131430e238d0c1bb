// What a feature declares to get a page in the app: a path, the page, and optionally a menu
// item. The shell builds the navigation from these declarations, filtered by the person's
// roles at the active school (or by the one access policy when `action` is given).
import type { ComponentType, ReactNode, SVGProps } from "react";
import type { Action } from "../../core/access/policy.ts";
import type { Role } from "../../core/access/roles.ts";

export interface FeatureNav {
  /** i18next key with namespace, e.g. "admin:nav.people". */
  labelKey: string;
  /** Shown to people holding any of these roles at the active school ([] = everyone). */
  roles: readonly Role[];
  /** Alternatively: shown when the policy allows this action on the active school. */
  action?: Action;
  /** A sentence for the home page's shortcut card, e.g. "admin:nav.peopleHelp". */
  descriptionKey?: string;
  /** A decorative menu icon, e.g. PeopleIcon from src/web/ui/icons.tsx. */
  icon?: ComponentType<SVGProps<SVGSVGElement>>;
}

export interface FeatureRoute {
  /** Absolute path, e.g. "/admin/people" or "/admin/people/:personId". */
  path: string;
  element: ReactNode;
  nav?: FeatureNav;
  /**
   * Who may open the page (default: nav.roles/nav.action, else anyone logged in). The server
   * enforces access; this only spares people a page that would answer "no access".
   */
  roles?: readonly Role[];
  /** Only in demo mode (the demo mailbox). */
  demoOnly?: boolean;
}
