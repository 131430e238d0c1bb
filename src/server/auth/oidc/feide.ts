// Feide (staff and pupils): the Feide name (user@realm) finds the Trygg person; the groups API
// tells which classes and teaching groups the person is in right now. Trygg never creates
// people or roles from Feide: roles are assigned in Trygg, and Feide's affiliation is only a
// first filter (someone Feide calls a student never logs in to a staff role).
import { sql } from "kysely";
import type { Grant } from "../../../core/access/actor.ts";
import { appendAudit } from "../../platform/audit.ts";
import type { Db } from "../../platform/db/database.ts";

const CLAIM_EPPN = "https://n.feide.no/claims/eduPersonPrincipalName";
const CLAIM_USERID_SEC = "https://n.feide.no/claims/userid_sec";
const CLAIM_AFFILIATION = "https://n.feide.no/claims/eduPersonAffiliation";

const FEIDE_NAME = /^[^\s@]+@[^\s@]+$/;

/** The Feide name (user@realm) from ID token or userinfo claims, or null. */
export function feideNameFromClaims(claims: Record<string, unknown>): string | null {
  for (const key of [CLAIM_EPPN, "eduPersonPrincipalName"]) {
    const v = claims[key];
    if (typeof v === "string" && FEIDE_NAME.test(v.trim())) return v.trim();
  }
  const sec = claims[CLAIM_USERID_SEC];
  const list = Array.isArray(sec) ? sec : typeof sec === "string" ? [sec] : [];
  for (const item of list) {
    if (typeof item !== "string" || !item.startsWith("feide:")) continue;
    const name = item.slice("feide:".length).trim();
    if (FEIDE_NAME.test(name)) return name;
  }
  return null;
}

/** eduPersonAffiliation values, when the provider releases them as claims. */
export function affiliationsFromClaims(claims: Record<string, unknown>): string[] {
  const out: string[] = [];
  for (const key of [CLAIM_AFFILIATION, "eduPersonAffiliation"]) {
    const v = claims[key];
    for (const a of Array.isArray(v) ? v : [v]) if (typeof a === "string") out.push(a);
  }
  return out;
}

// --- groups API --------------------------------------------------------------------------

export type FeideAffiliation = "staff" | "student" | "other" | "unknown";
export type MemberRole = "pupil" | "teacher";

export interface FeideStudyGroup {
  /** The Feide group id, matched against study_group.external_id. */
  externalId: string;
  name: string;
  /** The school's organisation number (9 digits), when Feide says which school. */
  schoolOrg: string | null;
  /** The person's place in the group, or null if Feide does not say. */
  memberRole: MemberRole | null;
}

export interface FeideGroupMapping {
  /** Organisation numbers (9 digits) of the owner and schools the person belongs to. */
  orgNumbers: string[];
  /** Basisgrupper (go_type b). */
  classes: FeideStudyGroup[];
  /** Undervisningsgrupper (go_type u). */
  teachingGroups: FeideStudyGroup[];
  /** Grades from fc:grep (codes, or names where there is no code). */
  grades: string[];
  affiliation: FeideAffiliation;
  /** Every affiliation value seen, deduplicated. */
  affiliations: string[];
}

const STAFF_AFFILIATIONS = new Set(["faculty", "staff", "employee"]);

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);
const str = (v: unknown): string | null => (typeof v === "string" && v.length > 0 ? v : null);
const strings = (v: unknown): string[] =>
  (Array.isArray(v) ? v : [v]).filter((x): x is string => typeof x === "string");

/** NO974567891, 974567891 or "974 567 891" -> 974567891; anything else -> null. */
export function normalizeOrgNumber(value: unknown): string | null {
  if (typeof value !== "string") return null;
  const digits = value
    .trim()
    .replace(/^NO/i, "")
    .replace(/[\s.-]/g, "");
  return /^\d{9}$/.test(digits) ? digits : null;
}

/** Collapses affiliation values to the one question Trygg asks: staff, student or neither. */
export function affiliationOf(values: readonly string[]): FeideAffiliation {
  if (values.some((v) => STAFF_AFFILIATIONS.has(v))) return "staff";
  if (values.includes("student")) return "student";
  return values.length > 0 ? "other" : "unknown";
}

function memberRoleOf(membership: unknown): MemberRole | null {
  if (!isObj(membership)) return null;
  const affiliations = strings(membership.affiliation);
  if (affiliations.some((a) => STAFF_AFFILIATIONS.has(a))) return "teacher";
  if (affiliations.includes("student")) return "pupil";
  return null;
}

