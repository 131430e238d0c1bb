// The measure plan editor (aktivitetsplan). The server refuses a plan that lacks any of the
// five legal parts and names every field at fault; the summary links each problem to its
// field. Saving makes a new revision: earlier ones are kept.
import {
  Alert,
  Button,
  Checkbox,
  Fieldset,
  Heading,
  Paragraph,
  Select,
  Textfield,
} from "@digdir/designsystemet-react";
import { type FormEvent, useEffect, useState } from "react";
import { Link, useParams } from "react-router";
import { api } from "../app/api.ts";
import { useSession } from "../app/session.tsx";
import { useApiData } from "../ui/api-data.ts";
import { Page } from "../ui/page.tsx";
import { FamilyTextfield, namePickerPupils } from "./case-parts.tsx";
import {
  type CaseView,
  errorOf,
  type Problem,
  Problems,
  problemsFrom,
  useCasesT,
} from "./shared.tsx";

interface MeasureDraft {
  id: string;
  description: string;
  startsOn: string;
  endsOn: string;
  schedule: string;
  responsiblePersonId: string;
  keepApart: boolean;
}

const newMeasure = (): MeasureDraft => ({
  id: crypto.randomUUID(),
  description: "",
  startsOn: "",
  endsOn: "",
  schedule: "",
  responsiblePersonId: "",
  keepApart: false,
});

/** The API's field path (`measures.0.startsOn`) as the id of its input. */
const fieldId = (path: string) => `plan-${path.replace(/\./g, "-")}`;

function pairsOf(pupils: readonly string[]): [string, string][] {
  const pairs: [string, string][] = [];
  for (let i = 0; i < pupils.length; i++)
    for (let j = i + 1; j < pupils.length; j++)
      pairs.push([pupils[i] as string, pupils[j] as string]);
  return pairs;
}

