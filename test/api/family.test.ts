// Families told their rights, on time (issue #8): the complaint right on receipts, "Mine
// meldinger" for the pupil and the guardians (and who may not see it), and the closing letter.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp, type TestClient } from "../support/app.ts";
import { readPdf } from "../support/pdf-text.ts";
import { demoSchools, personWithRole } from "../support/people.ts";

let t: TestApp;
let schoolId: string;
let principal: string;
let teacher: string;
let pupil: string;
let guardian: string;
let otherPupil: string;
let otherGuardian: string;
let adultPupil: string;
let adultGuardian: string;
let strangerPupil: string;
let p: TestClient;
let caseId: string;
let adultCaseId: string;
const names: Record<string, string> = {};

const TODAY = "2026-11-26"; // a Thursday
const NOTE = "Samtale: Ola Nordmann dyttet eleven ved skapene.";
const VIEW = "Jeg er redd for å gå i garderoben.";
const PROBLEM = "Eleven blir dyttet og holdt utenfor av en medelev i garderoben.";

interface FamilyCase {
  caseId: string;
  pupil: { id: string; name: string };
  as: string;
  stage: string;
  plan: {
    measures: { description: string; keepApart: boolean; responsible: { name: string } }[];
  } | null;
  nextEvaluationOn: string | null;
  contacts: { name: string; role: string }[];
  closureGround: string | null;
  complaint: {
    raisedOn: string;
    firstComplaintOn: string;
    office: { name: string; email: string };
  };
}

async function mine(personId: string): Promise<FamilyCase[]> {
  const res = await (await t.as(personId)).get("/api/me/cases");
  expect(res.statusCode).toBe(200);
  return (res.json() as { items: FamilyCase[] }).items;
}

async function audits(actorId: string, action: string) {
  return t.database.db
    .selectFrom("audit_log")
    .select(["resource_id", "detail"])
    .where("actor_id", "=", actorId)
    .where("action", "=", action)
    .execute();
}

async function ok(res: { statusCode: number; body: string }) {
  expect(res.statusCode, res.body).toBe(200);
}

