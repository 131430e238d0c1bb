// The school-year calendar and the group list of a school: who may read and edit them, what
// a valid year is, and that a refused change leaves nothing behind.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp, type TestClient } from "../support/app.ts";
import { demoSchools, personWithRole } from "../support/people.ts";

let t: TestApp;
let big: { id: string; ownerId: string };
let small: { id: string; ownerId: string };
const as: Record<string, TestClient> = {};

const count = async (table: "school_year" | "school_year_break") =>
  Number(
    (
      await t.database.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<string>().as("n"))
        .executeTakeFirstOrThrow()
    ).n,
  );
const counts = async () => ({
  years: await count("school_year"),
  breaks: await count("school_year_break"),
});
const auditCount = async (action: string) =>
  Number(
    (
      await t.database.db
        .selectFrom("audit_log")
        .select((eb) => eb.fn.countAll<string>().as("n"))
        .where("action", "=", action)
        .executeTakeFirstOrThrow()
    ).n,
  );

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  ({ big, small } = await demoSchools(db));
  const people: Record<string, string> = {
    principal: await personWithRole(db, "principal", { schoolId: big.id }),
    deputy: await personWithRole(db, "deputy", { schoolId: big.id }),
    subjectTeacher: await personWithRole(db, "subjectTeacher", { schoolId: big.id }),
    caretaker: await personWithRole(db, "caretaker", { schoolId: big.id }),
    pupil: await personWithRole(db, "pupil", { schoolId: big.id }),
    guardian: await personWithRole(db, "guardian", { schoolId: big.id }),
    otherPrincipal: await personWithRole(db, "principal", { schoolId: small.id }),
    areaDirector: await personWithRole(db, "areaDirector"),
  };
  for (const [name, id] of Object.entries(people)) as[name] = await t.as(id);
});
afterAll(() => t.close());

const years = () => `/api/schools/${big.id}/years`;

/** A valid year, built like a school would write it. */
const validYear = (label = "2027-2028") => ({
  label,
  startsOn: "2027-08-18",
  endsOn: "2028-06-20",
  breaks: [
    {
      kind: "planningDay",
      label: "Planleggingsdager",
      startsOn: "2027-08-18",
      endsOn: "2027-08-20",
    },
    { kind: "holiday", label: "Høstferie", startsOn: "2027-10-04", endsOn: "2027-10-08" },
    { kind: "holiday", label: "Juleferie", startsOn: "2027-12-21", endsOn: "2028-01-02" },
    { kind: "planningDay", label: "Planleggingsdag", startsOn: "2028-01-03", endsOn: "2028-01-03" },
  ],
});

describe("GET /api/schools/:schoolId/years", () => {
  it("shows the demo year with its breaks to the staff", async () => {
    for (const who of ["principal", "subjectTeacher", "caretaker"]) {
      const res = await as[who]!.get(years());
      expect(res.statusCode, who).toBe(200);
      const body = res.json();
      expect(body).toHaveLength(1);
      expect(body[0]).toMatchObject({ label: "2026-2027", startsOn: expect.any(String) });
      expect(body[0].breaks.length).toBeGreaterThan(3);
      expect(body[0].breaks[0]).toEqual({
        id: expect.any(String),
        kind: expect.stringMatching(/^(holiday|planningDay)$/),
        label: expect.any(String),
        startsOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
        endsOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
      });
    }
  });

  it("is open to the school owner", async () => {
    expect((await as.areaDirector!.get(years())).statusCode).toBe(200);
  });

  it("refuses anonymous callers, pupils, guardians and the other school's principal", async () => {
    expect((await t.anonymous.get(years())).statusCode).toBe(401);
    expect((await as.pupil!.get(years())).statusCode).toBe(403);
    expect((await as.guardian!.get(years())).statusCode).toBe(403);
    expect((await as.otherPrincipal!.get(years())).statusCode).toBe(403);
  });

  it("answers 404 for a school that does not exist", async () => {
    const res = await as.principal!.get("/api/schools/00000000-0000-4000-8000-000000000000/years");
    expect(res.statusCode).toBe(404);
  });
});

