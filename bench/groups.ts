/**
 * Benchmark of the buddy-group / seating rotation solver over the public cases.
 *
 *   npx tsx bench/groups.ts            (npm run bench:groups)
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
    String(r.maxMeetings),
    String(r.hardViolations),
    r.seconds.toFixed(2),
    r.cpuSeconds.toFixed(2),
    r.knownBest,
    r.peerRepeats,
    r.peerSeconds,
  ]);
  const widths = header.map((h, i) =>
    Math.max(h.length, ...body.map((row) => row[i]?.length ?? 0)),
  );
  const line = (cells: readonly string[]): string =>
    `| ${cells.map((cell, i) => cell.padEnd(widths[i] ?? 0)).join(" | ")} |`;
  return [line(header), line(widths.map((w) => "-".repeat(w))), ...body.map(line)].join("\n");
}

export async function runGroupsBench(): Promise<void> {
  const rows = await benchCases();
  console.log(`groups solver, median of seeds ${SEEDS.join(", ")}`);
  console.log(formatTable(rows));
}

const invokedDirectly =
  process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href;
if (invokedDirectly) {
  runGroupsBench().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
