// Import of people and groups through the API: the real OneRoster sample set, the CSV
// template, all-or-nothing, idempotency, progress and access.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ImportRunner } from "../../src/server/people/import/run.ts";
import { createRootLogger } from "../../src/server/platform/logging.ts";
import {
  generatedSchool,
  importAndWait,
  multipart,
  oneRosterFiles,
  templateFile,
  upload,
  waitForRun,
} from "../fixtures/import/helpers.ts";
import { createTestApp, type TestApp, type TestClient } from "../support/app.ts";
import { testEngine } from "../support/engine.ts";
import { demoSchools, personWithRole } from "../support/people.ts";

let t: TestApp;
let schools: Awaited<ReturnType<typeof demoSchools>>;
let principal: TestClient;
let smallPrincipal: TestClient;

beforeAll(async () => {
  t = await createTestApp();
  schools = await demoSchools(t.database.db);
  principal = await t.as(
    await personWithRole(t.database.db, "principal", { schoolId: schools.big.id }),
  );
  smallPrincipal = await t.as(
    await personWithRole(t.database.db, "principal", { schoolId: schools.small.id }),
  );
});
afterAll(() => t.close());

const db = () => t.database.db;

async function countPeople(source: string) {
  const row = await db()
    .selectFrom("person")
    .select((eb) => eb.fn.countAll<string>().as("n"))
    .where("external_source", "=", source)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

async function rolesAt(schoolId: string, source: string) {
  return db()
    .selectFrom("role_assignment as r")
    .innerJoin("person as p", "p.id", "r.person_id")
    .select(["r.role", "r.group_id", "r.grade", "p.external_id"])
    .where("r.school_id", "=", schoolId)
    .where("p.external_source", "=", source)
    .execute();
}

describe("OneRoster 1.1: the real Ed-Fi sample set", () => {
  it("imports as it is, with the expected counts", async () => {
    const run = await importAndWait(principal, schools.big.id, "oneroster", oneRosterFiles());
    expect(run.problems.filter((p) => p.severity === "error")).toEqual([]);
    expect(run.status).toBe("done");
    expect(run.totalRows).toBe(51);
    expect(run.processedRows).toBe(51);
    expect(run.summary).toMatchObject({
      people: { created: 10, updated: 0, unchanged: 0 },
      groups: { created: 2, updated: 0, unchanged: 0 },
      // 20 student enrollments over two terms are 10 memberships; 4 teacher ones are 2.
      memberships: { created: 12, updated: 0, unchanged: 0 },
      roles: { created: 10, updated: 0, unchanged: 0 },
      guardianships: { created: 0, updated: 0, unchanged: 0 },
      dryRun: false,
    });

    const source = `oneroster:${schools.big.ownerId}`;
    expect(await countPeople(source)).toBe(10);
    const roles = await rolesAt(schools.big.id, source);
    expect(roles.filter((r) => r.role === "pupil")).toHaveLength(8);
    expect(roles.filter((r) => r.role === "pupil").every((r) => r.grade === "9")).toBe(true);
    const teacherRoles = roles.filter((r) => r.role === "subjectTeacher");
    expect(teacherRoles).toHaveLength(2);
    expect(teacherRoles.every((r) => r.group_id !== null)).toBe(true);

    const groups = await db()
      .selectFrom("study_group")
      .select(["kind", "name", "grade", "subject", "external_id"])
      .where("school_id", "=", schools.big.id)
      .where("external_id", "in", ["25590100101Trad120ENG112011", "25590100102Trad220ALG112011"])
      .orderBy("name")
      .execute();
    expect(groups).toEqual([
      {
        kind: "teachingGroup",
        name: "ALG-1",
        grade: "9",
        subject: "Algebra I",
        external_id: "25590100102Trad220ALG112011",
      },
      {
        kind: "teachingGroup",
        name: "ENG-1",
        grade: "9",
        subject: "English I",
        external_id: "25590100101Trad120ENG112011",
      },
    ]);
    // Demographics: birth date and sex land on the person; a middle name joins the given name.
    const mary = await db()
      .selectFrom("person")
      .select(["given_name", "family_name", "birth_date", "gender", "email"])
      .where("external_source", "=", source)
      .where("external_id", "=", "604863")
      .executeTakeFirstOrThrow();
    expect(mary).toEqual({
      given_name: "Mary",
      family_name: "Archer",
      birth_date: "1997-05-30",
      gender: "female",
      email: "mary.archer@studentgps.org",
    });
    const peter = await db()
      .selectFrom("person")
      .select("given_name")
      .where("external_source", "=", source)
      .where("external_id", "=", "604918")
      .executeTakeFirstOrThrow();
    expect(peter.given_name).toBe("Peter Ivan");
  });

  it("re-imports without duplicates: everything unchanged", async () => {
    const run = await importAndWait(principal, schools.big.id, "oneroster", oneRosterFiles());
    expect(run.status).toBe("done");
    expect(run.summary).toMatchObject({
      people: { created: 0, updated: 0, unchanged: 10 },
      groups: { created: 0, updated: 0, unchanged: 2 },
      memberships: { created: 0, unchanged: 12 },
      roles: { created: 0, updated: 0, unchanged: 10 },
    });
    expect(await countPeople(`oneroster:${schools.big.ownerId}`)).toBe(10);
  });

  it("re-imports a changed set: updates in place", async () => {
    const files = oneRosterFiles().map((f) =>
      f.name === "users.csv"
        ? { ...f, data: Buffer.from(f.data.toString().replace("Mary,Archer", "Mary,Archer-Berg")) }
        : f,
    );
    const run = await importAndWait(principal, schools.big.id, "oneroster", files);
    expect(run.status).toBe("done");
    expect(run.summary).toMatchObject({ people: { created: 0, updated: 1, unchanged: 9 } });
    expect(await countPeople(`oneroster:${schools.big.ownerId}`)).toBe(10);
  });

  it("writes audit rows with counts and ids, never names", async () => {
    const rows = await db()
      .selectFrom("audit_log")
      .select(["action", "detail", "actor_id"])
      .where("school_id", "=", schools.big.id)
      .where("action", "like", "import.%")
      .orderBy("seq")
      .execute();
    expect(rows.map((r) => r.action)).toContain("import.applied");
    const text = JSON.stringify(rows.map((r) => r.detail));
    for (const name of ["Mary", "Archer", "Preston", "Christian"]) expect(text).not.toContain(name);
    const applied = rows.find((r) => r.action === "import.applied");
    expect((applied!.detail as { createdPersonIds: string[] }).createdPersonIds).toHaveLength(10);
  });

  it("lists the runs in the history, newest first", async () => {
    const res = await principal.get(`/api/schools/${schools.big.id}/imports`);
    expect(res.statusCode).toBe(200);
    const body = res.json() as {
      imports: { status: string; format: string; problems?: unknown }[];
    };
    expect(body.imports.length).toBeGreaterThanOrEqual(3);
    expect(body.imports[0]?.format).toBe("oneroster");
    expect(body.imports[0]).not.toHaveProperty("problems");
  });

  it("refuses a set whose orgs hold several schools, none of them this one", async () => {
    const files = oneRosterFiles().map((f) =>
      f.name === "orgs.csv"
        ? {
            ...f,
            data: Buffer.from(
              `${f.data.toString()}\n255901002,,,Other High School,school,,255901,,,,,`,
            ),
          }
        : f,
    );
    const run = await importAndWait(principal, schools.big.id, "oneroster", files);
    expect(run.status).toBe("failed");
    expect(run.problems.map((p) => p.code)).toContain("import.orgMismatch");
  });

  it("reports an enrollment to an unknown class with file, line and column", async () => {
    const files = oneRosterFiles().map((f) =>
      f.name === "enrollments.csv"
        ? {
            ...f,
            data: Buffer.from(
              f.data
                .toString()
                .replace("25590100101Trad120ENG112011,255901001,604874", "NOPE,255901001,604874"),
            ),
          }
        : f,
    );
    const run = await importAndWait(smallPrincipal, schools.small.id, "oneroster", files);
    expect(run.status).toBe("failed");
    expect(run.problems).toContainEqual(
      expect.objectContaining({
        file: "enrollments.csv",
        line: 5,
        column: "classSourcedId",
        code: "import.unknownClass",
        params: { id: "NOPE" },
      }),
    );
    // Nothing of the set reached the small school.
    const groups = await db()
      .selectFrom("study_group")
      .select("id")
      .where("school_id", "=", schools.small.id)
      .where("external_id", "=", "25590100102Trad220ALG112011")
      .execute();
    expect(groups).toEqual([]);
  });
});

describe("CSV template", () => {
  it("reads UTF-8 with BOM, semicolons and CRLF; keeps æøå; links guardians", async () => {
    const file = templateFile([
      [
        "elev",
        "bom-1",
        "Åse",
        "Ødegård",
        "ase@skole.invalid",
        "8A",
        "8",
        "Spansk 8, Valgfag Friluft",
        "",
        "",
        "ase@skole.no",
      ],
      ["elev", "bom-2", "Øystein", "Bråten", "", "8A", "8", "Spansk 8", "", "", ""],
      [
        "lærer",
        "bom-3",
        "Kåre",
        "Ærlig",
        "kare@skole.invalid",
        "8A",
        "",
        "Spansk 8",
        "",
        "trinnansvarlig",
        "",
      ],
      ["foresatt", "bom-4", "Bjørg", "Ødegård", "", "", "", "", "bom-1, bom-2", "", ""],
    ]);
    const run = await importAndWait(principal, schools.big.id, "csv", [file]);
    expect(run.problems).toEqual([]);
    expect(run.status).toBe("done");
    expect(run.summary).toMatchObject({
      people: { created: 4 },
      groups: { created: 3 },
      // 2 pupils in 8A + 3 teaching group places + teacher in 8A and Spansk 8.
      memberships: { created: 7 },
      guardianships: { created: 2 },
    });
    const source = `csv:${schools.big.ownerId}`;
    const ase = await db()
      .selectFrom("person")
      .select(["given_name", "family_name", "feide_id"])
      .where("external_source", "=", source)
      .where("external_id", "=", "bom-1")
      .executeTakeFirstOrThrow();
    expect(ase).toEqual({ given_name: "Åse", family_name: "Ødegård", feide_id: "ase@skole.no" });
    const roles = await rolesAt(schools.big.id, source);
    expect(roles.map((r) => `${r.external_id}:${r.role}`).sort()).toEqual([
      "bom-1:pupil",
      "bom-2:pupil",
      "bom-3:contactTeacher",
      "bom-3:gradeLeader",
      "bom-3:subjectTeacher",
      "bom-4:guardian",
    ]);
    // The pupil role names the pupil's class.
    const cls = await db()
      .selectFrom("study_group")
      .select(["id", "kind", "grade"])
      .where("school_id", "=", schools.big.id)
      .where("external_id", "=", "class:8a")
      .executeTakeFirstOrThrow();
    expect(cls.kind).toBe("class");
    expect(cls.grade).toBe("8");
    expect(roles.find((r) => r.external_id === "bom-1" && r.role === "pupil")?.group_id).toBe(
      cls.id,
    );
  });

  it("reads a Windows-1252 file with æøå and warns about the encoding", async () => {
    const text =
      "type,id,fornavn,etternavn,klasse,trinn\r\n" +
      "elev,w1252-1,Bjørn,Ærøy,9B,9\r\n" +
      "elev,w1252-2,Gøril,Håland,9B,9\r\n";
    const data = Buffer.from(text, "latin1");
    const run = await importAndWait(principal, schools.big.id, "csv", [
      { name: "elever.csv", data },
    ]);
    expect(run.status).toBe("done");
    expect(run.problems).toEqual([
      expect.objectContaining({ code: "import.encodingFallback", severity: "warning", line: null }),
    ]);
    const names = await db()
      .selectFrom("person")
      .select(["given_name", "family_name"])
      .where("external_source", "=", `csv:${schools.big.ownerId}`)
      .where("external_id", "in", ["w1252-1", "w1252-2"])
      .orderBy("external_id")
      .execute();
    expect(names).toEqual([
      { given_name: "Bjørn", family_name: "Ærøy" },
      { given_name: "Gøril", family_name: "Håland" },
    ]);
  });

  it("reports a missing required column on line 1", async () => {
    const file = templateFile([["elev", "mc-1", "Ola", "8A"]], {
      header: "type;id;fornavn;klasse",
    });
    const run = await importAndWait(principal, schools.big.id, "csv", [file]);
    expect(run.status).toBe("failed");
    expect(run.problems).toEqual([
      expect.objectContaining({
        file: "elever.csv",
        line: 1,
        code: "import.missingColumn",
        params: { column: "family_name" },
      }),
    ]);
  });

  it("reports every duplicate id with the line of the first", async () => {
    const file = templateFile([
      ["elev", "dup-1", "Ola", "Nordmann", "", "8A", "8", "", "", "", ""],
      ["elev", "dup-2", "Kari", "Nordmann", "", "8A", "8", "", "", "", ""],
      ["elev", "dup-1", "Per", "Nordmann", "", "8A", "8", "", "", "", ""],
      ["elev", "dup-2", "Pål", "Nordmann", "", "8A", "8", "", "", "", ""],
    ]);
    const run = await importAndWait(principal, schools.big.id, "csv", [file]);
    expect(run.status).toBe("failed");
    expect(run.problems.map((p) => [p.line, p.column, p.code, p.params])).toEqual([
      [4, "id", "import.duplicateId", { id: "dup-1", firstLine: 2 }],
      [5, "id", "import.duplicateId", { id: "dup-2", firstLine: 3 }],
    ]);
  });

  it("one bad row among many: nothing is imported and every bad row is reported", async () => {
    const rows = generatedSchool(100, "many");
    // Three bad rows far apart: a bad e-mail, an unknown role, a guardian of nobody.
    // Rows 0-3 are teachers, then pupil i at 4 + 2i and its guardian at 5 + 2i.
    const bad = [10, 120, 201];
    rows[bad[0]!]![4] = "not-an-email";
    rows[bad[1]!]![9] = "rektor";
    rows[bad[2]!]![8] = "nobody";
    const before = await countPeople(`csv:${schools.big.ownerId}`);
    const run = await importAndWait(principal, schools.big.id, "csv", [templateFile(rows)]);
    expect(run.status).toBe("failed");
    const errors = run.problems.filter((p) => p.severity === "error");
    // Line = index + 2 (header is line 1).
    expect(errors.map((p) => [p.line, p.code])).toEqual([
      [12, "import.badEmail"],
      [122, "import.roleNotImportable"],
      [203, "import.unknownPupil"],
    ]);
    expect(errors[0]?.column).toBe("email");
    expect(await countPeople(`csv:${schools.big.ownerId}`)).toBe(before);
  });

  it("with partial=true imports the good rows and skips the bad one", async () => {
    const rows = generatedSchool(10, "part");
    rows[3]![4] = "broken@";
    const run = await importAndWait(smallPrincipal, schools.small.id, "csv", [templateFile(rows)], {
      partial: "true",
    });
    expect(run.status).toBe("done");
    expect(run.errorCount).toBe(1);
    // 10 pupils + 10 guardians + 1 teacher, minus the bad row.
    expect(run.summary).toMatchObject({ people: { created: 20 }, partial: true });
  });

  it("a dry run reports what would change and changes nothing", async () => {
    const rows = generatedSchool(25, "dry");
    const before = await countPeople(`csv:${schools.big.ownerId}`);
    const run = await importAndWait(principal, schools.big.id, "csv", [templateFile(rows)], {
      dryRun: "true",
    });
    expect(run.status).toBe("done");
    expect(run.summary).toMatchObject({ people: { created: 51 }, dryRun: true });
    expect(await countPeople(`csv:${schools.big.ownerId}`)).toBe(before);
  });

  it("refuses a person who would be both staff and guardian at the school", async () => {
    const file = templateFile([
      ["elev", "sf-1", "Ola", "Nordmann", "", "8A", "8", "", "", "", ""],
      ["lærer", "sf-2", "Kari", "Nordmann", "", "8A", "", "", "", "", ""],
      ["foresatt", "sf-2", "Kari", "Nordmann", "", "", "", "", "sf-1", "", ""],
    ]);
    const run = await importAndWait(principal, schools.big.id, "csv", [file]);
    expect(run.status).toBe("failed");
    expect(run.problems.map((p) => [p.line, p.code])).toContainEqual([4, "import.staffAndFamily"]);
  });

  it("refuses a Feide name that belongs to someone the school does not manage", async () => {
    const other = await personWithRole(db(), "principal", { schoolId: schools.small.id });
    const { feide_id } = await db()
      .selectFrom("person")
      .select("feide_id")
      .where("id", "=", other)
      .executeTakeFirstOrThrow();
    expect(feide_id).toBeTruthy();
    const file = templateFile([
      ["elev", "fe-1", "Ola", "Nordmann", "", "8A", "8", "", "", "", String(feide_id)],
    ]);
    const run = await importAndWait(principal, schools.big.id, "csv", [file]);
    expect(run.status).toBe("failed");
    expect(run.problems).toEqual([
      expect.objectContaining({ line: 2, column: "feide_id", code: "import.feideIdTaken" }),
    ]);
  });

  it("translates problem messages (nb by default, en on request)", async () => {
    const file = templateFile([["elev", "tr-1", "Ola", "", "", "8A", "8", "", "", "", ""]]);
    const res = await upload(principal, schools.big.id, "csv", [file]);
    const { importId } = res.json() as { importId: string };
    const nb = await waitForRun(principal, schools.big.id, importId);
    expect(nb.problems[0]?.message).toBe("Verdien mangler.");
    const en = await waitForRun(principal, schools.big.id, importId, { "accept-language": "en" });
    expect(en.problems[0]?.message).toBe("The value is missing.");
    const nn = await waitForRun(principal, schools.big.id, importId, { "x-trygg-lang": "nn" });
    expect(nn.problems[0]?.message).toBe("Verdien manglar.");
  });

  it("imports a generated 5,000-row file and re-imports it without duplicates", async () => {
    const rows = generatedSchool(2450, "big");
    rows.push(["ansatt", "big-s1", "Rådgiver", "Testesen", "", "", "", "", "", "rådgiver", ""]);
    rows.push(["ansatt", "big-s2", "Helse", "Testesen", "", "", "", "", "", "helsesykepleier", ""]);
    expect(rows).toHaveLength(5000);
    const file = templateFile(rows);
    const t0 = performance.now();
    const run = await importAndWait(smallPrincipal, schools.small.id, "csv", [file]);
    const first = performance.now() - t0;
    expect(run.problems.filter((p) => p.severity === "error")).toEqual([]);
    expect(run.status).toBe("done");
    expect(run.totalRows).toBe(5000);
    expect(run.summary).toMatchObject({
      people: { created: 5000 },
      guardianships: { created: 2450 },
    });
    // 98 classes and 5 teaching groups; a few exist from the partial import above.
    const groups = run.summary.groups as { created: number; unchanged: number };
    expect(groups.created + groups.unchanged).toBe(98 + 5);
    const t1 = performance.now();
    const again = await importAndWait(smallPrincipal, schools.small.id, "csv", [file]);
    const second = performance.now() - t1;
    expect(again.summary).toMatchObject({
      people: { created: 0, updated: 0, unchanged: 5000 },
      roles: { created: 0, updated: 0 },
      memberships: { created: 0 },
    });
    console.log(
      `import of 5,000 rows (${file.data.length} bytes): first ${first.toFixed(0)} ms, re-import ${second.toFixed(0)} ms`,
    );
  });
});

describe("progress", () => {
  it("the in-process progress moves while the transaction runs", async () => {
    const runner = new ImportRunner({
      database: t.database,
      clock: () => t.now.value,
      logger: createRootLogger("silent"),
    });
    const { importId, done } = await runner.start({
      schoolId: schools.small.id,
      format: "csv",
      files: [templateFile(generatedSchool(1500, "prog"))],
      dryRun: true,
      partial: false,
      actorId: null,
    });
    const seen: { status: string; processed: number; total: number }[] = [];
    const timer = setInterval(() => {
      const p = runner.board.get(importId);
      if (p) seen.push({ status: p.status, processed: p.processedRows, total: p.totalRows });
    }, 2);
    const outcome = await done;
    clearInterval(timer);
    expect(outcome.status).toBe("done");
    expect(
      seen.some((s) => s.status === "importing" && s.processed > 0 && s.processed < s.total),
    ).toBe(true);
    const processed = seen.map((s) => s.processed);
    expect(processed).toEqual([...processed].sort((a, b) => a - b));
    expect(runner.board.get(importId)).toBeUndefined();
  });

  it.runIf(testEngine() === "postgres")(
    "on PostgreSQL, progress is written outside the transaction for other connections",
    async () => {
      const res = await upload(
        smallPrincipal,
        schools.small.id,
        "csv",
        [templateFile(generatedSchool(1500, "pgprog"))],
        { dryRun: "true" },
      );
      expect(res.statusCode).toBe(202);
      const { importId } = res.json() as { importId: string };
      const seen: number[] = [];
      for (;;) {
        // A plain query on another pooled connection: not the HTTP route's in-memory map.
        const row = await db()
          .selectFrom("import_run")
          .select(["status", "processed_rows", "total_rows"])
          .where("id", "=", importId)
          .executeTakeFirstOrThrow();
        if (row.status === "importing") seen.push(row.processed_rows);
        if (row.status === "done" || row.status === "failed") break;
        await new Promise((r) => setTimeout(r, 20));
      }
      expect(seen.some((n) => n > 0)).toBe(true);
    },
  );
});

describe("upload checks", () => {
  it("refuses a binary file with import.notCsv", async () => {
    const res = await upload(principal, schools.big.id, "csv", [
      { name: "bilde.csv", data: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 1, 2, 3]) },
    ]);
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: "import.notCsv", file: "bilde.csv" });
  });

  it("refuses an Excel workbook with a hint to save as CSV", async () => {
    const xlsx = Buffer.concat([
      Buffer.from([0x50, 0x4b, 0x03, 0x04]),
      Buffer.alloc(26),
      Buffer.from("[Content_Types].xml"),
    ]);
    const res = await upload(principal, schools.big.id, "csv", [
      { name: "elever.xlsx", data: xlsx },
    ]);
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: "import.spreadsheet" });
  });

  it("refuses an upload without files, with an unknown format, or two files for csv", async () => {
    const noFiles = multipart([{ name: "format", data: "csv" }]);
    const r1 = await principal.request({
      method: "POST",
      url: `/api/schools/${schools.big.id}/imports`,
      payload: noFiles.payload,
      headers: noFiles.headers,
    });
    expect(r1.statusCode).toBe(400);
    expect(r1.json()).toMatchObject({ code: "import.noFiles" });

    const f = templateFile([]);
    const r2 = await upload(principal, schools.big.id, "xml" as "csv", [f]);
    expect(r2.statusCode).toBe(400);
    expect(r2.json()).toMatchObject({ code: "import.unsupportedFormat" });

    const r3 = await upload(principal, schools.big.id, "csv", [f, { ...f, name: "b.csv" }]);
    expect(r3.statusCode).toBe(400);
    expect(r3.json()).toMatchObject({ code: "import.oneFileOnly" });

    const r4 = await principal.post(`/api/schools/${schools.big.id}/imports`, { format: "csv" });
    expect(r4.statusCode).toBe(400);
    expect(r4.json()).toMatchObject({ code: "import.noFiles" });
  });

  it("refuses an oversized upload with 413 body.tooLarge", async () => {
    const small = await createTestApp({ MAX_UPLOAD_MB: "1" });
    try {
      const s = await demoSchools(small.database.db);
      const client = await small.as(
        await personWithRole(small.database.db, "principal", { schoolId: s.big.id }),
      );
      const big = templateFile(generatedSchool(8000, "huge"));
      expect(big.data.length).toBeGreaterThan(1024 * 1024);
      const res = await upload(client, s.big.id, "csv", [big]);
      expect(res.statusCode).toBe(413);
      expect(res.json()).toMatchObject({ code: "body.tooLarge" });
    } finally {
      await small.close();
    }
  });
});