describe("GET /api/schools/:schoolId/years/proposal", () => {
  it("proposes a year the school can save as it is", async () => {
    const res = await as.principal!.get(`${years()}/proposal?startYear=2027`);
    expect(res.statusCode).toBe(200);
    const proposal = res.json();
    expect(proposal).toMatchObject({
      label: "2027-2028",
      startsOn: "2027-08-18",
      endsOn: "2028-06-20",
    });
    expect(proposal.breaks.map((b: { label: string }) => b.label)).toEqual([
      "Planleggingsdager",
      "Høstferie",
      "Juleferie",
      "Vinterferie",
      "Påskeferie",
    ]);
    const before = await counts();
    const saved = await as.principal!.post(years(), proposal);
    expect(saved.statusCode).toBe(201);
    expect(await counts()).toEqual({ years: before.years + 1, breaks: before.breaks + 5 });
  });

  it("labels the proposal in the caller's language", async () => {
    const res = await as.principal!.request({
      method: "GET",
      url: `${years()}/proposal?startYear=2030`,
      headers: { "x-trygg-lang": "en" },
    });
    expect(res.json().breaks.map((b: { label: string }) => b.label)).toContain("Autumn break");
  });

  it("refuses a start year that is not a year", async () => {
    const res = await as.principal!.get(`${years()}/proposal?startYear=abc`);
    expect(res.statusCode).toBe(400);
    expect(res.json().fields).toEqual([
      expect.objectContaining({ path: "startYear", code: "field.invalid" }),
    ]);
  });

  it("is refused to pupils and the other school", async () => {
    expect((await as.pupil!.get(`${years()}/proposal?startYear=2027`)).statusCode).toBe(403);
    expect((await as.otherPrincipal!.get(`${years()}/proposal?startYear=2027`)).statusCode).toBe(
      403,
    );
  });
});

