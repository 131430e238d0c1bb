// The closing letter (issue #8): a PDF to the pupil and the guardians of one pupil when the
// case is closed, in bokmål or nynorsk (or English). It says that the case is closed and on
// which ground in plain words (no free text: a ground's note, findings or reason may name
// other pupils or hold investigation notes), the plan that was in force in the family version
// (measures, dates, responsible roles; keep-apart as "another pupil"), and the right to go to
// Statsforvalteren with the office's address. Same access as the family copy of the case
// file (`case.export`), and anyone refused gets the 404 of an unknown case. Audited as a read.
import type { FastifyRequest } from "fastify";
import type { Content } from "pdfmake/interfaces";
import { z } from "zod";
import type { Actor } from "../../core/access/actor.ts";
import { authorize, type Resource } from "../../core/access/policy.ts";
import { osloDateOf } from "../../core/calendar/iso-date.ts";
import type { CaseState } from "../../core/cases/types.ts";
import { letterDate } from "../../i18n/complaint-text.ts";
import { LANGS, type Lang } from "../../i18n/lang.ts";
import { family } from "../../i18n/web/family.ts";
import { roles as roleNames } from "../../i18n/web/roles.ts";
import { appendAudit } from "../platform/audit.ts";
import type { Db } from "../platform/db/database.ts";
import { AppError, notFound } from "../platform/errors.ts";
import { restrictedCase } from "./effects.ts";
import { caseComplaintText } from "./family-complaint.ts";
import { closureGroundOf, contactsOf, familyPlan, familyRedaction } from "./family-view.ts";
import { PDF_STYLES, renderPdf } from "./pdf.ts";
import { caseFromParam } from "./resources.ts";
import { loadCase, namesOf } from "./store.ts";

export const closingLetterQuery = z.object({
  lang: z.enum(LANGS).default("nb"),
  pupilId: z.uuid().optional(),
});

/**
 * The case in `:caseId` for the letter: whoever the policy refuses `case.export` gets the
 * same 404 as for a case that does not exist, so the letter's URL reveals nothing.
 */
export function closingLetterCase(db: Db) {
  const resolve = caseFromParam(db);
  return async (req: FastifyRequest): Promise<Resource> => {
    const resource = await resolve(req);
    if (!req.actor || !authorize(req.actor, "case.export", resource).allow) throw notFound();
    return resource;
  };
}

function fill(template: string, params: Record<string, string>): string {
  return template.replace(/\{\{(\w+)\}\}/g, (_m, k: string) => params[k] ?? "");
}

