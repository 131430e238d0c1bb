import { describe, expect, it } from "vitest";
import { readPdf } from "../../../test/support/pdf-text.ts";
import {
  assignSeats,
  LAYOUT_PROBLEM_CODES,
  layoutTemplate,
  SEATING_PROBLEM_CODES,
  seatingGroups,
} from "../../core/groups/seating.ts";
import { errorMessages } from "../../i18n/errors.ts";
import { LANGS } from "../../i18n/lang.ts";
import { fitText, textEm } from "./pdf-fit.ts";
import { roundLabel } from "./pdf-texts.ts";
import { nameVariants, seatingMapPdf } from "./seating-pdf.ts";

const FIRST = ["Kari", "Ola", "Åse", "Mohammed", "Sofie", "Jonas", "Ingrid", "Emil", "Nora", "Ali"];
const LAST = ["Nordmann", "Ødegård", "Hansen", "Berg", "Li", "Dahl"];
const classOf30 = Array.from({ length: 30 }, (_, i) => `${FIRST[i % 10]} ${LAST[i % 6]}`);
const LONG = "Maximilian Alexander von Johannessen-Kristiansen";

function seated(kind: "rows" | "islands" | "horseshoe", names: string[]): Record<string, string> {
  const layout = layoutTemplate(kind, { seats: 32 });
  const plan = seatingGroups(layout, names.length);
  if (!plan) throw new Error("no room");
  const groups: string[][] = [];
  let next = 0;
  for (const size of plan.sizes) {
    groups.push(names.slice(next, next + size));
    next += size;
  }
  const seats = assignSeats(layout, plan.tableIds, groups, []);
  if (!seats.ok) throw new Error("no seats");
  return seats.value;
}

describe("seatingMapPdf", () => {
  it.each(["rows", "islands", "horseshoe"] as const)(
    "draws a class of 30 in %s on one A4 landscape page",
    async (kind) => {
      const layout = layoutTemplate(kind, { seats: 32 });
      const pdf = await seatingMapPdf({
        title: "Klassekart høst",
        groupName: "8A",
        roundLabel: roundLabel("nb", 1),
        dates: { startsOn: "2026-09-07", endsOn: "2026-09-27" },
        layout,
        seats: seated(kind, classOf30),
        lang: "nb",
      });
      expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
      const read = readPdf(pdf);
      expect(read.pages).toBe(1);
      expect(read.width).toBeGreaterThan(read.height);
      const text = read.text.replace(/\s+/g, " ");
      for (const label of [
        "Klassekart høst",
        "8A",
        "Runde 2",
        "07.09.2026",
        "27.09.2026",
        "Tavle",
      ]) {
        expect(text).toContain(label);
      }
      expect(text).toMatch(/Bord 1\b|\b1\b/);
      // Names may be wrapped, or shortened to "Kari N." where the full name would be too
      // small; the given name is always there.
      for (const given of FIRST) expect(text).toContain(given);
      expect(text).not.toMatch(/Nordman- n/);
    },
  );

  it("shortens a very long name and prints English labels", async () => {
    const names = [LONG, ...classOf30.slice(1)];
    const pdf = await seatingMapPdf({
      title: "Seating",
      groupName: "8A",
      roundLabel: roundLabel("en", 0),
      dates: { startsOn: "2026-09-07", endsOn: "2026-09-27" },
      layout: layoutTemplate("rows", { seats: 32 }),
      seats: seated("rows", names),
      lang: "en",
    });
    const text = readPdf(pdf).text.replace(/\s+/g, " ");
    expect(text).toContain("Round 1");
    expect(text).toContain("Board");
    expect(text).toContain("Table 1");
    // Too long for a chair at a readable size: printed by its first given name.
    expect(text).toContain("Maximilian");
  });

  it("draws an empty room", async () => {
    const pdf = await seatingMapPdf({
      title: "T",
      groupName: "8A",
      roundLabel: "Runde 1",
      dates: { startsOn: "2026-09-07", endsOn: "2026-09-27" },
      layout: layoutTemplate("islands", { seats: 24 }),
      seats: {},
      lang: "nn",
    });
    expect(readPdf(pdf).text).toContain("Framme");
  });
});

describe("nameVariants", () => {
  it("shortens to given names and an initial, then the first given name", () => {
    expect(nameVariants("Kari Marie Nordmann")).toEqual([
      "Kari Marie Nordmann",
      "Kari Marie N.",
      "Kari N.",
      "Kari",
    ]);
    expect(nameVariants("Åse Ødegård")).toEqual(["Åse Ødegård", "Åse Ø.", "Åse"]);
    expect(nameVariants("Li")).toEqual(["Li"]);
  });
});

describe("fitText", () => {
  it("keeps short names on one line at the largest size", () => {
    expect(fitText("Li", 200, 100, { max: 40, min: 6 })).toEqual({ lines: ["Li"], fontSize: 40 });
  });

  it("wraps a long name into balanced lines that fit the box", () => {
    const fitted = fitText(LONG, 120, 60, { max: 20, min: 4, maxLines: 3 });
    expect(fitted.lines.length).toBeGreaterThan(1);
    expect(fitted.lines.join(" ")).toBe(LONG);
    for (const line of fitted.lines)
      expect(textEm(line) * fitted.fontSize).toBeLessThanOrEqual(120);
    expect(fitted.lines.length * fitted.fontSize * 1.17).toBeLessThanOrEqual(60.01);
  });

  it("breaks words and cuts with an ellipsis below the smallest size", () => {
    const fitted = fitText("Johannessen-Kristiansen-Andersen", 20, 12, { max: 10, min: 6 });
    expect(fitted.fontSize).toBe(6);
    expect(fitted.lines.length).toBe(1);
    expect(fitted.lines[0]).toMatch(/…$/);
  });
});

describe("layout and seating error codes", () => {
  it("have a message in every language", () => {
    for (const lang of LANGS) {
      const messages = errorMessages[lang] as Record<string, string>;
      for (const code of [...LAYOUT_PROBLEM_CODES, ...SEATING_PROBLEM_CODES]) {
        expect(messages[code], `${lang} ${code}`).toBeTruthy();
      }
    }
  });
});
