// National survey results end to end, at desktop and phone width with axe on every page: the
// principal opens Elevundersøkelsen from the menu (the demo has two years imported), uploads
// a broken file and reads every bad row with line, column and reason (nothing imported),
// uploads a good one, and then reads the charts and the same figures as tables. A contact
// teacher has no such page in the menu.
import { syntheticSkoleportenFile } from "../../src/core/surveys/national/synthetic.ts";
import { DEMO_UPPER_SECONDARY_NAME } from "../../src/server/demo/generate.ts";
import { expect, expectNoA11yViolations, loginAs, mainNav, test } from "./support/fixtures.ts";

function file(year: string, broken: boolean): { name: string; mimeType: string; buffer: Buffer } {
  let text = syntheticSkoleportenFile({
    units: [
      { name: DEMO_UPPER_SECONDARY_NAME, offset: 0 },
      { name: "Nasjonalt", offset: 0 },
    ],
    years: [year],
    trinn: ["Vg1", "Vg2", "Vg3"],
    seed: 5,
  });
  if (broken) {
    const lines = text.split("\r\n");
    lines[2] = (lines[2] ?? "").replace(/;[0-9],[0-9];Snitt$/, ";fire;Snitt");
    lines[4] = (lines[4] ?? "").replace(";Vg1;", ";Vg9;");
    text = lines.join("\r\n");
  }
  return { name: "elevundersokelsen.csv", mimeType: "text/csv", buffer: Buffer.from(text, "utf8") };
}

test("principal imports Elevundersøkelsen results and reads the charts and tables", async ({
  page,
}, testInfo) => {
  // Desktop and phone share one server: each adds its own school year.
  const year = testInfo.project.name === "phone" ? "2021-22" : "2020-21";
  await loginAs(page, "principal");
  const nav = await mainNav(page);
  await nav.getByRole("link", { name: "Elevundersøkelsen" }).click();
  await expect(
    page.getByRole("heading", { level: 1, name: "Resultater fra Elevundersøkelsen" }),
  ).toBeFocused();
  await expectNoA11yViolations(page);

  await page.getByRole("link", { name: "Importer resultater" }).click();
  await expect(
    page.getByRole("heading", { level: 1, name: "Importer resultater fra Elevundersøkelsen" }),
  ).toBeFocused();
  await expectNoA11yViolations(page);

  // A broken file: nothing imported, every bad row in the table.
  await page.getByLabel("Fil", { exact: true }).setInputFiles(file(year, true));
  await page.getByRole("button", { name: "Last opp og importer" }).click();
  await expect(
    page.getByRole("heading", { name: "Filen har feil. Ingenting er importert." }),
  ).toBeVisible();
  const errors = page.getByRole("table", { name: "Feil i filen (2)" });
  await expect(errors.getByRole("row", { name: /3 Verdi «fire» er ikke et tall\./ })).toBeVisible();
  await expect(errors.getByRole("row", { name: /5 Trinn «Vg9» er ikke et trinn/ })).toBeVisible();
  await expectNoA11yViolations(page);

  // The good file goes in.
  await page.getByRole("button", { name: "Importer en fil til" }).click();
  await page.getByLabel("Fil", { exact: true }).setInputFiles(file(year, false));
  await page.getByRole("button", { name: "Last opp og importer" }).click();
  await expect(page.getByRole("heading", { name: "Importen er fullført." })).toBeVisible();
  const counts = page.getByRole("table", { name: "Hva importen gjorde" });
  await expect(counts.getByRole("row", { name: "Rader i filen 90" })).toBeVisible();
  await expectNoA11yViolations(page);

  // The results: the charts are SVG with a title, and their figures are tables too.
  await page.getByRole("main").getByRole("link", { name: "Til resultatene" }).first().click();
  await expect(
    page.getByRole("heading", { level: 1, name: "Resultater fra Elevundersøkelsen" }),
  ).toBeVisible();
  // recharts' accessibility layer: the SVG is a keyboard-operable "application" named by its title.
  await expect(page.getByRole("application", { name: /^Utvikling over år/ })).toBeVisible();
  await expect(page.getByRole("application", { name: /^Trinn side om side/ })).toBeVisible();
  const main = page.getByRole("main");
  const yearPicker = main.getByLabel("Skoleår", { exact: true });
  await page.getByText("Vis tallene som tabell").first().click();
  const trend = page.getByRole("table", { name: /Skolens indekser per skoleår/ });
  await expect(trend.getByRole("columnheader", { name: year })).toBeVisible();
  await expect(trend.getByRole("row", { name: /^Trivsel/ })).toBeVisible();
  // The demo hides Vg3 boys: shown as hidden, never as 0.
  await main.getByLabel("Kjønn", { exact: true }).selectOption("male");
  const years = await yearPicker.locator("option").allTextContents();
  await yearPicker.selectOption({ label: years.at(-1) ?? year });
  await page.getByText("Vis tallene som tabell").nth(1).click();
  const compare = page.getByRole("table", { name: /Trivsel per trinn/ });
  await expect(compare.getByRole("row", { name: /^Vg3 skjult \(for få svar\)/ })).toBeVisible();
  await expectNoA11yViolations(page);
});

test("a contact teacher has no Elevundersøkelsen page in the menu", async ({ page }) => {
  await loginAs(page, "contactTeacher");
  const nav = await mainNav(page);
  await expect(nav.getByRole("link", { name: "Elevundersøkelsen" })).toHaveCount(0);
});
