// Small pieces the admin pages share: loading an API resource, turning a 400's field list
// into an error summary, and asking the policy what the person may do here (to hide buttons
// that would only answer "no access"; the server decides either way).
import { ErrorSummary } from "@digdir/designsystemet-react";
import { useCallback, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { type Action, authorize, type Resource } from "../../core/access/policy.ts";
import { api, isApiError } from "../app/api.ts";
import { useSession } from "../app/session.tsx";

export type Load<T> =
  | { state: "loading" }
  | { state: "error"; message: string; status: number }
  | { state: "ready"; data: T };

/** GETs `url` (null: nothing yet) and reloads on `reload()` or when the url changes. */
export function useApiData<T>(url: string | null): Load<T> & { reload(): void } {
  const { t } = useTranslation("common");
  const [load, setLoad] = useState<Load<T>>({ state: "loading" });
  const [version, setVersion] = useState(0);
  useEffect(() => {
    if (!url || version < 0) return;
    let live = true;
    setLoad((prev) => (prev.state === "ready" ? prev : { state: "loading" }));
    api
      .get<T>(url)
      .then((data) => live && setLoad({ state: "ready", data }))
      .catch((err) => {
        if (!live) return;
        setLoad({
          state: "error",
          message: isApiError(err) ? err.message : t("errors.unknown"),
          status: isApiError(err) ? err.status : 0,
        });
      });
    return () => {
      live = false;
    };
  }, [url, version, t]);
  const reload = useCallback(() => setVersion((v) => v + 1), []);
  return { ...load, reload };
}

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

/** May the person do `action` at the active school? (Only shapes the UI.) */
export function useCan(): (action: Action, role?: string) => boolean {
  const { user, activeSchool } = useSession();
  return useCallback(
    (action: Action, role?: string) => {
      if (!user || !activeSchool) return false;
      const school = { schoolId: activeSchool.id, ownerId: activeSchool.ownerId };
      const resource: Resource =
        role === undefined
          ? { type: "school", ...school }
          : { type: "schoolRole", ...school, role };
      return authorize({ personId: user.person.id, grants: user.grants }, action, resource).allow;
    },
    [user, activeSchool],
  );
}

/** Dates as "18. aug. 2027" in the UI language; the value stays an ISO date. */
export function formatIsoDate(iso: string, locale: string): string {
  const [y, m, d] = iso.split("-").map(Number);
  if (!y || !m || !d) return iso;
  return new Intl.DateTimeFormat(locale, {
    day: "numeric",
    month: "short",
    year: "numeric",
    timeZone: "UTC",
  }).format(new Date(Date.UTC(y, m - 1, d)));
}