beforeAll(async () => {
  t = await createTestApp({}, { now: new Date(`${TODAY}T09:00:00Z`) });
  const db = t.database.db;
  schoolId = (await demoSchools(db)).big.id;
  principal = await personWithRole(db, "principal", { schoolId });
  teacher = await personWithRole(db, "contactTeacher", { schoolId });
  const families = await db
    .selectFrom("guardianship as g")
    .innerJoin("role_assignment as r", "r.person_id", "g.pupil_id")
    .select(["g.guardian_id", "g.pupil_id"])
    .where("r.school_id", "=", schoolId)
    .where("r.role", "=", "pupil")
    .orderBy("g.pupil_id")
    .limit(60)
    .execute();
  const distinct = [...new Map(families.map((f) => [f.pupil_id, f])).values()];
  const [a, b, c, d] = distinct;
  if (!a || !b || !c || !d) throw new Error("demo needs four families");
  // Each guardian is the guardian of one of these pupils only.
  const only = (f: typeof a) =>
    families.filter((x) => x.guardian_id === f.guardian_id).length === 1 ? f : f;
  ({ pupil_id: pupil, guardian_id: guardian } = only(a));
  ({ pupil_id: otherPupil, guardian_id: otherGuardian } = only(b));
  ({ pupil_id: adultPupil, guardian_id: adultGuardian } = only(c));
  strangerPupil = d.pupil_id;
  for (const [id, birth] of [
    [pupil, "2011-03-01"],
    [otherPupil, "2011-05-01"],
    [adultPupil, "2007-01-15"],
  ] as const) {
    await db.updateTable("person").set({ birth_date: birth }).where("id", "=", id).execute();
  }
  const people = await db
    .selectFrom("person")
    .select(["id", "given_name", "family_name"])
    .where("id", "in", [pupil, otherPupil, principal, teacher, adultPupil])
    .execute();
  for (const x of people) names[x.id] = `${x.given_name} ${x.family_name}`;
  p = await t.as(principal);

  // Case A: about two pupils, investigated, with a plan that keeps them apart.
  const res = await p.post(`/api/schools/${schoolId}/cases`, {
    kind: "staff-concern",
    pupilIds: [pupil, otherPupil],
    description: "To elever i konflikt i garderoben.",
  });
  expect(res.statusCode).toBe(201);
  caseId = (res.json() as { caseId: string }).caseId;
  await ok(await p.post(`/api/cases/${caseId}/acknowledge`));
  await ok(
    await p.post(`/api/cases/${caseId}/notes`, {
      kind: "conversation",
      occurredOn: TODAY,
      text: NOTE,
    }),
  );
  for (const id of [pupil, otherPupil]) {
    await ok(
      await p.post(`/api/cases/${caseId}/pupil-views`, {
        pupilId: id,
        heardOn: TODAY,
        words: VIEW,
        feelsSafe: false,
      }),
    );
  }
  await ok(
    await p.post(`/api/cases/${caseId}/best-interest`, {
      text: "Elevens beste: voksne til stede, eleven velger tiltak sammen med skolen.",
    }),
  );
  await ok(await p.post(`/api/cases/${caseId}/team`, { personId: teacher }));
  await ok(
    await p.post(`/api/cases/${caseId}/plan`, {
      problem: PROBLEM,
      evaluateOn: "2026-12-10",
      measures: [
        {
          id: "m1",
          description: "Voksen i garderoben før og etter gym.",
          startsOn: TODAY,
          endsOn: "2026-12-18",
          // Free text naming the other pupil: the family sees "[annen elev]".
          schedule: `Hver gymtime når ${names[otherPupil]} også er der`,
          responsiblePersonId: teacher,
          keepApart: [[pupil, otherPupil]],
        },
      ],
    }),
  );

  // Case B: about a pupil of 18 or over.
  const adult = await p.post(`/api/schools/${schoolId}/cases`, {
    kind: "staff-concern",
    pupilIds: [adultPupil],
    description: "Eleven sitter alene i alle friminutt.",
  });
  expect(adult.statusCode).toBe(201);
  adultCaseId = (adult.json() as { caseId: string }).caseId;
  await ok(await p.post(`/api/cases/${adultCaseId}/acknowledge`));
});
afterAll(() => t.close());

