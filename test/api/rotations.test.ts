// Rotation plans over the API: creating each structure, reading it, overriding a round (valid
// and refused), re-planning after a pupil leaves or joins, and who may do what.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RotationGroupSummary, RotationPlanView } from "../../src/contract/rotations.ts";
import { createTestApp, type TestApp } from "../support/app.ts";
import { type RotationWorld, rotationWorld } from "./rotations-setup.ts";

let t: TestApp;
let w: RotationWorld;

const count = async (table: "rotation_plan" | "rotation_round" | "audit_log", action?: string) => {
  let q = t.database.db.selectFrom(table).select((eb) => eb.fn.countAll<string>().as("n"));
  if (action) q = q.where("action" as never, "=", action as never);
  return Number((await q.executeTakeFirstOrThrow()).n);
};

beforeAll(async () => {
  t = await createTestApp();
  w = await rotationWorld(t);
});
afterAll(() => t.close());

const rotations = () => `/api/schools/${w.schoolId}/rotations`;

function everyoneOnce(view: RotationPlanView) {
  const ids = view.pupils.map((p) => p.id).sort();
  for (const r of view.rounds) expect(r.groups.flat().sort()).toEqual(ids);
}

describe("creating plans", () => {
  let vip: RotationPlanView;

  it("a contact teacher makes VIP buddy groups for the class, rotating every 3 weeks", async () => {
    const res = await w.as.contactTeacher!.post(rotations(), {
      groupId: w.classId,
      name: "VIP høst",
      structure: "vip",
      rotationWeeks: 3,
      startsOn: "2026-08-17",
    });
    expect(res.statusCode).toBe(201);
    vip = res.json();
    expect(vip.structure).toBe("vip");
    expect(vip.rounds.length).toBeGreaterThan(3);
    expect(vip.rounds.length).toBeLessThanOrEqual(20);
    everyoneOnce(vip);
    for (const r of vip.rounds) {
      expect(r.buddyPairs?.length).toBe(r.groups.length);
      for (const g of r.groups)
        expect(g.length === 0 || (g.length >= 2 && g.length <= 6)).toBe(true);
    }
    // Rounds follow each other without gaps, three teaching weeks apart at least.
    for (let i = 1; i < vip.rounds.length; i++) {
      const prev = vip.rounds[i - 1]!;
      const cur = vip.rounds[i]!;
      expect(prev.endsOn < cur.startsOn).toBe(true);
      expect(Date.parse(cur.startsOn) - Date.parse(prev.startsOn)).toBeGreaterThanOrEqual(
        14 * 86_400_000,
      );
    }
    const statuses = vip.rounds.map((r) => r.status);
    expect(statuses).toContain("past");
    expect(statuses.filter((s) => s === "current").length).toBeLessThanOrEqual(1);
    expect(vip.canManage).toBe(true);
    expect(vip.needsReplan).toBe(false);
    expect(vip.quality.maxMeetings).toBeGreaterThan(0);
    expect(vip.repeatsLowerBound).toBeGreaterThanOrEqual(0);
    expect(await count("audit_log", "rotation.create")).toBe(1);
  });

  it("plain groups of 4 for a teaching group by its subject teacher", async () => {
    const res = await w.as.subjectTeacher!.post(rotations(), {
      groupId: w.teachingGroupId,
      name: "Grupper",
      structure: "groups",
      groupSize: 4,
      unevenPolicy: "larger",
      rotationWeeks: 4,
      mixGender: true,
    });
    expect(res.statusCode).toBe(201);
    const view = res.json() as RotationPlanView;
    everyoneOnce(view);
    const n = view.pupils.length;
    for (const r of view.rounds) {
      expect(r.groups.length).toBe(Math.floor(n / 4));
      for (const g of r.groups) expect([4, 5]).toContain(g.length);
    }
    // Starting today: nothing is over yet.
    expect(view.rounds.every((r) => r.status !== "past")).toBe(true);
  });

  it("the rotation groups list shows the teacher's own groups with their plans", async () => {
    const res = await w.as.contactTeacher!.get(`/api/schools/${w.schoolId}/rotation-groups`);
    expect(res.statusCode).toBe(200);
    const list = res.json() as RotationGroupSummary[];
    const own = list.find((g) => g.groupId === w.classId);
    expect(own?.plans.map((p) => p.id)).toEqual([vip.id]);
    expect(own?.pupilCount).toBe(w.pupils.length);
    expect(own?.kind).toBe("class");
    const mine = (
      await w.as.subjectTeacher!.get(`/api/schools/${w.schoolId}/rotation-groups`)
    ).json();
    expect((mine as RotationGroupSummary[]).some((g) => g.groupId === w.classId)).toBe(false);
    const all = (await w.as.principal!.get(`/api/schools/${w.schoolId}/rotation-groups`)).json();
    expect((all as RotationGroupSummary[]).length).toBeGreaterThan(2);
  });

  it("reads the plan and audits the read", async () => {
    const before = await count("audit_log", "rotation.read");
    const res = await w.as.contactTeacher!.get(`/api/rotations/${vip.id}`);
    expect(res.statusCode).toBe(200);
    expect((res.json() as RotationPlanView).rounds).toEqual(vip.rounds);
    expect(await count("audit_log", "rotation.read")).toBe(before + 1);
  });

  it.each([
    ["groupSize 7", { structure: "groups", groupSize: 7, rotationWeeks: 3 }, "groupSize"],
    ["rotationWeeks 5", { structure: "groups", groupSize: 3, rotationWeeks: 5 }, "rotationWeeks"],
    ["no group size", { structure: "groups", rotationWeeks: 3 }, "groupSize"],
    [
      "unknown classroom",
      {
        structure: "seating",
        rotationWeeks: 3,
        classroomId: "00000000-0000-4000-8000-000000000000",
      },
      "classroomId",
    ],
    ["bad start date", { structure: "vip", rotationWeeks: 3, startsOn: "2026-13-01" }, "startsOn"],
  ])("refuses %s with 400 and writes nothing", async (_name, body, field) => {
    const plans = await count("rotation_plan");
    const res = await w.as.contactTeacher!.post(rotations(), {
      groupId: w.classId,
      name: "Feil",
      ...body,
    });
    expect(res.statusCode).toBe(400);
    const json = res.json() as { message: string; fields?: { path: string; message: string }[] };
    expect(json.message.length).toBeGreaterThan(0);
    expect(json.fields?.map((f) => f.path)).toContain(field);
    expect(json.fields?.every((f) => f.message.length > 0)).toBe(true);
    expect(await count("rotation_plan")).toBe(plans);
  });

  it("refuses an unknown group to the principal with 400", async () => {
    const res = await w.as.principal!.post(rotations(), {
      groupId: "00000000-0000-4000-8000-000000000000",
      name: "X",
      structure: "vip",
      rotationWeeks: 3,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().fields[0].path).toBe("groupId");
  });
});

describe("who may plan and read", () => {
  let planId: string;
  beforeAll(async () => {
    const res = await w.as.principal!.post(rotations(), {
      groupId: w.classId,
      name: "Rektors plan",
      structure: "groups",
      groupSize: 3,
      rotationWeeks: 4,
    });
    expect(res.statusCode).toBe(201);
    planId = res.json().id;
  });

  it.each([
    "otherContactTeacher",
    "subjectTeacher",
    "otherSubjectTeacher",
    "pupil",
    "guardian",
    "otherPrincipal",
    "ownerCaseOfficer",
    "counsellor",
  ])("%s can neither read nor create the class's plans", async (who) => {
    const client = w.as[who]!;
    expect((await client.get(`/api/rotations/${planId}`)).statusCode).toBe(403);
    const created = await client.post(rotations(), {
      groupId: w.classId,
      name: "Nei",
      structure: "vip",
      rotationWeeks: 3,
    });
    expect(created.statusCode).toBe(403);
    const replan = await client.post(`/api/rotations/${planId}/replan`, {});
    expect(replan.statusCode).toBe(403);
  });

  it("anonymous gets 401", async () => {
    expect((await t.anonymous.get(`/api/rotations/${planId}`)).statusCode).toBe(401);
    expect((await t.anonymous.get(`/api/schools/${w.schoolId}/rotation-groups`)).statusCode).toBe(
      401,
    );
  });

  it("pupils, guardians and other schools cannot list rotation groups", async () => {
    for (const who of ["pupil", "guardian", "otherPrincipal", "ownerCaseOfficer"]) {
      const res = await w.as[who]!.get(`/api/schools/${w.schoolId}/rotation-groups`);
      expect(res.statusCode).toBe(403);
    }
  });

  it("the deputy reads and manages every group's plans", async () => {
    const res = await w.as.deputy!.get(`/api/rotations/${planId}`);
    expect(res.statusCode).toBe(200);
    expect(res.json().canManage).toBe(true);
  });
});
