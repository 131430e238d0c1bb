// While a large import is applied, its progress can be read — on the embedded engine too,
// where the import's transaction holds the only database connection.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generatedSchool, templateFile, upload } from "../fixtures/import/helpers.ts";
import { createTestApp, type TestApp } from "../support/app.ts";
import { demoSchools, personWithRole } from "../support/people.ts";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe("import progress", () => {
  it("answers progress polls during the apply, with rows counting up", async () => {
    const schools = await demoSchools(t.database.db);
    const principal = await t.as(
      await personWithRole(t.database.db, "principal", { schoolId: schools.small.id }),
    );
    const res = await upload(principal, schools.small.id, "csv", [
      templateFile(generatedSchool(1500, "prog")),
    ]);
    expect(res.statusCode).toBe(202);
    const { importId } = res.json() as { importId: string };
    const seen: { status: string; processedRows: number; totalRows: number }[] = [];
    for (let i = 0; i < 3000; i++) {
      const poll = await principal.get(`/api/schools/${schools.small.id}/imports/${importId}`);
      expect(poll.statusCode).toBe(200);
      const body = poll.json() as { status: string; processedRows: number; totalRows: number };
      seen.push(body);
      if (body.status === "done" || body.status === "failed") break;
      await new Promise((r) => setTimeout(r, 25));
    }
    expect(seen.at(-1)?.status).toBe("done");
    const during = seen.filter((s) => s.status === "importing");
    expect(during.length).toBeGreaterThan(0);
    const counts = during.map((s) => s.processedRows);
    expect([...counts].sort((a, b) => a - b)).toEqual(counts);
    expect(counts.some((n) => n > 0 && n < (during[0]?.totalRows ?? 0))).toBe(true);
  }, 300_000);
});
