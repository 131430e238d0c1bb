// The staff's class-survey page: the surveys they may read, and a form to start one for a
// class or teaching group (from the template or their own questions, with a class code).
import {
  Alert,
  Button,
  Card,
  Checkbox,
  Field,
  Fieldset,
  Heading,
  Label,
  Paragraph,
  Radio,
  Select,
  Spinner,
  Table,
  Textarea,
  Textfield,
  ValidationMessage,
} from "@digdir/designsystemet-react";
import { type FormEvent, useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router";
import { api } from "../../app/api.ts";
import { useSession } from "../../app/session.tsx";
import { useApiData } from "../../ui/api-data.ts";
import { errorFor, FormErrors, type FormProblem, problemsOf } from "../../ui/form-errors.tsx";
import { formatDateTime } from "../../ui/format.ts";
import { Page } from "../../ui/page.tsx";
import type { GroupChoice, IssuedCode, SurveyList } from "./types.ts";

const DURATIONS = ["45", "90", "1440", "4320", "10080"] as const;
const KINDS = ["scale", "yesNo", "single", "freeText"] as const;
type Kind = (typeof KINDS)[number];
interface OwnQuestion {
  key: number;
  kind: Kind;
  text: string;
  options: string;
}

const fieldIdOf = (path: string): string | null => {
  if (path === "groupId") return "cs-group";
  if (path === "title") return "cs-title";
  if (path === "durationMinutes") return "cs-duration";
  const m = /^questions\.(\d+)\.(text|options)/.exec(path);
  if (m) return `cs-q${m[1]}-${m[2]}`;
  return null;
};

function StartForm({
  schoolId,
  groups,
  onStarted,
}: {
  schoolId: string;
  groups: GroupChoice[];
  onStarted: (id: string, code: IssuedCode | null) => void;
}) {
  const { t } = useTranslation("surveysClass");
  const [groupId, setGroupId] = useState(groups[0]?.id ?? "");
  const [title, setTitle] = useState(t("start.defaultTitle"));
  const [useTemplate, setUseTemplate] = useState(true);
  const [questions, setQuestions] = useState<OwnQuestion[]>([
    { key: 1, kind: "scale", text: "", options: "" },
  ]);
  const [duration, setDuration] = useState<string>("45");
  const [classCode, setClassCode] = useState(true);
  const [problems, setProblems] = useState<FormProblem[]>([]);
  const [attempt, setAttempt] = useState(0);
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    try {
      const body = {
        groupId,
        title,
        template: useTemplate,
        durationMinutes: Number(duration),
        classCode,
        ...(useTemplate
          ? {}
          : {
              questions: questions.map((q) => ({
                kind: q.kind,
                text: q.text,
                ...(q.kind === "single"
                  ? { options: q.options.split("\n").filter((o) => o.trim() !== "") }
                  : {}),
              })),
            }),
      };
      const out = await api.post<{ id: string; code: IssuedCode | null }>(
        `/api/schools/${schoolId}/class-surveys`,
        body,
      );
      onStarted(out.id, out.code);
    } catch (err) {
      setProblems(problemsOf(err, fieldIdOf, t("common.failed")));
      setAttempt((n) => n + 1);
    } finally {
      setBusy(false);
    }
  };
  const update = (key: number, patch: Partial<OwnQuestion>) =>
    setQuestions((qs) => qs.map((q) => (q.key === key ? { ...q, ...patch } : q)));

  return (
    <Card data-color="neutral" className="survey-card">
      <Heading level={2} data-size="sm">
        {t("start.heading")}
      </Heading>
      <Paragraph data-size="sm">{t("start.help")}</Paragraph>
      <form onSubmit={submit} noValidate className="survey-form">
        <FormErrors problems={problems} attempt={attempt} />
        <Field>
          <Label htmlFor="cs-group">{t("start.group")}</Label>
          <Select id="cs-group" value={groupId} onChange={(e) => setGroupId(e.target.value)}>
            {groups.map((g) => (
              <Select.Option key={g.id} value={g.id}>
                {t("start.groupOption", { name: g.name, pupils: g.pupils })}
              </Select.Option>
            ))}
          </Select>
        </Field>
        <Textfield
          id="cs-title"
          label={t("start.title")}
          value={title}
          onChange={(e) => setTitle(e.target.value)}
          error={errorFor(problems, "cs-title")}
        />
        <Fieldset>
          <Fieldset.Legend>{t("start.questions")}</Fieldset.Legend>
          <Radio
            name="cs-source"
            value="template"
            label={t("start.template")}
            description={t("start.templateHelp")}
            checked={useTemplate}
            onChange={() => setUseTemplate(true)}
          />
          <Radio
            name="cs-source"
            value="own"
            label={t("start.own")}
            description={t("start.ownHelp")}
            checked={!useTemplate}
            onChange={() => setUseTemplate(false)}
          />
        </Fieldset>
        {useTemplate
          ? null
          : questions.map((q, i) => (
              <Fieldset key={q.key} className="survey-own">
                <Fieldset.Legend>{t("start.question", { n: i + 1 })}</Fieldset.Legend>
                <Textfield
                  id={`cs-q${i}-text`}
                  label={t("start.questionText")}
                  value={q.text}
                  onChange={(e) => update(q.key, { text: e.target.value })}
                  error={errorFor(problems, `cs-q${i}-text`)}
                />
                <Field>
                  <Label htmlFor={`cs-q${i}-kind`}>{t("start.kind")}</Label>
                  <Select
                    id={`cs-q${i}-kind`}
                    value={q.kind}
                    onChange={(e) => update(q.key, { kind: e.target.value as Kind })}
                  >
                    {KINDS.map((k) => (
                      <Select.Option key={k} value={k}>
                        {t(`start.kinds.${k}`)}
                      </Select.Option>
                    ))}
                  </Select>
                </Field>
                {q.kind === "single" ? (
                  <Field>
                    <Label htmlFor={`cs-q${i}-options`}>{t("start.options")}</Label>
                    <Textarea
                      id={`cs-q${i}-options`}
                      rows={3}
                      value={q.options}
                      onChange={(e) => update(q.key, { options: e.target.value })}
                    />
                    {errorFor(problems, `cs-q${i}-options`) ? (
                      <ValidationMessage>
                        {errorFor(problems, `cs-q${i}-options`)}
                      </ValidationMessage>
                    ) : null}
                  </Field>
                ) : null}
                {questions.length > 1 ? (
                  <Button
                    variant="tertiary"
                    data-size="sm"
                    type="button"
                    onClick={() => setQuestions((qs) => qs.filter((x) => x.key !== q.key))}
                  >
                    {t("start.removeQuestion", { n: i + 1 })}
                  </Button>
                ) : null}
              </Fieldset>
            ))}
        {useTemplate ? null : (
          <Button
            variant="secondary"
            type="button"
            onClick={() =>
              setQuestions((qs) => [
                ...qs,
                {
                  key: Math.max(...qs.map((q) => q.key)) + 1,
                  kind: "scale",
                  text: "",
                  options: "",
                },
              ])
            }
          >
            {t("start.addQuestion")}
          </Button>
        )}
        <Field>
          <Label htmlFor="cs-duration">{t("start.duration")}</Label>
          <Select id="cs-duration" value={duration} onChange={(e) => setDuration(e.target.value)}>
            {DURATIONS.map((d) => (
              <Select.Option key={d} value={d}>
                {t(`start.durations.${d}`)}
              </Select.Option>
            ))}
          </Select>
        </Field>
        <Checkbox
          label={t("start.classCode")}
          description={t("start.classCodeHelp")}
          checked={classCode}
          onChange={(e) => setClassCode(e.currentTarget.checked)}
        />
        <div className="form-actions">
          <Button type="submit" disabled={busy}>
            {t("start.submit")}
          </Button>
        </div>
      </form>
    </Card>
  );
}

