// "Hvor og når" (ADR 0117): the leadership and pupil services see where and when.
import type { FeatureRoute } from "../../app/feature-route.ts";
import { WhereWhenPage } from "./where-when-page.tsx";

const READERS = ["principal", "deputy", "counsellor", "socialWorker"] as const;

export const whereWhenRoutes: FeatureRoute[] = [
  {
    path: "/where-when",
    element: <WhereWhenPage />,
    nav: {
      labelKey: "checkins:whereWhen.nav",
      roles: READERS,
      action: "whereWhen.read",
      descriptionKey: "checkins:whereWhen.navHelp",
    },
  },
];
