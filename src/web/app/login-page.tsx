// The login page. In demo mode a "log in as" picker lists the demo people by role; otherwise
// (and also in demo mode) Feide, ID-porten and local accounts with an optional one-time code.
import {
  Button,
  Card,
  Divider,
  ErrorSummary,
  Heading,
  Paragraph,
  Spinner,
  Textfield,
} from "@digdir/designsystemet-react";
import { type FormEvent, useEffect, useId, useMemo, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Navigate, useNavigate, useSearchParams } from "react-router";
import { ALL_ROLES, isRole, type Role } from "../../core/access/roles.ts";
import { Page } from "../ui/page.tsx";
import { ApiError, api, isApiError } from "./api.ts";
import { useSession } from "./session.tsx";

interface DemoPerson {
  personId: string;
  displayName: string;
  role: Role;
  schoolId: string | null;
  schoolName: string | null;
  ownerName?: string;
  className?: string;
}

/** Only same-site paths: never send someone on to another origin after login. */
function safeNext(next: string | null): string {
  return next?.startsWith("/") && !next.startsWith("//") ? next : "/";
}

interface FormProblem {
  /** The field the problem is about, or null for the form as a whole. */
  fieldId: string | null;
  message: string;
}

function ProblemSummary({ problems, attempt }: { problems: FormProblem[]; attempt: number }) {
  const { t } = useTranslation("auth");
  if (problems.length === 0) return null;
  return (
    // A new key per attempt remounts the summary, which moves focus to it again.
    <ErrorSummary key={attempt} className="form-errors">
      <ErrorSummary.Heading>{t("errorSummary")}</ErrorSummary.Heading>
      <ErrorSummary.List>
        {problems.map((p) => (
          <ErrorSummary.Item key={`${p.fieldId}-${p.message}`}>
            {p.fieldId ? (
              <ErrorSummary.Link href={`#${p.fieldId}`}>{p.message}</ErrorSummary.Link>
            ) : (
              p.message
            )}
          </ErrorSummary.Item>
        ))}
      </ErrorSummary.List>
    </ErrorSummary>
  );
}

function messageOf(err: unknown, fallback: string): string {
  return isApiError(err) ? err.message : fallback;
}

