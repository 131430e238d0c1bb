/**
 * Benchmark of the buddy-group / seating rotation solver over the public cases.
 *
 *   npx tsx bench/groups.ts            (npm run bench:groups)
 *   npx tsx bench/groups.ts --sweep    (also every class size 12-40 x group sizes 2-5 x
 *                                       rounds 1..floor((n-1)/(g-1)); --effort E, default 0.05)
 *
 * Each case is solved with a few seeds; schedules are checked by `checkSchedule`, which
 * recomputes repeats and hard constraints from the printed schedule, not from the solver's
 * bookkeeping. Cases come from ../shared/bench/groups-cases.json next to the repository
 * (override with GROUPS_CASES=path).
 */
import { readFile } from "node:fs/promises";
import { fileURLToPath, pathToFileURL } from "node:url";
import { checkSchedule } from "../src/core/groups/quality.ts";
import { solveGroups } from "../src/core/groups/solve.ts";
import type { PupilId, SolveInput } from "../src/core/groups/types.ts";

const SEEDS = [1, 2, 3];

interface BenchCase {
  readonly id: string;
  readonly n: number;
  readonly k: number;
  readonly rounds: number;
  readonly unevenPolicy?: "smaller" | "larger";
  readonly groupSizes?: number[];
  readonly forbidden?: [number, number][];
  readonly together?: [number, number][];
  readonly fixedGroup?: Record<string, number>;
  readonly attributes?: Record<string, (string | number | boolean | null)[]>;
  readonly theory?: { readonly bestRepeats?: number | string };
  readonly peer?: { readonly totalRepeats?: number; readonly seconds?: number };
}

export interface GroupsBenchRow {
  readonly id: string;
  readonly repeats: number;
  readonly maxMeetings: number;
  readonly hardViolations: number;
  readonly seconds: number;
  /** CPU seconds of this process (user + system): robust when the machine is shared. */
  readonly cpuSeconds: number;
  readonly knownBest: string;
  /** The solver's proven lower bound on repeats (`repeatsLowerBound`). */
  readonly lowerBound: number;
  readonly peerRepeats: string;
  readonly peerSeconds: string;
}

function casesPath(): string {
  if (process.env.GROUPS_CASES) return process.env.GROUPS_CASES;
  return fileURLToPath(new URL("../../shared/bench/groups-cases.json", import.meta.url));
}

