export const LANGS = ["nb", "nn", "en"] as const;
export type Lang = (typeof LANGS)[number];
export const DEFAULT_LANG: Lang = "nb";

export function isLang(value: unknown): value is Lang {
  return typeof value === "string" && (LANGS as readonly string[]).includes(value);
}

/** Picks the best supported language from an Accept-Language header ("no" means bokmål). */
export function langFromHeader(header: string | undefined): Lang {
  if (!header) return DEFAULT_LANG;
  const wanted = header
    .split(",")
    .map((part) => {
      const [tag = "", q] = part.trim().split(";q=");
      return { tag: tag.toLowerCase(), q: q ? Number.parseFloat(q) : 1 };
    })
    .sort((a, b) => b.q - a.q);
  for (const { tag } of wanted) {
    const base = tag.split("-")[0];
    if (base === "nn") return "nn";
    if (base === "nb" || base === "no") return "nb";
    if (base === "en") return "en";
  }
  return DEFAULT_LANG;
}
