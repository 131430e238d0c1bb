// Rotation plans after they are made: keep-apart pairs from cases (honoured, shown without a
// reason), hand-made changes to a round (valid and refused), locks, re-planning after a pupil
// leaves or joins, the teacher's own rules, seating with a fixed seat, and archiving.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Classroom, RotationPlanView } from "../../src/contract/rotations.ts";
import { layoutTemplate } from "../../src/core/groups/seating.ts";
import { createTestApp, type TestApp } from "../support/app.ts";
import { readPdf } from "../support/pdf-text.ts";
import { type RotationWorld, rotationWorld } from "./rotations-setup.ts";

let t: TestApp;
let w: RotationWorld;
const CASE_TEXT = "Synthetic reason that must never reach a rotation";
let caseId: string;
let apartA: string;
let apartB: string;

beforeAll(async () => {
  t = await createTestApp();
  w = await rotationWorld(t);
  const db = t.database.db;
  // An open case with a keep-apart measure between two pupils of the class.
  caseId = randomUUID();
  [apartA, apartB] = [w.pupils[1] as string, w.pupils[2] as string];
  await db
    .insertInto("school_case")
    .values({
      id: caseId,
      school_id: w.schoolId,
      owner_id: w.ownerId,
      kind: "staff-concern",
      status: "measuresActive",
      version: 1,
      reported_at: new Date("2026-10-01T08:00:00Z"),
      learned_on: "2026-10-01",
      plan_due_on: "2026-10-08",
      state: JSON.stringify({ description: CASE_TEXT }),
    })
    .execute();
  await db
    .insertInto("case_keep_apart")
    .values({
      case_id: caseId,
      school_id: w.schoolId,
      pupil_a: apartA,
      pupil_b: apartB,
      ends_on: null,
    })
    .execute();
});
afterAll(() => t.close());

const rotations = () => `/api/schools/${w.schoolId}/rotations`;
const groupOf = (round: { groups: string[][] }, id: string) =>
  round.groups.findIndex((g) => g.includes(id));

