// "Mine oppgaver": each staff member sees their own tasks from the published plan and marks
// them done with a note (audited, never the note itself); nobody completes another's task;
// done notes survive a revision of the plan; the daily job reminds before due dates and
// gives tasks to new role holders.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runPlanReminders } from "../../src/server/plans/reminders.ts";
import { createTestApp, type TestApp, type TestClient } from "../support/app.ts";
import { personWithRole } from "../support/people.ts";
import { type PublishedPlan, publishDefaultPlan } from "./plans-setup.ts";

let t: TestApp;
let p: PublishedPlan;
const as: Record<string, TestClient> = {};
const ids: Record<string, string> = {};

interface Task {
  id: string;
  activityId: string;
  dueOn: string;
  status: string;
  note: string | null;
  group: { id: string; name: string; kind: string } | null;
}
interface Mine {
  today: string;
  week: { from: string; to: string };
  overdue: Task[];
  thisWeek: Task[];
  upcoming: Task[];
  done: Task[];
}

beforeAll(async () => {
  t = await createTestApp();
  p = await publishDefaultPlan(t);
  const db = t.database.db;
  const people: Record<string, string> = {
    principal: p.principalId,
    contactTeacher: await personWithRole(db, "contactTeacher", { schoolId: p.schoolId }),
    otherContactTeacher: await personWithRole(db, "contactTeacher", {
      schoolId: p.schoolId,
      index: 1,
    }),
    pupil: await personWithRole(db, "pupil", { schoolId: p.schoolId }),
    otherPrincipal: await personWithRole(db, "principal", { schoolId: p.otherSchoolId }),
  };
  for (const [name, id] of Object.entries(people)) {
    ids[name] = id;
    as[name] = await t.as(id);
  }
});
afterAll(() => t.close());

const mine = async (who: string, schoolId = p.schoolId) => {
  const res = await as[who]!.get(`/api/schools/${schoolId}/plan-tasks/mine`);
  expect(res.statusCode, who).toBe(200);
  return res.json() as Mine;
};

let classHour: Task;

describe("my tasks", () => {
  it("shows the contact teacher this week's class hour for their own class", async () => {
    const tasks = await mine("contactTeacher");
    expect(tasks.today).toBe("2026-11-26");
    expect(tasks.week).toEqual({ from: "2026-11-23", to: "2026-11-29" });
    const found = tasks.thisWeek.find((x) => x.activityId === "prev-class-hour");
    expect(found).toBeDefined();
    classHour = found as Task;
    expect(classHour.dueOn).toBe("2026-11-27");
    expect(classHour.group?.kind).toBe("class");
    const own = await t.database.db
      .selectFrom("role_assignment")
      .select("group_id")
      .where("person_id", "=", ids.contactTeacher!)
      .where("role", "=", "contactTeacher")
      .execute();
    expect(own.map((r) => r.group_id)).toContain(classHour.group?.id);
    expect(tasks.upcoming.length).toBeGreaterThan(0);
    expect(tasks.overdue).toEqual([]);
  });

  it("refuses pupils and people of another school", async () => {
    expect((await as.pupil!.get(`/api/schools/${p.schoolId}/plan-tasks/mine`)).statusCode).toBe(
      403,
    );
    expect(
      (await as.otherPrincipal!.get(`/api/schools/${p.schoolId}/plan-tasks/mine`)).statusCode,
    ).toBe(403);
  });
});

describe("completing a task", () => {
  const complete = (who: string, taskId: string, note = "Vi snakket om vennskap i klassen.") =>
    as[who]!.post(`/api/plan-tasks/${taskId}/complete`, { note });

  it.each(["otherContactTeacher", "principal", "pupil", "otherPrincipal"])(
    "refuses %s completing someone else's task",
    async (who) => {
      const res = await complete(who, classHour.id);
      expect(res.statusCode).toBe(403);
    },
  );

  it("answers 404 for a task that does not exist", async () => {
    const res = await complete("contactTeacher", "00000000-0000-4000-8000-000000000000");
    expect(res.statusCode).toBe(404);
  });

  it("refuses an empty note", async () => {
    const res = await complete("contactTeacher", classHour.id, "   ");
    expect(res.statusCode).toBe(400);
    expect(res.json().fields[0].path).toBe("note");
  });

  it("marks the assignee's task done with the note, audited without the note", async () => {
    const res = await complete("contactTeacher", classHour.id);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: "done", note: "Vi snakket om vennskap i klassen." });
    const tasks = await mine("contactTeacher");
    expect(tasks.thisWeek.find((x) => x.id === classHour.id)).toBeUndefined();
    expect(tasks.done.find((x) => x.id === classHour.id)?.note).toBe(
      "Vi snakket om vennskap i klassen.",
    );
    const audit = await t.database.db
      .selectFrom("audit_log")
      .select(["actor_id", "detail", "resource_id"])
      .where("action", "=", "plan.task.complete")
      .execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]?.actor_id).toBe(ids.contactTeacher);
    expect(JSON.stringify(audit[0]?.detail)).not.toContain("vennskap");
  });

  it("lets the assignee correct the note and reopen", async () => {
    const again = await complete("contactTeacher", classHour.id, "Samtale om vennskap og regler.");
    expect(again.statusCode).toBe(200);
    const reopened = await as.contactTeacher!.post(`/api/plan-tasks/${classHour.id}/reopen`);
    expect(reopened.json()).toMatchObject({
      status: "open",
      note: "Samtale om vennskap og regler.",
    });
    expect(
      (await as.otherContactTeacher!.post(`/api/plan-tasks/${classHour.id}/reopen`)).statusCode,
    ).toBe(403);
    expect((await complete("contactTeacher", classHour.id)).statusCode).toBe(200);
  });
});

