// Shared Playwright helpers: log in through the demo picker like a visitor would, open the
// main menu at any width, and check a page with axe (WCAG 2.1 A/AA; serious and critical
// violations fail the test).
import AxeBuilder from "@axe-core/playwright";
import { test as base, expect, type Locator, type Page } from "@playwright/test";
import type { Role } from "../../../src/core/access/roles.ts";
import { nb as commonNb } from "../../../src/i18n/web/common.ts";
import { nb as rolesNb } from "../../../src/i18n/web/roles.ts";

/**
 * Local accounts made by start-server.mjs (no roles): one plain, and one per browser project
 * that turns on two-step login.
 */
export const LOCAL_USER = "e2e.local";
export const TOTP_USER = "e2e.totp";
export const TOTP_PHONE_USER = "e2e.totp.phone";
export const LOCAL_PASSWORD = "e2e-passord-som-er-langt";

let clientCounter = 0;

export const test = base.extend({
  // Every test is its own client address (the e2e server trusts X-Forwarded-For), so the
  // per-IP login rate limit behaves per test as it would per user in production.
  extraHTTPHeaders: async ({ extraHTTPHeaders }, use, testInfo) => {
    clientCounter += 1;
    const ip = `10.${testInfo.workerIndex % 250}.${Math.floor(clientCounter / 250) % 250}.${(clientCounter % 250) + 1}`;
    await use({ ...extraHTTPHeaders, "x-forwarded-for": ip });
  },
});

export { expect };

/** The Norwegian (bokmål) name of a role, as the UI shows it. */
export function roleName(role: Role): string {
  return rolesNb.name[role];
}

export interface LoginOptions {
  /** Which of the listed people with that role (0 = first). */
  index?: number;
}

/**
 * Logs in as a demo person with `role` through the "Logg inn som" picker, and waits for the
 * home page. Returns the person's display name.
 */
export async function loginAs(page: Page, role: Role, options: LoginOptions = {}): Promise<string> {
  await page.goto("/login");
  const group = page.getByRole("region", { name: roleName(role), exact: true });
  const person = group.getByRole("button").nth(options.index ?? 0);
  await expect(person).toBeVisible();
  const name = (await person.locator(".demo-person__name").textContent())?.trim() ?? "";
  await person.click();
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  return name;
}

/** True when the layout shows the phone header (menu button instead of the menu bar). */
export async function isPhoneLayout(page: Page): Promise<boolean> {
  return (page.viewportSize()?.width ?? 1280) < 768;
}

/** The main menu, opened first on phone widths. */
export async function mainNav(page: Page): Promise<Locator> {
  if (await isPhoneLayout(page)) {
    const button = page.getByRole("button", { name: commonNb.nav.openMenu, exact: true });
    if (await button.isVisible()) await button.click();
  }
  const nav = page.getByRole("navigation", { name: commonNb.nav.label });
  await expect(nav).toBeVisible();
  return nav;
}

/** Runs axe on the page as it is now; fails on serious or critical WCAG 2.1 A/AA violations. */
export async function expectNoA11yViolations(page: Page, options: { exclude?: string[] } = {}) {
  // Legacy mode runs axe in the page itself: the app has no iframes, and it saves opening a
  // helper page per check.
  let builder = new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
    .setLegacyMode(true);
  for (const selector of options.exclude ?? []) builder = builder.exclude(selector);
  const results = await builder.analyze();
  const bad = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  const report = bad.map((v) => ({
    id: v.id,
    impact: v.impact,
    help: v.help,
    nodes: v.nodes.slice(0, 5).map((n) => n.target.join(" ")),
  }));
  expect(report, `axe violations on ${page.url()}`).toEqual([]);
}

const MENU_BUTTON = /^(Meny|Menu)$/;

/**
 * Makes the header's tools (school, language, user menu) reachable: on phone widths they sit
 * in the folded menu, which this opens. Works in every UI language.
 */
export async function openHeaderTools(page: Page): Promise<void> {
  if (!(await isPhoneLayout(page))) return;
  const button = page.getByRole("button", { name: MENU_BUTTON });
  if (await button.isVisible()) await button.click();
}

/** Chooses a UI language with the language switcher ("Bokmål", "Nynorsk", "English"). */
export async function chooseLanguage(page: Page, language: "Bokmål" | "Nynorsk" | "English") {
  await openHeaderTools(page);
  await page.getByRole("button", { name: /^(Språk|Language):/ }).click();
  await page.getByRole("button", { name: language, exact: true }).click();
}

/** Opens the user menu and chooses an item ("Logg ut", "Logg ut overalt"). */
export async function chooseUserMenuItem(page: Page, item: string) {
  await openHeaderTools(page);
  await page.getByRole("button", { name: /^(Brukermeny|Brukarmeny|User menu) for / }).click();
  await page.getByRole("button", { name: item, exact: true }).click();
}
