// /svar: answering with the class code, reached without login. The code gives this device
// one answer (a cookie); a reload comes back to the same survey.
import { Alert, Button, Card, Paragraph, Spinner, Textfield } from "@digdir/designsystemet-react";
import { type FormEvent, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import type { SurveyAnswer } from "../../../core/surveys/class/types.ts";
import { api, isApiError } from "../../app/api.ts";
import { useSession } from "../../app/session.tsx";
import { Page } from "../../ui/page.tsx";
import { AnswerForm } from "./answer-form.tsx";
import type { Answered, SurveyForm } from "./types.ts";

export function CodeAnswerPage() {
  const { t } = useTranslation("surveysClass");
  const { user } = useSession();
  const [params] = useSearchParams();
  const [code, setCode] = useState(params.get("kode") ?? "");
  const [form, setForm] = useState<SurveyForm | null>(null);
  const [checking, setChecking] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let live = true;
    api
      .get<SurveyForm>("/api/public/survey-session")
      .then((f) => live && setForm(f))
      .catch(() => undefined)
      .finally(() => live && setChecking(false));
    return () => {
      live = false;
    };
  }, []);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      setForm(await api.post<SurveyForm>("/api/public/survey-code", { code }));
    } catch (err) {
      setError(isApiError(err) ? err.message : t("common.failed"));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Page
      title={form?.title ?? t("code.title")}
      lead={form ? <Paragraph>{form.groupName}</Paragraph> : undefined}
      narrow
    >
      {checking ? <Spinner aria-label={t("common.loading")} /> : null}
      {!checking && !form ? (
        <Card data-color="neutral" className="survey-card">
          <Paragraph>{t("code.lead")}</Paragraph>
          <form onSubmit={submit} noValidate className="survey-form">
            {error ? <Alert data-color="danger">{error}</Alert> : null}
            <Textfield
              id="survey-code"
              label={t("code.code")}
              description={t("code.codeHelp")}
              value={code}
              autoComplete="off"
              autoCapitalize="characters"
              className="survey-code-input"
              onChange={(e) => setCode(e.target.value)}
            />
            <div className="form-actions">
              <Button type="submit" disabled={busy}>
                {t("code.submit")}
              </Button>
            </div>
          </form>
        </Card>
      ) : null}
      {form ? (
        <AnswerForm
          form={form}
          loggedIn={Boolean(user)}
          send={(answer: SurveyAnswer) =>
            api.post<Answered>("/api/public/survey-session/answers", answer)
          }
        />
      ) : null}
    </Page>
  );
}
