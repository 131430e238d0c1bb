// Pieces the case pages share: the case view types (as the API sends them), translation
// helpers for the `cases` namespace, an error summary that links each problem to its field,
// and a person search over the school's people list.
import { Button, ErrorSummary, Paragraph, Textfield } from "@digdir/designsystemet-react";
import { useEffect, useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { api, isApiError } from "../app/api.ts";
import { currentLocale } from "../app/i18n.ts";

export interface Step {
  kind: string;
  ref: string | null;
  due: { type: "instant"; at: string } | { type: "date"; on: string };
  owner: { type: "role"; role: string } | { type: "person"; personId: string };
  overdue: boolean;
}

export interface Measure {
  id: string;
  description: string;
  startsOn: string;
  endsOn: string | null;
  schedule: string | null;
  responsiblePersonId: string;
  keepApart: [string, string][];
}

export interface PlanRevision {
  revision: number;
  problem: string;
  measures: Measure[];
  evaluateOn: string;
  savedAt: string;
  savedBy: string;
  communicateBy: string;
}

export interface CaseState {
  id: string;
  schoolId: string;
  ownerId: string;
  kind: string;
  status: string;
  pupils: string[];
  reports: {
    id: string;
    kind: string;
    reporter: { type: "person"; personId: string } | { type: "anonymous" };
    description: string;
    reportedAt: string;
    acknowledgedAt: string | null;
  }[];
  reportedAt: string;
  planDueOn: string;
  acknowledgedAt: string | null;
  serious: { reason: string; at: string } | null;
  escalatedToOwnerAt: string | null;
  staffViolationDecisions: (
    | { type: "ownerNotified"; at: string }
    | { type: "obviouslyUnfounded"; at: string; reason: string }
  )[];
  team: { personId: string; addedAt: string }[];
  investigationNotes: {
    id: string;
    kind: string;
    occurredOn: string;
    text: string;
    recordedBy: string;
  }[];
  pupilViews: {
    id: string;
    pupilId: string;
    heardOn: string;
    words: string;
    feelsSafe: boolean | null;
    recordedBy: string;
  }[];
  bestInterest: { id: string; text: string; recordedAt: string; recordedBy: string }[];
  planRevisions: PlanRevision[];
  planCommunications: { revision: number; communicatedOn: string; to: string[] }[];
  planResponses: {
    revision: number;
    respondedOn: string;
    by: string;
    accepted: boolean;
    comment: string | null;
  }[];
  measureLog: {
    id: string;
    measureId: string;
    carriedOutOn: string;
    note: string | null;
    recordedBy: string;
  }[];
  evaluations: {
    id: string;
    revision: number;
    evaluatedOn: string;
    summary: string | null;
    decideBy: string;
    measureEffects: { measureId: string; effect: string; comment: string | null }[];
  }[];
  /** Absent in cases stored before the conversation existed. */
  reporterMessages?: {
    id: string;
    reportId: string;
    from: "school" | "reporter";
    text: string;
    at: string;
    by: string | null;
  }[];
  kindChanges: { from: string; to: string; reason: string; at: string; by: string }[];
  closedAt: string | null;
  closure: { type: string; reason?: string } | null;
}

export interface CaseView {
  case: CaseState;
  schoolName: string;
  names: Record<string, string>;
  reports: {
    id: string;
    kind: string;
    reporterId: string | null;
    capacity: string | null;
    details: Record<string, unknown>;
    reportedAt: string;
  }[];
  timeline: {
    seq: number;
    type: string;
    at: string;
    actorId: string;
    data: Record<string, unknown>;
  }[];
  attachments: {
    id: string;
    fileName: string;
    mediaType: string;
    sizeBytes: number;
    uploadedAt: string;
    uploadedBy: string;
  }[];
  nextStep: Step | null;
  steps: Step[];
  can: Record<string, boolean>;
  joinSuggestions: {
    caseId: string;
    sharedPupils: string[];
    reportedAt: string;
    pupils: string[];
  }[];
}

/** `t` for the cases namespace with keys built at run time (kinds, steps, events). */
export function useCasesT() {
  const { t } = useTranslation("cases");
  return (key: string, params?: Record<string, unknown>): string =>
    t(key as never, params as never) as unknown as string;
}

export function todayIso(): string {
  return new Intl.DateTimeFormat("sv-SE", { timeZone: "Europe/Oslo" }).format(new Date());
}

/** "26. nov. 2026" for an ISO date or instant, in Norwegian time. */
export function showDate(value: string | null | undefined): string {
  if (!value) return "";
  const date = /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T12:00:00Z`) : new Date(value);
  return new Intl.DateTimeFormat(currentLocale(), {
    day: "numeric",
    month: "short",
    year: "numeric",
    timeZone: "Europe/Oslo",
  }).format(date);
}

export function dueOf(step: Step): string {
  return step.due.type === "date" ? step.due.on : step.due.at;
}

export interface Problem {
  fieldId: string | null;
  message: string;
}

/** An API error as a list of problems; `fieldIdOf` maps the API's field path to an input id. */
export function problemsFrom(err: unknown, fieldIdOf: (path: string) => string | null): Problem[] {
  if (!isApiError(err)) return [{ fieldId: null, message: String(err) }];
  if (err.fields && err.fields.length > 0) {
    return err.fields.map((f) => ({
      fieldId: fieldIdOf(f.path),
      message: f.message ?? err.message,
    }));
  }
  return [{ fieldId: null, message: err.message }];
}

export function errorOf(problems: readonly Problem[], fieldId: string): string | undefined {
  const mine = problems.filter((p) => p.fieldId === fieldId).map((p) => p.message);
  return mine.length > 0 ? mine.join(" ") : undefined;
}

export function Problems({
  problems,
  title,
  attempt,
}: {
  problems: readonly Problem[];
  title: string;
  attempt: number;
}) {
  if (problems.length === 0) return null;
  return (
    <ErrorSummary key={attempt} className="cases-errors">
      <ErrorSummary.Heading>{title}</ErrorSummary.Heading>
      <ErrorSummary.List>
        {problems.map((p, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: the same message may repeat
          <ErrorSummary.Item key={i}>
            {p.fieldId ? (
              <ErrorSummary.Link href={`#${p.fieldId}`}>{p.message}</ErrorSummary.Link>
            ) : (
              p.message
            )}
          </ErrorSummary.Item>
        ))}
      </ErrorSummary.List>
    </ErrorSummary>
  );
}