export function ClassSurveysPage() {
  const { t } = useTranslation("surveysClass");
  const { user } = useSession();
  const navigate = useNavigate();
  const schoolId = user?.activeSchoolId ?? null;
  const data = useApiData<SurveyList>(schoolId ? `/api/schools/${schoolId}/class-surveys` : null);
  const captionId = useId();
  if (!schoolId) {
    return (
      <Page title={t("list.title")}>
        <Paragraph>{t("common.noSchool")}</Paragraph>
      </Page>
    );
  }
  const list = data.state === "ready" ? data.data : null;
  const minimum = list?.surveys[0]?.minimum ?? 10;
  return (
    <Page
      title={t("list.title")}
      lead={<Paragraph>{t("list.lead", { minimum })}</Paragraph>}
      actions={
        list?.canSeeTrinn ? <Link to="/surveys/class/trinn">{t("list.trinn")}</Link> : undefined
      }
    >
      {data.state === "error" ? <Alert data-color="danger">{data.message}</Alert> : null}
      {data.state === "loading" ? <Spinner aria-label={t("common.loading")} /> : null}
      {list ? (
        <>
          {list.groups.length > 0 ? (
            <StartForm
              schoolId={schoolId}
              groups={list.groups}
              onStarted={(id, code) => navigate(`/surveys/class/${id}`, { state: { code } })}
            />
          ) : (
            <Paragraph>{t("start.noGroups")}</Paragraph>
          )}
          <section className="survey-section">
            <Heading level={2} data-size="sm">
              {t("list.surveys")}
            </Heading>
            {list.surveys.length === 0 ? (
              <Paragraph>{t("list.none")}</Paragraph>
            ) : (
              <div className="survey-table-wrap">
                <Table aria-describedby={captionId}>
                  <caption id={captionId}>{t("list.caption")}</caption>
                  <Table.Head>
                    <Table.Row>
                      <Table.HeaderCell>{t("list.survey")}</Table.HeaderCell>
                      <Table.HeaderCell>{t("list.group")}</Table.HeaderCell>
                      <Table.HeaderCell>{t("list.status")}</Table.HeaderCell>
                      <Table.HeaderCell>{t("list.answers")}</Table.HeaderCell>
                    </Table.Row>
                  </Table.Head>
                  <Table.Body>
                    {list.surveys.map((s) => (
                      <Table.Row key={s.id}>
                        <Table.Cell>
                          <Link to={`/surveys/class/${s.id}`}>{s.title}</Link>
                        </Table.Cell>
                        <Table.Cell>{s.groupName}</Table.Cell>
                        <Table.Cell>
                          {s.open
                            ? t("common.closesAt", { when: formatDateTime(s.closesAt) })
                            : t("common.closedAt", { when: formatDateTime(s.closesAt) })}
                        </Table.Cell>
                        <Table.Cell>
                          {t("list.answerCount", { answers: s.answers, max: s.maxAnswers })}
                        </Table.Cell>
                      </Table.Row>
                    ))}
                  </Table.Body>
                </Table>
              </div>
            )}
          </section>
        </>
      ) : null}
    </Page>
  );
}
