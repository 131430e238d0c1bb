// The owner's compliance desk (issue #10): how each school keeps the duty-to-act deadlines in a
// school year, with the year before, as tables (the source of truth) and a chart drawn from
// the same numbers; CSV and the yearly state report as PDF. Counts and shares only.
import {
  Details,
  Link as DsLink,
  Field,
  Heading,
  Label,
  Paragraph,
  Select,
  Table,
} from "@digdir/designsystemet-react";
import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, XAxis, YAxis } from "recharts";
import { useSession } from "../app/session.tsx";
import { useApiData } from "../ui/api-data.ts";
import { Page } from "../ui/page.tsx";
import "./owner.css";

interface Share {
  due: number;
  onTime: number;
  share: number | null;
}
interface Figures {
  cases: number;
  openNow: number;
  serious: number;
  plan: Share;
  investigation: Share;
  medianWorkingDaysToPlan: number | null;
  overdueSteps: number;
  casesWithOverdueSteps: number;
  byKind: Record<string, number>;
  byMonth: Record<string, number>;
}
interface Year {
  label: string;
  schools: { id: string; name: string; figures: Figures }[];
  total: Figures;
}
interface Report {
  owner: { id: string; name: string };
  year: Year;
  previous: Year;
  years: string[];
}

const KINDS = [
  "pupil-reported",
  "staff-concern",
  "staff-violation",
  "leadership-violation",
] as const;

export function CompliancePage() {
  const { t, i18n } = useTranslation("compliance");
  const { user } = useSession();
  const owner = user?.owners[0] ?? null;
  const [year, setYear] = useState<string | null>(null);
  const query = year ? `?year=${year}` : "";
  const data = useApiData<Report>(owner ? `/api/owners/${owner.id}/compliance${query}` : null);
  const report = data.state === "ready" ? data.data : null;
  const label = report?.year.label ?? "";
  const lang = i18n.language === "nn" || i18n.language === "en" ? i18n.language : "nb";
  const exportUrl = (ext: string) =>
    owner ? `/api/owners/${owner.id}/compliance.${ext}?year=${label}&lang=${lang}` : "#";

  return (
    <Page
      title={t("title")}
      lead={
        owner && report ? (
          <Paragraph>{t("lead", { owner: report.owner.name, year: label })}</Paragraph>
        ) : null
      }
    >
      {!owner ? <Paragraph>{t("noOwner")}</Paragraph> : null}
      {data.state === "error" ? <Paragraph>{data.message}</Paragraph> : null}
      {report ? (
        <>
          <div className="compliance-tools">
            <Field>
              <Label htmlFor="compliance-year">{t("year")}</Label>
              <Select
                id="compliance-year"
                width="auto"
                value={label}
                onChange={(e) => setYear(e.target.value)}
              >
                {report.years.map((y) => (
                  <Select.Option key={y} value={y}>
                    {y}
                  </Select.Option>
                ))}
              </Select>
            </Field>
            <DsLink href={exportUrl("csv")} download>
              {t("exportCsv")}
            </DsLink>
            <DsLink href={exportUrl("pdf")} target="_blank" rel="noopener">
              {t("exportPdf")}
            </DsLink>
            <Link to="/owner/cases">{t("casesLink")}</Link>
          </div>
          <SchoolsTable year={report.year} />
          <TotalsTable report={report} />
          <PlanShareChart year={report.year} />
          <MonthTable year={report.year} />
          <KindTable year={report.year} />
          <Details>
            <Details.Summary>{t("definitions")}</Details.Summary>
            <Details.Content>
              <Paragraph>{t("definitionsText")}</Paragraph>
            </Details.Content>
          </Details>
        </>
      ) : null}
    </Page>
  );
}

function useShareText() {
  const { t } = useTranslation("compliance");
  return (s: Share) =>
    s.share === null
      ? t("noneDue")
      : t("share", { onTime: s.onTime, due: s.due, percent: Math.round(s.share * 100) });
}

function FigureCells({ f }: { f: Figures }) {
  const { t } = useTranslation("compliance");
  const share = useShareText();
  return (
    <>
      <Table.Cell>{f.cases}</Table.Cell>
      <Table.Cell>{f.openNow}</Table.Cell>
      <Table.Cell>{f.serious}</Table.Cell>
      <Table.Cell>{share(f.plan)}</Table.Cell>
      <Table.Cell>{share(f.investigation)}</Table.Cell>
      <Table.Cell>{f.medianWorkingDaysToPlan ?? t("noMedian")}</Table.Cell>
      <Table.Cell>{f.overdueSteps}</Table.Cell>
    </>
  );
}

function FigureHeaders({ first }: { first: string }) {
  const { t } = useTranslation("compliance");
  return (
    <Table.Head>
      <Table.Row>
        <Table.HeaderCell>{first}</Table.HeaderCell>
        <Table.HeaderCell>{t("columns.cases")}</Table.HeaderCell>
        <Table.HeaderCell>{t("columns.openNow")}</Table.HeaderCell>
        <Table.HeaderCell>{t("columns.serious")}</Table.HeaderCell>
        <Table.HeaderCell>{t("columns.planOnTime")}</Table.HeaderCell>
        <Table.HeaderCell>{t("columns.investigationOnTime")}</Table.HeaderCell>
        <Table.HeaderCell>{t("columns.medianDays")}</Table.HeaderCell>
        <Table.HeaderCell>{t("columns.overdue")}</Table.HeaderCell>
      </Table.Row>
    </Table.Head>
  );
}