function DemoPicker({ onLoggedIn }: { onLoggedIn: () => Promise<void> }) {
  const { t } = useTranslation("auth");
  const { t: tr } = useTranslation("roles");
  const [people, setPeople] = useState<DemoPerson[] | null>(null);
  const [unavailable, setUnavailable] = useState(false);
  const [query, setQuery] = useState("");
  const [busy, setBusy] = useState<string | null>(null);
  const [problem, setProblem] = useState<FormProblem[]>([]);
  const [attempt, setAttempt] = useState(0);
  const headingId = useId();

  useEffect(() => {
    let live = true;
    api
      .get<{ people: DemoPerson[] }>("/api/auth/demo-people")
      .then((res) => live && setPeople(res.people.filter((p) => isRole(p.role))))
      .catch(() => live && setUnavailable(true));
    return () => {
      live = false;
    };
  }, []);

  const groups = useMemo(() => {
    // Every word must match somewhere: "rektor ungdomsskole" finds that school's principal.
    const words = query.toLocaleLowerCase("nb").split(/\s+/).filter(Boolean);
    const matches = (p: DemoPerson) => {
      const haystack = [p.displayName, tr(`name.${p.role}`), p.schoolName, p.ownerName, p.className]
        .filter(Boolean)
        .join(" ")
        .toLocaleLowerCase("nb");
      return words.every((w) => haystack.includes(w));
    };
    const visible = (people ?? []).filter(matches);
    return ALL_ROLES.map((role) => ({
      role,
      people: visible.filter((p) => p.role === role),
    })).filter((g) => g.people.length > 0);
  }, [people, query, tr]);
  const shown = groups.reduce((n, g) => n + g.people.length, 0);

  if (unavailable) return null;

  const login = async (person: DemoPerson) => {
    setBusy(person.personId);
    setProblem([]);
    try {
      await api.post("/api/auth/demo-login", { personId: person.personId });
      await onLoggedIn();
    } catch (err) {
      setProblem([{ fieldId: null, message: messageOf(err, t("demo.heading")) }]);
      setAttempt((n) => n + 1);
      setBusy(null);
    }
  };

  return (
    <Card className="login-card demo-picker" data-color="neutral" asChild>
      <section aria-labelledby={headingId}>
        <Heading level={2} data-size="sm" id={headingId}>
          {t("demo.heading")}
        </Heading>
        <Paragraph data-size="sm">{t("demo.intro")}</Paragraph>
        <ProblemSummary problems={problem} attempt={attempt} />
        <Textfield
          label={t("demo.search")}
          type="search"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          autoComplete="off"
          data-size="sm"
        />
        <p className="demo-picker__count" aria-live="polite">
          {people ? t("demo.count", { count: shown }) : ""}
        </p>
        {people === null ? (
          <Spinner aria-label={t("demo.loading")} />
        ) : shown === 0 ? (
          <Paragraph>{t("demo.noMatch")}</Paragraph>
        ) : (
          <div className="demo-picker__groups">
            {groups.map((g) => (
              <section
                key={g.role}
                aria-labelledby={`${headingId}-${g.role}`}
                className="demo-group"
              >
                <Heading level={3} data-size="2xs" id={`${headingId}-${g.role}`}>
                  {tr(`name.${g.role}`)}
                </Heading>
                <ul className="demo-group__list">
                  {g.people.map((p) => {
                    const where = [p.schoolName ?? p.ownerName, p.className].filter(Boolean);
                    return (
                      <li key={`${p.role}-${p.personId}`}>
                        <button
                          type="button"
                          className="demo-person"
                          onClick={() => void login(p)}
                          disabled={busy !== null}
                          aria-busy={busy === p.personId}
                        >
                          <span className="demo-person__name">{p.displayName}</span>
                          {where.length > 0 ? (
                            <span className="demo-person__meta">{where.join(" · ")}</span>
                          ) : null}
                        </button>
                      </li>
                    );
                  })}
                </ul>
              </section>
            ))}
          </div>
        )}
      </section>
    </Card>
  );
}

