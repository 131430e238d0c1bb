// People and roles at a school: the list, one person, giving and taking roles, adding a
// person. Tenancy (the other school), the role rules, the audit trail, and that a refused
// change leaves nothing behind.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp, type TestClient } from "../support/app.ts";
import { demoSchools, personWithRole } from "../support/people.ts";

let t: TestApp;
let big: { id: string; ownerId: string };
let small: { id: string; ownerId: string };
const as: Record<string, TestClient> = {};
const id: Record<string, string> = {};
let bigClass: { id: string; name: string };
let bigTeachingGroup: { id: string; name: string };
let smallClass: { id: string; name: string };

const countOf = async (table: "person" | "role_assignment" | "group_membership") =>
  Number(
    (
      await t.database.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<string>().as("n"))
        .executeTakeFirstOrThrow()
    ).n,
  );
const counts = async () => ({
  persons: await countOf("person"),
  roles: await countOf("role_assignment"),
  memberships: await countOf("group_membership"),
});
const lastAudit = (action: string) =>
  t.database.db
    .selectFrom("audit_log")
    .select(["actor_id", "resource_id", "school_id", "detail"])
    .where("action", "=", action)
    .orderBy("seq", "desc")
    .limit(1)
    .executeTakeFirst();

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  ({ big, small } = await demoSchools(db));
  Object.assign(id, {
    principal: await personWithRole(db, "principal", { schoolId: big.id }),
    deputy: await personWithRole(db, "deputy", { schoolId: big.id }),
    adminLeader: await personWithRole(db, "adminLeader", { schoolId: big.id }),
    counsellor: await personWithRole(db, "counsellor", { schoolId: big.id }),
    librarian: await personWithRole(db, "librarian", { schoolId: big.id }),
    subjectTeacher: await personWithRole(db, "subjectTeacher", { schoolId: big.id }),
    pupil: await personWithRole(db, "pupil", { schoolId: big.id }),
    guardian: await personWithRole(db, "guardian", { schoolId: big.id }),
    otherPrincipal: await personWithRole(db, "principal", { schoolId: small.id }),
    otherPupil: await personWithRole(db, "pupil", { schoolId: small.id }),
    areaDirector: await personWithRole(db, "areaDirector"),
  });
  const admin = await db
    .selectFrom("person")
    .select("id")
    .where("is_system_admin", "=", true)
    .executeTakeFirstOrThrow();
  id.admin = admin.id;
  for (const [name, personId] of Object.entries(id)) as[name] = await t.as(personId);

  const groupAt = (schoolId: string, kind: "class" | "teachingGroup") =>
    db
      .selectFrom("study_group")
      .select(["id", "name"])
      .where("school_id", "=", schoolId)
      .where("kind", "=", kind)
      .orderBy("external_id")
      .executeTakeFirstOrThrow();
  bigClass = await groupAt(big.id, "class");
  bigTeachingGroup = await groupAt(big.id, "teachingGroup");
  smallClass = await groupAt(small.id, "class");
});
afterAll(() => t.close());

const people = () => `/api/schools/${big.id}/people`;

