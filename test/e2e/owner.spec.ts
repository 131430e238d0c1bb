// The school owner's own pages end to end, at desktop and phone width with axe on every page:
// the case officer changes the guardians-informed deadline (a bad value is refused with a
// field-specific message first) and adds a closed day, then puts things back; and the owner's
// case list opens from the menu. Desktop and phone share one server, so each uses its own day.
import { expect, expectNoA11yViolations, loginAs, mainNav, test } from "./support/fixtures.ts";

const OWNER = "Demo fylkeskommune";

test("the owner's case officer changes the guardians-informed deadline and adds a closed day", async ({
  page,
}, testInfo) => {
  await loginAs(page, "ownerCaseOfficer");
  const nav = await mainNav(page);
  await nav.getByRole("link", { name: "Frister og stengte dager" }).click();
  await expect(page).toHaveURL(/\/owner\/settings$/);
  await expect(
    page.getByRole("heading", { level: 1, name: "Frister og stengte dager" }),
  ).toBeFocused();
  const deadline = page.getByLabel("Frist for å informere foresatte (virkedager)");
  await expect(deadline).toHaveValue(/^\d+$/);
  await expectNoA11yViolations(page);

  // Out of range: refused, with the message at the field and in the summary.
  await deadline.fill("0");
  await page.getByRole("button", { name: "Lagre innstillingene" }).click();
  const link = page.getByRole("link", {
    name: "Frist for å informere foresatte (virkedager): Skriv et helt antall virkedager fra 1 til 30.",
  });
  await expect(link).toBeVisible();
  await expect(deadline).toHaveAttribute("aria-invalid", "true");
  await expectNoA11yViolations(page);
  await link.click();
  await expect(deadline).toBeFocused();

  // Desktop and phone share one server: only desktop saves a new value, so neither run
  // sees the other's change half-way (the refusal above changed nothing).
  const saves = testInfo.project.name !== "phone";
  if (saves) {
    await deadline.fill("3");
    await page.getByRole("button", { name: "Lagre innstillingene" }).click();
    await expect(page.getByRole("main").getByText("Innstillingene er lagret.")).toBeVisible();
  }

  // A closed day of its own per browser project.
  const day = testInfo.project.name === "phone" ? "2031-03-14" : "2031-03-13";
  const label = `E2E ${testInfo.project.name}`;
  await page.getByLabel("Dato").fill(day);
  await page.getByLabel("Beskrivelse").fill(label);
  await page.getByRole("button", { name: "Legg til stengt dag" }).click();
  await expect(page.getByRole("main").getByText(/er lagt til som stengt dag\.$/)).toBeVisible();
  const table = page.getByRole("table", { name: `Stengte dager hos ${OWNER}` });
  const row = table.getByRole("row", { name: new RegExp(label) });
  await expect(row).toBeVisible();
  await expectNoA11yViolations(page);

  // The change is kept.
  await page.reload();
  if (saves) {
    await expect(page.getByLabel("Frist for å informere foresatte (virkedager)")).toHaveValue("3");
  }
  await expect(row).toBeVisible();

  // Put things back for the other tests on this server.
  await row.getByRole("button", { name: /^Fjern / }).click();
  await expect(row).toHaveCount(0);
  if (saves) {
    await page.getByLabel("Frist for å informere foresatte (virkedager)").fill("2");
    await page.getByRole("button", { name: "Lagre innstillingene" }).click();
    await expect(page.getByRole("main").getByText("Innstillingene er lagret.")).toBeVisible();
  }
});

test("the area director opens the owner's case list from the menu", async ({ page }) => {
  await loginAs(page, "areaDirector");
  const nav = await mainNav(page);
  await nav.getByRole("link", { name: "Skoleeiers oppfølging" }).click();
  await expect(page).toHaveURL(/\/owner\/cases$/);
  await expect(
    page.getByRole("heading", { level: 1, name: "Skoleeiers oppfølging" }),
  ).toBeFocused();
  await expectNoA11yViolations(page);
});

test("the area director reads the compliance desk and downloads the state report", async ({
  page,
}) => {
  await loginAs(page, "areaDirector");
  const nav = await mainNav(page);
  await nav.getByRole("link", { name: "Skolemiljø i skolene" }).click();
  await expect(page).toHaveURL(/\/owner\/compliance$/);
  await expect(page.getByRole("heading", { level: 1, name: "Skolemiljø i skolene" })).toBeFocused();
  const table = page.getByRole("table", {
    name: /^Aktivitetsplikten per skole, skoleåret \d{4}-\d{4}$/,
  });
  await expect(table.getByRole("rowheader", { name: "Demo videregående skole" })).toBeVisible();
  await expect(table.getByRole("rowheader", { name: "Alle skolene" })).toBeVisible();
  await expect(page.getByRole("table", { name: /^Nye saker per måned/ })).toBeVisible();
  await expectNoA11yViolations(page);

  // The downloads are the same figures, for a spreadsheet and for the county council.
  const csv = await page.request.get(
    (await page.getByRole("link", { name: "Last ned som CSV" }).getAttribute("href")) ?? "",
  );
  expect(csv.status()).toBe(200);
  expect(await csv.text()).toMatch(/Alle skolene/);
  const pdf = await page.request.get(
    (await page.getByRole("link", { name: "Tilstandsrapport (PDF)" }).getAttribute("href")) ?? "",
  );
  expect(pdf.status()).toBe(200);
  expect(pdf.headers()["content-type"]).toBe("application/pdf");

  // The year before is one choice away; the table follows it.
  const years = page.getByRole("combobox", { name: "Skoleår" });
  const options = await years.locator("option").allTextContents();
  if (options.length > 1) {
    await years.selectOption(options[1] ?? "");
    await expect(
      page.getByRole("table", { name: `Aktivitetsplikten per skole, skoleåret ${options[1]}` }),
    ).toBeVisible();
  }
});
