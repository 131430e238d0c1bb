// The school's own class surveys (issue #9): who may start, answer and read them, and who
// must not; that an answer is never linked to a pupil (at the SQL level too); that a class
// code gives one answer per device and no more answers than the class has pupils.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp, type TestClient } from "../support/app.ts";
import { demoSchools, personWithRole } from "../support/people.ts";

let t: TestApp;
let schoolId: string;
let ownerId: string;
let classId: string;
let otherClassId: string;
let pupils: string[];
let otherPupil: string;
const as: Record<string, TestClient> = {};

const template = (extra: Record<string, unknown> = {}) => ({
  groupId: classId,
  title: "Miljøundersøkelse høst",
  template: true,
  durationMinutes: 45,
  ...extra,
});
const good = {
  wellbeing: 4,
  breaks: "yes",
  bullied: "never",
  where: [],
  safeWay: 5,
  comment: "Fint",
};

let address = 20;
const device = () => `203.0.113.${address++}`;

async function start(who: string, body: Record<string, unknown>) {
  const res = await as[who]!.post(`/api/schools/${schoolId}/class-surveys`, body);
  return res;
}

async function answerAll(surveyId: string, from: number, count: number) {
  for (const p of pupils.slice(from, from + count)) {
    const c = await t.as(p);
    const res = await c.post(`/api/class-surveys/${surveyId}/answers`, good);
    expect(res.statusCode, res.body).toBe(201);
  }
}

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  const { big, small } = await demoSchools(db);
  schoolId = big.id;
  ownerId = big.ownerId;
  const teachers = await db
    .selectFrom("role_assignment as r")
    .innerJoin("study_group as g", "g.id", "r.group_id")
    .select(["r.person_id", "r.group_id"])
    .where("r.role", "=", "contactTeacher")
    .where("r.school_id", "=", big.id)
    .where("g.kind", "=", "class")
    .orderBy("g.name")
    .execute();
  const [mine, other] = teachers;
  if (!mine?.group_id || !other?.group_id) throw new Error("demo needs two classes");
  classId = mine.group_id;
  otherClassId = other.group_id;
  const members = (group: string) =>
    db
      .selectFrom("group_membership")
      .select("person_id")
      .where("group_id", "=", group)
      .where("member_role", "=", "pupil")
      .orderBy("person_id")
      .execute();
  pupils = (await members(classId)).map((m) => m.person_id);
  otherPupil = ((await members(otherClassId))[0] as { person_id: string }).person_id;
  const ids: Record<string, string> = {
    teacher: mine.person_id,
    otherTeacher: other.person_id,
    principal: await personWithRole(db, "principal", { schoolId: big.id }),
    counsellor: await personWithRole(db, "counsellor", { schoolId: big.id }),
    otherPrincipal: await personWithRole(db, "principal", { schoolId: small.id }),
    otherSchoolPupil: await personWithRole(db, "pupil", { schoolId: small.id }),
    officer: await personWithRole(db, "ownerCaseOfficer", { ownerId }),
    pupil: pupils[0] as string,
    pupil2: pupils[1] as string,
    otherPupil,
  };
  for (const [name, id] of Object.entries(ids)) as[name] = await t.as(id);
});
afterAll(() => t.close());