describe("GET /api/schools/:schoolId/people", () => {
  it("lists one page of the school's people in Norwegian name order, with total", async () => {
    const res = await as.principal!.get(`${people()}?limit=100`);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.total).toBeGreaterThan(600);
    expect(body.people).toHaveLength(100);
    const collator = new Intl.Collator("nb", { numeric: true, sensitivity: "base" });
    const names = body.people.map((p: { familyName: string }) => p.familyName);
    expect(names).toEqual([...names].sort(collator.compare));
    expect(body.people[0]).toEqual({
      id: expect.any(String),
      givenName: expect.any(String),
      familyName: expect.any(String),
      roles: expect.any(Array),
      classNames: expect.any(Array),
    });
  });

  it("pages without overlap", async () => {
    const a = (await as.principal!.get(`${people()}?limit=10&offset=0`)).json();
    const b = (await as.principal!.get(`${people()}?limit=10&offset=10`)).json();
    const ids = new Set([...a.people, ...b.people].map((p: { id: string }) => p.id));
    expect(ids.size).toBe(20);
  });

  it("filters by role and never shows roles at another school", async () => {
    const res = await as.principal!.get(`${people()}?role=guardian&limit=200`);
    const body = res.json();
    expect(body.total).toBeGreaterThan(300);
    for (const p of body.people) {
      expect(p.roles.map((r: { role: string }) => r.role)).toContain("guardian");
    }
    const smallRoleIds = new Set(
      (
        await t.database.db
          .selectFrom("role_assignment")
          .select("id")
          .where("school_id", "=", small.id)
          .execute()
      ).map((r) => r.id),
    );
    for (const p of body.people) {
      for (const r of p.roles) expect(smallRoleIds.has(r.id)).toBe(false);
    }
  });

  it("filters by class: its pupils, its teachers and the pupils' guardians", async () => {
    const body = (await as.principal!.get(`${people()}?groupId=${bigClass.id}&limit=200`)).json();
    const roles = new Set(
      body.people.flatMap((p: { roles: { role: string }[] }) => p.roles.map((r) => r.role)),
    );
    expect(roles.has("pupil")).toBe(true);
    expect(roles.has("contactTeacher")).toBe(true);
    expect(roles.has("guardian")).toBe(true);
    const pupils = body.people.filter((p: { roles: { role: string }[] }) =>
      p.roles.some((r) => r.role === "pupil"),
    );
    for (const p of pupils) expect(p.classNames).toContain(bigClass.name);
  });

  it("searches by class too: typing a class name lists its pupils (the report form's search)", async () => {
    const q = bigClass.name.toLocaleLowerCase("nb");
    const body = (
      await as.principal!.get(`${people()}?q=${encodeURIComponent(q)}&role=pupil&limit=200`)
    ).json();
    const inClass = (
      await as.principal!.get(`${people()}?groupId=${bigClass.id}&role=pupil&limit=200`)
    ).json();
    expect(body.people.length).toBeGreaterThan(0);
    expect(body.people.map((p: { id: string }) => p.id).sort()).toEqual(
      inClass.people.map((p: { id: string }) => p.id).sort(),
    );
    for (const p of body.people) expect(p.classNames).toContain(bigClass.name);
    // A name and a class together narrow to that pupil.
    const one = body.people[0] as { id: string; givenName: string };
    const both = (
      await as.principal!.get(
        `${people()}?q=${encodeURIComponent(`${one.givenName} ${q}`)}&role=pupil&limit=200`,
      )
    ).json();
    expect(both.people.map((p: { id: string }) => p.id)).toContain(one.id);
    expect(both.people.length).toBeLessThanOrEqual(body.people.length);
  });

  it("searches names in any case, Norwegian letters included", async () => {
    const [person] = (await as.principal!.get(`${people()}?limit=1&offset=37`)).json().people;
    const q = person.familyName.toLocaleUpperCase("nb");
    const body = (
      await as.principal!.get(`${people()}?q=${encodeURIComponent(q)}&limit=200`)
    ).json();
    expect(body.people.map((p: { id: string }) => p.id)).toContain(person.id);
    for (const p of body.people)
      expect(`${p.givenName} ${p.familyName}`.toLocaleUpperCase("nb")).toContain(q);
  });

  it("logs who was shown, never the search text", async () => {
    const res = await as.counsellor!.get(`${people()}?q=Hansen&limit=5`);
    expect(res.statusCode).toBe(200);
    const entry = await lastAudit("people.list");
    expect(entry).toMatchObject({ actor_id: id.counsellor, school_id: big.id });
    expect(entry?.detail).toMatchObject({
      personIds: res.json().people.map((p: { id: string }) => p.id),
      search: true,
    });
    expect(JSON.stringify(entry?.detail)).not.toContain("Hansen");
  });

  it("refuses bad filters with field errors", async () => {
    const res = await as.principal!.get(`${people()}?role=king&limit=0`);
    expect(res.statusCode).toBe(400);
    expect(
      res
        .json()
        .fields.map((f: { path: string }) => f.path)
        .sort(),
    ).toEqual(["limit", "role"]);
    const other = await as.principal!.get(`${people()}?groupId=${smallClass.id}`);
    expect(other.statusCode).toBe(400);
    expect(other.json().fields[0]).toMatchObject({
      path: "groupId",
      code: "role.groupNotAtSchool",
    });
  });

  it("is open to staff, closed to pupils, guardians, the owner and the other school", async () => {
    expect((await as.subjectTeacher!.get(people())).statusCode).toBe(200);
    expect((await as.admin!.get(people())).statusCode).toBe(200);
    expect((await t.anonymous.get(people())).statusCode).toBe(401);
    for (const who of ["pupil", "guardian", "otherPrincipal", "areaDirector"]) {
      expect((await as[who]!.get(people())).statusCode, who).toBe(403);
    }
  });
});

