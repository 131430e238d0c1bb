// A guardian says ifra about their child and is told their rights on time: "Mine meldinger"
// shows the case in plain words and when and where they may go to Statsforvalteren, with axe
// at desktop and 360 px.
import { expect, expectNoA11yViolations, loginAs, test } from "./support/fixtures.ts";

test("a guardian says ifra and sees the case and the right to go to Statsforvalteren", async ({
  page,
}, testInfo) => {
  await loginAs(page, "guardian", { index: testInfo.project.name === "phone" ? 1 : 0 });
  await page.getByRole("link", { name: "Si ifra", exact: true }).click();
  const child = page.getByRole("group", { name: "Hvem gjelder det?" });
  if (await child.isVisible()) await child.getByRole("radio").first().check();
  await page
    .getByLabel("Fortell hva som skjer")
    .fill("Barnet mitt blir holdt utenfor i friminuttene.");
  await page.getByRole("button", { name: "Send meldingen" }).click();
  await page.getByRole("link", { name: "Mine meldinger" }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: "Mine meldinger" })).toBeVisible();

  // The receipt's complaint right, from the owner's Statsforvalteren office.
  await expect(
    page.getByRole("heading", { name: "Du kan melde saken til Statsforvalteren" }).first(),
  ).toBeVisible();
  await expect(page.getByText("Statsforvalteren i Oslo og Viken").first()).toBeVisible();
  await expect(
    page.getByText(/så du kan melde den fra og med \d\d\.\d\d\.\d{4}/).first(),
  ).toBeVisible();

  // The case about the child, in plain words.
  await expect(page.getByRole("heading", { name: "Saker om skolemiljøet" })).toBeVisible();
  await expect(page.getByRole("heading", { name: /^Sak om / }).first()).toBeVisible();
  await expect(page.getByText("Skolen har fått meldingen.").first()).toBeVisible();
  await expect(
    page.getByText("Skolen har ikke laget en aktivitetsplan ennå.").first(),
  ).toBeVisible();
  await expectNoA11yViolations(page);
});
