// Editing one activity of a draft (or adding one): description, details, responsibles,
// methods, the deadline as printed, the timing rule and links. The server checks the whole
// plan against the school year and refuses a rule the year cannot satisfy; its problems are
// shown in an error summary linked to the fields, and nothing is saved until all are fixed.
import {
  Alert,
  Button,
  Checkbox,
  Link as DsLink,
  Field,
  Fieldset,
  Label,
  Paragraph,
  Select,
  Spinner,
  Textfield,
  ValidationMessage,
} from "@digdir/designsystemet-react";
import { type FormEvent, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useParams, useSearchParams } from "react-router";
import { SCHOOL_ROLES } from "../../core/access/roles.ts";
import {
  EVERYONE_KINDS,
  PLAN_PART_IDS,
  type PlanActivity,
  type PlanLink,
  type PlanPartId,
  type Responsible,
  ROLE_GROUP_IDS,
  TIMING_RULE_KINDS,
  type TimingRule,
  type TimingRuleKind,
} from "../../core/plans/types.ts";
import { useAnnounce } from "../app/announcer.tsx";
import { api } from "../app/api.ts";
import { currentLocale } from "../app/i18n.ts";
import { useSession } from "../app/session.tsx";
import { errorFor, FormErrors, type FormProblem, problemsOf } from "../ui/form-errors.tsx";
import { Page } from "../ui/page.tsx";
import { FollowsUpNote, followUpFrom } from "./follow-up.tsx";
import { useApiData, useResponsibleText } from "./shared.tsx";
import type { PlanView } from "./types.ts";

/** Form fields of each timing rule kind, as text (numbers are typed, then converted). */
const TIMING_FIELDS: Record<TimingRuleKind, readonly string[]> = {
  beforeSchoolStarts: ["daysBefore"],
  firstSchoolWeek: ["weeks"],
  month: ["month", "which"],
  byDate: ["monthDay"],
  weekly: ["weekday", "periodFrom", "periodTo"],
  everyNWeeks: ["n", "min", "max", "weekday", "firstWeek", "periodFrom", "periodTo"],
  timesPerYear: ["k", "min", "max", "periodFrom", "periodTo"],
  continuous: ["checkInEveryWeeks", "periodFrom", "periodTo"],
  relative: ["activityId", "offsetDays"],
  caseRoutine: [],
};
const NUMBER_FIELDS = new Set([
  "daysBefore",
  "weeks",
  "month",
  "weekday",
  "n",
  "min",
  "max",
  "firstWeek",
  "k",
  "checkInEveryWeeks",
  "offsetDays",
]);
/** Fields a rule may leave out. */
const OPTIONAL = new Set([
  "daysBefore",
  "weeks",
  "which",
  "firstWeek",
  "min",
  "max",
  "periodFrom",
  "periodTo",
]);

type TimingFields = Record<string, string>;

function fieldsOf(rule: TimingRule): TimingFields {
  const out: TimingFields = {};
  for (const [key, value] of Object.entries(rule)) {
    if (key === "kind" || key === "period" || key === "caseKinds") continue;
    out[key] = String(value);
  }
  if ("period" in rule && rule.period) {
    if (rule.period.from) out.periodFrom = rule.period.from;
    if (rule.period.to) out.periodTo = rule.period.to;
  }
  return out;
}

/** The rule the form describes; empty optional fields are left out, numbers are numbers. */
function ruleOf(kind: TimingRuleKind, fields: TimingFields, original: TimingRule): TimingRule {
  if (kind === "caseRoutine") return original;
  const rule: Record<string, unknown> = { kind };
  const period: Record<string, string> = {};
  for (const name of TIMING_FIELDS[kind]) {
    const raw = (fields[name] ?? "").trim();
    if (raw === "" && OPTIONAL.has(name)) continue;
    if (name === "periodFrom") period.from = raw;
    else if (name === "periodTo") period.to = raw;
    else rule[name] = NUMBER_FIELDS.has(name) ? (raw === "" ? Number.NaN : Number(raw)) : raw;
  }
  if (Object.keys(period).length > 0) rule.period = period;
  return rule as unknown as TimingRule;
}

const lines = (text: string) =>
  text
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => l !== "");

function linksOf(text: string): PlanLink[] {
  return lines(text).map((line) => {
    const [label = "", url = ""] = line.split("|").map((s) => s.trim());
    return { label, url: url === "" ? null : url };
  });
}

