// The many ways the files name a school year, a trinn, a gender and a unit's level, each
// mapped to one spelling. Unknown spellings return null (the caller reports the row).
import type { Gender, Level } from "./types.ts";

/** "2014-2015", "2014–15", "2021-22", "2021/22" -> "2014-15"; null if not consecutive years. */
export function normaliseSchoolYear(raw: string): string | null {
  const m = /^(\d{4})\s*[-–/]\s*(\d{2}|\d{4})$/.exec(raw.trim());
  if (!m) return null;
  const first = Number(m[1]);
  const second = m[2] ?? "";
  const next =
    second.length === 4 ? Number(second) : Math.floor(first / 100) * 100 + Number(second);
  // "1999-00" rolls over the century.
  const expected = first + 1;
  if (next !== expected && !(second.length === 2 && next + 100 === expected)) return null;
  return `${first}-${String(expected % 100).padStart(2, "0")}`;
}

/** "Trinn 5", "5. trinn", "Vg1", "Videregående trinn 1", "Alle trinn" -> "5", "Vg1", "all". */
export function normaliseTrinn(raw: string): string | null {
  const t = raw.trim().toLowerCase().replace(/\s+/g, " ");
  if (t === "alle trinn" || t === "alle" || t === "") return t === "" ? null : "all";
  let m = /^(?:vg|vgs|vg\.|videregående trinn|videregåande trinn|vg trinn) ?([1-3])$/.exec(t);
  if (m) return `Vg${m[1]}`;
  m = /^(?:trinn ?(\d{1,2})|(\d{1,2})\.? ?trinn|(\d{1,2}))$/.exec(t);
  if (m) {
    const n = Number(m[1] ?? m[2] ?? m[3]);
    if (n >= 1 && n <= 10) return String(n);
  }
  return null;
}

export function normaliseGender(raw: string): Gender | null {
  const t = raw.trim().toLowerCase();
  if (["begge kjønn", "alle kjønn", "alle", "begge", "totalt"].includes(t)) return "all";
  if (["jenter", "jente", "kvinner"].includes(t)) return "female";
  if (["gutter", "gutt", "menn"].includes(t)) return "male";
  return null;
}

/** A unit name compared as the issue asks: trimmed, inner spaces collapsed, case-folded. */
export function foldName(raw: string): string {
  return raw.trim().replace(/\s+/g, " ").toLowerCase();
}

/**
 * Whether a unit is a comparison figure, from its name (or an explicit level field where the
 * file has one): "Nasjonalt", "Hele landet", "Norge", "… fylkeskommune", "… fylke", "… kommune".
 */
export function levelOf(unitName: string, levelField?: string | null): Level {
  const f = foldName(levelField ?? "");
  if (f) {
    if (/^(nasjonalt|nasjonal|land|hele landet|norge)$/.test(f)) return "national";
    if (/^(fylke|fylkesnivå|fylkeskommune)$/.test(f)) return "county";
    if (/^(kommune|kommunenivå)$/.test(f)) return "municipality";
    if (/^(skole|skolenivå|enhet)$/.test(f)) return "school";
  }
  const n = foldName(unitName);
  if (/^(nasjonalt|hele landet|norge|landet)$/.test(n)) return "national";
  if (/fylkeskommune$|\bfylke$/.test(n)) return "county";
  if (/\bkommune$/.test(n)) return "municipality";
  return "school";
}
