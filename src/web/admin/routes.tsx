// Administration pages (people, school year, ...). Filled in by the admin feature.
import type { FeatureRoute } from "../app/feature-route.ts";

export const adminRoutes: FeatureRoute[] = [];
