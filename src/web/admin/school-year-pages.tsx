// The school-year calendar (skolerute): the list of years, and an editor for one year with
// its holidays and planning days. The server validates (the calendar core); this page shows
// its verdict as an error summary linked to the fields.
import {
  Alert,
  Button,
  Card,
  Link as DsLink,
  Field,
  Fieldset,
  Heading,
  Label,
  Paragraph,
  Select,
  Spinner,
  Table,
  Textfield,
} from "@digdir/designsystemet-react";
import { type FormEvent, useEffect, useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useParams } from "react-router";
import { useAnnounce } from "../app/announcer.tsx";
import { api } from "../app/api.ts";
import { currentLocale } from "../app/i18n.ts";
import { useSession } from "../app/session.tsx";
import { useApiData } from "../ui/api-data.ts";
import { errorFor, FormErrors, type FormProblem, problemsOf } from "../ui/form-errors.tsx";
import { formatIsoDate } from "../ui/format.ts";
import { Page } from "../ui/page.tsx";
import { useCan } from "../ui/use-can.ts";
import type { BreakKind, ProposedSchoolYear, SchoolYear, SchoolYearBreak } from "./types.ts";

export function SchoolYearsPage() {
  const { t } = useTranslation("admin");
  const { activeSchool } = useSession();
  const can = useCan();
  const load = useApiData<SchoolYear[]>(
    activeSchool ? `/api/schools/${activeSchool.id}/years` : null,
  );
  const captionId = useId();
  const locale = currentLocale();

  if (!activeSchool) {
    return (
      <Page title={t("schoolYear.title")}>
        <Paragraph>{t("form.noSchool")}</Paragraph>
      </Page>
    );
  }
  const manage = can("schoolYear.manage");
  return (
    <Page
      title={t("schoolYear.title")}
      lead={<Paragraph>{t("schoolYear.lead", { school: activeSchool.name })}</Paragraph>}
      actions={
        manage ? (
          <Button asChild>
            <Link to="/admin/school-year/new">{t("schoolYear.new")}</Link>
          </Button>
        ) : null
      }
    >
      {load.state === "error" ? (
        <Alert data-color="danger">{load.message}</Alert>
      ) : load.state === "loading" ? (
        <Spinner aria-label={t("form.loading")} />
      ) : load.data.length === 0 ? (
        <Paragraph>{t("schoolYear.empty")}</Paragraph>
      ) : (
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be focusable
        <section className="table-scroll" aria-labelledby={captionId} tabIndex={0}>
          <Table zebra border data-size="sm">
            <caption id={captionId}>
              {t("schoolYear.caption", { school: activeSchool.name })}
            </caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t("schoolYear.columns.label")}</Table.HeaderCell>
                <Table.HeaderCell>{t("schoolYear.columns.startsOn")}</Table.HeaderCell>
                <Table.HeaderCell>{t("schoolYear.columns.endsOn")}</Table.HeaderCell>
                <Table.HeaderCell>{t("schoolYear.columns.breaks")}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {load.data.map((y) => (
                <Table.Row key={y.id}>
                  <Table.Cell>
                    <DsLink asChild>
                      <Link to={`/admin/school-year/${y.id}`}>{y.label}</Link>
                    </DsLink>
                  </Table.Cell>
                  <Table.Cell>{formatIsoDate(y.startsOn, locale)}</Table.Cell>
                  <Table.Cell>{formatIsoDate(y.endsOn, locale)}</Table.Cell>
                  <Table.Cell>{y.breaks.length}</Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </section>
      )}
    </Page>
  );
}

interface DraftBreak extends SchoolYearBreak {
  key: number;
}

interface Draft {
  label: string;
  startsOn: string;
  endsOn: string;
  breaks: DraftBreak[];
}

let nextKey = 1;
const keyed = (b: SchoolYearBreak): DraftBreak => ({ ...b, key: nextKey++ });
const EMPTY: Draft = { label: "", startsOn: "", endsOn: "", breaks: [] };

function toDraft(y: SchoolYear | ProposedSchoolYear): Draft {
  return {
    label: y.label,
    startsOn: y.startsOn,
    endsOn: y.endsOn,
    breaks: y.breaks.map((b) =>
      keyed({ kind: b.kind, label: b.label, startsOn: b.startsOn, endsOn: b.endsOn }),
    ),
  };
}

/** The API's field path as an input id: "breaks.2.endsOn" -> "break-2-endsOn". */
function fieldIdOf(path: string): string | null {
  if (path === "label" || path === "startsOn" || path === "endsOn") return `year-${path}`;
  if (path === "breaks") return "year-breaks";
  const m = /^breaks\.(\d+)\.(kind|label|startsOn|endsOn)$/.exec(path);
  if (m) return `break-${m[1]}-${m[2]}`;
  if (/^breaks\.(\d+)/.test(path)) return `break-${/^breaks\.(\d+)/.exec(path)?.[1]}-startsOn`;
  return null;
}

/** An August start gives the school year beginning this autumn, otherwise the next one. */
function defaultStartYear(): number {
  const now = new Date();
  return now.getMonth() >= 6 ? now.getFullYear() + 1 : now.getFullYear();
}

export function SchoolYearEditPage() {
  const { t } = useTranslation("admin");
  const { yearId } = useParams();
  const isNew = !yearId || yearId === "new";
  const { activeSchool } = useSession();
  const can = useCan();
  const navigate = useNavigate();
  const announce = useAnnounce();
  const load = useApiData<SchoolYear[]>(
    activeSchool ? `/api/schools/${activeSchool.id}/years` : null,
  );
  const [draft, setDraft] = useState<Draft>(EMPTY);
  const [loadedFor, setLoadedFor] = useState<string | null>(null);
  const [problems, setProblems] = useState<FormProblem[]>([]);
  const [attempt, setAttempt] = useState(0);
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState(false);
  const [startYear, setStartYear] = useState(String(defaultStartYear()));
  const [proposalProblem, setProposalProblem] = useState<string | undefined>();
  const breaksHeadingId = "year-breaks";

  // The year just created is shown at once, before the list has been fetched again.
  const [savedYear, setSavedYear] = useState<SchoolYear | null>(null);
  const existing =
    isNew || load.state !== "ready"
      ? undefined
      : (load.data.find((y) => y.id === yearId) ??
        (savedYear?.id === yearId ? savedYear : undefined));
  // Fill the form once per year shown (not on every reload, which would drop edits).
  const wanted = isNew ? "new" : (existing?.id ?? null);
  useEffect(() => {
    if (wanted === null || wanted === loadedFor) return;
    setLoadedFor(wanted);
    setDraft(existing ? toDraft(existing) : EMPTY);
    setProblems([]);
  }, [wanted, loadedFor, existing]);

  if (!activeSchool) {
    return (
      <Page title={t("schoolYear.title")}>
        <Paragraph>{t("form.noSchool")}</Paragraph>
      </Page>
    );
  }
  const title = isNew
    ? t("schoolYear.newTitle")
    : t("schoolYear.editTitle", { label: existing?.label ?? "" });
  if (load.state === "loading") {
    return (
      <Page title={title}>
        <Spinner aria-label={t("form.loading")} />
      </Page>
    );
  }
  if (load.state === "error" || (!isNew && !existing)) {
    return (
      <Page title={t("schoolYear.title")}>
        <Alert data-color="danger">
          {load.state === "error" ? load.message : t("schoolYear.notFound")}
        </Alert>
      </Page>
    );
  }
  const manage = can("schoolYear.manage");
  if (!manage && existing) return <SchoolYearView year={existing} />;

  const setField = (field: "label" | "startsOn" | "endsOn", value: string) => {
    setSaved(false);
    setDraft((d) => ({ ...d, [field]: value }));
  };
  const setBreak = (key: number, patch: Partial<SchoolYearBreak>) => {
    setSaved(false);
    setDraft((d) => ({
      ...d,
      breaks: d.breaks.map((b) => (b.key === key ? { ...b, ...patch } : b)),
    }));
  };
  const addBreak = (kind: BreakKind) => {
    setSaved(false);
    setDraft((d) => ({
      ...d,
      breaks: [
        ...d.breaks,
        keyed({ kind, label: t(`schoolYear.defaultLabel.${kind}`), startsOn: "", endsOn: "" }),
      ],
    }));
  };
  const removeBreak = (key: number) => {
    setSaved(false);
    setDraft((d) => ({ ...d, breaks: d.breaks.filter((b) => b.key !== key) }));
  };

  const propose = async () => {
    const year = Number(startYear);
    if (!Number.isInteger(year) || year < 2000 || year > 2100) {
      setProposalProblem(t("schoolYear.proposal.invalidYear"));
      return;
    }
    setProposalProblem(undefined);
    try {
      const proposal = await api.get<ProposedSchoolYear>(
        `/api/schools/${activeSchool.id}/years/proposal?startYear=${year}`,
      );
      setDraft(toDraft(proposal));
      setProblems([]);
      setSaved(false);
      announce(t("schoolYear.proposal.filled", { label: proposal.label }));
    } catch (err) {
      setProposalProblem(problemsOf(err, () => null, t("form.failed"))[0]?.message);
    }
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setSaving(true);
    setSaved(false);
    const body = {
      label: draft.label,
      startsOn: draft.startsOn,
      endsOn: draft.endsOn,
      breaks: draft.breaks.map(({ kind, label, startsOn, endsOn }) => ({
        kind,
        label,
        startsOn,
        endsOn,
      })),
    };
    try {
      const result = isNew
        ? await api.post<SchoolYear>(`/api/schools/${activeSchool.id}/years`, body)
        : await api.put<SchoolYear>(`/api/schools/${activeSchool.id}/years/${yearId}`, body);
      setProblems([]);
      setSavedYear(result);
      setSaved(true);
      announce(t("schoolYear.saved", { label: result.label }));
      load.reload();
      if (isNew) {
        setLoadedFor(result.id);
        navigate(`/admin/school-year/${result.id}`, { replace: true });
      }
    } catch (err) {
      setProblems(problemsOf(err, fieldIdOf, t("form.failed")));
      setAttempt((n) => n + 1);
    } finally {
      setSaving(false);
    }
  };

  const breakName = (i: number) => {
    const b = draft.breaks[i];
    return b?.label.trim() || t("schoolYear.breakNumber", { n: i + 1 });
  };
  const labelOf = (fieldId: string): string | null => {
    const year = /^year-(label|startsOn|endsOn|breaks)$/.exec(fieldId);
    if (year)
      return t(`schoolYear.fields.${year[1] as "label" | "startsOn" | "endsOn" | "breaks"}`);
    const m = /^break-(\d+)-(kind|label|startsOn|endsOn)$/.exec(fieldId);
    if (!m) return null;
    const part = t(`schoolYear.breakFields.${m[2] as "kind" | "label" | "startsOn" | "endsOn"}`);
    return `${breakName(Number(m[1]))}, ${part.toLocaleLowerCase()}`;
  };
  const err = (id: string) => errorFor(problems, id);

  return (
    <Page
      title={title}
      lead={<Paragraph>{t("schoolYear.editLead", { school: activeSchool.name })}</Paragraph>}
      narrow
    >
      <Paragraph>
        <DsLink asChild>
          <Link to="/admin/school-year">{t("schoolYear.back")}</Link>
        </DsLink>
      </Paragraph>
      {isNew ? (
        <Card data-color="neutral" className="admin-card">
          <Heading level={2} data-size="xs">
            {t("schoolYear.proposal.heading")}
          </Heading>
          <Paragraph data-size="sm">{t("schoolYear.proposal.help")}</Paragraph>
          <div className="admin-inline">
            <Textfield
              label={t("schoolYear.proposal.startYear")}
              inputMode="numeric"
              value={startYear}
              onChange={(e) => setStartYear(e.target.value)}
              error={proposalProblem}
              data-size="sm"
            />
            <Button variant="secondary" data-size="sm" onClick={propose}>
              {t("schoolYear.proposal.button")}
            </Button>
          </div>
        </Card>
      ) : null}

      <form className="admin-form" onSubmit={submit} noValidate>
        <FormErrors problems={problems} attempt={attempt} labelOf={labelOf} />
        {saved && problems.length === 0 ? (
          <Alert data-color="success">{t("schoolYear.saved", { label: draft.label })}</Alert>
        ) : null}
        <Textfield
          id="year-label"
          label={t("schoolYear.fields.label")}
          description={t("schoolYear.fields.labelHelp")}
          value={draft.label}
          onChange={(e) => setField("label", e.target.value)}
          error={err("year-label")}
          autoComplete="off"
        />
        <div className="admin-dates">
          <Textfield
            id="year-startsOn"
            type="date"
            label={t("schoolYear.fields.startsOn")}
            description={t("schoolYear.fields.startsOnHelp")}
            value={draft.startsOn}
            onChange={(e) => setField("startsOn", e.target.value)}
            error={err("year-startsOn")}
          />
          <Textfield
            id="year-endsOn"
            type="date"
            label={t("schoolYear.fields.endsOn")}
            value={draft.endsOn}
            onChange={(e) => setField("endsOn", e.target.value)}
            error={err("year-endsOn")}
          />
        </div>

        <Heading level={2} data-size="xs" id={breaksHeadingId} tabIndex={-1}>
          {t("schoolYear.fields.breaks")}
        </Heading>
        <Paragraph data-size="sm">{t("schoolYear.breaksHelp")}</Paragraph>
        {err("year-breaks") ? <Alert data-color="danger">{err("year-breaks")}</Alert> : null}
        {draft.breaks.length === 0 ? (
          <Paragraph data-size="sm">{t("schoolYear.noBreaks")}</Paragraph>
        ) : (
          <ol className="admin-breaks">
            {draft.breaks.map((b, i) => (
              <li key={b.key}>
                <Fieldset className="admin-break">
                  <Fieldset.Legend>{breakName(i)}</Fieldset.Legend>
                  <Field>
                    <Label htmlFor={`break-${i}-kind`}>{t("schoolYear.breakFields.kind")}</Label>
                    <Select
                      id={`break-${i}-kind`}
                      value={b.kind}
                      onChange={(e) => setBreak(b.key, { kind: e.target.value as BreakKind })}
                      aria-invalid={err(`break-${i}-kind`) ? true : undefined}
                    >
                      <Select.Option value="holiday">{t("schoolYear.kind.holiday")}</Select.Option>
                      <Select.Option value="planningDay">
                        {t("schoolYear.kind.planningDay")}
                      </Select.Option>
                    </Select>
                  </Field>
                  <Textfield
                    id={`break-${i}-label`}
                    label={t("schoolYear.breakFields.label")}
                    value={b.label}
                    onChange={(e) => setBreak(b.key, { label: e.target.value })}
                    error={err(`break-${i}-label`)}
                    autoComplete="off"
                  />
                  <div className="admin-dates">
                    <Textfield
                      id={`break-${i}-startsOn`}
                      type="date"
                      label={t("schoolYear.breakFields.startsOn")}
                      value={b.startsOn}
                      onChange={(e) =>
                        setBreak(b.key, {
                          startsOn: e.target.value,
                          // A one-day break is the common case: follow the start until set.
                          ...(b.endsOn === "" || b.endsOn === b.startsOn
                            ? { endsOn: e.target.value }
                            : {}),
                        })
                      }
                      error={err(`break-${i}-startsOn`)}
                    />
                    <Textfield
                      id={`break-${i}-endsOn`}
                      type="date"
                      label={t("schoolYear.breakFields.endsOn")}
                      value={b.endsOn}
                      onChange={(e) => setBreak(b.key, { endsOn: e.target.value })}
                      error={err(`break-${i}-endsOn`)}
                    />
                  </div>
                  <div>
                    <Button
                      variant="tertiary"
                      data-color="danger"
                      data-size="sm"
                      onClick={() => removeBreak(b.key)}
                    >
                      {t("schoolYear.removeBreak", { name: breakName(i) })}
                    </Button>
                  </div>
                </Fieldset>
              </li>
            ))}
          </ol>
        )}
        <div className="form-actions">
          <Button variant="secondary" data-size="sm" onClick={() => addBreak("holiday")}>
            {t("schoolYear.addHoliday")}
          </Button>
          <Button variant="secondary" data-size="sm" onClick={() => addBreak("planningDay")}>
            {t("schoolYear.addPlanningDay")}
          </Button>
        </div>
        <div className="form-actions">
          <Button type="submit" aria-disabled={saving}>
            {saving ? t("form.saving") : t("schoolYear.save")}
          </Button>
        </div>
      </form>
    </Page>
  );
}

/** A year for those who may read the calendar but not change it. */
function SchoolYearView({ year }: { year: SchoolYear }) {
  const { t } = useTranslation("admin");
  const locale = currentLocale();
  const captionId = useId();
  return (
    <Page
      title={t("schoolYear.viewTitle", { label: year.label })}
      lead={
        <Paragraph>
          {t("schoolYear.span", {
            from: formatIsoDate(year.startsOn, locale),
            to: formatIsoDate(year.endsOn, locale),
          })}
        </Paragraph>
      }
    >
      <Paragraph>
        <DsLink asChild>
          <Link to="/admin/school-year">{t("schoolYear.back")}</Link>
        </DsLink>
      </Paragraph>
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be focusable */}
      <section className="table-scroll" aria-labelledby={captionId} tabIndex={0}>
        <Table zebra border data-size="sm">
          <caption id={captionId}>{t("schoolYear.fields.breaks")}</caption>
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell>{t("schoolYear.breakFields.label")}</Table.HeaderCell>
              <Table.HeaderCell>{t("schoolYear.breakFields.kind")}</Table.HeaderCell>
              <Table.HeaderCell>{t("schoolYear.breakFields.startsOn")}</Table.HeaderCell>
              <Table.HeaderCell>{t("schoolYear.breakFields.endsOn")}</Table.HeaderCell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {year.breaks.map((b) => (
              <Table.Row key={b.id}>
                <Table.Cell>{b.label}</Table.Cell>
                <Table.Cell>{t(`schoolYear.kind.${b.kind}`)}</Table.Cell>
                <Table.Cell>{formatIsoDate(b.startsOn, locale)}</Table.Cell>
                <Table.Cell>{formatIsoDate(b.endsOn, locale)}</Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      </section>
    </Page>
  );
}
