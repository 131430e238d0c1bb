// What every rotation use case is told about the request: where, who, when, in which language.
import type { Actor } from "../../core/access/actor.ts";
import type { Lang } from "../../i18n/lang.ts";

export interface RotationCommand {
  schoolId: string;
  ownerId: string;
  actor: Actor;
  requestId: string;
  now: Date;
  lang: Lang;
}

/** The solver's search budget per request (1 = about a second on the reference machine). */
export const SOLVER_EFFORT = 0.5;
