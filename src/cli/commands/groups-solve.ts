import { readFile } from "node:fs/promises";
import { z } from "zod";
import { describeConflict } from "../../core/groups/constraints.ts";
import { solveGroups } from "../../core/groups/solve.ts";
import type { PupilId, SolveInput } from "../../core/groups/types.ts";

/**
 * `trygg groups solve FILE [--seed S]`
 *
 * Reads one case (the schema of an element of `cases` in the public benchmark file, or a file
 * with `cases`, of which the first is taken) and prints exactly one line of JSON,
 * `{"rounds": [[[ids of group 0], ...], ...]}`, to stdout. Errors go to stderr, exit code 1.
 */
const pupilId = z.union([z.string(), z.number()]);
const pair = z.tuple([pupilId, pupilId]);
const caseSchema = z.object({
  n: z.number().int().positive().optional(),
  pupils: z.array(pupilId).optional(),
  k: z.number().int().positive(),
  rounds: z.number().int().positive(),
  unevenPolicy: z.enum(["smaller", "larger"]).optional(),
  groupSizes: z.array(z.number().int().positive()).optional(),
  forbidden: z.array(pair).optional(),
  together: z.array(pair).optional(),
  fixedGroup: z.record(z.string(), z.number().int()).optional(),
  attributes: z
    .record(z.string(), z.array(z.union([z.string(), z.number(), z.boolean(), z.null()])))
    .optional(),
  history: z.array(z.array(z.array(pupilId))).optional(),
  seed: z.number().optional(),
});
type CaseFile = z.infer<typeof caseSchema>;

export default async function run(argv: string[]): Promise<number> {
  const args = parseArgs(argv);
  if (!args.ok) {
    process.stderr.write(`${args.error}\nusage: trygg groups solve FILE [--seed S]\n`);
    return 1;
  }
  let raw: unknown;
  try {
    raw = JSON.parse(await readFile(args.file, "utf8"));
  } catch (error) {
    process.stderr.write(`cannot read ${args.file}: ${(error as Error).message}\n`);
    return 1;
  }
  const candidate =
    typeof raw === "object" && raw !== null && "cases" in raw && Array.isArray(raw.cases)
      ? (raw.cases[0] as unknown)
      : raw;
  const parsed = caseSchema.safeParse(candidate);
  if (!parsed.success) {
    process.stderr.write(`invalid case file ${args.file}:\n${z.prettifyError(parsed.error)}\n`);
    return 1;
  }
  const input = toSolveInput(parsed.data, args.seed);
  if (typeof input === "string") {
    process.stderr.write(`${input}\n`);
    return 1;
  }
  const result = solveGroups(input);
  if (!result.ok) {
    for (const conflict of result.conflicts)
      process.stderr.write(`${describeConflict(conflict)}\n`);
    return 1;
  }
  process.stdout.write(`${JSON.stringify({ rounds: result.schedule })}\n`);
  return 0;
}

type Args = { ok: true; file: string; seed: number | undefined } | { ok: false; error: string };

function parseArgs(argv: readonly string[]): Args {
  let file: string | undefined;
  let seed: number | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === "--seed" || arg.startsWith("--seed=")) {
      const value = arg === "--seed" ? argv[++i] : arg.slice("--seed=".length);
      seed = Number(value);
      if (value === undefined || value === "" || !Number.isFinite(seed)) {
        return { ok: false, error: `--seed needs a number, got ${value ?? "nothing"}` };
      }
    } else if (arg.startsWith("--")) {
      return { ok: false, error: `unknown option ${arg}` };
    } else if (file === undefined) {
      file = arg;
    } else {
      return { ok: false, error: `unexpected argument ${arg}` };
    }
  }
  if (file === undefined) return { ok: false, error: "missing case FILE" };
  return { ok: true, file, seed };
}

function toSolveInput(data: CaseFile, seed: number | undefined): SolveInput | string {
  const pupils: PupilId[] =
    data.pupils ?? (data.n !== undefined ? Array.from({ length: data.n }, (_, i) => i) : []);
  if (pupils.length === 0) return "the case needs n or pupils";
  if (data.n !== undefined && data.pupils !== undefined && data.n !== data.pupils.length) {
    return `n is ${data.n} but ${data.pupils.length} pupils are listed`;
  }
  // JSON object keys are strings; match them to ids of either type.
  const byKey = new Map<string, PupilId>(pupils.map((id) => [String(id), id]));
  const fixedGroup = new Map<PupilId, number>();
  for (const [key, group] of Object.entries(data.fixedGroup ?? {})) {
    fixedGroup.set(byKey.get(key) ?? key, group);
  }
  return {
    pupils,
    k: data.k,
    rounds: data.rounds,
    ...(data.unevenPolicy ? { unevenPolicy: data.unevenPolicy } : {}),
    ...(data.groupSizes ? { groupSizes: data.groupSizes } : {}),
    ...(data.forbidden ? { forbidden: data.forbidden } : {}),
    ...(data.together ? { together: data.together } : {}),
    ...(fixedGroup.size > 0 ? { fixedGroup } : {}),
    ...(data.attributes ? { attributes: data.attributes } : {}),
    ...(data.history ? { history: data.history } : {}),
    seed: seed ?? data.seed ?? 1,
  };
}
