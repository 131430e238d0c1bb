// The printouts of one round: the seating map (seating plans), name tags for the desks, and
// the list of groups. They name pupils, so every printout is audited as a read.
import type { FastifyRequest } from "fastify";
import type { Lang } from "../../i18n/lang.ts";
import type { Db } from "../platform/db/database.ts";
import { notFound } from "../platform/errors.ts";
import { auditRead } from "../schools/audit-read.ts";
import { groupsPdf } from "./groups-pdf.ts";
import { type NameTag, nameTagsPdf } from "./name-tags-pdf.ts";
import { pdfText, roundLabel } from "./pdf-texts.ts";
import { seatingMapPdf } from "./seating-pdf.ts";
import { loadState } from "./state.ts";
import { layoutOf, namesOf } from "./store.ts";

export type Printout = "seating" | "nameTags" | "groups";

export async function printRound(
  db: Db,
  req: FastifyRequest,
  opts: {
    schoolId: string;
    ownerId: string;
    planId: string;
    index: number;
    kind: Printout;
    lang: Lang;
    now: Date;
  },
): Promise<{ pdf: Buffer; fileName: string }> {
  const { lang } = opts;
  const state = await loadState(db, opts.schoolId, opts.planId, opts.now);
  const round = state.rounds.find((r) => r.round_index === opts.index);
  if (!round) throw notFound();
  const layout = state.classroom ? layoutOf(state.classroom) : null;
  if (opts.kind === "seating" && !layout) throw notFound();
  const names = new Map(state.pupils.map((p) => [p.id, p.name]));
  const missing = round.groups.flat().filter((id) => !names.has(id));
  for (const [id, name] of await namesOf(db, missing)) names.set(id, name);
  const nameOf = (id: string) => names.get(id) ?? "";
  const label = roundLabel(lang, round.round_index);
  const dates = { startsOn: round.starts_on, endsOn: round.ends_on };
  const groupName = (g: number) =>
    layout
      ? `${pdfText(lang, "table")} ${layout.tables[g]?.label ?? g + 1}`
      : pdfText(lang, "group", { n: g + 1 });

  let pdf: Buffer;
  if (opts.kind === "seating" && layout) {
    const seats = Object.fromEntries(
      Object.entries(round.seats ?? {}).map(([seat, id]) => [seat, nameOf(id)]),
    );
    pdf = await seatingMapPdf({
      title: state.plan.name,
      groupName: state.group.name,
      roundLabel: label,
      dates,
      layout,
      seats,
      lang,
    });
  } else if (opts.kind === "nameTags") {
    const tags: NameTag[] = round.groups.flatMap((members, g) =>
      members.map((id) => ({
        name: nameOf(id),
        ...(layout ? { table: layout.tables[g]?.label ?? String(g + 1) } : {}),
      })),
    );
    pdf = await nameTagsPdf({ names: tags, lang });
  } else {
    const units = round.buddy_pairs;
    pdf = await groupsPdf({
      title: state.plan.name,
      groupName: state.group.name,
      rounds: [
        {
          label,
          dates,
          groups: round.groups
            .map((members, g) => ({
              name: groupName(g),
              // VIP: the buddy pairs of the group, each on one line; anyone in the group
              // outside a pair gets a line of their own, so every pupil is printed.
              members: units?.[g]
                ? [
                    ...units[g].map((u) => u.map(nameOf)),
                    ...members
                      .filter((id) => !units[g]?.some((u) => u.includes(id)))
                      .map((id) => [nameOf(id)]),
                  ]
                : members.map((id) => [nameOf(id)]),
            }))
            .filter((g) => g.members.length > 0),
        },
      ],
      lang,
    });
  }
  await auditRead(db, req, opts.now, {
    action: "rotation.print",
    resourceType: "rotationPlan",
    resourceId: opts.planId,
    schoolId: opts.schoolId,
    ownerId: opts.ownerId,
    detail: { groupId: state.plan.study_group_id, round: opts.index, printout: opts.kind, lang },
  });
  const base = { seating: "klassekart", nameTags: "navnelapper", groups: "grupper" }[opts.kind];
  return { pdf, fileName: `${base}-runde-${opts.index + 1}.pdf` };
}
