import { describe, expect, it } from "vitest";
import { affineGeometry, fitDesign, roundRobin } from "../constructions.ts";
import { checkSchedule } from "../quality.ts";
import { solveGroups } from "../solve.ts";
import type { SolveInput } from "../types.ts";
import {
  kirkmanTripleSystem,
  nearlyKirkmanTripleSystem,
  resolvableGdd4Type3,
  resolvableQuadrupleSystem,
} from "./families.ts";
import { pg33MinusLine, projectiveSpace33, spreadsOf } from "./projective.ts";
import { type Design, designDefect } from "./types.ts";

/**
 * One generated table per construction family over its whole range: each cell builds the
 * design and checks it independently (`designDefect`: every round a partition, right block
 * size, no pair twice) and its round count; the test lists every failing cell at once.
 */
function failures(
  cells: readonly {
    readonly label: string;
    readonly design: Design | null;
    readonly k: number;
    readonly v: number;
    readonly rounds: number;
  }[],
): string[] {
  const failing: string[] = [];
  for (const cell of cells) {
    if (!cell.design) {
      failing.push(`${cell.label}: not built`);
      continue;
    }
    const defect = designDefect(cell.design, cell.k);
    if (defect) failing.push(`${cell.label}: ${defect}`);
    if (cell.design.v !== cell.v) failing.push(`${cell.label}: ${cell.design.v} points`);
    if (cell.design.rounds.length !== cell.rounds) {
      failing.push(`${cell.label}: ${cell.design.rounds.length} rounds, expected ${cell.rounds}`);
    }
  }
  return failing;
}

const range = (from: number, to: number, step: number): number[] =>
  Array.from({ length: Math.floor((to - from) / step) + 1 }, (_, i) => from + i * step);

describe("design families", () => {
  it("Kirkman triple systems KTS(v), v = 3 mod 6, 9..45: (v-1)/2 repeat-free rounds", () => {
    const cells = range(9, 45, 6).map((v) => ({
      label: `KTS(${v})`,
      design: kirkmanTripleSystem(v),
      k: 3,
      v,
      rounds: (v - 1) / 2,
    }));
    expect(failures(cells)).toEqual([]);
  });

  it("nearly Kirkman triple systems NKTS(v), v = 0 mod 6, 18..42: v/2-1 rounds, holes a matching", () => {
    const cells = range(18, 42, 6).map((v) => ({
      label: `NKTS(${v})`,
      design: nearlyKirkmanTripleSystem(v),
      k: 3,
      v,
      rounds: v / 2 - 1,
    }));
    const failing = failures(cells);
    // Every point misses exactly one other: the unmet pairs form a perfect matching.
    for (const { design, label } of cells) {
      if (!design) continue;
      const partners = new Int32Array(design.v);
      for (const round of design.rounds)
        for (const block of round)
          for (const p of block) partners[p] = (partners[p] as number) + block.length - 1;
      if (partners.some((x) => x !== design.v - 2))
        failing.push(`${label}: holes are not a matching`);
    }
    expect(failing).toEqual([]);
  });

  it("resolvable designs in fours: RBIBD(16), RBIBD(28), RBIBD(40), PG(3,3) minus a line, 4-RGDD 3^8", () => {
    const cells = [
      { label: "AG(2,4)", design: affineGeometry(2, 4), k: 4, v: 16, rounds: 5 },
      { label: "RBIBD(28,4,1)", design: resolvableQuadrupleSystem(28), k: 4, v: 28, rounds: 9 },
      { label: "RBIBD(40,4,1)", design: resolvableQuadrupleSystem(40), k: 4, v: 40, rounds: 13 },
      { label: "PG(3,3) minus a line", design: pg33MinusLine(), k: 4, v: 36, rounds: 9 },
      { label: "4-RGDD 3^8", design: resolvableGdd4Type3(8), k: 4, v: 24, rounds: 7 },
    ];
    expect(failures(cells)).toEqual([]);
  });

  it("PG(3,3): 40 points, 130 lines of 4, every pair on exactly one line, 8424 spreads", () => {
    const space = projectiveSpace33();
    expect(space.points.length).toBe(40);
    expect(space.lines.length).toBe(130);
    const onLines = new Uint8Array(40 * 40);
    for (const line of space.lines) {
      expect(line.length).toBe(4);
      for (const p of line)
        for (const q of line) if (p < q) onLines[p * 40 + q] = (onLines[p * 40 + q] as number) + 1;
    }
    const wrong: string[] = [];
    for (let p = 0; p < 40; p++) {
      for (let q = p + 1; q < 40; q++) {
        if (onLines[p * 40 + q] !== 1) wrong.push(`${p}-${q}: ${onLines[p * 40 + q]}`);
      }
    }
    expect(wrong).toEqual([]);
    expect(spreadsOf(space).length).toBe(8424);
  });

  it("affine planes AG(2,q), q = 2, 3, 4, 5, 7, 8: q^2 pupils, groups of q, q+1 rounds", () => {
    const cells = [2, 3, 4, 5, 7, 8].map((q) => ({
      label: `AG(2,${q})`,
      design: affineGeometry(2, q),
      k: q,
      v: q * q,
      rounds: q + 1,
    }));
    expect(failures(cells)).toEqual([]);
  });

  it("round robins on every even v, 4..44: v-1 rounds of pairs", () => {
    const cells = range(4, 44, 2).map((v) => ({
      label: `RR(${v})`,
      design: roundRobin(v),
      k: 2,
      v,
      rounds: v - 1,
    }));
    expect(failures(cells)).toEqual([]);
  });

  it("deleting parallel lines of AG(2,q) gives resolvable transversal designs (q rounds)", () => {
    const failing: string[] = [];
    for (const q of [4, 5, 7, 8]) {
      for (let j = 1; j <= q - 2; j++) {
        const k = q - j;
        const sizes = Array.from({ length: q }, () => k);
        const fitted = fitDesign(affineGeometry(2, q), sizes);
        const design = fitted ? { name: "", v: q * k, k, rounds: fitted.rounds } : null;
        failing.push(
          ...failures([{ label: `AG(2,${q}) minus ${j} lines`, design, k, v: q * k, rounds: q }]),
        );
      }
    }
    expect(failing).toEqual([]);
  });

  it("the solver reaches 0 repeats where a design exists (21/3/10, 33/3/16, 18/3/8, 40/2/39, 40/4/13, 36/4/9)", () => {
    const failing: string[] = [];
    for (const [n, k, rounds] of [
      [21, 3, 10],
      [33, 3, 16],
      [18, 3, 8],
      [40, 2, 39],
      [45, 3, 22],
      [36, 3, 17],
      [28, 4, 9],
      [40, 4, 13],
      [36, 4, 9],
      [35, 5, 7],
    ] as const) {
      const input: SolveInput = { pupils: range(0, n - 1, 1), k, rounds, seed: 1, effort: 0.05 };
      const result = solveGroups(input);
      if (!result.ok) {
        failing.push(`${n}/${k}/${rounds}: not solved`);
        continue;
      }
      const check = checkSchedule(input, result.schedule);
      if (check.violations.length > 0 || check.quality.totalRepeats !== 0) {
        failing.push(`${n}/${k}/${rounds}: ${check.quality.totalRepeats} repeats`);
      }
    }
    expect(failing).toEqual([]);
  });
});
