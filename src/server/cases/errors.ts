// The case core refuses a command with a stable code (src/core/cases/errors.ts); this maps it
// to an HTTP answer with the message in the caller's language. Input and plan problems are a
// 400 naming each field (so the plan editor can link every missing part); access a 403;
// everything else (wrong status, closed case, …) a 409.
import type { CaseError, CaseErrorParams } from "../../core/cases/errors.ts";
import type { Lang } from "../../i18n/lang.ts";
import { cases } from "../../i18n/web/cases.ts";
import { AppError } from "../platform/errors.ts";

/** The translated text of a case error code such as `plan.problemMissing`. */
export function caseErrorText(lang: Lang, code: string, params: CaseErrorParams = {}): string {
  let node: unknown = cases[lang].errors;
  for (const part of code.split(".")) {
    node = node && typeof node === "object" ? (node as Record<string, unknown>)[part] : undefined;
  }
  const text = typeof node === "string" ? node : cases[lang].errors.refused;
  return text.replace(/\{\{(\w+)\}\}/g, (_m, key: string) => String(params[key] ?? ""));
}

function fieldOf(error: CaseError): string {
  const field = error.params.field ?? error.params.path;
  return typeof field === "string" ? field : "";
}

export function caseRefused(error: CaseError, lang: Lang): AppError {
  const message = caseErrorText(lang, error.code, error.params);
  if (error.code === "case.accessDenied") {
    return new AppError(403, "access.denied", {
      reason: error.params.reason,
      caseCode: error.code,
    });
  }
  if (error.issues && error.issues.length > 0) {
    return new AppError(400, "validation.failed", {
      caseCode: error.code,
      message,
      fields: error.issues.map((i) => ({
        path: i.path,
        code: i.code,
        message: caseErrorText(lang, i.code, i.params),
      })),
    });
  }
  const input =
    error.code.startsWith("input.") ||
    error.code.startsWith("plan.") ||
    error.code.startsWith("evaluation.") ||
    error.code === "close.reasonMissing" ||
    error.code === "close.findingsMissing" ||
    error.code === "close.leftPupilsInvalid" ||
    error.code === "report.toldAtInFuture" ||
    error.code === "report.toldAtTooOld" ||
    error.code === "report.pupilsMissing" ||
    error.code === "message.unknownReport";
  if (input) {
    return new AppError(400, "validation.failed", {
      caseCode: error.code,
      message,
      fields: [{ path: fieldOf(error), code: error.code, message }],
    });
  }
  return new AppError(409, "case.refused", { caseCode: error.code, params: error.params, message });
}

/** A problem the server finds before the core (e.g. a pupil from another school). */
export function caseInputProblem(lang: Lang, path: string, code: string): AppError {
  const message = caseErrorText(lang, code);
  return new AppError(400, "validation.failed", {
    caseCode: code,
    message,
    fields: [{ path, code, message }],
  });
}
