// The trinn summaries for the survey leaders: the classes with too few answers of their own,
// pooled per trinn and term once the term is over (src/core/surveys/class/suppression.ts).
import { Alert, Card, Heading, Paragraph, Spinner } from "@digdir/designsystemet-react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useSession } from "../../app/session.tsx";
import { useApiData } from "../../ui/api-data.ts";
import { formatDate } from "../../ui/format.ts";
import { Page } from "../../ui/page.tsx";
import { Results } from "./results.tsx";
import type { SurveyDefinition, TrinnSummary } from "./types.ts";

export function TrinnPage() {
  const { t } = useTranslation("surveysClass");
  const { user } = useSession();
  const schoolId = user?.activeSchoolId ?? null;
  const data = useApiData<{ summaries: TrinnSummary[]; definition: SurveyDefinition }>(
    schoolId ? `/api/schools/${schoolId}/class-surveys/trinn` : null,
  );
  const termLabel = (term: string) => {
    const [year, season] = term.split("-");
    return season === "autumn"
      ? t("trinn.terms.autumn", { year })
      : t("trinn.terms.spring", { year });
  };
  return (
    <Page
      title={t("trinn.title")}
      lead={<Paragraph>{t("trinn.lead")}</Paragraph>}
      actions={<Link to="/surveys/class">{t("common.back")}</Link>}
    >
      {data.state === "error" ? <Alert data-color="danger">{data.message}</Alert> : null}
      {data.state === "loading" ? <Spinner aria-label={t("common.loading")} /> : null}
      {data.state === "ready" && data.data.summaries.length === 0 ? (
        <Paragraph>{t("trinn.none")}</Paragraph>
      ) : null}
      {data.state === "ready"
        ? data.data.summaries.map((s) => (
            <Card key={s.key} data-color="neutral" className="survey-card">
              <Heading level={2} data-size="sm">
                {t("trinn.heading", { grade: s.grade, term: termLabel(s.term) })}
              </Heading>
              {s.groups.length > 0 ? (
                <Paragraph data-size="sm">
                  {t("trinn.groups", { groups: s.groups.join(", ") })}
                </Paragraph>
              ) : null}
              <Paragraph>
                {s.state === "notSealed"
                  ? t("trinn.states.notSealed", { when: formatDate(s.sealsAt) })
                  : t(`trinn.states.${s.state}`, { n: s.respondents })}
              </Paragraph>
              {s.result ? (
                <Results definition={data.data.definition} result={s.result} freeText />
              ) : null}
            </Card>
          ))
        : null}
    </Page>
  );
}
