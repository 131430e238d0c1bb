// "My account": the person's name and login method, and for local accounts turning two-step
// login (TOTP) on and off. Both changes ask for a one-time code and the password again, so a
// browser left logged in is not enough to weaken the account.
import {
  Alert,
  Button,
  Card,
  Heading,
  Paragraph,
  Spinner,
  Textfield,
} from "@digdir/designsystemet-react";
import { type FormEvent, useEffect, useId, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { api, isApiError } from "../app/api.ts";
import { useSession } from "../app/session.tsx";
import { useApiData } from "../ui/api-data.ts";
import { errorFor, FormErrors, type FormProblem } from "../ui/form-errors.tsx";
import { Page } from "../ui/page.tsx";
import "./account.css";

interface AccountInfo {
  username: string | null;
  authMethod: string;
  totpEnabled: boolean;
  hasLocalAccount: boolean;
}

interface TotpSetup {
  setupId: string;
  secret: string;
  uri: string;
  qrSvg: string;
}

const CODE_FIELD = "account-code";
const PASSWORD_FIELD = "account-password";
const CODE_PATTERN = /^\s*\d{3}\s?\d{3}\s*$/;

type MethodKey = "demo" | "local" | "localTotp" | "feide" | "idporten" | "other";

function methodKey(authMethod: string): MethodKey {
  switch (authMethod) {
    case "demo":
      return "demo";
    case "local":
      return "local";
    case "local+totp":
      return "localTotp";
    case "oidc:feide":
      return "feide";
    case "oidc:idporten":
      return "idporten";
    default:
      return "other";
  }
}

/** Groups of four, as authenticator apps show keys; spaces are ignored when typed in. */
function groupedSecret(secret: string): string {
  return secret.replace(/=+$/, "").replace(/(.{4})(?=.)/g, "$1 ");
}

/** The server's answer as problems on the field it is about. */
function problemsFrom(err: unknown, fallback: string): FormProblem[] {
  if (!isApiError(err)) return [{ fieldId: null, message: fallback }];
  if (err.code === "account.passwordWrong")
    return [{ fieldId: PASSWORD_FIELD, message: err.message }];
  if (err.code === "auth.totpInvalid") return [{ fieldId: CODE_FIELD, message: err.message }];
  if (err.fields && err.fields.length > 0) {
    return err.fields.map((f) => ({
      fieldId: f.path === "password" ? PASSWORD_FIELD : f.path === "code" ? CODE_FIELD : null,
      message: f.message ?? err.message,
    }));
  }
  return [{ fieldId: null, message: err.message }];
}

export function AccountPage() {
  const { t } = useTranslation("account");
  const { user } = useSession();
  const info = useApiData<AccountInfo>("/api/account");
  const aboutId = useId();
  if (!user) return null;
  const name = `${user.person.givenName} ${user.person.familyName}`;

  return (
    <Page title={t("title")} lead={<Paragraph>{t("lead")}</Paragraph>} narrow>
      {info.state === "loading" ? <Spinner aria-label={t("loading")} /> : null}
      {info.state === "error" ? <Alert data-color="danger">{info.message}</Alert> : null}
      {info.state === "ready" ? (
        <>
          <Card data-color="neutral" className="account-card" asChild>
            <section aria-labelledby={aboutId}>
              <Heading level={2} data-size="sm" id={aboutId}>
                {t("about.heading")}
              </Heading>
              <dl className="account-facts">
                <dt>{t("about.name")}</dt>
                <dd>{name}</dd>
                {info.data.username ? (
                  <>
                    <dt>{t("about.username")}</dt>
                    <dd>{info.data.username}</dd>
                  </>
                ) : null}
                <dt>{t("about.method")}</dt>
                <dd>{t(`method.${methodKey(info.data.authMethod)}`)}</dd>
              </dl>
            </section>
          </Card>
          <TwoStepSection info={info.data} onChanged={info.reload} />
        </>
      ) : null}
    </Page>
  );
}

type Mode = { kind: "idle" } | { kind: "enabling"; setup: TotpSetup } | { kind: "disabling" };

function TwoStepSection({ info, onChanged }: { info: AccountInfo; onChanged: () => void }) {
  const { t } = useTranslation("account");
  const headingId = useId();
  const [mode, setMode] = useState<Mode>({ kind: "idle" });
  const [code, setCode] = useState("");
  const [password, setPassword] = useState("");
  const [problems, setProblems] = useState<FormProblem[]>([]);
  const [attempt, setAttempt] = useState(0);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<string | null>(null);
  const resultRef = useRef<HTMLDivElement>(null);
  const codeRef = useRef<HTMLInputElement>(null);

  // Move focus to the outcome, so keyboard and screen-reader users hear it at once.
  useEffect(() => {
    if (result) resultRef.current?.focus();
  }, [result]);
  useEffect(() => {
    if (mode.kind === "disabling") codeRef.current?.focus();
  }, [mode.kind]);

  const fail = (list: FormProblem[]) => {
    setProblems(list);
    setAttempt((n) => n + 1);
  };
  const reset = (next: Mode) => {
    setMode(next);
    setCode("");
    setPassword("");
    setProblems([]);
  };

  if (!info.hasLocalAccount) {
    return (
      <Card data-color="neutral" className="account-card" asChild>
        <section aria-labelledby={headingId}>
          <Heading level={2} data-size="sm" id={headingId}>
            {t("totp.heading")}
          </Heading>
          <Paragraph>{t("totp.notLocal")}</Paragraph>
        </section>
      </Card>
    );
  }

  const start = async () => {
    setResult(null);
    setBusy(true);
    try {
      const setup = await api.post<TotpSetup>("/api/account/totp/setup");
      reset({ kind: "enabling", setup });
    } catch (err) {
      fail(problemsFrom(err, t("totp.turnOn")));
    } finally {
      setBusy(false);
    }
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const missing: FormProblem[] = [];
    if (!CODE_PATTERN.test(code))
      missing.push({ fieldId: CODE_FIELD, message: t("totp.codeMissing") });
    if (!password) missing.push({ fieldId: PASSWORD_FIELD, message: t("totp.passwordMissing") });
    if (missing.length > 0) return fail(missing);
    setBusy(true);
    const typed = code.replace(/\s/g, "");
    try {
      if (mode.kind === "enabling") {
        await api.post("/api/account/totp/enable", {
          setupId: mode.setup.setupId,
          code: typed,
          password,
        });
        setResult(t("totp.turnedOn"));
      } else {
        await api.post("/api/account/totp/disable", { code: typed, password });
        setResult(t("totp.turnedOff"));
      }
      reset({ kind: "idle" });
      onChanged();
    } catch (err) {
      // An expired set-up cannot be finished: start again from the button.
      if (isApiError(err) && err.code === "account.totpSetupExpired") reset({ kind: "idle" });
      fail(problemsFrom(err, t("totp.heading")));
    } finally {
      setBusy(false);
    }
  };

  const enabling = mode.kind === "enabling" ? mode.setup : null;

  return (
    <Card data-color="neutral" className="account-card" asChild>
      <section aria-labelledby={headingId}>
        <Heading level={2} data-size="sm" id={headingId}>
          {t("totp.heading")}
        </Heading>
        {result ? (
          <div ref={resultRef} tabIndex={-1} className="account-result">
            <Alert data-color="success">{result}</Alert>
          </div>
        ) : null}
        <Paragraph>{t("totp.intro")}</Paragraph>
        <Paragraph>
          <strong>{info.totpEnabled ? t("totp.statusOn") : t("totp.statusOff")}</strong>
        </Paragraph>
        {mode.kind === "idle" ? (
          <>
            <FormErrors problems={problems} attempt={attempt} />
            <div className="form-actions">
              {info.totpEnabled ? (
                <Button
                  variant="secondary"
                  data-color="accent"
                  onClick={() => reset({ kind: "disabling" })}
                >
                  {t("totp.turnOff")}
                </Button>
              ) : (
                <Button data-color="accent" loading={busy} onClick={() => void start()}>
                  {t("totp.turnOn")}
                </Button>
              )}
            </div>
          </>
        ) : (
          <form onSubmit={submit} noValidate className="account-form">
            {enabling ? (
              <>
                <Paragraph>{t("totp.step1")}</Paragraph>
                <div
                  className="account-qr"
                  role="img"
                  aria-label={t("totp.qrLabel")}
                  // The SVG is drawn by the server's QR library from the otpauth URI: paths only,
                  // no text from any user.
                  // biome-ignore lint/security/noDangerouslySetInnerHtml: server-generated QR SVG
                  dangerouslySetInnerHTML={{ __html: enabling.qrSvg }}
                />
                <Paragraph>{t("totp.step2")}</Paragraph>
                <p className="account-secret">
                  <span className="ds-sr-only">{t("totp.secretLabel")}: </span>
                  <code>{groupedSecret(enabling.secret)}</code>
                </p>
                <Paragraph>{t("totp.step3")}</Paragraph>
              </>
            ) : (
              <Paragraph>{t("totp.offIntro")}</Paragraph>
            )}
            <FormErrors problems={problems} attempt={attempt} />
            <Textfield
              ref={codeRef}
              id={CODE_FIELD}
              label={t("totp.code")}
              description={t("totp.codeHelp")}
              inputMode="numeric"
              autoComplete="one-time-code"
              maxLength={7}
              value={code}
              onChange={(e) => setCode(e.target.value)}
              error={errorFor(problems, CODE_FIELD)}
            />
            <Textfield
              id={PASSWORD_FIELD}
              label={t("totp.password")}
              type="password"
              autoComplete="current-password"
              value={password}
              onChange={(e) => setPassword(e.target.value)}
              error={errorFor(problems, PASSWORD_FIELD)}
            />
            <div className="form-actions">
              <Button type="submit" data-color="accent" loading={busy}>
                {enabling ? t("totp.confirmOn") : t("totp.confirmOff")}
              </Button>
              <Button
                type="button"
                variant="tertiary"
                data-color="accent"
                onClick={() => reset({ kind: "idle" })}
              >
                {t("totp.cancel")}
              </Button>
            </div>
          </form>
        )}
      </section>
    </Card>
  );
}
