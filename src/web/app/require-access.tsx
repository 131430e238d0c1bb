// Guards a page: not logged in -> the login page (coming back afterwards, unless the person
// just logged out); logged in but the
// page is not for these roles -> a "no access" page instead of a page of failing requests.
import type { ReactNode } from "react";
import { Navigate, useLocation } from "react-router";
import { ForbiddenPage } from "../pages/status-pages.tsx";
import { canOpen } from "./access.ts";
import type { FeatureRoute } from "./feature-route.ts";
import { useSession } from "./session.tsx";

export function RequireAccess({ route, children }: { route: FeatureRoute; children: ReactNode }) {
  const { user, notice } = useSession();
  const location = useLocation();
  if (!user) {
    // After logging out, start afresh; otherwise come back here after logging in.
    if (notice) return <Navigate to="/login" replace />;
    const next = `${location.pathname}${location.search}`;
    return <Navigate to={`/login?next=${encodeURIComponent(next)}`} replace />;
  }
  if (!canOpen(route, user)) return <ForbiddenPage />;
  return <>{children}</>;
}
