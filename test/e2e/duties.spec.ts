// The social worker's daily duty end to end, at desktop and phone width with axe: in "Mine
// oppgaver" they tick the places and save "done today", then correct it to "not today" the
// same day; the principal reads the record and the share per month, and sees the dates the
// school must set for the plan's undated events. The demo's plan is published on first start.
// Both runs share the one social worker, so the leadership check asks only that today is there.
import {
  chooseUserMenuItem,
  expect,
  expectNoA11yViolations,
  loginAs,
  mainNav,
  test,
} from "./support/fixtures.ts";

const METHOD = "Miljøarbeider oppholde seg i kantine, aula og andre fellesområder";

test("the social worker records today's presence; the principal reads the record", async ({
  page,
}) => {
  await loginAs(page, "socialWorker");
  await (await mainNav(page)).getByRole("link", { name: "Mine oppgaver" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Mine oppgaver" })).toBeVisible();
  const card = page.locator(".duty-card");
  await expect(card.getByRole("heading", { name: `Daglig: ${METHOD}` })).toBeVisible();
  const { activeSchoolId } = await (await page.request.get("/api/session")).json();
  const mine = await (
    await page.request.get(`/api/schools/${activeSchoolId}/plan-duties/mine`)
  ).json();

  if (!mine.schoolDay) {
    // A weekend or a break: nothing to record, and the card says so.
    await expect(card.getByText("I dag er ikke en skoledag")).toBeVisible();
    await expectNoA11yViolations(page);
    return;
  }
  await card.getByRole("checkbox", { name: "Kantina" }).check();
  await card.getByRole("checkbox", { name: "Aulaen" }).check();
  await expectNoA11yViolations(page);
  await card.getByRole("button", { name: "Gjort i dag" }).click();
  await expect(card.getByText("Registrert: gjort i dag (Kantina, Aulaen).")).toBeVisible();
  await expectNoA11yViolations(page);

  // Corrected the same day: not today, with a short note and no reason needed.
  await card.getByLabel("Merknad (valgfri, kort)").fill("Kurs hele dagen.");
  await card.getByRole("button", { name: "Ikke i dag" }).click();
  await expect(card.getByText("Registrert: ikke i dag.")).toBeVisible();
  await expectNoA11yViolations(page);
  await chooseUserMenuItem(page, "Logg ut");

  // --- the principal reads the record -----------------------------------------------------
  await loginAs(page, "principal");
  await (await mainNav(page)).getByRole("link", { name: "Handlingsplan", exact: true }).click();
  await page.getByRole("link", { name: "Daglige plikter: registreringer" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Daglige plikter" })).toBeVisible();
  await expect(
    page.getByRole("table", { name: `Andel skoledager gjort per måned: ${METHOD}` }),
  ).toBeVisible();
  const records = page.getByRole("table", { name: `Registreringer: ${METHOD}` });
  await expect(records).toBeVisible();
  await expect(records.getByRole("row")).not.toHaveCount(1);
  await expectNoA11yViolations(page);

  // The plan in force lists the events whose date the school must set.
  await (await mainNav(page)).getByRole("link", { name: "Handlingsplan", exact: true }).click();
  await page.getByRole("link", { name: "Les planen" }).first().click();
  await expect(page.getByRole("heading", { name: "Datoer skolen må sette" })).toBeVisible();
  await expect(page.getByText("Internasjonal dag: forslag 24.10.")).toBeVisible();
  await expectNoA11yViolations(page);
});
