// Issue #9: check-ins tied to a case, end to end in Chromium at desktop and 360 px (both
// projects), axe on every step. The principal sets up a case (through the API, as the case
// page would) whose plan is evaluated today → the case tick (every minute) opens a check-in
// → the pupil sees "Hvordan har du det nå?" on the home page, told the answer is not
// anonymous, and answers "no" with words → the principal sees the answer in the case. Then
// the principal opens "Hvor og når". The e2e server runs on the real clock: "today" is real.
import type { APIRequestContext, Page } from "@playwright/test";
import { expect, expectNoA11yViolations, loginAs, mainNav, test } from "./support/fixtures.ts";

const today = () =>
  new Intl.DateTimeFormat("sv-SE", { timeZone: "Europe/Oslo" }).format(new Date());

interface Session {
  csrfToken: string;
  person: { id: string };
  activeSchoolId: string | null;
  schools: { id: string }[];
}

async function session(page: Page): Promise<Session> {
  return (await (await page.request.get("/api/session")).json()) as Session;
}

/** An API client for the logged-in page: same cookies, with the session's CSRF token. */
function client(request: APIRequestContext, csrf: string) {
  return async (url: string, data: unknown = {}) => {
    const res = await request.post(url, { data, headers: { "x-csrf-token": csrf } });
    expect(res.status(), `${url}: ${await res.text()}`).toBeLessThan(300);
    return res.json();
  };
}

test("a pupil answers 'how is it now?' and the principal sees it in the case", async ({
  page,
  browser,
}, testInfo) => {
  test.setTimeout(240_000);
  const phone = testInfo.project.name.includes("phone");
  const words = `Det er fortsatt vondt i friminuttene (${testInfo.project.name}).`;

  // The pupil: one per project, so the two projects' cases do not meet.
  const pupilContext = await browser.newContext({
    locale: "nb-NO",
    timezoneId: "Europe/Oslo",
    viewport: page.viewportSize() ?? undefined,
  });
  const pupilPage = await pupilContext.newPage();
  await loginAs(pupilPage, "pupil", { index: phone ? 2 : 1 });
  const pupil = await session(pupilPage);

  // The principal sets up the case with a plan evaluated today.
  await loginAs(page, "principal");
  const s = await session(page);
  const schoolId = s.activeSchoolId ?? s.schools[0]?.id ?? "";
  const post = client(page.request, s.csrfToken);
  const teacherRes = await page.request.get(
    `/api/schools/${schoolId}/people?role=contactTeacher&limit=1`,
  );
  const teacher = ((await teacherRes.json()) as { people: { id: string }[] }).people[0]?.id;
  const day = today();
  const { caseId } = (await post(`/api/schools/${schoolId}/cases`, {
    kind: "staff-concern",
    pupilIds: [pupil.person.id],
    description: "Eleven blir holdt utenfor i friminuttene.",
    placeKind: "schoolyard",
    timeOfDay: "break",
  })) as { caseId: string };
  await post(`/api/cases/${caseId}/acknowledge`);
  await post(`/api/cases/${caseId}/notes`, {
    kind: "conversation",
    occurredOn: day,
    text: "Samtale med eleven.",
  });
  await post(`/api/cases/${caseId}/pupil-views`, {
    pupilId: pupil.person.id,
    heardOn: day,
    words: "Jeg er alene i friminuttene.",
    feelsSafe: false,
  });
  await post(`/api/cases/${caseId}/best-interest`, { text: "Voksne til stede i friminuttene." });
  await post(`/api/cases/${caseId}/team`, { personId: teacher });
  await post(`/api/cases/${caseId}/plan`, {
    problem: "Eleven er alene i friminuttene.",
    evaluateOn: day,
    measures: [
      {
        id: "m1",
        description: "En voksen i skolegården i hvert friminutt.",
        startsOn: day,
        responsiblePersonId: teacher,
      },
    ],
  });

  // The case tick runs every minute: the check-in appears on the pupil's home page.
  await expect
    .poll(
      async () =>
        ((await (await pupilPage.request.get("/api/me/check-ins")).json()) as { items: unknown[] })
          .items.length,
      { timeout: 150_000, intervals: [5_000] },
    )
    .toBeGreaterThan(0);
  await pupilPage.goto("/");
  const card = pupilPage.getByRole("region", { name: "Hvordan har du det nå?" });
  await expect(card).toBeVisible();
  await expect(card.getByText(/Svaret er ikke anonymt/)).toBeVisible();
  await expectNoA11yViolations(pupilPage);

  // Sending without an answer says what is missing, and sends nothing.
  await card.getByRole("button", { name: "Send svaret" }).click();
  await expect(card.getByText("Velg ja, delvis eller nei.")).toBeVisible();
  await card.getByRole("radio", { name: "Nei" }).check();
  await card.getByLabel(/Vil du si mer/).fill(words);
  await card.getByRole("button", { name: "Send svaret" }).click();
  await expect(
    pupilPage.getByRole("status").filter({ hasText: "Takk for at du sier ifra" }),
  ).toBeVisible();
  await expectNoA11yViolations(pupilPage);
  // Answered once: the card is gone on the next visit.
  await pupilPage.reload();
  await expect(pupilPage.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(pupilPage.getByRole("region", { name: "Hvordan har du det nå?" })).toHaveCount(0);
  await pupilContext.close();

  // The principal sees the answer in the case, as the pupil's own view, with the place given.
  await page.goto(`/cases/${caseId}`);
  await expect(page.getByText(words)).toBeVisible();
  await expect(page.getByText("Svar på «Hvordan har du det nå?»").first()).toBeVisible();
  await expect(page.getByText("Skolegården · I friminuttet").first()).toBeVisible();
  await expectNoA11yViolations(page);

  // "Hvor og når": reached from the menu; an accessible table whatever the counts.
  const nav = await mainNav(page);
  await nav.getByRole("link", { name: "Hvor og når" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Hvor og når" })).toBeVisible();
  await expect(page.getByRole("table", { name: /Sted og tid på dagen/ })).toBeVisible();
  // Wide tables scroll in their own box: the page itself never scrolls sideways (reflow).
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);
  await expectNoA11yViolations(page);
});
