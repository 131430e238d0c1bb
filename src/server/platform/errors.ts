// A small set of domain errors, mapped by one error handler to an HTTP status, a stable
// `code` and a translated message.
import type { ErrorCode } from "../../i18n/errors.ts";

export interface FieldProblem {
  path: string;
  code: string;
  message?: string;
}

export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    readonly details?: { fields?: FieldProblem[]; [key: string]: unknown },
  ) {
    super(code);
  }
}

export const notFound = () => new AppError(404, "notFound");
export const denied = (reason?: string) =>
  new AppError(403, "access.denied", reason ? { reason } : undefined);
export const authRequired = () => new AppError(401, "auth.required");
export const invalid = (fields: FieldProblem[]) =>
  new AppError(400, "validation.failed", { fields });
