// Reads a school's stored national survey results for the results page: every value, the
// school's own and the comparison figures, sorted for display.
import type { Db } from "../../platform/db/database.ts";

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

const TRINN_ORDER = ["5", "6", "7", "8", "9", "10", "Vg1", "Vg2", "Vg3", "all"];

export async function readNationalResults(db: Db, schoolId: string) {
  const rows = await db
    .selectFrom("national_survey_result")
    .select([
      "school_year",
      "trinn",
      "gender",
      "index_name",
      "level",
      "unit_name",
      "score",
      "hidden",
      "share_bullied",
      "answered",
    ])
    .where("school_id", "=", schoolId)
    .execute();
  const results: NationalResult[] = rows.map((r) => ({
    schoolYear: r.school_year,
    trinn: r.trinn,
    gender: r.gender,
    indexName: r.index_name,
    level: r.level,
    unitName: r.unit_name,
    score: r.score === null ? null : Number(r.score),
    hidden: r.hidden,
    shareBullied: r.share_bullied === null ? null : Number(r.share_bullied),
    answered: r.answered,
  }));
  const years = [...new Set(results.map((r) => r.schoolYear))].sort();
  const trinn = [...new Set(results.map((r) => r.trinn))].sort(
    (a, b) => TRINN_ORDER.indexOf(a) - TRINN_ORDER.indexOf(b),
  );
  const collator = new Intl.Collator("nb");
  const indices = [...new Set(results.map((r) => r.indexName))].sort(collator.compare);
  return { years, trinn, indices, results };
}
