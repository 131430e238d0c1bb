// Import pages (pupil and staff lists). Filled in by the import feature.
import type { FeatureRoute } from "../app/feature-route.ts";

export const importRoutes: FeatureRoute[] = [];
