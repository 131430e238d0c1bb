// Administration end to end, at desktop and phone width with axe on every page: the principal
// edits the school-year calendar (a bad date is refused with an error summary, then it saves),
// and gives a person a role and takes it back. The desktop and phone runs share one server, so
// each works on its own year and its own role, and cleans up after itself.
import { expect, expectNoA11yViolations, loginAs, mainNav, test } from "./support/fixtures.ts";

const SCHOOL = "Demo videregående skole";

/** The first Saturday of January after the autumn of `startYear`. */
function januarySaturday(startYear: number): { saturday: string; monday: string } {
  const day = new Date(Date.UTC(startYear + 1, 0, 1));
  while (day.getUTCDay() !== 6) day.setUTCDate(day.getUTCDate() + 1);
  const saturday = day.toISOString().slice(0, 10);
  day.setUTCDate(day.getUTCDate() + 2);
  return { saturday, monday: day.toISOString().slice(0, 10) };
}

test("principal edits the school-year calendar", async ({ page }, testInfo) => {
  await loginAs(page, "principal");
  const nav = await mainNav(page);
  await nav.getByRole("link", { name: "Skoleår" }).click();
  await expect(page).toHaveURL(/\/admin\/school-year$/);
  await expect(page.getByRole("heading", { level: 1, name: "Skoleår" })).toBeFocused();
  await expect(page.getByRole("table", { name: `Skoleår ved ${SCHOOL}` })).toBeVisible();
  await expect(page.getByRole("link", { name: "2026-2027" })).toBeVisible();
  await expectNoA11yViolations(page);

  await page.getByRole("link", { name: "Nytt skoleår" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Nytt skoleår" })).toBeVisible();
  const startYear = testInfo.project.name === "phone" ? 2031 : 2030;
  await page.getByLabel("Skoleåret starter i år").fill(String(startYear));
  await page.getByRole("button", { name: "Fyll inn forslag" }).click();
  await expect(page.getByRole("group", { name: "Høstferie" })).toBeVisible();
  await expect(page.getByRole("group", { name: "Påskeferie" })).toBeVisible();
  const label = `E2E ${testInfo.project.name} ${Date.now()}`;
  await page.getByLabel("Navn på skoleåret").fill(label);
  await expectNoA11yViolations(page);

  // Remove one holiday and add a planning day on a Saturday: the server refuses it.
  await page.getByRole("button", { name: "Fjern Vinterferie" }).click();
  await expect(page.getByRole("group", { name: "Vinterferie" })).toHaveCount(0);
  await page.getByRole("button", { name: "Legg til planleggingsdag" }).click();
  const added = page.getByRole("group", { name: "Planleggingsdag", exact: true });
  await expect(added).toBeVisible();
  const { saturday, monday } = januarySaturday(startYear);
  await added.getByLabel("Første dag").fill(saturday);
  await expect(added.getByLabel("Siste dag")).toHaveValue(saturday);
  await page.getByRole("button", { name: "Lagre skoleåret" }).click();

  const summary = page.getByText("Rett opp dette før du lagrer:");
  await expect(summary).toBeVisible();
  const link = page.getByRole("link", {
    name: "Planleggingsdag, første dag: En planleggingsdag må være en virkedag (ikke helg eller helligdag).",
  });
  await expect(link).toBeVisible();
  await expectNoA11yViolations(page);
  await link.click();
  await expect(added.getByLabel("Første dag")).toBeFocused();
  await expect(added.getByLabel("Første dag")).toHaveAttribute("aria-invalid", "true");

  // Fixed: the Monday after. Saved, and the page becomes the saved year's page.
  await added.getByLabel("Første dag").fill(monday);
  await page.getByRole("button", { name: "Lagre skoleåret" }).click();
  await expect(page.getByRole("main").getByText(`Skoleåret ${label} er lagret.`)).toBeVisible();
  await expect(summary).toHaveCount(0);
  await expect(page).toHaveURL(/\/admin\/school-year\/[0-9a-f-]{36}$/);
  await expectNoA11yViolations(page);

  await page.getByRole("link", { name: "Tilbake til skoleårene" }).click();
  await expect(page.getByRole("link", { name: label })).toBeVisible();
  await page.getByRole("link", { name: label }).click();
  await expect(page.getByRole("group", { name: "Vinterferie" })).toHaveCount(0);
  await expect(page.getByRole("group", { name: "Planleggingsdag", exact: true })).toBeVisible();
});

test("principal gives a person a role and takes it back", async ({ page }, testInfo) => {
  const phone = testInfo.project.name === "phone";
  // Two runs share the librarian: each gives a different role, so they never collide.
  const role = phone ? "Faglærer" : "Kontaktlærer";
  const groupLabel = phone ? "Faggruppe" : "Klasse";

  await loginAs(page, "principal");
  const nav = await mainNav(page);
  await nav.getByRole("link", { name: "Personer" }).click();
  await expect(page).toHaveURL(/\/admin\/people$/);
  await expect(page.getByRole("heading", { level: 1, name: "Personer" })).toBeFocused();
  await expect(page.getByRole("table", { name: `Personer ved ${SCHOOL}` })).toBeVisible();
  await expectNoA11yViolations(page);

  await page.getByLabel("Rolle").selectOption({ label: "Bibliotekar" });
  await page.getByRole("button", { name: "Søk", exact: true }).click();
  await expect(page.getByText("Viser 1–1 av 1")).toBeVisible();
  const table = page.getByRole("table", { name: `Personer ved ${SCHOOL}` });
  const person = table.getByRole("link");
  const [familyName, givenName] = ((await person.textContent()) ?? "").split(", ");
  const name = `${givenName} ${familyName}`;
  await person.click();
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  const roles = page.getByRole("region", { name: `Roller ved ${SCHOOL}` });
  await expect(roles.getByText("Bibliotekar", { exact: true })).toBeVisible();
  await expectNoA11yViolations(page);

  // A group role without its group: refused, with the error next to the group picker.
  await page.getByLabel("Rolle", { exact: true }).selectOption({ label: role });
  await page.getByRole("button", { name: "Gi rollen" }).click();
  const problem = page.getByRole("link", { name: "Velg klasse eller gruppe for denne rollen." });
  await expect(problem).toBeVisible();
  await expectNoA11yViolations(page);
  await problem.click();
  const group = page.getByLabel(groupLabel, { exact: true });
  await expect(group).toBeFocused();

  await group.selectOption({ index: 1 });
  const groupName = (await group.locator("option:checked").textContent())?.trim() ?? "";
  await page.getByRole("button", { name: "Gi rollen" }).click();
  const given = `${role} (${groupName})`;
  await expect(page.getByRole("main").getByText(`${name} har fått rollen ${given}.`)).toBeVisible();
  const remove = page.getByRole("button", { name: `Fjern rollen ${given}` });
  await expect(remove).toBeVisible();
  await expectNoA11yViolations(page);

  await remove.click();
  await expect(
    page.getByRole("main").getByText(`Rollen ${given} er fjernet fra ${name}.`),
  ).toBeVisible();
  await expect(remove).toHaveCount(0);
});

test("a subject teacher reads the calendar and the people but cannot change them", async ({
  page,
}) => {
  await loginAs(page, "subjectTeacher");
  const nav = await mainNav(page);
  await expect(nav.getByRole("link", { name: "Skoleår" })).toBeVisible();
  await nav.getByRole("link", { name: "Personer" }).click();
  await expect(page.getByRole("table", { name: `Personer ved ${SCHOOL}` })).toBeVisible();
  await expect(page.getByRole("link", { name: "Legg til person" })).toHaveCount(0);
  await (await mainNav(page)).getByRole("link", { name: "Skoleår" }).click();
  await expect(page.getByRole("link", { name: "2026-2027" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Nytt skoleår" })).toHaveCount(0);
  await page.getByRole("link", { name: "2026-2027" }).click();
  await expect(page.getByRole("table", { name: "Ferier og planleggingsdager" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Lagre skoleåret" })).toHaveCount(0);
  await expectNoA11yViolations(page);
});

test("the area director sees the schools and adds one", async ({ page }, testInfo) => {
  await loginAs(page, "areaDirector");
  const nav = await mainNav(page);
  await nav.getByRole("link", { name: "Skoler" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Skoler" })).toBeFocused();
  const table = page.getByRole("table", { name: "Skoler hos Demo fylkeskommune" });
  // A pupil count is shown; other tests on the same server may import pupils meanwhile.
  await expect(table.getByRole("row", { name: new RegExp(SCHOOL) })).toContainText(/\d{3,}/);
  await expectNoA11yViolations(page);

  const name = `E2E skole ${testInfo.project.name} ${Date.now()}`;
  await page.getByLabel("Navn", { exact: true }).fill(name);
  await page.getByLabel(/^Organisasjonsnummer/).fill("123");
  await page.getByRole("button", { name: "Legg til skolen" }).click();
  await expect(
    page.getByRole("link", { name: "Organisasjonsnummer: Organisasjonsnummeret må ha ni sifre." }),
  ).toBeVisible();
  await expectNoA11yViolations(page);
  await page.getByLabel(/^Organisasjonsnummer/).fill("");
  await page.getByRole("button", { name: "Legg til skolen" }).click();
  await expect(page.getByRole("main").getByText(`${name} er lagt til.`)).toBeVisible();
  await expect(table.getByRole("row", { name: new RegExp(name) })).toBeVisible();
});

test("the system administrator creates a school owner and adds its first school", async ({
  page,
}, testInfo) => {
  await loginAs(page, "systemAdmin");
  const nav = await mainNav(page);
  await nav.getByRole("link", { name: "Skoler" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Skoler" })).toBeFocused();
  const form = page.getByRole("form", { name: "Ny skoleeier" });
  await form.getByRole("button", { name: "Opprett skoleeieren" }).click();
  await expect(page.getByRole("link", { name: /^Navn på skoleeieren: / })).toBeVisible();
  await expectNoA11yViolations(page);

  const owner = `E2E fylke ${testInfo.project.name} ${Date.now()}`;
  await form.getByLabel("Navn på skoleeieren").fill(owner);
  await form.getByRole("button", { name: "Opprett skoleeieren" }).click();
  await expect(page.getByRole("main").getByText(`${owner} er opprettet.`)).toBeVisible();
  // The new owner is chosen, with no schools yet; its first school goes in at once.
  await expect(
    page.getByRole("combobox", { name: "Skoleeier" }).locator("option:checked"),
  ).toHaveText(owner);
  const table = page.getByRole("table", { name: `Skoler hos ${owner}` });
  await expect(table).toBeVisible();
  const school = `E2E vgs ${testInfo.project.name}`;
  await page.getByLabel("Navn", { exact: true }).fill(school);
  await page.getByRole("button", { name: "Legg til skolen" }).click();
  await expect(table.getByRole("row", { name: new RegExp(school) })).toBeVisible();
  await expectNoA11yViolations(page);
});

test("principal browses classes and groups", async ({ page }) => {
  await loginAs(page, "principal");
  const nav = await mainNav(page);
  await nav.getByRole("link", { name: "Personer" }).click();
  await page.getByRole("link", { name: "Klasser og grupper" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Klasser og grupper" })).toBeFocused();
  const classes = page.getByRole("table", { name: "Klasser", exact: true });
  await expect(classes.getByRole("link", { name: "1STA" })).toBeVisible();
  await expect(page.getByRole("table", { name: "Faggrupper" })).toBeVisible();
  await expectNoA11yViolations(page);
  await classes.getByRole("link", { name: "1STA" }).click();
  await expect(page).toHaveURL(/\/admin\/people\?groupId=/);
  await expect(page.getByText(/^Viser 1–\d+ av \d+$/)).toBeVisible();
});
