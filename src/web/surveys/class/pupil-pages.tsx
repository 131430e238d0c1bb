// The pupil's pages: "Undersøkelser" (the open surveys of their own groups) and the answer
// page, which says on its first page that the answers are anonymous.
import { Alert, Card, Heading, Paragraph, Spinner, Tag } from "@digdir/designsystemet-react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import type { SurveyAnswer } from "../../../core/surveys/class/types.ts";
import { api } from "../../app/api.ts";
import { useApiData } from "../../ui/api-data.ts";
import { formatDateTime } from "../../ui/format.ts";
import { Page } from "../../ui/page.tsx";
import { AnswerForm } from "./answer-form.tsx";
import type { Answered, SurveyForm } from "./types.ts";

interface Mine {
  surveys: { id: string; title: string; groupName: string; closesAt: string; answered: boolean }[];
}

export function MySurveysPage() {
  const { t } = useTranslation("surveysClass");
  const data = useApiData<Mine>("/api/me/class-surveys");
  return (
    <Page title={t("answer.mine")} lead={<Paragraph>{t("answer.mineLead")}</Paragraph>} narrow>
      {data.state === "error" ? <Alert data-color="danger">{data.message}</Alert> : null}
      {data.state === "loading" ? <Spinner aria-label={t("common.loading")} /> : null}
      {data.state === "ready" && data.data.surveys.length === 0 ? (
        <Paragraph>{t("answer.noneOpen")}</Paragraph>
      ) : null}
      {data.state === "ready" ? (
        <ul className="survey-list">
          {data.data.surveys.map((s) => (
            <li key={s.id}>
              <Card data-color="neutral" className="survey-card">
                <Heading level={2} data-size="xs">
                  {s.answered ? s.title : <Link to={`/undersokelser/${s.id}`}>{s.title}</Link>}
                </Heading>
                <Paragraph data-size="sm">
                  {s.groupName} · {t("common.closesAt", { when: formatDateTime(s.closesAt) })}
                </Paragraph>
                {s.answered ? (
                  <Tag data-color="success" data-size="sm">
                    {t("answer.answered")}
                  </Tag>
                ) : null}
              </Card>
            </li>
          ))}
        </ul>
      ) : null}
    </Page>
  );
}

export function AnswerSurveyPage() {
  const { t } = useTranslation("surveysClass");
  const { surveyId } = useParams();
  const data = useApiData<SurveyForm>(surveyId ? `/api/class-surveys/${surveyId}/form` : null);
  const form = data.state === "ready" ? data.data : null;
  return (
    <Page
      title={form?.title ?? t("answer.mine")}
      lead={form ? <Paragraph>{form.groupName}</Paragraph> : undefined}
      actions={<Link to="/undersokelser">{t("answer.back")}</Link>}
      narrow
    >
      {data.state === "error" ? <Alert data-color="danger">{data.message}</Alert> : null}
      {data.state === "loading" ? <Spinner aria-label={t("common.loading")} /> : null}
      {form ? (
        <AnswerForm
          form={form}
          loggedIn
          send={(answer: SurveyAnswer) =>
            api.post<Answered>(`/api/class-surveys/${form.id}/answers`, answer)
          }
        />
      ) : null}
    </Page>
  );
}