/**
 * Maps the groups API's answer (GET /groups/me/groups) to what Trygg uses. Pure and tolerant:
 * entries it does not understand are skipped, never fatal. Groups whose `notAfter` has passed
 * (last year's classes) are dropped when `now` is given.
 */
export function mapFeideGroups(groups: unknown, now?: Date): FeideGroupMapping {
  const list = Array.isArray(groups) ? groups.filter(isObj) : [];
  const orgById = new Map<string, string>();
  const orgNumbers: string[] = [];
  const affiliations: string[] = [];
  const grades: string[] = [];
  const classes: FeideStudyGroup[] = [];
  const teachingGroups: FeideStudyGroup[] = [];

  for (const g of list) {
    if (g.type !== "fc:org") continue;
    const org = normalizeOrgNumber(g.orgNumber) ?? normalizeOrgNumber(g.norEduOrgNIN);
    const id = str(g.id);
    if (org) {
      if (id) orgById.set(id, org);
      if (!orgNumbers.includes(org)) orgNumbers.push(org);
    }
    if (isObj(g.membership)) affiliations.push(...strings(g.membership.affiliation));
  }

  for (const g of list) {
    const id = str(g.id);
    if (!id) continue;
    if (g.type === "fc:grep") {
      const grade = str(g.code) ?? str(g.displayName);
      if (grade && !grades.includes(grade)) grades.push(grade);
      continue;
    }
    if (g.type !== "fc:gogroup") continue;
    const notAfter = str(g.notAfter);
    if (now && notAfter && Date.parse(notAfter) < now.getTime()) continue;
    if (isObj(g.membership)) affiliations.push(...strings(g.membership.affiliation));
    // fc:gogroup:<realm>:<go_type>:<org NIN>:<group>:<from>:<to>: the org is in the id too.
    const parent = str(g.parent);
    const schoolOrg =
      (parent ? orgById.get(parent) : undefined) ?? normalizeOrgNumber(id.split(":")[4]) ?? null;
    const entry: FeideStudyGroup = {
      externalId: id,
      name: str(g.displayName) ?? id,
      schoolOrg,
      memberRole: memberRoleOf(g.membership),
    };
    if (g.go_type === "b") classes.push(entry);
    else if (g.go_type === "u") teachingGroups.push(entry);
  }

  const unique = [...new Set(affiliations)];
  return {
    orgNumbers,
    classes,
    teachingGroups,
    grades,
    affiliation: affiliationOf(unique),
    affiliations: unique,
  };
}

export type GroupsFetchResult = { ok: true; groups: unknown } | { ok: false; reason: string };

/**
 * Calls the groups API with the login's access token. Never throws: a slow or broken groups
 * API must not stop a login, it only means no membership sync this time.
 */
export async function fetchFeideGroups(
  groupsApi: string,
  accessToken: string,
  timeoutMs: number,
  fetchImpl: typeof fetch = fetch,
): Promise<GroupsFetchResult> {
  try {
    const res = await fetchImpl(`${groupsApi.replace(/\/$/, "")}/groups/me/groups`, {
      headers: { authorization: `Bearer ${accessToken}`, accept: "application/json" },
      signal: AbortSignal.timeout(timeoutMs),
    });
    if (!res.ok) {
      await res.body?.cancel();
      return { ok: false, reason: `http-${res.status}` };
    }
    const groups: unknown = await res.json();
    if (!Array.isArray(groups)) return { ok: false, reason: "not-an-array" };
    return { ok: true, groups };
  } catch (err) {
    const name = (err as { name?: string }).name;
    return { ok: false, reason: name === "TimeoutError" ? "timeout" : "request-failed" };
  }
}

// --- people and memberships --------------------------------------------------------------

export async function findPersonByFeideName(db: Db, feideName: string): Promise<string | null> {
  const exact = await db
    .selectFrom("person")
    .select("id")
    .where("feide_id", "=", feideName)
    .executeTakeFirst();
  if (exact) return exact.id;
  // Feide names are case-insensitive; importers may have kept another case.
  const folded = await db
    .selectFrom("person")
    .select("id")
    .where(sql<string>`lower(feide_id)`, "=", feideName.toLowerCase())
    .limit(2)
    .execute();
  return folded.length === 1 ? (folded[0]?.id ?? null) : null;
}

