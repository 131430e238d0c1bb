// Shared presentation helpers for national survey values.
import type { TFunction } from "i18next";

export interface NationalResult {
  schoolYear: string;
  trinn: string;
  gender: "all" | "female" | "male";
  indexName: string;
  level: "school" | "municipality" | "county" | "national";
  unitName: string;
  score: number | null;
  hidden: boolean;
  shareBullied: number | null;
  answered: number | null;
}

export interface NationalResults {
  years: string[];
  trinn: string[];
  indices: string[];
  results: NationalResult[];
}

export const LEVEL_ORDER = ["school", "municipality", "county", "national"] as const;

/** "Vg1" stays; "7" becomes "7. trinn"; "all" becomes "alle trinn". */
export function trinnLabel(t: TFunction<"surveysNational">, trinn: string): string {
  if (trinn === "all") return t("results.allTrinn");
  if (/^\d+$/.test(trinn)) return t("results.trinnName", { trinn });
  return trinn;
}

/** A score for a table cell: hidden values say so, never 0. */
export function scoreText(
  t: TFunction<"surveysNational">,
  lang: string,
  value: NationalResult | undefined,
): string {
  if (!value) return t("results.noValue");
  if (value.hidden && value.score === null) return t("results.hidden");
  if (value.score === null) return t("results.noValue");
  return new Intl.NumberFormat(lang === "en" ? "en-GB" : "nb-NO", {
    minimumFractionDigits: 1,
    maximumFractionDigits: 2,
  }).format(value.score);
}

/** Every school year from the first to the last, so a missing year shows as a gap, not as a step. */
export function continuousYears(years: readonly string[]): string[] {
  const starts = years.map((y) => Number(y.slice(0, 4))).filter(Number.isFinite);
  if (starts.length === 0) return [];
  const out: string[] = [];
  for (let y = Math.min(...starts); y <= Math.max(...starts); y++) {
    out.push(`${y}-${String((y + 1) % 100).padStart(2, "0")}`);
  }
  return out;
}
