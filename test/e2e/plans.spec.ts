// The action plan end to end, at desktop and phone width with axe on every page: the
// principal makes a draft (a bad timing rule is refused with a translated error summary) and
// publishes it; a contact teacher sees and completes a task with a note; the leadership
// overview counts it; the published plan is open without login, also as the embeddable page.
// Desktop works on the upper secondary school, where the living demo has already published
// the plan (so the principal makes a new version of it), and phone on the lower secondary
// school, which has no plan (so the principal creates it from the template). The two runs on
// one server never meet. Before publishing, each adds a follow-up activity from one of its
// school's Elevundersøkelsen results.
import {
  chooseUserMenuItem,
  expect,
  expectNoA11yViolations,
  loginAs,
  mainNav,
  test,
} from "./support/fixtures.ts";

test("principal publishes the plan, a teacher completes a task, the public sees the plan", async ({
  page,
}, testInfo) => {
  // A long walk through four roles; small CI machines need more than the default.
  test.setTimeout(300_000);
  const phone = testInfo.project.name === "phone";
  // The login picker lists the main school's people first.
  const principal = phone ? 1 : 0;
  const teacher = phone ? 2 : 0;

  // --- the principal creates and publishes the plan --------------------------------------
  await loginAs(page, "principal", { index: principal });
  await (await mainNav(page)).getByRole("link", { name: "Handlingsplan", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Handlingsplan" })).toBeVisible();
  await expectNoA11yViolations(page);

  const create = page.getByRole("button", { name: "Lag utkast" });
  const alreadyPublished = page.getByRole("link", { name: "Les planen" });
  await expect(create.or(alreadyPublished).first()).toBeVisible();
  const draftHeading = page.getByRole("heading", {
    level: 1,
    name: /^Handlingsplan, versjon \d+$/,
  });
  // "Lag utkast" may also be offered for a later school year another spec has added, so the
  // plan in force decides: with one, changes go into its next version.
  if (!(await alreadyPublished.first().isVisible())) {
    await page.getByLabel("Skoleår", { exact: true }).selectOption({ label: "2026-2027" });
    await create.click();
    await expect(
      page.getByRole("heading", { level: 1, name: "Handlingsplan, versjon 1" }),
    ).toBeVisible();
  } else {
    // The demo's plan is in force from the first start: changes go into a new version.
    await alreadyPublished.first().click();
    await expect(draftHeading).toBeVisible();
    await expectNoA11yViolations(page);
    await page.getByRole("button", { name: "Lag ny versjon for endringer" }).click();
  }
  await expect(page.getByText("Dette er et utkast.")).toBeVisible();
  await expectNoA11yViolations(page);

  if (!phone) {
    // A rule the plan refuses: every 0 weeks. The summary links to the field.
    await page.getByRole("link", { name: /^Endre: Rullere makkerskapsgrupper/ }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Endre aktivitet" })).toBeVisible();
    await page.getByLabel("Antall uker mellom hver gang").fill("0");
    await page.getByRole("button", { name: "Lagre aktiviteten" }).click();
    await expect(page.getByText("Rett opp dette før du lagrer:")).toBeVisible();
    const problem = page.getByRole("link", {
      name: /Antall uker mellom hver gang: Antall uker mellom hver gang må være et helt tall på minst 1\./,
    });
    await expect(problem).toBeVisible();
    await expectNoA11yViolations(page);
    await problem.click();
    await expect(page.getByLabel("Antall uker mellom hver gang")).toBeFocused();
    await page.getByRole("link", { name: "Tilbake til planen" }).click();
    await expect(draftHeading).toBeVisible();
  }

  // --- a follow-up activity from an Elevundersøkelsen result, into this draft -------------
  await (await mainNav(page)).getByRole("link", { name: "Elevundersøkelsen", exact: true }).click();
  await expect(
    page.getByRole("heading", { level: 1, name: "Resultater fra Elevundersøkelsen" }),
  ).toBeVisible();
  await page.getByRole("link", { name: "Lag oppfølgingsaktivitet" }).click();
  // The draft exists, so the new activity opens at once, in Del 2 and linked to the result.
  await expect(page.getByRole("heading", { level: 1, name: "Ny aktivitet" })).toBeVisible();
  await expect(page.getByText("Følger opp:")).toBeVisible();
  const description = page.getByLabel("Aktivitet", { exact: true });
  await expect(description).toHaveValue(/^Følge opp: Resultater fra Elevundersøkelsen /);
  await expectNoA11yViolations(page);
  await page.getByLabel("Legg til ansvarlig").selectOption({ label: "Rektor" });
  await page.getByRole("button", { name: "Legg til", exact: true }).click();
  await page.getByLabel("Frist slik den står i planen").fill("I mars");
  await page.getByRole("button", { name: "Lagre aktiviteten" }).click();
  await expect(draftHeading).toBeVisible();
  const followUp = page.getByRole("link", { name: /^Resultater fra Elevundersøkelsen / });
  await expect(followUp.first()).toBeVisible();
  await expectNoA11yViolations(page);

  await page.getByRole("button", { name: "Publiser planen" }).click();
  await expect(page.locator("#main").getByText(/Planen er publisert\./)).toBeVisible();

  // The year wheel of the plan in force, as a timeline and as a calendar.
  await (await mainNav(page)).getByRole("link", { name: "Handlingsplan", exact: true }).click();
  await page.getByRole("link", { name: "Årshjulet" }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: /^Årshjul 2026-2027/ })).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: /desember 2026/ })).toBeVisible();
  await expectNoA11yViolations(page);
  await page.getByRole("tab", { name: "Kalender" }).click();
  await expect(page.getByRole("table", { name: /2026|2027/ })).toBeVisible();
  await expectNoA11yViolations(page);

  // The public address, for later.
  await (await mainNav(page)).getByRole("link", { name: "Handlingsplan", exact: true }).click();
  const publicLink = page.getByRole("link", { name: "Den publiserte planen" });
  await expect(publicLink).toBeVisible();
  const publicPath = (await publicLink.getAttribute("href")) ?? "";
  expect(publicPath).toMatch(/^\/plan\/[0-9a-f-]{36}$/);

  const before = await overviewDone(page);
  await chooseUserMenuItem(page, "Logg ut");

  // --- a contact teacher completes a task --------------------------------------------------
  await loginAs(page, "contactTeacher", { index: teacher });
  await (await mainNav(page)).getByRole("link", { name: "Mine oppgaver" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Mine oppgaver" })).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: /^Denne uken/ })).toBeVisible();
  await expectNoA11yViolations(page);

  const confirm = page.getByRole("button", { name: "Jeg har lest rutinen" });
  if (await confirm.isVisible()) {
    await confirm.click();
    await expect(page.getByText(/at du har lest rutinen for aktivitetsplikten/)).toBeVisible();
  }

  // The first open task; once its form is open, the note field is the only one on the page.
  await page.getByRole("button", { name: "Marker som gjort" }).first().click();
  await page.getByLabel("Hva ble gjort?").fill("Samtale i klassen om trivsel og vennskap.");
  await expectNoA11yViolations(page);
  await page.getByRole("button", { name: "Lagre som gjort" }).click();
  const done = page.getByRole("region", { name: /^Nylig gjort/ });
  await expect(done.getByText("Samtale i klassen om trivsel og vennskap.").first()).toBeVisible();
  await expectNoA11yViolations(page);
  await chooseUserMenuItem(page, "Logg ut");

  // --- the leadership overview counts it ----------------------------------------------------
  await loginAs(page, "principal", { index: principal });
  const after = await overviewDone(page);
  expect(after).toBeGreaterThan(before);
  await expectNoA11yViolations(page);
  await chooseUserMenuItem(page, "Logg ut");

  // --- the published plan, without login ----------------------------------------------------
  await page.goto(publicPath);
  await expect(
    page.getByRole("heading", { level: 1, name: "Handlingsplan for trygt og godt skolemiljø" }),
  ).toBeVisible();
  await expect(page.getByRole("table", { name: /Forebyggende arbeid: aktiviteter/ })).toBeVisible();
  await expect(page.getByRole("link", { name: "Last ned som PDF" })).toBeVisible();
  await expectNoA11yViolations(page);

  // The page for school websites: server-rendered, no script.
  const schoolId = publicPath.split("/").pop();
  await page.goto(`/public/schools/${schoolId}/plan`);
  await expect(
    page.getByRole("heading", { level: 1, name: "Handlingsplan for trygt og godt skolemiljø" }),
  ).toBeVisible();
  await expect(page.getByRole("columnheader", { name: "Ansvar" }).first()).toBeVisible();
  await expectNoA11yViolations(page);
  await page.getByRole("link", { name: "English" }).click();
  await expect(page.getByRole("columnheader", { name: "Responsible" }).first()).toBeVisible();
  await expectNoA11yViolations(page);
});

/** Opens the plan overview and reads the "Gjort" figure. */
async function overviewDone(page: import("@playwright/test").Page): Promise<number> {
  await (await mainNav(page)).getByRole("link", { name: "Planoversikt" }).click();
  await expect(
    page.getByRole("heading", { level: 1, name: "Fremdrift i handlingsplanen" }),
  ).toBeVisible();
  const value = page
    .locator(".plan-stat")
    .filter({ hasText: /^Gjort\d+$/ })
    .locator("dd");
  await expect(value).toBeVisible();
  return Number(await value.textContent());
}
