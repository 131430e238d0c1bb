// Numbers as Norwegian statistics files write them: decimal comma ("3,1"), thousands
// separated by a space ("63 187", also no-break spaces), hidden values as "." or "*".

export type ParsedNumber =
  | { kind: "value"; value: number }
  | { kind: "hidden" }
  | { kind: "empty" }
  | { kind: "invalid" };

const HIDDEN = new Set([".", "*", "..", "**"]);
// Digits with optional groups of three after a space, then an optional decimal part.
const GROUPED = /^-?\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?:[.,]\d+)?$/;
const PLAIN = /^-?\d+(?:[.,]\d+)?$/;

export function parseNumber(raw: string | number | null | undefined): ParsedNumber {
  if (raw === null || raw === undefined) return { kind: "empty" };
  if (typeof raw === "number") {
    return Number.isFinite(raw) ? { kind: "value", value: raw } : { kind: "invalid" };
  }
  const text = raw.trim();
  if (text === "") return { kind: "empty" };
  if (HIDDEN.has(text)) return { kind: "hidden" };
  let digits: string;
  if (PLAIN.test(text)) digits = text;
  else if (GROUPED.test(text)) digits = text.replace(/[ \u00a0\u202f]/g, "");
  else return { kind: "invalid" };
  const value = Number(digits.replace(",", "."));
  return Number.isFinite(value) ? { kind: "value", value } : { kind: "invalid" };
}

/** Writes a number the way Udir's files do (for generated demo files and tests). */
export function formatNumber(value: number, decimals: number): string {
  const fixed = Math.abs(value).toFixed(decimals);
  const [int = "0", frac] = fixed.split(".");
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, " ");
  return `${value < 0 ? "-" : ""}${grouped}${frac ? `,${frac}` : ""}`;
}
