// Duty-to-act cases end to end, in Norwegian, with axe on every page: a contact teacher
// reports from a phone (360 px), the principal is alerted (the demo mailbox), acknowledges,
// investigates, writes a plan (a missing part is refused and linked), prints the family's
// PDF, records the evaluation and closes the case. And the leadership route: a report about
// the school's leadership goes to the owner's case officer and is invisible to the principal.
import {
  chooseUserMenuItem,
  expect,
  expectNoA11yViolations,
  loginAs,
  mainNav,
  test,
} from "./support/fixtures.ts";

const today = () =>
  new Intl.DateTimeFormat("sv-SE", { timeZone: "Europe/Oslo" }).format(new Date());

async function logout(page: import("@playwright/test").Page) {
  await chooseUserMenuItem(page, "Logg ut");
  await expect(page).toHaveURL(/\/login/);
}

/** Opens a form on the case page: the summary of its disclosure is the form's title. */
async function openForm(page: import("@playwright/test").Page, title: string) {
  await page.locator("summary").filter({ hasText: title }).click();
}

/** The school the logged-in person works in now. */
async function activeSchool(page: import("@playwright/test").Page): Promise<string> {
  const session = (await (await page.request.get("/api/session")).json()) as {
    activeSchoolId: string | null;
    schools: { id: string }[];
  };
  return session.activeSchoolId ?? session.schools[0]?.id ?? "";
}

