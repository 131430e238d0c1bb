// The school owner level: the list of owners (system admins), an owner's schools, adding a
// school, and owner roles.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp, type TestClient } from "../support/app.ts";
import { demoSchools, personWithRole } from "../support/people.ts";

let t: TestApp;
let big: { id: string; ownerId: string };
let small: { id: string; ownerId: string };
const as: Record<string, TestClient> = {};
const id: Record<string, string> = {};
const MISSING = "00000000-0000-4000-8000-000000000000";

const countOf = async (table: "school" | "role_assignment") =>
  Number(
    (
      await t.database.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<string>().as("n"))
        .executeTakeFirstOrThrow()
    ).n,
  );
const lastAudit = (action: string) =>
  t.database.db
    .selectFrom("audit_log")
    .select(["actor_id", "resource_id", "owner_id", "detail"])
    .where("action", "=", action)
    .orderBy("seq", "desc")
    .limit(1)
    .executeTakeFirst();

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  ({ big, small } = await demoSchools(db));
  Object.assign(id, {
    areaDirector: await personWithRole(db, "areaDirector"),
    caseOfficer: await personWithRole(db, "ownerCaseOfficer"),
    principal: await personWithRole(db, "principal", { schoolId: big.id }),
    otherPrincipal: await personWithRole(db, "principal", { schoolId: small.id }),
    counsellor: await personWithRole(db, "counsellor", { schoolId: big.id }),
    pupil: await personWithRole(db, "pupil", { schoolId: big.id }),
    guardian: await personWithRole(db, "guardian", { schoolId: big.id }),
  });
  id.admin = (
    await db
      .selectFrom("person")
      .select("id")
      .where("is_system_admin", "=", true)
      .executeTakeFirstOrThrow()
  ).id;
  for (const [name, personId] of Object.entries(id)) as[name] = await t.as(personId);
});
afterAll(() => t.close());

const owner = () => `/api/owners/${big.ownerId}`;

describe("GET /api/owners", () => {
  it("lists every owner for a system admin", async () => {
    const res = await as.admin!.get("/api/owners");
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual([
      { id: big.ownerId, name: expect.any(String), orgNumber: expect.any(String), schools: 2 },
    ]);
  });

  it("is for system admins only", async () => {
    expect((await t.anonymous.get("/api/owners")).statusCode).toBe(401);
    for (const who of ["areaDirector", "caseOfficer", "principal", "pupil", "guardian"]) {
      expect((await as[who]!.get("/api/owners")).statusCode, who).toBe(403);
    }
  });
});

describe("GET /api/owners/:ownerId and its schools", () => {
  it("shows the owner and its schools with head counts to the owner's people", async () => {
    for (const who of ["areaDirector", "caseOfficer", "admin"]) {
      expect((await as[who]!.get(owner())).json(), who).toMatchObject({ id: big.ownerId });
      const res = await as[who]!.get(`${owner()}/schools`);
      expect(res.statusCode, who).toBe(200);
      const schools = res.json();
      expect(schools).toHaveLength(2);
      const bigOne = schools.find((s: { id: string }) => s.id === big.id);
      expect(bigOne).toEqual({
        id: big.id,
        name: expect.any(String),
        orgNumber: expect.stringMatching(/^\d{9}$/),
        pupils: 600,
        staff: expect.any(Number),
      });
      expect(bigOne.staff).toBeGreaterThan(40);
    }
  });

  it("is closed to school staff, pupils and guardians, and 404 for an unknown owner", async () => {
    expect((await t.anonymous.get(`${owner()}/schools`)).statusCode).toBe(401);
    for (const who of ["principal", "otherPrincipal", "counsellor", "pupil", "guardian"]) {
      expect((await as[who]!.get(`${owner()}/schools`)).statusCode, who).toBe(403);
      expect((await as[who]!.get(owner())).statusCode, who).toBe(403);
    }
    expect((await as.admin!.get(`/api/owners/${MISSING}/schools`)).statusCode).toBe(404);
  });
});

