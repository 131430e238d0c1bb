// The owner settings page's API (issue #8): the duty-to-act deadlines, the alert minutes, the
// Statsforvalteren office and the closed days. Owner roles only, validated, audited, and a
// refused change changes nothing.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp, type TestClient } from "../support/app.ts";
import { otherOwnerOfficer } from "../support/other-owner.ts";
import { demoSchools, personWithRole } from "../support/people.ts";

let t: TestApp;
let ownerId: string;
const as: Record<string, TestClient> = {};

const valid = {
  planDeadlineWorkingDays: 5,
  alertEscalationMinutes: 30,
  investigationDeadlineWorkingDays: 3,
  guardiansInformedWorkingDays: 2,
  stateAdministratorName: "Statsforvalteren i Oslo og Viken",
  stateAdministratorAddress: "Postboks 325, 1502 Moss",
  stateAdministratorEmail: "sfovpost@statsforvalteren.no",
  stateAdministratorUrl: "https://www.statsforvalteren.no/nb/oslo-og-viken/",
};

const settingsUrl = () => `/api/owners/${ownerId}/case-settings`;
const daysUrl = () => `/api/owners/${ownerId}/closed-days`;
const audits = (action: string) =>
  t.database.db
    .selectFrom("audit_log")
    .select(["actor_id", "owner_id", "detail"])
    .where("action", "=", action)
    .orderBy("seq", "desc")
    .execute();
const ownerRow = () =>
  t.database.db
    .selectFrom("school_owner")
    .selectAll()
    .where("id", "=", ownerId)
    .executeTakeFirstOrThrow();

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  const { big, small } = await demoSchools(db);
  ownerId = big.ownerId;
  const other = await otherOwnerOfficer(db);
  const admin = await db
    .selectFrom("person")
    .select("id")
    .where("is_system_admin", "=", true)
    .executeTakeFirstOrThrow();
  const ids = {
    areaDirector: await personWithRole(db, "areaDirector", { ownerId }),
    caseOfficer: await personWithRole(db, "ownerCaseOfficer", { ownerId }),
    principal: await personWithRole(db, "principal", { schoolId: big.id }),
    otherPrincipal: await personWithRole(db, "principal", { schoolId: small.id }),
    teacher: await personWithRole(db, "contactTeacher", { schoolId: big.id }),
    otherOfficer: other.officer,
    admin: admin.id,
  };
  for (const [name, id] of Object.entries(ids)) as[name] = await t.as(id);
});
afterAll(() => t.close());