describe("the answers table cannot identify a pupil (SQL level)", () => {
  it("has only an id, the survey and the answer: no person, session or time", async () => {
    const cols = await t.database.db
      .selectFrom("information_schema.columns" as never)
      .select(["column_name", "data_type", "column_default"] as never[])
      .where("table_name" as never, "=", "class_survey_answer" as never)
      .orderBy("ordinal_position" as never)
      .execute();
    const rows = cols as unknown as {
      column_name: string;
      data_type: string;
      column_default: string | null;
    }[];
    expect(rows.map((c) => c.column_name)).toEqual(["id", "survey_id", "answer"]);
    expect(rows.some((c) => /time|date/.test(c.data_type))).toBe(false);
    // A random id, no serial: the id says nothing about the order of answering.
    expect(rows.find((c) => c.column_name === "id")).toMatchObject({
      data_type: "uuid",
      column_default: "gen_random_uuid()",
    });
  });

  it("references the survey only, and no table references it", async () => {
    const { rows } = await t.database.db.executeQuery<{ source: string; target: string }>({
      sql: `SELECT tc.table_name AS source, ccu.table_name AS target
              FROM information_schema.table_constraints tc
              JOIN information_schema.constraint_column_usage ccu
                ON ccu.constraint_name = tc.constraint_name
             WHERE tc.constraint_type = 'FOREIGN KEY'
               AND (tc.table_name IN ('class_survey_answer', 'class_survey_respondent')
                    OR ccu.table_name = 'class_survey_answer')`,
      parameters: [],
      query: { kind: "SelectQueryNode" } as never,
      queryId: { queryId: "fk" } as never,
    });
    const fks = rows.map((r) => `${r.source}->${r.target}`).sort();
    expect(fks).toEqual([
      "class_survey_answer->class_survey",
      "class_survey_respondent->class_survey",
      "class_survey_respondent->person",
    ]);
  });

  it("keeps 'has answered' without time or answer", async () => {
    const cols = await t.database.db
      .selectFrom("information_schema.columns" as never)
      .select(["column_name"] as never[])
      .where("table_name" as never, "=", "class_survey_respondent" as never)
      .orderBy("ordinal_position" as never)
      .execute();
    expect((cols as unknown as { column_name: string }[]).map((c) => c.column_name)).toEqual([
      "survey_id",
      "person_id",
    ]);
  });
});

describe("starting a survey", () => {
  it("the contact teacher starts one for their own class, with a class code", async () => {
    const res = await start("teacher", template({ classCode: true }));
    expect(res.statusCode, res.body).toBe(201);
    const body = res.json() as { id: string; code: { code: string } };
    expect(body.code.code).toMatch(/^[A-Z2-9]{6}$/);
    const row = await t.database.db
      .selectFrom("class_survey")
      .selectAll()
      .where("id", "=", body.id)
      .executeTakeFirstOrThrow();
    expect(row.minimum_answers).toBe(10);
    expect(row.max_answers).toBe(pupils.length);
    const code = await t.database.db
      .selectFrom("class_survey_code")
      .select("code_hash")
      .where("survey_id", "=", body.id)
      .executeTakeFirstOrThrow();
    expect(code.code_hash).not.toContain(body.code.code);
    const audit = await t.database.db
      .selectFrom("audit_log")
      .select(["actor_id", "detail"])
      .where("action", "=", "classSurvey.started")
      .where("resource_id", "=", body.id)
      .executeTakeFirstOrThrow();
    expect(audit.actor_id).not.toBeNull();
  });

  it("refuses others: another class's teacher, pupils, other schools, owner staff, anonymous", async () => {
    const denied: [string, number][] = [
      ["otherTeacher", 403],
      ["pupil", 403],
      ["otherPrincipal", 403],
      ["officer", 403],
    ];
    const got = [];
    for (const [who] of denied) got.push([who, (await start(who, template())).statusCode]);
    expect(got).toEqual(denied);
    const anon = await t.anonymous.post(`/api/schools/${schoolId}/class-surveys`, template());
    expect(anon.statusCode).toBe(401);
  });

  it("the counsellor and the principal start for any group; own questions are validated", async () => {
    const own = await start("counsellor", {
      ...template({ groupId: otherClassId, template: false }),
      questions: [
        { kind: "scale", text: "Hvordan har du det i timene?" },
        { kind: "single", text: "Hvilken dag er best?", options: ["Mandag", "Fredag"] },
      ],
    });
    expect(own.statusCode, own.body).toBe(201);
    const before = await t.database.db.selectFrom("class_survey").select("id").execute();
    const bad = await start("principal", {
      ...template({ template: false, durationMinutes: 5 }),
      questions: [{ kind: "single", text: " ", options: ["A"] }],
    });
    expect(bad.statusCode).toBe(400);
    const codes = (bad.json() as { fields: { path: string; code: string; message: string }[] })
      .fields;
    expect(codes.map((f) => `${f.path}:${f.code}`).sort()).toEqual([
      "durationMinutes:survey.duration",
      "questions.0.options:survey.optionCount",
      "questions.0.text:survey.questionText",
    ]);
    expect(codes.every((f) => f.message.length > 0)).toBe(true);
    const after = await t.database.db.selectFrom("class_survey").select("id").execute();
    expect(after.length).toBe(before.length);
  });
});