describe("a revision of the plan", () => {
  it("keeps the done note while open future occurrences follow the new rule", async () => {
    const principal = as.principal!;
    const base = `/api/schools/${p.schoolId}/plans`;
    const revision = await principal.post(`${base}/${p.planId}/revision`);
    expect(revision.statusCode).toBe(201);
    const draft = revision.json();
    expect(draft).toMatchObject({ version: 2, status: "draft", basedOnVersion: 1 });
    const activity = draft.content.parts[1].activities.find(
      (a: { id: string }) => a.id === "prev-class-hour",
    );
    // Class hour moves from Friday to Wednesday.
    const saved = await principal.put(`${base}/${draft.id}/activities/prev-class-hour`, {
      activity: { ...activity, timing: { kind: "weekly", weekday: 3 } },
    });
    expect(saved.statusCode).toBe(200);
    const published = await principal.post(`${base}/${draft.id}/publish`);
    expect(published.statusCode).toBe(200);
    expect(published.json().yearWheel.detached).toBe(1);

    const versions = (await principal.get(base)).json().plans as {
      version: number;
      status: string;
    }[];
    expect(versions.map((v) => [v.version, v.status])).toEqual([
      [2, "published"],
      [1, "archived"],
    ]);

    const tasks = await mine("contactTeacher");
    expect(tasks.done.find((x) => x.id === classHour.id)?.note).toBe(
      "Vi snakket om vennskap i klassen.",
    );
    const next = [...tasks.thisWeek, ...tasks.upcoming].filter(
      (x) => x.activityId === "prev-class-hour",
    );
    expect(next.length).toBeGreaterThan(0);
    expect(next.every((x) => new Date(`${x.dueOn}T12:00:00Z`).getUTCDay() === 3)).toBe(true);
    const wheel = (await principal.get(`${base}/${draft.id}/year-wheel`)).json();
    const old = wheel.occurrences.find(
      (o: { key: string }) => o.key === "prev-class-hour@2026-11-27",
    );
    // Other contact teachers' classes share the occurrence: it is partly done and kept.
    expect(old).toMatchObject({ detached: true });
    expect(["done", "partly"]).toContain(old.status);
  });
});

describe("overdue", () => {
  it("lists open tasks due before today as overdue", async () => {
    t.now.value = new Date("2026-12-07T09:00:00Z");
    try {
      // A session from that day (the test clock moved past the earlier session's life).
      as.later = await t.as(ids.contactTeacher!);
      const tasks = await mine("later");
      expect(tasks.overdue.length).toBeGreaterThan(0);
      expect(tasks.overdue.every((x) => x.dueOn < "2026-12-07")).toBe(true);
    } finally {
      t.now.value = new Date("2026-11-26T09:00:00Z");
    }
  });
});

describe("the daily job", () => {
  const clock = (iso: string) => () => new Date(iso);

  it("reminds each person once, content-free, and never twice for a task", async () => {
    const db = t.database.db;
    const first = await runPlanReminders({
      db,
      clock: clock("2026-11-30T05:00:00Z"),
      config: { teamsWebhookUrl: undefined },
    });
    expect(first.people).toBeGreaterThan(0);
    expect(first.tasks).toBeGreaterThanOrEqual(first.people);
    const notes = await db
      .selectFrom("notification")
      .select(["person_id", "template", "link"])
      .where("template", "=", "plan.taskDue")
      .execute();
    expect(notes).toHaveLength(first.people);
    expect(new Set(notes.map((n) => n.link))).toEqual(new Set(["/tasks"]));
    expect(notes.map((n) => n.person_id)).toContain(ids.contactTeacher);

    const second = await runPlanReminders({
      db,
      clock: clock("2026-11-30T06:00:00Z"),
      config: { teamsWebhookUrl: undefined },
    });
    expect(second.tasks).toBe(0);
  });

  it("gives a new contact teacher the class's future tasks", async () => {
    const db = t.database.db;
    const newcomer = await personWithRole(db, "subjectTeacher", { schoolId: p.schoolId, index: 3 });
    const cls = await db
      .selectFrom("study_group")
      .select("id")
      .where("school_id", "=", p.schoolId)
      .where("kind", "=", "class")
      .executeTakeFirstOrThrow();
    await db
      .insertInto("role_assignment")
      .values({
        person_id: newcomer,
        role: "contactTeacher",
        school_id: p.schoolId,
        group_id: cls.id,
      })
      .execute();
    const run = await runPlanReminders({
      db,
      clock: clock("2026-12-01T05:00:00Z"),
      config: { teamsWebhookUrl: undefined },
    });
    expect(run.tasksAdded).toBeGreaterThan(0);
    const theirs = await db
      .selectFrom("plan_task as t")
      .innerJoin("plan_occurrence as o", "o.id", "t.occurrence_id")
      .select(["o.due_on", "t.group_id"])
      .where("t.person_id", "=", newcomer)
      .where("o.activity_id", "=", "prev-class-hour")
      .where("t.group_id", "=", cls.id)
      .execute();
    expect(theirs.length).toBeGreaterThan(5);
    expect(theirs.every((x) => x.due_on >= "2026-12-01")).toBe(true);
  });
});
