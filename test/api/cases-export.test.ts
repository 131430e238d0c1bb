// The case file stands on its own (issue #8): every section of the PDF has content (or says
// "Ingen."), the JSON validates against the published schema, the family copy hides other
// pupils everywhere (fields, ids, names in free text), and the ZIP bundle for Statsforvalteren
// holds the PDF, the JSON and every attachment with a manifest of hashes.
import { createHash } from "node:crypto";
import { unzipSync } from "fflate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CaseFileV1 } from "../../src/contract/case-file.ts";
import type { Lang } from "../../src/i18n/lang.ts";
import { CASE_FILE_SECTIONS } from "../../src/server/cases/export.ts";
import { tr } from "../../src/server/cases/pdf.ts";
import { createTestApp, type TestApp, type TestClient } from "../support/app.ts";
import { readPdf } from "../support/pdf-text.ts";
import { demoSchools, personWithRole } from "../support/people.ts";

let t: TestApp;
let schoolId: string;
let principal: string;
let teacher: string;
let officer: string;
let pupil: string;
let guardian: string;
let otherPupil: string;
let otherGuardian: string;
let thirdPupil: string;
let p: TestClient;
const person: Record<string, { given: string; family: string }> = {};
const full = (id: string) => `${person[id]?.given} ${person[id]?.family}`;

const TODAY = "2026-11-26";

beforeAll(async () => {
  t = await createTestApp({}, { now: new Date(`${TODAY}T09:00:00Z`) });
  const db = t.database.db;
  const schools = await demoSchools(db);
  schoolId = schools.big.id;
  principal = await personWithRole(db, "principal", { schoolId });
  teacher = await personWithRole(db, "contactTeacher", { schoolId });
  officer = await personWithRole(db, "ownerCaseOfficer", { ownerId: schools.big.ownerId });
  const families = await db
    .selectFrom("guardianship as g")
    .innerJoin("role_assignment as r", "r.person_id", "g.pupil_id")
    .innerJoin("person as pp", "pp.id", "g.pupil_id")
    .select(["g.guardian_id", "g.pupil_id", "pp.given_name"])
    .where("r.school_id", "=", schoolId)
    .where("r.role", "=", "pupil")
    .orderBy("g.pupil_id")
    .limit(60)
    .execute();
  // Three pupils with three different given names, so each name is unambiguous in the text.
  const picked: typeof families = [];
  for (const f of families) {
    if (!picked.some((x) => x.pupil_id === f.pupil_id || x.given_name === f.given_name)) {
      picked.push(f);
    }
  }
  const [a, b, c] = picked;
  if (!a || !b || !c) throw new Error("demo needs three families");
  pupil = a.pupil_id;
  guardian = a.guardian_id;
  otherPupil = b.pupil_id;
  otherGuardian = b.guardian_id;
  thirdPupil = c.pupil_id;
  const rows = await db
    .selectFrom("person")
    .select(["id", "given_name", "family_name"])
    .where("id", "in", [pupil, otherPupil, thirdPupil])
    .execute();
  for (const r of rows) person[r.id] = { given: r.given_name, family: r.family_name };
  p = await t.as(principal);
});
afterAll(() => t.close());

/** The PDF's text after the contents page, without page footers, as non-empty lines. */
function bodyLines(pdf: Buffer): string[] {
  const pages = readPdf(pdf).text.split("\f");
  return pages
    .slice(1)
    .join("\n")
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => l.length > 0 && !/^\d+ \/ \d+$/.test(l));
}

function expectEverySectionFilled(pdf: Buffer, lang: Lang) {
  const lines = bodyLines(pdf);
  const headings = CASE_FILE_SECTIONS.map((k) => tr(lang, k));
  for (const heading of headings) {
    const at = lines.indexOf(heading);
    expect(at, `${heading} in ${lang}`).toBeGreaterThanOrEqual(0);
    const next = lines[at + 1];
    expect(next, `content after ${heading}`).toBeDefined();
    expect(headings, `content after ${heading}`).not.toContain(next);
  }
}