describe("answering and reading results", () => {
  let surveyId: string;

  beforeAll(async () => {
    const res = await start("teacher", template());
    surveyId = (res.json() as { id: string }).id;
  });

  it("lists the open survey for a pupil of the class and not for others", async () => {
    const mine = (await as.pupil!.get("/api/me/class-surveys")).json() as {
      surveys: { id: string }[];
    };
    expect(mine.surveys.map((s) => s.id)).toContain(surveyId);
    const theirs = (await as.otherPupil!.get("/api/me/class-surveys")).json() as {
      surveys: { id: string }[];
    };
    expect(theirs.surveys.map((s) => s.id)).not.toContain(surveyId);
  });

  it("a pupil answers once, and a worrying answer says to tell the school", async () => {
    const form = await as.pupil!.get(`/api/class-surveys/${surveyId}/form`);
    expect(form.statusCode).toBe(200);
    expect(form.json()).toMatchObject({ answered: false });
    const first = await as.pupil!.post(`/api/class-surveys/${surveyId}/answers`, {
      ...good,
      bullied: "weekly",
    });
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json()).toEqual({ helpNow: ["bullied"] });
    const again = await as.pupil!.post(`/api/class-surveys/${surveyId}/answers`, good);
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: "survey.alreadyAnswered" });
    const answers = await t.database.db
      .selectFrom("class_survey_answer")
      .select("id")
      .where("survey_id", "=", surveyId)
      .execute();
    expect(answers).toHaveLength(1);
  });

  it("the audit row of an answer names no one", async () => {
    const rows = await t.database.db
      .selectFrom("audit_log")
      .select(["actor_id", "request_id", "detail"])
      .where("action", "=", "classSurvey.answered")
      .where("resource_id", "=", surveyId)
      .execute();
    expect(rows).toEqual([{ actor_id: null, request_id: null, detail: {} }]);
  });

  it("refuses a bad answer and changes nothing", async () => {
    const res = await as.pupil2!.post(`/api/class-surveys/${surveyId}/answers`, { wellbeing: 9 });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({
      fields: [{ path: "wellbeing", code: "survey.answerInvalid" }],
    });
    const done = await t.database.db
      .selectFrom("class_survey_respondent")
      .select("person_id")
      .where("survey_id", "=", surveyId)
      .execute();
    expect(done).toHaveLength(1);
  });

  it("refuses a pupil of another class (403), another school (404), and anonymous (401)", async () => {
    expect(
      (await as.otherPupil!.post(`/api/class-surveys/${surveyId}/answers`, good)).statusCode,
    ).toBe(403);
    expect((await as.otherPupil!.get(`/api/class-surveys/${surveyId}/form`)).statusCode).toBe(403);
    expect(
      (await as.otherSchoolPupil!.post(`/api/class-surveys/${surveyId}/answers`, good)).statusCode,
    ).toBe(404);
    expect(
      (await t.anonymous.post(`/api/class-surveys/${surveyId}/answers`, good)).statusCode,
    ).toBe(401);
    expect(
      (await as.teacher!.post(`/api/class-surveys/${surveyId}/answers`, good)).statusCode,
    ).toBe(403);
  });

  it("shows the teacher nothing but the count while open and below K", async () => {
    const res = await as.teacher!.get(`/api/class-surveys/${surveyId}`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      state: "open",
      result: null,
      survey: { answers: 1, minimum: 10 },
    });
  });

  it("keeps results from other classes' teachers (403), other schools (404), pupils", async () => {
    expect((await as.otherTeacher!.get(`/api/class-surveys/${surveyId}`)).statusCode).toBe(403);
    expect((await as.otherPrincipal!.get(`/api/class-surveys/${surveyId}`)).statusCode).toBe(404);
    expect((await as.officer!.get(`/api/class-surveys/${surveyId}`)).statusCode).toBe(404);
    expect((await as.pupil!.get(`/api/class-surveys/${surveyId}`)).statusCode).toBe(403);
    expect((await t.anonymous.get(`/api/class-surveys/${surveyId}`)).statusCode).toBe(401);
  });

  it("after closing with K answers: results, free text only for principal and counsellor", async () => {
    await answerAll(surveyId, 1, 10);
    const open = (await as.teacher!.get(`/api/class-surveys/${surveyId}`)).json();
    expect(open).toMatchObject({ state: "open", result: null, survey: { answers: 11 } });
    expect((await as.otherTeacher!.post(`/api/class-surveys/${surveyId}/close`)).statusCode).toBe(
      403,
    );
    expect((await as.teacher!.post(`/api/class-surveys/${surveyId}/close`)).statusCode).toBe(204);
    const late = await as.pupil2!.post(`/api/class-surveys/${surveyId}/answers`, good);
    expect(late.statusCode).toBe(409);
    const teacher = (await as.teacher!.get(`/api/class-surveys/${surveyId}`)).json() as {
      state: string;
      freeText: boolean;
      result: {
        questions: { id: string; texts: string[] | null; cells: { count: number | null }[] }[];
      };
    };
    expect(teacher.state).toBe("shown");
    expect(teacher.freeText).toBe(false);
    const comment = (r: typeof teacher) => r.result.questions.find((q) => q.id === "comment");
    expect(comment(teacher)?.texts).toBeNull();
    expect(JSON.stringify(teacher)).not.toContain("Fint");
    for (const who of ["principal", "counsellor"]) {
      const r = (await as[who]!.get(`/api/class-surveys/${surveyId}`)).json() as typeof teacher;
      expect(r.freeText, who).toBe(true);
      expect(comment(r)?.texts, who).toHaveLength(11);
    }
    // The one "weekly" answer is a small cell: hidden, with a complementary cell.
    const bullied = teacher.result.questions.find((q) => q.id === "bullied");
    expect(bullied?.cells.filter((c) => c.count === null).length).toBeGreaterThanOrEqual(2);
  }, 60_000);

  it("a survey closed below K shows nothing, for anyone", async () => {
    const res = await start("teacher", template());
    const id = (res.json() as { id: string }).id;
    await answerAll(id, 0, 3);
    await as.teacher!.post(`/api/class-surveys/${id}/close`);
    for (const who of ["teacher", "principal"]) {
      const r = (await as[who]!.get(`/api/class-surveys/${id}`)).json();
      expect(r, who).toMatchObject({ state: "tooFew", result: null, survey: { answers: 3 } });
    }
    const late = await as.pupil!.post(`/api/class-surveys/${id}/answers`, good);
    expect(late.json()).toMatchObject({ code: "survey.closed" });
  }, 30_000);
});

