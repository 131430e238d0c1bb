// National survey results over HTTP: upload with progress and a row-by-row error report, the
// results read, and who must not get in (teachers, pupils, guardians, other schools).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { syntheticSkoleportenFile } from "../../src/core/surveys/national/synthetic.ts";
import { DEMO_UPPER_SECONDARY_NAME } from "../../src/server/demo/generate.ts";
import { multipart } from "../fixtures/import/helpers.ts";
import { createTestApp, type TestApp, type TestClient } from "../support/app.ts";
import { otherOwnerOfficer } from "../support/other-owner.ts";
import { demoSchools, personWithRole } from "../support/people.ts";

let t: TestApp;
let vgs: { id: string; ownerId: string };
let other: { id: string; ownerId: string };
const as: Record<string, TestClient> = {};

const GOOD = syntheticSkoleportenFile({
  units: [
    { name: DEMO_UPPER_SECONDARY_NAME, offset: 0 },
    { name: "Viken fylkeskommune", offset: 0.05 },
    { name: "Nasjonalt", offset: 0 },
  ],
  years: ["2024-25", "2025-26"],
  trinn: ["Vg1", "Vg2", "Vg3"],
  seed: 3,
  hide: { trinn: "Vg3", gender: "Gutter" },
});

function upload(client: TestClient, schoolId: string, text: string | Buffer, unit?: string) {
  const body = multipart([
    ...(unit ? [{ name: "unit", data: unit }] : []),
    { name: "file", filename: "resultater.csv", data: text },
  ]);
  return client.request({
    method: "POST",
    url: `/api/schools/${schoolId}/national-surveys/imports`,
    payload: body.payload,
    headers: body.headers,
  });
}

interface RunView {
  status: string;
  counts: Record<string, number> | null;
  errors: { line: number | null; column: string | null; code: string; message: string }[];
}

async function finished(client: TestClient, schoolId: string, importId: string): Promise<RunView> {
  for (let i = 0; i < 2000; i++) {
    const res = await client.get(`/api/schools/${schoolId}/national-surveys/imports/${importId}`);
    expect(res.statusCode).toBe(200);
    const body = res.json() as RunView;
    if (body.status === "done" || body.status === "failed") return body;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error("import did not finish");
}

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  const schools = await demoSchools(db);
  const row = await db
    .selectFrom("school")
    .select(["id", "owner_id"])
    .where("name", "=", DEMO_UPPER_SECONDARY_NAME)
    .executeTakeFirstOrThrow();
  vgs = { id: row.id, ownerId: row.owner_id };
  other = vgs.id === schools.big.id ? schools.small : schools.big;
  const roles = ["principal", "deputy", "counsellor", "contactTeacher", "pupil", "guardian"];
  for (const role of roles)
    as[role] = await t.as(await personWithRole(db, role, { schoolId: vgs.id }));
  as.otherPrincipal = await t.as(await personWithRole(db, "principal", { schoolId: other.id }));
  as.ownerOfficer = await t.as(
    await personWithRole(db, "ownerCaseOfficer", { ownerId: vgs.ownerId }),
  );
  as.otherOwnerOfficer = await t.as((await otherOwnerOfficer(db)).officer);
});
afterAll(() => t.close());