/** The server's path of a problem (parts[1].activities[4].timing.n) as an input id. */
function fieldIdOf(path: string): string | null {
  const rest = path.replace(/^parts\[\d+\]\.activities\[\d+\]\.?/, "");
  if (rest === path && path.startsWith("parts")) return null;
  if (rest === "" || rest === "timing" || rest === "timing.kind") return "act-timing-kind";
  if (rest.startsWith("timing.period.from")) return "act-timing-periodFrom";
  if (rest.startsWith("timing.period.to") || rest === "timing.period") return "act-timing-periodTo";
  const timing = /^timing\.(\w+)/.exec(rest);
  if (timing) return `act-timing-${timing[1]}`;
  const top = /^(id|description|details|responsible|methods|deadlineText|links)/.exec(rest);
  return top ? `act-${top[1]}` : null;
}

interface Draft {
  id: string;
  description: string;
  details: string;
  methods: string;
  deadlineText: string;
  responsible: { entry: Responsible; keep: boolean }[];
  kind: TimingRuleKind;
  timing: TimingFields;
  links: string;
}

function draftOf(a: PlanActivity): Draft {
  return {
    id: a.id,
    description: a.description,
    details: a.details.join("\n"),
    methods: a.methods.join("\n"),
    deadlineText: a.deadlineText,
    responsible: a.responsible.map((entry) => ({ entry, keep: true })),
    kind: a.timing.kind,
    timing: fieldsOf(a.timing),
    links: a.links.map((l) => (l.url ? `${l.label} | ${l.url}` : l.label)).join("\n"),
  };
}

const EMPTY_ACTIVITY: PlanActivity = {
  id: "",
  description: "",
  details: [],
  responsible: [],
  methods: [],
  timing: { kind: "month", month: 9 },
  deadlineText: "",
  links: [],
};

/** Choices for "add a responsible": roles, role groups and the shared "everyone" kinds. */
function responsibleChoices(): { value: string; entry: Responsible }[] {
  return [
    ...SCHOOL_ROLES.filter((r) => r !== "guardian").map((role) => ({
      value: `role:${role}`,
      entry: { kind: "role", role } as Responsible,
    })),
    ...ROLE_GROUP_IDS.map((group) => ({
      value: `group:${group}`,
      entry: { kind: "roleGroup", group } as Responsible,
    })),
    ...EVERYONE_KINDS.map((who) => ({
      value: `everyone:${who}`,
      entry: { kind: "everyone", who } as Responsible,
    })),
  ];
}

