// The action plan: creating a school's plan from the template, editing it (bad timing rules
// refused with their codes, nothing changed), publishing it into a year wheel of tasks, and
// who may do each (teachers read, the principal and deputy edit, other schools and pupils
// get nothing).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp, type TestClient } from "../support/app.ts";
import { demoSchools, personWithRole } from "../support/people.ts";

let t: TestApp;
let big: { id: string; ownerId: string };
let small: { id: string; ownerId: string };
let yearId: string;
const as: Record<string, TestClient> = {};
const ids: Record<string, string> = {};

const TEMPLATE = "trygt-skolemiljo-akershus-vgs";

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
    contactTeacher: await personWithRole(db, "contactTeacher", { schoolId: big.id }),
    subjectTeacher: await personWithRole(db, "subjectTeacher", { schoolId: big.id }),
    pupil: await personWithRole(db, "pupil", { schoolId: big.id }),
    pupilCouncil: await personWithRole(db, "pupilCouncil", { schoolId: big.id }),
    guardian: await personWithRole(db, "guardian", { schoolId: big.id }),
    otherPrincipal: await personWithRole(db, "principal", { schoolId: small.id }),
  };
  for (const [name, id] of Object.entries(people)) {
    ids[name] = id;
    as[name] = await t.as(id);
  }
  const year = await db
    .selectFrom("school_year")
    .select("id")
    .where("school_id", "=", big.id)
    .executeTakeFirstOrThrow();
  yearId = year.id;
});
afterAll(() => t.close());

const plans = (schoolId = big.id) => `/api/schools/${schoolId}/plans`;

describe("templates", () => {
  it("lists the default template to the principal", async () => {
    const res = await as.principal!.get(`/api/schools/${big.id}/plan-templates`);
    expect(res.statusCode).toBe(200);
    const list = res.json() as { id: string; activities: number }[];
    expect(list.map((x) => x.id)).toContain(TEMPLATE);
    expect(list.find((x) => x.id === TEMPLATE)?.activities).toBeGreaterThan(40);
  });

  it.each(["contactTeacher", "pupil", "otherPrincipal"])("refuses %s", async (who) => {
    const res = await as[who]!.get(`/api/schools/${big.id}/plan-templates`);
    expect(res.statusCode).toBe(403);
  });
});

let planId: string;

describe("creating the plan from the template", () => {
  it.each(["contactTeacher", "subjectTeacher", "pupil", "pupilCouncil", "otherPrincipal"])(
    "refuses %s",
    async (who) => {
      const res = await as[who]!.post(plans(), { templateId: TEMPLATE, schoolYearId: yearId });
      expect(res.statusCode).toBe(403);
    },
  );

  it("refuses an unknown template with a translated field error", async () => {
    const res = await as.principal!.post(plans(), { templateId: "nope", schoolYearId: yearId });
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe("plan.templateUnknown");
    expect(res.json().fields[0].path).toBe("templateId");
  });

  it("refuses another school's year", async () => {
    const other = await t.database.db
      .selectFrom("school_year")
      .select("id")
      .where("school_id", "=", small.id)
      .executeTakeFirstOrThrow();
    const res = await as.principal!.post(plans(), { templateId: TEMPLATE, schoolYearId: other.id });
    expect(res.statusCode).toBe(400);
    expect(res.json().fields[0].path).toBe("schoolYearId");
  });

  it("creates version 1 as a draft copy of the template, audited", async () => {
    const before = await auditCount("plan.create");
    const res = await as.principal!.post(plans(), { templateId: TEMPLATE, schoolYearId: yearId });
    expect(res.statusCode).toBe(201);
    const plan = res.json();
    expect(plan).toMatchObject({ version: 1, status: "draft", templateId: TEMPLATE });
    expect(plan.content.parts).toHaveLength(4);
    expect(plan.schoolYear.id).toBe(yearId);
    planId = plan.id;
    expect(await auditCount("plan.create")).toBe(before + 1);
  });

  it("refuses a second draft for the same year", async () => {
    const res = await as.principal!.post(plans(), { templateId: TEMPLATE, schoolYearId: yearId });
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe("plan.draftExists");
  });

  it("lets staff read the versions, not pupils, guardians or other schools", async () => {
    for (const who of ["contactTeacher", "subjectTeacher", "deputy"]) {
      const res = await as[who]!.get(plans());
      expect(res.statusCode, who).toBe(200);
      expect(res.json().plans[0].id).toBe(planId);
    }
    for (const who of ["pupil", "pupilCouncil", "guardian", "otherPrincipal"]) {
      expect((await as[who]!.get(plans())).statusCode, who).toBe(403);
      expect((await as[who]!.get(`${plans()}/${planId}`)).statusCode, who).toBe(403);
    }
  });

  it("hides a plan from another school's URL", async () => {
    const res = await as.otherPrincipal!.get(`${plans(small.id)}/${planId}`);
    expect(res.statusCode).toBe(404);
  });

  it("refuses a template whose month falls in an all-holiday month of the year", async () => {
    // A year whose September is all holiday: the template's "September" activities (the
    // guardians' meeting) cannot happen. (October's World Mental Health Day is a date, which
    // moves to the last school day before the break.)
    const created = await as.principal!.post(`/api/schools/${big.id}/years`, {
      label: "2027-2028",
      startsOn: "2027-08-16",
      endsOn: "2028-06-20",
      breaks: [
        {
          kind: "planningDay",
          label: "Planleggingsdager",
          startsOn: "2027-08-16",
          endsOn: "2027-08-18",
        },
        { kind: "holiday", label: "Septemberferie", startsOn: "2027-09-01", endsOn: "2027-09-30" },
      ],
    });
    expect(created.statusCode).toBe(201);
    const res = await as.principal!.post(plans(), {
      templateId: TEMPLATE,
      schoolYearId: created.json().id,
    });
    expect(res.statusCode).toBe(400);
    const codes = (res.json().issues as { code: string; activityId?: string }[]).map((i) => i.code);
    expect(codes).toContain("plan.timing.monthAllHoliday");
    expect(res.json().fields[0].message).toMatch(/ferie/);
    const count = await t.database.db
      .selectFrom("action_plan")
      .select((eb) => eb.fn.countAll<string>().as("n"))
      .where("school_year_id", "=", created.json().id)
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(0);
  });
});

