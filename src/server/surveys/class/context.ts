import type { Actor } from "../../../core/access/actor.ts";
import type { Lang } from "../../../i18n/lang.ts";

/** Who acts, where and when: what every use case of the class surveys needs. */
export interface SurveyContext {
  schoolId: string;
  ownerId: string;
  actor: Actor;
  requestId: string;
  now: Date;
  lang: Lang;
  /** The server secret that keys the code hashes. */
  secret: string;
}
