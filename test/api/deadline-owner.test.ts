// `trygg deadline --school-owner ID` uses the owner's closed days and deadline setting.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { deadlineFor, ownerCalendar } from "../../src/cli/commands/deadline.ts";
import type { IsoDate } from "../../src/core/calendar/iso-date.ts";
import type { DatabaseHandle } from "../../src/server/platform/db/database.ts";
import { createTestDatabase } from "../support/db.ts";

let database: DatabaseHandle;
let ownerId: string;
beforeAll(async () => {
  database = await createTestDatabase();
  const owner = await database.db.selectFrom("school_owner").select("id").executeTakeFirstOrThrow();
  ownerId = owner.id;
  await database.db
    .insertInto("owner_closed_day")
    .values([
      { owner_id: ownerId, day: "2026-11-27", label: "Fylkesdag" },
      { owner_id: ownerId, day: "2026-11-30", label: "Stengt" },
    ])
    .execute();
  await database.db
    .updateTable("school_owner")
    .set({ plan_deadline_working_days: 3 })
    .where("id", "=", ownerId)
    .execute();
});
afterAll(() => database.close());

describe("owner calendar", () => {
  it("reads closed days and the deadline setting", async () => {
    const cal = await ownerCalendar(database.db, ownerId);
    expect(cal?.planDeadlineWorkingDays).toBe(3);
    expect(cal?.closedDays.sort()).toEqual(["2026-11-27", "2026-11-30"]);
    // Thursday 26 Nov + 3 working days, skipping Fri 27 and Mon 30: Tue 1, Wed 2, Thu 3 Dec.
    expect(
      deadlineFor("2026-11-26" as IsoDate, cal?.planDeadlineWorkingDays ?? 0, cal?.closedDays),
    ).toBe("2026-12-03");
  });

  it("answers null for an unknown owner", async () => {
    expect(await ownerCalendar(database.db, "00000000-0000-4000-8000-000000000000")).toBeNull();
  });
});
