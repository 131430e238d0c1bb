// Issue #12, "links": every public page the seed plan links to has its real address in the
// default template. Only the school's (and the county's staff portal's) own pages are left
// without one, for the school to fill in; nothing is empty, "#" or a "link to come".
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { parsePlanTemplate } from "./template.ts";
import type { PlanLink } from "./types.ts";

const here = path.dirname(fileURLToPath(import.meta.url));
const parsed = parsePlanTemplate(
  JSON.parse(
    fs.readFileSync(
      path.resolve(here, "../../../templates/action-plans/trygt-skolemiljo-akershus-vgs.nb.json"),
      "utf8",
    ),
  ),
);
if (!parsed.ok) throw new Error(JSON.stringify(parsed.error, null, 2));
const { content } = parsed.value;

const links: Array<{ where: string; link: PlanLink }> = [
  ...content.sections.flatMap((s) => s.links.map((link) => ({ where: s.id, link }))),
  ...content.parts.flatMap((p) => [
    ...p.links.map((link) => ({ where: p.id, link })),
    ...p.activities.flatMap((a) => a.links.map((link) => ({ where: a.id, link }))),
  ]),
];

/** Pages only the school (or the county, behind its staff login) has: the school fills them in. */
const SCHOOL_OWN_PAGES = new Set([
  "Skolens nettsted",
  "Informasjon på skolens nettsted",
  "Skolereglene",
  "Skoleregler",
  "Ansattportalen på fylkeskommunens nettsted",
  "eHåndbok – Rutine ved mistanke om at elever ikke har et trygt og godt skolemiljø",
]);

const PLACEHOLDER = /lenke kommer|link to come|todo|example\.|^#|^https?:\/\/?$/i;

describe("the default template's links", () => {
  it("has links to check", () => {
    expect(links.length).toBeGreaterThan(10);
  });

  it("publishes no empty or placeholder address", () => {
    const bad = links.filter(({ link }) =>
      link.url === null
        ? !SCHOOL_OWN_PAGES.has(link.label)
        : link.url.trim() === "" ||
          PLACEHOLDER.test(link.url) ||
          !/^https:\/\/[a-z0-9.-]+\.[a-z]{2,}\//i.test(link.url),
    );
    expect(bad).toEqual([]);
  });

  it("gives no label that reads as a placeholder", () => {
    expect(
      links.filter(({ link }) => link.label.trim() === "" || PLACEHOLDER.test(link.label)),
    ).toEqual([]);
  });

  it.each([
    ["VIP makkerskap", "https://www.vipmakkerskap.no/"],
    ["Verdensdagen for psykisk helse", "https://psykiskhelse.no/verdensdagen"],
    [
      "Klageadgang",
      "https://www.statsforvalteren.no/nb/oslo-og-viken/barnehage-og-opplaring/skolemiljo/",
    ],
    [
      "Utdanningsdirektoratets nettside om skolemiljø.",
      "https://www.udir.no/laring-og-trivsel/skolemiljo/",
    ],
    ["MOT", "https://www.mot.no/"],
  ])("links %s to %s", (label, url) => {
    const found = links.filter(({ link }) => link.label === label);
    expect(found.length).toBeGreaterThan(0);
    for (const { link } of found) expect(link.url).toBe(url);
  });
});
