// One class survey for its teacher: the class code in big letters with a QR code while it is
// open, the number of answers, and the results once the survey is closed with K answers.
import { Alert, Button, Card, Heading, Paragraph, Spinner } from "@digdir/designsystemet-react";
import QRCode from "qrcode";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useLocation, useParams } from "react-router";
import { useAnnounce } from "../../app/announcer.tsx";
import { api, isApiError } from "../../app/api.ts";
import { followUpSearch } from "../../plans/follow-up.tsx";
import { useApiData } from "../../ui/api-data.ts";
import { formatDateTime } from "../../ui/format.ts";
import { Page } from "../../ui/page.tsx";
import { useCan } from "../../ui/use-can.ts";
import { Results } from "./results.tsx";
import type { IssuedCode, SurveyResults } from "./types.ts";

function CodeCard({ code }: { code: IssuedCode }) {
  const { t } = useTranslation("surveysClass");
  const [qr, setQr] = useState<string | null>(null);
  const url = `${window.location.origin}/svar?kode=${code.code}`;
  useEffect(() => {
    let live = true;
    QRCode.toDataURL(url, { margin: 1, width: 240 }).then((d) => live && setQr(d));
    return () => {
      live = false;
    };
  }, [url]);
  return (
    <Card data-color="accent" className="survey-code">
      <Heading level={2} data-size="xs">
        {t("survey.code")}
      </Heading>
      <p className="survey-code__value">{code.code}</p>
      <Paragraph>{t("survey.codeHelp", { url: `${window.location.host}/svar` })}</Paragraph>
      {qr ? <img src={qr} alt={t("survey.qr")} width={240} height={240} /> : null}
      <Paragraph data-size="sm">
        {t("survey.codeExpires", { when: formatDateTime(code.expiresAt) })}
      </Paragraph>
    </Card>
  );
}

export function ClassSurveyPage() {
  const { t } = useTranslation("surveysClass");
  const { surveyId } = useParams();
  const location = useLocation();
  const announce = useAnnounce();
  const [code, setCode] = useState<IssuedCode | null>(
    (location.state as { code?: IssuedCode | null } | null)?.code ?? null,
  );
  const [error, setError] = useState<string | null>(null);
  const data = useApiData<SurveyResults>(surveyId ? `/api/class-surveys/${surveyId}` : null);
  const r = data.state === "ready" ? data.data : null;

  const act = async (fn: () => Promise<void>) => {
    setError(null);
    try {
      await fn();
      data.reload();
    } catch (err) {
      setError(isApiError(err) ? err.message : t("common.failed"));
    }
  };
  const close = () =>
    act(async () => {
      await api.post(`/api/class-surveys/${surveyId}/close`);
      setCode(null);
      announce(t("survey.closed"));
    });
  const newCode = () =>
    act(async () => {
      setCode(await api.post<IssuedCode>(`/api/class-surveys/${surveyId}/code`));
    });

  return (
    <Page
      title={r?.survey.title ?? t("list.title")}
      lead={
        r ? (
          <Paragraph>
            {r.survey.groupName} ·{" "}
            {r.survey.open
              ? t("common.closesAt", { when: formatDateTime(r.survey.closesAt) })
              : t("common.closedAt", { when: formatDateTime(r.survey.closesAt) })}
          </Paragraph>
        ) : undefined
      }
      actions={<Link to="/surveys/class">{t("common.back")}</Link>}
    >
      {data.state === "error" ? <Alert data-color="danger">{data.message}</Alert> : null}
      {data.state === "loading" ? <Spinner aria-label={t("common.loading")} /> : null}
      {error ? <Alert data-color="danger">{error}</Alert> : null}
      {r ? (
        <>
          {r.survey.open && code ? <CodeCard code={code} /> : null}
          {r.survey.open && !code && r.codeExpiresAt ? (
            <Paragraph>
              {t("survey.codeActive", { when: formatDateTime(r.codeExpiresAt) })}
            </Paragraph>
          ) : null}
          <Paragraph className="survey-count" aria-live="polite">
            {t("survey.answers", { answers: r.survey.answers, max: r.survey.maxAnswers })}
          </Paragraph>
          {r.survey.open && r.survey.canManage ? (
            <div className="survey-actions">
              <Button variant="secondary" onClick={data.reload}>
                {t("survey.refresh")}
              </Button>
              <Button variant="secondary" onClick={newCode}>
                {t("survey.newCode")}
              </Button>
              <Button onClick={close}>{t("survey.close")}</Button>
            </div>
          ) : null}
          {r.state === "open" ? (
            <Alert data-color="info">{t("survey.waitOpen", { minimum: r.survey.minimum })}</Alert>
          ) : null}
          {r.state === "tooFew" ? (
            <Alert data-color="info">
              {t("survey.tooFew", { answers: r.survey.answers, minimum: r.survey.minimum })}
            </Alert>
          ) : null}
          {r.state === "shown" && r.result ? (
            <section className="survey-section">
              <Heading level={2} data-size="sm">
                {t("survey.results")}
              </Heading>
              <Results definition={r.definition} result={r.result} freeText={r.freeText} />
              <ClassFollowUpLink
                label={`${r.survey.title}, ${r.survey.groupName}`}
                path={`/surveys/class/${surveyId}`}
              />
            </section>
          ) : null}
        </>
      ) : null}
    </Page>
  );
}

/** Leadership turns a released class result into an activity of the action plan (issue #9). */
function ClassFollowUpLink({ label, path }: { label: string; path: string }) {
  const { t } = useTranslation("plans");
  const can = useCan();
  if (!can("plan.manage")) return null;
  const search = followUpSearch({ source: "classSurvey", label: label.slice(0, 200), path });
  return (
    <Paragraph>
      <Link to={`/plans/follow-up?${search}`}>{t("followUp.button")}</Link>
    </Paragraph>
  );
}
