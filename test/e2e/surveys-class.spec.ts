// The school's own class survey end to end, at desktop and phone width with axe on every
// page: the counsellor starts a survey with a class code, pupils answer on their phones
// (each in a browser context of its own, as separate devices), a worrying answer shows at
// once how to tell the school, the teacher sees only the count until K answers are in and
// the survey is closed, and then the results as charts and tables, each question only when
// K pupils answered it. Desktop and phone each run their own survey on the shared server.
import type { Browser, Page } from "@playwright/test";
import { expect, expectNoA11yViolations, loginAs, mainNav, test } from "./support/fixtures.ts";

const K = 10;
let device = 0;

async function pupilDevice(browser: Browser, project: string) {
  device += 1;
  const context = await browser.newContext({
    viewport: { width: 360, height: 740 },
    extraHTTPHeaders: { "x-forwarded-for": `10.77.${project === "phone" ? 2 : 1}.${device}` },
  });
  return { context, page: await context.newPage() };
}

async function answerWithCode(
  page: Page,
  code: string,
  opts: { wellbeing: number; worrying?: boolean; axe?: boolean },
) {
  await page.goto(`/svar?kode=${code}`);
  await expect(
    page.getByRole("heading", { level: 1, name: "Svar på en undersøkelse" }),
  ).toBeVisible();
  if (opts.axe) await expectNoA11yViolations(page);
  await page.getByRole("button", { name: "Gå til undersøkelsen" }).click();
  // The first page says the answers are anonymous.
  await expect(page.getByRole("heading", { name: "Svarene dine er anonyme" })).toBeVisible();
  if (opts.axe) await expectNoA11yViolations(page);
  await page.getByRole("button", { name: "Start" }).click();
  const wellbeing = page.getByRole("group", { name: /Hvor godt trives du i klassen/ });
  await wellbeing.getByRole("radio", { name: String(opts.wellbeing) }).check();
  if (opts.worrying) {
    await page
      .getByRole("group", { name: /mobbet eller holdt utenfor/ })
      .getByRole("radio", { name: "Hver uke eller oftere" })
      .check();
    await page
      .getByRole("group", { name: /hvor skjedde det/ })
      .getByRole("checkbox", { name: "I gangen" })
      .check();
  }
  if (opts.axe) await expectNoA11yViolations(page);
  await page.getByRole("button", { name: "Send svarene" }).click();
  await expect(page.getByRole("heading", { name: "Takk for svarene!" })).toBeVisible();
  const help = page.getByRole("region", { name: "Vil du fortelle skolen om det?" });
  if (opts.worrying) {
    await expect(help).toBeVisible();
    await expect(help.getByRole("link", { name: /si ifra/ })).toBeVisible();
    if (opts.axe) await expectNoA11yViolations(page);
  } else {
    await expect(help).toHaveCount(0);
  }
}

test("a class answers on phones; the teacher sees nothing until K answers are in", async ({
  page,
  browser,
}, testInfo) => {
  test.setTimeout(300_000);
  // The counsellor runs surveys for every class of the school. (A contact teacher's first
  // class is whatever the login picker lists first, which other specs change by importing a
  // small class; the counsellor picks a class large enough for K answers.)
  await loginAs(page, "counsellor");
  const nav = await mainNav(page);
  await nav.getByRole("link", { name: "Klasseundersøkelser" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Klasseundersøkelser" })).toBeFocused();
  await expectNoA11yViolations(page);

  const groupSelect = page.getByLabel("Klasse eller gruppe");
  const options = await groupSelect.locator("option").allTextContents();
  const sizeOf = (text: string) => Number(/(\d+)\D*\)?\s*$/.exec(text)?.[1] ?? 0);
  const largest = options.reduce((a, b) => (sizeOf(b) > sizeOf(a) ? b : a), options[0] ?? "");
  expect(sizeOf(largest)).toBeGreaterThanOrEqual(K);
  await groupSelect.selectOption({ label: largest });

  const title = `E2E ${testInfo.project.name}`;
  await page.getByLabel("Navn på undersøkelsen").fill(title);
  await page.getByLabel("Åpen i").selectOption("45");
  await page.getByRole("button", { name: "Start undersøkelsen" }).click();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  const codeText = (await page.locator(".survey-code__value").textContent())?.trim() ?? "";
  expect(codeText).toMatch(/^[A-Z2-9]{6}$/);
  await expect(page.getByRole("img", { name: "QR-kode som åpner svarsiden" })).toBeVisible();
  await expectNoA11yViolations(page);

  // K - 1 pupils answer on their own phones; the first one says they are bullied weekly.
  for (let i = 0; i < K - 1; i++) {
    const { context, page: phone } = await pupilDevice(browser, testInfo.project.name);
    await answerWithCode(phone, codeText, {
      wellbeing: 3 + (i % 3),
      worrying: i === 0,
      axe: i === 0,
    });
    // The same device cannot answer again.
    if (i === 0) {
      await phone.goto("/svar");
      await expect(
        phone.getByText("Du har allerede svart på denne undersøkelsen. Takk!"),
      ).toBeVisible();
    }
    await context.close();
  }

  await page.getByRole("button", { name: "Oppdater" }).click();
  await expect(page.getByText(new RegExp(`^${K - 1} av \\d+ elever har svart\\.$`))).toBeVisible();
  await expect(
    page.getByText(/Resultatene vises når undersøkelsen er stengt og minst 10/),
  ).toBeVisible();
  await expect(page.getByRole("heading", { name: "Resultater" })).toHaveCount(0);

  const { context, page: last } = await pupilDevice(browser, testInfo.project.name);
  await answerWithCode(last, codeText, { wellbeing: 3 + ((K - 1) % 3) });
  await context.close();

  await page.getByRole("button", { name: "Steng undersøkelsen nå" }).click();
  await expect(page.getByRole("heading", { level: 2, name: "Resultater" })).toBeVisible();
  await expect(page.getByText(new RegExp(`^${K} av \\d+ elever har svart\\.$`))).toBeVisible();
  const table = page.getByRole("table", { name: /Hvor godt trives du i klassen.*antall svar/ });
  // 3, 4, 5 answered 4, 3 and 3 times: the empty cells and the smallest cell beside them are
  // hidden together (complementary suppression), the rest shown.
  await expect(table.getByRole("row", { name: /^3 4$/ })).toBeVisible();
  await expect(table.getByRole("row", { name: /^5 3$/ })).toBeVisible();
  await expect(table.getByRole("row", { name: /^4 skjult$/ })).toBeVisible();
  // Only one pupil answered the bullying question: fewer than K, so nothing of it is shown.
  await expect(page.getByRole("table", { name: /mobbet eller holdt utenfor/ })).toHaveCount(0);
  await expect(
    page.getByText("For få svarte på dette spørsmålet til at resultatet kan vises.").first(),
  ).toBeVisible();
  await expectNoA11yViolations(page);

  // The survey is listed with its count.
  await page.getByRole("link", { name: "Tilbake til klasseundersøkelser" }).click();
  await expect(page.getByRole("link", { name: title })).toBeVisible();
});

test("a pupil finds the survey list and the code page without login", async ({ page }) => {
  await loginAs(page, "pupil");
  const nav = await mainNav(page);
  await nav.getByRole("link", { name: "Undersøkelser" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Undersøkelser" })).toBeFocused();
  await expectNoA11yViolations(page);
});
