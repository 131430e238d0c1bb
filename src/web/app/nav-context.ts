// The declared feature routes, provided by the layout, so pages (the home page's shortcuts)
// can list what the person may open without importing the route table (which imports them).
import { createContext, useContext } from "react";
import type { FeatureRoute } from "./feature-route.ts";

export const FeatureRoutesContext = createContext<readonly FeatureRoute[]>([]);

export function useFeatureRoutes(): readonly FeatureRoute[] {
  return useContext(FeatureRoutesContext);
}