export function PlanPage() {
  const tc = useCasesT();
  const { caseId } = useParams();
  const { user } = useSession();
  const data = useApiData<CaseView>(caseId ? `/api/cases/${caseId}` : null);
  const [problem, setProblem] = useState("");
  const [evaluateOn, setEvaluateOn] = useState("");
  const [measures, setMeasures] = useState<MeasureDraft[]>([newMeasure()]);
  const [loaded, setLoaded] = useState(false);
  const [problems, setProblems] = useState<Problem[]>([]);
  const [attempt, setAttempt] = useState(0);
  const [saved, setSaved] = useState<number | null>(null);
  const [busy, setBusy] = useState(false);

  // Start from the plan in force, so a revision changes only what needs changing.
  useEffect(() => {
    if (loaded || data.state !== "ready") return;
    const plan = data.data.case.planRevisions.at(-1);
    if (plan) {
      setProblem(plan.problem);
      setEvaluateOn(plan.evaluateOn);
      setMeasures(
        plan.measures.map((m) => ({
          id: m.id,
          description: m.description,
          startsOn: m.startsOn,
          endsOn: m.endsOn ?? "",
          schedule: m.schedule ?? "",
          responsiblePersonId: m.responsiblePersonId,
          keepApart: m.keepApart.length > 0,
        })),
      );
    }
    setLoaded(true);
  }, [data, loaded]);

  if (data.state !== "ready") {
    return (
      <Page title={tc("planEditor.title")}>
        <Paragraph>{data.state === "error" ? data.message : tc("loading")}</Paragraph>
      </Page>
    );
  }
  const v = data.data;
  const c = v.case;
  const responsible = [
    ...new Set([...(user ? [user.person.id] : []), ...c.team.map((m) => m.personId)]),
  ];
  const name = (id: string) =>
    v.names[id] ??
    (user && id === user.person.id ? `${user.person.givenName} ${user.person.familyName}` : id);
  const pupils = namePickerPupils(v, name);
  const setM = (i: number, patch: Partial<MeasureDraft>) =>
    setMeasures((list) => list.map((m, j) => (j === i ? { ...m, ...patch } : m)));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setAttempt((a) => a + 1);
    setBusy(true);
    try {
      const next = await api.post<CaseView>(`/api/cases/${c.id}/plan`, {
        problem: problem || null,
        evaluateOn: evaluateOn || null,
        measures: measures.map((m) => ({
          id: m.id,
          description: m.description || null,
          startsOn: m.startsOn || null,
          endsOn: m.endsOn || null,
          schedule: m.schedule || null,
          responsiblePersonId: m.responsiblePersonId || null,
          keepApart: m.keepApart ? pairsOf(c.pupils) : [],
        })),
      });
      setProblems([]);
      setSaved(next.case.planRevisions.at(-1)?.revision ?? null);
    } catch (err) {
      setSaved(null);
      setProblems(problemsFrom(err, (path) => (path ? fieldId(path) : null)));
    } finally {
      setBusy(false);
    }
  };
  const err = (path: string) => errorOf(problems, fieldId(path));

  return (
    <Page title={tc("planEditor.title")} lead={c.pupils.map(name).join(", ")} narrow>
      <Paragraph>{tc("planEditor.intro")}</Paragraph>
      <Prerequisites view={v} name={name} />
      <form onSubmit={submit} noValidate className="cases-form">
        <Problems problems={problems} title={tc("planEditor.problemsTitle")} attempt={attempt} />
        {saved !== null && problems.length === 0 ? (
          <Alert data-color="success" role="status">
            {tc("planEditor.saved", { n: saved })}{" "}
            <Link to={`/cases/${c.id}`}>{tc("planEditor.back")}</Link>
          </Alert>
        ) : null}
        <FamilyTextfield
          id={fieldId("problem")}
          label={tc("planEditor.problem")}
          value={problem}
          onChange={setProblem}
          pupils={pupils}
          error={err("problem")}
        />
        {measures.map((m, i) => (
          <Fieldset key={m.id} className="cases-measure">
            <Fieldset.Legend>{tc("planEditor.measure", { n: i + 1 })}</Fieldset.Legend>
            <FamilyTextfield
              id={fieldId(`measures.${i}.description`)}
              rows={2}
              label={tc("planEditor.description")}
              value={m.description}
              onChange={(text) => setM(i, { description: text })}
              pupils={pupils}
              error={err(`measures.${i}.description`)}
            />
            <div className="cases-inline">
              <Textfield
                id={fieldId(`measures.${i}.startsOn`)}
                type="date"
                label={tc("planEditor.startsOn")}
                value={m.startsOn}
                onChange={(e) => setM(i, { startsOn: e.target.value })}
                error={err(`measures.${i}.startsOn`)}
              />
              <Textfield
                id={fieldId(`measures.${i}.endsOn`)}
                type="date"
                label={tc("planEditor.endsOn")}
                value={m.endsOn}
                onChange={(e) => setM(i, { endsOn: e.target.value })}
                error={err(`measures.${i}.endsOn`)}
              />
            </div>
            <FamilyTextfield
              id={fieldId(`measures.${i}.schedule`)}
              multiline={false}
              label={tc("planEditor.schedule")}
              value={m.schedule}
              onChange={(text) => setM(i, { schedule: text })}
              pupils={pupils}
            />
            <label className="cases-select" htmlFor={fieldId(`measures.${i}.responsiblePersonId`)}>
              {tc("planEditor.responsible")}
            </label>
            <Select
              id={fieldId(`measures.${i}.responsiblePersonId`)}
              value={m.responsiblePersonId}
              onChange={(e) => setM(i, { responsiblePersonId: e.target.value })}
              aria-invalid={err(`measures.${i}.responsiblePersonId`) ? true : undefined}
              aria-describedby={
                err(`measures.${i}.responsiblePersonId`)
                  ? `${fieldId(`measures.${i}.responsiblePersonId`)}-error`
                  : undefined
              }
            >
              <Select.Option value="">{tc("planEditor.chooseResponsible")}</Select.Option>
              {responsible.map((p) => (
                <Select.Option key={p} value={p}>
                  {name(p)}
                </Select.Option>
              ))}
            </Select>
            {err(`measures.${i}.responsiblePersonId`) ? (
              <p
                id={`${fieldId(`measures.${i}.responsiblePersonId`)}-error`}
                className="cases-error"
              >
                {err(`measures.${i}.responsiblePersonId`)}
              </p>
            ) : null}
            {c.pupils.length > 1 ? (
              <Checkbox
                label={tc("planEditor.keepApart")}
                checked={m.keepApart}
                onChange={(e) => setM(i, { keepApart: e.target.checked })}
              />
            ) : null}
            {measures.length > 1 ? (
              <Button
                type="button"
                variant="tertiary"
                data-size="sm"
                onClick={() => setMeasures((list) => list.filter((_, j) => j !== i))}
              >
                {tc("planEditor.removeMeasure", { n: i + 1 })}
              </Button>
            ) : null}
          </Fieldset>
        ))}
        <Button
          id={fieldId("measures")}
          type="button"
          variant="secondary"
          onClick={() => setMeasures((list) => [...list, newMeasure()])}
        >
          {tc("planEditor.addMeasure")}
        </Button>
        <Textfield
          id={fieldId("evaluateOn")}
          type="date"
          label={tc("planEditor.evaluateOn")}
          value={evaluateOn}
          onChange={(e) => setEvaluateOn(e.target.value)}
          error={err("evaluateOn")}
        />
        <div className="cases-inline">
          <Button type="submit" disabled={busy}>
            {tc("planEditor.save")}
          </Button>
          <Link to={`/cases/${c.id}`}>{tc("planEditor.back")}</Link>
        </div>
      </form>
    </Page>
  );
}

