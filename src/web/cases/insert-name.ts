// Inserting a pupil's name at the cursor of a text field (pupil-name-picker.tsx), as a pure
// function so it can be tested without a browser.

export interface TextEdit {
  value: string;
  /** Where the cursor goes: just after the inserted name. */
  cursor: number;
}

const WORD = /[\p{L}\p{N}]/u;
/** Punctuation after which a name is written with a space: "hverandre: Ask", "Ask, Bo". */
const SPACED_AFTER = /[,:;.!?)\]]/;

/**
 * Replace the selection [start, end) of `value` with `name`. A space is added before the
 * name if it would otherwise run into a word or follow punctuation such as ":" or ",", and
 * after it if a word follows. Out-of-range
 * or reversed selections are clamped, so a lost selection inserts at the end.
 */
export function insertAtSelection(
  value: string,
  start: number | null | undefined,
  end: number | null | undefined,
  name: string,
): TextEdit {
  const from = Math.min(Math.max(start ?? value.length, 0), value.length);
  const to = Math.min(Math.max(end ?? from, from), value.length);
  const before = value.slice(0, from);
  const after = value.slice(to);
  const last = before.slice(-1);
  const lead = before.length > 0 && (WORD.test(last) || SPACED_AFTER.test(last)) ? " " : "";
  const trail = after.length > 0 && WORD.test(after.charAt(0)) ? " " : "";
  const inserted = `${lead}${name}${trail}`;
  return {
    value: `${before}${inserted}${after}`,
    cursor: before.length + lead.length + name.length,
  };
}
