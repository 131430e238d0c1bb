// The seed plan's "Klageadgang" (the right to complain, §12-6) points to Statsforvalteren's
// page on the school environment, and nothing in that activity is a link still to come.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const here = path.dirname(fileURLToPath(import.meta.url));
const template = JSON.parse(
  fs.readFileSync(
    path.resolve(here, "../../../templates/action-plans/trygt-skolemiljo-akershus-vgs.nb.json"),
    "utf8",
  ),
) as {
  content: { parts: { activities: { links?: { label: string; url: string | null }[] }[] }[] };
};

describe("the template's Klageadgang link", () => {
  const activity = template.content.parts
    .flatMap((p) => p.activities)
    .find((a) => a.links?.some((l) => l.label === "Klageadgang"));

  it("goes to Statsforvalteren's page on the school environment", () => {
    expect(activity?.links?.find((l) => l.label === "Klageadgang")?.url).toBe(
      "https://www.statsforvalteren.no/nb/oslo-og-viken/barnehage-og-opplaring/skolemiljo/",
    );
  });

  it("leaves no link to come in that activity", () => {
    expect(
      activity?.links?.every((l) => typeof l.url === "string" && l.url.startsWith("https://")),
    ).toBe(true);
  });
});