/**
 * What must be in place before the plan can be saved, as the server checks it (ADR 0113):
 * every pupil heard (not only what a reporter passed on) or a reason they could not be, and a
 * best-interest assessment made after the latest view.
 */
function Prerequisites({ view, name }: { view: CaseView; name: (id: string) => string }) {
  const tc = useCasesT();
  const c = view.case;
  const notHeard = c.pupilsNotHeard ?? [];
  const heard = (p: string) =>
    c.pupilViews.some((v) => v.pupilId === p && (v.source ?? "conversation") !== "reporter");
  const excused = (p: string) => notHeard.some((n) => n.pupilId === p);
  const latest = c.bestInterest.at(-1);
  const current =
    latest !== undefined &&
    c.pupilViews.every(
      (v) => !v.recordedAt || Date.parse(v.recordedAt) <= Date.parse(latest.recordedAt),
    );
  const ready = c.pupils.every((p) => heard(p) || excused(p)) && current;
  return (
    <Alert data-color={ready ? "success" : "warning"} className="cases-card">
      <Heading level={2} data-size="xs">
        {tc("duty.prerequisites")}
      </Heading>
      <Paragraph data-size="sm">{ready ? tc("duty.ready") : tc("duty.prereqHelp")}</Paragraph>
      <ul className="cases-prereq">
        {c.pupils.map((p) => (
          <li key={p}>
            {heard(p)
              ? `✓ ${tc("duty.heardOk", { name: name(p) })}`
              : excused(p)
                ? `✓ ${tc("duty.excusedOk", { name: name(p) })}`
                : `✗ ${tc("duty.notHeardYet", { name: name(p) })}`}
          </li>
        ))}
        <li>
          {current
            ? `✓ ${tc("duty.bestInterestCurrent")}`
            : latest === undefined
              ? `✗ ${tc("duty.bestInterestMissingNow")}`
              : `✗ ${tc("duty.bestInterestOutdatedNow")}`}
        </li>
      </ul>
      {ready ? null : <Link to={`/cases/${c.id}`}>{tc("duty.toCase")}</Link>}
    </Alert>
  );
}