async function openCase(body: Record<string, unknown>): Promise<string> {
  const res = await p.post(`/api/schools/${schoolId}/cases`, {
    kind: "staff-concern",
    ...body,
  });
  expect(res.statusCode).toBe(201);
  return (res.json() as { caseId: string }).caseId;
}

describe("a case file with empty sections", () => {
  it("prints content under every heading, and 'Ingen.'/'None.' where a section is empty", async () => {
    const caseId = await openCase({ pupilIds: [pupil], description: "Bekymring." });
    for (const [lang, none] of [
      ["nb", "Ingen."],
      ["nn", "Ingen."],
      ["en", "None."],
    ] as const) {
      const res = await p.get(`/api/cases/${caseId}/export?format=pdf&lang=${lang}`);
      expect(res.statusCode).toBe(200);
      expectEverySectionFilled(res.rawPayload, lang);
      const lines = bodyLines(res.rawPayload);
      // Investigation, the pupil's voice, plans and measures are all empty: four "none".
      expect(lines.filter((l) => l === none).length).toBeGreaterThanOrEqual(4);
      const lineAfter = (key: string) => lines[lines.indexOf(tr(lang, key)) + 1];
      expect(lineAfter("pdf.sectionInvestigation")).toBe(none);
      expect(lineAfter("pdf.sectionPlans")).toBe(none);
      expect(lineAfter("pdf.sectionMeasures")).toBe(none);
    }
    const json = (await p.get(`/api/cases/${caseId}/export?format=json`)).json();
    expect(CaseFileV1.safeParse(json).success).toBe(true);
  });
});

