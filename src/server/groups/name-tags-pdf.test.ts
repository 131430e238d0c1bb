import { describe, expect, it } from "vitest";
import { readPdf } from "../../../test/support/pdf-text.ts";
import { nameTagsPdf } from "./name-tags-pdf.ts";

const LONG = "Maximilian Alexander von Johannessen-Kristiansen";

describe("nameTagsPdf", () => {
  it("prints two folded cards per A4 portrait page, each name twice", async () => {
    const names = Array.from({ length: 30 }, (_, i) => ({
      name: `Elev${i + 1} Ødegård`,
      table: String((i % 8) + 1),
    }));
    const pdf = await nameTagsPdf({ names, lang: "nb" });
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    const read = readPdf(pdf);
    expect(read.pages).toBe(15);
    expect(read.height).toBeGreaterThan(read.width);
    for (const { name } of names) {
      // Once upright (text) and once upside down (SVG text) on the other half of the card.
      expect(read.text.split(name).length - 1).toBe(2);
    }
    expect(read.text).toContain("Bord 8");
    expect(read.text).toContain("Brett her");
  });

  it("shrinks a long name onto the card and escapes markup", async () => {
    const pdf = await nameTagsPdf({
      names: [{ name: LONG }, { name: '<Ola & "Per">' }, { name: "Li", table: "3" }],
      lang: "en",
    });
    const read = readPdf(pdf);
    expect(read.pages).toBe(2);
    const text = read.text.replace(/\s+/g, " ");
    expect(text).toContain("Maximilian Alexander von");
    expect(text).toContain("Johannessen-Kristiansen");
    expect(text).toContain('<Ola & "Per">');
    expect(text).toContain("Table 3");
    expect(text).toContain("Fold here");
  });

  it("renders an empty list as one blank page", async () => {
    expect(readPdf(await nameTagsPdf({ names: [], lang: "nn" })).pages).toBe(1);
  });
});
