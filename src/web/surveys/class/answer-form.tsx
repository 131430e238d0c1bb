// The pupil's answer form, the same for a logged-in pupil and a class-code device: a first
// page that says the answers are anonymous, the questions, and after sending, at once, how to
// tell the school if the answer was worrying (the decision comes from the core, never stored).
import {
  Alert,
  Button,
  Card,
  Checkbox,
  Fieldset,
  Heading,
  Paragraph,
  Radio,
  Textarea,
} from "@digdir/designsystemet-react";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { helpNow } from "../../../core/surveys/class/help-now.ts";
import type { SurveyAnswer, SurveyQuestion } from "../../../core/surveys/class/types.ts";
import { SCALE_VALUES } from "../../../core/surveys/class/types.ts";
import { useAnnounce } from "../../app/announcer.tsx";
import { isApiError } from "../../app/api.ts";
import { currentLang } from "../../app/i18n.ts";
import type { Answered, LocalText, SurveyForm } from "./types.ts";

export const textOf = (t: LocalText) => t[currentLang()] ?? t.nb;

type Value = number | string | string[];

function QuestionInput({
  q,
  value,
  onChange,
}: {
  q: SurveyQuestion;
  value: Value | undefined;
  onChange: (v: Value | undefined) => void;
}) {
  const { t } = useTranslation("surveysClass");
  const name = `q-${q.id}`;
  if (q.kind === "freeText") {
    return (
      <Textarea
        id={name}
        aria-label={textOf(q.text)}
        rows={4}
        maxLength={1000}
        value={typeof value === "string" ? value : ""}
        onChange={(e) => onChange(e.target.value)}
      />
    );
  }
  if (q.kind === "multi") {
    const picked = Array.isArray(value) ? value : [];
    return (
      <>
        {(q.options ?? []).map((o) => (
          <Checkbox
            key={o.id}
            label={textOf(o.text)}
            value={o.id}
            checked={picked.includes(o.id)}
            onChange={(e) =>
              onChange(
                e.currentTarget.checked ? [...picked, o.id] : picked.filter((x) => x !== o.id),
              )
            }
          />
        ))}
      </>
    );
  }
  const options: { id: string; label: string; v: Value }[] =
    q.kind === "scale"
      ? SCALE_VALUES.map((n) => ({ id: String(n), label: String(n), v: n }))
      : q.kind === "yesNo"
        ? [
            { id: "yes", label: t("answer.yes"), v: "yes" },
            { id: "no", label: t("answer.no"), v: "no" },
          ]
        : (q.options ?? []).map((o) => ({ id: o.id, label: textOf(o.text), v: o.id }));
  return (
    <div className={q.kind === "scale" ? "survey-scale" : undefined}>
      {options.map((o) => (
        <Radio
          key={o.id}
          name={name}
          value={o.id}
          label={o.label}
          checked={value === o.v}
          onChange={() => onChange(o.v)}
        />
      ))}
    </div>
  );
}

export function HelpNow({
  reasons,
  loggedIn,
}: {
  reasons: Answered["helpNow"];
  loggedIn: boolean;
}) {
  const { t } = useTranslation("surveysClass");
  if (reasons.length === 0) return null;
  return (
    <Card
      data-color="warning"
      className="survey-help"
      role="region"
      aria-labelledby="survey-help-h"
    >
      <Heading level={2} data-size="sm" id="survey-help-h">
        {t("answer.helpHeading")}
      </Heading>
      {reasons.includes("bullied") ? <Paragraph>{t("answer.helpBullied")}</Paragraph> : null}
      {reasons.includes("unsafe") ? <Paragraph>{t("answer.helpUnsafe")}</Paragraph> : null}
      <Paragraph>{t("answer.helpAnonymous")}</Paragraph>
      <Paragraph>
        {loggedIn ? (
          <Link to="/cases/new" className="survey-help__link">
            {t("answer.helpLink")}
          </Link>
        ) : (
          <Link to="/login?next=/cases/new" className="survey-help__link">
            {t("answer.helpLogin")}
          </Link>
        )}
      </Paragraph>
      <Paragraph data-size="sm">{t("answer.helpPhone")}</Paragraph>
    </Card>
  );
}

export function AnswerForm({
  form,
  send,
  loggedIn,
}: {
  form: SurveyForm;
  send: (answer: SurveyAnswer) => Promise<Answered>;
  loggedIn: boolean;
}) {
  const { t } = useTranslation("surveysClass");
  const announce = useAnnounce();
  const [started, setStarted] = useState(false);
  const [values, setValues] = useState<Record<string, Value | undefined>>({});
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<Answered | null>(null);

  if (form.answered && !done) return <Alert data-color="info">{t("answer.already")}</Alert>;

  if (done) {
    return (
      <div className="survey-done">
        <Alert data-color="success">
          <Heading level={2} data-size="xs">
            {t("answer.thanks")}
          </Heading>
          <Paragraph>{t("answer.thanksText")}</Paragraph>
        </Alert>
        <HelpNow reasons={done.helpNow} loggedIn={loggedIn} />
      </div>
    );
  }

  if (!started) {
    return (
      <Card data-color="neutral" className="survey-intro">
        <Heading level={2} data-size="sm">
          {t("answer.anonymousHeading")}
        </Heading>
        <Paragraph>{t("answer.anonymous")}</Paragraph>
        <Paragraph>{t("answer.anonymousSkip")}</Paragraph>
        <Button onClick={() => setStarted(true)}>{t("answer.start")}</Button>
      </Card>
    );
  }

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    const answer: Record<string, Value> = {};
    for (const [k, v] of Object.entries(values)) if (v !== undefined) answer[k] = v;
    try {
      const out = await send(answer);
      // The server says the same; deciding here too keeps the help visible even offline-ish.
      const reasons = out.helpNow.length > 0 ? out.helpNow : helpNow(form.definition, answer);
      setDone({ helpNow: reasons });
      announce(t("answer.thanks"));
    } catch (err) {
      setError(isApiError(err) ? err.message : t("common.failed"));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={submit} noValidate className="survey-form">
      {error ? <Alert data-color="danger">{error}</Alert> : null}
      {form.definition.questions.map((q, i) => (
        <Fieldset key={q.id} className="survey-question">
          <Fieldset.Legend>{`${i + 1}. ${textOf(q.text)}`}</Fieldset.Legend>
          <QuestionInput
            q={q}
            value={values[q.id]}
            onChange={(v) => setValues((prev) => ({ ...prev, [q.id]: v }))}
          />
        </Fieldset>
      ))}
      <div className="form-actions">
        <Button type="submit" disabled={busy}>
          {busy ? t("answer.sending") : t("answer.submit")}
        </Button>
      </div>
    </form>
  );
}
