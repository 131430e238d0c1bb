// The yearly evaluation. Members of the four groups (the pupil council, the staff
// representatives, the pupil services, the leadership) give their input here while the
// round is open; the principal opens the round, reads the input and records the evaluation
// with its decisions, which opens next year's draft.

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
  Select,
  Spinner,
  Textfield,
} from "@digdir/designsystemet-react";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { useAnnounce } from "../app/announcer.tsx";
import { api, isApiError } from "../app/api.ts";
import { useSession } from "../app/session.tsx";
import { errorFor, FormErrors, type FormProblem, problemsOf } from "../ui/form-errors.tsx";
import { Page } from "../ui/page.tsx";
import { useCan } from "../ui/use-can.ts";
import { currentPlanOf, fmtDate, osloToday, useApiData, usePlanList } from "./shared.tsx";
import { PlanAndSurveys } from "./survey-trends.tsx";
import {
  type Confirmations,
  EVALUATION_GROUP_IDS,
  type EvaluationGroup,
  type EvaluationView,
  type MyEvaluation,
  type PlanList,
  type PlanView,
} from "./types.ts";

export function EvaluationPage() {
  const { t } = useTranslation("plans");
  const { activeSchool } = useSession();
  const can = useCan();
  if (!activeSchool) {
    return (
      <Page title={t("evaluation.title")}>
        <Paragraph>{t("common.noSchool")}</Paragraph>
      </Page>
    );
  }
  return (
    <Page title={t("evaluation.title")} lead={<Paragraph>{t("evaluation.lead")}</Paragraph>}>
      {can("plan.manage") ? <ManageEvaluation schoolId={activeSchool.id} /> : null}
      <MyInput schoolId={activeSchool.id} />
    </Page>
  );
}

