// What every plan use case is told about the request: where, who, when, in which language.
import { type IsoDate, osloDateOf } from "../../core/calendar/iso-date.ts";
import type { Lang } from "../../i18n/lang.ts";

export interface PlanCommand {
  schoolId: string;
  ownerId: string;
  actorId: string;
  requestId: string;
  now: Date;
  lang: Lang;
}

/** The school's date: plans are dated in Norwegian time, whatever the machine's zone. */
export function todayOf(now: Date): IsoDate {
  return osloDateOf(now);
}
