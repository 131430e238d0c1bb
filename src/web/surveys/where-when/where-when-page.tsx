// "Hvor og når" (ADR 0117): where and when incidents happen, from the places and times given
// in reports (and later class surveys), for one half of a school year. Every number comes
// from the server already suppressed: a hidden number is hidden here too, in the table and
// the chart alike. The chart is a picture of the first table, which carries the same numbers.
import { Heading, Paragraph, Select, Table } from "@digdir/designsystemet-react";
import { useState } from "react";
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { useSession } from "../../app/session.tsx";
import { useApiData } from "../../ui/api-data.ts";
import { Page } from "../../ui/page.tsx";
import { useCheckinsT } from "./place-fields.tsx";
import "./where-when.css";

type Num = number | null;
interface Table2 {
  cells: Num[][];
  rowTotals: Num[];
  colTotals: Num[];
  total: Num;
}
interface WhereWhenView {
  k: number;
  items: Num;
  places: string[];
  weeks: string[];
  timeColumns: string[];
  byWeek: Table2;
  byTimeOfDay: Table2;
  period: string;
  periods: string[];
}

function Cell({ value, k }: { value: Num; k: number }) {
  const t = useCheckinsT();
  if (value !== null) return <>{value}</>;
  return (
    <span title={t("whereWhen.hiddenLong", { k })}>
      <span aria-hidden="true">–</span>
      <span className="where-when__sr">{t("whereWhen.hidden")}</span>
    </span>
  );
}

function CountTable({
  caption,
  columns,
  table,
  places,
  k,
}: {
  caption: string;
  columns: { key: string; label: string; index: number }[];
  table: Table2;
  places: string[];
  k: number;
}) {
  const t = useCheckinsT();
  return (
    // A wide table scrolls on its own on a phone; the region can be reached by keyboard.
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be focusable
    <section className="where-when__scroll" tabIndex={0} aria-label={caption}>
      <Table className="where-when__table" data-size="sm">
        <caption>{caption}</caption>
        <Table.Head>
          <Table.Row>
            <Table.HeaderCell scope="col">{t("whereWhen.placeColumn")}</Table.HeaderCell>
            {columns.map((c) => (
              <Table.HeaderCell key={c.key} scope="col">
                {c.label}
              </Table.HeaderCell>
            ))}
            <Table.HeaderCell scope="col">{t("whereWhen.total")}</Table.HeaderCell>
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {places.map((p, i) => (
            <Table.Row key={p}>
              <Table.HeaderCell scope="row">{t(`place.${p}`)}</Table.HeaderCell>
              {columns.map((c) => (
                <Table.Cell key={c.key}>
                  <Cell value={table.cells[i]?.[c.index] ?? null} k={k} />
                </Table.Cell>
              ))}
              <Table.Cell>
                <Cell value={table.rowTotals[i] ?? null} k={k} />
              </Table.Cell>
            </Table.Row>
          ))}
          <Table.Row>
            <Table.HeaderCell scope="row">{t("whereWhen.total")}</Table.HeaderCell>
            {columns.map((c) => (
              <Table.Cell key={c.key}>
                <Cell value={table.colTotals[c.index] ?? null} k={k} />
              </Table.Cell>
            ))}
            <Table.Cell>
              <Cell value={table.total} k={k} />
            </Table.Cell>
          </Table.Row>
        </Table.Body>
      </Table>
    </section>
  );
}

export function WhereWhenPage() {
  const t = useCheckinsT();
  const { activeSchool } = useSession();
  const [period, setPeriod] = useState<string | null>(null);
  const url = activeSchool
    ? `/api/schools/${activeSchool.id}/where-when${period ? `?period=${period}` : ""}`
    : null;
  const data = useApiData<WhereWhenView>(url);
  const periodLabel = (key: string) => {
    const [year, half] = key.split("-");
    return t(`whereWhen.periodName.${half}`, { year });
  };

  if (data.state !== "ready") {
    return (
      <Page title={t("whereWhen.title")}>
        <Paragraph>{data.state === "error" ? data.message : "…"}</Paragraph>
      </Page>
    );
  }
  const v = data.data;
  const timeCols = v.timeColumns.map((key, index) => ({
    key,
    label: t(`timeOfDay.${key}`),
    index,
  }));
  // Weeks where something was given (a hidden or non-zero count); the rest are all zero.
  const weekCols = v.weeks
    .map((key, index) => ({ key, label: t("whereWhen.week", { week: key.slice(6) }), index }))
    .filter((c) => v.byWeek.colTotals[c.index] !== 0);
  const chartData = v.places
    .map((p, i) => ({ place: t(`place.${p}`), count: v.byWeek.rowTotals[i] }))
    .filter((d): d is { place: string; count: number } => typeof d.count === "number");

  return (
    <Page
      title={t("whereWhen.title")}
      lead={<Paragraph>{t("whereWhen.intro", { k: v.k })}</Paragraph>}
    >
      <label className="cases-select where-when__period" htmlFor="where-when-period">
        {t("whereWhen.period")}
        <Select id="where-when-period" value={v.period} onChange={(e) => setPeriod(e.target.value)}>
          {v.periods.map((p) => (
            <Select.Option key={p} value={p}>
              {periodLabel(p)}
            </Select.Option>
          ))}
        </Select>
      </label>
      {v.items === null ? (
        <Paragraph>{t("whereWhen.fewItems", { k: v.k })}</Paragraph>
      ) : (
        <>
          <Paragraph>{t("whereWhen.items", { count: v.items })}</Paragraph>
          <Heading level={2} data-size="sm">
            {t("whereWhen.byPlace")}
          </Heading>
          <figure className="where-when__figure">
            <figcaption>
              {t("whereWhen.chartTitle")}. {t("whereWhen.chartNote")}
            </figcaption>
            <div className="where-when__chart">
              <ResponsiveContainer width="100%" height={Math.max(160, chartData.length * 36)}>
                <BarChart
                  data={chartData}
                  layout="vertical"
                  accessibilityLayer
                  margin={{ left: 8, right: 16, top: 8, bottom: 8 }}
                  title={t("whereWhen.chartTitle")}
                >
                  <CartesianGrid strokeDasharray="3 3" horizontal={false} />
                  <XAxis type="number" allowDecimals={false} />
                  <YAxis type="category" dataKey="place" width={140} />
                  <Tooltip />
                  <Bar
                    dataKey="count"
                    name={t("whereWhen.total")}
                    fill="var(--ds-color-accent-base-default)"
                  />
                </BarChart>
              </ResponsiveContainer>
            </div>
          </figure>
        </>
      )}
      <Heading level={2} data-size="sm">
        {t("whereWhen.byTime")}
      </Heading>
      <CountTable
        caption={`${t("whereWhen.byTime")} · ${periodLabel(v.period)}`}
        columns={timeCols}
        table={v.byTimeOfDay}
        places={v.places}
        k={v.k}
      />
      <Heading level={2} data-size="sm">
        {t("whereWhen.byWeek")}
      </Heading>
      <Paragraph data-size="sm">{t("whereWhen.onlyWeeksWithData")}</Paragraph>
      <CountTable
        caption={`${t("whereWhen.byWeek")} · ${periodLabel(v.period)}`}
        columns={weekCols}
        table={v.byWeek}
        places={v.places}
        k={v.k}
      />
    </Page>
  );
}
