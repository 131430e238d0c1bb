import { describe, expect, it } from "vitest";
import {
  bestConstruction,
  type Design,
  designCatalogue,
  fitDesign,
  roundRobin,
} from "./constructions.ts";

/** Every round is a partition of 0..v-1 into blocks of size k, and no pair meets twice. */
function verifyResolvable(design: Design): void {
  const seen = new Set<number>();
  for (const round of design.rounds) {
    const points = round.flat().sort((a, b) => a - b);
    expect(points).toEqual(Array.from({ length: design.v }, (_, i) => i));
    for (const block of round) {
      expect(block.length).toBe(design.k);
      for (let i = 0; i < block.length; i++) {
        for (let j = i + 1; j < block.length; j++) {
          const a = Math.min(block[i] as number, block[j] as number);
          const b = Math.max(block[i] as number, block[j] as number);
          const key = a * 1000 + b;
          expect(seen.has(key), `${design.name}: pair ${a}-${b} meets twice`).toBe(false);
          seen.add(key);
        }
      }
    }
  }
}

describe("constructions", () => {
  const catalogue = designCatalogue(40);

  it.each(catalogue.map((d) => [d.name, d] as const))(
    "%s is resolvable and repeat-free",
    (_, d) => {
      verifyResolvable(d);
    },
  );

  it.each([
    // name fragment, v, k, rounds claimed
    ["KTS(15)", 15, 3, 7],
    ["RBIBD(28,4,1)", 28, 4, 9],
    ["packing of PG(3,3)", 40, 4, 13],
    ["PG(3,3) minus a line", 36, 4, 9],
    ["KTS(39)", 39, 3, 19],
    ["3^8", 24, 4, 7],
    ["AG(2,3)", 9, 3, 4],
    ["AG(2,4)", 16, 4, 5],
    ["AG(2,5)", 25, 5, 6],
    ["AG(3,3)", 27, 3, 13],
    ["2-flats of AG(5,2)", 32, 4, 9],
    ["8-4-10", 32, 4, 10],
    ["30 in fives", 30, 5, 6],
  ] as const)("%s has v=%i, k=%i and %i rounds", (name, v, k, rounds) => {
    const design = catalogue.find((d) => d.name.includes(name));
    expect(design).toBeDefined();
    expect(design?.v).toBe(v);
    expect(design?.k).toBe(k);
    expect(design?.rounds.length).toBe(rounds);
  });

  it("perfect designs cover every pair exactly once", () => {
    for (const name of ["KTS(15)", "RBIBD(28,4,1)", "KTS(39)", "AG(2,4)", "AG(3,3)"]) {
      const d = catalogue.find((x) => x.name.includes(name)) as Design;
      const pairs = d.rounds.length * (d.v / d.k) * ((d.k * (d.k - 1)) / 2);
      expect(pairs).toBe((d.v * (d.v - 1)) / 2);
    }
  });

  it("the 8-4-10 schedule leaves exactly one unmet partner per pupil (a 4-GDD of type 2^16)", () => {
    const d = catalogue.find((x) => x.name.includes("8-4-10")) as Design;
    const met = new Uint8Array(d.v * d.v);
    for (const round of d.rounds) {
      for (const block of round) {
        for (const a of block) for (const b of block) if (a !== b) met[a * d.v + b] = 1;
      }
    }
    const unmet: number[] = [];
    for (let a = 0; a < d.v; a++) {
      let missing = 0;
      for (let b = 0; b < d.v; b++) if (b !== a && met[a * d.v + b] === 0) missing++;
      unmet.push(missing);
    }
    expect(unmet).toEqual(Array.from({ length: 32 }, () => 1));
  });

  it("round robin gives v-1 rounds of pairs", () => {
    const d = roundRobin(12);
    expect(d.rounds.length).toBe(11);
    verifyResolvable(d);
  });

  it("deleting points from one block yields rounds with groups of k-1 and stays repeat-free", () => {
    const kts = catalogue.find((d) => d.name.includes("KTS(15)")) as Design;
    const fitted = fitDesign(kts, [3, 3, 3, 3, 2]);
    expect(fitted?.rounds.length).toBe(7);
    const fitted2 = fitDesign(kts, [3, 3, 3, 2, 2]);
    expect(fitted2?.rounds.length).toBe(6);
    for (const round of fitted2?.rounds ?? []) {
      expect(round.flat().sort((a, b) => a - b)).toEqual(Array.from({ length: 13 }, (_, i) => i));
    }
  });

  it("bestConstruction picks the design with the most rounds", () => {
    expect(bestConstruction([3, 3, 3, 3, 3])?.rounds.length).toBe(7);
    expect(bestConstruction([4, 4, 4, 4, 4, 4, 4])?.rounds.length).toBe(9);
    expect(bestConstruction([4, 4, 4, 4, 4, 4, 4, 4])?.rounds.length).toBe(10);
    // 31 pupils in fours (`smaller`): one point deleted, every round keeps 7 fours and a three.
    expect(bestConstruction([4, 4, 4, 4, 4, 4, 4, 3])?.rounds.length).toBe(10);
    // 35 in fives: AG(2,7) without two parallel lines, 7 rounds.
    expect(bestConstruction([5, 5, 5, 5, 5, 5, 5])?.rounds.length).toBe(7);
    expect(bestConstruction([5, 5, 5, 5, 5, 5])?.rounds.length).toBe(6);
  });
});
