// Buddy groups end to end, at desktop and phone width with axe on every page: a contact
// teacher creates a VIP plan for their class, sees the rounds, moves a pupil to another group
// by keyboard-friendly controls (the quality figure updates live), saves, and downloads the
// name tags as a PDF; then moves a buddy pair as one, is warned (with names) before splitting
// another, saves and reads the printed group list (one line per pupil at 360 px); a subject
// teacher does not see that class's plans, neither in the list nor by address. Desktop and phone log in as different teachers, so the two runs on one
// server never meet.
import type { APIRequestContext, Page } from "@playwright/test";
import type { RotationPlanView } from "../../src/contract/rotations.ts";
import { readPdf } from "../support/pdf-text.ts";
import {
  chooseUserMenuItem,
  expect,
  expectNoA11yViolations,
  loginAs,
  mainNav,
  test,
} from "./support/fixtures.ts";

interface Move {
  round: number;
  pupil: string;
  name: string;
  to: number;
}

/**
 * A move in an editable round that surely adds a repeat and breaks no constraint: the pupil
 * joins a group with someone they meet in another round, and meets nobody of their own group
 * elsewhere (so leaving it removes no repeat).
 */
function moveThatAddsARepeat(plan: RotationPlanView): Move | null {
  const names = new Map(plan.pupils.map((p) => [p.id, p.name]));
  const metElsewhere = (round: number, a: string, b: string) =>
    plan.rounds.some(
      (r) => r.index !== round && r.groups.some((g) => g.includes(a) && g.includes(b)),
    );
  for (const round of plan.rounds) {
    if (round.status === "past") continue;
    for (const [from, members] of round.groups.entries()) {
      for (const pupil of members) {
        if (!names.has(pupil)) continue;
        if (members.some((m) => m !== pupil && metElsewhere(round.index, pupil, m))) continue;
        for (const [to, others] of round.groups.entries()) {
          if (to === from) continue;
          const breaks = plan.constraints.some((c) => {
            const [a, b] = c.pupils.map((p) => p.id);
            if (a !== pupil && b !== pupil) return false;
            const other = a === pupil ? b : a;
            return c.kind === "apart"
              ? others.includes(other ?? "")
              : members.includes(other ?? "");
          });
          if (breaks) continue;
          if (others.some((o) => metElsewhere(round.index, pupil, o))) {
            return { round: round.index, pupil, name: names.get(pupil) ?? "", to };
          }
        }
      }
    }
  }
  return null;
}

async function getPlan(request: APIRequestContext, id: string): Promise<RotationPlanView> {
  const res = await request.get(`/api/rotations/${id}`);
  expect(res.status()).toBe(200);
  return (await res.json()) as RotationPlanView;
}

