// Pieces the case pages share: the case view types (as the API sends them), translation
// helpers for the `cases` namespace, an error summary that links each problem to its field,
// and a person search over the school's people list.
import { Button, ErrorSummary, Paragraph, Textfield } from "@digdir/designsystemet-react";
import { useEffect, useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { api, isApiError } from "../app/api.ts";
import { currentLocale, i18n } from "../app/i18n.ts";

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
    /** When the school was told; absent on reports stored before it existed. */
    toldAt?: string;
    channel?: string;
    acknowledgedAt: string | null;
  }[];
  reportedAt: string;
  planDueOn: string;
  /** Absent on cases stored before issue #8 (as are the other optional lists below). */
  investigateBy?: string;
  acknowledgedAt: string | null;
  seriousness?: { serious: boolean; reason: string | null; at: string; by: string } | null;
  immediateMeasuresDueOn?: string | null;
  immediateMeasures?: { id: string; text: string; at: string; by: string }[];
  familyInformedBy?: string | null;
  familyInformation?: FamilyInformation[];
  involvedPupils?: { pupilId: string; role: string; addedAt: string }[];
  pupilsNotHeard?: { id: string; pupilId: string; reason: string; recordedAt: string }[];
  coveringStatements?: { id: string; text: string; recordedAt: string; recordedBy: string }[];
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
    /** conversation | evaluation | reporter | checkIn (absent on old cases: conversation). */
    source?: string;
    /** A check-in's own answer: yes | partly | no. */
    checkInAnswer?: string;
    recordedAt: string;
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
    earlyReason?: string | null;
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
  closure: Closure | null;
}

export type Closure =
  | { type: "pupilFeelsSafe"; pupilViewIds: string[] }
  | { type: "pupilLeftSchool"; pupilIds: string[]; note: string }
  | { type: "joined"; intoCaseId: string }
  | { type: "noCaseToAnswer"; findings: string }
  | { type: "other"; reason: string; confirmedBy: string }
  | { type: "reason"; reason: string };

export type FamilyInformation =
  | {
      type: "guardiansInformed";
      id: string;
      pupilId: string;
      informedOn: string;
      channel: string;
      informedBy: string;
    }
  | {
      type: "adultPupilChoice";
      id: string;
      pupilId: string;
      familyMayBeTold: boolean;
      decidedOn: string;
    };

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

/** The codes of the API's "this field is empty" problems, said once for every field. */
const REQUIRED_CODES = new Set(["field.required", "input.textMissing"]);

/**
 * The visible label of a form control (its <label>, or the legend of its fieldset), so a
 * message can name the field: "Fyll ut «Begrunnelse»." instead of "Fyll ut feltet.".
 */
export function fieldLabel(fieldId: string | null): string | null {
  if (!fieldId || typeof document === "undefined") return null;
  const el = document.getElementById(fieldId);
  if (!el) return null;
  const own =
    el instanceof HTMLInputElement ||
    el instanceof HTMLTextAreaElement ||
    el instanceof HTMLSelectElement
      ? el.labels?.[0]
      : null;
  const legend = el instanceof HTMLFieldSetElement ? el.querySelector("legend") : null;
  const text = (own ?? legend)?.textContent?.trim();
  return text ? text : null;
}

/** An API error as a list of problems; `fieldIdOf` maps the API's field path to an input id. */
export function problemsFrom(err: unknown, fieldIdOf: (path: string) => string | null): Problem[] {
  if (!isApiError(err)) return [{ fieldId: null, message: String(err) }];
  if (err.fields && err.fields.length > 0) {
    return err.fields.map((f) => {
      const fieldId = fieldIdOf(f.path);
      const label = REQUIRED_CODES.has(f.code) ? fieldLabel(fieldId) : null;
      return {
        fieldId,
        message: label ? requiredMessage(label) : (f.message ?? err.message),
      };
    });
  }
  return [{ fieldId: null, message: err.message }];
}

/** "Fyll ut «Begrunnelse»." in the UI language. */
export function requiredMessage(label: string): string {
  return i18n.t("cases:requiredField", { label }) as string;
}

/**
 * Client-side check of required fields before posting: one problem per empty field, naming
 * the field by its label. `[fieldId, label, value, "choose" for a choice]`.
 */
export function missingFields(
  fields: readonly (readonly [string, string, string | null | undefined, "choose"?])[],
): Problem[] {
  return fields
    .filter(([, , value]) => !value?.trim())
    .map(([fieldId, label, , kind]) => ({
      fieldId,
      message:
        kind === "choose"
          ? (i18n.t("cases:chooseField", { label }) as string)
          : requiredMessage(label),
    }));
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
  roles: { role: string }[];
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
  /** `staff`: everyone at the school who is not a pupil or guardian. */
  onlyRole: "pupil" | "staff" | null;
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
      // Staff are filtered here (the people API takes one role), so ask for more.
      const params = new URLSearchParams({ q: text, limit: onlyRole === "staff" ? "40" : "8" });
      if (onlyRole === "pupil") params.set("role", onlyRole);
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
  const shown = (hits ?? [])
    .filter(
      (h) =>
        !exclude.includes(h.id) &&
        (onlyRole !== "staff" || h.roles.some((r) => r.role !== "pupil" && r.role !== "guardian")),
    )
    .slice(0, 8);
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
