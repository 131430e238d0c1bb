import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type DatabaseHandle, openDatabase } from "../platform/db/database.ts";
import { migrate } from "../platform/db/migrate.ts";
import { generateDemoData } from "./generate.ts";
import { DEMO_SEED_META_KEY, listDemoLogins, seedDemoData } from "./seed.ts";

// A fresh, empty in-memory PGlite (not the seeded golden image the other DB tests use).
let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await openDatabase({ engine: "pglite" });
  await migrate(handle.db);
});
afterAll(async () => {
  await handle?.close();
});

async function count(table: "person" | "school" | "role_assignment" | "group_membership") {
  const row = await handle.db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<string>().as("n"))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

describe("seedDemoData", () => {
  const expected = generateDemoData(2026);

  it("seeds an empty database in one go", async () => {
    const started = performance.now();
    const cpuBefore = process.cpuUsage();
    const result = await seedDemoData(handle.db);
    const cpu = process.cpuUsage(cpuBefore);
    const ms = Math.round(performance.now() - started);
    // CPU time as well: on a busy machine the wall clock says more about the neighbours.
    const cpuMs = Math.round((cpu.user + cpu.system) / 1000);
    process.stdout.write(`[demo] seeded ${result.rows} rows in ${ms} ms (${cpuMs} ms CPU)\n`);
    expect(result.inserted).toBe(true);
    expect(result.rows).toBeGreaterThan(5000);
    // The target is < 3 s on a developer machine; this only catches a pathological slowdown.
    expect(ms).toBeLessThan(30_000);

    expect(await count("school")).toBe(expected.schools.length);
    expect(await count("person")).toBe(expected.persons.length);
    expect(await count("role_assignment")).toBe(expected.roleAssignments.length);
    expect(await count("group_membership")).toBe(expected.groupMemberships.length);
    const meta = await handle.db
      .selectFrom("app_meta")
      .select("value")
      .where("key", "=", DEMO_SEED_META_KEY)
      .executeTakeFirst();
    expect(meta?.value).toBe("2026");
  });

  it("stores the generated rows unchanged", async () => {
    const year = await handle.db
      .selectFrom("school_year_break")
      .select(["kind", "label", "starts_on", "ends_on"])
      .where("label", "=", "Påskeferie")
      .execute();
    expect(year).toEqual([
      { kind: "holiday", label: "Påskeferie", starts_on: "2027-03-22", ends_on: "2027-03-29" },
      { kind: "holiday", label: "Påskeferie", starts_on: "2027-03-22", ends_on: "2027-03-29" },
    ]);
    const first = expected.persons[0]!;
    const stored = await handle.db
      .selectFrom("person")
      .select([
        "id",
        "given_name",
        "family_name",
        "email",
        "phone",
        "gender",
        "birth_date",
        "feide_id",
        "nin_hash",
        "external_source",
        "external_id",
        "is_system_admin",
      ])
      .where("id", "=", first.id)
      .executeTakeFirst();
    expect(stored).toEqual(first);
  });

  it("does nothing the second time", async () => {
    const before = await count("person");
    const result = await seedDemoData(handle.db);
    expect(result).toEqual({ inserted: false, rows: 0 });
    expect(await count("person")).toBe(before);
  });

  it("lists the same demo logins as the generator", async () => {
    const logins = await listDemoLogins(handle.db);
    expect(logins).toEqual(expected.logins);
    expect(logins.some((l) => l.role === "contactTeacher" && l.className === "1STA")).toBe(true);
  });
});