describe("Mine meldinger: the cases about the pupil, family version", () => {
  it("shows the pupil their case: stage, plan, next evaluation, contact and complaint date", async () => {
    const items = await mine(pupil);
    const item = items.find((i) => i.caseId === caseId);
    expect(item).toMatchObject({
      pupil: { id: pupil, name: names[pupil] },
      as: "pupil",
      stage: "measuresActive",
      nextEvaluationOn: "2026-12-10",
      closureGround: null,
      complaint: {
        raisedOn: TODAY,
        // Thursday 26 Nov + a week and five working days: Thursday 3 December.
        firstComplaintOn: "2026-12-03",
        office: { name: "Statsforvalteren i Oslo og Viken", email: "sfovpost@statsforvalteren.no" },
      },
    });
    expect(item?.plan?.measures).toEqual([
      expect.objectContaining({
        description: "Voksen i garderoben før og etter gym.",
        schedule: "Hver gymtime når [annen elev] også er der",
        keepApart: true,
        responsible: expect.objectContaining({ name: names[teacher] }),
      }),
    ]);
    expect(item?.contacts).toContainEqual({ name: names[principal], role: "principal" });
  });

  it("never shows another pupil, the investigation notes, views or the problem text", async () => {
    for (const who of [pupil, guardian]) {
      const body = JSON.stringify(await mine(who));
      expect(body).not.toContain(otherPupil);
      expect(body).not.toContain(names[otherPupil]);
      expect(body).not.toContain(NOTE);
      expect(body).not.toContain(VIEW);
      expect(body).not.toContain(PROBLEM);
      expect(body).not.toContain("Elevens beste");
    }
  });

  it("shows a guardian the case about their own child only", async () => {
    const items = await mine(guardian);
    expect(items.filter((i) => i.caseId === caseId).map((i) => [i.pupil.id, i.as])).toEqual([
      [pupil, "guardian"],
    ]);
    const other = await mine(otherGuardian);
    expect(other.filter((i) => i.caseId === caseId).map((i) => i.pupil.id)).toEqual([otherPupil]);
    expect(JSON.stringify(other)).not.toContain(names[pupil]);
  });

  it("shows nothing to another pupil, or to staff who work on the case", async () => {
    for (const who of [strangerPupil, teacher, principal]) {
      const items = await mine(who);
      expect(items.map((i) => i.caseId)).not.toContain(caseId);
      expect(items.map((i) => i.caseId)).not.toContain(adultCaseId);
    }
  });

  it("shows a guardian a case about a pupil of 18 or over only if the pupil said yes", async () => {
    expect((await mine(adultPupil)).map((i) => i.caseId)).toContain(adultCaseId);
    // No choice recorded yet: not shown.
    expect((await mine(adultGuardian)).map((i) => i.caseId)).not.toContain(adultCaseId);
    const no = await p.post(`/api/cases/${adultCaseId}/family-information`, {
      type: "adultPupilChoice",
      pupilId: adultPupil,
      decidedOn: TODAY,
      familyMayBeTold: false,
    });
    expect(no.statusCode, no.body).toBe(200);
    expect((await mine(adultGuardian)).map((i) => i.caseId)).not.toContain(adultCaseId);
    const yes = await p.post(`/api/cases/${adultCaseId}/family-information`, {
      type: "adultPupilChoice",
      pupilId: adultPupil,
      decidedOn: TODAY,
      familyMayBeTold: true,
    });
    expect(yes.statusCode, yes.body).toBe(200);
    expect((await mine(adultGuardian)).map((i) => i.caseId)).toContain(adultCaseId);
  });

  it("audits every case shown as a read", async () => {
    const before = (await audits(guardian, "case.familyRead")).length;
    await mine(guardian);
    const rows = await audits(guardian, "case.familyRead");
    expect(rows.length).toBe(before + 1);
    expect(rows.at(-1)).toMatchObject({ resource_id: caseId });
    expect(rows.at(-1)?.detail).toMatchObject({ pupilId: pupil, as: "guardian" });
  });

  it("refuses anyone not logged in", async () => {
    expect((await t.anonymous.get("/api/me/cases")).statusCode).toBe(401);
  });
});

describe("the complaint right on receipts", () => {
  it("is on a guardian's receipt, counted from the day they reported, not on staff's", async () => {
    const g = await t.as(guardian);
    const sent = await g.post(`/api/schools/${schoolId}/cases`, {
      kind: "pupil-reported",
      pupilIds: [pupil],
      description: "Barnet mitt gruer seg til skolen.",
    });
    expect(sent.statusCode, sent.body).toBe(201);
    const receipts = (await g.get("/api/cases/mine")).json() as {
      items: { complaint: { raisedOn: string; firstComplaintOn: string } | null }[];
    };
    expect(receipts.items[0]?.complaint).toMatchObject({
      raisedOn: TODAY,
      firstComplaintOn: "2026-12-03",
    });
    const staff = (await p.get("/api/cases/mine")).json() as {
      items: { complaint: unknown }[];
    };
    expect(staff.items.every((i) => i.complaint === null)).toBe(true);
  });

  it("is on the anonymous receipt, found with the code", async () => {
    const sent = await t.anonymous.post(`/api/public/schools/${schoolId}/si-ifra`, {
      description: "Noen skriver stygge ting om meg i klassechatten.",
    });
    expect(sent.statusCode, sent.body).toBe(201);
    const { receiptCode } = sent.json() as { receiptCode: string };
    const receipt = await t.anonymous.post("/api/public/receipts", { code: receiptCode });
    expect(receipt.json()).toMatchObject({
      complaint: {
        raisedOn: TODAY,
        firstComplaintOn: "2026-12-03",
        office: { address: "Postboks 325, 1502 Moss" },
      },
    });
  });
});

