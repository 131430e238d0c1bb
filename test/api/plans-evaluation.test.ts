// The yearly evaluation round (invitations, input per group, the recorded evaluation that
// opens next year's draft), the pupil council board's meetings with the principal, part 1's
// information records and the staff's confirmation that they have read the routine.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp, type TestClient } from "../support/app.ts";
import { personWithRole } from "../support/people.ts";
import { type PublishedPlan, publishDefaultPlan } from "./plans-setup.ts";

let t: TestApp;
let p: PublishedPlan;
const as: Record<string, TestClient> = {};
const ids: Record<string, string> = {};

beforeAll(async () => {
  t = await createTestApp();
  p = await publishDefaultPlan(t);
  const db = t.database.db;
  const people: Record<string, string> = {
    principal: p.principalId,
    deputy: await personWithRole(db, "deputy", { schoolId: p.schoolId }),
    contactTeacher: await personWithRole(db, "contactTeacher", { schoolId: p.schoolId }),
    subjectTeacher: await personWithRole(db, "subjectTeacher", { schoolId: p.schoolId, index: 5 }),
    counsellor: await personWithRole(db, "counsellor", { schoolId: p.schoolId }),
    pupilCouncil: await personWithRole(db, "pupilCouncil", { schoolId: p.schoolId }),
    pupil: await personWithRole(db, "pupil", { schoolId: p.schoolId }),
    guardian: await personWithRole(db, "guardian", { schoolId: p.schoolId }),
    otherPrincipal: await personWithRole(db, "principal", { schoolId: p.otherSchoolId }),
    otherCouncil: await personWithRole(db, "pupilCouncil", { schoolId: p.otherSchoolId }),
  };
  for (const [name, id] of Object.entries(people)) {
    ids[name] = id;
    as[name] = await t.as(id);
  }
});
afterAll(() => t.close());

const planUrl = () => `/api/schools/${p.schoolId}/plans/${p.planId}`;
const mineUrl = (schoolId = p.schoolId) => `/api/schools/${schoolId}/plan-evaluation/mine`;
const inputsUrl = (schoolId = p.schoolId) => `/api/schools/${schoolId}/plan-evaluation/inputs`;

