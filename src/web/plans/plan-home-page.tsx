// The action plan's home: the version in force with its links (year wheel, tasks, overview,
// evaluation, meetings, information and routine, the public addresses), every version, and
// for the principal and deputy the form that creates the plan from a template.
import {
  Alert,
  Button,
  Card,
  Link as DsLink,
  Field,
  Heading,
  Label,
  Paragraph,
  Select,
  Spinner,
  Table,
  Textfield,
} from "@digdir/designsystemet-react";
import { type FormEvent, useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router";
import { useAnnounce } from "../app/announcer.tsx";
import { api } from "../app/api.ts";
import { useSession } from "../app/session.tsx";
import { errorFor, FormErrors, type FormProblem, problemsOf } from "../ui/form-errors.tsx";
import { Page } from "../ui/page.tsx";
import { useCan } from "../ui/use-can.ts";
import { currentPlanOf, fmtDate, StatusTag, useApiData, usePlanList } from "./shared.tsx";
import type { PlanView, TemplateInfo } from "./types.ts";

export function PlanHomePage() {
  const { t } = useTranslation("plans");
  const { activeSchool } = useSession();
  const can = useCan();
  const list = usePlanList();
  const captionId = useId();

  if (!activeSchool) {
    return (
      <Page title={t("home.title")}>
        <Paragraph>{t("common.noSchool")}</Paragraph>
      </Page>
    );
  }
  const manage = can("plan.manage");
  const current = list.state === "ready" ? currentPlanOf(list.data) : null;

  return (
    <Page
      title={t("home.title")}
      lead={<Paragraph>{t("home.lead", { school: activeSchool.name })}</Paragraph>}
    >
      {list.state === "error" ? (
        <Alert data-color="danger">{list.message}</Alert>
      ) : list.state === "loading" ? (
        <Spinner aria-label={t("common.loading")} />
      ) : (
        <>
          <Card data-color="neutral" className="plan-card">
            <Heading level={2} data-size="sm">
              {t("home.current")}
            </Heading>
            {current ? (
              <>
                <Paragraph>
                  {t("home.currentVersion", {
                    version: current.version,
                    year: current.schoolYearName,
                    date: fmtDate(current.publishedOn),
                  })}
                </Paragraph>
                <ul className="plan-link-list">
                  <li>
                    <DsLink asChild>
                      <Link to={`/plans/${current.id}`}>{t("home.links.read")}</Link>
                    </DsLink>
                  </li>
                  <li>
                    <DsLink asChild>
                      <Link to={`/plans/${current.id}/year-wheel`}>
                        {t("home.links.yearWheel")}
                      </Link>
                    </DsLink>
                  </li>
                  <li>
                    <DsLink asChild>
                      <Link to="/tasks">{t("home.links.tasks")}</Link>
                    </DsLink>
                  </li>
                  {can("plan.overview") ? (
                    <li>
                      <DsLink asChild>
                        <Link to="/plan-progress">{t("home.links.overview")}</Link>
                      </DsLink>
                    </li>
                  ) : null}
                  {can("plan.duty.read") ? (
                    <li>
                      <DsLink asChild>
                        <Link to="/plans/duties">{t("duties.recordsLink")}</Link>
                      </DsLink>
                    </li>
                  ) : null}
                  <li>
                    <DsLink asChild>
                      <Link to="/plans/routine">{t("home.links.routine")}</Link>
                    </DsLink>
                  </li>
                  <li>
                    <DsLink asChild>
                      <Link to="/plans/meetings">{t("home.links.meetings")}</Link>
                    </DsLink>
                  </li>
                  {manage ? (
                    <li>
                      <DsLink asChild>
                        <Link to="/plans/evaluation">{t("home.links.evaluation")}</Link>
                      </DsLink>
                    </li>
                  ) : null}
                </ul>
              </>
            ) : (
              <Paragraph>{t("common.noPublished")}</Paragraph>
            )}
          </Card>

          {current ? <PublicAddresses schoolId={activeSchool.id} /> : null}

          <Heading level={2} data-size="sm" className="plan-heading">
            {t("home.versions.heading")}
          </Heading>
          {list.data.plans.length === 0 ? (
            <Paragraph>{t("home.versions.empty")}</Paragraph>
          ) : (
            // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be focusable
            <section className="table-scroll" aria-labelledby={captionId} tabIndex={0}>
              <Table zebra border data-size="sm">
                <caption id={captionId}>{t("home.versions.caption")}</caption>
                <Table.Head>
                  <Table.Row>
                    <Table.HeaderCell>{t("home.versions.version")}</Table.HeaderCell>
                    <Table.HeaderCell>{t("home.versions.schoolYear")}</Table.HeaderCell>
                    <Table.HeaderCell>{t("home.versions.status")}</Table.HeaderCell>
                    <Table.HeaderCell>{t("home.versions.published")}</Table.HeaderCell>
                  </Table.Row>
                </Table.Head>
                <Table.Body>
                  {list.data.plans.map((p) => (
                    <Table.Row key={p.id}>
                      <Table.Cell>
                        <DsLink asChild>
                          <Link to={`/plans/${p.id}`}>
                            {t("home.versions.open", { version: p.version })}
                          </Link>
                        </DsLink>
                      </Table.Cell>
                      <Table.Cell>{p.schoolYearName}</Table.Cell>
                      <Table.Cell>
                        <StatusTag status={p.status} />
                      </Table.Cell>
                      <Table.Cell>{fmtDate(p.publishedOn)}</Table.Cell>
                    </Table.Row>
                  ))}
                </Table.Body>
              </Table>
            </section>
          )}

          {manage ? (
            <CreatePlan
              schoolId={activeSchool.id}
              years={list.data.schoolYears.filter(
                (y) => !list.data.plans.some((p) => p.schoolYearId === y.id),
              )}
            />
          ) : null}
        </>
      )}
    </Page>
  );
}

function PublicAddresses({ schoolId }: { schoolId: string }) {
  const { t } = useTranslation("plans");
  const origin = window.location.origin;
  const html = `${origin}/public/schools/${schoolId}/plan`;
  const embed = `<iframe src="${html}" title="${t("public.title")}" style="width:100%;height:80vh;border:0"></iframe>`;
  return (
    <Card data-color="neutral" className="plan-card">
      <Heading level={2} data-size="sm">
        {t("home.publication.heading")}
      </Heading>
      <Paragraph data-size="sm">{t("home.publication.help")}</Paragraph>
      <ul className="plan-link-list">
        <li>
          <DsLink asChild>
            <Link to={`/plan/${schoolId}`}>{t("home.publication.page")}</Link>
          </DsLink>
        </li>
        <li>
          <DsLink href={html}>{t("home.publication.html")}</DsLink>
        </li>
        <li>
          <DsLink href={`${html}.pdf`}>{t("home.publication.pdf")}</DsLink>
        </li>
        <li>
          <DsLink href={`/api/public/schools/${schoolId}/plan.ics`}>
            {t("home.publication.ics")}
          </DsLink>
        </li>
      </ul>
      <Textfield
        label={t("home.publication.embed")}
        multiline
        rows={3}
        readOnly
        value={embed}
        data-size="sm"
      />
    </Card>
  );
}

function CreatePlan({
  schoolId,
  years,
}: {
  schoolId: string;
  years: { id: string; label: string }[];
}) {
  const { t } = useTranslation("plans");
  const navigate = useNavigate();
  const announce = useAnnounce();
  const templates = useApiData<TemplateInfo[]>(`/api/schools/${schoolId}/plan-templates`);
  const [templateId, setTemplateId] = useState("");
  const [yearId, setYearId] = useState("");
  const [problems, setProblems] = useState<FormProblem[]>([]);
  const [attempt, setAttempt] = useState(0);
  const [busy, setBusy] = useState(false);

  const chosenTemplate =
    templateId || (templates.state === "ready" ? (templates.data[0]?.id ?? "") : "");
  const chosenYear = yearId || (years[0]?.id ?? "");

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    try {
      const plan = await api.post<PlanView>(`/api/schools/${schoolId}/plans`, {
        templateId: chosenTemplate,
        schoolYearId: chosenYear,
      });
      announce(t("home.create.created"));
      navigate(`/plans/${plan.id}`);
    } catch (err) {
      setProblems(
        problemsOf(
          err,
          (path) =>
            path === "templateId" ? "plan-template" : path === "schoolYearId" ? "plan-year" : null,
          t("common.failed"),
        ),
      );
      setAttempt((n) => n + 1);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card data-color="neutral" className="plan-card">
      <Heading level={2} data-size="sm">
        {t("home.create.heading")}
      </Heading>
      {years.length === 0 ? (
        <Paragraph data-size="sm">{t("home.create.noYears")}</Paragraph>
      ) : templates.state !== "ready" ? (
        <Spinner aria-label={t("common.loading")} />
      ) : (
        <form onSubmit={submit} noValidate className="plan-form">
          <FormErrors problems={problems} attempt={attempt} />
          <Paragraph data-size="sm">{t("home.create.help")}</Paragraph>
          <Field>
            <Label htmlFor="plan-template">{t("home.create.template")}</Label>
            <Select
              id="plan-template"
              value={chosenTemplate}
              onChange={(e) => setTemplateId(e.target.value)}
              aria-invalid={errorFor(problems, "plan-template") ? true : undefined}
            >
              {templates.data.map((tpl) => (
                <Select.Option key={tpl.id} value={tpl.id}>
                  {tpl.name}
                </Select.Option>
              ))}
            </Select>
          </Field>
          <Field>
            <Label htmlFor="plan-year">{t("home.create.schoolYear")}</Label>
            <Select
              id="plan-year"
              value={chosenYear}
              onChange={(e) => setYearId(e.target.value)}
              aria-invalid={errorFor(problems, "plan-year") ? true : undefined}
            >
              {years.map((y) => (
                <Select.Option key={y.id} value={y.id}>
                  {y.label}
                </Select.Option>
              ))}
            </Select>
          </Field>
          <div>
            <Button type="submit" aria-disabled={busy}>
              {busy ? t("common.saving") : t("home.create.submit")}
            </Button>
          </div>
        </form>
      )}
    </Card>
  );
}
