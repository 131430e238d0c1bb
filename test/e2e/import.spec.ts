// The import page end to end, at desktop and phone width with axe: the principal uploads a
// CSV template file with one bad row and reads the row error table (nothing imported), then
// uploads the corrected file and sees the summary. Desktop and phone share one server, so
// each run uses its own ids.
import { expect, expectNoA11yViolations, loginAs, mainNav, test } from "./support/fixtures.ts";

const HEADER = "type;id;fornavn;etternavn;e-post;klasse;trinn;grupper;foresatt_for";

function csv(
  prefix: string,
  badEmail: boolean,
): { name: string; mimeType: string; buffer: Buffer } {
  const rows = [
    HEADER,
    `elev;${prefix}-1;Åse;Ødegård;ase@${prefix}.invalid;8E;8;Spansk 8;`,
    `elev;${prefix}-2;Øystein;Bråten;${badEmail ? "oystein@@skole" : `oystein@${prefix}.invalid`};8E;8;;`,
    `lærer;${prefix}-3;Kåre;Ærlig;kare@${prefix}.invalid;8E;;Spansk 8;`,
    `foresatt;${prefix}-4;Bjørg;Ødegård;;;;;${prefix}-1`,
  ];
  // As Excel's "CSV UTF-8" writes it: BOM, semicolons, CRLF.
  const text = `\uFEFF${rows.join("\r\n")}\r\n`;
  return { name: "elever.csv", mimeType: "text/csv", buffer: Buffer.from(text, "utf8") };
}

test("principal imports a CSV file: a bad row is reported, the fixed file is imported", async ({
  page,
}, testInfo) => {
  const prefix = `e2e-${testInfo.project.name}-${Date.now()}`;
  await loginAs(page, "principal");
  const nav = await mainNav(page);
  await nav.getByRole("link", { name: "Import" }).click();
  await expect(page).toHaveURL(/\/admin\/import$/);
  await expect(
    page.getByRole("heading", { level: 1, name: "Importer elever og ansatte" }),
  ).toBeFocused();
  await expect(page.getByRole("radio", { name: "CSV-mal (én fil)" })).toBeChecked();
  await expectNoA11yViolations(page);

  // Submitting without a file says so at the input.
  await page.getByRole("button", { name: "Last opp og importer" }).click();
  await expect(page.getByText("Velg en fil først.")).toBeVisible();
  await expect(page.getByLabel("CSV-fil", { exact: true })).toBeFocused();

  // One bad row: nothing is imported and the row is in the error table.
  await page.getByLabel("CSV-fil", { exact: true }).setInputFiles(csv(prefix, true));
  await page.getByRole("button", { name: "Last opp og importer" }).click();
  await expect(
    page.getByRole("heading", { name: "Filen har feil. Ingenting er importert." }),
  ).toBeVisible();
  const errors = page.getByRole("table", { name: "Feil i filen (1)" });
  await expect(errors).toBeVisible();
  const row = errors.getByRole("row").nth(1);
  await expect(row.getByRole("cell").nth(0)).toHaveText("elever.csv");
  await expect(row.getByRole("cell").nth(1)).toHaveText("3");
  await expect(row.getByRole("cell").nth(2)).toHaveText("e-post");
  await expect(row.getByRole("cell").nth(3)).toHaveText("E-postadressen er ikke gyldig.");
  await expectNoA11yViolations(page);

  // The fixed file goes in, with a summary of what was created.
  await page.getByRole("button", { name: "Importer en fil til" }).click();
  await page.getByLabel("CSV-fil", { exact: true }).setInputFiles(csv(prefix, false));
  await page.getByRole("button", { name: "Last opp og importer" }).click();
  await expect(page.getByRole("heading", { name: "Importen er fullført." })).toBeVisible();
  const summary = page.getByRole("table", { name: "Resultat av importen" });
  await expect(summary).toBeVisible();
  const people = summary.getByRole("row", { name: /^Personer/ });
  await expect(people.getByRole("cell").nth(0)).toHaveText("4");
  await expect(page.getByRole("table", { name: /Feil i filen/ })).toHaveCount(0);
  await expectNoA11yViolations(page);

  // Both runs are in the history.
  const history = page.getByRole("table", { name: /Tidligere importer ved/ });
  await expect(history.getByRole("row", { name: /Ikke importert/ }).first()).toBeVisible();
  await expect(history.getByRole("row", { name: /Fullført/ }).first()).toBeVisible();
});

test("a teacher has no import page in the menu", async ({ page }) => {
  await loginAs(page, "contactTeacher");
  const nav = await mainNav(page);
  await expect(nav.getByRole("link", { name: "Import" })).toHaveCount(0);
});