test("a contact teacher plans VIP buddy groups, overrides a pupil, moves a buddy pair and prints", async ({
  page,
}, testInfo) => {
  const phone = testInfo.project.name === "phone";
  const who = phone ? 1 : 0;

  // --- the contact teacher creates a VIP plan for the class -------------------------------
  await loginAs(page, "contactTeacher", { index: who });
  await (await mainNav(page)).getByRole("link", { name: "Grupper og klassekart" }).click();
  await expect(
    page.getByRole("heading", { level: 1, name: "Grupper og klassekart" }),
  ).toBeVisible();
  await expectNoA11yViolations(page);

  const classCard = page.locator(".groups-card").filter({ hasText: "Klasse ·" }).first();
  const className = (
    (await classCard.getByRole("heading", { level: 2 }).textContent()) ?? ""
  ).trim();
  expect(className).not.toBe("");
  await page.getByLabel("Klasse eller gruppe").selectOption({ label: className });
  await page.getByRole("radio", { name: /^VIP makkerskap/ }).check();
  const planName = `VIP makkerskap ${className} (${testInfo.project.name})`;
  await page.getByLabel("Navn på planen").fill(planName);
  await page.getByRole("radio", { name: "Hver tredje uke" }).check();
  await page.getByRole("button", { name: "Lag planen" }).click();

  await expect(page.getByRole("heading", { level: 1, name: planName })).toBeVisible();
  await expect(page.getByRole("heading", { level: 3, name: "Runde 1" })).toBeVisible();
  await expect(
    page.getByRole("heading", { level: 2, name: "Hvor godt elevene blandes" }),
  ).toBeVisible();
  await expectNoA11yViolations(page);
  const planId = page.url().split("/").pop() ?? "";
  const plan = await getPlan(page.request, planId);
  expect(plan.structure).toBe("vip");
  expect(plan.rounds.length).toBeGreaterThan(1);
  // No case, no reason: constraints carry two names and where they come from, nothing else.
  for (const c of plan.constraints) {
    expect(Object.keys(c).sort()).toEqual(["id", "kind", "pupils", "source"]);
  }

  // --- move a pupil by hand in an editable round ---------------------------------------------
  const move = moveThatAddsARepeat(plan);
  const round = move?.round ?? plan.rounds.find((r) => r.status !== "past")?.index ?? 0;
  await page.getByRole("link", { name: `Endre runde ${round + 1}`, exact: true }).click();
  await expect(
    page.getByRole("heading", { level: 1, name: `Endre runde ${round + 1}` }),
  ).toBeVisible();
  await expectNoA11yViolations(page);

  const live = page.locator("#grp-live");
  const before = `Gjentatte møter i planen: ${plan.quality.totalRepeats} (var ${plan.quality.totalRepeats}).`;
  await expect(live).toContainText(before);

  const name = move?.name ?? plan.pupils[0]?.name ?? "";
  const to = move?.to ?? 1;
  const pupil = page.getByRole("group", { name, exact: true });
  await pupil.getByLabel("Flytt til gruppe").selectOption({ label: `Gruppe ${to + 1}` });
  await pupil.getByRole("button", { name: "Flytt", exact: true }).click();
  // A pupil of a buddy pair (not a trio) is moved alone only after the warning.
  const target = page.getByRole("region", { name: `Gruppe ${to + 1}`, exact: true });
  const only = page.getByRole("button", { name: `Flytt bare ${name}`, exact: true });
  await expect(only.or(target.getByRole("group", { name, exact: true }))).toBeVisible();
  if (await only.isVisible()) await only.click();
  // The pupil is now listed under the new group, and the choice keeps the focus.
  await expect(target.getByRole("group", { name, exact: true })).toBeVisible();
  await expect(
    target.getByRole("group", { name, exact: true }).getByLabel("Flytt til gruppe"),
  ).toBeFocused();
  if (move) {
    await expect(live).not.toContainText(before);
    await expect(live).toContainText(
      new RegExp(`Gjentatte møter i planen: (\\d+) \\(var ${plan.quality.totalRepeats}\\)`),
    );
  }
  await target.getByRole("group", { name, exact: true }).getByLabel("Lås i gruppen").check();
  await expectNoA11yViolations(page);
  if (phone) {
    // Nothing scrolls sideways at 360 px.
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(360);
  }

  await page.getByRole("button", { name: "Lagre runden" }).click();
  await expect(page.getByRole("heading", { level: 1, name: planName })).toBeVisible();
  const saved = await getPlan(page.request, planId);
  const savedRound = saved.rounds.find((r) => r.index === round);
  expect(savedRound?.edited).toBe(true);
  expect(savedRound?.groups[to]).toContain(move?.pupil ?? plan.pupils[0]?.id);
  expect(savedRound?.locked).toContain(move?.pupil ?? plan.pupils[0]?.id);
  if (move) expect(saved.quality.totalRepeats).toBeGreaterThan(plan.quality.totalRepeats);
  await expectNoA11yViolations(page);

  // --- print the name tags ----------------------------------------------------------------
  const tags = page.getByRole("link", {
    name: `Navnelapper til pultene (PDF), runde ${round + 1}`,
  });
  const href = (await tags.getAttribute("href")) ?? "";
  expect(href).toMatch(new RegExp(`/api/rotations/${planId}/rounds/${round}/name-tags\\.pdf`));
  const pdf = await page.request.get(href);
  expect(pdf.status()).toBe(200);
  expect(pdf.headers()["content-type"]).toContain("application/pdf");
  expect((await pdf.body()).subarray(0, 5).toString()).toBe("%PDF-");

  // --- buddy pairs in the round editor, and the group list ------------------------------------
  await movePairsAndPrint(page, planId, phone);

  await chooseUserMenuItem(page, "Logg ut");

  // --- a subject teacher does not see the class's plans --------------------------------------
  await loginAs(page, "subjectTeacher", { index: who });
  await (await mainNav(page)).getByRole("link", { name: "Grupper og klassekart" }).click();
  await expect(
    page.getByRole("heading", { level: 1, name: "Grupper og klassekart" }),
  ).toBeVisible();
  await expect(page.getByRole("link", { name: planName })).toHaveCount(0);
  await expectNoA11yViolations(page);
  const denied = await page.request.get(`/api/rotations/${planId}`);
  expect([403, 404]).toContain(denied.status());
  await page.goto(`/groups/rotations/${planId}`);
  await expect(page.getByRole("heading", { level: 1, name: planName })).toHaveCount(0);
  await expect(page.locator("#main [data-color='danger']").first()).toBeVisible();
  await expectNoA11yViolations(page);
});

