// The logged-in person as the UI sees them: the GET /api/session payload, kept in a context,
// plus the actions that change it. The UI hides what a role cannot use; the server decides.

import {
  createContext,
  type ReactNode,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useState,
} from "react";
import type { Grant } from "../../core/access/actor.ts";
import type { Role } from "../../core/access/roles.ts";
import { api, setCsrfToken, setSessionLostHandler } from "./api.ts";

export interface Providers {
  feide: boolean;
  idporten: boolean;
  local: boolean;
}

export interface SessionSchool {
  id: string;
  name: string;
  ownerId: string;
}

export interface AnonymousSession {
  authenticated: false;
  demo: boolean;
  providers: Providers;
}

export interface AuthenticatedSession {
  authenticated: true;
  demo: boolean;
  providers: Providers;
  csrfToken: string;
  authMethod: string;
  person: { id: string; givenName: string; familyName: string };
  grants: Grant[];
  schools: SessionSchool[];
  owners: { id: string; name: string }[];
  activeSchoolId: string | null;
}

export type SessionPayload = AnonymousSession | AuthenticatedSession;

/** Why the person is no longer logged in, for the login page to say so. */
export type LogoutNotice = "loggedOut" | "loggedOutEverywhere";

export interface SessionContextValue {
  /** Null until the first answer from the server. */
  session: SessionPayload | null;
  /** Set by logout/logoutEverywhere until the next login. */
  notice: LogoutNotice | null;
  /** The first load failed (server unreachable); `refresh` retries. */
  error: unknown;
  /** The authenticated session, or null when anonymous or still loading. */
  user: AuthenticatedSession | null;
  activeSchool: SessionSchool | null;
  refresh(): Promise<SessionPayload>;
  switchSchool(schoolId: string): Promise<void>;
  logout(): Promise<void>;
  logoutEverywhere(): Promise<void>;
  /**
   * Does the person hold `role`? A school role counts at `schoolId` (default: the active
   * school); an owner role counts at any owner; systemAdmin anywhere.
   */
  hasRole(role: Role, schoolId?: string | null): boolean;
  /** Any of `roles` (see hasRole); an empty list means "anyone logged in". */
  hasAnyRole(roles: readonly Role[], schoolId?: string | null): boolean;
  /** The person's roles at a school (default: the active school), in grant order. */
  rolesAt(schoolId?: string | null): Role[];
}

const SessionContext = createContext<SessionContextValue | null>(null);

export function rolesAt(user: AuthenticatedSession | null, schoolId: string | null): Role[] {
  if (!user) return [];
  const out: Role[] = [];
  for (const g of user.grants) {
    const applies = "schoolId" in g ? g.schoolId === schoolId : true;
    if (applies && !out.includes(g.role)) out.push(g.role);
  }
  return out;
}

export function SessionProvider({ children }: { children: ReactNode }) {
  const [session, setSession] = useState<SessionPayload | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [notice, setNotice] = useState<LogoutNotice | null>(null);

  const refresh = useCallback(async () => {
    try {
      const next = await api.get<SessionPayload>("/api/session");
      setCsrfToken(next.authenticated ? next.csrfToken : null);
      if (next.authenticated) setNotice(null);
      setSession(next);
      setError(null);
      return next;
    } catch (err) {
      setError(err);
      throw err;
    }
  }, []);

  useEffect(() => {
    refresh().catch(() => {
      // Shown by the shell through `error`.
    });
  }, [refresh]);

  useEffect(() => {
    setSessionLostHandler(() => {
      refresh().catch(() => {});
    });
    return () => setSessionLostHandler(null);
  }, [refresh]);

  const user = session?.authenticated ? session : null;

  const switchSchool = useCallback(
    async (schoolId: string) => {
      await api.post("/api/session/school", { schoolId });
      await refresh();
    },
    [refresh],
  );

  const logout = useCallback(async () => {
    await api.post("/api/auth/logout");
    setCsrfToken(null);
    setNotice("loggedOut");
    await refresh();
  }, [refresh]);

  const logoutEverywhere = useCallback(async () => {
    await api.post("/api/auth/logout-all");
    setCsrfToken(null);
    setNotice("loggedOutEverywhere");
    await refresh();
  }, [refresh]);

  const value = useMemo<SessionContextValue>(() => {
    const activeId = user?.activeSchoolId ?? null;
    const resolve = (schoolId: string | null | undefined) =>
      schoolId === undefined ? activeId : schoolId;
    return {
      session,
      notice,
      error,
      user,
      activeSchool: user?.schools.find((s) => s.id === activeId) ?? null,
      refresh,
      switchSchool,
      logout,
      logoutEverywhere,
      rolesAt: (schoolId) => rolesAt(user, resolve(schoolId)),
      hasRole: (role, schoolId) => rolesAt(user, resolve(schoolId)).includes(role),
      hasAnyRole: (roles, schoolId) => {
        if (!user) return false;
        if (roles.length === 0) return true;
        const held = rolesAt(user, resolve(schoolId));
        return roles.some((r) => held.includes(r));
      },
    };
  }, [session, notice, error, user, refresh, switchSchool, logout, logoutEverywhere]);

  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionContextValue {
  const ctx = useContext(SessionContext);
  if (!ctx) throw new Error("useSession must be used inside <SessionProvider>");
  return ctx;
}