describe("POST /api/owners/:ownerId/schools", () => {
  it("adds a school, audited", async () => {
    const before = await countOf("school");
    const res = await as.areaDirector!.post(`${owner()}/schools`, {
      name: "Demo nye skole",
      orgNumber: "999 888 777",
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toEqual({
      id: expect.any(String),
      name: "Demo nye skole",
      orgNumber: "999888777",
      pupils: 0,
      staff: 0,
    });
    expect(await countOf("school")).toBe(before + 1);
    expect(await lastAudit("school.create")).toMatchObject({
      actor_id: id.areaDirector,
      resource_id: res.json().id,
      owner_id: big.ownerId,
    });
  });

  it.each<[string, Record<string, unknown>, string[]]>([
    ["no name", { name: " " }, ["name:field.required"]],
    ["a short org number", { name: "X", orgNumber: "12345" }, ["orgNumber:field.invalidOrgNumber"]],
    [
      "a taken org number",
      { name: "X", orgNumber: "999888777" },
      ["orgNumber:school.orgNumberTaken"],
    ],
  ])("refuses %s and adds nothing", async (_name, body, expected) => {
    const before = await countOf("school");
    const res = await as.admin!.post(`${owner()}/schools`, body);
    expect(res.statusCode).toBe(400);
    expect(
      res.json().fields.map((f: { path: string; code: string }) => `${f.path}:${f.code}`),
    ).toEqual(expected);
    expect(await countOf("school")).toBe(before);
  });

  it("is for the area director and system admins only", async () => {
    const before = await countOf("school");
    expect((await t.anonymous.post(`${owner()}/schools`, { name: "X" })).statusCode).toBe(401);
    for (const who of ["caseOfficer", "principal", "counsellor", "pupil", "guardian"]) {
      expect((await as[who]!.post(`${owner()}/schools`, { name: "X" })).statusCode, who).toBe(403);
    }
    expect(await countOf("school")).toBe(before);
  });
});

describe("owner roles", () => {
  const roles = (personId: string) => `${owner()}/people/${personId}/roles`;

  it("lists the owner's people, audited", async () => {
    const res = await as.caseOfficer!.get(`${owner()}/people`);
    expect(res.statusCode).toBe(200);
    const ids = res.json().people.map((p: { id: string }) => p.id);
    expect(ids).toEqual(expect.arrayContaining([id.areaDirector, id.caseOfficer]));
    expect(await lastAudit("people.list")).toMatchObject({
      actor_id: id.caseOfficer,
      owner_id: big.ownerId,
    });
  });

  it("gives a school's staff member an owner role and takes it back, audited", async () => {
    const before = await countOf("role_assignment");
    const res = await as.areaDirector!.post(roles(id.counsellor!), { role: "ownerCaseOfficer" });
    expect(res.statusCode).toBe(201);
    expect(await countOf("role_assignment")).toBe(before + 1);
    expect(await lastAudit("role.assign")).toMatchObject({
      actor_id: id.areaDirector,
      resource_id: id.counsellor,
      owner_id: big.ownerId,
    });
    const listed = (await as.areaDirector!.get(`${owner()}/people`)).json().people;
    expect(listed.map((p: { id: string }) => p.id)).toContain(id.counsellor);
    const del = await as.areaDirector!.delete(`${roles(id.counsellor!)}/${res.json().id}`);
    expect(del.statusCode).toBe(204);
    expect(await countOf("role_assignment")).toBe(before);
    expect(await lastAudit("role.remove")).toMatchObject({ resource_id: id.counsellor });
  });

  it.each<[string, string]>([
    ["a school role", "principal"],
    ["the system admin role", "systemAdmin"],
    ["a role already held", "areaDirector"],
  ])("refuses %s with a field error", async (_name, role) => {
    const before = await countOf("role_assignment");
    const res = await as.admin!.post(roles(id.areaDirector!), { role });
    expect(res.statusCode).toBe(400);
    expect(res.json().fields[0].path).toBe("role");
    expect(await countOf("role_assignment")).toBe(before);
  });

  it("answers 404 for pupils, guardians and unknown people", async () => {
    const before = await countOf("role_assignment");
    for (const who of ["pupil", "guardian"]) {
      expect(
        (await as.areaDirector!.post(roles(id[who]!), { role: "ownerCaseOfficer" })).statusCode,
      ).toBe(404);
    }
    expect(
      (await as.areaDirector!.post(roles(MISSING), { role: "ownerCaseOfficer" })).statusCode,
    ).toBe(404);
    expect((await as.areaDirector!.delete(`${roles(id.caseOfficer!)}/${MISSING}`)).statusCode).toBe(
      404,
    );
    expect(await countOf("role_assignment")).toBe(before);
  });

  it("is for the area director and system admins only", async () => {
    const before = await countOf("role_assignment");
    expect(
      (await t.anonymous.post(roles(id.counsellor!), { role: "ownerCaseOfficer" })).statusCode,
    ).toBe(401);
    for (const who of ["caseOfficer", "principal", "pupil", "guardian"]) {
      const res = await as[who]!.post(roles(id.counsellor!), { role: "ownerCaseOfficer" });
      expect(res.statusCode, who).toBe(403);
    }
    for (const who of ["principal", "pupil"]) {
      expect((await as[who]!.get(`${owner()}/people`)).statusCode, who).toBe(403);
    }
    expect(await countOf("role_assignment")).toBe(before);
  });
});
