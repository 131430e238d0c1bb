// Check-ins at the plan's evaluation date (ADR 0117): the pupil's "Hvordan har du det nå?"
// card (home page and "Mine meldinger") and the note on a check-in answer in the case.
import {
  Alert,
  Button,
  Card,
  Fieldset,
  Heading,
  Paragraph,
  Radio,
  Tag,
  Textarea,
  ValidationMessage,
} from "@digdir/designsystemet-react";
import { type FormEvent, useId, useState } from "react";
import { api, isApiError } from "../app/api.ts";
import { useSession } from "../app/session.tsx";
import { useCheckinsT } from "../surveys/where-when/place-fields.tsx";
import { useApiData } from "../ui/api-data.ts";
import { showDate } from "./shared.tsx";

interface MyCheckIn {
  id: string;
  schoolName: string;
  evaluateOn: string;
  closesOn: string;
}

const ANSWERS = ["yes", "partly", "no"] as const;
type Answer = (typeof ANSWERS)[number];

/** Every open check-in of the logged-in pupil, each as a card with its short form. */
export function CheckInCards() {
  const { rolesAt } = useSession();
  // Only pupils have check-ins; anyone else would only get a refusal.
  const pupil = rolesAt().includes("pupil");
  const data = useApiData<{ items: MyCheckIn[] }>(pupil ? "/api/me/check-ins" : null);
  if (!pupil) return null;
  if (data.state !== "ready" || data.data.items.length === 0) return null;
  return (
    <>
      {data.data.items.map((c) => (
        <CheckInCard key={c.id} checkIn={c} />
      ))}
    </>
  );
}

function CheckInCard({ checkIn }: { checkIn: MyCheckIn }) {
  const t = useCheckinsT();
  const id = useId();
  const [answer, setAnswer] = useState<Answer | "">("");
  const [words, setWords] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<Answer | null>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!answer) {
      setError(t("card.chooseAnswer"));
      document.getElementById(`${id}-answer`)?.focus();
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await api.post(`/api/me/check-ins/${checkIn.id}/answer`, { answer, words: words || null });
      setDone(answer);
    } catch (err) {
      setError(isApiError(err) ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };

  if (done) {
    return (
      <Alert data-color="success" role="status" className="home-section">
        <Paragraph>{done === "yes" ? t("card.thanks") : t("card.thanksNotSafe")}</Paragraph>
        {done === "yes" ? null : <Paragraph>{t("card.talkNow")}</Paragraph>}
      </Alert>
    );
  }
  return (
    <section aria-labelledby={`${id}-heading`} className="home-section">
      <Card data-color="accent" className="info-card">
        <Heading level={2} data-size="sm" id={`${id}-heading`}>
          {t("card.heading")}
        </Heading>
        <Paragraph>{t("card.intro")}</Paragraph>
        <Paragraph>
          <strong>{t("card.notAnonymous", { school: checkIn.schoolName })}</strong>
        </Paragraph>
        <Paragraph data-size="sm">
          {t("card.answerBy", { date: showDate(checkIn.closesOn) })}
        </Paragraph>
        <form onSubmit={submit} noValidate>
          <Fieldset id={`${id}-answer`} tabIndex={-1}>
            <Fieldset.Legend>{t("card.safeQuestion")}</Fieldset.Legend>
            <div className="cases-inline">
              {ANSWERS.map((a) => (
                <Radio
                  key={a}
                  name={`${id}-answer`}
                  value={a}
                  label={t(`card.answers.${a}`)}
                  checked={answer === a}
                  onChange={() => setAnswer(a)}
                />
              ))}
            </div>
            {error ? <ValidationMessage>{error}</ValidationMessage> : null}
          </Fieldset>
          <label htmlFor={`${id}-words`} className="cases-select">
            {t("card.words")}
            <Paragraph data-size="sm" id={`${id}-words-help`}>
              {t("card.wordsHelp")}
            </Paragraph>
            <Textarea
              id={`${id}-words`}
              aria-describedby={`${id}-words-help`}
              value={words}
              maxLength={2000}
              rows={3}
              onChange={(e) => setWords(e.target.value)}
            />
          </label>
          <Button type="submit" disabled={busy}>
            {busy ? t("card.sending") : t("card.submit")}
          </Button>
        </form>
      </Card>
    </section>
  );
}

/** On the case page: this view is the pupil's own check-in answer. */
export function CheckInViewNote({ answer }: { answer: string | undefined }) {
  const t = useCheckinsT();
  return (
    <Paragraph data-size="sm">
      <Tag data-color="info" data-size="sm">
        {t("casePage.fromCheckIn")}
      </Tag>{" "}
      {answer ? t(`casePage.answer.${answer}`) : null}
    </Paragraph>
  );
}
