// A 400's field list turned into an error summary whose items link to the inputs to fix.
import { ErrorSummary } from "@digdir/designsystemet-react";
import { useTranslation } from "react-i18next";
import { isApiError } from "../app/api.ts";

export interface FormProblem {
  /** The id of the input to fix, or null for a problem with the form as a whole. */
  fieldId: string | null;
  message: string;
}

/**
 * The problems in an API error: each field the server names becomes a link to its input
 * (`fieldIdOf` maps the API path, e.g. `breaks.2.endsOn`, to an input id).
 */
export function problemsOf(
  err: unknown,
  fieldIdOf: (path: string) => string | null,
  fallback: string,
): FormProblem[] {
  if (!isApiError(err)) return [{ fieldId: null, message: fallback }];
  if (err.fields && err.fields.length > 0) {
    return err.fields.map((f) => ({
      fieldId: fieldIdOf(f.path),
      message: f.message ?? err.message,
    }));
  }
  return [{ fieldId: null, message: err.message }];
}

/** The message(s) for one input, for its `error` prop. */
export function errorFor(problems: readonly FormProblem[], fieldId: string): string | undefined {
  const mine = problems.filter((p) => p.fieldId === fieldId).map((p) => p.message);
  return mine.length > 0 ? mine.join(" ") : undefined;
}

export function FormErrors({
  problems,
  attempt,
  labelOf,
}: {
  problems: readonly FormProblem[];
  /** A new value per submit remounts the summary, which moves focus to it again. */
  attempt: number;
  /** A short name of the field, shown before its message ("Første dag: ..."). */
  labelOf?: (fieldId: string) => string | null;
}) {
  const { t } = useTranslation("admin");
  if (problems.length === 0) return null;
  return (
    <ErrorSummary key={attempt} className="admin-errors">
      <ErrorSummary.Heading>{t("form.errorSummary")}</ErrorSummary.Heading>
      <ErrorSummary.List>
        {problems.map((p, i) => {
          const label = p.fieldId ? labelOf?.(p.fieldId) : null;
          const text = label ? `${label}: ${p.message}` : p.message;
          return (
            // biome-ignore lint/suspicious/noArrayIndexKey: the same message may repeat per field
            <ErrorSummary.Item key={`${p.fieldId}-${i}`}>
              {p.fieldId ? (
                <ErrorSummary.Link href={`#${p.fieldId}`}>{text}</ErrorSummary.Link>
              ) : (
                text
              )}
            </ErrorSummary.Item>
          );
        })}
      </ErrorSummary.List>
    </ErrorSummary>
  );
}
