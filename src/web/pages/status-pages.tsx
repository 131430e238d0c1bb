// Pages for the ways a page can fail to show: not found, no access, a crash while rendering.
import { Link as DsLink, Paragraph } from "@digdir/designsystemet-react";
import { useTranslation } from "react-i18next";
import { Link, useRouteError } from "react-router";
import { Page } from "../ui/page.tsx";

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <Page title={t("notFound.title")} narrow>
      <Paragraph>{t("notFound.body")}</Paragraph>
      <Paragraph>
        <DsLink asChild>
          <Link to="/">{t("notFound.home")}</Link>
        </DsLink>
      </Paragraph>
    </Page>
  );
}

export function ForbiddenPage() {
  const { t } = useTranslation();
  return (
    <Page title={t("forbidden.title")} narrow>
      <Paragraph>{t("forbidden.body")}</Paragraph>
      <Paragraph>
        <DsLink asChild>
          <Link to="/">{t("notFound.home")}</Link>
        </DsLink>
      </Paragraph>
    </Page>
  );
}

export function RouteErrorPage() {
  const { t } = useTranslation();
  useRouteError();
  return (
    <main id="main" className="app-main">
      <Page title={t("errors.title")} narrow>
        <Paragraph>{t("errors.unknown")}</Paragraph>
        <Paragraph>
          <DsLink href="/">{t("notFound.home")}</DsLink>
        </Paragraph>
      </Page>
    </main>
  );
}
