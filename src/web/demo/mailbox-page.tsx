// Demo mode's mailbox: the e-mail Trygg would have sent (to synthetic people), newest first.
import { Alert, Card, Details, Heading, Paragraph, Spinner } from "@digdir/designsystemet-react";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { api, isApiError } from "../app/api.ts";
import { formatDateTime } from "../ui/format.ts";
import { Page } from "../ui/page.tsx";

interface MailMessage {
  id: string;
  createdAt: string;
  to: string;
  subject: string;
  body: string;
}

type Load =
  | { state: "loading" }
  | { state: "unavailable" }
  | { state: "error"; message: string }
  | { state: "ready"; messages: MailMessage[] };

export function MailboxPage() {
  const { t } = useTranslation("demo");
  const { t: tc } = useTranslation("common");
  const [load, setLoad] = useState<Load>({ state: "loading" });

  useEffect(() => {
    let live = true;
    api
      .get<{ messages: MailMessage[] }>("/api/demo/mail")
      .then((res) => live && setLoad({ state: "ready", messages: res.messages }))
      .catch((err) => {
        if (!live) return;
        if (isApiError(err) && err.status === 404) setLoad({ state: "unavailable" });
        else
          setLoad({
            state: "error",
            message: isApiError(err) ? err.message : tc("errors.unknown"),
          });
      });
    return () => {
      live = false;
    };
  }, [tc]);

  return (
    <Page title={t("mailbox.title")} lead={<Paragraph>{t("mailbox.lead")}</Paragraph>}>
      {load.state === "loading" ? (
        <Spinner aria-label={tc("loading")} />
      ) : load.state === "unavailable" ? (
        <Alert data-color="info">{t("mailbox.unavailable")}</Alert>
      ) : load.state === "error" ? (
        <Alert data-color="danger">{load.message}</Alert>
      ) : load.messages.length === 0 ? (
        <Paragraph>{t("mailbox.empty")}</Paragraph>
      ) : (
        <>
          <Paragraph data-size="sm" className="muted">
            {t("mailbox.count", { count: load.messages.length })}
          </Paragraph>
          <ul className="mail-list">
            {load.messages.map((m) => (
              <li key={m.id}>
                <Card data-color="neutral" className="mail">
                  <Heading level={2} data-size="2xs">
                    {m.subject}
                  </Heading>
                  <dl className="mail__meta">
                    <div>
                      <dt>{t("mailbox.to")}</dt>
                      <dd>{m.to}</dd>
                    </div>
                    <div>
                      <dt>{t("mailbox.sent")}</dt>
                      <dd>
                        <time dateTime={m.createdAt}>{formatDateTime(m.createdAt)}</time>
                      </dd>
                    </div>
                  </dl>
                  <Details>
                    <Details.Summary>{m.subject}</Details.Summary>
                    <Details.Content>
                      <pre className="mail__body">{m.body}</pre>
                    </Details.Content>
                  </Details>
                </Card>
              </li>
            ))}
          </ul>
        </>
      )}
    </Page>
  );
}
