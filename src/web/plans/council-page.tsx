// The pupil council board's page: its input to the yearly evaluation of the plan and the log
// of its meetings with the principal.
import { Link as DsLink, Paragraph } from "@digdir/designsystemet-react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { Page } from "../ui/page.tsx";

export function CouncilPage() {
  const { t } = useTranslation("plans");
  return (
    <Page title={t("council.title")} lead={<Paragraph>{t("council.lead")}</Paragraph>}>
      <ul className="plan-link-list">
        <li>
          <DsLink asChild>
            <Link to="/plans/evaluation">{t("council.evaluation")}</Link>
          </DsLink>
        </li>
        <li>
          <DsLink asChild>
            <Link to="/plans/meetings">{t("council.meetings")}</Link>
          </DsLink>
        </li>
      </ul>
    </Page>
  );
}
