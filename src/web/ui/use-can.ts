// Asking the one policy what the person may do at the active school, to hide buttons that
// would only answer "no access". The server decides either way.
import { useCallback } from "react";
import { type Action, authorize, type Resource } from "../../core/access/policy.ts";
import { useSession } from "../app/session.tsx";

/** May the person do `action` at the active school? (Only shapes the UI.) */
export function useCan(): (action: Action, role?: string) => boolean {
  const { user, activeSchool } = useSession();
  return useCallback(
    (action: Action, role?: string) => {
      if (!user || !activeSchool) return false;
      const school = { schoolId: activeSchool.id, ownerId: activeSchool.ownerId };
      const resource: Resource =
        role === undefined
          ? { type: "school", ...school }
          : { type: "schoolRole", ...school, role };
      return authorize({ personId: user.person.id, grants: user.grants }, action, resource).allow;
    },
    [user, activeSchool],
  );
}