export interface PersonHit {
  id: string;
  givenName: string;
  familyName: string;
  classNames: string[];
}

/** Search the school's people (pupils or staff) by name or class; pick one at a time. */
export function PersonSearch({
  schoolId,
  onlyRole,
  label,
  description,
  exclude,
  onPick,
  id,
  error,
}: {
  schoolId: string;
  onlyRole: "pupil" | null;
  label: string;
  description?: string;
  exclude: readonly string[];
  onPick(person: { id: string; name: string }): void;
  id?: string;
  error?: string | undefined;
}) {
  const tc = useCasesT();
  const [q, setQ] = useState("");
  const [hits, setHits] = useState<PersonHit[] | null>(null);
  const listId = useId();
  useEffect(() => {
    const text = q.trim();
    if (text.length < 2) {
      setHits(null);
      return;
    }
    let live = true;
    const timer = setTimeout(() => {
      const params = new URLSearchParams({ q: text, limit: "8" });
      if (onlyRole) params.set("role", onlyRole);
      api
        .get<{ people: PersonHit[] }>(`/api/schools/${schoolId}/people?${params}`)
        .then((r) => live && setHits(r.people))
        .catch(() => live && setHits([]));
    }, 200);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [q, onlyRole, schoolId]);
  const shown = (hits ?? []).filter((h) => !exclude.includes(h.id));
  return (
    <div className="cases-search">
      <Textfield
        id={id}
        label={label}
        description={description ?? tc("report.pupilSearchHelp")}
        value={q}
        onChange={(e) => setQ(e.target.value)}
        autoComplete="off"
        aria-controls={listId}
        error={error}
      />
      <div id={listId} aria-live="polite">
        {hits !== null && shown.length === 0 ? (
          <Paragraph data-size="sm">{tc("report.noMatches")}</Paragraph>
        ) : null}
        {shown.length > 0 ? (
          <ul className="cases-hits">
            {shown.map((h) => {
              const name = `${h.givenName} ${h.familyName}`;
              return (
                <li key={h.id}>
                  <Button
                    type="button"
                    variant="tertiary"
                    data-size="sm"
                    onClick={() => {
                      onPick({ id: h.id, name });
                      setQ("");
                      setHits(null);
                    }}
                  >
                    {tc("report.add", { name })}
                    {h.classNames.length > 0 ? ` (${h.classNames.join(", ")})` : ""}
                  </Button>
                </li>
              );
            })}
          </ul>
        ) : null}
      </div>
    </div>
  );
}

/** The chosen people as removable chips. */
export function Chosen({
  people,
  onRemove,
  empty,
}: {
  people: readonly { id: string; name: string }[];
  onRemove(id: string): void;
  empty?: string;
}) {
  const tc = useCasesT();
  if (people.length === 0) return empty ? <Paragraph data-size="sm">{empty}</Paragraph> : null;
  return (
    <ul className="cases-chosen">
      {people.map((p) => (
        <li key={p.id}>
          <span>{p.name}</span>
          <Button
            type="button"
            variant="tertiary"
            data-size="sm"
            aria-label={tc("report.remove", { name: p.name })}
            onClick={() => onRemove(p.id)}
          >
            ✕
          </Button>
        </li>
      ))}
    </ul>
  );
}
