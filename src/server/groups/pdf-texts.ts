// Texts of the printed seating map, name tags and group lists. nb is the source; nn and en
// are typed against it, so a missing translation fails the type check. They live here, not
// in a web namespace, because only these server-side renderers print them.
import type { Lang } from "../../i18n/lang.ts";

const nb = {
  board: "Tavle",
  front: "Fremme",
  table: "Bord",
  group: "Gruppe {{n}}",
  round: "Runde {{n}}",
  period: "{{from}}–{{to}}",
  groupsTitle: "Grupper",
  seatingTitle: "Klassekart",
  nameTagsTitle: "Navnelapper",
  foldHere: "Brett her",
  cutHere: "Klipp her",
  noGroups: "Ingen grupper i denne runden.",
  member: "1 elev",
  members: "{{n}} elever",
};

type Texts = typeof nb;

const nn: Texts = {
  board: "Tavle",
  front: "Framme",
  table: "Bord",
  group: "Gruppe {{n}}",
  round: "Runde {{n}}",
  period: "{{from}}–{{to}}",
  groupsTitle: "Grupper",
  seatingTitle: "Klassekart",
  nameTagsTitle: "Namnelappar",
  foldHere: "Brett her",
  cutHere: "Klipp her",
  noGroups: "Ingen grupper i denne runden.",
  member: "1 elev",
  members: "{{n}} elevar",
};

const en: Texts = {
  board: "Board",
  front: "Front",
  table: "Table",
  group: "Group {{n}}",
  round: "Round {{n}}",
  period: "{{from}}–{{to}}",
  groupsTitle: "Groups",
  seatingTitle: "Seating map",
  nameTagsTitle: "Name tags",
  foldHere: "Fold here",
  cutHere: "Cut here",
  noGroups: "No groups in this round.",
  member: "1 pupil",
  members: "{{n}} pupils",
};

const texts: Record<Lang, Texts> = { nb, nn, en };

export type GroupsPdfText = keyof Texts;

/** A text with {{params}} filled in. */
export function pdfText(
  lang: Lang,
  key: GroupsPdfText,
  params: Record<string, string | number> = {},
): string {
  return texts[lang][key].replace(/\{\{(\w+)\}\}/g, (_m, k: string) => String(params[k] ?? ""));
}

/** "Runde 3" for the round with index 2 (rounds are numbered from 1 on paper). */
export function roundLabel(lang: Lang, index: number): string {
  return pdfText(lang, "round", { n: index + 1 });
}