describe("the class code", () => {
  let surveyId: string;
  let code: string;

  beforeAll(async () => {
    const res = await start("teacher", template({ classCode: true }));
    ({ id: surveyId } = res.json() as { id: string });
    code = (res.json() as { code: { code: string } }).code.code;
  });

  const redeem = (c: string, from = device()) =>
    t.anonymous.request({
      method: "POST",
      url: "/api/public/survey-code",
      payload: { code: c },
      remoteAddress: from,
    });
  const cookieOf = (res: { cookies: { name: string; value: string }[] }) =>
    res.cookies.find((c) => c.name === "trygg_survey_device")?.value ?? "";
  const answer = (cookie: string, body: unknown = good) =>
    t.anonymous.request({
      method: "POST",
      url: "/api/public/survey-session/answers",
      payload: body as Record<string, unknown>,
      cookies: { trygg_survey_device: cookie },
      remoteAddress: device(),
    });

  it("gives one answer per device, with nothing stored about the device in the answer", async () => {
    const res = await redeem(code.toLowerCase());
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ id: surveyId, answered: false });
    const cookie = cookieOf(res);
    expect(cookie.length).toBeGreaterThan(20);
    const session = await t.anonymous.request({
      method: "GET",
      url: "/api/public/survey-session",
      cookies: { trygg_survey_device: cookie },
    });
    expect(session.json()).toMatchObject({ id: surveyId });
    expect((await answer(cookie)).statusCode).toBe(201);
    const again = await answer(cookie);
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: "survey.alreadyAnswered" });
  });

  it("refuses a wrong code, a missing device token and an expired code", async () => {
    expect((await redeem("ZZZZZZ")).json()).toMatchObject({ code: "survey.codeInvalid" });
    expect((await answer("made-up")).statusCode).toBe(401);
    const saved = t.now.value;
    t.now.value = new Date(saved.getTime() + 61 * 60_000);
    try {
      expect((await redeem(code)).statusCode).toBe(400);
    } finally {
      t.now.value = saved;
    }
  });

  it("takes no more answers than the class has pupils, by code and login together", async () => {
    const before = await t.database.db
      .selectFrom("class_survey_answer")
      .select("id")
      .where("survey_id", "=", surveyId)
      .execute();
    for (let i = before.length; i < pupils.length; i++) {
      const r = await redeem(code);
      expect((await answer(cookieOf(r))).statusCode).toBe(201);
    }
    const extra = await redeem(code);
    const full = await answer(cookieOf(extra));
    expect(full.statusCode).toBe(409);
    expect(full.json()).toMatchObject({ code: "survey.full" });
    const viaLogin = await as.pupil2!.post(`/api/class-surveys/${surveyId}/answers`, good);
    expect(viaLogin.json()).toMatchObject({ code: "survey.full" });
    const done = await t.database.db
      .selectFrom("class_survey_respondent")
      .select("person_id")
      .where("survey_id", "=", surveyId)
      .execute();
    expect(done).toEqual([]);
  }, 60_000);

  it("is rate-limited per address", async () => {
    const from = device();
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++) statuses.push((await redeem("WRONG1", from)).statusCode);
    expect(statuses.at(-1)).toBe(429);
  });
});

describe("K is the owner's setting", () => {
  it("is validated, saved and frozen on surveys started after", async () => {
    const officer = as.officer!;
    const url = `/api/owners/${ownerId}/case-settings`;
    const current = (await officer.get(url)).json() as Record<string, unknown>;
    expect(current.surveyMinimumAnswers).toBe(10);
    const { closedDays: _c, ...settings } = current;
    const bad = await officer.put(url, { ...settings, surveyMinimumAnswers: 4 });
    expect(bad.json()).toMatchObject({
      fields: [{ path: "surveyMinimumAnswers", code: "settings.surveyMinimumRange" }],
    });
    const ok = await officer.put(url, { ...settings, surveyMinimumAnswers: 5 });
    expect(ok.statusCode, ok.body).toBe(200);
    const withoutField = await officer.put(url, { ...settings, surveyMinimumAnswers: undefined });
    expect(withoutField.json()).toMatchObject({ surveyMinimumAnswers: 5 });
    const res = await start("teacher", template());
    const id = (res.json() as { id: string }).id;
    const read = (await as.teacher!.get(`/api/class-surveys/${id}`)).json();
    expect(read).toMatchObject({ survey: { minimum: 5 } });
  });
});
