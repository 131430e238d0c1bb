// From a survey result to the action plan (issue #9, "feeding back"): a result page links
// here with what the result said; leadership lands in a new activity of the plan's next
// version, pre-filled and linked back to the result. A plan in force is never edited in place:
// without a draft, this page offers to start the next version first.
import { Alert, Button, Paragraph, Spinner } from "@digdir/designsystemet-react";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useSearchParams } from "react-router";
import {
  FOLLOW_UP_SOURCES,
  type FollowUpRef,
  type FollowUpSource,
} from "../../core/plans/types.ts";
import { api } from "../app/api.ts";
import { useSession } from "../app/session.tsx";
import { useApiData } from "../ui/api-data.ts";
import { Page } from "../ui/page.tsx";
import type { PlanList, PlanListItem, PlanView } from "./types.ts";

/** The search parameters a result page sends: `source`, `label` and `path`. */
export function followUpSearch(ref: FollowUpRef): string {
  return new URLSearchParams({ source: ref.source, label: ref.label, path: ref.path }).toString();
}

/** The reference in the page's search parameters, or null when it is missing or odd. */
export function followUpFrom(params: URLSearchParams): FollowUpRef | null {
  const source = params.get("source");
  const label = params.get("label")?.trim() ?? "";
  const path = params.get("path") ?? "";
  if (!FOLLOW_UP_SOURCES.includes(source as FollowUpSource)) return null;
  if (label === "" || label.length > 200 || !/^\/[A-Za-z0-9/_.?=&%-]*$/.test(path)) return null;
  return { source: source as FollowUpSource, label, path };
}

/** The part of the plan a follow-up goes in: prevention (Del 2). */
const FOLLOW_UP_PART = "prevention";

export function FollowUpPage() {
  const { t } = useTranslation("plans");
  const [params] = useSearchParams();
  const ref = followUpFrom(params);
  const { activeSchool } = useSession();
  const navigate = useNavigate();
  const plans = useApiData<PlanList>(
    activeSchool && ref ? `/api/schools/${activeSchool.id}/plans` : null,
  );
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const list: PlanListItem[] = plans.state === "ready" ? plans.data.plans : [];
  const draft = list.find((p) => p.status === "draft");
  const inForce = list.find((p) => p.status === "published");
  const target = (planId: string) =>
    ref ? `/plans/${planId}/parts/${FOLLOW_UP_PART}/new?${followUpSearch(ref)}` : "/plans";

  useEffect(() => {
    if (draft) navigate(target(draft.id), { replace: true });
  });

  const startVersion = async () => {
    if (!activeSchool || !inForce) return;
    setBusy(true);
    try {
      const plan = await api.post<PlanView>(
        `/api/schools/${activeSchool.id}/plans/${inForce.id}/revision`,
        {},
      );
      navigate(target(plan.id));
    } catch (err) {
      setError(err instanceof Error ? err.message : t("common.failed"));
      setBusy(false);
    }
  };

  return (
    <Page title={t("followUp.title")}>
      {!ref ? <Alert data-color="warning">{t("followUp.missing")}</Alert> : null}
      {ref ? <Paragraph>{t("followUp.result", { label: ref.label })}</Paragraph> : null}
      {ref && plans.state === "loading" ? <Spinner aria-label={t("common.loading")} /> : null}
      {plans.state === "error" ? <Alert data-color="danger">{plans.message}</Alert> : null}
      {error ? <Alert data-color="danger">{error}</Alert> : null}
      {ref && plans.state === "ready" && !draft ? (
        inForce ? (
          <>
            <Paragraph>{t("followUp.needsVersion", { version: inForce.version })}</Paragraph>
            <Button onClick={startVersion} disabled={busy}>
              {t("followUp.startVersion")}
            </Button>
          </>
        ) : (
          <Paragraph>
            {t("followUp.noPlan")} <Link to="/plans">{t("followUp.toPlans")}</Link>
          </Paragraph>
        )
      ) : null}
    </Page>
  );
}

/** "Følger opp: …" with the link back to the result, on the plan and in the editor. */
export function FollowsUpNote({ followsUp }: { followsUp: FollowUpRef }) {
  const { t } = useTranslation("plans");
  return (
    <Paragraph data-size="sm" className="plan-follows-up">
      {t("followUp.followsUp")} <Link to={followsUp.path}>{followsUp.label}</Link>
    </Paragraph>
  );
}