describe("access", () => {
  const file = () =>
    templateFile([["elev", "acc-1", "Ola", "Nordmann", "", "8A", "8", "", "", "", ""]]);

  it("lets the deputy and the administrative leader import", async () => {
    for (const role of ["deputy", "adminLeader"]) {
      const id = await personWithRole(db(), role, { schoolId: schools.big.id });
      const client = await t.as(id);
      const res = await upload(client, schools.big.id, "csv", [file()]);
      expect({ role, status: res.statusCode }).toEqual({ role, status: 202 });
      const { importId } = res.json() as { importId: string };
      await waitForRun(client, schools.big.id, importId);
    }
  });

  it("lets a system administrator import", async () => {
    const admin = await db()
      .selectFrom("person")
      .select("id")
      .where("is_system_admin", "=", true)
      .executeTakeFirstOrThrow();
    const client = await t.as(admin.id);
    const res = await upload(client, schools.small.id, "csv", [file()]);
    expect(res.statusCode).toBe(202);
    const { importId } = res.json() as { importId: string };
    await waitForRun(client, schools.small.id, importId);
  });

  it("denies a teacher, a pupil and a guardian", async () => {
    for (const role of ["contactTeacher", "pupil", "guardian"]) {
      const client = await t.as(await personWithRole(db(), role, { schoolId: schools.big.id }));
      const post = await upload(client, schools.big.id, "csv", [file()]);
      expect({ role, status: post.statusCode }).toEqual({ role, status: 403 });
      const list = await client.get(`/api/schools/${schools.big.id}/imports`);
      expect({ role, status: list.statusCode }).toEqual({ role, status: 403 });
    }
  });

  it("denies the principal of another school", async () => {
    const res = await upload(smallPrincipal, schools.big.id, "csv", [file()]);
    expect(res.statusCode).toBe(403);
    const list = await smallPrincipal.get(`/api/schools/${schools.big.id}/imports`);
    expect(list.statusCode).toBe(403);
  });

  it("answers 404 for another school's import id", async () => {
    const res = await upload(principal, schools.big.id, "csv", [file()]);
    const { importId } = res.json() as { importId: string };
    await waitForRun(principal, schools.big.id, importId);
    const other = await smallPrincipal.get(`/api/schools/${schools.small.id}/imports/${importId}`);
    expect(other.statusCode).toBe(404);
    const junk = await principal.get(`/api/schools/${schools.big.id}/imports/not-a-uuid`);
    expect(junk.statusCode).toBe(404);
  });

  it("refuses anonymous callers", async () => {
    const res = await upload(t.anonymous, schools.big.id, "csv", [file()]);
    expect(res.statusCode).toBe(401);
  });
});
