// The owner's compliance desk (issue #10): figures per school and in total for a school year,
// with the year before; CSV and a PDF state report; owner roles only (not school staff, not
// the system administrator, not another owner's people), and never a name.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp, type TestClient } from "../support/app.ts";
import { otherOwnerOfficer } from "../support/other-owner.ts";
import { readPdf } from "../support/pdf-text.ts";
import { demoSchools, personWithRole } from "../support/people.ts";

let t: TestApp;
let ownerId: string;
let bigId: string;
let smallId: string;
const as: Record<string, TestClient> = {};
const pupilNames: string[] = [];

interface Figures {
  cases: number;
  openNow: number;
  plan: { due: number; onTime: number; share: number | null };
  investigation: { due: number; onTime: number; share: number | null };
  byKind: Record<string, number>;
  byMonth: Record<string, number>;
  overdueSteps: number;
}
interface Report {
  owner: { id: string; name: string };
  year: {
    label: string;
    schools: { id: string; name: string; figures: Figures }[];
    total: Figures;
  };
  previous: { label: string; total: Figures };
  years: string[];
}

beforeAll(async () => {
  // Two weeks after the cases are reported, so their plan deadlines have passed.
  t = await createTestApp({}, { now: new Date("2026-11-02T09:00:00Z") });
  const db = t.database.db;
  const { big, small } = await demoSchools(db);
  ownerId = big.ownerId;
  bigId = big.id;
  smallId = small.id;
  const other = await otherOwnerOfficer(db);
  const ids: Record<string, string> = {
    officer: await personWithRole(db, "ownerCaseOfficer", { ownerId }),
    director: await personWithRole(db, "areaDirector", { ownerId }),
    principal: await personWithRole(db, "principal", { schoolId: bigId }),
    smallPrincipal: await personWithRole(db, "principal", { schoolId: smallId }),
    teacher: await personWithRole(db, "contactTeacher", { schoolId: bigId }),
    otherOfficer: other.officer,
  };
  ids.admin = (
    await db
      .selectFrom("person")
      .select("id")
      .where("is_system_admin", "=", true)
      .executeTakeFirstOrThrow()
  ).id;
  for (const [name, id] of Object.entries(ids)) as[name] = await t.as(id);
  // Two staff concerns at the big school, one at the small one.
  for (const [who, schoolId, index] of [
    ["principal", bigId, 0],
    ["principal", bigId, 1],
    ["smallPrincipal", smallId, 0],
  ] as const) {
    const pupil = await personWithRole(db, "pupil", { schoolId, index });
    const person = await db
      .selectFrom("person")
      .select(["given_name", "family_name"])
      .where("id", "=", pupil)
      .executeTakeFirstOrThrow();
    pupilNames.push(person.family_name);
    const res = await as[who]!.post(`/api/schools/${schoolId}/cases`, {
      kind: "staff-concern",
      pupilIds: [pupil],
      description: "Noe skjedde i friminuttet.",
    });
    expect(res.statusCode).toBe(201);
  }
  t.now.value = new Date("2026-11-20T09:00:00Z");
  for (const [name, id] of Object.entries(ids)) as[name] = await t.as(id);
});
afterAll(() => t.close());

const url = (suffix = "", id = ownerId) => `/api/owners/${id}/compliance${suffix}`;

describe("GET /api/owners/:ownerId/compliance", () => {
  it("gives the owner's people the figures per school and in total, with the year before", async () => {
    for (const who of ["officer", "director"]) {
      const res = await as[who]!.get(url("?year=2026-2027"));
      expect(res.statusCode, who).toBe(200);
      const report = res.json() as Report;
      expect(report.year.label).toBe("2026-2027");
      expect(report.previous.label).toBe("2025-2026");
      expect(report.years[0]).toBe("2026-2027");
      const big = report.year.schools.find((s) => s.id === bigId)?.figures;
      const small = report.year.schools.find((s) => s.id === smallId)?.figures;
      expect(big).toMatchObject({ cases: 2, openNow: 2, byKind: { "staff-concern": 2 } });
      expect(small).toMatchObject({ cases: 1, openNow: 1 });
      // No plan was made: every plan deadline has passed and none was on time.
      expect(report.year.total.plan).toEqual({ due: 3, onTime: 0, share: 0 });
      expect(report.year.total.byMonth["2026-11"]).toBe(3);
      expect(report.year.total.overdueSteps).toBeGreaterThanOrEqual(3);
      expect(report.previous.total.cases).toBe(0);
      const text = res.body;
      for (const name of pupilNames) expect(text).not.toContain(name);
      expect(text).not.toContain("friminuttet");
    }
  });

  it("refuses a malformed year and answers only the owner's own people", async () => {
    expect((await as.officer!.get(url("?year=2026"))).statusCode).toBe(400);
    expect((await t.anonymous.get(url())).statusCode).toBe(401);
    for (const who of ["principal", "smallPrincipal", "teacher", "admin", "otherOfficer"]) {
      const res = await as[who]!.get(url());
      expect([403, 404], who).toContain(res.statusCode);
      expect((await as[who]!.get(url(".csv"))).statusCode, `${who} csv`).not.toBe(200);
      expect((await as[who]!.get(url(".pdf"))).statusCode, `${who} pdf`).not.toBe(200);
    }
  });
});

describe("exports", () => {
  it("gives a semicolon CSV with a row per school and a total for both years", async () => {
    const res = await as.officer!.get(url(".csv?year=2026-2027"));
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toMatch(/text\/csv/);
    const lines = res.body
      .replace(/^\uFEFF/, "")
      .trim()
      .split("\r\n");
    expect(lines[0]).toMatch(/^Skoleår;Skole;Saker;/);
    const thisYear = lines.filter((l) => l.startsWith("2026-2027;"));
    expect(thisYear.at(-1)).toMatch(/^2026-2027;Alle skolene;3;3;/);
    expect(lines.some((l) => l.startsWith("2025-2026;Alle skolene;0;"))).toBe(true);
  });

  it("makes the yearly state report as a PDF, with the year before beside it", async () => {
    const res = await as.director!.get(url(".pdf?year=2026-2027"));
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toBe("application/pdf");
    const { text } = readPdf(res.rawPayload);
    expect(text).toContain("Tilstandsrapport: skolemiljø");
    // Column headers may wrap in the PDF's layout: check their words.
    expect(text).toContain("Dette skoleåret");
    expect(text).toContain("Året før");
    expect(text).toContain("(2025-2026)");
    expect(text).toMatch(/Plan innen fristen\s+0 av 3 \(0 %\)\s+ingen ennå/);
    for (const name of pupilNames) expect(text).not.toContain(name);
  });
});