function toInput(c: BenchCase, seed: number): SolveInput {
  const pupils: PupilId[] = Array.from({ length: c.n }, (_, i) => i);
  const fixedGroup = new Map<PupilId, number>(
    Object.entries(c.fixedGroup ?? {}).map(([id, g]) => [Number(id), g]),
  );
  return {
    pupils,
    k: c.k,
    rounds: c.rounds,
    ...(c.unevenPolicy ? { unevenPolicy: c.unevenPolicy } : {}),
    ...(c.groupSizes ? { groupSizes: c.groupSizes } : {}),
    ...(c.forbidden ? { forbidden: c.forbidden } : {}),
    ...(c.together ? { together: c.together } : {}),
    ...(fixedGroup.size > 0 ? { fixedGroup } : {}),
    ...(c.attributes ? { attributes: c.attributes } : {}),
    seed,
  };
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

export async function benchCases(): Promise<GroupsBenchRow[]> {
  const file = JSON.parse(await readFile(casesPath(), "utf8")) as { cases: BenchCase[] };
  const rows: GroupsBenchRow[] = [];
  for (const c of file.cases) {
    const repeats: number[] = [];
    const maxMeetings: number[] = [];
    const seconds: number[] = [];
    const cpuSeconds: number[] = [];
    let hard = 0;
    let lowerBound = 0;
    for (const seed of SEEDS) {
      const input = toInput(c, seed);
      const started = performance.now();
      const cpuStarted = process.cpuUsage();
      const result = solveGroups(input);
      const cpu = process.cpuUsage(cpuStarted);
      seconds.push((performance.now() - started) / 1000);
      cpuSeconds.push((cpu.user + cpu.system) / 1e6);
      if (!result.ok) {
        hard++;
        continue;
      }
      lowerBound = result.repeatsLowerBound;
      const check = checkSchedule(input, result.schedule);
      hard += check.violations.length;
      repeats.push(check.quality.totalRepeats);
      maxMeetings.push(check.quality.maxMeetings);
    }
    rows.push({
      id: c.id,
      repeats: repeats.length > 0 ? median(repeats) : Number.NaN,
      maxMeetings: maxMeetings.length > 0 ? median(maxMeetings) : Number.NaN,
      hardViolations: hard,
      seconds: median(seconds),
      cpuSeconds: median(cpuSeconds),
      knownBest: String(c.theory?.bestRepeats ?? "?").replace(/:.*/, ""),
      lowerBound,
      peerRepeats: String(c.peer?.totalRepeats ?? "?"),
      peerSeconds: String(c.peer?.seconds ?? "?"),
    });
  }
  return rows;
}

export function formatTable(rows: readonly GroupsBenchRow[]): string {
  const header = [
    "case",
    "repeats",
    "lower bound",
    "gap",
    "max meet",
    "hard viol.",
    "seconds (median)",
    "cpu s",
    "known best",
    "peer repeats",
    "peer s",
  ];
  const body = rows.map((r) => [
    r.id,
    String(r.repeats),
    String(r.lowerBound),
    String(r.repeats - r.lowerBound),
    String(r.maxMeetings),
    String(r.hardViolations),
    r.seconds.toFixed(2),
    r.cpuSeconds.toFixed(2),
    r.knownBest,
    r.peerRepeats,
    r.peerSeconds,
  ]);
  return markdownTable(header, body);
}

function markdownTable(header: readonly string[], body: readonly (readonly string[])[]): string {
  const widths = header.map((h, i) =>
    Math.max(h.length, ...body.map((row) => row[i]?.length ?? 0)),
  );
  const line = (cells: readonly string[]): string =>
    `| ${cells.map((cell, i) => cell.padEnd(widths[i] ?? 0)).join(" | ")} |`;
  return [line(header), line(widths.map((w) => "-".repeat(w))), ...body.map(line)].join("\n");
}

export interface SweepCell {
  readonly n: number;
  readonly g: number;
  readonly rounds: number;
  readonly repeats: number;
  readonly lowerBound: number;
  readonly seconds: number;
  readonly method: string;
}

/**
 * Every class size 12-40 x group size 2-5 (the `smaller` policy) x rounds 1..floor((n-1)/(g-1)),
 * seed 1, at a small effort so the whole sweep stays within a few minutes: a cell at its
 * lower bound is optimal; the others show how far the search is from the counting bound.
 */
export function sweep(effort: number): SweepCell[] {
  const cells: SweepCell[] = [];
  for (let g = 2; g <= 5; g++) {
    for (let n = 12; n <= 40; n++) {
      const maxRounds = Math.floor((n - 1) / (g - 1));
      for (let rounds = 1; rounds <= maxRounds; rounds++) {
        const input: SolveInput = {
          pupils: Array.from({ length: n }, (_, i) => i),
          k: g,
          rounds,
          seed: 1,
          effort,
        };
        const started = performance.now();
        const result = solveGroups(input);
        const seconds = (performance.now() - started) / 1000;
        if (!result.ok) throw new Error(`${n}/${g}/${rounds}: not solved`);
        const check = checkSchedule(input, result.schedule);
        if (check.violations.length > 0) throw new Error(`${n}/${g}/${rounds}: invalid schedule`);
        cells.push({
          n,
          g,
          rounds,
          repeats: check.quality.totalRepeats,
          lowerBound: result.repeatsLowerBound,
          seconds,
          method: result.method,
        });
      }
    }
  }
  return cells;
}

export function formatSweep(cells: readonly SweepCell[], worst = 15): string {
  const body = [2, 3, 4, 5].map((g) => {
    const mine = cells.filter((c) => c.g === g);
    const atBound = mine.filter((c) => c.repeats === c.lowerBound).length;
    const zeroPossible = mine.filter((c) => c.lowerBound === 0);
    const gap = mine.reduce((s, c) => s + c.repeats - c.lowerBound, 0);
    const maxGap = Math.max(0, ...mine.map((c) => c.repeats - c.lowerBound));
    const seconds = mine.reduce((s, c) => s + c.seconds, 0);
    return [
      String(g),
      String(mine.length),
      `${atBound} (${((100 * atBound) / Math.max(1, mine.length)).toFixed(1)} %)`,
      `${zeroPossible.filter((c) => c.repeats === 0).length} / ${zeroPossible.length}`,
      String(gap),
      String(maxGap),
      seconds.toFixed(1),
    ];
  });
  const table = markdownTable(
    [
      "group size",
      "cells",
      "at lower bound",
      "0 where bound is 0",
      "total gap",
      "max gap",
      "seconds",
    ],
    body,
  );
  const gaps = [...cells]
    .filter((c) => c.repeats > c.lowerBound)
    .sort((a, b) => b.repeats - b.lowerBound - (a.repeats - a.lowerBound) || a.n - b.n)
    .slice(0, worst)
    .map((c) => [
      `${c.n}/${c.g}/${c.rounds}`,
      String(c.repeats),
      String(c.lowerBound),
      String(c.repeats - c.lowerBound),
    ]);
  return `${table}\n\nworst gaps (n/g/rounds):\n${markdownTable(["cell", "repeats", "lower bound", "gap"], gaps)}`;
}

export async function runGroupsBench(argv: readonly string[] = []): Promise<void> {
  const rows = await benchCases();
  console.log(`groups solver, median of seeds ${SEEDS.join(", ")}`);
  console.log(formatTable(rows));
  if (argv.includes("--sweep")) {
    const at = argv.indexOf("--effort");
    const effort = at >= 0 ? Number(argv[at + 1]) : 0.05;
    const started = performance.now();
    const cells = sweep(effort);
    console.log(
      `\nsweep: n 12-40 x g 2-5 x rounds 1..floor((n-1)/(g-1)), seed 1, effort ${effort}, ${((performance.now() - started) / 1000).toFixed(0)} s`,
    );
    console.log(formatSweep(cells));
  }
}

const invokedDirectly =
  process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href;
if (invokedDirectly) {
  runGroupsBench(process.argv.slice(2)).catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
