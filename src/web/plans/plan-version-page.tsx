// One version of the plan: its content as the school prints it, and for the principal and
// deputy the actions its status allows (edit a draft's activities, publish it, discard it;
// start a revision of the published version).
import {
  Alert,
  Button,
  Link as DsLink,
  Heading,
  Paragraph,
  Spinner,
} from "@digdir/designsystemet-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useParams } from "react-router";
import { useAnnounce } from "../app/announcer.tsx";
import { api, isApiError } from "../app/api.ts";
import { useSession } from "../app/session.tsx";
import { Page } from "../ui/page.tsx";
import { useCan } from "../ui/use-can.ts";
import { FollowsUpNote } from "./follow-up.tsx";
import { fmtDate, PlanContentView, StatusTag, useApiData } from "./shared.tsx";
import type { PlanView } from "./types.ts";

export function PlanVersionPage() {
  const { t } = useTranslation("plans");
  const { planId } = useParams();
  const { activeSchool } = useSession();
  const can = useCan();
  const navigate = useNavigate();
  const announce = useAnnounce();
  const load = useApiData<PlanView>(
    activeSchool && planId ? `/api/schools/${activeSchool.id}/plans/${planId}` : null,
  );
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ kind: "success" | "danger"; text: string } | null>(null);

  if (!activeSchool) {
    return (
      <Page title={t("home.title")}>
        <Paragraph>{t("common.noSchool")}</Paragraph>
      </Page>
    );
  }
  if (load.state !== "ready") {
    return (
      <Page title={t("home.title")}>
        {load.state === "error" ? (
          <Alert data-color="danger">{load.message}</Alert>
        ) : (
          <Spinner aria-label={t("common.loading")} />
        )}
      </Page>
    );
  }
  const plan = load.data;
  const manage = can("plan.manage");
  const base = `/api/schools/${activeSchool.id}/plans/${plan.id}`;

  const run = async (action: () => Promise<void>) => {
    setBusy(true);
    setMessage(null);
    try {
      await action();
    } catch (err) {
      const text = isApiError(err)
        ? [err.message, ...(err.fields ?? []).map((f) => f.message ?? "")].filter(Boolean).join(" ")
        : t("common.failed");
      setMessage({ kind: "danger", text });
    } finally {
      setBusy(false);
    }
  };

  const publish = () =>
    run(async () => {
      const res = await api.post<{
        plan: PlanView;
        yearWheel: { added: number; tasksAdded: number };
      }>(`${base}/publish`);
      const text = t("version.published", {
        dates: res.yearWheel.added,
        tasks: res.yearWheel.tasksAdded,
      });
      setMessage({ kind: "success", text });
      announce(text);
      load.reload();
    });
  const revise = () =>
    run(async () => {
      const draft = await api.post<PlanView>(`${base}/revision`);
      announce(t("version.revised", { version: draft.version }));
      navigate(`/plans/${draft.id}`);
    });
  const discard = () =>
    run(async () => {
      await api.delete(base);
      announce(t("version.discarded"));
      navigate("/plans");
    });

  const title = t("version.title", { version: plan.version });
  const editable = manage && plan.status === "draft";
  return (
    <Page
      title={title}
      lead={
        <Paragraph>
          <StatusTag status={plan.status} /> {t("version.lead", { year: plan.schoolYear.name })}
          {plan.publishedOn
            ? ` · ${t("version.publishedOn", { date: fmtDate(plan.publishedOn) })}`
            : ""}
        </Paragraph>
      }
    >
      <Paragraph>
        <DsLink asChild>
          <Link to="/plans">{t("common.back")}</Link>
        </DsLink>
        {" · "}
        <DsLink asChild>
          <Link to={`/plans/${plan.id}/year-wheel`}>{t("home.links.yearWheel")}</Link>
        </DsLink>
      </Paragraph>
      {message ? (
        <Alert
          data-color={message.kind}
          className="plan-block"
          role={message.kind === "danger" ? "alert" : "status"}
        >
          {message.text}
        </Alert>
      ) : null}
      {plan.status === "draft" ? (
        <Alert data-color="info" className="plan-block">
          {t("version.draftHelp")}
        </Alert>
      ) : null}
      {manage ? (
        <div className="form-actions plan-block">
          {plan.status === "draft" ? (
            <>
              <Button onClick={publish} aria-disabled={busy}>
                {t("version.publish")}
              </Button>
              <Button variant="tertiary" data-color="danger" onClick={discard} aria-disabled={busy}>
                {t("version.discard")}
              </Button>
            </>
          ) : plan.status === "published" ? (
            <Button variant="secondary" onClick={revise} aria-disabled={busy}>
              {t("version.revise")}
            </Button>
          ) : null}
        </div>
      ) : null}
      {plan.evaluation ? (
        <Alert data-color="neutral" className="plan-block">
          {t("version.evaluated", {
            date: fmtDate(plan.evaluation.evaluatedOn),
            decisions: plan.evaluation.decisions.length,
          })}
        </Alert>
      ) : null}
      <DatesToAdjust content={plan.content} />
      <PlanContentView
        content={plan.content}
        actions={(activity) => (
          <>
            {activity.followsUp ? <FollowsUpNote followsUp={activity.followsUp} /> : null}
            {editable ? (
              <Button asChild key={activity.id} variant="secondary" data-size="sm">
                <Link to={`/plans/${plan.id}/activities/${activity.id}`}>
                  {t("version.editActivity", {
                    name: activity.description.slice(0, 60),
                    deadline: activity.deadlineText,
                  })}
                </Link>
              </Button>
            ) : null}
          </>
        )}
        partActions={
          editable
            ? (part) => (
                <Button asChild variant="tertiary" data-size="sm">
                  <Link to={`/plans/${plan.id}/parts/${part.id}/new`}>
                    {t("version.addActivity", { part: part.title })}
                  </Link>
                </Button>
              )
            : undefined
        }
      />
    </Page>
  );
}

/** The events the seed names without a date: Trygg's proposal, for leadership to set. */
function DatesToAdjust({ content }: { content: PlanView["content"] }) {
  const { t } = useTranslation("plans");
  const items = content.parts
    .flatMap((part) => part.activities)
    .filter((a) => a.dateToAdjust === true);
  if (items.length === 0) return null;
  return (
    <Alert data-color="warning" className="plan-block">
      <Heading level={2} data-size="xs">
        {t("duties.adjustHeading")}
      </Heading>
      <Paragraph data-size="sm">{t("duties.adjustHelp")}</Paragraph>
      <ul>
        {items.map((a) => (
          <li key={a.id}>
            {t("duties.adjustItem", {
              name: a.details.join(", ") || a.description,
              date: a.timing.kind === "byDate" ? proposedDate(a.timing.monthDay) : a.deadlineText,
            })}
          </li>
        ))}
      </ul>
    </Alert>
  );
}

/** "10-24" as "24.10." */
function proposedDate(monthDay: string): string {
  const [m, d] = monthDay.split("-");
  return `${Number(d)}.${Number(m)}.`;
}
