// The audit log: hash-chained, append-only, verifiable, and visible only to those entitled.
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appendAudit, verifyAuditChain } from "../../src/server/platform/audit.ts";
import { createTestApp, type TestApp } from "../support/app.ts";
import { demoSchools, personWithRole } from "../support/people.ts";

let t: TestApp;
let schools: Awaited<ReturnType<typeof demoSchools>>;
beforeAll(async () => {
  t = await createTestApp();
  schools = await demoSchools(t.database.db);
  await t.database.db.transaction().execute((tx) =>
    appendAudit(
      tx,
      {
        at: t.now.value,
        actorId: null,
        action: "test.visible",
        resourceType: "test",
        schoolId: schools.big.id,
      },
      {
        at: t.now.value,
        actorId: null,
        action: "test.restricted",
        resourceType: "case",
        schoolId: schools.big.id,
        restricted: true,
      },
    ),
  );
});
afterAll(() => t.close());

describe("audit chain", () => {
  it("verifies after normal writes", async () => {
    const result = await verifyAuditChain(t.database.db);
    expect(result.ok).toBe(true);
  });

  it("refuses updates and deletes (append-only)", async () => {
    await expect(sql`UPDATE audit_log SET action = 'x'`.execute(t.database.db)).rejects.toThrow(
      /append-only/,
    );
    await expect(sql`DELETE FROM audit_log`.execute(t.database.db)).rejects.toThrow(/append-only/);
  });

  it("a rolled-back change leaves no audit row", async () => {
    const before = await t.database.db
      .selectFrom("audit_log")
      .select((eb) => eb.fn.countAll<string>().as("n"))
      .executeTakeFirstOrThrow();
    await expect(
      t.database.db.transaction().execute(async (tx) => {
        await appendAudit(tx, {
          at: t.now.value,
          actorId: null,
          action: "test.rollback",
          resourceType: "test",
        });
        throw new Error("boom");
      }),
    ).rejects.toThrow("boom");
    const after = await t.database.db
      .selectFrom("audit_log")
      .select((eb) => eb.fn.countAll<string>().as("n"))
      .executeTakeFirstOrThrow();
    expect(after.n).toBe(before.n);
  });

  it("names the first tampered entry", async () => {
    const victim = await t.database.db
      .selectFrom("audit_log")
      .select("seq")
      .where("action", "=", "test.visible")
      .executeTakeFirstOrThrow();
    await sql`ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update`.execute(t.database.db);
    await sql`UPDATE audit_log SET action = 'test.forged' WHERE seq = ${victim.seq}::bigint`.execute(
      t.database.db,
    );
    await sql`ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_update`.execute(t.database.db);
    const result = await verifyAuditChain(t.database.db);
    expect(result).toEqual({ ok: false, seq: victim.seq, problem: "content-changed" });
    // Put it back so later tests see an intact chain.
    await sql`ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update`.execute(t.database.db);
    await sql`UPDATE audit_log SET action = 'test.visible' WHERE seq = ${victim.seq}::bigint`.execute(
      t.database.db,
    );
    await sql`ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_update`.execute(t.database.db);
    expect((await verifyAuditChain(t.database.db)).ok).toBe(true);
  });
});

describe("GET /api/schools/:schoolId/audit", () => {
  it("shows the principal the school's entries, never restricted ones", async () => {
    const c = await t.as(
      await personWithRole(t.database.db, "principal", { schoolId: schools.big.id }),
    );
    const res = await c.get(`/api/schools/${schools.big.id}/audit?limit=500`);
    expect(res.statusCode).toBe(200);
    const actions = res.json().entries.map((e: { action: string }) => e.action);
    expect(actions).toContain("test.visible");
    expect(actions).not.toContain("test.restricted");
  });

  it.each(["deputy", "contactTeacher", "pupil", "guardian"])("denies the %s", async (role) => {
    const c = await t.as(await personWithRole(t.database.db, role, { schoolId: schools.big.id }));
    const res = await c.get(`/api/schools/${schools.big.id}/audit`);
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe("access.denied");
  });

  it("denies the principal of the other school", async () => {
    const c = await t.as(
      await personWithRole(t.database.db, "principal", { schoolId: schools.small.id }),
    );
    expect((await c.get(`/api/schools/${schools.big.id}/audit`)).statusCode).toBe(403);
  });

  it("answers 404 for a school that does not exist", async () => {
    const c = await t.as(
      await personWithRole(t.database.db, "principal", { schoolId: schools.big.id }),
    );
    expect(
      (await c.get("/api/schools/00000000-0000-4000-8000-000000000000/audit")).statusCode,
    ).toBe(404);
  });
});

describe("GET /api/owners/:ownerId/audit", () => {
  it("shows the owner's case officer every school's entries, restricted ones included", async () => {
    const c = await t.as(await personWithRole(t.database.db, "ownerCaseOfficer"));
    const res = await c.get(`/api/owners/${schools.big.ownerId}/audit?limit=500`);
    expect(res.statusCode).toBe(200);
    const actions = res.json().entries.map((e: { action: string }) => e.action);
    expect(actions).toContain("test.restricted");
  });

  it("denies a principal", async () => {
    const c = await t.as(
      await personWithRole(t.database.db, "principal", { schoolId: schools.big.id }),
    );
    expect((await c.get(`/api/owners/${schools.big.ownerId}/audit`)).statusCode).toBe(403);
  });
});
