import { describe, expect, it } from "vitest";
import { readPdf } from "../../../test/support/pdf-text.ts";
import { groupsPdf } from "./groups-pdf.ts";
import { roundLabel } from "./pdf-texts.ts";

const names = Array.from({ length: 30 }, (_, i) => `Elev${i + 1} Ødegård`);

describe("groupsPdf", () => {
  it("prints each round on its own A4 portrait page with every group and member", async () => {
    const rounds = [0, 1].map((r) => ({
      label: roundLabel("nb", r),
      dates: { startsOn: `2026-0${r + 8}-01`, endsOn: `2026-0${r + 8}-21` },
      groups: Array.from({ length: 8 }, (_, g) => ({
        name: `Gruppe ${g + 1}`,
        members: names.filter((_, i) => (i + r) % 8 === g).map((n) => [n]),
      })),
    }));
    rounds[1]!.groups[0]!.members.push(["Maximilian Alexander von Johannessen-Kristiansen"]);
    const pdf = await groupsPdf({ title: "Makkergrupper", groupName: "8A", rounds, lang: "nb" });
    const read = readPdf(pdf);
    expect(read.pages).toBe(2);
    expect(read.height).toBeGreaterThan(read.width);
    const text = read.text.replace(/\s+/g, " ");
    for (const label of [
      "Makkergrupper",
      "8A",
      "Runde 1",
      "Runde 2",
      "01.08.2026",
      "Gruppe 8",
      "4 elever",
    ]) {
      expect(text).toContain(label);
    }
    for (const name of names) expect(read.text.split(name).length - 1).toBe(2);
    // Wrapped inside its column; the full name is printed.
    expect(text).toContain("Maximilian");
    expect(text).toContain("Johannessen-Kristiansen");
  });

  it("counts pupils, not buddy pairs, under each group", async () => {
    const pdf = await groupsPdf({
      title: "Makkergrupper",
      groupName: "8A",
      rounds: [
        {
          label: roundLabel("nb", 0),
          dates: { startsOn: "2026-08-17", endsOn: "2026-09-06" },
          groups: [
            {
              name: "Gruppe 1",
              members: [
                ["Ada Berg", "Bo Dahl"],
                ["Cia Eng", "Dag Fjell"],
              ],
            },
            {
              name: "Gruppe 2",
              members: [
                ["Eli Gran", "Fia Hauk", "Gro Isak"],
                ["Hans Jord", "Ida Kalv"],
              ],
            },
            { name: "Gruppe 3", members: [["Jon Lund"]] },
          ],
        },
      ],
      lang: "nb",
    });
    const text = readPdf(pdf).text.replace(/\s+/g, " ");
    expect(text).toContain("4 elever");
    expect(text).toContain("5 elever");
    expect(text).toContain("1 elev");
    expect(text).not.toContain("2 elever");
    expect(text).not.toContain("1 elever");
    // A pair is printed on one line.
    expect(readPdf(pdf).text).toMatch(/Ada Berg \+ Bo Dahl/);
  });

  it("says so when a round has no groups", async () => {
    const pdf = await groupsPdf({
      title: "Groups",
      groupName: "8A",
      rounds: [
        { label: "Round 1", dates: { startsOn: "2026-08-01", endsOn: "2026-08-21" }, groups: [] },
      ],
      lang: "en",
    });
    expect(readPdf(pdf).text).toContain("No groups in this round.");
  });
});