type Activity = Record<string, unknown> & { id: string; timing: Record<string, unknown> };

async function activity(id: string): Promise<Activity> {
  const res = await as.principal!.get(`${plans()}/${planId}`);
  for (const part of res.json().content.parts as { activities: Activity[] }[]) {
    const found = part.activities.find((a) => a.id === id);
    if (found) return found;
  }
  throw new Error(`no activity ${id}`);
}

describe("editing activities", () => {
  const url = (id: string) => `${plans()}/${planId}/activities/${id}`;

  it.each([
    ["every 0 weeks", "prev-rotate-buddies", { n: 0 }, "plan.timing.invalidN"],
    [
      "a month outside the school year",
      "info-pupil-council",
      { month: 7 },
      "plan.timing.monthOutsideYear",
    ],
    [
      "a period that ends before it starts",
      "prev-class-hour",
      { period: { from: "03-01", to: "02-01" } },
      "plan.timing.endBeforeStart",
    ],
    ["a Saturday", "prev-class-hour", { weekday: 6 }, "plan.timing.invalidWeekday"],
  ])("refuses %s and changes nothing", async (_name, id, change, code) => {
    const before = await as.principal!.get(`${plans()}/${planId}`);
    const original = await activity(id);
    const res = await as.principal!.put(url(id), {
      activity: { ...original, timing: { ...original.timing, ...change } },
    });
    expect(res.statusCode).toBe(400);
    const issues = res.json().issues as { code: string; activityId?: string; path: string }[];
    expect(issues.map((i) => i.code)).toContain(code);
    expect(issues.find((i) => i.code === code)?.activityId).toBe(id);
    // The message is the user's language; the English one on request.
    const en = await as.principal!.request({
      method: "PUT",
      url: url(id),
      payload: { activity: { ...original, timing: { ...original.timing, ...change } } },
      headers: { "x-trygg-lang": "en" },
    });
    expect(
      en
        .json()
        .fields.map((f: { message: string }) => f.message)
        .join(" "),
    ).toMatch(/[a-z]/);
    const after = await as.principal!.get(`${plans()}/${planId}`);
    expect(after.json().updatedAt).toBe(before.json().updatedAt);
    expect(after.json().content).toEqual(before.json().content);
  });

  it("refuses a shape error with the field's path", async () => {
    const original = await activity("prev-class-hour");
    const res = await as.principal!.put(url("prev-class-hour"), {
      activity: { ...original, weekDay: 3 },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().issues[0].code).toBe("plan.template.invalid");
  });

  it.each(["contactTeacher", "subjectTeacher", "otherPrincipal", "pupil"])(
    "refuses an edit by %s",
    async (who) => {
      const original = await activity("prev-class-hour");
      const res = await as[who]!.put(url("prev-class-hour"), {
        activity: { ...original, description: "Endret" },
      });
      expect(res.statusCode).toBe(403);
    },
  );

  it("saves a valid edit of description, methods and timing, audited", async () => {
    const before = await auditCount("plan.saveActivity");
    const original = await activity("prev-class-hour");
    const res = await as.deputy!.put(url("prev-class-hour"), {
      activity: {
        ...original,
        description: "Gjennomføre klassens time – æøå",
        methods: ["Samtale i klassen.", "Makkerarbeid."],
        timing: { kind: "weekly", weekday: 4 },
      },
    });
    expect(res.statusCode).toBe(200);
    const saved = await activity("prev-class-hour");
    expect(saved.description).toBe("Gjennomføre klassens time – æøå");
    expect(saved.methods).toEqual(["Samtale i klassen.", "Makkerarbeid."]);
    expect(saved.timing).toEqual({ kind: "weekly", weekday: 4 });
    expect(await auditCount("plan.saveActivity")).toBe(before + 1);
  });

  it("adds and removes an activity", async () => {
    const added = await as.principal!.post(`${plans()}/${planId}/activities`, {
      partId: "prevention",
      activity: {
        id: "prev-extra",
        description: "Trivselsdag",
        details: [],
        responsible: [{ kind: "role", role: "contactTeacher" }],
        methods: [],
        timing: { kind: "month", month: 3 },
        deadlineText: "Mars",
        links: [],
      },
    });
    expect(added.statusCode).toBe(201);
    expect((await activity("prev-extra")).description).toBe("Trivselsdag");
    const removed = await as.principal!.delete(url("prev-extra"));
    expect(removed.statusCode).toBe(200);
    await expect(activity("prev-extra")).rejects.toThrow();
    expect((await as.principal!.delete(url("prev-extra"))).statusCode).toBe(404);
  });

  it("previews the draft's year wheel for staff", async () => {
    const res = await as.contactTeacher!.get(`${plans()}/${planId}/year-wheel`);
    expect(res.statusCode).toBe(200);
    const wheel = res.json();
    expect(wheel.source).toBe("preview");
    expect(wheel.occurrences.length).toBeGreaterThan(100);
    expect(wheel.occurrences.every((o: { status: string }) => o.status === "planned")).toBe(true);
    expect((await as.pupil!.get(`${plans()}/${planId}/year-wheel`)).statusCode).toBe(403);
  });
});

describe("publishing", () => {
  it.each(["contactTeacher", "otherPrincipal"])("refuses %s", async (who) => {
    expect((await as[who]!.post(`${plans()}/${planId}/publish`)).statusCode).toBe(403);
  });

  it("publishes the draft into a stored year wheel with tasks for the role holders", async () => {
    const res = await as.principal!.post(`${plans()}/${planId}/publish`);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.plan.status).toBe("published");
    expect(body.plan.publishedOn).toBe("2026-11-26");
    expect(body.yearWheel.added).toBeGreaterThan(50);
    // Occurrences before today are not added: a plan published in November has no August tasks.
    expect(body.yearWheel.skippedPast).toBeGreaterThan(0);
    expect(body.yearWheel.tasksAdded).toBeGreaterThan(100);

    const db = t.database.db;
    const mine = await db
      .selectFrom("plan_task as t")
      .innerJoin("plan_occurrence as o", "o.id", "t.occurrence_id")
      .innerJoin("role_assignment as r", (j) =>
        j
          .onRef("r.person_id", "=", "t.person_id")
          .onRef("r.group_id", "=", "t.group_id")
          .on("r.role", "=", "contactTeacher"),
      )
      .select(["o.activity_id", "o.due_on", "t.group_id"])
      .where("t.person_id", "=", ids.contactTeacher!)
      .where("o.activity_id", "=", "prev-class-hour")
      .execute();
    expect(mine.length).toBeGreaterThan(10);
    expect(mine.every((m) => m.due_on >= "2026-11-26")).toBe(true);

    const wheel = await as.contactTeacher!.get(`${plans()}/${planId}/year-wheel`);
    expect(wheel.json().source).toBe("stored");
  });

  it("refuses to publish twice and to edit a published version", async () => {
    expect((await as.principal!.post(`${plans()}/${planId}/publish`)).statusCode).toBe(409);
    const original = await activity("prev-class-hour");
    const res = await as.principal!.put(`${plans()}/${planId}/activities/prev-class-hour`, {
      activity: original,
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe("plan.version.notDraft");
  });
});
