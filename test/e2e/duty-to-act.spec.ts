// Issue #8 "Duty to act, breach-proof", its acceptance flow end to end in Chromium, at desktop
// and at 360 px (both projects), with axe on every step: the principal registers an oral report
// two days after the school was told → the case page counts the deadlines from the told date
// → closing is refused while the pupil says they do not feel safe (§ 12-2) → the plan is
// refused until the pupil is heard and assessed → the family copy has no other pupil's name.
// Each run picks its own two pupils at random, so it needs no other spec's cases.
import type { Page } from "@playwright/test";
import { addDays, type IsoDate, minIsoDate } from "../../src/core/calendar/iso-date.ts";
import { createWorkingDayCalendar } from "../../src/core/calendar/working-days.ts";
import { DEFAULT_CASE_SETTINGS } from "../../src/core/cases/settings.ts";
import { expect, expectNoA11yViolations, loginAs, test } from "./support/fixtures.ts";

/** Today in Oslo: the e2e server runs on the real clock, in Norwegian time. */
const today = () =>
  new Intl.DateTimeFormat("sv-SE", { timeZone: "Europe/Oslo" }).format(new Date()) as IsoDate;

/** A date as the case page shows it in bokmål ("24. mar. 2027"), formatted by the browser. */
async function shown(page: Page, date: string): Promise<string> {
  return page.evaluate(
    (iso) =>
      new Intl.DateTimeFormat("nb-NO", {
        day: "numeric",
        month: "short",
        year: "numeric",
        timeZone: "Europe/Oslo",
      }).format(new Date(`${iso}T12:00:00Z`)),
    date,
  );
}

/** Opens a form on the case page: the summary of its disclosure is the form's title. */
async function openForm(page: Page, title: string) {
  await page.locator("summary").filter({ hasText: title }).click();
}

interface Pupil {
  id: string;
  givenName: string;
  familyName: string;
  classNames: string[];
}
const fullName = (p: Pupil) => `${p.givenName} ${p.familyName}`;
/** `name` as a whole word (not "Per" in "person-1"), as the redaction matches it. */
const word = (name: string) =>
  new RegExp(
    `(?<![\\p{L}\\p{N}_-])${name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}(?![\\p{L}\\p{N}_-])`,
    "u",
  );

/** Two pupils of the school, picked at random, whose names cannot be mistaken for each other. */
async function twoPupils(page: Page, principal: string): Promise<{ own: Pupil; other: Pupil }> {
  const session = (await (await page.request.get("/api/session")).json()) as {
    activeSchoolId: string | null;
    schools: { id: string }[];
  };
  const schoolId = session.activeSchoolId ?? session.schools[0]?.id ?? "";
  const offset = Math.floor(Math.random() * 300);
  const res = await page.request.get(
    `/api/schools/${schoolId}/people?role=pupil&limit=200&offset=${offset}`,
  );
  expect(res.status()).toBe(200);
  const { people } = (await res.json()) as { people: Pupil[] };
  const counts = new Map<string, number>();
  for (const p of people) counts.set(fullName(p), (counts.get(fullName(p)) ?? 0) + 1);
  const words = (p: Pupil) => `${fullName(p)} ${principal}`.split(/\s+/);
  const usable = people
    .filter((p) => p.classNames.length > 0 && counts.get(fullName(p)) === 1)
    .sort(() => Math.random() - 0.5);
  for (const own of usable) {
    const other = usable.find(
      (o) =>
        o.id !== own.id &&
        !words(own).includes(o.givenName) &&
        !words(own).includes(o.familyName) &&
        !o.givenName.includes(" "),
    );
    if (other) return { own, other };
  }
  throw new Error("no two pupils with distinct names");
}

