// The import page. Who may import is the policy's `import.run`; the menu item only keeps the
// page to those it would answer for.
import type { FeatureRoute } from "../app/feature-route.ts";
import { ImportPage } from "./import-page.tsx";

export const importRoutes: FeatureRoute[] = [
  {
    path: "/admin/import",
    element: <ImportPage />,
    nav: {
      labelKey: "import:nav.label",
      roles: ["principal", "deputy", "adminLeader"],
      action: "import.run",
      descriptionKey: "import:nav.help",
    },
  },
];