describe("national survey import over HTTP", () => {
  it("a broken file: every unreadable row with line, column and reason; nothing stored", async () => {
    const lines = GOOD.split("\r\n");
    lines[2] = (lines[2] ?? "").replace(/;[0-9],[0-9];Snitt$/, ";4,x;Snitt");
    lines[5] = (lines[5] ?? "").replace(";Vg1;", ";Vg7;");
    const res = await upload(as.principal as TestClient, vgs.id, lines.join("\r\n"));
    expect(res.statusCode).toBe(202);
    const run = await finished(as.principal as TestClient, vgs.id, res.json().importId);
    expect(run.status).toBe("failed");
    expect(run.errors).toEqual([
      { line: 3, column: "Verdi", code: "survey.badNumber", message: "«4,x» er ikke et tall." },
      {
        line: 6,
        column: "Trinn",
        code: "survey.badTrinn",
        message: "«Vg7» er ikke et trinn (5.–10. trinn eller Vg1–Vg3).",
      },
    ]);
    const results = await (as.principal as TestClient).get(
      `/api/schools/${vgs.id}/national-surveys/results`,
    );
    expect(results.json().results).toEqual([]);
  });

  it("a binary file is refused with a reason", async () => {
    const res = await upload(
      as.principal as TestClient,
      vgs.id,
      Buffer.from([0x50, 0x4b, 3, 4, 0]),
    );
    const run = await finished(as.principal as TestClient, vgs.id, res.json().importId);
    expect(run.errors.map((e) => e.code)).toEqual(["survey.binaryFile"]);
  });

  it("the principal imports a good file; a second upload changes nothing; results read back", async () => {
    const res = await upload(as.principal as TestClient, vgs.id, GOOD);
    const run = await finished(as.principal as TestClient, vgs.id, res.json().importId);
    expect(run.status).toBe("done");
    expect(run.counts).toEqual({
      rows: 270,
      imported: 270,
      unchanged: 0,
      hidden: 10,
      otherUnits: 0,
      skipped: 0,
    });
    const again = await upload(as.deputy as TestClient, vgs.id, GOOD);
    const second = await finished(as.deputy as TestClient, vgs.id, again.json().importId);
    expect(second.counts).toMatchObject({ imported: 0, unchanged: 270 });

    const results = await (as.principal as TestClient).get(
      `/api/schools/${vgs.id}/national-surveys/results`,
    );
    expect(results.statusCode).toBe(200);
    const body = results.json();
    expect(body.years).toEqual(["2024-25", "2025-26"]);
    expect(body.trinn).toEqual(["Vg1", "Vg2", "Vg3"]);
    const hidden = body.results.filter((r: { hidden: boolean }) => r.hidden);
    expect(hidden).toHaveLength(10);
    expect(hidden.every((r: { score: number | null }) => r.score === null)).toBe(true);
    const audit = await t.database.db
      .selectFrom("audit_log")
      .select("action")
      .where("school_id", "=", vgs.id)
      .where("action", "like", "surveyNational.import.%")
      .execute();
    expect(audit.map((a) => a.action).sort()).toEqual([
      "surveyNational.import.failed",
      "surveyNational.import.failed",
      "surveyNational.import.finished",
      "surveyNational.import.finished",
      ...Array(4).fill("surveyNational.import.started"),
    ]);
  });

  it("Udir API rows (JSON) with a chosen unit", async () => {
    const rows = [
      {
        EnhetNavn: "Demo VGS (Udir-navn) ",
        Organisasjonsnummer: null,
        Skoleaarnavn: "2023-24",
        Trinnnavn: "Videregående trinn 2",
        Kjoenn: "Alle kjønn",
        Spoersmaalgruppe: "Læringsmiljø",
        Spoersmaalnavn: "Trivsel",
        Score: "4,0",
        AntallBesvart: "1 102",
        AndelMobbet: null,
      },
    ];
    const res = await upload(
      as.principal as TestClient,
      vgs.id,
      JSON.stringify(rows),
      "demo vgs (udir-navn)",
    );
    const run = await finished(as.principal as TestClient, vgs.id, res.json().importId);
    expect(run.counts).toMatchObject({ rows: 1, imported: 1 });
  });

  it("lists earlier imports for the importers", async () => {
    const res = await (as.principal as TestClient).get(
      `/api/schools/${vgs.id}/national-surveys/imports`,
    );
    expect(res.statusCode).toBe(200);
    expect(res.json().imports.length).toBeGreaterThanOrEqual(4);
  });
});

describe("who may", () => {
  it.each(["counsellor", "ownerOfficer", "deputy"])("%s reads the results", async (who) => {
    const res = await (as[who] as TestClient).get(
      `/api/schools/${vgs.id}/national-surveys/results`,
    );
    expect(res.statusCode).toBe(200);
  });

  it.each(["contactTeacher", "pupil", "guardian", "otherPrincipal", "otherOwnerOfficer"])(
    "%s cannot read the results",
    async (who) => {
      const res = await (as[who] as TestClient).get(
        `/api/schools/${vgs.id}/national-surveys/results`,
      );
      expect(res.statusCode).toBe(403);
    },
  );

  it.each(["counsellor", "contactTeacher", "pupil", "guardian", "otherPrincipal", "ownerOfficer"])(
    "%s cannot upload or list imports",
    async (who) => {
      const client = as[who] as TestClient;
      expect((await upload(client, vgs.id, GOOD)).statusCode).toBe(403);
      const list = await client.get(`/api/schools/${vgs.id}/national-surveys/imports`);
      expect(list.statusCode).toBe(403);
    },
  );

  it("another school's run is not found through one's own school", async () => {
    const res = await upload(as.principal as TestClient, vgs.id, GOOD);
    const { importId } = res.json();
    await finished(as.principal as TestClient, vgs.id, importId);
    const peek = await (as.otherPrincipal as TestClient).get(
      `/api/schools/${other.id}/national-surveys/imports/${importId}`,
    );
    expect(peek.statusCode).toBe(404);
  });

  it("anonymous callers get 401", async () => {
    expect(
      (await t.anonymous.get(`/api/schools/${vgs.id}/national-surveys/results`)).statusCode,
    ).toBe(401);
    expect((await upload(t.anonymous, vgs.id, GOOD)).statusCode).toBe(401);
  });
});