/**
 * In a VIP round: a buddy pair moves to another group as one; moving one pupil of another
 * pair warns first, naming the buddy; the round is saved and the group list printed.
 */
async function movePairsAndPrint(page: Page, planId: string, phone: boolean) {
  const plan = await getPlan(page.request, planId);
  const names = new Map(plan.pupils.map((p) => [p.id, p.name]));
  const nameOf = (id: string) => names.get(id) ?? "";
  const round = plan.rounds.find((r) => r.status !== "past" && (r.buddyPairs?.length ?? 0) > 2);
  expect(
    round,
    JSON.stringify(plan.rounds.map((r) => [r.status, r.buddyPairs?.length])),
  ).toBeDefined();
  if (!round?.buddyPairs) return;
  const pairs = round.buddyPairs;
  // A pair of one group moves to the next group; a pair of a third group is nearly split.
  const withPair = pairs.flatMap((units, g) => {
    const unit = units.find((u) => u.length === 2);
    return unit ? [{ g, unit }] : [];
  });
  expect(withPair.length).toBeGreaterThanOrEqual(2);
  const from = withPair[0] ?? { g: 0, unit: [] };
  const other = withPair[1] ?? { g: 0, unit: [] };
  const to = [0, 1, 2].find((g) => g !== from.g && g !== other.g) ?? 0;
  const moved = from.unit;
  const split = other.unit;
  const [a = "", b = ""] = moved.map(nameOf);
  const [c = "", d = ""] = split.map(nameOf);

  await page.getByRole("link", { name: `Endre runde ${round.index + 1}`, exact: true }).click();
  await expect(
    page.getByRole("heading", { level: 1, name: `Endre runde ${round.index + 1}` }),
  ).toBeVisible();
  await expectNoA11yViolations(page);

  // --- the pairs are shown inside each group; a pair moves as one ---------------------------
  const group = (n: number) => page.getByRole("region", { name: `Gruppe ${n}`, exact: true });
  const pair = page.getByRole("group", { name: `Makkerpar: ${a} og ${b}`, exact: true });
  await expect(
    group(from.g + 1).getByRole("group", { name: `Makkerpar: ${a} og ${b}` }),
  ).toBeVisible();
  await pair.getByLabel("Flytt paret til gruppe").selectOption({ label: `Gruppe ${to + 1}` });
  await pair.getByRole("button", { name: "Flytt paret", exact: true }).click();
  const movedPair = group(to + 1).getByRole("group", {
    name: `Makkerpar: ${a} og ${b}`,
    exact: true,
  });
  await expect(movedPair).toBeVisible();
  await expect(movedPair.getByRole("group", { name: a, exact: true })).toBeVisible();
  await expect(movedPair.getByRole("group", { name: b, exact: true })).toBeVisible();
  await expect(movedPair.getByLabel("Flytt paret til gruppe")).toBeFocused();

  if (phone) {
    // One line per pupil at 360 px, and nothing scrolls sideways.
    const row = await movedPair.getByRole("group", { name: a, exact: true }).boundingBox();
    expect(row?.height ?? 999).toBeLessThanOrEqual(56);
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(360);
  }

  // --- moving one pupil of a pair warns first, naming the buddy ------------------------------
  const lone = group(other.g + 1).getByRole("group", { name: c, exact: true });
  await lone.getByLabel("Flytt til gruppe").selectOption({ label: `Gruppe ${from.g + 1}` });
  await lone.getByRole("button", { name: "Flytt", exact: true }).click();
  const warning = page.getByRole("alert").filter({ hasText: "er makkere" });
  await expect(warning).toContainText(
    `${c} og ${d} er makkere. Flytter du bare ${c}, står ${d} uten makker.`,
  );
  await expect(
    warning.getByRole("button", { name: `Flytt paret til Gruppe ${from.g + 1}` }),
  ).toBeFocused();
  await expect(group(other.g + 1).getByRole("group", { name: c, exact: true })).toBeVisible();
  await expectNoA11yViolations(page);
  await warning.getByRole("button", { name: `Flytt bare ${c}` }).click();
  await expect(warning).toHaveCount(0);
  await expect(group(from.g + 1).getByRole("group", { name: c, exact: true })).toBeVisible();
  await expect(
    group(from.g + 1)
      .getByRole("group", { name: c, exact: true })
      .getByLabel("Flytt til gruppe"),
  ).toBeFocused();
  await expectNoA11yViolations(page);

  await page.getByRole("button", { name: "Lagre runden" }).click();
  await expect(page.getByRole("heading", { level: 1, name: plan.name })).toBeVisible();
  const saved = (await getPlan(page.request, planId)).rounds.find((r) => r.index === round.index);
  expect(saved?.buddyPairs?.[to]?.map((u) => [...u].sort().join())).toContain(
    [...moved].sort().join(),
  );
  expect(saved?.groups[from.g]).toContain(split[0]);
  expect(saved?.groups[other.g]).toContain(split[1]);

  // --- the group list counts pupils, pairs on one line ---------------------------------------
  const link = page.getByRole("link", { name: `Gruppene (PDF), runde ${round.index + 1}` });
  const pdf = await page.request.get((await link.getAttribute("href")) ?? "");
  expect(pdf.status()).toBe(200);
  const text = readPdf(await pdf.body()).text;
  // Pairs print on one line where the column is wide enough; long names wrap.
  for (const n of [a, b, c, d]) expect(text.replace(/\s+/g, " ")).toContain(n.split(" ")[0]);
  const sizes = (saved?.groups ?? []).map((g) => g.length).filter((n) => n > 0);
  for (const n of new Set(sizes)) expect(text).toContain(`${n} elever`);
  await expectNoA11yViolations(page);
}

