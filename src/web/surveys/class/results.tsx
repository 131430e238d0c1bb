// One released result: per question a bar chart (recharts, accessible SVG) and the same
// numbers as a table. Hidden cells are shown as hidden, never as zero.
import { Heading, Paragraph, Table } from "@digdir/designsystemet-react";
import { useId } from "react";
import { useTranslation } from "react-i18next";
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { QuestionResult } from "../../../core/surveys/class/suppression.ts";
import type { SurveyQuestion } from "../../../core/surveys/class/types.ts";
import { textOf } from "./answer-form.tsx";
import type { ReleasedResult, SurveyDefinition } from "./types.ts";

function optionLabel(q: SurveyQuestion, option: string, yes: string, no: string): string {
  if (q.kind === "scale") return option;
  if (q.kind === "yesNo") return option === "yes" ? yes : no;
  const o = q.options?.find((x) => x.id === option);
  return o ? textOf(o.text) : option;
}

function QuestionBlock({
  q,
  r,
  freeText,
}: {
  q: SurveyQuestion;
  r: QuestionResult;
  freeText: boolean;
}) {
  const { t } = useTranslation("surveysClass");
  const captionId = useId();
  const title = textOf(q.text);
  if (!r.shown) {
    return (
      <section className="survey-result">
        <Heading level={3} data-size="xs">
          {title}
        </Heading>
        <Paragraph data-size="sm">{t("survey.hiddenQuestion")}</Paragraph>
      </section>
    );
  }
  if (q.kind === "freeText") {
    return (
      <section className="survey-result">
        <Heading level={3} data-size="xs">
          {title}
        </Heading>
        {!freeText || r.texts === null ? (
          <Paragraph data-size="sm">{t("survey.freeTextHidden")}</Paragraph>
        ) : r.texts.length === 0 ? (
          <Paragraph data-size="sm">{t("survey.noFreeText")}</Paragraph>
        ) : (
          <ul className="survey-texts" aria-label={t("survey.freeText")}>
            {r.texts.map((text, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: the same text may come twice
              <li key={i}>{text}</li>
            ))}
          </ul>
        )}
      </section>
    );
  }
  const rows = r.cells.map((c) => ({
    label: optionLabel(q, c.option, t("answer.yes"), t("answer.no")),
    count: c.count,
  }));
  const chartData = rows.map((row) => ({ label: row.label, count: row.count ?? 0 }));
  return (
    <section className="survey-result">
      <Heading level={3} data-size="xs">
        {title}
      </Heading>
      <Paragraph data-size="sm">
        {t("survey.respondents", { n: r.respondents })}
        {r.mean !== null ? ` · ${t("survey.mean", { mean: r.mean })}` : ""}
      </Paragraph>
      <div className="survey-chart">
        <ResponsiveContainer width="100%" height={200}>
          <BarChart
            data={chartData}
            accessibilityLayer
            title={title}
            margin={{ top: 8, right: 8, left: 0, bottom: 8 }}
          >
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis dataKey="label" interval={0} tick={{ fontSize: 12 }} />
            <YAxis allowDecimals={false} width={32} />
            <Tooltip />
            <Bar
              dataKey="count"
              name={t("survey.count")}
              fill="var(--ds-color-accent-base-default)"
            />
          </BarChart>
        </ResponsiveContainer>
      </div>
      <Table data-size="sm" aria-describedby={captionId} className="survey-table">
        <caption id={captionId}>{t("survey.tableCaption", { question: title })}</caption>
        <Table.Head>
          <Table.Row>
            <Table.HeaderCell>{t("survey.option")}</Table.HeaderCell>
            <Table.HeaderCell>{t("survey.count")}</Table.HeaderCell>
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {rows.map((row) => (
            <Table.Row key={row.label}>
              <Table.Cell>{row.label}</Table.Cell>
              <Table.Cell>{row.count === null ? t("survey.hidden") : row.count}</Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
      {rows.some((row) => row.count === null) ? (
        <Paragraph data-size="xs">{t("survey.hiddenNote")}</Paragraph>
      ) : null}
    </section>
  );
}

export function Results({
  definition,
  result,
  freeText,
}: {
  definition: SurveyDefinition;
  result: ReleasedResult;
  freeText: boolean;
}) {
  return (
    <div className="survey-results">
      {definition.questions.map((q, i) => {
        const r = result.questions[i];
        return r ? <QuestionBlock key={q.id} q={q} r={r} freeText={freeText} /> : null;
      })}
    </div>
  );
}