/** Roles a Feide student may hold in Trygg and still log in with Feide. */
const STUDENT_ROLES = new Set(["pupil", "pupilCouncil", "guardian"]);

/**
 * The first filter: if Feide says the person is a student (and nothing more), a login that
 * would open staff, owner or admin roles is refused rather than trimmed, because it means the
 * Feide name is attached to the wrong Trygg person.
 */
export function feideLoginAllowed(
  affiliation: FeideAffiliation,
  grants: readonly Grant[],
): boolean {
  if (affiliation !== "student") return true;
  return grants.every((g) => STUDENT_ROLES.has(g.role));
}

export interface SyncResult {
  added: number;
  removed: number;
}

/** Study groups Trygg treats as Feide's to manage: the ones whose id came from Feide. */
const FEIDE_GROUP_PREFIX = "fc:gogroup:";

/**
 * Makes the person's memberships in Feide-managed groups match Feide: adds missing ones for
 * groups that exist in Trygg, removes ones Feide no longer lists. Groups unknown to Trygg are
 * ignored; groups from other sources are never touched. One transaction, one audit row per
 * change.
 */
export async function syncFeideMemberships(
  db: Db,
  input: {
    personId: string;
    mapping: FeideGroupMapping;
    now: Date;
    requestId: string;
  },
): Promise<SyncResult> {
  const { personId, mapping } = input;
  const wanted = new Map<string, MemberRole>();
  for (const g of [...mapping.classes, ...mapping.teachingGroups]) {
    if (!g.memberRole || !g.externalId.startsWith(FEIDE_GROUP_PREFIX)) continue;
    // The first filter again: only Feide staff can become a group's teacher.
    if (g.memberRole === "teacher" && mapping.affiliation !== "staff") continue;
    wanted.set(g.externalId, g.memberRole);
  }

  return db.transaction().execute(async (tx) => {
    const known =
      wanted.size === 0
        ? []
        : await tx
            .selectFrom("study_group")
            .select(["id", "school_id", "external_id"])
            .where("external_id", "in", [...wanted.keys()])
            .execute();
    const current = await tx
      .selectFrom("group_membership as gm")
      .innerJoin("study_group as sg", "sg.id", "gm.group_id")
      .select(["gm.group_id", "gm.member_role", "sg.school_id"])
      .where("gm.person_id", "=", personId)
      .where("sg.external_id", "like", `${FEIDE_GROUP_PREFIX}%`)
      .execute();

    const desired = new Map<string, { groupId: string; schoolId: string; role: MemberRole }>();
    for (const g of known) {
      const role = g.external_id ? wanted.get(g.external_id) : undefined;
      if (role) desired.set(`${g.id}|${role}`, { groupId: g.id, schoolId: g.school_id, role });
    }
    const have = new Set(current.map((c) => `${c.group_id}|${c.member_role}`));
    const toAdd = [...desired.entries()].filter(([k]) => !have.has(k)).map(([, v]) => v);
    const toRemove = current.filter((c) => !desired.has(`${c.group_id}|${c.member_role}`));
    if (toAdd.length === 0 && toRemove.length === 0) return { added: 0, removed: 0 };

    if (toAdd.length > 0) {
      await tx
        .insertInto("group_membership")
        .values(
          toAdd.map((a) => ({ group_id: a.groupId, person_id: personId, member_role: a.role })),
        )
        .onConflict((oc) => oc.doNothing())
        .execute();
    }
    for (const r of toRemove) {
      await tx
        .deleteFrom("group_membership")
        .where("group_id", "=", r.group_id)
        .where("person_id", "=", personId)
        .where("member_role", "=", r.member_role)
        .execute();
    }
    await appendAudit(
      tx,
      ...toAdd.map((a) => ({
        at: input.now,
        actorId: personId,
        action: "group.membershipAdded",
        resourceType: "studyGroup",
        resourceId: a.groupId,
        schoolId: a.schoolId,
        requestId: input.requestId,
        detail: { personId, memberRole: a.role, source: "feide" },
      })),
      ...toRemove.map((r) => ({
        at: input.now,
        actorId: personId,
        action: "group.membershipRemoved",
        resourceType: "studyGroup",
        resourceId: r.group_id,
        schoolId: r.school_id,
        requestId: input.requestId,
        detail: { personId, memberRole: r.member_role, source: "feide" },
      })),
    );
    return { added: toAdd.length, removed: toRemove.length };
  });
}