describe("a full case file", () => {
  let caseId: string;

  beforeAll(async () => {
    caseId = await openCase({
      pupilIds: [pupil, otherPupil],
      description: `${full(otherPupil)} dyttet ${person[pupil]?.given} i gangen. ${person[thirdPupil]?.given} så på.`,
      place: "Gangen ved kantina",
      involvedPupilIds: [thirdPupil],
      others: `${person[otherPupil]?.given.toUpperCase()} lo.`,
    });
    expect((await p.post(`/api/cases/${caseId}/acknowledge`)).statusCode).toBe(200);
    await p.post(`/api/cases/${caseId}/notes`, {
      kind: "conversation",
      occurredOn: TODAY,
      text: `Samtale med ${person[pupil]?.given}: ${full(thirdPupil)} holdt henne utenfor.`,
    });
    await p.post(`/api/cases/${caseId}/pupil-views`, {
      pupilId: pupil,
      heardOn: TODAY,
      words: "Jeg gruer meg til friminuttene.",
      feelsSafe: false,
    });
    await p.post(`/api/cases/${caseId}/pupil-views`, {
      pupilId: otherPupil,
      heardOn: TODAY,
      words: "Det var bare tull.",
      feelsSafe: true,
    });
    await p.post(`/api/cases/${caseId}/best-interest`, { text: "Tett oppfølging er best." });
    const plan = await p.post(`/api/cases/${caseId}/plan`, {
      problem: "Eleven føler seg utrygg i friminuttene.",
      evaluateOn: "2026-12-10",
      measures: [
        {
          id: "m1",
          description: "Voksen i gangen i hvert friminutt.",
          startsOn: TODAY,
          endsOn: "2026-12-18",
          schedule: "Hvert friminutt",
          responsiblePersonId: principal,
          keepApart: [[pupil, otherPupil]],
        },
      ],
    });
    expect(plan.statusCode).toBe(200);
    await p.post(`/api/cases/${caseId}/plan/communicated`, {
      revision: 1,
      communicatedOn: TODAY,
      to: ["pupil", "guardians"],
    });
    expect(
      (
        await p.post(`/api/cases/${caseId}/measures/m1/carried-out`, {
          carriedOutOn: TODAY,
          note: "Var ute hele storefri.",
        })
      ).statusCode,
    ).toBe(200);
    for (const [fileName, text] of [
      ["samtale æøå.txt", "Notat fra samtale: æøå"],
      ["samtale æøå.txt", "Et annet notat med samme navn"],
    ]) {
      const res = await p.post(`/api/cases/${caseId}/attachments`, {
        fileName,
        mediaType: "text/plain",
        contentBase64: Buffer.from(text as string).toString("base64"),
      });
      expect(res.statusCode).toBe(201);
    }
  });

  it("holds alerts by role, acknowledgements, status changes and labelled measures in PDF and JSON", async () => {
    const json = (await p.get(`/api/cases/${caseId}/export?format=json`)).json();
    const file = CaseFileV1.parse(json);
    expect(file.version).toBe(1);
    expect(file.alerts[0]).toMatchObject({ level: 0, roles: ["principal", "deputy"] });
    expect(file.case.acknowledgedBy).toBe(principal);
    expect(file.reports[0]?.acknowledgedAt).not.toBeNull();
    expect(file.statusChanges.map((s) => [s.from, s.to])).toEqual([
      [null, "reported"],
      ["reported", "acknowledged"],
      ["acknowledged", "investigating"],
      ["investigating", "measuresActive"],
    ]);
    expect(file.plans[0]?.measures[0]).toMatchObject({
      what: "Voksen i gangen i hvert friminutt.",
      when: { startsOn: TODAY, endsOn: "2026-12-18" },
      who: principal,
    });
    expect(file.measureLog[0]).toMatchObject({ what: "Voksen i gangen i hvert friminutt." });
    expect(JSON.stringify(json)).not.toContain("receiptCodeHash");

    const pdf = await p.get(`/api/cases/${caseId}/export?format=pdf`);
    expectEverySectionFilled(pdf.rawPayload, "nb");
    const text = bodyLines(pdf.rawPayload).join("\n");
    for (const label of ["Varsling", "Statusendringer", "Hva:", "Når:", "Hvem:"]) {
      expect(text).toContain(label);
    }
    expect(text).toMatch(/Nivå 0: Rektor, Assisterende rektor/);
    expect(text).toContain("fra «Meldt» til «Mottatt»");
    expect(text).not.toContain("case.attachmentAdded");
    expect(text).toContain(full(otherPupil));
  });

  it("the family copy shows no other pupil: not in fields, not as ids, not in free text", async () => {
    for (const format of ["json", "pdf"] as const) {
      const res = await p.get(
        `/api/cases/${caseId}/export?format=${format}&copy=family&pupilId=${pupil}`,
      );
      expect(res.statusCode).toBe(200);
      const body = format === "json" ? res.body : readPdf(res.rawPayload).text;
      for (const other of [otherPupil, thirdPupil]) {
        expect(body).not.toContain(other);
        expect(body.toLowerCase()).not.toContain(full(other).toLowerCase());
        expect(body).not.toMatch(new RegExp(`\\b${person[other]?.given}\\b`, "i"));
      }
      expect(body).not.toContain(otherGuardian);
      expect(body).toContain(full(pupil));
      expect(body).toContain("[annen elev]");
      if (format === "json") {
        const file = CaseFileV1.parse(res.json());
        expect(file.copy).toBe("family");
        expect(file.school.id).toBeNull();
        expect(file.case.pupils).toEqual(["pupil", "otherPupil"]);
        expect(file.reports[0]?.involvedPupils).toEqual(["otherPupil"]);
        expect(file.reports[0]?.description).toContain(
          `[annen elev] dyttet ${person[pupil]?.given}`,
        );
        // No id of a person at all: refs are aliases.
        expect(body).not.toContain(principal);
        expect(body).not.toContain(schoolId);
        // The family is told where to go next, with the office from the owner's settings.
        expect(file.complaintRight?.office.name).toBe("Statsforvalteren i Oslo og Viken");
        expect(file.complaintRight?.firstComplaintOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      } else {
        expect(body).toContain("Statsforvalteren i Oslo og Viken");
      }
    }
    const whole = CaseFileV1.parse((await p.get(`/api/cases/${caseId}/export?format=json`)).json());
    expect(whole.complaintRight).toBeNull();
    const nn = await p.get(
      `/api/cases/${caseId}/export?format=json&copy=family&pupilId=${pupil}&lang=nn`,
    );
    expect(nn.body).toContain("[annan elev]");
  });

  it("bundles the PDF, the JSON and every attachment in one ZIP with a manifest of hashes", async () => {
    const res = await p.get(`/api/cases/${caseId}/export.zip`);
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toBe("application/zip");
    const entries = unzipSync(new Uint8Array(res.rawPayload));
    const manifest = JSON.parse(Buffer.from(entries["manifest.json"] as Uint8Array).toString()) as {
      format: string;
      files: { path: string; sizeBytes: number; sha256: string }[];
    };
    expect(manifest.format).toBe("trygg.caseFileBundle");
    expect(Object.keys(entries).sort()).toEqual(
      ["manifest.json", ...manifest.files.map((f) => f.path)].sort(),
    );
    for (const f of manifest.files) {
      const bytes = entries[f.path] as Uint8Array;
      expect(bytes.byteLength, f.path).toBe(f.sizeBytes);
      expect(createHash("sha256").update(bytes).digest("hex"), f.path).toBe(f.sha256);
    }
    const paths = manifest.files.map((f) => f.path);
    expect(paths).toEqual([
      "case-file.pdf",
      "case-file.json",
      "attachments/01-samtale æøå.txt",
      "attachments/02-samtale æøå.txt",
    ]);
    const json = CaseFileV1.parse(
      JSON.parse(Buffer.from(entries["case-file.json"] as Uint8Array).toString()),
    );
    expect(json.copy).toBe("full");
    // The hashes in the case file are those of the attachment files in the bundle.
    expect(json.attachments.map((a) => a.sha256).sort()).toEqual(
      manifest.files
        .slice(2)
        .map((f) => f.sha256)
        .sort(),
    );
    expect(readPdf(Buffer.from(entries["case-file.pdf"] as Uint8Array)).text).toContain(
      "Saksmappe",
    );
    const audit = await t.database.db
      .selectFrom("audit_log")
      .select("detail")
      .where("resource_id", "=", caseId)
      .where("action", "=", "case.exported")
      .execute();
    expect(audit.map((a) => (a.detail as { format?: string }).format)).toContain("zip");
  });

  it("answers 404 to anyone who may not see the case, exactly as for an unknown id, and 403 to a team member", async () => {
    const unknown = await p.get("/api/cases/00000000-0000-4000-8000-000000000000/export.zip");
    expect(unknown.statusCode).toBe(404);
    const before = await t.database.db
      .selectFrom("audit_log")
      .select("seq")
      .where("action", "=", "case.exported")
      .execute();
    for (const who of [teacher, guardian, otherGuardian, pupil, officer]) {
      const res = await (await t.as(who)).get(`/api/cases/${caseId}/export.zip`);
      expect({ who, status: res.statusCode }).toEqual({ who, status: 404 });
      expect({ ...res.json(), requestId: null }).toEqual({ ...unknown.json(), requestId: null });
    }
    expect((await t.anonymous.get(`/api/cases/${caseId}/export.zip`)).statusCode).toBe(401);
    // On the team the teacher reads the case, but the case file is for those who answer for it.
    expect((await p.post(`/api/cases/${caseId}/team`, { personId: teacher })).statusCode).toBe(200);
    const member = await t.as(teacher);
    expect((await member.get(`/api/cases/${caseId}`)).statusCode).toBe(200);
    expect((await member.get(`/api/cases/${caseId}/export.zip`)).statusCode).toBe(403);
    expect((await member.get(`/api/cases/${caseId}/export?format=json`)).statusCode).toBe(403);
    const after = await t.database.db
      .selectFrom("audit_log")
      .select("seq")
      .where("action", "=", "case.exported")
      .execute();
    expect(after.length).toBe(before.length);
  });
});

describe("the head of a closed case", () => {
  it("starts with the closing ground, each pupil's latest view and the latest best interest, then the covering statement; each report says when the school was told and when it was entered", async () => {
    const caseId = await openCase({
      pupilIds: [pupil, otherPupil],
      description: "Meldt på telefon.",
      channel: "phone",
      toldAt: `${TODAY}T07:30:00Z`,
    });
    expect((await p.post(`/api/cases/${caseId}/acknowledge`)).statusCode).toBe(200);
    await p.post(`/api/cases/${caseId}/notes`, {
      kind: "conversation",
      occurredOn: TODAY,
      text: "Snakket med begge.",
    });
    for (const [who, words] of [
      [pupil, "Først utrygg."],
      [pupil, "Nå er det bra."],
      [otherPupil, `${person[otherPupil]?.given} sier alt er greit.`],
    ] as const) {
      const res = await p.post(`/api/cases/${caseId}/pupil-views`, {
        pupilId: who,
        heardOn: TODAY,
        words,
        feelsSafe: true,
      });
      expect(res.statusCode).toBe(200);
    }
    await p.post(`/api/cases/${caseId}/best-interest`, { text: "Første vurdering." });
    await p.post(`/api/cases/${caseId}/best-interest`, { text: "Andre vurdering." });
    const statement = await p.post(`/api/cases/${caseId}/covering-statements`, {
      text: `Skolen snakket med ${full(otherPupil)} og ${full(pupil)} samme dag.`,
    });
    expect(statement.statusCode).toBe(200);
    const closed = await p.post(`/api/cases/${caseId}/close`, {
      type: "noCaseToAnswer",
      findings: "Undersøkelsen fant ingen krenkelse.",
    });
    expect(closed.statusCode).toBe(200);

    const file = CaseFileV1.parse((await p.get(`/api/cases/${caseId}/export?format=json`)).json());
    expect(file.head.closure).toMatchObject({
      type: "noCaseToAnswer",
      text: "Undersøkelsen fant ingen krenkelse.",
    });
    expect(file.head.pupils.map((h) => [h.pupil, h.latestView?.words])).toEqual([
      [pupil, "Nå er det bra."],
      [otherPupil, `${person[otherPupil]?.given} sier alt er greit.`],
    ]);
    expect(file.head.latestBestInterest?.text).toBe("Andre vurdering.");
    expect(file.coveringStatements).toHaveLength(1);
    expect(file.reports[0]).toMatchObject({
      channel: "phone",
      toldAt: `${TODAY}T07:30:00.000Z`,
      reportedAt: `${TODAY}T09:00:00.000Z`,
    });

    const lines = bodyLines((await p.get(`/api/cases/${caseId}/export?format=pdf`)).rawPayload);
    const at = (needle: string) => lines.findIndex((l) => l.includes(needle));
    expect(lines[0]).toBe("1. Hovedpunkter");
    expect(at("Undersøkelsen viste at det ikke var noen sak")).toBeLessThan(at("2. Skolens"));
    expect(at(`Siste uttalelse fra ${full(pupil)}`)).toBeLessThan(at("2. Skolens"));
    expect(at("Nå er det bra.")).toBeLessThan(at("2. Skolens"));
    expect(at("Andre vurdering.")).toBeLessThan(at("2. Skolens"));
    expect(at("Skolen snakket med")).toBeGreaterThan(at("2. Skolens"));
    expect(at("Skolen snakket med")).toBeLessThan(at("3. Oversikt"));
    expect(lines).toContain("Skolen fikk vite det: 26.11.2026, 08:30 (telefon)");
    expect(lines).toContain("Registrert i Trygg: 26.11.2026, 10:00");

    const family = CaseFileV1.parse(
      (await p.get(`/api/cases/${caseId}/export?format=json&copy=family&pupilId=${pupil}`)).json(),
    );
    // The other pupil's own words are theirs: not in this family's copy, not even unnamed.
    expect(family.head.pupils.map((h) => h.pupil)).toEqual(["pupil"]);
    expect(family.pupilViews.every((v) => v.pupil === "pupil")).toBe(true);
    expect(family.coveringStatements[0]?.text).toBe(
      `Skolen snakket med [annen elev] og ${full(pupil)} samme dag.`,
    );
  });
});
