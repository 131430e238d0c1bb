// The yearly evaluation's evidence (issue #9, "feeding back"): how far the plan has come, the
// school's Elevundersøkelsen indices over the years, and the activities that follow up a
// survey result, side by side, so the evaluation weighs the plan against how pupils say they
// are doing.
import { Card, Heading, Paragraph, Table } from "@digdir/designsystemet-react";
import { useId } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { PlanActivity } from "../../core/plans/types.ts";
import type { NationalResults } from "../surveys/national/format.ts";
import { scoreText } from "../surveys/national/format.ts";
import { NATIONAL_RESULTS_PATH } from "../surveys/national/results-page.tsx";
import { useApiData } from "../ui/api-data.ts";
import { FollowsUpNote } from "./follow-up.tsx";
import type { PlanView } from "./types.ts";

interface OverviewCounts {
  overall: { done: number; dueSoFar: number; completion: number | null };
}

export function PlanAndSurveys({ schoolId, planId }: { schoolId: string; planId: string }) {
  const { t, i18n } = useTranslation("plans");
  const { t: tn } = useTranslation("surveysNational");
  const captionId = useId();
  const overview = useApiData<OverviewCounts>(`/api/schools/${schoolId}/plans/${planId}/overview`);
  const national = useApiData<NationalResults>(`/api/schools/${schoolId}/national-surveys/results`);
  const plan = useApiData<PlanView>(`/api/schools/${schoolId}/plans/${planId}`);
  const activities: readonly PlanActivity[] =
    plan.state === "ready" ? plan.data.content.parts.flatMap((p) => p.activities) : [];
  const followUps = activities.filter((a) => a.followsUp);
  const data = national.state === "ready" ? national.data : null;
  const trinn = data?.trinn.includes("all") ? "all" : (data?.trinn[0] ?? "all");
  const school = (data?.results ?? []).filter(
    (r) => r.level === "school" && r.gender === "all" && r.trinn === trinn,
  );
  const years = data?.years ?? [];
  const overall = overview.state === "ready" ? overview.data.overall : null;

  return (
    <Card data-color="neutral" className="plan-card">
      <Heading level={2} data-size="sm">
        {t("evaluation.evidence.heading")}
      </Heading>
      {overall ? (
        <Paragraph>
          {overall.completion === null
            ? t("evaluation.evidence.nothingDue")
            : t("evaluation.evidence.completion", {
                done: overall.done,
                due: overall.dueSoFar,
                percent: Math.round(overall.completion * 100),
              })}
        </Paragraph>
      ) : null}
      {school.length > 0 ? (
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be focusable
        <section className="table-scroll" aria-labelledby={captionId} tabIndex={0}>
          <Table zebra data-size="sm">
            <caption id={captionId}>
              {t("evaluation.evidence.surveyCaption", {
                trinn: trinn === "all" ? tn("results.allTrinn") : trinn,
              })}
            </caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{tn("results.index")}</Table.HeaderCell>
                {years.map((y) => (
                  <Table.HeaderCell key={y}>{y}</Table.HeaderCell>
                ))}
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {(data?.indices ?? []).map((index) => (
                <Table.Row key={index}>
                  <Table.HeaderCell scope="row">{index}</Table.HeaderCell>
                  {years.map((y) => (
                    <Table.Cell key={y}>
                      {scoreText(
                        tn,
                        i18n.language,
                        school.find((r) => r.indexName === index && r.schoolYear === y),
                      )}
                    </Table.Cell>
                  ))}
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </section>
      ) : national.state === "ready" ? (
        <Paragraph data-size="sm">{t("evaluation.evidence.noSurvey")}</Paragraph>
      ) : null}
      <Paragraph data-size="sm">
        <Link to={NATIONAL_RESULTS_PATH}>{t("evaluation.evidence.allResults")}</Link>
      </Paragraph>
      <Heading level={3} data-size="xs">
        {t("evaluation.evidence.followUps")}
      </Heading>
      {followUps.length === 0 ? (
        <Paragraph data-size="sm">{t("evaluation.evidence.noFollowUps")}</Paragraph>
      ) : (
        <ul>
          {followUps.map((a) => (
            <li key={a.id}>
              {a.description}
              {a.followsUp ? <FollowsUpNote followsUp={a.followsUp} /> : null}
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
