// Which pages the person may see in the menu. This only shapes the UI; the server asks the
// same policy (src/core/access/policy.ts) on every request.
import { authorize } from "../../core/access/policy.ts";
import type { FeatureRoute } from "./feature-route.ts";
import { type AuthenticatedSession, rolesAt } from "./session.tsx";

export function canOpen(route: FeatureRoute, user: AuthenticatedSession): boolean {
  if (route.demoOnly && !user.demo) return false;
  const roles = route.roles ?? route.nav?.roles ?? [];
  const action = route.roles ? undefined : route.nav?.action;
  const school = user.schools.find((s) => s.id === user.activeSchoolId) ?? null;
  if (action) {
    if (!school) return false;
    const decision = authorize({ personId: user.person.id, grants: user.grants }, action, {
      type: "school",
      schoolId: school.id,
      ownerId: school.ownerId,
    });
    return decision.allow;
  }
  if (roles.length === 0) return true;
  const held = rolesAt(user, school?.id ?? null);
  return roles.some((r) => held.includes(r));
}

export function navItems(routes: readonly FeatureRoute[], user: AuthenticatedSession) {
  return routes.filter((r) => r.nav && canOpen(r, user));
}