export function ActivityEditPage() {
  const { t } = useTranslation("plans");
  const { planId, activityId, partId } = useParams();
  const isNew = activityId === undefined;
  // A new activity made from a survey result starts with the result's words and keeps the link.
  const [search] = useSearchParams();
  const followUp = isNew ? followUpFrom(search) : null;
  const { activeSchool } = useSession();
  const navigate = useNavigate();
  const announce = useAnnounce();
  const responsibleText = useResponsibleText();
  const load = useApiData<PlanView>(
    activeSchool && planId ? `/api/schools/${activeSchool.id}/plans/${planId}` : null,
  );
  const [draft, setDraft] = useState<Draft | null>(null);
  const [original, setOriginal] = useState<PlanActivity | null>(null);
  const [adding, setAdding] = useState("");
  const [problems, setProblems] = useState<FormProblem[]>([]);
  const [attempt, setAttempt] = useState(0);
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState(false);

  const plan = load.state === "ready" ? load.data : null;
  const found = plan?.content.parts.flatMap((p) => p.activities).find((a) => a.id === activityId);
  useEffect(() => {
    if (draft !== null || plan === null) return;
    const start = isNew
      ? followUp
        ? {
            ...EMPTY_ACTIVITY,
            // A short name the school may change; unique enough within one plan.
            id: `oppfolging-${Date.now().toString(36)}`,
            description: t("followUp.prefill", { label: followUp.label }),
            followsUp: followUp,
          }
        : EMPTY_ACTIVITY
      : found;
    if (!start) return;
    setOriginal(start);
    setDraft(draftOf(start));
  }, [draft, plan, found, isNew, followUp, t]);

  if (!activeSchool || !planId) {
    return (
      <Page title={t("activity.title")}>
        <Paragraph>{t("common.noSchool")}</Paragraph>
      </Page>
    );
  }
  const title = isNew ? t("activity.newTitle") : t("activity.title");
  if (load.state === "error") {
    return (
      <Page title={title}>
        <Alert data-color="danger">{load.message}</Alert>
      </Page>
    );
  }
  if (plan && !isNew && !found) {
    return (
      <Page title={title}>
        <Alert data-color="danger">{t("activity.notFound")}</Alert>
      </Page>
    );
  }
  if (!plan || !draft || !original) {
    return (
      <Page title={title}>
        <Spinner aria-label={t("common.loading")} />
      </Page>
    );
  }
  const part: PlanPartId | undefined = isNew
    ? PLAN_PART_IDS.find((p) => p === partId)
    : plan.content.parts.find((p) => p.activities.some((a) => a.id === activityId))?.id;
  const others = plan.content.parts.flatMap((p) => p.activities).filter((a) => a.id !== activityId);
  const set = (patch: Partial<Draft>) => {
    setSaved(false);
    setDraft((d) => (d ? { ...d, ...patch } : d));
  };
  const setTiming = (name: string, value: string) =>
    set({ timing: { ...draft.timing, [name]: value } });
  const err = (id: string) => errorFor(problems, id);
  const locale = currentLocale();
  const weekdayName = (n: number) =>
    new Intl.DateTimeFormat(locale, { weekday: "long", timeZone: "UTC" }).format(
      new Date(Date.UTC(2024, 0, n)),
    );
  const monthName = (n: number) =>
    new Intl.DateTimeFormat(locale, { month: "long", timeZone: "UTC" }).format(
      new Date(Date.UTC(2024, n - 1, 1)),
    );

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setSaved(false);
    const timing = ruleOf(draft.kind, draft.timing, original.timing);
    // A proposed date stays marked until the school sets its own (ADR 0118); a daily duty
    // keeps its places, which this form does not edit.
    const dateSet = JSON.stringify(timing) !== JSON.stringify(original.timing);
    const activity = {
      id: draft.id.trim(),
      ...(original.tableRow !== undefined ? { tableRow: original.tableRow } : {}),
      ...(original.section !== undefined ? { section: original.section } : {}),
      description: draft.description,
      details: lines(draft.details),
      responsible: draft.responsible.filter((r) => r.keep).map((r) => r.entry),
      methods: lines(draft.methods),
      timing,
      deadlineText: draft.deadlineText,
      links: linksOf(draft.links),
      ...(original.dateToAdjust === true && !dateSet ? { dateToAdjust: true } : {}),
      ...(original.dailyDuty !== undefined ? { dailyDuty: original.dailyDuty } : {}),
      ...(original.followsUp !== undefined ? { followsUp: original.followsUp } : {}),
    };
    const base = `/api/schools/${activeSchool.id}/plans/${planId}`;
    try {
      if (isNew) {
        await api.post(`${base}/activities`, { partId: part, activity });
        announce(t("activity.saved"));
        navigate(`/plans/${planId}`);
        return;
      }
      await api.put(`${base}/activities/${encodeURIComponent(draft.id)}`, { activity });
      setProblems([]);
      setSaved(true);
      announce(t("activity.saved"));
    } catch (error) {
      setProblems(problemsOf(error, fieldIdOf, t("common.failed")));
      setAttempt((n) => n + 1);
    } finally {
      setBusy(false);
    }
  };

  const remove = async () => {
    setBusy(true);
    try {
      await api.delete(
        `/api/schools/${activeSchool.id}/plans/${planId}/activities/${encodeURIComponent(draft.id)}`,
      );
      announce(t("activity.removed"));
      navigate(`/plans/${planId}`);
    } catch (error) {
      setProblems(problemsOf(error, fieldIdOf, t("common.failed")));
      setAttempt((n) => n + 1);
      setBusy(false);
    }
  };

  const labelOf = (fieldId: string): string | null => {
    const m = /^act-(?:timing-)?(\w+)$/.exec(fieldId);
    if (!m) return null;
    const name = m[1] as string;
    if (fieldId.startsWith("act-timing-")) {
      return name === "kind"
        ? t("activity.fields.timing")
        : t(`activity.timingFields.${name}` as never);
    }
    return t(`activity.fields.${name}` as never);
  };

  const timingInput = (name: string) => {
    const id = `act-timing-${name}`;
    const label = t(`activity.timingFields.${name}` as never);
    const value = draft.timing[name] ?? "";
    if (name === "weekday") {
      return (
        <Field key={name}>
          <Label htmlFor={id}>{label}</Label>
          <Select
            id={id}
            value={value}
            onChange={(e) => setTiming(name, e.target.value)}
            aria-invalid={err(id) ? true : undefined}
          >
            <Select.Option value="">{t("activity.choose")}</Select.Option>
            {[1, 2, 3, 4, 5, 6, 7].map((n) => (
              <Select.Option key={n} value={String(n)}>
                {weekdayName(n)}
              </Select.Option>
            ))}
          </Select>
          {err(id) ? <ValidationMessage>{err(id)}</ValidationMessage> : null}
        </Field>
      );
    }
    if (name === "month") {
      return (
        <Field key={name}>
          <Label htmlFor={id}>{label}</Label>
          <Select
            id={id}
            value={value}
            onChange={(e) => setTiming(name, e.target.value)}
            aria-invalid={err(id) ? true : undefined}
          >
            <Select.Option value="">{t("activity.choose")}</Select.Option>
            {[8, 9, 10, 11, 12, 1, 2, 3, 4, 5, 6, 7].map((n) => (
              <Select.Option key={n} value={String(n)}>
                {monthName(n)}
              </Select.Option>
            ))}
          </Select>
          {err(id) ? <ValidationMessage>{err(id)}</ValidationMessage> : null}
        </Field>
      );
    }
    if (name === "which") {
      return (
        <Field key={name}>
          <Label htmlFor={id}>{label}</Label>
          <Select id={id} value={value} onChange={(e) => setTiming(name, e.target.value)}>
            <Select.Option value="">{t("activity.which.end")}</Select.Option>
            <Select.Option value="start">{t("activity.which.start")}</Select.Option>
          </Select>
        </Field>
      );
    }
    if (name === "activityId") {
      return (
        <Field key={name}>
          <Label htmlFor={id}>{label}</Label>
          <Select
            id={id}
            value={value}
            onChange={(e) => setTiming(name, e.target.value)}
            aria-invalid={err(id) ? true : undefined}
          >
            <Select.Option value="">{t("activity.choose")}</Select.Option>
            {others.map((a) => (
              <Select.Option key={a.id} value={a.id}>
                {`${a.description.slice(0, 70)} (${a.deadlineText.slice(0, 30)})`}
              </Select.Option>
            ))}
          </Select>
          {err(id) ? <ValidationMessage>{err(id)}</ValidationMessage> : null}
        </Field>
      );
    }
    return (
      <Textfield
        key={name}
        id={id}
        label={label}
        description={
          name === "periodFrom" || name === "periodTo" || name === "monthDay"
            ? t("activity.monthDayHelp")
            : undefined
        }
        inputMode={NUMBER_FIELDS.has(name) ? "numeric" : undefined}
        value={value}
        onChange={(e) => setTiming(name, e.target.value)}
        error={err(id)}
        autoComplete="off"
        data-size="sm"
      />
    );
  };

  return (
    <Page
      title={title}
      lead={
        <Paragraph>
          {t("activity.lead", { version: plan.version, year: plan.schoolYear.name })}
        </Paragraph>
      }
      narrow
    >
      <Paragraph>
        <DsLink asChild>
          <Link to={`/plans/${planId}`}>{t("activity.back")}</Link>
        </DsLink>
      </Paragraph>
      {original.followsUp ? <FollowsUpNote followsUp={original.followsUp} /> : null}
      {plan.status !== "draft" ? (
        <Alert data-color="warning">{t("activity.notDraft")}</Alert>
      ) : (
        <form className="plan-form" onSubmit={submit} noValidate>
          <FormErrors problems={problems} attempt={attempt} labelOf={labelOf} />
          {saved && problems.length === 0 ? (
            <Alert data-color="success">{t("activity.saved")}</Alert>
          ) : null}
          {isNew ? (
            <Textfield
              id="act-id"
              label={t("activity.fields.id")}
              description={t("activity.idHelp")}
              value={draft.id}
              onChange={(e) => set({ id: e.target.value })}
              error={err("act-id")}
              autoComplete="off"
            />
          ) : null}
          <Textfield
            id="act-description"
            label={t("activity.fields.description")}
            multiline
            rows={3}
            value={draft.description}
            onChange={(e) => set({ description: e.target.value })}
            error={err("act-description")}
          />
          <Textfield
            id="act-details"
            label={t("activity.fields.details")}
            description={t("activity.linesHelp")}
            multiline
            rows={3}
            value={draft.details}
            onChange={(e) => set({ details: e.target.value })}
            error={err("act-details")}
          />

          <Fieldset id="act-responsible" tabIndex={-1}>
            <Fieldset.Legend>{t("activity.fields.responsible")}</Fieldset.Legend>
            <Fieldset.Description>{t("activity.responsibleHelp")}</Fieldset.Description>
            {draft.responsible.map((r, i) => (
              <Checkbox
                // biome-ignore lint/suspicious/noArrayIndexKey: entries have no id; order is fixed
                key={i}
                label={responsibleText(r.entry)}
                checked={r.keep}
                onChange={(e) =>
                  set({
                    responsible: draft.responsible.map((x, j) =>
                      j === i ? { ...x, keep: e.currentTarget.checked } : x,
                    ),
                  })
                }
              />
            ))}
            {err("act-responsible") ? (
              <ValidationMessage>{err("act-responsible")}</ValidationMessage>
            ) : null}
            <div className="plan-inline">
              <Field>
                <Label htmlFor="act-add-responsible">{t("activity.addResponsible")}</Label>
                <Select
                  id="act-add-responsible"
                  value={adding}
                  onChange={(e) => setAdding(e.target.value)}
                  data-size="sm"
                >
                  <Select.Option value="">{t("activity.choose")}</Select.Option>
                  {responsibleChoices().map((c) => (
                    <Select.Option key={c.value} value={c.value}>
                      {responsibleText(c.entry)}
                    </Select.Option>
                  ))}
                </Select>
              </Field>
              <Button
                variant="secondary"
                data-size="sm"
                onClick={() => {
                  const choice = responsibleChoices().find((c) => c.value === adding);
                  if (!choice) return;
                  set({ responsible: [...draft.responsible, { entry: choice.entry, keep: true }] });
                  setAdding("");
                }}
              >
                {t("activity.add")}
              </Button>
            </div>
          </Fieldset>

          <Textfield
            id="act-methods"
            label={t("activity.fields.methods")}
            description={t("activity.linesHelp")}
            multiline
            rows={3}
            value={draft.methods}
            onChange={(e) => set({ methods: e.target.value })}
            error={err("act-methods")}
          />
          <Textfield
            id="act-deadlineText"
            label={t("activity.fields.deadlineText")}
            description={t("activity.deadlineTextHelp")}
            value={draft.deadlineText}
            onChange={(e) => set({ deadlineText: e.target.value })}
            error={err("act-deadlineText")}
            autoComplete="off"
          />

          <Fieldset>
            <Fieldset.Legend>{t("activity.fields.timing")}</Fieldset.Legend>
            <Field>
              <Label htmlFor="act-timing-kind">{t("activity.timingKind")}</Label>
              <Select
                id="act-timing-kind"
                value={draft.kind}
                onChange={(e) => set({ kind: e.target.value as TimingRuleKind })}
                aria-invalid={err("act-timing-kind") ? true : undefined}
                disabled={draft.kind === "caseRoutine"}
              >
                {TIMING_RULE_KINDS.filter(
                  (k) => k !== "caseRoutine" || draft.kind === "caseRoutine",
                ).map((k) => (
                  <Select.Option key={k} value={k}>
                    {t(`activity.kinds.${k}`)}
                  </Select.Option>
                ))}
              </Select>
              {err("act-timing-kind") ? (
                <ValidationMessage>{err("act-timing-kind")}</ValidationMessage>
              ) : null}
            </Field>
            {draft.kind === "caseRoutine" ? (
              <Paragraph data-size="sm">{t("activity.caseRoutineHelp")}</Paragraph>
            ) : (
              <div className="plan-timing-fields">{TIMING_FIELDS[draft.kind].map(timingInput)}</div>
            )}
          </Fieldset>

          <Textfield
            id="act-links"
            label={t("activity.fields.links")}
            description={t("activity.linksHelp")}
            multiline
            rows={3}
            value={draft.links}
            onChange={(e) => set({ links: e.target.value })}
            error={err("act-links")}
          />
          <div className="form-actions">
            <Button type="submit" aria-disabled={busy}>
              {busy ? t("common.saving") : t("activity.save")}
            </Button>
            {!isNew ? (
              <Button variant="tertiary" data-color="danger" onClick={remove} aria-disabled={busy}>
                {t("activity.remove")}
              </Button>
            ) : null}
          </div>
        </form>
      )}
    </Page>
  );
}