describe("POST /api/schools/:schoolId/years", () => {
  it("creates a year with its breaks, audited", async () => {
    const before = await counts();
    const audits = await auditCount("schoolYear.create");
    const res = await as.deputy!.post(years(), validYear("2028-2029 utkast"));
    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(body).toMatchObject({ id: expect.any(String), label: "2028-2029 utkast" });
    expect(body.breaks.map((b: { startsOn: string }) => b.startsOn)).toEqual([
      "2027-08-18",
      "2027-10-04",
      "2027-12-21",
      "2028-01-03",
    ]);
    expect(await counts()).toEqual({ years: before.years + 1, breaks: before.breaks + 4 });
    expect(await auditCount("schoolYear.create")).toBe(audits + 1);
  });

  it.each<[string, (y: ReturnType<typeof validYear>) => void, { path: string; code: string }[]]>([
    [
      "an end before the start",
      (y) => {
        y.endsOn = "2027-08-01";
      },
      [{ path: "endsOn", code: "calendar.endBeforeStart" }],
    ],
    [
      "a year longer than a year",
      (y) => {
        y.endsOn = "2028-12-20";
      },
      [{ path: "endsOn", code: "calendar.yearTooLong" }],
    ],
    [
      "a holiday outside the year",
      (y) => {
        y.breaks[1] = { ...y.breaks[1]!, startsOn: "2027-07-01", endsOn: "2027-07-05" };
      },
      [{ path: "breaks.1.startsOn", code: "calendar.breakOutsideYear" }],
    ],
    [
      "a holiday ending before it starts",
      (y) => {
        y.breaks[2]!.endsOn = "2027-12-01";
      },
      [{ path: "breaks.2.endsOn", code: "calendar.breakEndsBeforeStart" }],
    ],
    [
      "overlapping holidays",
      (y) => {
        y.breaks.push({
          kind: "holiday",
          label: "Ekstra",
          startsOn: "2027-10-08",
          endsOn: "2027-10-11",
        });
      },
      [{ path: "breaks.4.startsOn", code: "calendar.breaksOverlap" }],
    ],
    [
      "a planning day inside a holiday",
      (y) => {
        y.breaks[3] = { ...y.breaks[3]!, startsOn: "2027-10-05", endsOn: "2027-10-05" };
      },
      [{ path: "breaks.3.startsOn", code: "calendar.breaksOverlap" }],
    ],
    [
      "a planning day on a Saturday",
      (y) => {
        y.breaks[3] = { ...y.breaks[3]!, startsOn: "2028-01-08", endsOn: "2028-01-08" };
      },
      [{ path: "breaks.3.startsOn", code: "calendar.planningDayNotWorkingDay" }],
    ],
    [
      "a date that does not exist",
      (y) => {
        y.startsOn = "2027-02-30";
      },
      [{ path: "startsOn", code: "field.invalidDate" }],
    ],
    [
      "an empty date",
      (y) => {
        y.breaks[2]!.endsOn = "";
      },
      [{ path: "breaks.2.endsOn", code: "field.required" }],
    ],
    [
      "a missing label and a blank break label",
      (y) => {
        y.label = "  ";
        y.breaks[0]!.label = "";
      },
      [
        { path: "label", code: "field.required" },
        { path: "breaks.0.label", code: "field.required" },
      ],
    ],
    [
      "an unknown break kind",
      (y) => {
        (y.breaks[0] as { kind: string }).kind = "party";
      },
      [{ path: "breaks.0.kind", code: "field.invalid" }],
    ],
    [
      "the label of an existing year",
      (y) => {
        y.label = "2026-2027";
      },
      [{ path: "label", code: "calendar.labelTaken" }],
    ],
  ])("refuses %s with a field error and changes nothing", async (_name, mutate, expected) => {
    const before = await counts();
    const body = validYear("2029-2030");
    mutate(body);
    const res = await as.principal!.post(years(), body);
    expect(res.statusCode).toBe(400);
    const json = res.json();
    expect(json.code).toBe("validation.failed");
    expect(
      json.fields.map((f: { path: string; code: string }) => ({ path: f.path, code: f.code })),
    ).toEqual(expected);
    for (const f of json.fields) expect(f.message).toEqual(expect.any(String));
    expect(await counts()).toEqual(before);
  });

  it("translates the field messages", async () => {
    const body = { ...validYear("2031-2032"), endsOn: "2027-08-01" };
    const nb = (await as.principal!.post(years(), body)).json();
    expect(nb.fields[0].message).toBe("Siste dag må komme etter første dag.");
    const en = await as.principal!.request({
      method: "POST",
      url: years(),
      payload: body,
      headers: { "x-trygg-lang": "en" },
    });
    expect(en.json().fields[0].message).toBe("The last day must come after the first day.");
  });

  it("refuses everyone but the school's leaders, and changes nothing", async () => {
    const before = await counts();
    expect((await t.anonymous.post(years(), validYear("x"))).statusCode).toBe(401);
    for (const who of [
      "subjectTeacher",
      "caretaker",
      "pupil",
      "guardian",
      "otherPrincipal",
      "areaDirector",
    ]) {
      expect((await as[who]!.post(years(), validYear(`x-${who}`))).statusCode, who).toBe(403);
    }
    expect(await counts()).toEqual(before);
  });
});