test("an oral report two days late: deadlines from the told date, no closing while unsafe, no plan before the assessment, and a family copy without the other pupil", async ({
  page,
}, testInfo) => {
  if (testInfo.project.name === "phone") await page.setViewportSize({ width: 360, height: 740 });
  const principal = await loginAs(page, "principal");
  const { own, other } = await twoPupils(page, principal);
  const stamp = `${testInfo.project.name}-${Date.now()}`;

  // The school was told on the last working day at least two days back; the deadlines count
  // from then, with the owner's settings (the demo owner keeps the defaults).
  const calendar = createWorkingDayCalendar();
  let told = addDays(today(), -2);
  while (!calendar.isWorkingDay(told)) told = addDays(told, -1);
  const planDue = calendar.addWorkingDays(told, DEFAULT_CASE_SETTINGS.planDeadlineWorkingDays);
  const investigateBy = minIsoDate(
    planDue,
    calendar.addWorkingDays(told, DEFAULT_CASE_SETTINGS.investigationDeadlineWorkingDays),
  );

  // 1. The principal registers what a contact teacher said on the phone two days ago.
  const description = `Kontaktlæreren ringte: eleven blir holdt utenfor og truet i friminuttene (${stamp}).`;
  await page.getByRole("link", { name: "Meld fra", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Meld fra" })).toBeVisible();
  await page.getByRole("radio", { name: "Bekymring for en elev (§ 12-4)" }).check();
  await page.getByLabel("Søk etter elev (navn eller klasse)").first().fill(fullName(own));
  await page
    .getByRole("button", { name: `Legg til ${fullName(own)} (`, exact: false })
    .first()
    .click();
  await page.getByLabel("Hva så eller hørte du?").fill(description);
  await page.getByLabel("Hvordan fikk skolen vite det?").selectOption("phone");
  await page.getByLabel("Rektor/skolen fikk vite det").fill(`${told}T10:00`);
  await expectNoA11yViolations(page);
  await page.getByRole("button", { name: "Send meldingen" }).click();
  await expect(page.getByRole("heading", { name: "Meldingen er sendt" }).first()).toBeVisible();
  await page.getByRole("link", { name: "Åpne saken" }).click();

  // 2. The case page: told by phone, deadlines counted from the told date.
  await expect(
    page.getByRole("heading", { level: 1, name: `Sak om ${fullName(own)}` }),
  ).toBeVisible();
  await expect(page.getByText(description)).toBeVisible();
  await expect(page.getByText(/\(telefon\)/)).toBeVisible();
  const deadlines = page.getByRole("region", { name: "Frister og steg som gjenstår" });
  await expect(
    deadlines.getByText(
      `Undersøkelsen skal være i gang innen ${await shown(page, investigateBy)}.`,
      { exact: true },
    ),
  ).toBeVisible();
  await expect(
    deadlines.getByText(`Planen skal være på plass innen ${await shown(page, planDue)}`, {
      exact: true,
    }),
  ).toBeVisible();
  await expectNoA11yViolations(page);

  await page.getByRole("button", { name: "Bekreft at meldingen er mottatt" }).click();
  await expect(page.getByText("Lagret.")).toBeVisible();

  // The other pupil is involved in the case (alleged actor).
  await openForm(page, "Legg til en annen involvert elev");
  await page.locator("#f-pupilId-involved").fill(fullName(other));
  await page
    .locator("#involved-form")
    .getByRole("button", { name: `Legg til ${fullName(other)} (` })
    .first()
    .click();
  await expect(page.getByText(`${fullName(other)} – Skal ha krenket eleven`)).toBeVisible();

  // 3. The pupil says they do not feel safe.
  const words = `Jeg tør ikke gå ut i friminuttet (${stamp}).`;
  await openForm(page, "Registrer hva eleven sier");
  const viewForm = page.locator("#view-form");
  await viewForm.getByLabel("Hva sier eleven selv?").fill(words);
  await viewForm.getByRole("radio", { name: "Nei" }).check();
  await viewForm.getByRole("button", { name: "Lagre" }).click();
  await expect(page.getByText(`«${words}»`)).toBeVisible();

  // An investigation note naming the other pupil: the picker inserts the name as the register
  // spells it, and the field says that the family sees it replaced.
  await openForm(page, "Nytt notat");
  const noteForm = page.locator("#note-form");
  const note = noteForm.getByLabel("Hva kom fram?");
  await expect(note).toHaveAccessibleDescription(/Navn på andre elever blir da byttet ut/);
  await note.fill("Samtale med eleven. Eleven forteller at");
  await noteForm.getByRole("button", { name: "Sett inn elevnavn" }).click();
  await noteForm.getByRole("button", { name: fullName(other), exact: true }).click();
  await expect(note).toBeFocused();
  await page.keyboard.type(` tar sekken hennes. ${other.givenName} sier det bare er tull.`);
  const noteText = `Samtale med eleven. Eleven forteller at ${fullName(other)} tar sekken hennes. ${other.givenName} sier det bare er tull.`;
  await expect(note).toHaveValue(noteText);
  await expectNoA11yViolations(page);
  await noteForm.getByRole("button", { name: "Lagre" }).click();
  await expect(page.getByText(noteText)).toBeVisible();

  // 4. Closing on "no case" is refused while the pupil says they do not feel safe (§ 12-2).
  await openForm(page, "Avslutt saken");
  const closeForm = page.locator("#close-form");
  await closeForm.getByRole("radio", { name: "Undersøkelsen viste ingen sak" }).check();
  await closeForm
    .getByLabel("Hva viste undersøkelsen?")
    .fill("Vi fant ikke noe som tydet på krenkelser.");
  await closeForm.getByRole("button", { name: "Avslutt saken" }).click();
  const refusal = page.locator(".cases-errors");
  await expect(refusal).toBeVisible();
  await expect(
    refusal.getByText(/eleven har ikke selv sagt at hen har det trygt nå.*§ 12-2/),
  ).toBeVisible();
  await expect(page.getByRole("button", { name: "Avslutt saken" })).toBeVisible();
  await expectNoA11yViolations(page);

  // 5. The plan is refused until the pupil is heard and assessed.
  const fillPlan = async () => {
    await page
      .getByLabel("Hvilket problem skal tiltakene løse?")
      .fill("Eleven blir holdt utenfor og truet i friminuttene.");
    const measure = page.getByLabel("Hva skal gjøres?");
    await measure.fill("Voksen ute i alle friminutt, og elevene holdes fra hverandre: ");
    await page
      .locator(".cases-family-text", { has: measure })
      .getByRole("button", { name: "Sett inn elevnavn" })
      .click();
    await page
      .locator(".cases-family-text", { has: measure })
      .getByRole("button", { name: fullName(other), exact: true })
      .click();
    await expect(measure).toHaveValue(
      `Voksen ute i alle friminutt, og elevene holdes fra hverandre: ${fullName(other)}`,
    );
    await page.getByLabel("Fra dato").fill(today());
    await page.getByLabel("Ansvarlig").selectOption({ index: 1 });
    await page.getByLabel("Når skal tiltakene evalueres?").fill(today());
  };
  await page.getByRole("link", { name: "Lag aktivitetsplan" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Aktivitetsplan" })).toBeVisible();
  await expect(page.getByText(`✓ ${fullName(own)}: hørt`)).toBeVisible();
  await expect(page.getByText("✗ Det finnes ingen vurdering av barnets beste ennå.")).toBeVisible();
  await fillPlan();
  await page.getByRole("button", { name: "Lagre planen" }).click();
  await expect(page.getByText("Planen kan ikke lagres ennå")).toBeVisible();
  await expect(
    page.getByText(
      "Planen kan ikke lagres uten en vurdering av barnets beste (opplæringslova § 10-2).",
    ),
  ).toBeVisible();
  await expect(page.getByText(/^Planen er lagret/)).toHaveCount(0);
  await expectNoA11yViolations(page);

  await page.getByRole("link", { name: "Tilbake til saken" }).first().click();
  await expect(
    page.getByRole("heading", { level: 1, name: `Sak om ${fullName(own)}` }),
  ).toBeVisible();
  const assessment = `Elevens beste: trygge friminutt og tett oppfølging (${stamp}).`;
  await openForm(page, "Ny vurdering av barnets beste");
  await page.getByLabel("Vurdering", { exact: true }).fill(assessment);
  await page.locator("#f-bestInterest-case-form").getByRole("button", { name: "Lagre" }).click();
  await expect(page.getByText(assessment)).toBeVisible();

  await page.getByRole("link", { name: "Lag aktivitetsplan" }).click();
  await expect(page.getByText("✓ Vurderingen av barnets beste er oppdatert.")).toBeVisible();
  await fillPlan();
  await page.getByRole("button", { name: "Lagre planen" }).click();
  await expect(page.getByText("Planen er lagret som versjon 1.")).toBeVisible();
  await expectNoA11yViolations(page);
  await page.getByRole("link", { name: "Tilbake til saken" }).first().click();

  // 6. The case file: the ZIP bundle for Statsforvalteren beside the PDF and JSON links, and
  // the family copy without the other pupil's names.
  const exportSection = page.getByRole("region", { name: "Saksmappe" });
  await expect(exportSection.getByRole("link", { name: "Hele saken som PDF" })).toBeVisible();
  const zipLink = exportSection.getByRole("link", {
    name: "ZIP-pakke til Statsforvalteren (PDF, JSON og vedlegg)",
  });
  await expect(zipLink).toBeVisible();
  const zip = await page.request.get((await zipLink.getAttribute("href")) ?? "");
  expect(zip.status()).toBe(200);
  expect(zip.headers()["content-type"]).toBe("application/zip");
  expect((await zip.body()).subarray(0, 2).toString()).toBe("PK");

  const familyLink = exportSection.getByRole("link", {
    name: `Innsynskopi til familien (PDF): ${fullName(own)}`,
  });
  await expect(familyLink).toBeVisible();
  const pdfHref = (await familyLink.getAttribute("href")) ?? "";
  const pdf = await page.request.get(pdfHref);
  expect(pdf.status()).toBe(200);
  expect((await pdf.body()).subarray(0, 5).toString()).toBe("%PDF-");
  const json = await page.request.get(pdfHref.replace("format=pdf", "format=json"));
  expect(json.status()).toBe(200);
  const text = await json.text();
  const copy = JSON.parse(text) as {
    copy: string;
    people: Record<string, string>;
    investigationNotes: { text: string }[];
    plans: { measures: { what: string }[] }[];
    involvedPupils: { pupil: string }[];
  };
  expect(copy.copy).toBe("family");
  expect(copy.people.pupil).toBe(fullName(own));
  expect(text).toContain(fullName(own));
  expect(text).not.toContain(fullName(other));
  expect(text).not.toMatch(word(other.givenName));
  expect(text).not.toContain(other.id);
  expect(copy.involvedPupils.map((p) => p.pupil)).toEqual(["otherPupil"]);
  expect(copy.investigationNotes.map((n) => n.text)).toContain(
    "Samtale med eleven. Eleven forteller at [annen elev] tar sekken hennes. [annen elev] sier det bare er tull.",
  );
  expect(copy.plans[0]?.measures[0]?.what).toBe(
    "Voksen ute i alle friminutt, og elevene holdes fra hverandre: [annen elev]",
  );
  await expectNoA11yViolations(page);
});