describe("the evaluation round", () => {
  it("is closed until the principal opens it", async () => {
    const res = await as.pupilCouncil!.get(mineUrl());
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ open: false, groups: [] });
    const input = await as.pupilCouncil!.post(inputsUrl(), {
      group: "pupilCouncil",
      text: "Tidlig",
    });
    expect(input.statusCode).toBe(409);
    expect(input.json().code).toBe("plan.evaluation.notOpen");
  });

  it.each(["contactTeacher", "counsellor", "pupilCouncil", "otherPrincipal"])(
    "refuses %s opening it",
    async (who) => {
      const res = await as[who]!.post(`${planUrl()}/evaluation/start`, {});
      expect(res.statusCode).toBe(403);
    },
  );

  it("refuses a pupil as a staff representative", async () => {
    const res = await as.principal!.post(`${planUrl()}/evaluation/start`, {
      staffRepresentativeIds: [ids.pupil],
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().fields[0].path).toBe("staffRepresentativeIds.0");
  });

  it("invites the four groups in-app, content-free", async () => {
    const res = await as.principal!.post(`${planUrl()}/evaluation/start`, {
      staffRepresentativeIds: [ids.subjectTeacher],
    });
    expect(res.statusCode).toBe(200);
    const { invited, people } = res.json();
    expect(invited.pupilCouncil).toBe(6);
    expect(invited.staffRepresentatives).toBe(1);
    expect(invited.pupilServices).toBeGreaterThanOrEqual(4);
    expect(invited.leadership).toBeGreaterThanOrEqual(6);
    expect(people).toBeGreaterThan(15);
    const notes = await t.database.db
      .selectFrom("notification")
      .select(["person_id", "link"])
      .where("template", "=", "plan.evaluationInvited")
      .execute();
    expect(notes).toHaveLength(people);
    expect(notes.map((n) => n.person_id)).toContain(ids.pupilCouncil);
    expect(notes.map((n) => n.person_id)).not.toContain(ids.principal);
    expect(new Set(notes.map((n) => n.link))).toEqual(new Set(["/plans/evaluation"]));
    const again = await as.principal!.post(`${planUrl()}/evaluation/start`, {});
    expect(again.statusCode).toBe(409);
  });

  it.each([
    ["pupilCouncil", ["pupilCouncil"]],
    ["counsellor", ["pupilServices"]],
    ["subjectTeacher", ["staffRepresentatives"]],
    ["principal", ["leadership"]],
  ])("tells %s which group they speak for", async (who, groups) => {
    const res = await as[who]!.get(mineUrl());
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ open: true, planId: p.planId, groups });
  });

  it.each(["contactTeacher", "pupil", "guardian", "otherPrincipal", "otherCouncil"])(
    "shows nothing to %s",
    async (who) => {
      expect((await as[who]!.get(mineUrl())).statusCode).toBe(403);
    },
  );

  it("takes each group's input only from its own members", async () => {
    const cases: [string, string, number][] = [
      ["pupilCouncil", "pupilCouncil", 201],
      ["pupilCouncil", "leadership", 403],
      ["subjectTeacher", "staffRepresentatives", 201],
      ["contactTeacher", "staffRepresentatives", 403],
      ["counsellor", "pupilServices", 201],
      ["principal", "leadership", 201],
      ["pupil", "pupilCouncil", 403],
      ["otherCouncil", "pupilCouncil", 403],
    ];
    for (const [who, group, status] of cases) {
      const res = await as[who]!.post(inputsUrl(), {
        group,
        text: `Innspill fra ${group}: mer tid til klassens time.`,
      });
      expect(res.statusCode, `${who} -> ${group}`).toBe(status);
    }
    const council = (await as.pupilCouncil!.get(mineUrl())).json();
    expect(council.inputs).toHaveLength(1);
    expect(council.inputs[0].submittedBy).toBeNull();
  });

  it("shows the principal every input with who gave it, audited", async () => {
    const res = await as.principal!.get(`${planUrl()}/evaluation`);
    expect(res.statusCode).toBe(200);
    const view = res.json();
    expect(view.inputs).toHaveLength(4);
    expect(view.representatives).toHaveLength(1);
    expect(view.inputs[0].submittedBy.name).toMatch(/\S+ \S+/);
    expect((await as.contactTeacher!.get(`${planUrl()}/evaluation`)).statusCode).toBe(403);
    const audit = await t.database.db
      .selectFrom("audit_log")
      .select("action")
      .where("action", "=", "plan.evaluation.read")
      .execute();
    expect(audit).toHaveLength(1);
  });

  let nextYearId: string;

  it("refuses an evaluation that misses a group or has no decision", async () => {
    const year = await as.principal!.post(`/api/schools/${p.schoolId}/years`, {
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
      ],
    });
    expect(year.statusCode).toBe(201);
    nextYearId = year.json().id;
    const res = await as.principal!.post(`${planUrl()}/evaluation`, {
      evaluatedOn: "2027-06-10",
      participants: [{ group: "pupilCouncil", description: "Elevrådsstyret" }],
      decisions: [],
      nextSchoolYearId: nextYearId,
    });
    expect(res.statusCode).toBe(400);
    const codes = res.json().issues.map((i: { code: string }) => i.code);
    expect(codes).toContain("plan.evaluation.missingParticipantGroup");
    expect(codes).toContain("plan.evaluation.noDecisions");
    const plan = (await as.principal!.get(planUrl())).json();
    expect(plan.status).toBe("published");
  });

  it("records the evaluation, archives the version and opens next year's draft", async () => {
    const res = await as.principal!.post(`${planUrl()}/evaluation`, {
      evaluatedOn: "2027-06-10",
      participants: [
        { group: "pupilCouncil", description: "Elevrådsstyret" },
        { group: "staffRepresentatives", description: "Tillitsvalgte" },
        { group: "pupilServices", description: "Elevtjenesten" },
        { group: "leadership", description: "Ledelsen" },
      ],
      decisions: [
        { text: "Klassens time flyttes til torsdag.", activityId: "prev-class-hour" },
        { text: "Mer tid til makkerskap." },
      ],
      nextSchoolYearId: nextYearId,
    });
    expect(res.statusCode).toBe(200);
    const { evaluated, next } = res.json();
    expect(evaluated).toMatchObject({ status: "archived", archivedOn: "2027-06-10" });
    expect(evaluated.evaluation.input).toHaveLength(4);
    expect(evaluated.evaluation.decisions).toHaveLength(2);
    expect(next).toMatchObject({ status: "draft", version: 2, basedOnVersion: 1 });
    expect(next.schoolYear.id).toBe(nextYearId);
    const again = await as.principal!.post(`${planUrl()}/evaluation`, {
      evaluatedOn: "2027-06-11",
      participants: [],
      decisions: [{ text: "x" }],
      nextSchoolYearId: nextYearId,
    });
    expect(again.statusCode).toBe(400);
  });
});

