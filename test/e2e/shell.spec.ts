// The shell end to end: demo login, home per role, languages, the audit log, logging out,
// keyboard-only use, and axe on every page at desktop and phone width.
import * as OTPAuth from "otpauth";
import {
  chooseLanguage,
  chooseUserMenuItem,
  expect,
  expectNoA11yViolations,
  LOCAL_PASSWORD,
  LOCAL_USER,
  loginAs,
  mainNav,
  TOTP_PHONE_USER,
  TOTP_USER,
  test,
} from "./support/fixtures.ts";

test("principal: home, three languages, audit log, log out", async ({ page }) => {
  await page.goto("/login");
  await expect(page).toHaveTitle("Logg inn – Trygg");
  await expect(page.locator("html")).toHaveAttribute("lang", "nb");
  await expectNoA11yViolations(page);

  const name = await loginAs(page, "principal");
  const givenName = name.split(" ")[0] ?? name;
  await expect(page).toHaveTitle("Forside – Trygg");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Hei, ${givenName}`);
  await expect(page.getByText("Du er logget inn ved Demo videregående skole.")).toBeVisible();
  await expect(page.getByRole("heading", { name: "Aktivitetsplikten", exact: true })).toBeVisible();
  // What needs the principal's attention comes first: the cases and the plan tasks.
  await expect(page.getByRole("heading", { name: "Trenger oppmerksomhet" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Se alle saker" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Se alle oppgavene mine" })).toBeVisible();
  await expectNoA11yViolations(page);

  await chooseLanguage(page, "Nynorsk");
  await expect(page.locator("html")).toHaveAttribute("lang", "nn");
  await expect(page).toHaveTitle("Framside – Trygg");
  await expect(page.getByRole("heading", { name: "Aktivitetsplikta", exact: true })).toBeVisible();
  await expectNoA11yViolations(page);

  await chooseLanguage(page, "English");
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page).toHaveTitle("Home – Trygg");
  await expect(page.getByRole("heading", { name: "The duty to act", exact: true })).toBeVisible();
  await expectNoA11yViolations(page);

  await chooseLanguage(page, "Bokmål");
  await expect(page.locator("html")).toHaveAttribute("lang", "nb");
  await expect(page).toHaveTitle("Forside – Trygg");

  // The choice survives a reload (kept in the browser).
  await page.reload();
  await expect(page.getByRole("heading", { name: "Aktivitetsplikten", exact: true })).toBeVisible();

  // Reading the list of people is audited: 26 reads fill more than one page of the log.
  const { activeSchoolId } = await (await page.request.get("/api/session")).json();
  for (let i = 0; i < 26; i++) {
    expect((await page.request.get(`/api/schools/${activeSchoolId}/people`)).ok()).toBe(true);
  }

  const nav = await mainNav(page);
  await nav.getByRole("link", { name: "Logg" }).click();
  await expect(page).toHaveURL(/\/audit$/);
  await expect(page).toHaveTitle("Hendelseslogg – Trygg");
  await expect(page.getByRole("heading", { level: 1, name: "Hendelseslogg" })).toBeFocused();
  const table = page.getByRole("table", {
    name: "Hendelser ved Demo videregående skole, nyeste først",
  });
  await expect(table).toBeVisible();
  await expect(table.getByRole("columnheader", { name: "Tidspunkt" })).toBeVisible();
  const pager = page.getByRole("navigation", { name: "Sidevelger" });
  await expect(table.getByRole("row")).toHaveCount(26); // the header and 25 entries
  await expect(table.getByRole("cell", { name: "Personliste åpnet" }).first()).toBeVisible();
  await expect(table.getByRole("cell", { name: "Deg", exact: true }).first()).toBeVisible();
  await expect(pager.getByText("Side 1 · Viser hendelse 1–25")).toBeVisible();
  await expectNoA11yViolations(page);
  await pager.getByRole("button", { name: "Neste side" }).click();
  await expect(pager.getByText(/^Side 2 · Viser hendelse 26–/)).toBeVisible();
  await pager.getByRole("button", { name: "Forrige side" }).click();
  await expect(pager.getByText("Side 1 · Viser hendelse 1–25")).toBeVisible();

  await chooseUserMenuItem(page, "Logg ut");
  await expect(page).toHaveURL(/\/login$/);
  await expect(page.getByText("Du er logget ut.", { exact: true }).first()).toBeVisible();
  const session = await page.request.get("/api/session");
  expect((await session.json()).authenticated).toBe(false);
  await page.goto("/audit");
  await expect(page).toHaveURL(/\/login\?next=%2Faudit$/);
});

test("pupil: only own items, no admin pages", async ({ page }) => {
  await loginAs(page, "pupil");
  await expect(
    page.getByRole("heading", { name: "Du har rett til et trygt og godt skolemiljø" }),
  ).toBeVisible();
  await expect(page.getByText("Elev", { exact: true })).toBeVisible();
  await expectNoA11yViolations(page);

  const nav = await mainNav(page);
  await expect(nav.getByRole("link", { name: "Forside" })).toBeVisible();
  await expect(nav.getByRole("link", { name: "Logg" })).toHaveCount(0);
  await expect(page.getByRole("heading", { name: "Aktivitetsplikten", exact: true })).toHaveCount(
    0,
  );

  // Typing the address of a principal's page gives a clear answer, not a broken page.
  await page.goto("/audit");
  await expect(page.getByRole("heading", { level: 1, name: "Ingen tilgang" })).toBeVisible();
  await expectNoA11yViolations(page);
});

test("keyboard only: skip link, search the demo picker, log in, log out", async ({ page }) => {
  await page.goto("/login");
  await expect(page.getByRole("heading", { level: 1, name: "Logg inn" })).toBeVisible();

  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: "Hopp til hovedinnholdet" });
  await expect(skip).toBeFocused();
  await expect(skip).toBeVisible();
  await page.keyboard.press("Enter");
  await expect(page.locator("#main")).toBeFocused();

  // From the main landmark, the next stop is the picker's search field.
  await page.keyboard.press("Tab");
  const search = page.getByRole("searchbox", { name: "Søk etter navn, rolle, skole eller klasse" });
  await expect(search).toBeFocused();
  await page.keyboard.type("rektor ungdomsskole");
  await expect(page.getByText("1 person", { exact: true })).toBeVisible();
  await page.keyboard.press("Tab");
  const person = page.getByRole("region", { name: "Rektor", exact: true }).getByRole("button");
  await expect(person).toBeFocused();
  // The focus ring is visible (Designsystemet's focus outline).
  const outline = await person.evaluate((el) => getComputedStyle(el).outlineStyle);
  expect(outline).not.toBe("none");
  await page.keyboard.press("Enter");

  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByText("Du er logget inn ved Demo ungdomsskole.")).toBeVisible();
  await expectNoA11yViolations(page);

  // Log out with the keyboard: Tab through the header to the user menu.
  const phone = (page.viewportSize()?.width ?? 1280) < 768;
  if (phone) {
    const menu = page.getByRole("button", { name: "Meny", exact: true });
    for (let i = 0; i < 60 && !(await menu.evaluate((el) => el === document.activeElement)); i++) {
      await page.keyboard.press("Tab");
    }
    await expect(menu).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(page.getByRole("button", { name: "Lukk meny", exact: true })).toHaveAttribute(
      "aria-expanded",
      "true",
    );
  }
  const userMenu = page.getByRole("button", { name: /^Brukermeny for / });
  for (
    let i = 0;
    i < 30 && !(await userMenu.evaluate((el) => el === document.activeElement));
    i++
  ) {
    await page.keyboard.press("Tab");
  }
  await expect(userMenu).toBeFocused();
  await page.keyboard.press("Enter");
  const logout = page.getByRole("button", { name: "Logg ut", exact: true });
  await expect(logout).toBeVisible();
  // The menu's first item is the account page, then logging out.
  await page.keyboard.press("Tab");
  await expect(page.getByRole("button", { name: "Min konto", exact: true })).toBeFocused();
  await page.keyboard.press("Tab");
  await expect(logout).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/login$/);
  await expect(page.getByRole("heading", { level: 1, name: "Logg inn" })).toBeFocused();
});

test("local login: missing fields and wrong password are explained", async ({ page }) => {
  await page.goto("/login");
  await page.getByRole("button", { name: "Logg inn", exact: true }).click();
  const summary = page.getByRole("group", {
    name: "For å gå videre må du rette opp følgende feil:",
  });
  await expect(summary).toBeFocused();
  await expect(summary.getByRole("link", { name: "Skriv inn brukernavnet ditt." })).toBeVisible();
  await expect(summary.getByRole("link", { name: "Skriv inn passordet ditt." })).toBeVisible();
  await expectNoA11yViolations(page);

  await summary.getByRole("link", { name: "Skriv inn passordet ditt." }).click();
  await expect(page.getByLabel("Passord", { exact: true })).toBeFocused();

  await page.getByLabel("Brukernavn", { exact: true }).fill("finnes.ikke");
  await page.getByLabel("Passord", { exact: true }).fill("feil-passord");
  await page.getByRole("button", { name: "Logg inn", exact: true }).click();
  await expect(summary.getByRole("link", { name: "Feil brukernavn eller passord." })).toBeVisible();
});

test("local account: username and password", async ({ page }) => {
  await page.goto("/login");
  await page.getByLabel("Brukernavn", { exact: true }).fill(LOCAL_USER);
  await page.getByLabel("Passord", { exact: true }).fill(LOCAL_PASSWORD);
  await page.getByRole("button", { name: "Logg inn", exact: true }).click();
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Hei, Lokal");
  await expect(page.getByText("Du har ingen roller ved en skole i Trygg.")).toBeVisible();
  await expectNoA11yViolations(page);
});

test("local account: turn on two-step login on the account page, then log in with a code", async ({
  page,
}, testInfo) => {
  // Each browser project turns on the second factor of its own account.
  const username = testInfo.project.name === "desktop" ? TOTP_USER : TOTP_PHONE_USER;
  const login = async () => {
    await page.goto("/login");
    await page.getByLabel("Brukernavn", { exact: true }).fill(username);
    await page.getByLabel("Passord", { exact: true }).fill(LOCAL_PASSWORD);
    await page.getByRole("button", { name: "Logg inn", exact: true }).click();
  };
  await login();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Hei, Kode");

  await chooseUserMenuItem(page, "Min konto");
  await expect(page).toHaveURL(/\/konto$/);
  await expect(page).toHaveTitle("Min konto – Trygg");
  await expect(page.getByRole("heading", { level: 1, name: "Min konto" })).toBeVisible();
  await expect(page.getByText("Brukernavn og passord", { exact: true })).toBeVisible();
  await expect(page.getByText("Totrinnsinnlogging er slått av.")).toBeVisible();
  await expectNoA11yViolations(page);

  await page.getByRole("button", { name: "Slå på totrinnsinnlogging" }).click();
  await expect(
    page.getByRole("img", { name: "QR-kode som legger Trygg til i autentiseringsappen" }),
  ).toBeVisible();
  // The key to type in by hand, shown in groups of four.
  const secret = ((await page.locator(".account-secret code").textContent()) ?? "").replace(
    /\s/g,
    "",
  );
  expect(secret).toMatch(/^[A-Z2-7]{16,}$/);
  const totp = new OTPAuth.TOTP({
    secret: OTPAuth.Secret.fromBase32(secret),
    digits: 6,
    period: 30,
  });
  const codeField = page.getByRole("textbox", { name: "Engangskode", exact: true });
  await expect(codeField).toHaveAttribute("autocomplete", "one-time-code");
  await expect(codeField).toHaveAttribute("inputmode", "numeric");
  await expectNoA11yViolations(page);

  // The password is asked again: a wrong one is refused and nothing changes.
  const problems = page.getByRole("group", { name: "Rett opp dette før du lagrer:" });
  await codeField.fill(totp.generate());
  await page.getByLabel("Passord", { exact: true }).fill("ikke-passordet");
  await page.getByRole("button", { name: "Slå på", exact: true }).click();
  await expect(problems.getByRole("link", { name: "Passordet er feil." })).toBeVisible();

  await codeField.fill(totp.generate());
  await page.getByLabel("Passord", { exact: true }).fill(LOCAL_PASSWORD);
  await page.getByRole("button", { name: "Slå på", exact: true }).click();
  const done = page.getByText(/^Totrinnsinnlogging er slått på\. Neste gang/);
  await expect(done).toBeVisible();
  await expect(page.locator(".account-result")).toBeFocused();
  await expect(page.getByText("Totrinnsinnlogging er slått på.", { exact: true })).toBeVisible();
  await expectNoA11yViolations(page);

  await chooseUserMenuItem(page, "Logg ut");
  await expect(page).toHaveURL(/\/login$/);

  await login();
  const summary = page.getByRole("group", {
    name: "For å gå videre må du rette opp følgende feil:",
  });
  const code = page.getByRole("textbox", { name: "Engangskode", exact: true });
  await expect(code).toBeFocused();
  await expectNoA11yViolations(page);
  // The code used to turn the factor on is spent; the app's next code is valid already
  // (the server accepts one step either side), so the test need not wait for it.
  const next = totp.generate({ timestamp: Date.now() + 30_000 });
  await code.fill(next === "000000" ? "111111" : "000000");
  await page.getByRole("button", { name: "Bekreft" }).click();
  await expect(
    summary.getByRole("link", { name: "Engangskoden er feil eller utløpt." }),
  ).toBeVisible();
  await code.fill(next);
  await page.getByRole("button", { name: "Bekreft" }).click();
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Hei, Kode");

  await chooseUserMenuItem(page, "Min konto");
  await expect(page.getByText("Brukernavn, passord og engangskode", { exact: true })).toBeVisible();
  await page.getByRole("button", { name: "Slå av totrinnsinnlogging" }).click();
  await expect(page.getByRole("textbox", { name: "Engangskode", exact: true })).toBeFocused();
  await expectNoA11yViolations(page);
});

test("log out everywhere ends the person's other sessions", async ({ page, browser }, testInfo) => {
  test.skip(testInfo.project.name !== "desktop", "one person's sessions: run once, not per width");
  // The second counsellor: no other test logs in as this person.
  await loginAs(page, "counsellor", { index: 1 });
  const other = await browser.newContext({
    baseURL: testInfo.project.use.baseURL,
    extraHTTPHeaders: { "x-forwarded-for": "10.250.0.2" },
  });
  const otherPage = await other.newPage();
  await loginAs(otherPage, "counsellor", { index: 1 });
  expect((await (await otherPage.request.get("/api/session")).json()).authenticated).toBe(true);

  await chooseUserMenuItem(page, "Logg ut overalt");
  await expect(page).toHaveURL(/\/login$/);
  await expect(
    page.getByText("Du er logget ut på alle enheter.", { exact: true }).first(),
  ).toBeVisible();
  expect((await (await otherPage.request.get("/api/session")).json()).authenticated).toBe(false);
  // The other browser finds out at its next request and goes to the login page.
  await (await mainNav(otherPage)).getByRole("link", { name: "Demo-e-post" }).click();
  await expect(otherPage).toHaveURL(/\/login\?next=%2Fdemo%2Fmail$/);
  await other.close();
});

test("demo mailbox, notifications and unknown pages", async ({ page }) => {
  await loginAs(page, "contactTeacher");
  const bell = page.getByRole("button", { name: /^Varsler/ });
  await bell.click();
  await expect(page.getByText("Varsler", { exact: true }).last()).toBeVisible();
  await expectNoA11yViolations(page);
  await page.keyboard.press("Escape");

  const nav = await mainNav(page);
  await nav.getByRole("link", { name: "Demo-e-post" }).click();
  await expect(page).toHaveTitle("Demo-e-post – Trygg");
  await expect(page.getByRole("heading", { level: 1, name: "Demo-e-post" })).toBeVisible();
  await expectNoA11yViolations(page);

  await page.goto("/finnes/ikke");
  await expect(page.getByRole("heading", { level: 1, name: "Fant ikke siden" })).toBeVisible();
  await expectNoA11yViolations(page);
});

// The README's picture of Trygg. Only on request (TRYGG_SCREENSHOT=1), so ordinary runs do not
// rewrite a committed file.
test("home page screenshot for the README", async ({ page }, testInfo) => {
  test.skip(testInfo.project.name !== "desktop" || !process.env.TRYGG_SCREENSHOT, "on request");
  await loginAs(page, "principal");
  await page.evaluate(() => document.fonts.ready);
  await page.mouse.move(0, 0);
  await page.screenshot({ path: "docs/screenshot.png" });
});
