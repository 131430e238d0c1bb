// Synthetic Elevundersøkelsen files in the real layouts, deterministic from a seed: for the
// living demo, tests and the browser tests. No real school's figures.
import { formatNumber } from "./numbers.ts";
import { SKOLEPORTEN_HEADER } from "./parse.ts";

export const NATIONAL_INDICES = [
  "Trivsel",
  "Støtte fra lærerne",
  "Mestring",
  "Elevdemokrati og medvirkning",
  "Mobbing på skolen",
] as const;

export interface SyntheticUnit {
  name: string;
  /** How far this unit sits from the national mean (in index points). */
  offset: number;
}

export interface SyntheticSpec {
  units: readonly SyntheticUnit[];
  /** School years as "2024-25". */
  years: readonly string[];
  /** As written in the file: "Vg1", "Trinn 7", … */
  trinn: readonly string[];
  seed: number;
  /** Hide the school's value for this (trinn, gender) pair, as Udir does for small groups. */
  hide?: { trinn: string; gender: "Jenter" | "Gutter" };
}

/** A small deterministic generator (mulberry32): same seed, same file. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const GENDERS = ["Begge kjønn", "Jenter", "Gutter"] as const;
const BASE: Record<string, number> = {
  Trivsel: 4.2,
  "Støtte fra lærerne": 4.0,
  Mestring: 3.9,
  "Elevdemokrati og medvirkning": 3.5,
  "Mobbing på skolen": 4.7,
};

/** The Skoleporten long format: BOM, CRLF, ";", a score line per index, one decimal comma. */
export function syntheticSkoleportenFile(spec: SyntheticSpec): string {
  const next = rng(spec.seed);
  const lines = [SKOLEPORTEN_HEADER];
  for (const unit of spec.units) {
    for (const [y, year] of spec.years.entries()) {
      const [from = "2024"] = year.split("-");
      const period = `${from}-${Number(from) + 1}`;
      for (const trinn of spec.trinn) {
        for (const gender of GENDERS) {
          for (const index of NATIONAL_INDICES) {
            const jitter = (next() - 0.5) * 0.4 + y * 0.05;
            const score = Math.min(5, Math.max(1, (BASE[index] ?? 4) + unit.offset + jitter));
            const hidden =
              spec.hide !== undefined &&
              spec.hide.trinn === trinn &&
              spec.hide.gender === gender &&
              unit === spec.units[0];
            const value = hidden ? "." : formatNumber(score, 1);
            lines.push(
              [
                unit.name,
                "Videregående skole",
                "Læringsmiljø",
                "Elevundersøkelsen",
                index,
                period,
                "Offentlig",
                trinn,
                gender,
                value,
                "Snitt",
              ].join(";"),
            );
          }
        }
      }
    }
  }
  return `\uFEFF${lines.join("\r\n")}\r\n`;
}
