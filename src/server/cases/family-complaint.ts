// The complaint right (§12-6) for one matter, from the core rule and the owner's calendar and
// Statsforvalteren office: what receipts, "Mine meldinger", the closing letter and the family
// copy show. The text itself is rendered by `complaintRightText` (src/i18n/complaint-text.ts).
import type { IsoDate } from "../../core/calendar/iso-date.ts";
import { complaintRight } from "../../core/cases/complaint.ts";
import { type ComplaintRightText, complaintRightText } from "../../i18n/complaint-text.ts";
import type { Lang } from "../../i18n/lang.ts";
import type { Db, Tx } from "../platform/db/database.ts";
import {
  loadOwnerRules,
  loadStateAdministratorOffice,
  type StateAdministratorOffice,
} from "./store.ts";

export interface ComplaintInfo {
  readonly raisedOn: IsoDate;
  readonly firstComplaintOn: IsoDate;
  readonly office: StateAdministratorOffice;
}

/** The complaint right for a matter raised with a school of `ownerId` on `raisedOn`. */
export async function complaintFor(
  q: Db | Tx,
  ownerId: string,
  raisedOn: IsoDate,
): Promise<ComplaintInfo> {
  const [{ calendar }, office] = await Promise.all([
    loadOwnerRules(q, ownerId),
    loadStateAdministratorOffice(q, ownerId),
  ]);
  return {
    raisedOn,
    firstComplaintOn: complaintRight(raisedOn, calendar).firstComplaintOn,
    office,
  };
}

/**
 * The complaint text for a case, ready to print: for the family copy of the case file
 * (export.ts) and the closing letter. The matter was raised with the school on the case's
 * `learnedOn`.
 */
export async function caseComplaintText(
  q: Db | Tx,
  state: { ownerId: string; learnedOn: IsoDate },
  lang: Lang,
): Promise<ComplaintRightText> {
  const info = await complaintFor(q, state.ownerId, state.learnedOn);
  return complaintRightText(lang, info.office, info.firstComplaintOn, info.raisedOn);
}
