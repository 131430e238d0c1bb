/**
 * The demo login picker: a few stable people per interesting role. One pure selection over
 * plain table rows, used both by the generator (from its own rows) and by `listDemoLogins`
 * (from the database), so the two always agree.
 */
import { isRole, type Role } from "../../core/access/roles.ts";

export interface DemoLogin {
  personId: string;
  displayName: string;
  role: Role;
  /** Null for owner roles and the system admin. */
  schoolId: string | null;
  schoolName: string | null;
  /** Set for owner roles. */
  ownerName?: string;
  /**
   * The group the login is about: the class of a pupil or pupil council member, the class of a
   * guardian's child, the class or teaching group of a contact or subject teacher.
   */
  className?: string;
}

type Quota = readonly (readonly [Role, number])[];

/** How many people per role the picker lists. */
export const DEMO_LOGIN_ROLES: {
  /** The school with the most pupils. */
  readonly mainSchool: Quota;
  /** Every other school: enough to show tenancy. */
  readonly otherSchools: Quota;
  readonly owner: Quota;
  readonly systemAdmins: number;
} = {
  mainSchool: [
    ["principal", 1],
    ["deputy", 1],
    ["departmentHead", 1],
    ["gradeLeader", 1],
    ["contactTeacher", 2],
    ["subjectTeacher", 2],
    ["counsellor", 2],
    ["socialWorker", 1],
    ["schoolNurse", 1],
    ["pupil", 3],
    ["pupilCouncil", 2],
    ["guardian", 2],
  ],
  otherSchools: [
    ["principal", 1],
    ["contactTeacher", 1],
    ["pupil", 1],
    ["guardian", 1],
  ],
  owner: [
    ["ownerCaseOfficer", 1],
    ["areaDirector", 1],
  ],
  systemAdmins: 1,
};

export interface LoginTables {
  owners: readonly { id: string; name: string }[];
  schools: readonly { id: string; owner_id: string; name: string }[];
  persons: readonly {
    id: string;
    given_name: string;
    family_name: string;
    is_system_admin: boolean;
  }[];
  groups: readonly { id: string; name: string; external_id: string | null }[];
  roles: readonly {
    person_id: string;
    role: string;
    school_id: string | null;
    owner_id: string | null;
    group_id: string | null;
  }[];
  guardianships: readonly { guardian_id: string; pupil_id: string }[];
}

const collator = new Intl.Collator("nb", { numeric: true, sensitivity: "variant" });

interface GroupRef {
  name: string;
  /** Demo groups carry their creation order in external_id (1STA before 1ELA). */
  order: string;
}

interface Candidate {
  personId: string;
  given: string;
  family: string;
  group: GroupRef | undefined;
}

function compareCandidates(a: Candidate, b: Candidate): number {
  if (a.group && !b.group) return -1;
  if (!a.group && b.group) return 1;
  if (a.group && b.group) {
    const byGroup = collator.compare(a.group.order, b.group.order);
    if (byGroup !== 0) return byGroup;
  }
  return (
    collator.compare(a.family, b.family) ||
    collator.compare(a.given, b.given) ||
    (a.personId < b.personId ? -1 : a.personId > b.personId ? 1 : 0)
  );
}

/** The first `n` candidates in picker order, without sorting the whole list. */
function smallest(list: readonly Candidate[], n: number): Candidate[] {
  const out: Candidate[] = [];
  for (const c of list) {
    const last = out[out.length - 1];
    if (out.length >= n && last && compareCandidates(c, last) >= 0) continue;
    let i = out.length;
    while (i > 0 && compareCandidates(c, out[i - 1] as Candidate) < 0) i--;
    out.splice(i, 0, c);
    if (out.length > n) out.pop();
  }
  return out;
}

function firstGroup(groups: readonly GroupRef[]): GroupRef | undefined {
  let best: GroupRef | undefined;
  for (const g of groups) if (!best || collator.compare(g.order, best.order) < 0) best = g;
  return best;
}

