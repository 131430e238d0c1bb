// The owner's own case list (issue #8): every case the owner's staff may read across the
// owner's schools (leadership cases, escalated, serious, §12-5 notified), what needs the owner
// first, and nothing else: not a school case the owner was never brought into, not another
// owner's cases, not for school staff.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp, type TestClient } from "../support/app.ts";
import { otherOwnerOfficer } from "../support/other-owner.ts";
import { demoSchools, personWithRole } from "../support/people.ts";

let t: TestApp;
let ownerId: string;
let bigId: string;
let smallId: string;
const as: Record<string, TestClient> = {};
const cases: Record<string, string> = {};
const people: Record<string, string> = {};

/** New sessions (after the test clock has moved past the old ones' expiry). */
async function login() {
  for (const [name, id] of Object.entries(people)) as[name] = await t.as(id);
}

interface Item {
  id: string;
  schoolId: string;
  schoolName: string;
  kind: string;
  needsOwner: boolean;
  nextStep: { kind: string; overdue: boolean; dueOn: string } | null;
}

async function pupilAt(schoolId: string, index = 0): Promise<string> {
  return personWithRole(t.database.db, "pupil", { schoolId, index });
}

async function report(who: string, schoolId: string, kind: string, pupil: string) {
  const res = await as[who]!.post(`/api/schools/${schoolId}/cases`, {
    kind,
    pupilIds: [pupil],
    description: "Noe skjedde i friminuttet.",
  });
  expect(res.statusCode, `${who} reports ${kind}`).toBe(201);
  const row = await t.database.db
    .selectFrom("case_report")
    .select("case_id")
    .where("id", "=", (res.json() as { reportId: string }).reportId)
    .executeTakeFirstOrThrow();
  return row.case_id;
}

const ownerList = async (who: string, id = ownerId) =>
  as[who]!.get(`/api/owners/${id}/cases?status=open`);

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  const { big, small } = await demoSchools(db);
  ownerId = big.ownerId;
  bigId = big.id;
  smallId = small.id;
  const other = await otherOwnerOfficer(db);
  const ids = {
    officer: await personWithRole(db, "ownerCaseOfficer", { ownerId }),
    director: await personWithRole(db, "areaDirector", { ownerId }),
    principal: await personWithRole(db, "principal", { schoolId: bigId }),
    smallPrincipal: await personWithRole(db, "principal", { schoolId: smallId }),
    teacher: await personWithRole(db, "contactTeacher", { schoolId: bigId }),
    otherOfficer: other.officer,
  };
  Object.assign(people, ids);
  await login();

  // A school case the owner never hears of.
  cases.plain = await report("principal", bigId, "staff-concern", await pupilAt(bigId, 0));
  // A school case at the small school marked serious: the owner reads it; the next step is
  // the school's.
  cases.serious = await report("smallPrincipal", smallId, "staff-concern", await pupilAt(smallId));
  await as.smallPrincipal!.post(`/api/cases/${cases.serious}/acknowledge`);
  expect(
    (await as.smallPrincipal!.post(`/api/cases/${cases.serious}/serious`, { reason: "Vold." }))
      .statusCode,
  ).toBe(200);
  // A leadership case: straight to the owner, whose acknowledgement is due.
  cases.leadership = await report(
    "teacher",
    bigId,
    "leadership-violation",
    await pupilAt(bigId, 1),
  );
});
afterAll(() => t.close());

describe("GET /api/owners/:ownerId/cases (the owner's case list)", () => {
  it("holds the leadership and serious cases across the owner's schools, not the plain one", async () => {
    for (const who of ["officer", "director"]) {
      const res = await ownerList(who);
      expect(res.statusCode, who).toBe(200);
      const ids = (res.json() as { items: Item[] }).items.map((i) => i.id);
      expect(ids, who).toContain(cases.leadership);
      expect(ids, who).toContain(cases.serious);
      expect(ids, who).not.toContain(cases.plain);
    }
  });

  it("puts first what needs the owner now, and names each case's school", async () => {
    const items = ((await ownerList("officer")).json() as { items: Item[] }).items;
    expect(items[0]).toMatchObject({
      id: cases.leadership,
      needsOwner: true,
      nextStep: { kind: "acknowledge" },
    });
    const serious = items.find((i) => i.id === cases.serious);
    expect(serious).toMatchObject({ needsOwner: false, schoolId: smallId });
    expect(serious?.schoolName).not.toBe("");
    // Needs-the-owner rows come before the rest, whatever their dates.
    const firstOther = items.findIndex((i) => !i.needsOwner);
    expect(items.slice(firstOther).every((i) => !i.needsOwner)).toBe(true);
  });

  it("puts overdue steps before later ones among the cases that need the owner", async () => {
    t.now.value = new Date(t.now.value.getTime() + 3 * 24 * 3600_000);
    await login();
    const second = await report("teacher", bigId, "leadership-violation", await pupilAt(bigId, 2));
    const items = ((await ownerList("officer")).json() as { items: Item[] }).items;
    const order = items.filter((i) => i.needsOwner).map((i) => i.id);
    expect(order.indexOf(cases.leadership as string)).toBeLessThan(order.indexOf(second));
    expect(items.find((i) => i.id === cases.leadership)?.nextStep?.overdue).toBe(true);
  });

  it("an owner officer of another owner sees none of it, and cannot list this owner", async () => {
    expect((await ownerList("otherOfficer")).statusCode).toBe(403);
    const own = await ownerList("otherOfficer", (await otherOwnerId()) as string);
    expect(own.statusCode).toBe(200);
    expect((own.json() as { items: Item[] }).items).toEqual([]);
  });

  it("school staff cannot call it", async () => {
    for (const who of ["principal", "smallPrincipal", "teacher"]) {
      expect((await ownerList(who)).statusCode, who).toBe(403);
    }
    expect((await t.anonymous.get(`/api/owners/${ownerId}/cases`)).statusCode).toBe(401);
  });
});

async function otherOwnerId(): Promise<string | undefined> {
  const row = await t.database.db
    .selectFrom("school_owner")
    .select("id")
    .where("id", "!=", ownerId)
    .executeTakeFirst();
  return row?.id;
}
