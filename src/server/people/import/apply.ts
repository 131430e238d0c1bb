// Writes an ImportBatch into one school, inside the caller's transaction (all or nothing).
//
// Idempotent: people are upserted by (external_source, external_id), groups by
// (school_id, external_id); memberships, roles and guardianships are added when missing. So a
// re-import updates and never duplicates. Nothing is deleted: a person or membership missing
// from a later file stays (removal is a separate, deliberate act in Trygg).
//
// Writes are set-based (INSERT ... SELECT FROM unnest(arrays), UPDATE ... FROM unnest) with a
// handful of parameters per statement whatever the row count, because on PGlite every other
// request waits while this transaction holds the only connection.
import { sql } from "kysely";
import {
  checkSchoolRoleAssignment,
  type GroupFacts,
  type HeldRole,
} from "../../../core/access/role-rules.ts";
import { appendAudit } from "../../platform/audit.ts";
import type { Tx } from "../../platform/db/database.ts";
import {
  type ImportBatch,
  type ImportPerson,
  type ImportSummary,
  type KindCounts,
  type Problem,
  problem,
} from "./types.ts";

/** Problems that only the database can reveal (a Feide name owned by someone else). */
export class ApplyProblems extends Error {
  constructor(readonly problems: Problem[]) {
    super("import.applyProblems");
  }
}

export interface ApplyOptions {
  schoolId: string;
  /** person.external_source: one namespace per school owner and format (see the ADR). */
  source: string;
  importId: string;
  format: string;
  actorId: string | null;
  requestId?: string | null;
  now: Date;
  /** Called after each batch of writes with items done and items in total. */
  onProgress?: (done: number, total: number) => void | Promise<void>;
}

export interface ApplyResult {
  summary: ImportSummary;
}

const CHUNK = 1000;
// Serializes imports into the same school (also across app instances on PostgreSQL).
const IMPORT_LOCK = 727276;