function Scroll({ labelledBy, children }: { labelledBy: string; children: React.ReactNode }) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be focusable
    <section className="table-scroll" aria-labelledby={labelledBy} tabIndex={0}>
      {children}
    </section>
  );
}

function SchoolsTable({ year }: { year: Year }) {
  const { t } = useTranslation("compliance");
  const id = useId();
  return (
    <Scroll labelledBy={id}>
      <Table zebra data-size="sm">
        <caption id={id}>{t("caption", { year: year.label })}</caption>
        <FigureHeaders first={t("columns.school")} />
        <Table.Body>
          {year.schools.map((s) => (
            <Table.Row key={s.id}>
              <Table.HeaderCell scope="row">{s.name}</Table.HeaderCell>
              <FigureCells f={s.figures} />
            </Table.Row>
          ))}
          <Table.Row>
            <Table.HeaderCell scope="row">{t("total")}</Table.HeaderCell>
            <FigureCells f={year.total} />
          </Table.Row>
        </Table.Body>
      </Table>
    </Scroll>
  );
}

function TotalsTable({ report }: { report: Report }) {
  const { t } = useTranslation("compliance");
  const id = useId();
  return (
    <>
      <Heading level={2} data-size="sm" id={id}>
        {t("total")}
      </Heading>
      <Scroll labelledBy={id}>
        <Table zebra data-size="sm">
          <FigureHeaders first={t("year")} />
          <Table.Body>
            {[report.year, report.previous].map((y) => (
              <Table.Row key={y.label}>
                <Table.HeaderCell scope="row">{y.label}</Table.HeaderCell>
                <FigureCells f={y.total} />
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      </Scroll>
    </>
  );
}

function PlanShareChart({ year }: { year: Year }) {
  const { t } = useTranslation("compliance");
  const id = useId();
  const rows = year.schools
    .filter((s) => s.figures.plan.share !== null)
    .map((s) => ({ name: s.name, percent: Math.round((s.figures.plan.share ?? 0) * 100) }));
  if (rows.length === 0) return null;
  return (
    <figure className="compliance-figure" aria-labelledby={id}>
      <Heading level={2} data-size="sm" id={id}>
        {t("chartTitle")}
      </Heading>
      <div className="compliance-chart" role="img" aria-label={t("chartDesc")}>
        <ResponsiveContainer width="100%" height={Math.max(160, rows.length * 48)}>
          <BarChart data={rows} layout="vertical" margin={{ left: 16, right: 24 }}>
            <CartesianGrid strokeDasharray="3 3" horizontal={false} />
            <XAxis type="number" domain={[0, 100]} unit=" %" />
            <YAxis type="category" dataKey="name" width={160} />
            <Bar dataKey="percent" name={t("percent")} fill="#1e6b3a" isAnimationActive={false} />
          </BarChart>
        </ResponsiveContainer>
      </div>
      <Details>
        <Details.Summary>{t("chartTable")}</Details.Summary>
        <Details.Content>
          <Table data-size="sm">
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t("columns.school")}</Table.HeaderCell>
                <Table.HeaderCell>{t("percent")}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {rows.map((r) => (
                <Table.Row key={r.name}>
                  <Table.Cell>{r.name}</Table.Cell>
                  <Table.Cell>{r.percent} %</Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </Details.Content>
      </Details>
    </figure>
  );
}

function MonthTable({ year }: { year: Year }) {
  const { t, i18n } = useTranslation("compliance");
  const id = useId();
  const monthName = (key: string) =>
    new Intl.DateTimeFormat(i18n.language === "en" ? "en-GB" : "nb-NO", {
      month: "long",
      year: "numeric",
      timeZone: "UTC",
    }).format(new Date(`${key}-01T00:00:00Z`));
  return (
    <Scroll labelledBy={id}>
      <Table zebra data-size="sm">
        <caption id={id}>{t("byMonthCaption", { year: year.label })}</caption>
        <Table.Head>
          <Table.Row>
            <Table.HeaderCell>{t("month")}</Table.HeaderCell>
            <Table.HeaderCell>{t("count")}</Table.HeaderCell>
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {Object.entries(year.total.byMonth).map(([month, n]) => (
            <Table.Row key={month}>
              <Table.Cell>{monthName(month)}</Table.Cell>
              <Table.Cell>{n}</Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    </Scroll>
  );
}

function KindTable({ year }: { year: Year }) {
  const { t } = useTranslation("compliance");
  const id = useId();
  return (
    <Scroll labelledBy={id}>
      <Table zebra data-size="sm">
        <caption id={id}>{t("byKindCaption", { year: year.label })}</caption>
        <Table.Head>
          <Table.Row>
            <Table.HeaderCell>{t("kind")}</Table.HeaderCell>
            <Table.HeaderCell>{t("count")}</Table.HeaderCell>
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {KINDS.map((k) => (
            <Table.Row key={k}>
              <Table.Cell>{t(`kinds.${k}`)}</Table.Cell>
              <Table.Cell>{year.total.byKind[k] ?? 0}</Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    </Scroll>
  );
}