async function create(body: Record<string, unknown>): Promise<RotationPlanView> {
  const res = await w.as.contactTeacher!.post(rotations(), {
    groupId: w.classId,
    name: "Plan",
    rotationWeeks: 3,
    ...body,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

describe("keep-apart pairs from cases", () => {
  let plan: RotationPlanView;
  beforeAll(async () => {
    plan = await create({ structure: "groups", groupSize: 3, startsOn: "2026-09-01" });
  });

  it("are honoured in every round", () => {
    for (const r of plan.rounds) expect(groupOf(r, apartA)).not.toBe(groupOf(r, apartB));
  });

  it("are shown as the two pupils only, from the school, not removable", () => {
    const school = plan.constraints.filter((c) => c.source === "school");
    expect(school).toHaveLength(1);
    expect(school[0]).toEqual({
      id: null,
      kind: "apart",
      pupils: expect.arrayContaining([
        expect.objectContaining({ id: apartA }),
        expect.objectContaining({ id: apartB }),
      ]),
      source: "school",
    });
  });

  it("the rotation's JSON holds no case id and no case text", async () => {
    const res = await w.as.contactTeacher!.get(`/api/rotations/${plan.id}`);
    expect(res.body).not.toContain(caseId);
    expect(res.body).not.toContain(CASE_TEXT);
    expect(res.body).not.toContain("staff-concern");
    const stored = await t.database.db
      .selectFrom("rotation_plan")
      .select("planned_constraints")
      .where("id", "=", plan.id)
      .executeTakeFirstOrThrow();
    expect(stored.planned_constraints).not.toContain(apartA);
  });

  it("a hand-made round that puts them together is refused with 409 naming them", async () => {
    const round = plan.rounds.find((r) => r.status !== "past")!;
    const groups = round.groups.map((g) => g.filter((id) => id !== apartB));
    groups[groupOf(round, apartA)]!.push(apartB);
    const res = await w.as.contactTeacher!.put(`/api/rotations/${plan.id}/rounds/${round.index}`, {
      groups,
    });
    expect(res.statusCode).toBe(409);
    const body = res.json();
    expect(body.code).toBe("groups.constraintViolated");
    expect(body.pupils.map((p: { id: string }) => p.id).sort()).toEqual([apartA, apartB].sort());
    expect(body.message).toContain(body.pupils[0].name);
    expect(res.body).not.toContain(CASE_TEXT);
    const after = (await w.as.contactTeacher!.get(`/api/rotations/${plan.id}`)).json();
    expect(after.rounds[round.index]).toEqual(round);
  });
});

describe("changing a round by hand", () => {
  let plan: RotationPlanView;
  beforeAll(async () => {
    plan = await create({ structure: "groups", groupSize: 4, startsOn: "2026-09-01" });
  });

  it("moves two pupils, locks one and marks the round edited", async () => {
    const round = plan.rounds.find((r) => r.status === "planned")!;
    const groups = round.groups.map((g) => [...g]);
    // Swap the first pupils of groups 0 and 1 unless that breaks the keep-apart pair.
    const [x, y] = [groups[0]![0]!, groups[1]![0]!];
    groups[0]![0] = y;
    groups[1]![0] = x;
    const broken = groups.some((g) => g.includes(apartA) && g.includes(apartB));
    if (broken) {
      groups[0]![0] = x;
      groups[1]![0] = y;
    }
    const res = await w.as.contactTeacher!.put(`/api/rotations/${plan.id}/rounds/${round.index}`, {
      groups,
      locked: [x],
    });
    expect(res.statusCode, res.body).toBe(200);
    const view = res.json() as RotationPlanView;
    const saved = view.rounds[round.index]!;
    expect(saved.edited).toBe(true);
    expect(saved.groups).toEqual(groups);
    expect(saved.locked).toEqual([x]);

    // Re-planning from that round keeps the locked pupil in their group.
    const lockedGroup = groupOf(saved, x);
    const replanned = await w.as.contactTeacher!.post(`/api/rotations/${plan.id}/replan`, {
      fromRound: round.index,
      seed: 7,
    });
    expect(replanned.statusCode, replanned.body).toBe(200);
    const again = (replanned.json() as RotationPlanView).rounds[round.index]!;
    expect(groupOf(again, x)).toBe(lockedGroup);
    expect(again.edited).toBe(false);
  });

  it("refuses a round that leaves a pupil out or names one twice", async () => {
    const round = plan.rounds.find((r) => r.status === "planned")!;
    const missing = round.groups.map((g, i) => (i === 0 ? g.slice(1) : g));
    const res = await w.as.contactTeacher!.put(`/api/rotations/${plan.id}/rounds/${round.index}`, {
      groups: missing,
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().pupils.map((p: { id: string }) => p.id)).toEqual([round.groups[0]![0]]);
  });

  it("refuses to change a round that is over", async () => {
    const past = plan.rounds.find((r) => r.status === "past")!;
    const res = await w.as.contactTeacher!.put(`/api/rotations/${plan.id}/rounds/${past.index}`, {
      groups: past.groups,
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe("rotation.pastRound");
    const replan = await w.as.contactTeacher!.post(`/api/rotations/${plan.id}/replan`, {
      fromRound: past.index,
    });
    expect(replan.statusCode).toBe(409);
  });

  it("the contact teacher of another class may not change it", async () => {
    const round = plan.rounds.find((r) => r.status === "planned")!;
    const res = await w.as.otherContactTeacher!.put(
      `/api/rotations/${plan.id}/rounds/${round.index}`,
      { groups: round.groups },
    );
    expect(res.statusCode).toBe(403);
  });
});

describe("pupils leaving and joining", () => {
  let plan: RotationPlanView;
  const leaver = () => w.pupils[5] as string;
  let joiner: string;

  beforeAll(async () => {
    plan = await create({ structure: "vip", startsOn: "2026-09-01" });
    vipPlanId = plan.id;
  });

  it("a pupil who leaves is greyed out until the plan is re-planned", async () => {
    await t.database.db
      .deleteFrom("group_membership")
      .where("group_id", "=", w.classId)
      .where("person_id", "=", leaver())
      .execute();
    const view = (
      await w.as.contactTeacher!.get(`/api/rotations/${plan.id}`)
    ).json() as RotationPlanView;
    expect(view.needsReplan).toBe(true);
    expect(view.formerPupils.map((p) => p.id)).toEqual([leaver()]);

    const res = await w.as.contactTeacher!.post(`/api/rotations/${plan.id}/replan`, {});
    expect(res.statusCode, res.body).toBe(200);
    const after = res.json() as RotationPlanView;
    expect(after.needsReplan).toBe(false);
    const from = after.rounds.find((r) => r.status === "planned")!.index;
    for (const r of after.rounds) {
      if (r.index < from) expect(r).toEqual(plan.rounds[r.index]);
      else expect(r.groups.flat()).not.toContain(leaver());
    }
    plan = after;
  });

  it("a pupil who joins is planned in from the round given", async () => {
    const other = await t.database.db
      .selectFrom("role_assignment")
      .select("person_id")
      .where("school_id", "=", w.schoolId)
      .where("role", "=", "pupil")
      .where("person_id", "not in", w.pupils)
      .executeTakeFirstOrThrow();
    joiner = other.person_id;
    await t.database.db
      .insertInto("group_membership")
      .values({ group_id: w.classId, person_id: joiner, member_role: "pupil" })
      .execute();
    const view = (
      await w.as.contactTeacher!.get(`/api/rotations/${plan.id}`)
    ).json() as RotationPlanView;
    expect(view.needsReplan).toBe(true);
    const current = view.rounds.find((r) => r.status === "current");
    const from = current ? current.index : view.rounds.find((r) => r.status === "planned")!.index;
    const res = await w.as.contactTeacher!.post(`/api/rotations/${plan.id}/replan`, {
      fromRound: from,
    });
    expect(res.statusCode, res.body).toBe(200);
    const after = res.json() as RotationPlanView;
    for (const r of after.rounds.filter((x) => x.index >= from)) {
      expect(r.groups.flat()).toContain(joiner);
      expect(r.buddyPairs?.flat(2).sort()).toEqual(r.groups.flat().sort());
    }
  });
});

describe("the teacher's own rules", () => {
  let plan: RotationPlanView;
  beforeAll(async () => {
    plan = await create({ structure: "groups", groupSize: 3 });
  });

  it("adds a together pair, re-plans to honour it, and removes it", async () => {
    const [a, b] = [w.pupils[3] as string, w.pupils[4] as string];
    const added = await w.as.contactTeacher!.post(`/api/rotations/${plan.id}/constraints`, {
      kind: "together",
      pupilIds: [a, b],
    });
    expect(added.statusCode, added.body).toBe(200);
    const view = added.json() as RotationPlanView;
    expect(view.needsReplan).toBe(true);
    const rule = view.constraints.find((c) => c.source === "teacher")!;
    expect(rule.kind).toBe("together");
    const replanned = (
      await w.as.contactTeacher!.post(`/api/rotations/${plan.id}/replan`, { fromRound: 0 })
    ).json() as RotationPlanView;
    for (const r of replanned.rounds) expect(groupOf(r, a)).toBe(groupOf(r, b));
    const removed = await w.as.contactTeacher!.delete(
      `/api/rotations/${plan.id}/constraints/${rule.id}`,
    );
    expect(removed.statusCode).toBe(200);
    expect(
      (removed.json() as RotationPlanView).constraints.some((c) => c.source === "teacher"),
    ).toBe(false);
  });

  it("refuses a rule with a pupil from outside the group, or the same pupil twice", async () => {
    const outsider = w.ids.otherPrincipal!;
    for (const pupilIds of [
      [w.pupils[0], outsider],
      [w.pupils[0], w.pupils[0]],
    ]) {
      const res = await w.as.contactTeacher!.post(`/api/rotations/${plan.id}/constraints`, {
        kind: "apart",
        pupilIds,
      });
      expect(res.statusCode).toBe(400);
    }
  });

  it("a settings change re-plans the rounds that are not over", async () => {
    const res = await w.as.contactTeacher!.put(`/api/rotations/${plan.id}/settings`, {
      name: "Firergrupper",
      rotationWeeks: 4,
      groupSize: 4,
    });
    expect(res.statusCode, res.body).toBe(200);
    const view = res.json() as RotationPlanView;
    expect(view.name).toBe("Firergrupper");
    expect(view.rotationWeeks).toBe(4);
    const n = view.pupils.length;
    for (const r of view.rounds) expect(r.groups.length).toBe(Math.ceil(n / 4));
  });

  it("an archived plan can be read but not changed", async () => {
    const res = await w.as.contactTeacher!.post(`/api/rotations/${plan.id}/archive`, {});
    expect(res.statusCode).toBe(200);
    expect(res.json().archived).toBe(true);
    expect(res.json().canManage).toBe(false);
    const replan = await w.as.contactTeacher!.post(`/api/rotations/${plan.id}/replan`, {});
    expect(replan.statusCode).toBe(409);
    expect((await w.as.contactTeacher!.get(`/api/rotations/${plan.id}`)).statusCode).toBe(200);
  });
});

let seatingPlanId: string;
let vipPlanId: string;

describe("seating maps", () => {
  let room: Classroom;

  it("a teacher saves a classroom; staff read it; pupils and other schools do not", async () => {
    const layout = layoutTemplate("islands", { seats: 36, perTable: 4 });
    const res = await w.as.contactTeacher!.post(`/api/schools/${w.schoolId}/classrooms`, {
      name: "Rom 101",
      layout,
    });
    expect(res.statusCode, res.body).toBe(201);
    room = res.json();
    expect(room.seatCount).toBe(36);
    expect((await w.as.counsellor!.get(`/api/classrooms/${room.id}`)).statusCode).toBe(200);
    for (const who of ["pupil", "guardian", "otherPrincipal", "ownerCaseOfficer"]) {
      expect((await w.as[who]!.get(`/api/classrooms/${room.id}`)).statusCode).toBe(403);
      expect((await w.as[who]!.get(`/api/schools/${w.schoolId}/classrooms`)).statusCode).toBe(403);
    }
    const list = await w.as.counsellor!.get(`/api/schools/${w.schoolId}/classrooms`);
    expect(list.json().map((c: { id: string }) => c.id)).toContain(room.id);
  });

  it("refuses a broken layout with 400 and the layout problem", async () => {
    const res = await w.as.contactTeacher!.post(`/api/schools/${w.schoolId}/classrooms`, {
      name: "Tomt",
      layout: { kind: "custom", width: 5, height: 5, tables: [] },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().layoutProblems[0].code).toBe("layout.noSeats");
  });

  it("plans a seating map with a fixed seat in the front", async () => {
    const plan = await create({ structure: "seating", classroomId: room.id });
    seatingPlanId = plan.id;
    expect(plan.classroom?.id).toBe(room.id);
    for (const r of plan.rounds) {
      expect(r.groups.length).toBe(room.layout.tables.length);
      expect(Object.values(r.seats ?? {}).sort()).toEqual(plan.pupils.map((p) => p.id).sort());
    }
    const seatId = room.layout.tables[0]!.seats[0]!.id;
    const pupil = plan.pupils[0]!.id;
    const res = await w.as.contactTeacher!.put(`/api/rotations/${plan.id}/settings`, {
      name: plan.name,
      rotationWeeks: 3,
      fixedSeats: [{ pupilId: pupil, seatId }],
    });
    expect(res.statusCode, res.body).toBe(200);
    const view = res.json() as RotationPlanView;
    expect(view.fixedSeats).toEqual([{ pupilId: pupil, seatId }]);
    for (const r of view.rounds.filter((x) => x.status !== "past")) {
      expect(r.seats?.[seatId]).toBe(pupil);
    }
  });

  it("refuses a room with too few seats with 400 and writes nothing", async () => {
    const small = await w.as.contactTeacher!.post(`/api/schools/${w.schoolId}/classrooms`, {
      name: "Grupperom",
      layout: layoutTemplate("islands", { seats: 4, perTable: 4 }),
    });
    expect(small.statusCode).toBe(201);
    const before = await t.database.db.selectFrom("rotation_plan").select("id").execute();
    const res = await w.as.contactTeacher!.post(rotations(), {
      groupId: w.classId,
      name: "For trangt",
      structure: "seating",
      rotationWeeks: 3,
      classroomId: small.json().id,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().fields[0].path).toBe("classroomId");
    const after = await t.database.db.selectFrom("rotation_plan").select("id").execute();
    expect(after.length).toBe(before.length);
  });
});

describe("printouts", () => {
  const url = (plan: string, file: string, lang = "nb") =>
    `/api/rotations/${plan}/rounds/0/${file}?lang=${lang}`;

  it.each([
    ["seating.pdf", () => seatingPlanId],
    ["name-tags.pdf", () => seatingPlanId],
    ["groups.pdf", () => seatingPlanId],
    ["groups.pdf", () => vipPlanId],
    ["name-tags.pdf", () => vipPlanId],
  ])("%s is a PDF attachment, and the printout is audited", async (file, plan) => {
    const audits = async () =>
      (
        await t.database.db
          .selectFrom("audit_log")
          .select("detail")
          .where("action", "=", "rotation.print")
          .execute()
      ).length;
    const before = await audits();
    const res = await w.as.contactTeacher!.get(url(plan(), file, "nn"));
    expect(res.statusCode, res.body.slice(0, 200)).toBe(200);
    expect(res.headers["content-type"]).toBe("application/pdf");
    expect(String(res.headers["content-disposition"])).toMatch(/^attachment; filename=".+\.pdf"$/);
    expect(res.rawPayload.subarray(0, 5).toString()).toBe("%PDF-");
    expect(await audits()).toBe(before + 1);
  });

  it("the VIP group list counts the pupils of each group, not its buddy pairs", async () => {
    const view = (await w.as.contactTeacher!.get(`/api/rotations/${vipPlanId}`)).json();
    const round = view.rounds[0];
    const res = await w.as.contactTeacher!.get(url(vipPlanId, "groups.pdf"));
    const text = readPdf(res.rawPayload).text.replace(/\s+/g, " ");
    const sizes = (round.groups as string[][]).filter((g) => g.length > 0).map((g) => g.length);
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(4);
    for (const n of new Set(sizes)) expect(text).toContain(`${n} elever`);
    expect(text).not.toMatch(/\b2 elever\b/);
  });

  it("a plan without a classroom has no seating map", async () => {
    expect((await w.as.contactTeacher!.get(url(vipPlanId, "seating.pdf"))).statusCode).toBe(404);
  });

  it.each(["otherContactTeacher", "subjectTeacher", "pupil", "guardian", "otherPrincipal"])(
    "%s may not print",
    async (who) => {
      expect((await w.as[who]!.get(url(seatingPlanId, "name-tags.pdf"))).statusCode).toBe(403);
    },
  );

  it("anonymous gets 401", async () => {
    expect((await t.anonymous.get(url(seatingPlanId, "groups.pdf"))).statusCode).toBe(401);
  });
});
