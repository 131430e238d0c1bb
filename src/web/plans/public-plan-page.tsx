// The published plan, open to anyone at a stable address (/plan/<school id>): no login, no
// names (responsibles are roles). The frame is in the reader's language; the plan itself is
// the school's own text. Links to the printable PDF, the page for school websites and the
// school's calendar.
import { Alert, Link as DsLink, Paragraph, Spinner } from "@digdir/designsystemet-react";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router";
import { currentLang } from "../app/i18n.ts";
import { Page } from "../ui/page.tsx";
import { fmtDate, PlanContentView, useApiData } from "./shared.tsx";
import type { PublicPlan } from "./types.ts";

export function PublicPlanPage() {
  const { t } = useTranslation("plans");
  const { schoolId } = useParams();
  const load = useApiData<PublicPlan>(schoolId ? `/api/public/schools/${schoolId}/plan` : null);
  if (load.state !== "ready") {
    return (
      <Page title={t("public.title")}>
        {load.state === "error" ? (
          <Alert data-color="info">
            {load.status === 404 ? t("public.notFound") : load.message}
          </Alert>
        ) : (
          <Spinner aria-label={t("common.loading")} />
        )}
      </Page>
    );
  }
  const { school, plan } = load.data;
  const lang = currentLang();
  const html = `/public/schools/${school.id}/plan`;
  return (
    <Page
      title={`${plan.content.title} – ${school.name}`}
      heading={plan.content.title}
      lead={
        <Paragraph>
          {school.name} · {t("public.schoolYear", { year: plan.schoolYear })} ·{" "}
          {t("public.version", { version: plan.version })}
          {plan.publishedOn
            ? ` · ${t("public.publishedOn", { date: fmtDate(plan.publishedOn) })}`
            : ""}
        </Paragraph>
      }
    >
      <ul className="plan-link-list plan-block">
        <li>
          <DsLink href={`${html}.pdf?lang=${lang}`}>{t("public.pdf")}</DsLink>
        </li>
        <li>
          <DsLink href={`${html}?lang=${lang}`}>{t("public.html")}</DsLink>
        </li>
        <li>
          <DsLink href={`/api/public/schools/${school.id}/plan.ics?lang=${lang}`}>
            {t("public.ics")}
          </DsLink>
        </li>
      </ul>
      <PlanContentView content={plan.content} />
      <Paragraph data-size="sm" className="plan-muted">
        {t("public.footer")}
      </Paragraph>
    </Page>
  );
}
