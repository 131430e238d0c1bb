// Errors of the rotations feature: a translated 400/409 naming the field, and the 409 of a
// broken hard constraint, which names the pupils concerned (never why a pair exists).
import type { PupilRef } from "../../contract/rotations.ts";
import type { ConstraintConflict, PupilId } from "../../core/groups/types.ts";
import { type ErrorCode, errorMessage } from "../../i18n/errors.ts";
import type { Lang } from "../../i18n/lang.ts";
import { AppError } from "../platform/errors.ts";

export function rotationError(
  status: number,
  lang: Lang,
  code: ErrorCode,
  path?: string,
): AppError {
  const message = errorMessage(lang, code);
  return new AppError(status, code, {
    message,
    ...(path ? { fields: [{ path, code, message }] } : {}),
  });
}

export type ViolationReason =
  | "apartTogether"
  | "togetherSplit"
  | "fixedSeat"
  | "pupilsMismatch"
  | "tableFull"
  | "unsolvable";

/** 409 `groups.constraintViolated`: the message says what is wrong and names the pupils. */
export function violation(
  lang: Lang,
  reason: ViolationReason,
  ids: readonly string[],
  names: ReadonlyMap<string, string>,
): AppError {
  const unique = [...new Set(ids)];
  const pupils: PupilRef[] = unique
    .filter((id) => names.has(id))
    .map((id) => ({ id, name: names.get(id) ?? "" }));
  const list = pupils.map((p) => p.name).join(", ");
  const text = errorMessage(lang, `groups.${reason}`);
  return new AppError(409, "groups.constraintViolated", {
    message: list ? `${text} ${list}.` : text,
    reason,
    pupils,
  });
}

/** The pupils a solver conflict is about (all of them for a conflict without names). */
export function conflictPupils(
  conflicts: readonly ConstraintConflict[],
  everyoneConstrained: readonly string[],
): string[] {
  const ids: PupilId[] = [];
  for (const c of conflicts) {
    switch (c.kind) {
      case "duplicate-pupil":
      case "unknown-pupil":
      case "self-pair":
      case "fixed-group-out-of-range":
        ids.push(c.pupil);
        break;
      case "together-forbidden":
      case "fixed-forbidden":
        ids.push(...c.pair);
        break;
      case "together-too-large":
      case "together-fixed-mismatch":
        ids.push(...c.unit);
        break;
      case "fixed-overflow":
        ids.push(...c.pupils);
        break;
      case "invalid-parameter":
      case "invalid-group-sizes":
      case "infeasible":
        ids.push(...everyoneConstrained);
        break;
    }
  }
  return [...new Set(ids.map(String))];
}