describe("the closing letter", () => {
  const url = (lang = "nb", pupilId = pupil) =>
    `/api/cases/${caseId}/closing-letter.pdf?lang=${lang}&pupilId=${pupilId}`;

  it("is refused while the case is open", async () => {
    expect((await p.get(url())).statusCode).toBe(409);
  });

  it("tells one pupil's family the ground, the plan, and the complaint right, in bokmål and nynorsk", async () => {
    t.now.value = new Date("2026-12-10T10:00:00Z");
    p = await t.as(principal);
    await ok(
      await p.post(`/api/cases/${caseId}/measures/m1/carried-out`, {
        carriedOutOn: "2026-12-01",
        note: "Var i garderoben.",
      }),
    );
    await ok(
      await p.post(`/api/cases/${caseId}/evaluations`, {
        evaluatedOn: "2026-12-10",
        pupilViews: [
          { pupilId: pupil, words: "Nå går det fint.", feelsSafe: true },
          { pupilId: otherPupil, words: "Greit.", feelsSafe: true },
        ],
        measureEffects: [{ measureId: "m1", effect: "worked", comment: null }],
        summary: "Tiltakene virker.",
        bestInterest: "Elevens beste: avslutte når eleven sier at det er trygt.",
      }),
    );
    await ok(await p.post(`/api/cases/${caseId}/close`, { type: "pupilFeelsSafe" }));

    const res = await p.get(url());
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toContain("application/pdf");
    const nb = readPdf(res.rawPayload).text.replace(/\s+/g, " ");
    expect(nb).toContain("Skolemiljøsaken er avsluttet");
    expect(nb).toContain(names[pupil]);
    expect(nb).toContain("Eleven har sagt at hen nå har det trygt og godt på skolen.");
    expect(nb).toContain("Voksen i garderoben før og etter gym.");
    expect(nb).toContain("Eleven holdes adskilt fra en annen elev");
    expect(nb).toContain("Statsforvalteren i Oslo og Viken");
    expect(nb).toContain("Postboks 325, 1502 Moss");
    expect(nb).toContain("sfovpost@statsforvalteren.no");
    expect(nb).toContain("fra og med 03.12.2026");
    expect(nb).toContain("opplæringslova § 12-6");
    expect(nb).not.toContain(names[otherPupil]);
    expect(nb).not.toContain("Ola Nordmann");
    expect(nb).not.toContain("garderoben før og etter gym. Eleven blir dyttet");
    expect(nb).not.toContain("medelev");

    const nn = readPdf((await p.get(url("nn"))).rawPayload).text.replace(/\s+/g, " ");
    expect(nn).toContain("Skulemiljøsaka er avslutta");
    expect(nn).toContain("Statsforvaltaren");
    expect(nn).toContain("Eleven blir halden frå ein annan elev");

    const theirs = readPdf((await p.get(url("nb", otherPupil))).rawPayload).text;
    expect(theirs).toContain(names[otherPupil]);
    expect(theirs).not.toContain(names[pupil]);

    const rows = await audits(principal, "case.closingLetter");
    expect(rows.length).toBe(3);
    expect(rows[0]).toMatchObject({ resource_id: caseId });
  });

  it("answers 404, like an unknown case, to everyone who may not export the family copy", async () => {
    const unknown = await p.get(
      `/api/cases/00000000-0000-4000-8000-000000000000/closing-letter.pdf?pupilId=${pupil}`,
    );
    expect(unknown.statusCode).toBe(404);
    for (const who of [teacher, pupil, guardian, otherGuardian, strangerPupil]) {
      const res = await (await t.as(who)).get(url());
      expect({ who, status: res.statusCode, body: res.json() }).toEqual({
        who,
        status: 404,
        body: { ...unknown.json(), requestId: expect.any(String) },
      });
    }
    // A pupil who is not in the case is not in the letter either.
    expect((await p.get(url("nb", strangerPupil))).statusCode).toBe(404);
  });
});