describe("GET /api/schools/:schoolId/people/:personId", () => {
  it("shows a pupil with class and guardians, and logs the read", async () => {
    const res = await as.subjectTeacher!.get(`${people()}/${id.pupil}`);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.roles.map((r: { role: string }) => r.role)).toContain("pupil");
    expect(body.groups.some((g: { kind: string }) => g.kind === "class")).toBe(true);
    expect(body.guardians.length).toBeGreaterThan(0);
    expect(body.children).toEqual([]);
    expect(await lastAudit("person.read")).toMatchObject({
      actor_id: id.subjectTeacher,
      resource_id: id.pupil,
      school_id: big.id,
    });
  });

  it("shows a guardian of both schools only as seen from this school", async () => {
    const both = await t.database.db
      .selectFrom("role_assignment")
      .select("person_id")
      .where("role", "=", "guardian")
      .where("school_id", "in", [big.id, small.id])
      .groupBy("person_id")
      .having((eb) => eb.fn.count("school_id").distinct(), "=", 2)
      .executeTakeFirstOrThrow();
    const fromSmall = (
      await as.otherPrincipal!.get(`/api/schools/${small.id}/people/${both.person_id}`)
    ).json();
    const smallRoleIds = (
      await t.database.db
        .selectFrom("role_assignment")
        .select("id")
        .where("person_id", "=", both.person_id)
        .where("school_id", "=", small.id)
        .execute()
    ).map((r) => r.id);
    expect(fromSmall.roles.map((r: { id: string }) => r.id).sort()).toEqual(smallRoleIds.sort());
    expect(fromSmall.children.length).toBeGreaterThan(0);
    const smallPupils = new Set(
      (
        await t.database.db
          .selectFrom("role_assignment")
          .select("person_id")
          .where("school_id", "=", small.id)
          .where("role", "=", "pupil")
          .execute()
      ).map((r) => r.person_id),
    );
    for (const c of fromSmall.children) expect(smallPupils.has(c.id)).toBe(true);
    expect(fromSmall.groups).toEqual([]);
  });

  it("answers 404 for a person of the other school, an unknown id and a malformed id", async () => {
    expect((await as.principal!.get(`${people()}/${id.otherPupil}`)).statusCode).toBe(404);
    expect(
      (await as.principal!.get(`${people()}/00000000-0000-4000-8000-000000000000`)).statusCode,
    ).toBe(404);
    expect((await as.principal!.get(`${people()}/nope`)).statusCode).toBe(404);
  });

  it("is closed to pupils (even about themselves), guardians and the other school", async () => {
    expect((await t.anonymous.get(`${people()}/${id.pupil}`)).statusCode).toBe(401);
    expect((await as.pupil!.get(`${people()}/${id.pupil}`)).statusCode).toBe(403);
    expect((await as.guardian!.get(`${people()}/${id.pupil}`)).statusCode).toBe(403);
    expect((await as.otherPrincipal!.get(`${people()}/${id.pupil}`)).statusCode).toBe(403);
  });
});