describe("owner case settings", () => {
  it("shows the defaults and the closed days to both owner roles", async () => {
    for (const who of ["caseOfficer", "areaDirector"]) {
      const res = await as[who]!.get(settingsUrl());
      expect(res.statusCode, who).toBe(200);
      expect(res.json()).toMatchObject({
        planDeadlineWorkingDays: 5,
        alertEscalationMinutes: 60,
        investigationDeadlineWorkingDays: 2,
        guardiansInformedWorkingDays: 2,
        stateAdministratorUrl: expect.stringMatching(/^https:\/\//),
        closedDays: [],
      });
    }
  });

  it("a case officer saves all four numbers and the office, with one audit row", async () => {
    const res = await as.caseOfficer!.put(settingsUrl(), {
      ...valid,
      stateAdministratorName: "Statsforvalteren i Østfold, Buskerud, Oslo og Akershus",
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ investigationDeadlineWorkingDays: 3 });
    const row = await ownerRow();
    expect(row).toMatchObject({
      alert_escalation_minutes: 30,
      investigation_deadline_working_days: 3,
      state_administrator_name: "Statsforvalteren i Østfold, Buskerud, Oslo og Akershus",
    });
    const [audit] = await audits("owner.caseSettingsUpdated");
    expect(audit).toMatchObject({ owner_id: ownerId });
    expect(audit?.detail).toMatchObject({
      changes: { investigationDeadlineWorkingDays: { from: 2, to: 3 } },
    });
  });

  it.each([
    ["planDeadlineWorkingDays", 0, "settings.workingDaysRange"],
    ["investigationDeadlineWorkingDays", 31, "settings.workingDaysRange"],
    ["guardiansInformedWorkingDays", 2.5, "settings.workingDaysRange"],
    ["alertEscalationMinutes", 4, "settings.minutesRange"],
    ["alertEscalationMinutes", 1441, "settings.minutesRange"],
    ["stateAdministratorUrl", "http://statsforvalteren.no", "field.invalidHttpsUrl"],
    ["stateAdministratorEmail", "not-an-address", "field.invalidEmail"],
    ["stateAdministratorName", "  ", "field.required"],
  ])(
    "refuses %s = %j with a translated field message and changes nothing",
    async (field, value, code) => {
      const before = await ownerRow();
      const auditsBefore = (await audits("owner.caseSettingsUpdated")).length;
      const res = await as.areaDirector!.request({
        method: "PUT",
        url: settingsUrl(),
        payload: { ...valid, [field]: value },
        headers: { "accept-language": "en" },
      });
      expect(res.statusCode).toBe(400);
      const fields = (res.json() as { fields: { path: string; code: string; message: string }[] })
        .fields;
      expect(fields).toEqual([{ path: field, code, message: expect.any(String) }]);
      expect(await ownerRow()).toEqual(before);
      expect((await audits("owner.caseSettingsUpdated")).length).toBe(auditsBefore);
    },
  );

  it("answers in nynorsk when asked", async () => {
    const res = await as.areaDirector!.request({
      method: "PUT",
      url: settingsUrl(),
      payload: { ...valid, alertEscalationMinutes: 2 },
      headers: { "accept-language": "nn" },
    });
    expect(res.json()).toMatchObject({
      fields: [{ path: "alertEscalationMinutes", message: expect.stringContaining("minutt") }],
    });
  });

  it("is refused to school staff, another owner's officer and the system administrator", async () => {
    for (const who of ["principal", "otherPrincipal", "teacher", "otherOfficer", "admin"]) {
      expect((await as[who]!.get(settingsUrl())).statusCode, who).toBe(403);
      expect((await as[who]!.put(settingsUrl(), valid)).statusCode, who).toBe(403);
      expect(
        (await as[who]!.post(daysUrl(), { day: "2027-01-04", label: "x" })).statusCode,
        who,
      ).toBe(403);
      expect((await as[who]!.delete(`${daysUrl()}/2027-01-04`)).statusCode, who).toBe(403);
    }
    expect((await t.anonymous.get(settingsUrl())).statusCode).toBe(401);
    expect((await ownerRow()).investigation_deadline_working_days).toBe(3);
  });

  it("an unknown owner is not found", async () => {
    const res = await as.caseOfficer!.get(
      "/api/owners/00000000-0000-4000-8000-000000000000/case-settings",
    );
    expect(res.statusCode).toBe(404);
  });
});

describe("owner closed days", () => {
  it("adds, lists and removes a closed day, each audited", async () => {
    const added = await as.caseOfficer!.post(daysUrl(), { day: "2027-01-04", label: "Fylkesdag" });
    expect(added.statusCode).toBe(201);
    expect(added.json()).toEqual({ day: "2027-01-04", label: "Fylkesdag" });
    const list = (await as.areaDirector!.get(settingsUrl())).json() as { closedDays: unknown[] };
    expect(list.closedDays).toEqual([{ day: "2027-01-04", label: "Fylkesdag" }]);
    expect((await audits("owner.closedDayAdded"))[0]?.detail).toEqual({
      day: "2027-01-04",
      label: "Fylkesdag",
    });
    expect((await as.areaDirector!.delete(`${daysUrl()}/2027-01-04`)).statusCode).toBe(204);
    expect(
      ((await as.caseOfficer!.get(settingsUrl())).json() as { closedDays: unknown[] }).closedDays,
    ).toEqual([]);
    expect((await audits("owner.closedDayRemoved")).length).toBe(1);
  });

  it("the owner's closed day moves a case's plan deadline", async () => {
    const { loadOwnerRules } = await import("../../src/server/cases/store.ts");
    await as.caseOfficer!.post(daysUrl(), { day: "2027-01-05", label: "Stengt" });
    const rules = await loadOwnerRules(t.database.db, ownerId);
    expect(rules.calendar.isWorkingDay("2027-01-05" as never)).toBe(false);
    await as.caseOfficer!.delete(`${daysUrl()}/2027-01-05`);
  });

  it("refuses a bad date, a missing label and a day already closed, changing nothing", async () => {
    const count = async () =>
      (await t.database.db.selectFrom("owner_closed_day").select("day").execute()).length;
    const before = await count();
    const bad = await as.caseOfficer!.post(daysUrl(), { day: "2027-02-30", label: "x" });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ fields: [{ path: "day", code: "field.invalidDate" }] });
    const noLabel = await as.caseOfficer!.post(daysUrl(), { day: "2027-02-01", label: "" });
    expect(noLabel.json()).toMatchObject({ fields: [{ path: "label", code: "field.required" }] });
    await as.caseOfficer!.post(daysUrl(), { day: "2027-02-01", label: "Stengt" });
    const twice = await as.caseOfficer!.post(daysUrl(), { day: "2027-02-01", label: "Igjen" });
    expect(twice.statusCode).toBe(400);
    expect(twice.json()).toMatchObject({ fields: [{ path: "day", code: "closedDay.taken" }] });
    expect(await count()).toBe(before + 1);
  });

  it("removing a day that is not closed is not found", async () => {
    expect((await as.caseOfficer!.delete(`${daysUrl()}/2027-03-01`)).statusCode).toBe(404);
    expect((await as.caseOfficer!.delete(`${daysUrl()}/not-a-day`)).statusCode).toBe(404);
  });
});
