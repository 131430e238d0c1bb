// The web catalog beyond what tsc checks: every text is non-empty in every language, and a
// translation uses exactly the {{placeholders}} of the bokmål source.
import { describe, expect, it } from "vitest";
import { resources } from "./catalog.ts";
import { LANGS } from "./lang.ts";

type Tree = { [key: string]: string | Tree };

function leaves(tree: Tree, prefix = ""): [string, string][] {
  return Object.entries(tree).flatMap(([k, v]) =>
    typeof v === "string"
      ? [[`${prefix}${k}`, v] as [string, string]]
      : leaves(v, `${prefix}${k}.`),
  );
}

const placeholders = (text: string) =>
  [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort();

const source = new Map(leaves(resources.nb as unknown as Tree));

describe.each(LANGS)("web catalog %s", (lang) => {
  const entries = leaves(resources[lang] as unknown as Tree);

  it("has every key of the bokmål source and no others", () => {
    expect(entries.map(([k]) => k).sort()).toEqual([...source.keys()].sort());
  });

  it.each(entries)("%s is non-empty and keeps the placeholders", (key, text) => {
    expect(text.trim()).not.toBe("");
    expect(placeholders(text)).toEqual(placeholders(source.get(key) ?? ""));
  });
});