function LocalLogin({ onLoggedIn }: { onLoggedIn: () => Promise<void> }) {
  const { t } = useTranslation("auth");
  const [username, setUsername] = useState("");
  const [password, setPassword] = useState("");
  const [code, setCode] = useState("");
  const [flowId, setFlowId] = useState<string | null>(null);
  const [problems, setProblems] = useState<FormProblem[]>([]);
  const [attempt, setAttempt] = useState(0);
  const [busy, setBusy] = useState(false);
  const codeRef = useRef<HTMLInputElement>(null);
  const headingId = useId();

  useEffect(() => {
    if (flowId) codeRef.current?.focus();
  }, [flowId]);

  const fail = (list: FormProblem[]) => {
    setProblems(list);
    setAttempt((n) => n + 1);
  };

  const submitPassword = async (e: FormEvent) => {
    e.preventDefault();
    const missing: FormProblem[] = [];
    if (!username.trim())
      missing.push({ fieldId: "login-username", message: t("local.usernameMissing") });
    if (!password) missing.push({ fieldId: "login-password", message: t("local.passwordMissing") });
    if (missing.length > 0) return fail(missing);
    setBusy(true);
    try {
      const res = await api.post<{ ok?: boolean; totpRequired?: boolean; flowId?: string }>(
        "/api/auth/login",
        { username: username.trim(), password },
      );
      if (res.totpRequired && res.flowId) {
        setProblems([]);
        setFlowId(res.flowId);
      } else {
        await onLoggedIn();
      }
    } catch (err) {
      fail([{ fieldId: "login-username", message: messageOf(err, t("local.submit")) }]);
    } finally {
      setBusy(false);
    }
  };

  const submitCode = async (e: FormEvent) => {
    e.preventDefault();
    if (!/^\s*\d{3}\s?\d{3}\s*$/.test(code)) {
      return fail([{ fieldId: "login-code", message: t("totp.codeMissing") }]);
    }
    setBusy(true);
    try {
      await api.post("/api/auth/totp", { flowId, code: code.replace(/\s/g, "") });
      await onLoggedIn();
    } catch (err) {
      if (err instanceof ApiError && err.code === "auth.flowExpired") {
        setFlowId(null);
        setCode("");
      }
      fail([
        {
          fieldId: flowId ? "login-code" : "login-username",
          message: messageOf(err, t("totp.submit")),
        },
      ]);
    } finally {
      setBusy(false);
    }
  };

  const errorFor = (fieldId: string) => problems.find((p) => p.fieldId === fieldId)?.message;

  if (flowId) {
    return (
      <form onSubmit={submitCode} noValidate aria-labelledby={headingId} className="login-form">
        <Heading level={3} data-size="xs" id={headingId}>
          {t("totp.heading")}
        </Heading>
        <ProblemSummary problems={problems} attempt={attempt} />
        <Textfield
          ref={codeRef}
          id="login-code"
          label={t("totp.code")}
          description={t("totp.intro")}
          inputMode="numeric"
          autoComplete="one-time-code"
          value={code}
          onChange={(e) => setCode(e.target.value)}
          error={errorFor("login-code")}
          maxLength={7}
        />
        <div className="form-actions">
          <Button type="submit" loading={busy} data-color="accent">
            {t("totp.submit")}
          </Button>
          <Button
            type="button"
            variant="tertiary"
            data-color="accent"
            onClick={() => {
              setFlowId(null);
              setCode("");
              setProblems([]);
            }}
          >
            {t("totp.cancel")}
          </Button>
        </div>
      </form>
    );
  }

  return (
    <form onSubmit={submitPassword} noValidate aria-labelledby={headingId} className="login-form">
      <Heading level={3} data-size="xs" id={headingId}>
        {t("local.heading")}
      </Heading>
      <ProblemSummary problems={problems} attempt={attempt} />
      <Textfield
        id="login-username"
        label={t("local.username")}
        autoComplete="username"
        value={username}
        onChange={(e) => setUsername(e.target.value)}
        error={errorFor("login-username")}
      />
      <Textfield
        id="login-password"
        label={t("local.password")}
        type="password"
        autoComplete="current-password"
        value={password}
        onChange={(e) => setPassword(e.target.value)}
        error={errorFor("login-password")}
      />
      <div className="form-actions">
        <Button type="submit" loading={busy} data-color="accent">
          {t("local.submit")}
        </Button>
      </div>
    </form>
  );
}

export function LoginPage() {
  const { t } = useTranslation("auth");
  const { session, user, refresh, notice } = useSession();
  const { t: tc } = useTranslation("common");
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const otherId = useId();
  const next = safeNext(params.get("next"));
  const message = notice ? tc(`user.${notice}`) : null;

  if (user) return <Navigate to={next} replace />;
  if (!session) return null;

  const onLoggedIn = async () => {
    await refresh();
    navigate(next, { replace: true });
  };
  const { providers, demo } = session;
  const external = providers.feide || providers.idporten;

  return (
    <Page title={t("title")} lead={<Paragraph>{t("intro")}</Paragraph>}>
      {message ? (
        <Paragraph className="login-message" data-color="success">
          {message}
        </Paragraph>
      ) : null}
      <div className={demo ? "login-grid login-grid--demo" : "login-grid"}>
        {demo ? <DemoPicker onLoggedIn={onLoggedIn} /> : null}
        <Card className="login-card" data-color="neutral" asChild>
          <section aria-labelledby={otherId}>
            <Heading level={2} data-size="sm" id={otherId}>
              {demo ? t("otherWays") : t("title")}
            </Heading>
            {external ? (
              <div className="login-providers">
                {providers.feide ? (
                  <Button asChild variant="primary" data-color="accent">
                    <a href="/api/auth/oidc/feide/start">{t("feide")}</a>
                  </Button>
                ) : null}
                {providers.idporten ? (
                  <Button asChild variant="secondary" data-color="accent">
                    <a href="/api/auth/oidc/idporten/start">{t("idporten")}</a>
                  </Button>
                ) : null}
              </div>
            ) : null}
            {external && providers.local ? <Divider /> : null}
            {providers.local ? <LocalLogin onLoggedIn={onLoggedIn} /> : null}
          </section>
        </Card>
      </div>
    </Page>
  );
}
