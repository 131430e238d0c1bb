// The leadership's overview of the plan in force: completion by part, by role, by class and
// teaching group, and the overdue tasks with who and where. Numbers count tasks due before
// today; a task due today is not late yet.
import {
  Alert,
  Card,
  Link as DsLink,
  Heading,
  Paragraph,
  Spinner,
  Table,
} from "@digdir/designsystemet-react";
import { type ReactNode, useId } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useSession } from "../app/session.tsx";
import { Page } from "../ui/page.tsx";
import { currentPlanOf, fmtDate, percent, useApiData, usePlanList } from "./shared.tsx";
import type { Overview, ProgressCounts } from "./types.ts";

export function OverviewPage() {
  const { t } = useTranslation("plans");
  const { t: tr } = useTranslation("roles");
  const { activeSchool } = useSession();
  const list = usePlanList();
  const current = list.state === "ready" ? currentPlanOf(list.data) : null;
  const load = useApiData<Overview>(
    activeSchool && current ? `/api/schools/${activeSchool.id}/plans/${current.id}/overview` : null,
  );
  if (!activeSchool) {
    return (
      <Page title={t("overview.title")}>
        <Paragraph>{t("common.noSchool")}</Paragraph>
      </Page>
    );
  }
  if (list.state === "ready" && !current) {
    return (
      <Page title={t("overview.title")}>
        <Paragraph>{t("common.noPublished")}</Paragraph>
      </Page>
    );
  }
  if (load.state !== "ready" || !current) {
    return (
      <Page title={t("overview.title")}>
        {load.state === "error" ? (
          <Alert data-color="danger">{load.message}</Alert>
        ) : list.state === "error" ? (
          <Alert data-color="danger">{list.message}</Alert>
        ) : (
          <Spinner aria-label={t("common.loading")} />
        )}
      </Page>
    );
  }
  const o = load.data;
  return (
    <Page
      title={t("overview.title")}
      lead={
        <Paragraph>
          {t("overview.lead", {
            date: fmtDate(o.today),
            version: current.version,
            year: current.schoolYearName,
          })}
        </Paragraph>
      }
    >
      <Paragraph>
        <DsLink asChild>
          <Link to={`/plans/${current.id}/year-wheel`}>{t("home.links.yearWheel")}</Link>
        </DsLink>
      </Paragraph>
      <dl className="plan-stats">
        <Stat label={t("overview.stats.completion")} value={percent(o.overall.completion)} />
        <Stat label={t("overview.stats.done")} value={o.overall.done} />
        <Stat label={t("overview.stats.dueSoFar")} value={o.overall.dueSoFar} />
        <Stat label={t("overview.stats.overdue")} value={o.overall.overdue} />
        <Stat label={t("overview.stats.total")} value={o.overall.total} />
      </dl>
      <CountsTable
        heading={t("overview.byPart")}
        rows={o.byPart.map((p) => ({ key: p.partId, name: p.title, counts: p.counts }))}
      />
      <CountsTable
        heading={t("overview.byRole")}
        rows={o.byRole.map((r) => ({
          key: r.role,
          name: tr(`name.${r.role}` as never),
          counts: r.counts,
        }))}
      />
      <CountsTable
        heading={t("overview.byGroup")}
        rows={o.byGroup.map((g) => ({ key: g.groupId, name: g.name, counts: g.counts }))}
      />
      <OverdueTable overview={o} />
      {o.unassigned > 0 ? (
        <Paragraph data-size="sm" className="plan-muted">
          {t("overview.unassigned", { count: o.unassigned })}
        </Paragraph>
      ) : null}
    </Page>
  );
}

function Stat({ label, value }: { label: string; value: ReactNode }) {
  return (
    <Card data-color="neutral" className="plan-stat">
      <dt>{label}</dt>
      <dd>{value}</dd>
    </Card>
  );
}

function CountsTable({
  heading,
  rows,
}: {
  heading: string;
  rows: { key: string; name: string; counts: ProgressCounts }[];
}) {
  const { t } = useTranslation("plans");
  const captionId = useId();
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be focusable
    <section className="table-scroll plan-block" aria-labelledby={captionId} tabIndex={0}>
      <Table zebra border data-size="sm">
        <caption id={captionId}>
          <Heading level={2} data-size="xs">
            {heading}
          </Heading>
        </caption>
        <Table.Head>
          <Table.Row>
            <Table.HeaderCell>{t("overview.columns.name")}</Table.HeaderCell>
            <Table.HeaderCell>{t("overview.columns.completion")}</Table.HeaderCell>
            <Table.HeaderCell>{t("overview.columns.done")}</Table.HeaderCell>
            <Table.HeaderCell>{t("overview.columns.overdue")}</Table.HeaderCell>
            <Table.HeaderCell>{t("overview.columns.total")}</Table.HeaderCell>
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {rows.length === 0 ? (
            <Table.Row>
              <Table.Cell colSpan={5}>{t("overview.empty")}</Table.Cell>
            </Table.Row>
          ) : (
            rows.map((r) => (
              <Table.Row key={r.key}>
                <Table.HeaderCell scope="row">{r.name}</Table.HeaderCell>
                <Table.Cell>{percent(r.counts.completion)}</Table.Cell>
                <Table.Cell>{r.counts.done}</Table.Cell>
                <Table.Cell>{r.counts.overdue}</Table.Cell>
                <Table.Cell>{r.counts.total}</Table.Cell>
              </Table.Row>
            ))
          )}
        </Table.Body>
      </Table>
    </section>
  );
}

function OverdueTable({ overview }: { overview: Overview }) {
  const { t } = useTranslation("plans");
  const captionId = useId();
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be focusable
    <section className="table-scroll plan-block" aria-labelledby={captionId} tabIndex={0}>
      <Table zebra border data-size="sm">
        <caption id={captionId}>
          <Heading level={2} data-size="xs">
            {t("overview.overdue.heading", { count: overview.overdueTotal })}
          </Heading>
        </caption>
        <Table.Head>
          <Table.Row>
            <Table.HeaderCell>{t("overview.overdue.due")}</Table.HeaderCell>
            <Table.HeaderCell>{t("overview.overdue.activity")}</Table.HeaderCell>
            <Table.HeaderCell>{t("overview.overdue.person")}</Table.HeaderCell>
            <Table.HeaderCell>{t("overview.overdue.group")}</Table.HeaderCell>
            <Table.HeaderCell>{t("overview.overdue.days")}</Table.HeaderCell>
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {overview.overdue.length === 0 ? (
            <Table.Row>
              <Table.Cell colSpan={5}>{t("overview.overdue.none")}</Table.Cell>
            </Table.Row>
          ) : (
            overview.overdue.map((o) => (
              <Table.Row key={`${o.occurrenceKey}-${o.person.id}-${o.group?.id ?? ""}`}>
                <Table.Cell>{fmtDate(o.dueOn)}</Table.Cell>
                <Table.Cell>{o.description}</Table.Cell>
                <Table.Cell>{o.person.name}</Table.Cell>
                <Table.Cell>{o.group?.name ?? ""}</Table.Cell>
                <Table.Cell>{o.daysOverdue}</Table.Cell>
              </Table.Row>
            ))
          )}
        </Table.Body>
      </Table>
      {overview.overdueTotal > overview.overdue.length ? (
        <Paragraph data-size="sm">
          {t("overview.overdue.more", {
            shown: overview.overdue.length,
            total: overview.overdueTotal,
          })}
        </Paragraph>
      ) : null}
    </section>
  );
}
