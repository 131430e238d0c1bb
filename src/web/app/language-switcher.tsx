// Bokmål / Nynorsk / English. Each language is named in itself (and marked with its lang), so
// a reader who does not understand the current language still finds their own.
import { Dropdown } from "@digdir/designsystemet-react";
import { useTranslation } from "react-i18next";
import { LANGS, type Lang } from "../../i18n/lang.ts";
import { CheckIcon, ChevronDownIcon, GlobeIcon } from "../ui/icons.tsx";
import { useDropdown } from "../ui/use-dropdown.ts";
import { currentLang, setLanguage } from "./i18n.ts";

export const LANGUAGE_NAMES: Record<Lang, string> = {
  nb: "Bokmål",
  nn: "Nynorsk",
  en: "English",
};

export function LanguageSwitcher({ onChanged }: { onChanged?: () => void }) {
  const { t } = useTranslation();
  const lang = currentLang();
  const menu = useDropdown();
  return (
    <Dropdown.TriggerContext>
      <Dropdown.Trigger variant="tertiary" data-size="sm" className="header-button">
        <GlobeIcon />
        <span className="ds-sr-only">{t("language.label")}:</span>
        <span lang={lang}>{LANGUAGE_NAMES[lang]}</span>
        <ChevronDownIcon />
      </Dropdown.Trigger>
      <Dropdown placement="bottom-end" data-size="sm" {...menu.props}>
        <Dropdown.Heading>{t("language.choose")}</Dropdown.Heading>
        <Dropdown.List>
          {LANGS.map((l) => (
            <Dropdown.Item key={l}>
              <Dropdown.Button
                lang={l}
                aria-current={l === lang ? "true" : undefined}
                onClick={() => {
                  menu.close();
                  void setLanguage(l).then(() => onChanged?.());
                }}
              >
                <span className="menu-check">{l === lang ? <CheckIcon /> : null}</span>
                {LANGUAGE_NAMES[l]}
              </Dropdown.Button>
            </Dropdown.Item>
          ))}
        </Dropdown.List>
      </Dropdown>
    </Dropdown.TriggerContext>
  );
}
