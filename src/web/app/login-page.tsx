import { useTranslation } from "react-i18next";
import { Page } from "../ui/page.tsx";

export function LoginPage() {
  const { t } = useTranslation("auth");
  return <Page title={t("title")} />;
}