describe("meetings of the pupil council board and the principal", () => {
  const url = (schoolId = p.schoolId) => `/api/schools/${schoolId}/plan-meetings`;
  const meeting = {
    heldOn: "2026-11-20",
    participants: ["Elevrådsstyret", "Rektor"],
    topics: ["Trivsel i kantina", "Elevundersøkelsen"],
    followUps: [{ text: "Se på kantinevaktene", responsible: "Rektor", dueOn: "2026-12-15" }],
  };
  let id: string;

  it.each(["pupilCouncil", "contactTeacher", "otherPrincipal", "pupil"])(
    "refuses %s recording one",
    async (who) => {
      expect((await as[who]!.post(url(), meeting)).statusCode).toBe(403);
    },
  );

  it("refuses a meeting without participants", async () => {
    const res = await as.principal!.post(url(), { ...meeting, participants: [] });
    expect(res.statusCode).toBe(400);
    expect(res.json().fields[0].path).toBe("participants");
  });

  it("logs a meeting with topics and follow-ups, audited", async () => {
    const res = await as.principal!.post(url(), meeting);
    expect(res.statusCode).toBe(201);
    id = res.json().id;
    expect(res.json().followUps[0]).toEqual({
      text: "Se på kantinevaktene",
      responsible: "Rektor",
      dueOn: "2026-12-15",
      done: false,
    });
  });

  it("lets the board and the staff read the log, not pupils or other schools", async () => {
    for (const who of ["pupilCouncil", "contactTeacher", "principal"]) {
      const res = await as[who]!.get(url());
      expect(res.statusCode, who).toBe(200);
      expect(res.json()[0].topics).toEqual(meeting.topics);
    }
    for (const who of ["pupil", "guardian", "otherPrincipal", "otherCouncil"]) {
      expect((await as[who]!.get(url())).statusCode, who).toBe(403);
    }
  });

  it("updates the follow-ups; another school cannot reach it", async () => {
    const done = { ...meeting, followUps: [{ ...meeting.followUps[0], done: true }] };
    const res = await as.deputy!.put(`${url()}/${id}`, done);
    expect(res.statusCode).toBe(200);
    expect(res.json().followUps[0].done).toBe(true);
    expect((await as.otherPrincipal!.put(`${url(p.otherSchoolId)}/${id}`, done)).statusCode).toBe(
      404,
    );
  });
});

describe("part 1: information records", () => {
  let v2: string;

  it("records who was informed on the plan in force", async () => {
    // The evaluation above archived version 1; publish next year's draft to have one in force.
    const list = (await as.principal!.get(`/api/schools/${p.schoolId}/plans`)).json();
    v2 = list.plans.find((x: { version: number }) => x.version === 2).id;
    expect(
      (await as.principal!.post(`/api/schools/${p.schoolId}/plans/${v2}/publish`)).statusCode,
    ).toBe(200);
    const url = `/api/schools/${p.schoolId}/plans/${v2}/information-records`;
    const ok = await as.principal!.post(url, {
      activityId: "info-plan-class",
      audience: "Alle elever på Vg1",
      informedOn: "2027-08-20",
      method: "Klassens time",
    });
    expect(ok.statusCode).toBe(201);
    const wrong = await as.principal!.post(url, {
      activityId: "prev-class-hour",
      audience: "Elever",
      informedOn: "2027-08-20",
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().code).toBe("plan.activityUnknown");
    expect(
      (await as.contactTeacher!.post(url, { audience: "x", informedOn: "2027-08-20" })).statusCode,
    ).toBe(403);
    const read = await as.contactTeacher!.get(url);
    expect(read.statusCode).toBe(200);
    expect(read.json()[0]).toMatchObject({
      audience: "Alle elever på Vg1",
      activityId: "info-plan-class",
    });
    expect((await as.pupil!.get(url)).statusCode).toBe(403);
  });

  it("lets staff confirm the routine once a year; the principal sees who has not", async () => {
    const base = `/api/schools/${p.schoolId}/plans/${v2}`;
    expect(
      (await as.contactTeacher!.get(`${base}/routine-confirmation`)).json().confirmedAt,
    ).toBeNull();
    const confirmed = await as.contactTeacher!.post(`${base}/routine-confirmation`);
    expect(confirmed.statusCode).toBe(200);
    const again = await as.contactTeacher!.post(`${base}/routine-confirmation`);
    expect(again.json().confirmedAt).toBe(confirmed.json().confirmedAt);
    expect((await as.pupil!.post(`${base}/routine-confirmation`)).statusCode).toBe(403);
    expect((await as.contactTeacher!.get(`${base}/routine-confirmations`)).statusCode).toBe(403);

    const list = (await as.principal!.get(`${base}/routine-confirmations`)).json();
    expect(list.confirmed).toBe(1);
    expect(list.total).toBeGreaterThan(20);
    expect(list.staff[0].confirmedAt).toBeNull();
    expect(list.staff[list.staff.length - 1]).toMatchObject({ id: ids.contactTeacher });
    expect(list.staff.some((s: { roles: string[] }) => s.roles.includes("pupil"))).toBe(false);
  });
});
