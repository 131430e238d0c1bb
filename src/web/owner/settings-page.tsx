// The owner settings page (issue #8): the duty-to-act deadlines, the alert minutes, the
// Statsforvalteren office and the closed days, edited by the owner's case staff. The server
// validates and audits; this page shows its field-specific messages next to each input.
import {
  Alert,
  Button,
  Card,
  Heading,
  Paragraph,
  Spinner,
  Table,
  Textfield,
} from "@digdir/designsystemet-react";
import { type FormEvent, useEffect, useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { useAnnounce } from "../app/announcer.tsx";
import { api } from "../app/api.ts";
import { currentLocale } from "../app/i18n.ts";
import { useSession } from "../app/session.tsx";
import { useApiData } from "../ui/api-data.ts";
import { errorFor, FormErrors, type FormProblem, problemsOf } from "../ui/form-errors.tsx";
import { formatIsoDate } from "../ui/format.ts";
import { Page } from "../ui/page.tsx";
import "./owner.css";

interface Settings {
  planDeadlineWorkingDays: number;
  alertEscalationMinutes: number;
  investigationDeadlineWorkingDays: number;
  guardiansInformedWorkingDays: number;
  stateAdministratorName: string;
  stateAdministratorAddress: string;
  stateAdministratorEmail: string;
  stateAdministratorUrl: string;
  surveyMinimumAnswers: number;
  closedDays: { day: string; label: string }[];
}

type Field = Exclude<keyof Settings, "closedDays">;
const NUMBER_FIELDS = [
  "planDeadlineWorkingDays",
  "investigationDeadlineWorkingDays",
  "guardiansInformedWorkingDays",
  "alertEscalationMinutes",
] as const;
const TEXT_FIELDS = [
  "stateAdministratorName",
  "stateAdministratorAddress",
  "stateAdministratorEmail",
  "stateAdministratorUrl",
] as const;
/** K of the class surveys (issue #9): its own fieldset, numbers like the deadlines. */
const SURVEY_FIELDS = ["surveyMinimumAnswers"] as const;
const FIELDS: readonly Field[] = [...NUMBER_FIELDS, ...TEXT_FIELDS, ...SURVEY_FIELDS];

const inputId = (field: string) => `owner-${field}`;
const fieldIdOf = (path: string) =>
  (FIELDS as readonly string[]).includes(path) ? inputId(path) : null;
const dayFieldIdOf = (path: string) =>
  path === "day" || path === "label" ? `closed-day-${path}` : null;

export function OwnerSettingsPage() {
  const { t } = useTranslation("owner");
  const { t: ta } = useTranslation("admin");
  const { t: ts } = useTranslation("surveysClass");
  const { user } = useSession();
  const announce = useAnnounce();
  const owner = user?.owners[0] ?? null;
  const data = useApiData<Settings>(owner ? `/api/owners/${owner.id}/case-settings` : null);
  const [draft, setDraft] = useState<Record<Field, string> | null>(null);
  const [problems, setProblems] = useState<FormProblem[]>([]);
  const [attempt, setAttempt] = useState(0);
  const [saved, setSaved] = useState<string | null>(null);
  const [day, setDay] = useState({ day: "", label: "" });
  const [dayProblems, setDayProblems] = useState<FormProblem[]>([]);
  const [dayAttempt, setDayAttempt] = useState(0);
  const [dayDone, setDayDone] = useState<string | null>(null);
  const captionId = useId();

  const loaded = data.state === "ready" ? data.data : null;
  useEffect(() => {
    if (loaded && draft === null) {
      setDraft(
        Object.fromEntries(FIELDS.map((f) => [f, String(loaded[f])])) as Record<Field, string>,
      );
    }
  }, [loaded, draft]);

  const labelOf = (field: Field) =>
    ({
      planDeadlineWorkingDays: t("settings.planDeadline"),
      investigationDeadlineWorkingDays: t("settings.investigationDeadline"),
      guardiansInformedWorkingDays: t("settings.guardiansDeadline"),
      alertEscalationMinutes: t("settings.alertMinutes"),
      stateAdministratorName: t("settings.officeName"),
      stateAdministratorAddress: t("settings.officeAddress"),
      stateAdministratorEmail: t("settings.officeEmail"),
      stateAdministratorUrl: t("settings.officeUrl"),
      surveyMinimumAnswers: ts("owner.minimum"),
    })[field];
  const helpOf = (field: Field) =>
    ({
      planDeadlineWorkingDays: t("settings.planDeadlineHelp"),
      investigationDeadlineWorkingDays: t("settings.investigationDeadlineHelp"),
      guardiansInformedWorkingDays: t("settings.guardiansDeadlineHelp"),
      alertEscalationMinutes: t("settings.alertMinutesHelp"),
      surveyMinimumAnswers: ts("owner.minimumHelp"),
    })[field as (typeof NUMBER_FIELDS)[number] | "surveyMinimumAnswers"] as string | undefined;
  const showDay = (iso: string) => formatIsoDate(iso, currentLocale());

  const save = async (e: FormEvent) => {
    e.preventDefault();
    if (!owner || !draft) return;
    setSaved(null);
    const body: Record<string, unknown> = { ...draft };
    for (const f of [...NUMBER_FIELDS, ...SURVEY_FIELDS]) {
      const text = draft[f].trim();
      // A blank or non-numeric value goes as text, so the server names the field.
      body[f] = /^-?\d+(\.\d+)?$/.test(text) ? Number(text) : text;
    }
    try {
      await api.put(`/api/owners/${owner.id}/case-settings`, body);
      setProblems([]);
      setSaved(t("settings.saved"));
      announce(t("settings.saved"));
      data.reload();
    } catch (err) {
      setProblems(problemsOf(err, fieldIdOf, ta("form.failed")));
      setAttempt((n) => n + 1);
    }
  };

  const addDay = async (e: FormEvent) => {
    e.preventDefault();
    if (!owner) return;
    setDayDone(null);
    try {
      const added = await api.post<{ day: string }>(`/api/owners/${owner.id}/closed-days`, day);
      setDayProblems([]);
      setDay({ day: "", label: "" });
      const text = t("settings.closedDayAdded", { day: showDay(added.day) });
      setDayDone(text);
      announce(text);
      data.reload();
    } catch (err) {
      setDayProblems(problemsOf(err, dayFieldIdOf, ta("form.failed")));
      setDayAttempt((n) => n + 1);
    }
  };

  const removeDay = async (iso: string) => {
    if (!owner) return;
    setDayDone(null);
    try {
      await api.delete(`/api/owners/${owner.id}/closed-days/${iso}`);
      const text = t("settings.closedDayRemoved", { day: showDay(iso) });
      setDayDone(text);
      announce(text);
      data.reload();
    } catch (err) {
      setDayProblems(problemsOf(err, dayFieldIdOf, ta("form.failed")));
      setDayAttempt((n) => n + 1);
    }
  };

  if (!owner) {
    return (
      <Page title={t("settings.title")}>
        <Paragraph>{t("settings.noOwner")}</Paragraph>
      </Page>
    );
  }

  const field = (f: Field, numeric: boolean) => (
    <Textfield
      key={f}
      id={inputId(f)}
      label={labelOf(f)}
      description={helpOf(f)}
      inputMode={numeric ? "numeric" : undefined}
      type={
        f === "stateAdministratorEmail" ? "email" : f === "stateAdministratorUrl" ? "url" : "text"
      }
      value={draft?.[f] ?? ""}
      onChange={(e) => setDraft((d) => (d ? { ...d, [f]: e.target.value } : d))}
      error={errorFor(problems, inputId(f))}
      autoComplete="off"
    />
  );

  return (
    <Page
      title={t("settings.title")}
      lead={<Paragraph>{t("settings.lead", { owner: owner.name })}</Paragraph>}
    >
      {data.state === "error" ? <Alert data-color="danger">{data.message}</Alert> : null}
      {data.state === "loading" || !draft ? (
        data.state === "error" ? null : (
          <Spinner aria-label={ta("form.loading")} />
        )
      ) : (
        <>
          <Card data-color="neutral" className="owner-card">
            <form className="owner-form" onSubmit={save} noValidate>
              <FormErrors
                problems={problems}
                attempt={attempt}
                labelOf={(id) => {
                  const f = FIELDS.find((x) => inputId(x) === id);
                  return f ? labelOf(f) : null;
                }}
              />
              {saved ? <Alert data-color="success">{saved}</Alert> : null}
              <fieldset className="owner-fieldset">
                <legend>
                  <Heading level={2} data-size="xs">
                    {t("settings.deadlines")}
                  </Heading>
                </legend>
                {NUMBER_FIELDS.map((f) => field(f, true))}
              </fieldset>
              <fieldset className="owner-fieldset">
                <legend>
                  <Heading level={2} data-size="xs">
                    {t("settings.office")}
                  </Heading>
                </legend>
                <Paragraph data-size="sm">{t("settings.officeHelp")}</Paragraph>
                {TEXT_FIELDS.map((f) => field(f, false))}
              </fieldset>
              <fieldset className="owner-fieldset">
                <legend>
                  <Heading level={2} data-size="xs">
                    {ts("owner.heading")}
                  </Heading>
                </legend>
                {SURVEY_FIELDS.map((f) => field(f, true))}
              </fieldset>
              <div className="form-actions">
                <Button type="submit">{t("settings.save")}</Button>
              </div>
            </form>
          </Card>

          <section className="owner-section" aria-labelledby="closed-days-heading">
            <Heading level={2} data-size="sm" id="closed-days-heading">
              {t("settings.closedDays")}
            </Heading>
            <Paragraph>{t("settings.closedDaysLead")}</Paragraph>
            <FormErrors
              problems={dayProblems}
              attempt={dayAttempt}
              labelOf={(id) =>
                id === "closed-day-day"
                  ? t("settings.day")
                  : id === "closed-day-label"
                    ? t("settings.label")
                    : null
              }
            />
            {dayDone ? <Alert data-color="success">{dayDone}</Alert> : null}
            {loaded && loaded.closedDays.length > 0 ? (
              // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be focusable
              <section className="table-scroll" aria-labelledby={captionId} tabIndex={0}>
                <Table zebra border data-size="sm">
                  <caption id={captionId}>
                    {t("settings.closedDaysCaption", { owner: owner.name })}
                  </caption>
                  <Table.Head>
                    <Table.Row>
                      <Table.HeaderCell>{t("settings.day")}</Table.HeaderCell>
                      <Table.HeaderCell>{t("settings.label")}</Table.HeaderCell>
                      <Table.HeaderCell>{t("settings.actions")}</Table.HeaderCell>
                    </Table.Row>
                  </Table.Head>
                  <Table.Body>
                    {loaded.closedDays.map((d) => (
                      <Table.Row key={d.day}>
                        <Table.Cell>{showDay(d.day)}</Table.Cell>
                        <Table.Cell>{d.label}</Table.Cell>
                        <Table.Cell>
                          <Button
                            variant="tertiary"
                            data-size="sm"
                            onClick={() => removeDay(d.day)}
                          >
                            {t("settings.removeClosedDay", { day: showDay(d.day) })}
                          </Button>
                        </Table.Cell>
                      </Table.Row>
                    ))}
                  </Table.Body>
                </Table>
              </section>
            ) : (
              <Paragraph>{t("settings.noClosedDays")}</Paragraph>
            )}
            <form className="owner-form owner-form--inline" onSubmit={addDay} noValidate>
              <Textfield
                id="closed-day-day"
                type="date"
                label={t("settings.day")}
                value={day.day}
                onChange={(e) => setDay((d) => ({ ...d, day: e.target.value }))}
                error={errorFor(dayProblems, "closed-day-day")}
              />
              <Textfield
                id="closed-day-label"
                label={t("settings.label")}
                value={day.label}
                onChange={(e) => setDay((d) => ({ ...d, label: e.target.value }))}
                error={errorFor(dayProblems, "closed-day-label")}
                autoComplete="off"
              />
              <div className="form-actions">
                <Button type="submit" variant="secondary">
                  {t("settings.addClosedDay")}
                </Button>
              </div>
            </form>
          </section>
        </>
      )}
    </Page>
  );
}
