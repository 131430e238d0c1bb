// Publication: the published plan is public without login at stable addresses (JSON for the
// web page, an embeddable HTML page, a PDF whose æøå survive text extraction), in nb, nn and
// en; a draft is never public; nothing personal appears (no name of anyone in the database).
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../support/app.ts";
import { demoSchools, personWithRole } from "../support/people.ts";
import { TEMPLATE } from "./plans-setup.ts";

let t: TestApp;
let schoolId: string;
let otherSchoolId: string;
let planId: string;
let names: string[];

const pdfText = (pdf: Buffer): string => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "trygg-plan-pdf-"));
  try {
    const file = path.join(dir, "plan.pdf");
    fs.writeFileSync(file, pdf);
    return execFileSync("pdftotext", ["-layout", "-enc", "UTF-8", file, "-"], { encoding: "utf8" });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
};

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  const { big, small } = await demoSchools(db);
  schoolId = big.id;
  otherSchoolId = small.id;
  const people = await db.selectFrom("person").select(["given_name", "family_name"]).execute();
  names = people.map((p) => `${p.given_name} ${p.family_name}`);
  expect(names.length).toBeGreaterThan(100);
});
afterAll(() => t.close());

const json = () => `/api/public/schools/${schoolId}/plan`;
const html = (lang?: string) => `/public/schools/${schoolId}/plan${lang ? `?lang=${lang}` : ""}`;
const pdf = (lang?: string) => `/public/schools/${schoolId}/plan.pdf${lang ? `?lang=${lang}` : ""}`;

describe("before anything is published", () => {
  it("answers 404 everywhere, also while a draft exists", async () => {
    const principal = await t.as(await personWithRole(t.database.db, "principal", { schoolId }));
    const year = await t.database.db
      .selectFrom("school_year")
      .select("id")
      .where("school_id", "=", schoolId)
      .executeTakeFirstOrThrow();
    const created = await principal.post(`/api/schools/${schoolId}/plans`, {
      templateId: TEMPLATE,
      schoolYearId: year.id,
    });
    planId = created.json().id;
    const res = await t.anonymous.get(json());
    expect(res.statusCode).toBe(404);
    expect(res.json().code).toBe("plan.noPublishedPlan");
    const page = await t.anonymous.get(html());
    expect(page.statusCode).toBe(404);
    expect(page.headers["content-type"]).toContain("text/html");
    expect(page.body).toContain("ingen publisert handlingsplan");
    expect((await t.anonymous.get(pdf())).statusCode).toBe(404);

    const published = await principal.post(`/api/schools/${schoolId}/plans/${planId}/publish`);
    expect(published.statusCode).toBe(200);
  });
});

