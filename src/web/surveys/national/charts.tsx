// The two charts of the results page, drawn with recharts as SVG with its keyboard
// accessibility layer, a title and a description; each is followed by the same figures as a
// table (the table is the accessible source of truth, ADR 0115).
import { Details, Table } from "@digdir/designsystemet-react";
import { useId } from "react";
import { useTranslation } from "react-i18next";
import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import { type NationalResult, scoreText, trinnLabel } from "./format.ts";
import { ScrollRegion } from "./scroll.tsx";

/** Colours with at least 3:1 contrast on white, told apart by dash and marker as well. */
const COLOURS = ["#1f5aa6", "#b3261e", "#2e7d32", "#6a1b9a", "#8a5300", "#00696f", "#3d3d3d"];
const DASHES = ["", "6 3", "2 3", "8 3 2 3", "4 4", "1 2", ""];

export interface TrendProps {
  years: string[];
  indices: string[];
  /** The school's values for one gender and trinn. */
  values: NationalResult[];
  title: string;
  desc: string;
  caption: string;
}

export function TrendChart({ years, indices, values, title, desc, caption }: TrendProps) {
  const { t, i18n } = useTranslation("surveysNational");
  const headingId = useId();
  const find = (year: string, index: string) =>
    values.find((v) => v.schoolYear === year && v.indexName === index);
  const data = years.map((year) => {
    const point: Record<string, string | number | null> = { year };
    for (const index of indices) point[index] = find(year, index)?.score ?? null;
    return point;
  });
  return (
    <section className="national-chart" aria-labelledby={headingId}>
      <h2 id={headingId} className="ds-heading" data-size="sm">
        {title}
      </h2>
      <figure className="national-chart__figure">
        <ResponsiveContainer width="100%" height="100%">
          <LineChart
            data={data}
            accessibilityLayer
            title={title}
            desc={desc}
            margin={{ top: 10, right: 20, bottom: 10, left: 0 }}
          >
            <CartesianGrid strokeDasharray="3 3" stroke="#c6c6c6" />
            <XAxis dataKey="year" stroke="#3d3d3d" />
            <YAxis domain={[1, 5]} ticks={[1, 2, 3, 4, 5]} stroke="#3d3d3d" />
            <Tooltip />
            <Legend />
            {indices.map((index, i) => (
              <Line
                key={index}
                type="linear"
                dataKey={index}
                name={index}
                stroke={COLOURS[i % COLOURS.length]}
                strokeDasharray={DASHES[i % DASHES.length]}
                strokeWidth={2}
                dot={{ r: 4 }}
                connectNulls={false}
                isAnimationActive={false}
              />
            ))}
          </LineChart>
        </ResponsiveContainer>
      </figure>
      <Details>
        <Details.Summary>{t("results.tableToggle")}</Details.Summary>
        <Details.Content>
          <ScrollRegion label={caption}>
            <Table zebra border data-size="sm">
              <caption>{caption}</caption>
              <Table.Head>
                <Table.Row>
                  <Table.HeaderCell scope="col">{t("results.index")}</Table.HeaderCell>
                  {years.map((y) => (
                    <Table.HeaderCell key={y} scope="col">
                      {y}
                    </Table.HeaderCell>
                  ))}
                </Table.Row>
              </Table.Head>
              <Table.Body>
                {indices.map((index) => (
                  <Table.Row key={index}>
                    <Table.HeaderCell scope="row">{index}</Table.HeaderCell>
                    {years.map((y) => (
                      <Table.Cell key={y}>{scoreText(t, i18n.language, find(y, index))}</Table.Cell>
                    ))}
                  </Table.Row>
                ))}
              </Table.Body>
            </Table>
          </ScrollRegion>
        </Details.Content>
      </Details>
    </section>
  );
}

export interface CompareProps {
  trinn: string[];
  levels: NationalResult["level"][];
  /** One index, one year, one gender: every trinn and level. */
  values: NationalResult[];
  title: string;
  desc: string;
  caption: string;
}

export function CompareChart({ trinn, levels, values, title, desc, caption }: CompareProps) {
  const { t, i18n } = useTranslation("surveysNational");
  const headingId = useId();
  const find = (tr: string, level: string) =>
    values.find((v) => v.trinn === tr && v.level === level);
  const data = trinn.map((tr) => {
    const point: Record<string, string | number | null> = { trinn: trinnLabel(t, tr) };
    for (const level of levels) point[level] = find(tr, level)?.score ?? null;
    return point;
  });
  return (
    <section className="national-chart" aria-labelledby={headingId}>
      <h2 id={headingId} className="ds-heading" data-size="sm">
        {title}
      </h2>
      <figure className="national-chart__figure">
        <ResponsiveContainer width="100%" height="100%">
          <BarChart
            data={data}
            accessibilityLayer
            title={title}
            desc={desc}
            margin={{ top: 10, right: 20, bottom: 10, left: 0 }}
          >
            <CartesianGrid strokeDasharray="3 3" stroke="#c6c6c6" />
            <XAxis dataKey="trinn" stroke="#3d3d3d" />
            <YAxis domain={[1, 5]} ticks={[1, 2, 3, 4, 5]} stroke="#3d3d3d" />
            <Tooltip />
            <Legend />
            {levels.map((level, i) => (
              <Bar
                key={level}
                dataKey={level}
                name={t(`results.levels.${level}`)}
                fill={COLOURS[i % COLOURS.length]}
                isAnimationActive={false}
              />
            ))}
          </BarChart>
        </ResponsiveContainer>
      </figure>
      <Details>
        <Details.Summary>{t("results.tableToggle")}</Details.Summary>
        <Details.Content>
          <ScrollRegion label={caption}>
            <Table zebra border data-size="sm">
              <caption>{caption}</caption>
              <Table.Head>
                <Table.Row>
                  <Table.HeaderCell scope="col">{t("results.trinn")}</Table.HeaderCell>
                  {levels.map((level) => (
                    <Table.HeaderCell key={level} scope="col">
                      {t(`results.levels.${level}`)}
                    </Table.HeaderCell>
                  ))}
                  <Table.HeaderCell scope="col">{t("results.bullied")}</Table.HeaderCell>
                  <Table.HeaderCell scope="col">{t("results.answered")}</Table.HeaderCell>
                </Table.Row>
              </Table.Head>
              <Table.Body>
                {trinn.map((tr) => {
                  const own = find(tr, "school");
                  return (
                    <Table.Row key={tr}>
                      <Table.HeaderCell scope="row">{trinnLabel(t, tr)}</Table.HeaderCell>
                      {levels.map((level) => (
                        <Table.Cell key={level}>
                          {scoreText(t, i18n.language, find(tr, level))}
                        </Table.Cell>
                      ))}
                      <Table.Cell>
                        {own?.shareBullied != null
                          ? `${new Intl.NumberFormat(i18n.language === "en" ? "en-GB" : "nb-NO").format(own.shareBullied)} %`
                          : t("results.noValue")}
                      </Table.Cell>
                      <Table.Cell>{own?.answered ?? t("results.noValue")}</Table.Cell>
                    </Table.Row>
                  );
                })}
              </Table.Body>
            </Table>
          </ScrollRegion>
        </Details.Content>
      </Details>
    </section>
  );
}