describe("PUT /api/schools/:schoolId/years/:yearId", () => {
  it("replaces the year and all its breaks", async () => {
    const [year] = (await as.principal!.get(years())).json();
    const before = await counts();
    const body = {
      label: year.label,
      startsOn: "2026-08-12",
      endsOn: "2027-06-18",
      breaks: [
        {
          kind: "planningDay",
          label: "Planleggingsdager",
          startsOn: "2026-08-12",
          endsOn: "2026-08-14",
        },
        { kind: "holiday", label: "Høstferie", startsOn: "2026-09-28", endsOn: "2026-10-02" },
      ],
    };
    const res = await as.principal!.put(`${years()}/${year.id}`, body);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ id: year.id, startsOn: "2026-08-12", breaks: [{}, {}] });
    expect(await counts()).toEqual({
      years: before.years,
      breaks: before.breaks - year.breaks.length + 2,
    });
    expect(await auditCount("schoolYear.update")).toBe(1);
  });

  it("refuses an invalid replacement and keeps the old breaks", async () => {
    const [year] = (await as.principal!.get(years())).json();
    const before = await counts();
    const res = await as.principal!.put(`${years()}/${year.id}`, {
      label: year.label,
      startsOn: year.startsOn,
      endsOn: year.endsOn,
      breaks: [{ kind: "holiday", label: "Sommer", startsOn: "2027-06-01", endsOn: "2027-08-01" }],
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().fields[0]).toMatchObject({
      path: "breaks.0.endsOn",
      code: "calendar.breakOutsideYear",
    });
    expect(await counts()).toEqual(before);
    expect((await as.principal!.get(years())).json()[0].breaks).toEqual(year.breaks);
  });

  it("answers 404 for a year of another school and for a malformed id", async () => {
    const [otherYear] = (await as.otherPrincipal!.get(`/api/schools/${small.id}/years`)).json();
    const res = await as.principal!.put(`${years()}/${otherYear.id}`, validYear("stolen"));
    expect(res.statusCode).toBe(404);
    expect((await as.principal!.put(`${years()}/not-a-uuid`, validYear("x"))).statusCode).toBe(404);
  });

  it("refuses staff without the right, pupils, guardians and the other school", async () => {
    const [year] = (await as.principal!.get(years())).json();
    const url = `${years()}/${year.id}`;
    expect((await t.anonymous.put(url, validYear())).statusCode).toBe(401);
    for (const who of ["subjectTeacher", "pupil", "guardian", "otherPrincipal"]) {
      expect((await as[who]!.put(url, validYear())).statusCode, who).toBe(403);
    }
  });
});

describe("GET /api/schools/:schoolId/groups", () => {
  const groups = () => `/api/schools/${big.id}/groups`;

  it("lists classes first, then teaching groups, in Norwegian order, with teachers", async () => {
    const res = await as.subjectTeacher!.get(groups());
    expect(res.statusCode).toBe(200);
    const body: { kind: string; name: string; pupilCount: number; teachers: unknown[] }[] =
      res.json();
    expect(body.length).toBeGreaterThan(24);
    const kinds = body.map((g) => g.kind);
    expect(kinds.indexOf("teachingGroup")).toBe(kinds.lastIndexOf("class") + 1);
    const collator = new Intl.Collator("nb", { numeric: true, sensitivity: "base" });
    const classes = body.filter((g) => g.kind === "class").map((g) => g.name);
    expect(classes).toEqual([...classes].sort(collator.compare));
    const first = body[0]!;
    expect(first.pupilCount).toBeGreaterThan(20);
    expect(first.teachers).toEqual([{ id: expect.any(String), name: expect.any(String) }]);
  });

  it("logs the read", async () => {
    const before = await auditCount("groups.list");
    await as.principal!.get(groups());
    expect(await auditCount("groups.list")).toBe(before + 1);
  });

  it("refuses anonymous callers, pupils, guardians and the other school's principal", async () => {
    expect((await t.anonymous.get(groups())).statusCode).toBe(401);
    expect((await as.pupil!.get(groups())).statusCode).toBe(403);
    expect((await as.guardian!.get(groups())).statusCode).toBe(403);
    expect((await as.otherPrincipal!.get(groups())).statusCode).toBe(403);
  });
});