/** Reports about the first pupil the search finds; returns the pupil's name. */
async function reportAbout(
  page: import("@playwright/test").Page,
  search: string,
  kind: string,
  description: string,
): Promise<string> {
  await page.getByRole("link", { name: "Meld fra", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Meld fra" })).toBeVisible();
  await page.getByRole("radio", { name: kind }).check();
  await page.getByLabel("Søk etter elev (navn eller klasse)").first().fill(search);
  const add = page.getByRole("button", { name: /^Legg til / }).first();
  await expect(add).toBeVisible();
  const label = (await add.textContent()) ?? "";
  const name = label
    .replace(/^Legg til /, "")
    .replace(/ \(.*\)$/, "")
    .trim();
  await add.click();
  await page.getByLabel("Hva så eller hørte du?").fill(description);
  await expectNoA11yViolations(page);
  await page.getByRole("button", { name: "Send meldingen" }).click();
  await expect(page.getByRole("heading", { name: "Meldingen er sendt" }).first()).toBeVisible();
  return name;
}

test("a contact teacher reports from a phone, and the principal follows the case to the end", async ({
  page,
}, testInfo) => {
  test.skip(testInfo.project.name !== "phone", "the phone run covers this flow");
  await page.setViewportSize({ width: 360, height: 740 });
  await loginAs(page, "contactTeacher");
  const description = `Så at eleven ble dyttet og kalt stygge ting i gangen ${Date.now()}.`;

  // The pupil search finds a class's pupils by the class name, on a phone too.
  const schoolId = await activeSchool(page);
  const someone = (await (
    await page.request.get(`/api/schools/${schoolId}/people?role=pupil&limit=50`)
  ).json()) as { people: { classNames: string[] }[] };
  const className = someone.people.find((p) => p.classNames.length > 0)?.classNames[0] ?? "";
  expect(className).not.toBe("");
  await page.getByRole("link", { name: "Meld fra", exact: true }).click();
  await page.getByLabel("Søk etter elev (navn eller klasse)").first().fill(className);
  const hits = page.getByRole("button", { name: new RegExp(`^Legg til .*\\(${className}`) });
  await expect(hits.first()).toBeVisible();
  expect(await hits.count()).toBeGreaterThan(1);
  await expectNoA11yViolations(page);

  const pupil = await reportAbout(page, "an", "Bekymring for en elev (§ 12-4)", description);
  await expectNoA11yViolations(page);

  // The reporter sees a receipt, not the case.
  await page.getByRole("link", { name: "Mine meldinger" }).click();
  await expect(page.getByText("Mottatt, ikke bekreftet ennå").first()).toBeVisible();
  await expectNoA11yViolations(page);

  // The principal is alerted at once: the mail is in the demo mailbox, without content.
  await expect
    .poll(
      async () => {
        const res = await page.request.get("/api/demo/mail");
        const body = (await res.json()) as { messages: { subject: string; body: string }[] };
        return body.messages.filter((m) => m.subject === "Ny sak i Trygg").length;
      },
      { timeout: 30_000 },
    )
    .toBeGreaterThan(0);
  const mail = (await (await page.request.get("/api/demo/mail")).json()) as {
    messages: { subject: string; body: string }[];
  };
  expect(mail.messages.some((m) => m.body.includes(pupil) || m.body.includes(description))).toBe(
    false,
  );
  await logout(page);

  await loginAs(page, "principal");
  const nav = await mainNav(page);
  await nav.getByRole("link", { name: "Saker" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Saker" })).toBeVisible();
  await expectNoA11yViolations(page);
  await page.getByRole("link", { name: pupil }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: `Sak om ${pupil}` })).toBeVisible();
  await expect(page.getByText(description)).toBeVisible();
  await expectNoA11yViolations(page);

  await page.getByRole("button", { name: "Bekreft at meldingen er mottatt" }).click();
  await expect(page.getByText("Lagret.")).toBeVisible();
  // Once acknowledged, the button is gone (the command would be refused).
  await expect(page.getByRole("button", { name: "Bekreft at meldingen er mottatt" })).toHaveCount(
    0,
  );
  // When the school was told and when it was entered, per report; every pending step.
  await expect(page.getByText("Skolen fikk vite det")).toBeVisible();
  await expect(page.getByText("Registrert i Trygg")).toBeVisible();
  const steps = page.getByRole("region", { name: "Frister og steg som gjenstår" });
  await expect(steps.getByText("Undersøke saken")).toBeVisible();
  await expect(steps.getByText("Svare på om saken er alvorlig")).toBeVisible();
  await expect(steps.getByText(/^Informere foreldrene om at det er en sak: /)).toBeVisible();
  // The principal's one answer: a "yes" needs a reason, and the message names the field.
  const seriousness = page.locator("#seriousness-form");
  await seriousness.getByRole("radio", { name: "Nei" }).check();
  await seriousness.getByRole("button", { name: "Lagre" }).click();
  await expect(page.getByText(/at saken ikke er alvorlig\./)).toBeVisible();
  await expect(page.locator("#seriousness-form")).toHaveCount(0);
  await openForm(page, "Nytt notat");
  await page.getByLabel("Hva kom fram?").fill("Samtale med eleven. Det har skjedd flere ganger.");
  await page.locator("#note-form").getByRole("button", { name: "Lagre" }).click();
  await expect(page.getByText("Samtale med eleven. Det har skjedd flere ganger.")).toBeVisible();
  await openForm(page, "Registrer hva eleven sier");
  await page.getByLabel("Hva sier eleven selv?").fill("Jeg vil ikke gå i gangen alene.");
  await page.locator("#view-form").getByRole("radio", { name: "Nei" }).check();
  await page.locator("#view-form").getByRole("button", { name: "Lagre" }).click();
  await expect(page.getByText("«Jeg vil ikke gå i gangen alene.»")).toBeVisible();
  // An empty required field is named in the summary.
  await openForm(page, "Ny vurdering av barnets beste");
  await page.locator("#f-bestInterest-case-form").getByRole("button", { name: "Lagre" }).click();
  await expect(page.getByRole("link", { name: "Fyll ut «Vurdering»." })).toBeVisible();
  await page
    .getByLabel("Vurdering", { exact: true })
    .fill("Elevens beste: trygghet i gangene og tett oppfølging.");
  await page.locator("#f-bestInterest-case-form").getByRole("button", { name: "Lagre" }).click();
  await expect(
    page.getByText("Elevens beste: trygghet i gangene og tett oppfølging."),
  ).toBeVisible();
  await expectNoA11yViolations(page);

  // The plan: leaving out when to evaluate is refused, and the summary links to the field.
  await page.getByRole("link", { name: "Lag aktivitetsplan" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Aktivitetsplan" })).toBeVisible();
  // What must be in place first: the pupil heard and a current best-interest assessment.
  await expect(page.getByText(`✓ ${pupil}: hørt`)).toBeVisible();
  await expect(page.getByText("✓ Vurderingen av barnets beste er oppdatert.")).toBeVisible();
  await page
    .getByLabel("Hvilket problem skal tiltakene løse?")
    .fill("Eleven blir plaget i gangene.");
  await page
    .getByLabel("Hva skal gjøres?")
    .fill("Voksen i gangen ved timeskift, særlig ved garderoben.");
  await page.getByLabel("Fra dato").fill(today());
  await page.getByLabel("Ansvarlig").selectOption({ index: 1 });
  await page.getByRole("button", { name: "Lagre planen" }).click();
  const summary = page.getByText("Planen kan ikke lagres ennå");
  await expect(summary).toBeVisible();
  const link = page.getByRole("link", { name: "Skriv når tiltakene skal evalueres." });
  await expect(link).toBeVisible();
  await expectNoA11yViolations(page);
  await link.click();
  await expect(page.getByLabel("Når skal tiltakene evalueres?")).toBeFocused();
  await page.getByLabel("Når skal tiltakene evalueres?").fill(today());
  await page.getByRole("button", { name: "Lagre planen" }).click();
  await expect(page.getByText("Planen er lagret som versjon 1.")).toBeVisible();
  await page.getByRole("link", { name: "Tilbake til saken" }).first().click();

  // The family's PDF, in bokmål.
  const pdfLink = page.getByRole("link", { name: "Planen som PDF (bokmål)" });
  const href = (await pdfLink.getAttribute("href")) ?? "";
  const pdf = await page.request.get(href);
  expect(pdf.status()).toBe(200);
  expect(pdf.headers()["content-type"]).toBe("application/pdf");
  expect((await pdf.body()).subarray(0, 5).toString()).toBe("%PDF-");

  await page.locator("#f-communicated").getByRole("button", { name: "Lagre" }).click();
  await expect(page.getByText(/Gitt til eleven\/foreldrene:/)).toBeVisible();
  await page.locator("#f-response").getByRole("button", { name: "Lagre" }).click();
  await expect(page.getByText(/Svar på planen:/)).toBeVisible();

  // The measure was carried out today, with a note.
  const carried = page.locator("#carried-out-form");
  await carried.getByLabel("Dato").fill(today());
  await carried.getByLabel("Merknad (valgfritt)").fill("Voksen sto ved garderoben hele dagen.");
  await carried.getByRole("button", { name: "Registrer gjennomført" }).click();
  await expect(page.getByText("Voksen sto ved garderoben hele dagen.")).toBeVisible();

  // Evaluation: what the pupil says now and the effect of each measure (an unrated measure
  // is refused); then the case is closed.
  const evaluation = page.locator("#evaluation-form");
  await evaluation
    .getByLabel("Hva sier eleven nå?")
    .fill("Nå går det bra, jeg er ikke redd lenger.");
  await evaluation.getByRole("radio", { name: "Sier eleven at hen har det trygt nå? Ja" }).check();
  await evaluation.getByRole("button", { name: "Lagre" }).click();
  await expect(page.locator(".cases-errors")).toBeVisible();
  await evaluation.getByLabel("Velg virkning").selectOption("worked");
  await evaluation.getByLabel("Kommentar til tiltaket (valgfritt)").fill("Færre episoder.");
  await evaluation
    .getByLabel("Vurdering av barnets beste")
    .fill("Eleven er trygg nå; fortsatt oppfølging i gangene er til elevens beste.");
  await evaluation.getByRole("button", { name: "Lagre" }).click();
  await expect(page.getByText(/Revider eller avslutt innen/)).toBeVisible();
  await expectNoA11yViolations(page);
  await expectNoA11yViolations(page);
  await openForm(page, "Avslutt saken");
  await page.locator("#close-form").getByRole("radio", { name: "Eleven har det trygt nå" }).check();
  await page.locator("#close-form").getByRole("button", { name: "Avslutt saken" }).click();
  await expect(
    page.getByText(/^Avsluttet og låst .*Saken kan leses, men ikke endres\./),
  ).toBeVisible();
  await expect(page.getByText("Grunnlag for avslutning: Eleven har det trygt nå")).toBeVisible();
  // The covering statement to Statsforvalteren can still be written.
  await openForm(page, "Redegjørelse til Statsforvalteren");
  await page
    .getByLabel("Redegjørelse", { exact: true })
    .fill("Skolen satte inn tiltak innen fristen og evaluerte dem med eleven.");
  await page.locator("#f-text-covering-form").getByRole("button", { name: "Lagre" }).click();
  await expect(
    page.getByText("Skolen satte inn tiltak innen fristen og evaluerte dem med eleven."),
  ).toBeVisible();
  await expect(page.getByRole("button", { name: "Avslutt saken" })).toHaveCount(0);
  await expectNoA11yViolations(page);
});

/** A `datetime-local` value for now plus `minutes`, in the browser's time zone (Oslo). */
function localAt(minutes: number): string {
  const at = new Date(Date.now() + minutes * 60_000);
  return new Intl.DateTimeFormat("sv-SE", {
    timeZone: "Europe/Oslo",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
  })
    .format(at)
    .replace(" ", "T");
}

test("a report given by phone says when the school was told, and a §12-5 case is due at once", async ({
  page,
}, testInfo) => {
  test.skip(testInfo.project.name !== "desktop", "the desktop run covers this flow");
  await loginAs(page, "principal");
  const description = `En lærer skal ha lugget eleven i friminuttet ${Date.now()}.`;
  await page.getByRole("link", { name: "Meld fra", exact: true }).click();
  await page.getByRole("radio", { name: "En ansatt krenker en elev (§ 12-5)" }).check();
  // Not the first hit: the phone run's flow reports about that pupil at the same time.
  await page.getByLabel("Søk etter elev (navn eller klasse)").first().fill("an");
  await page
    .getByRole("button", { name: /^Legg til / })
    .nth(3)
    .click();
  await page.getByLabel("Hva så eller hørte du?").fill(description);
  await page.getByLabel("Hvordan fikk skolen vite det?").selectOption("phone");
  const told = page.getByLabel("Rektor/skolen fikk vite det");
  await expect(told).toBeVisible();
  // A moment in the future is refused, and the message sits on the field.
  await told.fill(localAt(120));
  await page.getByRole("button", { name: "Send meldingen" }).click();
  const future = "Tidspunktet skolen fikk vite det, kan ikke være fram i tid.";
  await expect(page.getByRole("link", { name: future })).toBeVisible();
  await expect(told).toHaveAttribute("aria-invalid", "true");
  await expectNoA11yViolations(page);
  await told.fill(localAt(-90));
  await page.getByRole("button", { name: "Send meldingen" }).click();
  await expect(page.getByRole("heading", { name: "Meldingen er sendt" }).first()).toBeVisible();
  await page.getByRole("link", { name: "Åpne saken" }).click();
  await expect(page.getByText(description)).toBeVisible();
  await expect(page.getByText(/\(telefon\)/)).toBeVisible();
  const steps = page.getByRole("region", { name: "Frister og steg som gjenstår" });
  await expect(steps.getByText("Sette inn tiltak straks (§ 12-5)")).toBeVisible();
  await expect(steps.getByText(/^Straks – senest /).first()).toBeVisible();
  await expect(page.getByText(/virkedager/)).toHaveCount(0);
  await expectNoA11yViolations(page);

  await page.getByRole("button", { name: "Bekreft at meldingen er mottatt" }).click();
  await expect(page.getByText("Lagret.")).toBeVisible();
  await expect(page.getByRole("button", { name: "Bekreft at meldingen er mottatt" })).toHaveCount(
    0,
  );
  await page.getByLabel("Hvilke tiltak er satt inn?").fill("Læreren har ikke tilsyn med eleven.");
  await page.locator("#f-text-immediate-form").getByRole("button", { name: "Lagre" }).click();
  await expect(page.getByText("Læreren har ikke tilsyn med eleven.")).toBeVisible();
  await expect(steps.getByText("Sette inn tiltak straks (§ 12-5)")).toHaveCount(0);
  await expectNoA11yViolations(page);
});

test("a report about the leadership goes to the owner's case officer, not to the principal", async ({
  page,
}, testInfo) => {
  test.skip(testInfo.project.name !== "desktop", "the desktop run covers this flow");
  await loginAs(page, "contactTeacher");
  const description = `Rektor holdt eleven hardt i armen ${Date.now()}.`;
  const pupil = await reportAbout(
    page,
    "er",
    "Noen i skoleledelsen krenker en elev (§ 12-5)",
    description,
  );
  await logout(page);

  await loginAs(page, "principal");
  await (await mainNav(page)).getByRole("link", { name: "Saker" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Saker" })).toBeVisible();
  await expect(page.getByText(description)).toHaveCount(0);
  await expect(page.getByText("Noen i skoleledelsen krenker en elev (§ 12-5)")).toHaveCount(0);
  await logout(page);

  await loginAs(page, "ownerCaseOfficer");
  await (await mainNav(page)).getByRole("link", { name: "Saker" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Saker hos skoleeier" })).toBeVisible();
  await expectNoA11yViolations(page);
  await page.getByRole("link", { name: pupil }).first().click();
  await expect(page.getByText(description)).toBeVisible();
  await expect(page.getByText(/skjult for skolens ledelse/)).toBeVisible();
  await page.getByRole("button", { name: "Bekreft at meldingen er mottatt" }).click();
  await expect(
    page.getByText("Mottaket er bekreftet.").or(page.getByText("Lagret.")),
  ).toBeVisible();
  await expectNoA11yViolations(page);
});

test("a pupil says ifra without a name and follows it with the receipt code", async ({
  page,
}, testInfo) => {
  test.skip(testInfo.project.name !== "phone", "the phone run covers this flow");
  await loginAs(page, "pupil");
  await page.getByRole("link", { name: "Si ifra", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Si ifra" })).toBeVisible();
  await page.getByLabel("Fortell hva som skjer").fill("Noen i klassen ler av meg hver dag.");
  await page.getByRole("checkbox", { name: "Send uten navn" }).check();
  await expectNoA11yViolations(page);
  await page.getByRole("button", { name: "Send meldingen" }).click();
  const heading = page.getByRole("heading", { name: /^Koden din: / });
  await expect(heading).toBeVisible();
  const code = ((await heading.textContent()) ?? "").replace("Koden din: ", "").trim();
  expect(code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
  await expectNoA11yViolations(page);
  await page.getByRole("link", { name: "Mine meldinger" }).click();
  await expect(page.getByText("Du har ikke sendt noen meldinger.")).toBeVisible();
  await page.getByLabel("Koden din").fill(code);
  await page.getByRole("button", { name: "Sjekk" }).click();
  await expect(page.getByText("Mottatt, ikke bekreftet ennå")).toBeVisible();
  await expect(page.getByText("Skolen har ikke skrevet noe ennå.")).toBeVisible();
  await expectNoA11yViolations(page);
  await logout(page);

  // The principal answers in the case; the school does not know who wrote.
  await loginAs(page, "principal");
  const schoolId = await activeSchool(page);
  const list = (await (await page.request.get(`/api/schools/${schoolId}/cases`)).json()) as {
    items: { id: string; kind: string; pupils: unknown[]; reportedAt: string }[];
  };
  const anonymous = list.items
    .filter((c) => c.kind === "pupil-reported" && c.pupils.length === 0)
    .sort((a, b) => b.reportedAt.localeCompare(a.reportedAt))[0];
  expect(anonymous).toBeDefined();
  await page.goto(`/cases/${anonymous?.id}`);
  await expect(
    page.getByRole("heading", { level: 1, name: "Sak fra anonym melding" }),
  ).toBeVisible();
  await page.getByRole("button", { name: "Bekreft at meldingen er mottatt" }).click();
  await expect(page.getByText("Lagret.")).toBeVisible();
  const reply = "Takk for at du sa ifra. Hvem i klassen ler av deg?";
  await page.getByLabel("Svaret ditt").fill(reply);
  await page.getByRole("button", { name: "Send", exact: true }).click();
  await expect(page.getByText(reply)).toBeVisible();
  await expectNoA11yViolations(page);
  await logout(page);

  // The pupil reads the answer with the code and writes back.
  await loginAs(page, "pupil");
  await page.getByRole("link", { name: "Mine meldinger" }).click();
  await page.getByLabel("Koden din").fill(code);
  await page.getByRole("button", { name: "Sjekk" }).click();
  await expect(page.getByText(/^Bekreftet mottatt/)).toBeVisible();
  await expect(page.getByText(reply)).toBeVisible();
  await page.getByLabel("Skriv til skolen").fill("Det er to gutter på bakerste rad.");
  await page.getByRole("button", { name: "Send", exact: true }).click();
  await expect(page.getByText("Det er to gutter på bakerste rad.")).toBeVisible();
  await expectNoA11yViolations(page);
});