export function pickDemoLogins(t: LoginTables): DemoLogin[] {
  const persons = new Map(t.persons.map((p) => [p.id, p]));
  const groups = new Map<string, GroupRef>(
    t.groups.map((g) => [g.id, { name: g.name, order: g.external_id ?? g.name }]),
  );
  const displayName = (id: string): string => {
    const p = persons.get(id);
    return p ? `${p.given_name} ${p.family_name}` : id;
  };

  // A pupil's class per school (for pupils, council members and guardians).
  const pupilClass = new Map<string, GroupRef>(); // `${schoolId}|${personId}`
  for (const r of t.roles) {
    if (r.role !== "pupil" || !r.school_id || !r.group_id) continue;
    const g = groups.get(r.group_id);
    if (g) pupilClass.set(`${r.school_id}|${r.person_id}`, g);
  }
  const childrenOf = new Map<string, string[]>();
  for (const gs of t.guardianships) {
    const list = childrenOf.get(gs.guardian_id) ?? [];
    list.push(gs.pupil_id);
    childrenOf.set(gs.guardian_id, list);
  }

  // Candidates per `${scopeId}|${role}`, where the scope is a school or an owner.
  const candidates = new Map<string, Candidate[]>();
  const seen = new Set<string>();
  for (const r of t.roles) {
    const scope = r.school_id ?? r.owner_id;
    if (!scope || !isRole(r.role)) continue;
    const key = `${scope}|${r.role}`;
    const p = persons.get(r.person_id);
    if (!p) continue;
    let group: GroupRef | undefined;
    if (r.group_id) group = groups.get(r.group_id);
    else if (r.school_id && r.role === "pupilCouncil")
      group = pupilClass.get(`${r.school_id}|${r.person_id}`);
    else if (r.school_id && r.role === "guardian") {
      const children = childrenOf.get(r.person_id) ?? [];
      group = firstGroup(
        children.flatMap((c) => {
          const g = pupilClass.get(`${r.school_id}|${c}`);
          return g ? [g] : [];
        }),
      );
    }
    // One entry per person and role at a scope (a teacher of several groups: the first one).
    const dedupe = `${key}|${r.person_id}`;
    const list = candidates.get(key) ?? [];
    if (seen.has(dedupe)) {
      const existing = list.find((c) => c.personId === r.person_id);
      if (
        existing &&
        group &&
        (!existing.group || collator.compare(group.order, existing.group.order) < 0)
      )
        existing.group = group;
      continue;
    }
    seen.add(dedupe);
    list.push({ personId: r.person_id, given: p.given_name, family: p.family_name, group });
    candidates.set(key, list);
  }

  const pupilCount = new Map<string, number>();
  for (const r of t.roles)
    if (r.role === "pupil" && r.school_id)
      pupilCount.set(r.school_id, (pupilCount.get(r.school_id) ?? 0) + 1);
  const schools = [...t.schools].sort(
    (a, b) =>
      (pupilCount.get(b.id) ?? 0) - (pupilCount.get(a.id) ?? 0) || collator.compare(a.name, b.name),
  );
  const owners = [...t.owners].sort((a, b) => collator.compare(a.name, b.name));

  const take = (scope: string, role: Role, n: number): Candidate[] =>
    smallest(candidates.get(`${scope}|${role}`) ?? [], n);

  const out: DemoLogin[] = [];
  schools.forEach((school, index) => {
    const quota = index === 0 ? DEMO_LOGIN_ROLES.mainSchool : DEMO_LOGIN_ROLES.otherSchools;
    for (const [role, n] of quota) {
      for (const c of take(school.id, role, n)) {
        out.push({
          personId: c.personId,
          displayName: displayName(c.personId),
          role,
          schoolId: school.id,
          schoolName: school.name,
          ...(c.group ? { className: c.group.name } : {}),
        });
      }
    }
  });
  for (const owner of owners) {
    for (const [role, n] of DEMO_LOGIN_ROLES.owner) {
      for (const c of take(owner.id, role, n)) {
        out.push({
          personId: c.personId,
          displayName: displayName(c.personId),
          role,
          schoolId: null,
          schoolName: null,
          ownerName: owner.name,
        });
      }
    }
  }
  const admins = smallest(
    t.persons
      .filter((p) => p.is_system_admin)
      .map((p) => ({
        personId: p.id,
        given: p.given_name,
        family: p.family_name,
        group: undefined,
      })),
    DEMO_LOGIN_ROLES.systemAdmins,
  );
  for (const c of admins) {
    out.push({
      personId: c.personId,
      displayName: displayName(c.personId),
      role: "systemAdmin",
      schoolId: null,
      schoolName: null,
    });
  }
  return out;
}
