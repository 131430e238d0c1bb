// Part 1 of the plan in practice: who has been informed, when and how; and which staff
// members have confirmed that they have read the routine for the duty to act (the principal
// sees who has not).
import {
  Alert,
  Button,
  Card,
  Field,
  Heading,
  Label,
  Paragraph,
  Select,
  Spinner,
  Table,
  Tag,
  Textfield,
} from "@digdir/designsystemet-react";
import { type FormEvent, useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { useAnnounce } from "../app/announcer.tsx";
import { api } from "../app/api.ts";
import { useSession } from "../app/session.tsx";
import { errorFor, FormErrors, type FormProblem, problemsOf } from "../ui/form-errors.tsx";
import { Page } from "../ui/page.tsx";
import { useCan } from "../ui/use-can.ts";
import { currentPlanOf, fmtDate, osloToday, useApiData, usePlanList } from "./shared.tsx";
import type { Confirmations, InformationRecord, PlanView } from "./types.ts";

export function RoutinePage() {
  const { t } = useTranslation("plans");
  const { activeSchool } = useSession();
  const can = useCan();
  const list = usePlanList();
  const current = list.state === "ready" ? currentPlanOf(list.data) : null;
  if (!activeSchool) {
    return (
      <Page title={t("routine.title")}>
        <Paragraph>{t("common.noSchool")}</Paragraph>
      </Page>
    );
  }
  return (
    <Page title={t("routine.title")} lead={<Paragraph>{t("routine.lead")}</Paragraph>}>
      {list.state === "loading" ? (
        <Spinner aria-label={t("common.loading")} />
      ) : !current ? (
        <Alert data-color="info">{t("common.noPublished")}</Alert>
      ) : (
        <>
          <Records schoolId={activeSchool.id} planId={current.id} manage={can("plan.manage")} />
          {can("plan.manage") ? (
            <ConfirmationList schoolId={activeSchool.id} planId={current.id} />
          ) : null}
        </>
      )}
    </Page>
  );
}

function Records({
  schoolId,
  planId,
  manage,
}: {
  schoolId: string;
  planId: string;
  manage: boolean;
}) {
  const { t } = useTranslation("plans");
  const announce = useAnnounce();
  const base = `/api/schools/${schoolId}/plans/${planId}`;
  const records = useApiData<InformationRecord[]>(`${base}/information-records`);
  const plan = useApiData<PlanView>(base);
  const captionId = useId();
  const [audience, setAudience] = useState("");
  const [informedOn, setInformedOn] = useState(osloToday());
  const [activityId, setActivityId] = useState("");
  const [method, setMethod] = useState("");
  const [problems, setProblems] = useState<FormProblem[]>([]);
  const [attempt, setAttempt] = useState(0);
  const [busy, setBusy] = useState(false);
  const activities =
    plan.state === "ready"
      ? (plan.data.content.parts.find((p) => p.id === "information")?.activities ?? [])
      : [];
  const activityText = (id: string | null) =>
    id === null ? "" : (activities.find((a) => a.id === id)?.description ?? id);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    try {
      await api.post(`${base}/information-records`, {
        activityId: activityId === "" ? null : activityId,
        audience,
        informedOn,
        method,
      });
      setAudience("");
      setMethod("");
      setProblems([]);
      announce(t("routine.records.saved"));
      records.reload();
    } catch (err) {
      setProblems(
        problemsOf(
          err,
          (path) =>
            ["audience", "informedOn", "activityId", "method"].includes(path)
              ? `info-${path}`
              : null,
          t("common.failed"),
        ),
      );
      setAttempt((n) => n + 1);
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <Heading level={2} data-size="sm" className="plan-heading">
        {t("routine.records.heading")}
      </Heading>
      {records.state !== "ready" ? (
        <Spinner aria-label={t("common.loading")} />
      ) : records.data.length === 0 ? (
        <Paragraph data-size="sm">{t("routine.records.empty")}</Paragraph>
      ) : (
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be focusable
        <section className="table-scroll" aria-labelledby={captionId} tabIndex={0}>
          <Table zebra border data-size="sm">
            <caption id={captionId}>{t("routine.records.caption")}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t("routine.records.date")}</Table.HeaderCell>
                <Table.HeaderCell>{t("routine.records.audience")}</Table.HeaderCell>
                <Table.HeaderCell>{t("routine.records.activity")}</Table.HeaderCell>
                <Table.HeaderCell>{t("routine.records.method")}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {records.data.map((r) => (
                <Table.Row key={r.id}>
                  <Table.Cell>{fmtDate(r.informedOn)}</Table.Cell>
                  <Table.Cell>{r.audience}</Table.Cell>
                  <Table.Cell>{activityText(r.activityId)}</Table.Cell>
                  <Table.Cell>{r.method}</Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </section>
      )}
      {manage ? (
        <Card data-color="neutral" className="plan-card">
          <Heading level={3} data-size="xs">
            {t("routine.records.new")}
          </Heading>
          <form onSubmit={submit} noValidate className="plan-form">
            <FormErrors problems={problems} attempt={attempt} />
            <Textfield
              id="info-audience"
              label={t("routine.records.audience")}
              description={t("routine.records.audienceHelp")}
              value={audience}
              onChange={(e) => setAudience(e.target.value)}
              error={errorFor(problems, "info-audience")}
            />
            <Textfield
              id="info-informedOn"
              type="date"
              label={t("routine.records.date")}
              value={informedOn}
              onChange={(e) => setInformedOn(e.target.value)}
              error={errorFor(problems, "info-informedOn")}
            />
            <Field>
              <Label htmlFor="info-activityId">{t("routine.records.activity")}</Label>
              <Select
                id="info-activityId"
                value={activityId}
                onChange={(e) => setActivityId(e.target.value)}
              >
                <Select.Option value="">{t("routine.records.noActivity")}</Select.Option>
                {activities.map((a) => (
                  <Select.Option key={a.id} value={a.id}>
                    {`${a.description.slice(0, 80)} (${a.deadlineText})`}
                  </Select.Option>
                ))}
              </Select>
            </Field>
            <Textfield
              id="info-method"
              label={t("routine.records.method")}
              value={method}
              onChange={(e) => setMethod(e.target.value)}
              error={errorFor(problems, "info-method")}
            />
            <div>
              <Button type="submit" aria-disabled={busy}>
                {t("routine.records.save")}
              </Button>
            </div>
          </form>
        </Card>
      ) : null}
    </>
  );
}

function ConfirmationList({ schoolId, planId }: { schoolId: string; planId: string }) {
  const { t } = useTranslation("plans");
  const { t: tr } = useTranslation("roles");
  const load = useApiData<Confirmations>(
    `/api/schools/${schoolId}/plans/${planId}/routine-confirmations`,
  );
  const captionId = useId();
  if (load.state !== "ready") return <Spinner aria-label={t("common.loading")} />;
  const c = load.data;
  return (
    <>
      <Heading level={2} data-size="sm" className="plan-heading">
        {t("routine.confirmations.heading")}
      </Heading>
      <Paragraph>
        {t("routine.confirmations.summary", { confirmed: c.confirmed, total: c.total })}
      </Paragraph>
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be focusable */}
      <section className="table-scroll" aria-labelledby={captionId} tabIndex={0}>
        <Table zebra border data-size="sm">
          <caption id={captionId}>{t("routine.confirmations.caption")}</caption>
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell>{t("routine.confirmations.name")}</Table.HeaderCell>
              <Table.HeaderCell>{t("routine.confirmations.roles")}</Table.HeaderCell>
              <Table.HeaderCell>{t("routine.confirmations.confirmed")}</Table.HeaderCell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {c.staff.map((s) => (
              <Table.Row key={s.id}>
                <Table.Cell>{s.name}</Table.Cell>
                <Table.Cell>{s.roles.map((r) => tr(`name.${r}` as never)).join(", ")}</Table.Cell>
                <Table.Cell>
                  {s.confirmedAt ? (
                    fmtDate(s.confirmedAt)
                  ) : (
                    <Tag data-color="warning">{t("routine.confirmations.notYet")}</Tag>
                  )}
                </Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      </section>
    </>
  );
}
