// Input parsing for the admin forms. Like platform/http/validate.ts `parse`, but every problem
// carries a stable code from src/i18n/errors.ts and its message in the caller's language, so a
// form can list "what to fix" in an error summary without guessing from zod's English.
import type { z } from "zod";
import { type ErrorCode, errorMessage, errorsNb } from "../../i18n/errors.ts";
import type { Lang } from "../../i18n/lang.ts";
import { AppError, type FieldProblem } from "../platform/errors.ts";

export interface Problem {
  path: string;
  code: ErrorCode;
}

function isErrorCode(value: string): value is ErrorCode {
  return Object.hasOwn(errorsNb, value);
}

export function translated(lang: Lang, problems: readonly Problem[]): FieldProblem[] {
  const seen = new Set<string>();
  const out: FieldProblem[] = [];
  for (const p of problems) {
    const key = `${p.path}\u0000${p.code}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ path: p.path, code: p.code, message: errorMessage(lang, p.code) });
  }
  return out;
}

/** A 400 naming every bad field, translated. */
export function invalidInput(lang: Lang, problems: readonly Problem[]): AppError {
  return new AppError(400, "validation.failed", { fields: translated(lang, problems) });
}

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let node = data;
  for (const key of path) {
    if (node === null || typeof node !== "object") return undefined;
    node = (node as Record<PropertyKey, unknown>)[key];
  }
  return node;
}

function codeOf(issue: z.core.$ZodIssue, data: unknown): ErrorCode {
  // A schema may name its own code as the issue's message: z.email({ error: "field.invalidEmail" }).
  if (isErrorCode(issue.message)) return issue.message;
  switch (issue.code) {
    case "invalid_type": {
      const value = valueAt(data, issue.path);
      return value === undefined || value === null ? "field.required" : "field.invalid";
    }
    case "too_small":
      return issue.origin === "string" && Number(issue.minimum) <= 1
        ? "field.required"
        : "field.invalid";
    case "too_big":
      return issue.origin === "string" ? "field.tooLong" : "field.invalid";
    default:
      return "field.invalid";
  }
}

/** Parses input at the edge; a failure is one 400 listing every bad field in `lang`. */
export function parseInput<S extends z.ZodType>(schema: S, data: unknown, lang: Lang): z.infer<S> {
  const result = schema.safeParse(data);
  if (result.success) return result.data;
  throw invalidInput(
    lang,
    result.error.issues.map((issue) => ({
      path: issue.path.map(String).join("."),
      code: codeOf(issue, data),
    })),
  );
}