async function letterContent(
  db: Db,
  state: CaseState,
  pupilId: string,
  lang: Lang,
  now: Date,
): Promise<Content[]> {
  const t = family[lang];
  const roleName = roleNames[lang].name;
  const plan = state.planRevisions[state.planRevisions.length - 1];
  const names = await namesOf(db, [
    pupilId,
    ...(plan?.measures ?? []).map((m) => m.responsiblePersonId),
  ]);
  const fp = familyPlan(state, pupilId, names, await familyRedaction(db, state, pupilId, lang));
  const [school, contacts, complaint] = await Promise.all([
    db.selectFrom("school").select("name").where("id", "=", state.schoolId).executeTakeFirst(),
    contactsOf(db, state),
    caseComplaintText(db, state, lang),
  ]);
  const ground = closureGroundOf(state) ?? "other";
  const closedOn = state.closedAt ? osloDateOf(new Date(state.closedAt)) : osloDateOf(now);
  const pupilName = names[pupilId] ?? "";
  const field = (label: string, value: string): Content => ({
    text: [{ text: `${label}: `, style: "label" }, value],
    margin: [0, 1, 0, 1],
  });
  const contactRole = (role: "principal" | "caseLead") => t.role[role];
  const signer = contacts[0];

  const planContent: Content[] = fp
    ? [
        {
          table: {
            headerRows: 1,
            widths: ["*", "auto", "auto"],
            body: [
              [
                { text: t.plan.what, style: "tableHeader" },
                { text: t.plan.when, style: "tableHeader" },
                { text: t.plan.responsible, style: "tableHeader" },
              ],
              ...fp.measures.map((m) => [
                {
                  stack: [
                    { text: m.description },
                    ...(m.keepApart
                      ? [{ text: t.plan.keepApart, italics: true, margin: [0, 3, 0, 0] }]
                      : []),
                  ],
                },
                {
                  text: [
                    m.endsOn
                      ? fill(t.plan.fromTo, {
                          from: letterDate(m.startsOn),
                          to: letterDate(m.endsOn),
                        })
                      : fill(t.plan.from, { date: letterDate(m.startsOn) }),
                    m.schedule ?? "",
                  ]
                    .filter(Boolean)
                    .join("\n"),
                },
                {
                  text: [m.responsible.name, m.responsible.role ? roleName[m.responsible.role] : ""]
                    .filter(Boolean)
                    .join(", "),
                },
              ]),
            ],
          },
        } as Content,
        {
          text: fill(t.letter.evaluatedOn, { date: letterDate(fp.evaluateOn) }),
          margin: [0, 4, 0, 0],
        },
      ]
    : [{ text: t.letter.noPlan, italics: true }];

  return [
    { text: t.letter.title, style: "title" },
    { text: t.letter.subtitle, style: "subtitle" },
    field(t.letter.school, school?.name ?? ""),
    field(t.letter.pupil, pupilName),
    field(t.letter.date, letterDate(osloDateOf(now))),
    {
      text: fill(t.letter.body, { pupil: pupilName, date: letterDate(closedOn) }),
      margin: [0, 12, 0, 0],
    },
    { text: t.letter.ground, style: "h2" },
    { text: t.ground[ground] },
    { text: t.letter.plan, style: "h2" },
    ...planContent,
    { text: t.letter.again, margin: [0, 12, 0, 0] },
    { text: complaint.title, style: "h2" },
    { text: complaint.body },
    { text: complaint.free, margin: [0, 4, 0, 4] },
    { stack: complaint.officeLines.map((line) => ({ text: line })), margin: [12, 0, 0, 0] },
    ...(signer
      ? [
          {
            text: fill(t.letter.contact, { name: signer.name, role: contactRole(signer.role) }),
            margin: [0, 16, 0, 0],
          } as Content,
          { text: t.letter.regards, margin: [0, 16, 0, 0] } as Content,
          { text: `${signer.name}\n${contactRole(signer.role)}` } as Content,
        ]
      : []),
  ];
}

export async function closingLetter(
  db: Db,
  actor: Actor,
  caseId: string,
  opts: { pupilId: string | null; lang: Lang; now: Date; requestId: string | null },
): Promise<{ pdf: Buffer; fileName: string }> {
  const stored = await loadCase(db, caseId);
  if (!stored) throw notFound();
  const state = stored.state;
  const pupilId = opts.pupilId ?? state.pupils[0] ?? null;
  if (pupilId === null || !state.pupils.includes(pupilId)) throw notFound();
  if (state.status !== "closed") throw new AppError(409, "case.notClosed");
  const content = await letterContent(db, state, pupilId, opts.lang, opts.now);
  await db.transaction().execute((tx) =>
    appendAudit(tx, {
      at: opts.now,
      actorId: actor.personId,
      action: "case.closingLetter",
      resourceType: "case",
      resourceId: caseId,
      schoolId: state.schoolId,
      ownerId: state.ownerId,
      restricted: restrictedCase(state),
      requestId: opts.requestId,
      detail: { pupilId, lang: opts.lang },
    }),
  );
  const pdf = await renderPdf({
    info: { title: family[opts.lang].letter.title },
    pageSize: "A4",
    pageMargins: [56, 56, 56, 56],
    defaultStyle: { font: "Roboto", fontSize: 11, lineHeight: 1.25 },
    styles: PDF_STYLES,
    content,
  });
  return { pdf, fileName: `avslutningsbrev-${caseId.slice(0, 8)}-${opts.lang}.pdf` };
}