function MyInput({ schoolId }: { schoolId: string }) {
  const { t } = useTranslation("plans");
  const announce = useAnnounce();
  const mine = useApiData<MyEvaluation>(`/api/schools/${schoolId}/plan-evaluation/mine`);
  const [group, setGroup] = useState<EvaluationGroup | "">("");
  const [text, setText] = useState("");
  const [error, setError] = useState<string | undefined>();
  const [sent, setSent] = useState(false);
  const [busy, setBusy] = useState(false);
  if (mine.state === "error") {
    // Not one of the four groups at this school: nothing to give input to.
    return mine.status === 403 ? null : <Alert data-color="danger">{mine.message}</Alert>;
  }
  if (mine.state === "loading") return <Spinner aria-label={t("common.loading")} />;
  const data = mine.data;
  if (!data.open) return <Alert data-color="info">{t("evaluation.closed")}</Alert>;
  const chosen = group || data.groups[0] || "";
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setSent(false);
    try {
      await api.post(`/api/schools/${schoolId}/plan-evaluation/inputs`, { group: chosen, text });
      setText("");
      setError(undefined);
      setSent(true);
      announce(t("evaluation.mine.sent"));
      mine.reload();
    } catch (err) {
      setError(isApiError(err) ? (err.fields?.[0]?.message ?? err.message) : t("common.failed"));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card data-color="neutral" className="plan-card">
      <Heading level={2} data-size="sm">
        {t("evaluation.mine.heading", { year: data.schoolYear ?? "" })}
      </Heading>
      <Paragraph data-size="sm">
        {t("evaluation.mine.youSpeakFor", {
          groups: data.groups.map((g) => t(`evaluation.groups.${g}`)).join(", "),
        })}
      </Paragraph>
      {sent ? <Alert data-color="success">{t("evaluation.mine.sent")}</Alert> : null}
      <form onSubmit={submit} noValidate className="plan-form">
        {data.groups.length > 1 ? (
          <Field>
            <Label htmlFor="eval-group">{t("evaluation.mine.group")}</Label>
            <Select
              id="eval-group"
              value={chosen}
              onChange={(e) => setGroup(e.target.value as EvaluationGroup)}
            >
              {data.groups.map((g) => (
                <Select.Option key={g} value={g}>
                  {t(`evaluation.groups.${g}`)}
                </Select.Option>
              ))}
            </Select>
          </Field>
        ) : null}
        <Textfield
          id="eval-text"
          label={t("evaluation.mine.text")}
          description={t("evaluation.mine.textHelp")}
          multiline
          rows={5}
          value={text}
          onChange={(e) => setText(e.target.value)}
          error={error}
        />
        <div>
          <Button type="submit" aria-disabled={busy}>
            {t("evaluation.mine.submit")}
          </Button>
        </div>
      </form>
      {data.inputs.length > 0 ? (
        <>
          <Heading level={3} data-size="xs">
            {t("evaluation.mine.previous")}
          </Heading>
          <ul className="plan-inputs">
            {data.inputs.map((i) => (
              <li key={i.id}>
                <Paragraph data-size="sm">{i.text}</Paragraph>
                <Paragraph data-size="xs" className="plan-muted">
                  {t(`evaluation.groups.${i.group}`)}, {fmtDate(i.submittedAt)}
                </Paragraph>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </Card>
  );
}

function ManageEvaluation({ schoolId }: { schoolId: string }) {
  const { t } = useTranslation("plans");
  const list = usePlanList();
  const current = list.state === "ready" ? currentPlanOf(list.data) : null;
  if (list.state === "loading") return <Spinner aria-label={t("common.loading")} />;
  if (!current || list.state !== "ready") {
    return <Alert data-color="info">{t("evaluation.noPlan")}</Alert>;
  }
  return <ManageRound schoolId={schoolId} planId={current.id} list={list.data} />;
}

function ManageRound({
  schoolId,
  planId,
  list,
}: {
  schoolId: string;
  planId: string;
  list: PlanList;
}) {
  const { t } = useTranslation("plans");
  const announce = useAnnounce();
  const base = `/api/schools/${schoolId}/plans/${planId}`;
  const view = useApiData<EvaluationView>(`${base}/evaluation`);
  const [message, setMessage] = useState<string | null>(null);
  if (view.state !== "ready") {
    return view.state === "error" ? (
      <Alert data-color="danger">{view.message}</Alert>
    ) : (
      <Spinner aria-label={t("common.loading")} />
    );
  }
  const v = view.data;
  return (
    <>
      {message ? <Alert data-color="success">{message}</Alert> : null}
      <PlanAndSurveys schoolId={schoolId} planId={planId} />
      {v.startedAt === null ? (
        <StartRound
          schoolId={schoolId}
          planId={planId}
          onStarted={(count) => {
            const text = t("evaluation.manage.startedNow", { count });
            setMessage(text);
            announce(text);
            view.reload();
          }}
        />
      ) : (
        <Card data-color="neutral" className="plan-card">
          <Heading level={2} data-size="sm">
            {t("evaluation.manage.round")}
          </Heading>
          <Paragraph data-size="sm">
            {t("evaluation.manage.started", { date: fmtDate(v.startedAt) })}
          </Paragraph>
          <ul>
            {EVALUATION_GROUP_IDS.map((g) => (
              <li key={g}>
                {t(`evaluation.groups.${g}`)}:{" "}
                {t("evaluation.manage.counts", {
                  invited: v.invited[g],
                  inputs: v.inputs.filter((i) => i.group === g).length,
                })}
              </li>
            ))}
          </ul>
          <Heading level={3} data-size="xs">
            {t("evaluation.manage.inputs")}
          </Heading>
          {v.inputs.length === 0 ? (
            <Paragraph data-size="sm">{t("evaluation.manage.noInputs")}</Paragraph>
          ) : (
            <ul className="plan-inputs">
              {v.inputs.map((i) => (
                <li key={i.id}>
                  <Paragraph data-size="sm">{i.text}</Paragraph>
                  <Paragraph data-size="xs" className="plan-muted">
                    {t(`evaluation.groups.${i.group}`)} · {i.submittedBy?.name} ·{" "}
                    {fmtDate(i.submittedAt)}
                  </Paragraph>
                </li>
              ))}
            </ul>
          )}
        </Card>
      )}
      {v.startedAt !== null && v.evaluation === null ? (
        <RecordEvaluation base={base} list={list} planId={planId} />
      ) : null}
    </>
  );
}

function StartRound({
  schoolId,
  planId,
  onStarted,
}: {
  schoolId: string;
  planId: string;
  onStarted: (people: number) => void;
}) {
  const { t } = useTranslation("plans");
  const { t: tr } = useTranslation("roles");
  // The staff list with names (the routine confirmations answer it for the principal).
  const staff = useApiData<Confirmations>(
    `/api/schools/${schoolId}/plans/${planId}/routine-confirmations`,
  );
  const [reps, setReps] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const start = async () => {
    setBusy(true);
    try {
      const res = await api.post<{ people: number }>(
        `/api/schools/${schoolId}/plans/${planId}/evaluation/start`,
        { staffRepresentativeIds: reps },
      );
      onStarted(res.people);
    } catch (err) {
      setError(isApiError(err) ? err.message : t("common.failed"));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card data-color="neutral" className="plan-card">
      <Heading level={2} data-size="sm">
        {t("evaluation.manage.startHeading")}
      </Heading>
      <Paragraph data-size="sm">{t("evaluation.manage.startHelp")}</Paragraph>
      {error ? <Alert data-color="danger">{error}</Alert> : null}
      {staff.state === "ready" ? (
        <Fieldset className="plan-reps">
          <Fieldset.Legend>{t("evaluation.manage.reps")}</Fieldset.Legend>
          {staff.data.staff.map((s) => (
            <Checkbox
              key={s.id}
              label={`${s.name} (${s.roles.map((r) => tr(`name.${r}` as never)).join(", ")})`}
              checked={reps.includes(s.id)}
              onChange={(e) =>
                setReps((r) =>
                  e.currentTarget.checked ? [...r, s.id] : r.filter((id) => id !== s.id),
                )
              }
            />
          ))}
        </Fieldset>
      ) : (
        <Spinner aria-label={t("common.loading")} />
      )}
      <div className="form-actions">
        <Button onClick={start} aria-disabled={busy}>
          {t("evaluation.manage.start")}
        </Button>
      </div>
    </Card>
  );
}

function RecordEvaluation({
  base,
  list,
  planId,
}: {
  base: string;
  list: PlanList;
  planId: string;
}) {
  const { t } = useTranslation("plans");
  const navigate = useNavigate();
  const announce = useAnnounce();
  const current = list.plans.find((p) => p.id === planId);
  const currentYear = list.schoolYears.find((y) => y.id === current?.schoolYearId);
  const later = list.schoolYears.filter(
    (y) =>
      currentYear &&
      y.startsOn > currentYear.startsOn &&
      !list.plans.some((p) => p.schoolYearId === y.id),
  );
  const [evaluatedOn, setEvaluatedOn] = useState(osloToday());
  const [participants, setParticipants] = useState<Record<EvaluationGroup, string>>({
    pupilCouncil: "",
    staffRepresentatives: "",
    pupilServices: "",
    leadership: "",
  });
  const [decisions, setDecisions] = useState("");
  const [nextYear, setNextYear] = useState("");
  const [problems, setProblems] = useState<FormProblem[]>([]);
  const [attempt, setAttempt] = useState(0);
  const [busy, setBusy] = useState(false);
  const chosenYear = nextYear || later[0]?.id || "";
  const fieldIdOf = (path: string) => {
    if (path === "evaluatedOn") return "record-date";
    if (path === "decisions" || path.startsWith("decisions")) return "record-decisions";
    if (path === "nextSchoolYearId" || path === "schoolYear") return "record-year";
    const m = /^participants\[(\d+)\]/.exec(path);
    if (m) return `record-${EVALUATION_GROUP_IDS[Number(m[1])] ?? "pupilCouncil"}`;
    if (path === "participants") return "record-pupilCouncil";
    return null;
  };
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    try {
      const res = await api.post<{ next: PlanView }>(`${base}/evaluation`, {
        evaluatedOn,
        participants: EVALUATION_GROUP_IDS.filter((g) => participants[g].trim() !== "").map(
          (g) => ({
            group: g,
            description: participants[g],
          }),
        ),
        decisions: decisions
          .split("\n")
          .map((l) => l.trim())
          .filter((l) => l !== "")
          .map((text) => ({ text })),
        nextSchoolYearId: chosenYear,
      });
      announce(t("evaluation.record.recorded"));
      navigate(`/plans/${res.next.id}`);
    } catch (err) {
      setProblems(problemsOf(err, fieldIdOf, t("common.failed")));
      setAttempt((n) => n + 1);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card data-color="neutral" className="plan-card">
      <Heading level={2} data-size="sm">
        {t("evaluation.record.heading")}
      </Heading>
      {later.length === 0 ? (
        <Paragraph data-size="sm">{t("evaluation.record.noNextYear")}</Paragraph>
      ) : (
        <form onSubmit={submit} noValidate className="plan-form">
          <FormErrors problems={problems} attempt={attempt} />
          <Textfield
            id="record-date"
            type="date"
            label={t("evaluation.record.evaluatedOn")}
            value={evaluatedOn}
            onChange={(e) => setEvaluatedOn(e.target.value)}
            error={errorFor(problems, "record-date")}
          />
          <Fieldset>
            <Fieldset.Legend>{t("evaluation.record.participants")}</Fieldset.Legend>
            <Fieldset.Description>{t("evaluation.record.participantsHelp")}</Fieldset.Description>
            {EVALUATION_GROUP_IDS.map((g) => (
              <Textfield
                key={g}
                id={`record-${g}`}
                label={t(`evaluation.groups.${g}`)}
                value={participants[g]}
                onChange={(e) => setParticipants((p) => ({ ...p, [g]: e.target.value }))}
                error={errorFor(problems, `record-${g}`)}
                data-size="sm"
              />
            ))}
          </Fieldset>
          <Textfield
            id="record-decisions"
            label={t("evaluation.record.decisions")}
            description={t("evaluation.record.decisionsHelp")}
            multiline
            rows={4}
            value={decisions}
            onChange={(e) => setDecisions(e.target.value)}
            error={errorFor(problems, "record-decisions")}
          />
          <Field>
            <Label htmlFor="record-year">{t("evaluation.record.nextYear")}</Label>
            <Select
              id="record-year"
              value={chosenYear}
              onChange={(e) => setNextYear(e.target.value)}
            >
              {later.map((y) => (
                <Select.Option key={y.id} value={y.id}>
                  {y.label}
                </Select.Option>
              ))}
            </Select>
          </Field>
          <div>
            <Button type="submit" aria-disabled={busy}>
              {t("evaluation.record.submit")}
            </Button>
          </div>
        </form>
      )}
    </Card>
  );
}