describe("the published plan", () => {
  it("is served as JSON without login: the content, never tasks or people", async () => {
    const res = await t.anonymous.get(json());
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(Object.keys(body).sort()).toEqual(["plan", "school"]);
    expect(Object.keys(body.plan).sort()).toEqual([
      "content",
      "id",
      "publishedOn",
      "schoolYear",
      "schoolYearId",
      "version",
    ]);
    expect(body.plan).toMatchObject({ id: planId, version: 1, schoolYear: "2026–27" });
    expect(body.plan.content.parts).toHaveLength(4);
    for (const name of names) expect(res.body).not.toContain(name);
  });

  it("is an accessible HTML page any website may frame", async () => {
    const res = await t.anonymous.get(html());
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toContain("text/html");
    expect(res.headers["content-security-policy"]).toContain("frame-ancestors *");
    expect(res.headers["content-security-policy"]).toContain("default-src 'none'");
    expect(res.headers["x-frame-options"]).toBeUndefined();
    const page = res.body;
    expect(page).toContain('<html lang="nb">');
    expect(page.match(/<h1>/g)).toHaveLength(1);
    expect(page).toContain("<h1>Handlingsplan for trygt og godt skolemiljø</h1>");
    expect(page).toContain('<th scope="col">Ansvar</th>');
    expect(page).toContain('<caption id="table-1">');
    expect(page).toContain('role="region" tabindex="0" aria-labelledby="table-1"');
    expect(page).toContain("Kontaktlærer");
    expect(page).toContain("Elevtjenesten");
    expect(page).not.toMatch(/<script/i);
    for (const name of names) expect(page).not.toContain(name);
    // Only this page may be framed: the app itself keeps its own frame-ancestors.
    const app = await t.anonymous.get("/api/session");
    expect(app.headers["content-security-policy"]).toContain("frame-ancestors 'self'");
  });

  it.each([
    ["en", "Responsible", "School year 2026–27", "Contact teacher"],
    ["nn", "Ansvar", "Skuleåret 2026–27", "Kontaktlærar"],
  ])("translates the page frame into %s", async (lang, column, year, role) => {
    const res = await t.anonymous.get(html(lang));
    expect(res.body).toContain(`<html lang="${lang}">`);
    expect(res.body).toContain(`<th scope="col">${column}</th>`);
    expect(res.body).toContain(year);
    expect(res.body).toContain(role);
    // The plan's own text stays the school's (bokmål).
    expect(res.body).toContain("Gjennomføre klassens time");
  });

  it("follows the browser's language when no lang is given", async () => {
    const res = await t.anonymous.request({
      method: "GET",
      url: html(),
      headers: { "accept-language": "en-GB,en;q=0.9" },
    });
    expect(res.body).toContain('<html lang="en">');
  });

  it("is a PDF with embedded fonts whose æøå survive pdftotext", async () => {
    const res = await t.anonymous.get(pdf());
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toBe("application/pdf");
    expect(res.headers["content-disposition"]).toContain("handlingsplan-2026-27.pdf");
    const buffer = res.rawPayload;
    expect(buffer.subarray(0, 5).toString()).toBe("%PDF-");
    expect(buffer.toString("latin1")).toContain("/FontFile2");
    const text = pdfText(buffer);
    expect(text).toContain("Handlingsplan for trygt og godt skolemiljø");
    expect(text).toContain("Kontaktlærer");
    expect(text).toContain("Elevrådsstyret");
    expect(text).toMatch(/æ/);
    expect(text).toMatch(/ø/);
    expect(text).toMatch(/å/);
    for (const name of names) expect(text).not.toContain(name);
  }, 60_000);

  it("prints the PDF frame in English on request", async () => {
    const text = pdfText((await t.anonymous.get(pdf("en"))).rawPayload);
    expect(text).toContain("School year 2026–27");
    expect(text).toContain("Responsible");
  }, 60_000);

  it("stays the published version while a revision is drafted", async () => {
    const principal = await t.as(await personWithRole(t.database.db, "principal", { schoolId }));
    const draft = await principal.post(`/api/schools/${schoolId}/plans/${planId}/revision`);
    expect(draft.statusCode).toBe(201);
    const content = draft.json().content;
    content.title = "Utkast som ikke er publisert";
    expect(
      (
        await principal.put(`/api/schools/${schoolId}/plans/${draft.json().id}/content`, {
          content,
        })
      ).statusCode,
    ).toBe(200);
    const res = await t.anonymous.get(json());
    expect(res.json().plan.id).toBe(planId);
    expect(res.body).not.toContain("Utkast som ikke er publisert");
  });

  it("answers 404 for a school without a plan and for nonsense ids", async () => {
    expect((await t.anonymous.get(`/api/public/schools/${otherSchoolId}/plan`)).statusCode).toBe(
      404,
    );
    expect((await t.anonymous.get("/api/public/schools/not-a-uuid/plan")).statusCode).toBe(404);
    expect((await t.anonymous.get("/public/schools/not-a-uuid/plan")).statusCode).toBe(404);
    expect(
      (await t.anonymous.get("/public/schools/00000000-0000-4000-8000-000000000000/plan.pdf"))
        .statusCode,
    ).toBe(404);
  });
});
