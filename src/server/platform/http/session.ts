// Server-side sessions in the database, so any app instance can serve any request. The cookie
// holds a random token; the table holds only its SHA-256.
import { createHash, randomBytes } from "node:crypto";
import type { FastifyReply } from "fastify";
import type { Actor, Grant } from "../../../core/access/actor.ts";
import { isOwnerRole, isSchoolRole } from "../../../core/access/roles.ts";
import type { Config } from "../config.ts";
import type { Db } from "../db/database.ts";
import type { SessionInfo } from "./types.ts";

export const SESSION_COOKIE = "trygg_session";

const sha256 = (s: string) => createHash("sha256").update(s).digest("hex");
export const randomToken = (bytes = 32) => randomBytes(bytes).toString("base64url");

export async function createSession(
  db: Db,
  input: {
    personId: string;
    authMethod: string;
    now: Date;
    config: Config;
    idToken?: string | null;
    activeSchoolId?: string | null;
  },
): Promise<{ token: string; session: SessionInfo }> {
  const token = randomToken();
  const id = sha256(token);
  const csrfToken = randomToken(24);
  const expires = new Date(input.now.getTime() + input.config.session.maxHours * 3600_000);
  await db
    .insertInto("app_session")
    .values({
      id,
      person_id: input.personId,
      csrf_token: csrfToken,
      auth_method: input.authMethod,
      active_school_id: input.activeSchoolId ?? null,
      id_token: input.idToken ?? null,
      created_at: input.now,
      last_seen_at: input.now,
      expires_at: expires,
    })
    .execute();
  return {
    token,
    session: {
      id,
      personId: input.personId,
      csrfToken,
      authMethod: input.authMethod,
      activeSchoolId: input.activeSchoolId ?? null,
    },
  };
}

/** Finds a live session; an idle or expired one is deleted and treated as absent. */
export async function loadSession(
  db: Db,
  token: string,
  now: Date,
  config: Config,
): Promise<SessionInfo | null> {
  const id = sha256(token);
  const row = await db
    .selectFrom("app_session")
    .selectAll()
    .where("id", "=", id)
    .executeTakeFirst();
  if (!row) return null;
  const idleLimit = new Date(row.last_seen_at).getTime() + config.session.idleMinutes * 60_000;
  if (new Date(row.expires_at).getTime() <= now.getTime() || idleLimit <= now.getTime()) {
    await db.deleteFrom("app_session").where("id", "=", id).execute();
    return null;
  }
  // Touch at most once a minute: fewer writes, same idle semantics to the minute.
  if (now.getTime() - new Date(row.last_seen_at).getTime() > 60_000) {
    await db.updateTable("app_session").set({ last_seen_at: now }).where("id", "=", id).execute();
  }
  return {
    id,
    personId: row.person_id,
    csrfToken: row.csrf_token,
    authMethod: row.auth_method,
    activeSchoolId: row.active_school_id,
  };
}

export async function deleteSession(db: Db, sessionId: string): Promise<void> {
  await db.deleteFrom("app_session").where("id", "=", sessionId).execute();
}

export async function deleteAllSessionsOf(db: Db, personId: string): Promise<number> {
  const res = await db
    .deleteFrom("app_session")
    .where("person_id", "=", personId)
    .executeTakeFirst();
  return Number(res.numDeletedRows);
}

export function setSessionCookie(reply: FastifyReply, token: string, config: Config): void {
  reply.setCookie(SESSION_COOKIE, token, {
    path: "/",
    httpOnly: true,
    sameSite: "lax",
    secure: config.secureCookies,
    maxAge: config.session.maxHours * 3600,
  });
}

export function clearSessionCookie(reply: FastifyReply, config: Config): void {
  reply.clearCookie(SESSION_COOKIE, {
    path: "/",
    httpOnly: true,
    sameSite: "lax",
    secure: config.secureCookies,
  });
}

/** Loads every role a person holds, as policy grants. */
export async function loadActor(db: Db, personId: string): Promise<Actor> {
  const person = await db
    .selectFrom("person")
    .select(["is_system_admin"])
    .where("id", "=", personId)
    .executeTakeFirst();
  const rows = await db
    .selectFrom("role_assignment as ra")
    .leftJoin("school as s", "s.id", "ra.school_id")
    .select([
      "ra.role",
      "ra.school_id",
      "ra.owner_id",
      "ra.group_id",
      "s.owner_id as school_owner_id",
    ])
    .where("ra.person_id", "=", personId)
    .execute();
  const grants: Grant[] = [];
  if (person?.is_system_admin) grants.push({ role: "systemAdmin" });
  for (const r of rows) {
    if (r.role === "systemAdmin") grants.push({ role: "systemAdmin" });
    else if (isSchoolRole(r.role) && r.school_id && r.school_owner_id) {
      grants.push({
        role: r.role,
        schoolId: r.school_id,
        ownerId: r.school_owner_id,
        groupId: r.group_id ?? undefined,
      });
    } else if (isOwnerRole(r.role) && r.owner_id) {
      grants.push({ role: r.role, ownerId: r.owner_id });
    }
  }
  return { personId, grants };
}

/**
 * A short-lived in-process cache of session lookups, used on the embedded engine only (a
 * single process by construction). Entries live 15 seconds; any write that can change a
 * session or a role clears the whole cache.
 */
export class SessionCache {
  private readonly entries = new Map<
    string,
    { value: { session: SessionInfo; actor: Actor }; at: number }
  >();
  constructor(private readonly ttlMs = 15_000) {}

  get(token: string, now: number): { session: SessionInfo; actor: Actor } | undefined {
    const hit = this.entries.get(token);
    if (!hit) return undefined;
    if (now - hit.at > this.ttlMs || now < hit.at) {
      this.entries.delete(token);
      return undefined;
    }
    return hit.value;
  }

  set(token: string, value: { session: SessionInfo; actor: Actor }, now: number): void {
    if (this.entries.size > 5000) this.entries.clear();
    this.entries.set(token, { value, at: now });
  }

  clear(): void {
    this.entries.clear();
  }
}
