import { useTranslation } from "react-i18next";
import { Page } from "../ui/page.tsx";

export function AuditPage() {
  const { t } = useTranslation();
  return <Page title={t("nav.audit")} />;
}