test("a teacher lays out a classroom and plans a seating map in it", async ({ page }, testInfo) => {
  const phone = testInfo.project.name === "phone";
  await loginAs(page, "contactTeacher", { index: phone ? 1 : 0 });
  await (await mainNav(page)).getByRole("link", { name: "Grupper og klassekart" }).click();
  await page.getByRole("link", { name: "Klasserom og bordoppsett" }).click();
  await expect(
    page.getByRole("heading", { level: 1, name: "Klasserom og bordoppsett" }),
  ).toBeVisible();
  await expectNoA11yViolations(page);

  // --- a room of islands from the template, one table moved with the arrow keys ------------
  const roomName = `Rom ${testInfo.project.name} ${Date.now() % 100000}`;
  await page.getByLabel("Navn", { exact: true }).fill(roomName);
  await page.getByLabel("Oppstilling").selectOption({ label: "Øyer" });
  await page.getByLabel("Antall plasser").fill("40");
  await page.getByRole("button", { name: "Lag klasserommet" }).click();
  await expect(
    page.getByRole("heading", { level: 1, name: `Klasserom: ${roomName}` }),
  ).toBeVisible();
  const roomId = page.url().split("/").pop() ?? "";
  const before = (await (await page.request.get(`/api/classrooms/${roomId}`)).json()) as {
    layout: { tables: { id: string; x: number; y: number }[] };
  };
  const last = before.layout.tables[before.layout.tables.length - 1];
  const table = page.getByRole("button", {
    name: new RegExp(`^Bord ${before.layout.tables.length},`),
  });
  await table.focus();
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("ArrowDown");
  await expect(table).toBeFocused();
  await expect(table).toHaveAttribute("aria-pressed", "true");
  await expect(page.getByText("Oppsettet har feil")).toHaveCount(0);
  await expectNoA11yViolations(page);
  if (phone) {
    // Only the room's grid may scroll sideways.
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(360);
  }
  await page.getByRole("button", { name: "Lagre klasserommet" }).click();
  await expect(page.getByText("Klasserommet er lagret.")).toBeAttached();
  await expect
    .poll(async () => {
      const room = (await (await page.request.get(`/api/classrooms/${roomId}`)).json()) as {
        layout: { tables: { id: string; y: number }[] };
      };
      return room.layout.tables.find((t) => t.id === last?.id)?.y;
    })
    .toBe((last?.y ?? 0) + 2);

  // --- a seating map for the class in that room --------------------------------------------
  await (await mainNav(page)).getByRole("link", { name: "Grupper og klassekart" }).click();
  const classCard = page.locator(".groups-card").filter({ hasText: "Klasse ·" }).first();
  const className = (
    (await classCard.getByRole("heading", { level: 2 }).textContent()) ?? ""
  ).trim();
  await page.getByLabel("Klasse eller gruppe").selectOption({ label: className });
  await page.getByRole("radio", { name: /^Klassekart/ }).check();
  await page.getByLabel("Klasserom").selectOption({ label: `${roomName} (40)` });
  const planName = `Klassekart ${className} (${testInfo.project.name})`;
  await page.getByLabel("Navn på planen").fill(planName);
  await page.getByRole("button", { name: "Lag planen" }).click();
  await expect(page.getByRole("heading", { level: 1, name: planName })).toBeVisible();
  await expect(page.getByRole("heading", { level: 4, name: "Bord 1" }).first()).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: "Faste plasser" })).toBeVisible();
  await expect(page.getByRole("link", { name: /^Klassekartet \(PDF\), runde 1$/ })).toBeVisible();
  await expectNoA11yViolations(page);
});
