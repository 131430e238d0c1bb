// i18next for the web UI: bokmål by default, the user's choice remembered in localStorage,
// and <html lang> kept in step so screen readers pronounce the page in the right language.
import i18next from "i18next";
import { initReactI18next } from "react-i18next";
import { NAMESPACES, type Resources, resources } from "../../i18n/catalog.ts";
import { DEFAULT_LANG, isLang, type Lang } from "../../i18n/lang.ts";

declare module "i18next" {
  interface CustomTypeOptions {
    defaultNS: "common";
    resources: Resources;
  }
}

const STORAGE_KEY = "trygg.lang";

function storedLang(): Lang {
  try {
    const value = globalThis.localStorage?.getItem(STORAGE_KEY);
    return isLang(value) ? value : DEFAULT_LANG;
  } catch {
    return DEFAULT_LANG;
  }
}

export const i18n = i18next.createInstance();

void i18n.use(initReactI18next).init({
  resources,
  lng: storedLang(),
  fallbackLng: DEFAULT_LANG,
  supportedLngs: ["nb", "nn", "en"],
  ns: NAMESPACES,
  defaultNS: "common",
  interpolation: { escapeValue: false }, // React escapes
  returnNull: false,
  initAsync: false,
});

function applyHtmlLang(lang: string): void {
  if (typeof document !== "undefined") document.documentElement.lang = lang;
}
applyHtmlLang(currentLang());
i18n.on("languageChanged", applyHtmlLang);

export function currentLang(): Lang {
  const lang = i18n.resolvedLanguage ?? i18n.language;
  return isLang(lang) ? lang : DEFAULT_LANG;
}

export async function setLanguage(lang: Lang): Promise<void> {
  try {
    globalThis.localStorage?.setItem(STORAGE_KEY, lang);
  } catch {
    // Private mode or blocked storage: the choice lasts for this page view only.
  }
  await i18n.changeLanguage(lang);
}

/** BCP 47 locale for Intl formatting of the current language. */
export function currentLocale(): string {
  return { nb: "nb-NO", nn: "nn-NO", en: "en-GB" }[currentLang()];
}

/**
 * Translates a key known only at run time ("namespace:key", e.g. a feature's menu label or an
 * audit action code), falling back to `fallback` when the catalog has no such key.
 */
export function translateOr(key: string, fallback: string): string {
  if (!i18n.exists(key)) return fallback;
  // A key may name a group of texts ("plan" in "plan.task.complete"): that is no text.
  const value: unknown = i18n.t(key as never, { returnObjects: true } as never);
  return typeof value === "string" ? value : fallback;
}
