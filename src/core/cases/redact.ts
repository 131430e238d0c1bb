/**
 * The family copy (innsyn) must never reveal other pupils, also where a name was written in
 * free text. At export, every known name of another pupil (full name and given name) is
 * replaced by a neutral word ("[annen elev]"); the family's own pupil's names are kept.
 *
 * Matching is whole-word (a letter, digit or hyphen on either side is no match: "Kari-Lise" is
 * another name than "Kari"), case-insensitive,
 * and longest first, so "Ola Nordmann" is replaced as one, not as "Ola" plus a stray
 * "Nordmann". A name of another pupil that is also one of the own pupil's names (two pupils
 * called Ola) is kept: the own pupil's name must survive, and the full name still goes.
 * Only known names are found: a nickname or a misspelling is not, so the copy still asks to
 * be read before it is sent.
 */

export interface PersonNames {
  readonly givenName: string;
  readonly familyName: string;
}

export interface RedactionRule {
  /** Names to replace (other pupils). */
  readonly hide: readonly string[];
  /** Names to keep even when they equal a hidden one (the family's own pupil). */
  readonly keep: readonly string[];
  readonly replacement: string;
}

/** The names a person is written by: full name and given name (blank ones left out). */
export function namesOfPerson(p: PersonNames): string[] {
  const given = p.givenName.trim().replace(/\s+/g, " ");
  const family = p.familyName.trim().replace(/\s+/g, " ");
  const full = [given, family].filter((x) => x.length > 0).join(" ");
  return [...new Set([full, given].filter((x) => x.length > 0))];
}

/** Build a rule from the own pupil's names and those of the pupils to hide. */
export function redactionRule(
  own: readonly PersonNames[],
  others: readonly PersonNames[],
  replacement: string,
): RedactionRule {
  return {
    keep: own.flatMap(namesOfPerson),
    hide: others.flatMap(namesOfPerson),
    replacement,
  };
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
/** A name's own spaces match any run of white space (a line break in the middle of a name). */
const pattern = (name: string) => name.split(/\s+/).map(escapeRegExp).join("\\s+");
const fold = (s: string) => s.toLocaleLowerCase("nb").replace(/\s+/g, " ");

/** A function that redacts texts by `rule`; compile once, apply to every text of a file. */
export function compileRedaction(rule: RedactionRule): (text: string) => string {
  const keep = new Set(rule.keep.map(fold));
  const hide = [...new Set(rule.hide.map(fold))].filter((n) => n.length > 0 && !keep.has(n));
  if (hide.length === 0) return (text) => text;
  const terms = [...new Set([...hide, ...keep])].filter((n) => n.length > 0);
  // Longest first, so a longer name wins over the given name it starts with, and a kept name
  // that contains a hidden one ("Anne-Marie" kept, "Anne" hidden) is matched as a whole.
  terms.sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
  const hidden = terms.map((term) => !keep.has(term));
  const re = new RegExp(
    `(?<![\\p{L}\\p{N}_-])(?:${terms.map((t) => `(${pattern(t)})`).join("|")})(?![\\p{L}\\p{N}_-])`,
    "giu",
  );
  return (text) =>
    text.replace(re, (match: string, ...groups: unknown[]) => {
      const index = groups.findIndex((g, i) => i < terms.length && g !== undefined);
      return hidden[index] ? rule.replacement : match;
    });
}

/** Replace every hidden name in `text` (one-off use; see `compileRedaction`). */
export function redactNames(text: string, rule: RedactionRule): string {
  return compileRedaction(rule)(text);
}
