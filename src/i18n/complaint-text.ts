// The complaint right (opplæringslova §12-6) as text, from the one rule in
// src/core/cases/complaint.ts: used by the receipts and "Mine meldinger" on the web, the
// closing letter, and the family copy of the case file. Pure: no React, no server.
import type { IsoDate } from "../core/calendar/iso-date.ts";
import { COMPLAINT_STATUTE } from "../core/cases/complaint.ts";
import type { Lang } from "./lang.ts";
import { family } from "./web/family.ts";

/** The Statsforvalteren office from the owner's settings. */
export interface ComplaintOffice {
  readonly name: string;
  readonly address: string;
  readonly email: string;
  readonly url: string;
}

export interface ComplaintRightText {
  readonly title: string;
  /** The right, the wait and the first date, in one paragraph. */
  readonly body: string;
  readonly free: string;
  /** The office: name, then "Adresse: …", "E-post: …", "Nettside: …". */
  readonly officeLines: readonly string[];
  /** Everything above as plain text, one paragraph or line per line. */
  readonly text: string;
}

/** 08.03.2027: the date form of letters and PDFs in every language. */
export function letterDate(date: IsoDate | string): string {
  const [y, m, d] = date.slice(0, 10).split("-");
  return `${d}.${m}.${y}`;
}

function fill(template: string, params: Record<string, string>): string {
  return template.replace(/\{\{(\w+)\}\}/g, (_m, k: string) => params[k] ?? "");
}

/**
 * The text telling the pupil or the guardians that they may take the case to
 * Statsforvalteren, when, and where. `raisedOn` is the day the matter was raised with the
 * school and `firstDate` the rule's first complaint date (`complaintRight`).
 */
export function complaintRightText(
  lang: Lang,
  office: ComplaintOffice,
  firstDate: IsoDate,
  raisedOn: IsoDate,
): ComplaintRightText {
  const t = family[lang].complaint;
  const body = fill(t.body, {
    statute: COMPLAINT_STATUTE,
    raisedOn: letterDate(raisedOn),
    firstDate: letterDate(firstDate),
  });
  const officeLines = [
    office.name,
    `${t.address}: ${office.address}`,
    `${t.email}: ${office.email}`,
    `${t.web}: ${office.url}`,
  ];
  return {
    title: t.title,
    body,
    free: t.free,
    officeLines,
    text: [t.title, body, t.free, ...officeLines].join("\n"),
  };
}