describe("POST /api/schools/:schoolId/people/:personId/roles", () => {
  const roles = (personId: string) => `${people()}/${personId}/roles`;

  it("gives a contact teacher role with its class membership, audited", async () => {
    const before = await counts();
    const res = await as.principal!.post(roles(id.librarian!), {
      role: "contactTeacher",
      groupId: bigClass.id,
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toEqual({
      id: expect.any(String),
      role: "contactTeacher",
      groupId: bigClass.id,
      groupName: bigClass.name,
    });
    expect(await counts()).toEqual({
      ...before,
      roles: before.roles + 1,
      memberships: before.memberships + 1,
    });
    expect(await lastAudit("role.assign")).toMatchObject({
      actor_id: id.principal,
      resource_id: id.librarian,
      detail: { roleId: res.json().id, role: "contactTeacher", groupId: bigClass.id },
    });
    const detail = (await as.principal!.get(`${people()}/${id.librarian}`)).json();
    expect(detail.groups.map((g: { id: string }) => g.id)).toContain(bigClass.id);
  });

  it("lets a deputy give ordinary staff roles", async () => {
    const res = await as.deputy!.post(roles(id.subjectTeacher!), { role: "socialWorker" });
    expect(res.statusCode).toBe(201);
  });

  it.each<[string, () => Record<string, unknown>, () => string, { path: string; code: string }[]]>([
    [
      "an owner role",
      () => ({ role: "areaDirector" }),
      () => id.counsellor!,
      [{ path: "role", code: "role.notSchoolRole" }],
    ],
    [
      "a contact teacher without a class",
      () => ({ role: "contactTeacher" }),
      () => id.counsellor!,
      [{ path: "groupId", code: "role.groupRequired" }],
    ],
    [
      "a contact teacher of a teaching group",
      () => ({ role: "contactTeacher", groupId: bigTeachingGroup.id }),
      () => id.counsellor!,
      [{ path: "groupId", code: "role.groupWrongKind" }],
    ],
    [
      "a subject teacher of a class",
      () => ({ role: "subjectTeacher", groupId: bigClass.id }),
      () => id.counsellor!,
      [{ path: "groupId", code: "role.groupWrongKind" }],
    ],
    [
      "a class of the other school",
      () => ({ role: "contactTeacher", groupId: smallClass.id }),
      () => id.counsellor!,
      [{ path: "groupId", code: "role.groupNotAtSchool" }],
    ],
    [
      "a staff role for a pupil",
      () => ({ role: "counsellor" }),
      () => id.pupil!,
      [{ path: "role", code: "role.staffAndFamily" }],
    ],
    [
      "a guardian role for a teacher",
      () => ({ role: "guardian" }),
      () => id.subjectTeacher!,
      [{ path: "role", code: "role.staffAndFamily" }],
    ],
    [
      "a role already held",
      () => ({ role: "counsellor" }),
      () => id.counsellor!,
      [{ path: "role", code: "role.alreadyHeld" }],
    ],
    [
      "no role at all",
      () => ({}),
      () => id.counsellor!,
      [{ path: "role", code: "field.required" }],
    ],
    [
      "a malformed group id",
      () => ({ role: "contactTeacher", groupId: "x" }),
      () => id.counsellor!,
      [{ path: "groupId", code: "field.invalid" }],
    ],
  ])("refuses %s with a field error and changes nothing", async (_name, body, who, expected) => {
    const before = await counts();
    const res = await as.principal!.post(roles(who()), body());
    expect(res.statusCode).toBe(400);
    expect(
      res
        .json()
        .fields.map((f: { path: string; code: string }) => ({ path: f.path, code: f.code })),
    ).toEqual(expected);
    expect(await counts()).toEqual(before);
  });

  it("answers 404 for a person of the other school", async () => {
    const before = await counts();
    const res = await as.principal!.post(roles(id.otherPupil!), { role: "counsellor" });
    expect(res.statusCode).toBe(404);
    expect(await counts()).toEqual(before);
  });

  it("lets only a principal hand out the roles that manage people", async () => {
    const before = await counts();
    for (const role of ["principal", "deputy", "adminLeader"]) {
      expect((await as.deputy!.post(roles(id.counsellor!), { role })).statusCode, role).toBe(403);
      expect((await as.adminLeader!.post(roles(id.counsellor!), { role })).statusCode, role).toBe(
        403,
      );
    }
    expect(await counts()).toEqual(before);
  });

  it("refuses staff without the right, pupils, guardians, the owner and the other school", async () => {
    const before = await counts();
    const url = roles(id.counsellor!);
    expect((await t.anonymous.post(url, { role: "librarian" })).statusCode).toBe(401);
    for (const who of [
      "subjectTeacher",
      "counsellor",
      "pupil",
      "guardian",
      "otherPrincipal",
      "areaDirector",
    ]) {
      expect((await as[who]!.post(url, { role: "librarian" })).statusCode, who).toBe(403);
    }
    expect(await counts()).toEqual(before);
  });
});

describe("DELETE /api/schools/:schoolId/people/:personId/roles/:roleId", () => {
  const roleOf = async (personId: string, role: string, schoolId = big.id) =>
    (
      await t.database.db
        .selectFrom("role_assignment")
        .select("id")
        .where("person_id", "=", personId)
        .where("role", "=", role)
        .where("school_id", "=", schoolId)
        .executeTakeFirstOrThrow()
    ).id;
  const url = (personId: string, roleId: string, schoolId = big.id) =>
    `/api/schools/${schoolId}/people/${personId}/roles/${roleId}`;

  it("removes a role and the membership it implied, audited", async () => {
    const roleId = await roleOf(id.librarian!, "contactTeacher");
    const before = await counts();
    const res = await as.principal!.delete(url(id.librarian!, roleId));
    expect(res.statusCode).toBe(204);
    expect(await counts()).toEqual({
      ...before,
      roles: before.roles - 1,
      memberships: before.memberships - 1,
    });
    expect(await lastAudit("role.remove")).toMatchObject({
      actor_id: id.principal,
      resource_id: id.librarian,
      detail: { roleId, role: "contactTeacher" },
    });
  });

  it("keeps the school's last principal, even when the principal asks", async () => {
    const roleId = await roleOf(id.principal!, "principal");
    const before = await counts();
    const res = await as.principal!.delete(url(id.principal!, roleId));
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({
      code: "role.lastPrincipal",
      message: expect.stringContaining("rektor"),
    });
    expect(await counts()).toEqual(before);
  });

  it("lets a principal step down once there is another principal, and not a deputy", async () => {
    const toDeputy = await as.principal!.post(`${people()}/${id.deputy}/roles`, {
      role: "principal",
    });
    expect(toDeputy.statusCode).toBe(201);
    // The old principal stays at the school as a head of department.
    const stays = await as.principal!.post(`${people()}/${id.principal}/roles`, {
      role: "departmentHead",
    });
    expect(stays.statusCode).toBe(201);
    const roleId = await roleOf(id.principal!, "principal");
    expect((await as.adminLeader!.delete(url(id.principal!, roleId))).statusCode).toBe(403);
    expect((await as.principal!.delete(url(id.principal!, roleId))).statusCode).toBe(204);
    // Now the deputy is the only principal, and stays one.
    const deputysPrincipalRole = await roleOf(id.deputy!, "principal");
    expect((await as.deputy!.delete(url(id.deputy!, deputysPrincipalRole))).statusCode).toBe(409);
    // Put things back: the old principal returns, the deputy steps down.
    const back = await as.deputy!.post(`${people()}/${id.principal}/roles`, { role: "principal" });
    expect(back.statusCode).toBe(201);
    expect((await as.deputy!.delete(url(id.deputy!, deputysPrincipalRole))).statusCode).toBe(204);
  });

  it("answers 404 for a role of the other school, a role of someone else and a malformed id", async () => {
    const otherRole = await roleOf(id.otherPupil!, "pupil", small.id);
    expect((await as.deputy!.delete(url(id.otherPupil!, otherRole))).statusCode).toBe(404);
    const counsellorRole = await roleOf(id.counsellor!, "counsellor");
    expect((await as.deputy!.delete(url(id.librarian!, counsellorRole))).statusCode).toBe(404);
    expect((await as.deputy!.delete(url(id.librarian!, "x"))).statusCode).toBe(404);
  });

  it("refuses staff without the right, pupils, guardians and the other school", async () => {
    const roleId = await roleOf(id.counsellor!, "counsellor");
    const before = await counts();
    expect((await t.anonymous.delete(url(id.counsellor!, roleId))).statusCode).toBe(401);
    for (const who of ["subjectTeacher", "pupil", "guardian", "otherPrincipal", "areaDirector"]) {
      expect((await as[who]!.delete(url(id.counsellor!, roleId))).statusCode, who).toBe(403);
    }
    expect(await counts()).toEqual(before);
  });
});

describe("POST /api/schools/:schoolId/people", () => {
  it("adds a person with a first role, audited", async () => {
    const before = await counts();
    const res = await as.adminLeader!.post(people(), {
      givenName: " Åse ",
      familyName: "Østby",
      email: "ase.ostby@demo.invalid",
      feideId: "Ase.Ostby@demo-vgs.invalid",
      role: "subjectTeacher",
      groupId: bigTeachingGroup.id,
    });
    expect(res.statusCode).toBe(201);
    const created = res.json();
    expect(await counts()).toEqual({
      persons: before.persons + 1,
      roles: before.roles + 1,
      memberships: before.memberships + 1,
    });
    const detail = (await as.adminLeader!.get(`${people()}/${created.id}`)).json();
    expect(detail).toMatchObject({
      givenName: "Åse",
      familyName: "Østby",
      feideId: "ase.ostby@demo-vgs.invalid",
      roles: [{ role: "subjectTeacher", groupId: bigTeachingGroup.id }],
    });
    expect(await lastAudit("person.create")).toMatchObject({
      resource_id: created.id,
      actor_id: id.adminLeader,
    });
    const audit = await lastAudit("person.create");
    expect(JSON.stringify(audit?.detail)).not.toContain("Østby");
  });

  it("reports every bad field at once and creates nothing", async () => {
    const before = await counts();
    const res = await as.principal!.post(people(), {
      givenName: "",
      familyName: "Nordmann",
      email: "not-an-address",
      role: "contactTeacher",
    });
    expect(res.statusCode).toBe(400);
    expect(
      res
        .json()
        .fields.map((f: { path: string; code: string }) => `${f.path}:${f.code}`)
        .sort(),
    ).toEqual(["email:field.invalidEmail", "givenName:field.required"]);
    const rule = await as.principal!.post(people(), {
      givenName: "Kari",
      familyName: "Nordmann",
      feideId: "ase.ostby@demo-vgs.invalid",
      role: "contactTeacher",
    });
    expect(
      rule
        .json()
        .fields.map((f: { path: string; code: string }) => `${f.path}:${f.code}`)
        .sort(),
    ).toEqual(["feideId:person.feideIdTaken", "groupId:role.groupRequired"]);
    expect(await counts()).toEqual(before);
  });

  it("lets only a principal add a new leader", async () => {
    const body = { givenName: "Ny", familyName: "Leder", role: "deputy" };
    expect((await as.deputy!.post(people(), body)).statusCode).toBe(403);
    expect((await as.principal!.post(people(), body)).statusCode).toBe(201);
  });

  it("refuses staff without the right, pupils, guardians and the other school", async () => {
    const before = await counts();
    const body = { givenName: "Kari", familyName: "Nordmann", role: "librarian" };
    expect((await t.anonymous.post(people(), body)).statusCode).toBe(401);
    for (const who of ["subjectTeacher", "pupil", "guardian", "otherPrincipal", "areaDirector"]) {
      expect((await as[who]!.post(people(), body)).statusCode, who).toBe(403);
    }
    expect(await counts()).toEqual(before);
  });
});