function chunks<T>(items: readonly T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

const counts = (): KindCounts => ({ created: 0, updated: 0, unchanged: 0 });

export const emptySummary = (): ImportSummary => ({
  groups: counts(),
  people: counts(),
  roles: counts(),
  memberships: counts(),
  guardianships: counts(),
});

interface ExistingPerson {
  id: string;
  external_source: string | null;
  external_id: string | null;
  given_name: string;
  family_name: string;
  email: string | null;
  phone: string | null;
  feide_id: string | null;
  birth_date: string | null;
  gender: "female" | "male" | "other" | null;
}

const PERSON_COLUMNS = [
  "id",
  "external_source",
  "external_id",
  "given_name",
  "family_name",
  "email",
  "phone",
  "feide_id",
  "birth_date",
  "gender",
] as const;

/** Empty cells never erase what Trygg already knows; a value in the file wins. */
function personChanges(p: ImportPerson, e: ExistingPerson): boolean {
  return (
    p.givenName !== e.given_name ||
    p.familyName !== e.family_name ||
    (p.email !== null && p.email !== e.email) ||
    (p.phone !== null && p.phone !== e.phone) ||
    (p.feideId !== null && p.feideId !== e.feide_id) ||
    (p.birthDate !== null && p.birthDate !== e.birth_date) ||
    (p.gender !== null && p.gender !== e.gender)
  );
}

export async function applyBatch(
  tx: Tx,
  batch: ImportBatch,
  opts: ApplyOptions,
): Promise<ApplyResult> {
  const { schoolId, source } = opts;
  const summary = emptySummary();
  const total =
    batch.people.length +
    batch.groups.length +
    batch.memberships.length +
    batch.roles.length +
    batch.guardianships.length;
  let done = 0;
  const progress = async (n: number) => {
    done += n;
    await opts.onProgress?.(done, total);
    // PGlite answers through microtasks only: without this, timers and I/O (the CLI's
    // progress line, incoming requests) would wait for the whole transaction.
    await new Promise((resolve) => setImmediate(resolve));
  };

  await sql`SELECT pg_advisory_xact_lock(${IMPORT_LOCK}, hashtext(${schoolId}))`.execute(tx);

  // ---- people: match by external key, then by Feide name
  const existingByKey = new Map<string, ExistingPerson>();
  for (const part of chunks(
    batch.people.map((p) => p.key),
    1000,
  )) {
    const rows = await tx
      .selectFrom("person")
      .select(PERSON_COLUMNS)
      .where("external_source", "=", source)
      .where("external_id", "in", part)
      .execute();
    for (const r of rows) if (r.external_id) existingByKey.set(r.external_id, r);
  }
  const feideIds = batch.people.flatMap((p) => (p.feideId ? [p.feideId] : []));
  const byFeide = new Map<string, ExistingPerson>();
  for (const part of chunks(feideIds, 1000)) {
    const rows = await tx
      .selectFrom("person")
      .select(PERSON_COLUMNS)
      .where("feide_id", "in", part)
      .execute();
    for (const r of rows) if (r.feide_id) byFeide.set(r.feide_id, r);
  }
  // A Feide name already in Trygg may be adopted when its person is managed by no one else:
  // no external key yet and no role anywhere but this school (e.g. created by hand here).
  const candidates = [...byFeide.values()].filter((p) => p.external_source === null);
  const rolesElsewhere = new Set<string>();
  for (const part of chunks(
    candidates.map((c) => c.id),
    1000,
  )) {
    const rows = await tx
      .selectFrom("role_assignment")
      .select("person_id")
      .where("person_id", "in", part)
      .where((eb) => eb.or([eb("school_id", "is", null), eb("school_id", "!=", schoolId)]))
      .execute();
    for (const r of rows) rolesElsewhere.add(r.person_id);
  }

  const problems: Problem[] = [];
  const personIds = new Map<string, string>();
  const toInsert: ImportPerson[] = [];
  const toUpdate: { p: ImportPerson; id: string; adopt: boolean }[] = [];
  for (const p of batch.people) {
    let match = existingByKey.get(p.key);
    let adopt = false;
    const owner = p.feideId ? byFeide.get(p.feideId) : undefined;
    if (owner && owner.id !== match?.id) {
      if (!match && owner.external_source === null && !rolesElsewhere.has(owner.id)) {
        match = owner;
        adopt = true;
      } else {
        problems.push(
          problem(p.ref.file, p.ref.line, p.feideColumn ?? null, "import.feideIdTaken"),
        );
        continue;
      }
    }
    if (!match) toInsert.push(p);
    else {
      personIds.set(p.key, match.id);
      if (adopt || personChanges(p, match)) toUpdate.push({ p, id: match.id, adopt });
      else summary.people.unchanged++;
    }
  }
  if (problems.length > 0) throw new ApplyProblems(problems);

  const createdPersonIds: string[] = [];
  for (const part of chunks(toInsert)) {
    const col = <K extends keyof ImportPerson>(k: K) => part.map((p) => p[k]);
    const { rows } = await sql<{ id: string; external_id: string }>`
      INSERT INTO person (given_name, family_name, email, phone, gender, birth_date, feide_id,
                          external_id, external_source, created_at, updated_at)
      SELECT u.given_name, u.family_name, u.email, u.phone, u.gender, u.birth_date::date,
             u.feide_id, u.external_id, ${source}, ${opts.now}, ${opts.now}
      FROM unnest(${col("givenName")}::text[], ${col("familyName")}::text[], ${col("email")}::text[],
                  ${col("phone")}::text[], ${col("gender")}::text[], ${col("birthDate")}::text[],
                  ${col("feideId")}::text[], ${col("key")}::text[])
        AS u(given_name, family_name, email, phone, gender, birth_date, feide_id, external_id)
      RETURNING id, external_id`.execute(tx);
    for (const r of rows) {
      personIds.set(r.external_id, r.id);
      createdPersonIds.push(r.id);
    }
    summary.people.created += rows.length;
    await progress(part.length);
  }
  const updatedPersonIds: string[] = [];
  for (const part of chunks(toUpdate)) {
    const col = <K extends keyof ImportPerson>(k: K) => part.map((u) => u.p[k]);
    await sql`
      UPDATE person AS p SET
        given_name = v.given_name,
        family_name = v.family_name,
        email = coalesce(v.email, p.email),
        phone = coalesce(v.phone, p.phone),
        feide_id = coalesce(v.feide_id, p.feide_id),
        birth_date = coalesce(v.birth_date::date, p.birth_date),
        gender = coalesce(v.gender, p.gender),
        external_source = CASE WHEN v.adopt_key IS NULL THEN p.external_source ELSE ${source} END,
        external_id = coalesce(v.adopt_key, p.external_id),
        updated_at = ${opts.now}
      FROM unnest(${part.map((u) => u.id)}::uuid[], ${col("givenName")}::text[],
                  ${col("familyName")}::text[], ${col("email")}::text[], ${col("phone")}::text[],
                  ${col("feideId")}::text[], ${col("birthDate")}::text[], ${col("gender")}::text[],
                  ${part.map((u) => (u.adopt ? u.p.key : null))}::text[])
        AS v(id, given_name, family_name, email, phone, feide_id, birth_date, gender, adopt_key)
      WHERE p.id = v.id`.execute(tx);
    updatedPersonIds.push(...part.map((u) => u.id));
    summary.people.updated += part.length;
    await progress(part.length);
  }
  await progress(summary.people.unchanged);

  // ---- groups
  const groupIds = new Map<string, string>();
  const existingGroups = new Map<
    string,
    { id: string; kind: string; name: string; grade: string | null; subject: string | null }
  >();
  for (const part of chunks(
    batch.groups.map((g) => g.key),
    1000,
  )) {
    const rows = await tx
      .selectFrom("study_group")
      .select(["id", "external_id", "kind", "name", "grade", "subject"])
      .where("school_id", "=", schoolId)
      .where("external_id", "in", part)
      .execute();
    for (const r of rows) if (r.external_id) existingGroups.set(r.external_id, r);
  }
  const newGroups = batch.groups.filter((g) => !existingGroups.has(g.key));
  const createdGroupIds: string[] = [];
  for (const part of chunks(newGroups)) {
    const { rows } = await sql<{ id: string; external_id: string }>`
      INSERT INTO study_group (school_id, kind, name, grade, subject, external_id, created_at)
      SELECT ${schoolId}::uuid, u.kind, u.name, u.grade, u.subject, u.external_id, ${opts.now}
      FROM unnest(${part.map((g) => g.kind)}::text[], ${part.map((g) => g.name)}::text[],
                  ${part.map((g) => g.grade)}::text[], ${part.map((g) => g.subject)}::text[],
                  ${part.map((g) => g.key)}::text[])
        AS u(kind, name, grade, subject, external_id)
      RETURNING id, external_id`.execute(tx);
    for (const r of rows) {
      groupIds.set(r.external_id, r.id);
      createdGroupIds.push(r.id);
    }
    summary.groups.created += rows.length;
    await progress(part.length);
  }
  const updatedGroupIds: string[] = [];
  for (const g of batch.groups) {
    const e = existingGroups.get(g.key);
    if (!e) continue;
    groupIds.set(g.key, e.id);
    const changed =
      e.kind !== g.kind ||
      e.name !== g.name ||
      (g.grade !== null && g.grade !== e.grade) ||
      (g.subject !== null && g.subject !== e.subject);
    if (!changed) {
      summary.groups.unchanged++;
      continue;
    }
    await tx
      .updateTable("study_group")
      .set({
        kind: g.kind,
        name: g.name,
        ...(g.grade !== null ? { grade: g.grade } : {}),
        ...(g.subject !== null ? { subject: g.subject } : {}),
      })
      .where("id", "=", e.id)
      .execute();
    updatedGroupIds.push(e.id);
    summary.groups.updated++;
  }
  await progress(batch.groups.length - newGroups.length);

  const personId = (key: string) => {
    const id = personIds.get(key);
    if (!id) throw new Error("import: person key without id");
    return id;
  };
  const groupId = (key: string) => {
    const id = groupIds.get(key);
    if (!id) throw new Error("import: group key without id");
    return id;
  };

  // ---- memberships
  const existingMemberships = new Set<string>();
  for (const part of chunks([...new Set(groupIds.values())], 1000)) {
    const rows = await tx
      .selectFrom("group_membership")
      .select(["group_id", "person_id", "member_role"])
      .where("group_id", "in", part)
      .execute();
    for (const r of rows) existingMemberships.add(`${r.group_id}|${r.person_id}|${r.member_role}`);
  }
  const newMemberships = batch.memberships
    .map((m) => ({
      group_id: groupId(m.groupKey),
      person_id: personId(m.personKey),
      member_role: m.memberRole,
    }))
    .filter((m) => !existingMemberships.has(`${m.group_id}|${m.person_id}|${m.member_role}`));
  summary.memberships.unchanged = batch.memberships.length - newMemberships.length;
  for (const part of chunks(newMemberships)) {
    const { rows } = await sql<{ group_id: string }>`
      INSERT INTO group_membership (group_id, person_id, member_role)
      SELECT * FROM unnest(${part.map((m) => m.group_id)}::uuid[],
                           ${part.map((m) => m.person_id)}::uuid[],
                           ${part.map((m) => m.member_role)}::text[])
      ON CONFLICT DO NOTHING
      RETURNING group_id`.execute(tx);
    summary.memberships.created += rows.length;
    summary.memberships.unchanged += part.length - rows.length;
    await progress(part.length);
  }
  await progress(batch.memberships.length - newMemberships.length);

  // ---- roles at this school, checked against the core role rules
  const held = new Map<string, HeldRole[]>();
  const rolePersonIds = [...new Set(batch.roles.map((r) => personId(r.personKey)))];
  const gradeOf = new Map<string, string | null>();
  for (const part of chunks(rolePersonIds, 1000)) {
    const rows = await tx
      .selectFrom("role_assignment")
      .select(["id", "person_id", "role", "group_id", "grade"])
      .where("school_id", "=", schoolId)
      .where("person_id", "in", part)
      .execute();
    for (const r of rows) {
      const list = held.get(r.person_id) ?? [];
      list.push({ id: r.id, role: r.role, groupId: r.group_id });
      held.set(r.person_id, list);
      gradeOf.set(r.id, r.grade);
    }
  }
  const groupFacts = new Map<string, GroupFacts>();
  for (const g of batch.groups) {
    const id = groupId(g.key);
    groupFacts.set(id, { id, schoolId, kind: g.kind });
  }
  const peopleByKey = new Map(batch.people.map((p) => [p.key, p]));
  const newRoles: {
    person_id: string;
    role: string;
    school_id: string;
    group_id: string | null;
    grade: string | null;
    created_at: Date;
  }[] = [];
  const roleUpdates: { id: string; group_id: string | null; grade: string | null }[] = [];
  for (const r of batch.roles) {
    const pid = personId(r.personKey);
    const gid = r.groupKey ? groupId(r.groupKey) : null;
    const mine = held.get(pid) ?? [];
    // A person is a pupil at a school once: a new class or grade updates that one role.
    const same =
      r.role === "pupil"
        ? mine.find((h) => h.role === "pupil")
        : mine.find((h) => h.role === r.role && h.groupId === gid);
    if (same) {
      const grade = r.grade ?? gradeOf.get(same.id) ?? null;
      const group = r.role === "pupil" ? (gid ?? same.groupId) : same.groupId;
      if (group !== same.groupId || grade !== (gradeOf.get(same.id) ?? null)) {
        roleUpdates.push({ id: same.id, group_id: group, grade });
      } else summary.roles.unchanged++;
      continue;
    }
    const issues = checkSchoolRoleAssignment({
      schoolId,
      role: r.role,
      groupId: gid,
      group: gid ? (groupFacts.get(gid) ?? null) : null,
      held: mine,
    }).filter((i) => i.code !== "role.alreadyHeld");
    const first = issues[0];
    if (first) {
      const person = peopleByKey.get(r.personKey);
      problems.push(
        problem(
          person?.ref.file ?? "",
          person?.ref.line ?? null,
          null,
          first.code === "role.staffAndFamily" ? "import.staffAndFamily" : "import.roleConflict",
          first.code === "role.staffAndFamily" ? undefined : { rule: first.code },
        ),
      );
      continue;
    }
    mine.push({ id: "", role: r.role, groupId: gid });
    held.set(pid, mine);
    newRoles.push({
      person_id: pid,
      role: r.role,
      school_id: schoolId,
      group_id: gid,
      grade: r.grade,
      created_at: opts.now,
    });
  }
  if (problems.length > 0) throw new ApplyProblems(problems);
  for (const part of chunks(roleUpdates)) {
    await sql`
      UPDATE role_assignment AS r SET group_id = v.group_id, grade = v.grade
      FROM unnest(${part.map((u) => u.id)}::uuid[], ${part.map((u) => u.group_id)}::uuid[],
                  ${part.map((u) => u.grade)}::text[]) AS v(id, group_id, grade)
      WHERE r.id = v.id`.execute(tx);
    summary.roles.updated += part.length;
    await progress(part.length);
  }
  for (const part of chunks(newRoles)) {
    const { rows } = await sql<{ id: string }>`
      INSERT INTO role_assignment (person_id, role, school_id, group_id, grade, created_at)
      SELECT u.person_id, u.role, ${schoolId}::uuid, u.group_id, u.grade, ${opts.now}
      FROM unnest(${part.map((r) => r.person_id)}::uuid[], ${part.map((r) => r.role)}::text[],
                  ${part.map((r) => r.group_id)}::uuid[], ${part.map((r) => r.grade)}::text[])
        AS u(person_id, role, group_id, grade)
      ON CONFLICT DO NOTHING
      RETURNING id`.execute(tx);
    summary.roles.created += rows.length;
    summary.roles.unchanged += part.length - rows.length;
    await progress(part.length);
  }
  await progress(summary.roles.unchanged);

  // ---- guardianships
  const existingPairs = new Set<string>();
  const pupilIds = [...new Set(batch.guardianships.map((g) => personId(g.pupilKey)))];
  for (const part of chunks(pupilIds, 1000)) {
    const rows = await tx
      .selectFrom("guardianship")
      .select(["guardian_id", "pupil_id"])
      .where("pupil_id", "in", part)
      .execute();
    for (const r of rows) existingPairs.add(`${r.guardian_id}|${r.pupil_id}`);
  }
  const newPairs = batch.guardianships
    .map((g) => ({ guardian_id: personId(g.guardianKey), pupil_id: personId(g.pupilKey) }))
    .filter((g) => !existingPairs.has(`${g.guardian_id}|${g.pupil_id}`));
  summary.guardianships.unchanged = batch.guardianships.length - newPairs.length;
  for (const part of chunks(newPairs)) {
    const { rows } = await sql<{ pupil_id: string }>`
      INSERT INTO guardianship (guardian_id, pupil_id)
      SELECT * FROM unnest(${part.map((g) => g.guardian_id)}::uuid[],
                           ${part.map((g) => g.pupil_id)}::uuid[])
      ON CONFLICT DO NOTHING
      RETURNING pupil_id`.execute(tx);
    summary.guardianships.created += rows.length;
    summary.guardianships.unchanged += part.length - rows.length;
    await progress(part.length);
  }
  await progress(batch.guardianships.length - newPairs.length);

  // Counts and ids only: the audit log never holds names.
  await appendAudit(tx, {
    at: opts.now,
    actorId: opts.actorId,
    action: "import.applied",
    resourceType: "importRun",
    resourceId: opts.importId,
    schoolId,
    requestId: opts.requestId ?? null,
    detail: {
      format: opts.format,
      summary,
      createdPersonIds,
      updatedPersonIds,
      createdGroupIds,
      updatedGroupIds,
    },
  });

  return { summary };
}
