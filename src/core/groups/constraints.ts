import type { AttributeIndex, Problem } from "./problem.ts";
import { deriveGroupSizes } from "./sizes.ts";
import type { ConstraintConflict, PupilId, PupilPair, SolveInput } from "./types.ts";

/** Far above any school year and above n-1 for any class: the round robin needs n-1. */
export const MAX_ROUNDS = 200;

export type BuildResult =
  | { readonly ok: true; readonly problem: Problem }
  | { readonly ok: false; readonly conflicts: readonly ConstraintConflict[] };

/**
 * Validate an input and translate it to indices. Cheap, local conflicts are all collected and
 * reported together (a teacher fixing a class list wants every problem at once); whether the
 * remaining constraints can be met together is decided later by `findFeasibleRound`.
 */
export function buildProblem(input: SolveInput): BuildResult {
  const conflicts: ConstraintConflict[] = [];
  const n = input.pupils.length;
  const indexOf = new Map<PupilId, number>();
  input.pupils.forEach((id, i) => {
    if (indexOf.has(id)) conflicts.push({ kind: "duplicate-pupil", pupil: id });
    else indexOf.set(id, i);
  });
  if (n < 1) {
    conflicts.push({ kind: "invalid-parameter", parameter: "pupils", message: "no pupils" });
  }
  if (!Number.isInteger(input.rounds) || input.rounds < 1 || input.rounds > MAX_ROUNDS) {
    conflicts.push({
      kind: "invalid-parameter",
      parameter: "rounds",
      message: `rounds must be an integer in 1..${MAX_ROUNDS}, got ${input.rounds}`,
    });
  }
  if (input.seed !== undefined && !Number.isFinite(input.seed)) {
    conflicts.push({
      kind: "invalid-parameter",
      parameter: "seed",
      message: "seed must be finite",
    });
  }
  if (input.effort !== undefined && !(Number.isFinite(input.effort) && input.effort > 0)) {
    conflicts.push({
      kind: "invalid-parameter",
      parameter: "effort",
      message: "effort must be a positive number",
    });
  }

  let sizes: number[] = [];
  if (input.groupSizes !== undefined) {
    sizes = [...input.groupSizes];
    const sum = sizes.reduce((s, x) => s + x, 0);
    if (sizes.length === 0 || sum !== n || sizes.some((s) => !Number.isInteger(s) || s < 1)) {
      conflicts.push({ kind: "invalid-group-sizes", sizes, n });
    }
  } else if (!Number.isInteger(input.k) || input.k < 1) {
    conflicts.push({
      kind: "invalid-parameter",
      parameter: "k",
      message: `k must be a positive integer, got ${input.k}`,
    });
  } else if (n >= 1) {
    sizes = deriveGroupSizes(n, input.k, input.unevenPolicy ?? "smaller");
  }
  if (conflicts.length > 0) return { ok: false, conflicts };

  const resolvePairs = (
    pairs: readonly PupilPair[] | undefined,
    where: "forbidden" | "together",
  ): [number, number][] => {
    const out: [number, number][] = [];
    for (const [a, b] of pairs ?? []) {
      const ia = indexOf.get(a);
      const ib = indexOf.get(b);
      if (ia === undefined) conflicts.push({ kind: "unknown-pupil", pupil: a, where });
      if (ib === undefined) conflicts.push({ kind: "unknown-pupil", pupil: b, where });
      if (ia === undefined || ib === undefined) continue;
      if (ia === ib) conflicts.push({ kind: "self-pair", pupil: a, where });
      else out.push([ia, ib]);
    }
    return out;
  };
  const forbiddenPairs = dedupePairs(resolvePairs(input.forbidden, "forbidden"));
  const togetherPairs = resolvePairs(input.together, "together");

  const fixedOf = new Int32Array(n).fill(-1);
  for (const [id, group] of input.fixedGroup ?? new Map<PupilId, number>()) {
    const i = indexOf.get(id);
    if (i === undefined) {
      conflicts.push({ kind: "unknown-pupil", pupil: id, where: "fixedGroup" });
    } else if (!Number.isInteger(group) || group < 0 || group >= sizes.length) {
      conflicts.push({
        kind: "fixed-group-out-of-range",
        pupil: id,
        group,
        groupCount: sizes.length,
      });
    } else {
      fixedOf[i] = group;
    }
  }

  const attributes: AttributeIndex[] = [];
  for (const [name, values] of Object.entries(input.attributes ?? {})) {
    if (values.length !== n) {
      conflicts.push({
        kind: "invalid-parameter",
        parameter: `attributes.${name}`,
        message: `expected ${n} values (one per pupil), got ${values.length}`,
      });
      continue;
    }
    attributes.push(indexAttribute(name, values));
  }
  if (conflicts.length > 0) return { ok: false, conflicts };

  // Together is transitive: union-find turns chains into units that always move as one.
  const parent = Array.from({ length: n }, (_, i) => i);
  const find = (x: number): number => {
    let root = x;
    while (parent[root] !== root) root = parent[root] as number;
    while (parent[x] !== root) {
      const next = parent[x] as number;
      parent[x] = root;
      x = next;
    }
    return root;
  };
  for (const [a, b] of togetherPairs) parent[find(a)] = find(b);
  const unitByRoot = new Map<number, number[]>();
  for (let p = 0; p < n; p++) {
    const root = find(p);
    const members = unitByRoot.get(root);
    if (members) members.push(p);
    else unitByRoot.set(root, [p]);
  }
  const units = [...unitByRoot.values()];
  const unitOf = new Int32Array(n);
  units.forEach((members, u) => {
    for (const p of members) unitOf[p] = u;
  });
  const ids = (members: readonly number[]): PupilId[] =>
    members.map((p) => input.pupils[p] as PupilId);

  const maxSize = Math.max(...sizes);
  const unitFixed = new Int32Array(units.length).fill(-1);
  units.forEach((members, u) => {
    if (members.length > maxSize) {
      conflicts.push({ kind: "together-too-large", unit: ids(members), maxGroupSize: maxSize });
    }
    const fixed = members.filter((p) => (fixedOf[p] as number) >= 0);
    const groups = new Set(fixed.map((p) => fixedOf[p] as number));
    if (groups.size > 1) {
      conflicts.push({
        kind: "together-fixed-mismatch",
        unit: ids(members),
        fixed: fixed.map((p) => ({
          pupil: input.pupils[p] as PupilId,
          group: fixedOf[p] as number,
        })),
      });
    } else if (groups.size === 1) {
      unitFixed[u] = [...groups][0] as number;
    }
  });

  for (const [a, b] of forbiddenPairs) {
    const pair: PupilPair = [input.pupils[a] as PupilId, input.pupils[b] as PupilId];
    const ua = unitOf[a] as number;
    const ub = unitOf[b] as number;
    if (ua === ub) {
      conflicts.push({ kind: "together-forbidden", pair, unit: ids(units[ua] ?? []) });
    } else if (unitFixed[ua] !== -1 && unitFixed[ua] === unitFixed[ub]) {
      conflicts.push({ kind: "fixed-forbidden", pair, group: unitFixed[ua] as number });
    }
  }

  const fixedLoad = sizes.map(() => [] as number[]);
  units.forEach((members, u) => {
    const g = unitFixed[u] as number;
    if (g >= 0) fixedLoad[g]?.push(...members);
  });
  fixedLoad.forEach((members, g) => {
    const capacity = sizes[g] as number;
    if (members.length > capacity) {
      conflicts.push({ kind: "fixed-overflow", group: g, capacity, pupils: ids(members) });
    }
  });
  if (conflicts.length > 0) return { ok: false, conflicts };

  const forbidden = new Uint8Array(n * n);
  for (const [a, b] of forbiddenPairs) {
    forbidden[a * n + b] = 1;
    forbidden[b * n + a] = 1;
  }

  const history = new Int32Array(n * n);
  for (const round of input.history ?? []) {
    for (const group of round) {
      // Pupils who have left since are simply not part of the pair statistics any more.
      const members = group.map((id) => indexOf.get(id)).filter((i) => i !== undefined);
      for (let x = 0; x < members.length; x++) {
        for (let y = x + 1; y < members.length; y++) {
          const a = members[x] as number;
          const b = members[y] as number;
          if (a === b) continue;
          history[a * n + b] = (history[a * n + b] as number) + 1;
          history[b * n + a] = (history[b * n + a] as number) + 1;
        }
      }
    }
  }

  return {
    ok: true,
    problem: {
      n,
      sizes,
      rounds: input.rounds,
      units,
      unitOf,
      unitFixed,
      forbidden,
      forbiddenPairs,
      history,
      attributes,
    },
  };
}

function dedupePairs(pairs: [number, number][]): [number, number][] {
  const seen = new Set<string>();
  const out: [number, number][] = [];
  for (const [a, b] of pairs) {
    const key = a < b ? `${a},${b}` : `${b},${a}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push([a, b]);
  }
  return out;
}

function indexAttribute(
  name: string,
  values: readonly (string | number | boolean | null)[],
): AttributeIndex {
  const codes = new Map<string, number>();
  const codeOf = new Int32Array(values.length).fill(-1);
  const counts: number[] = [];
  values.forEach((value, p) => {
    if (value === null) return;
    // Typed key so that 1 and "1" stay distinct values.
    const key = `${typeof value}:${String(value)}`;
    let code = codes.get(key);
    if (code === undefined) {
      code = codes.size;
      codes.set(key, code);
      counts.push(0);
    }
    codeOf[p] = code;
    counts[code] = (counts[code] as number) + 1;
  });
  const known = counts.reduce((s, c) => s + c, 0);
  const share = Float64Array.from(counts, (c) => (known === 0 ? 0 : c / known));
  return { name, codeOf: codeOf, valueCount: counts.length, share };
}

/** A one-line English explanation of a conflict, for logs and the CLI. */
export function describeConflict(conflict: ConstraintConflict): string {
  const list = (ids: readonly PupilId[]): string => ids.map((id) => String(id)).join(", ");
  switch (conflict.kind) {
    case "invalid-parameter":
      return `invalid ${conflict.parameter}: ${conflict.message}`;
    case "duplicate-pupil":
      return `pupil ${conflict.pupil} is listed twice`;
    case "unknown-pupil":
      return `${conflict.where} names unknown pupil ${conflict.pupil}`;
    case "invalid-group-sizes":
      return `group sizes [${conflict.sizes.join(", ")}] must be positive integers summing to ${conflict.n}`;
    case "self-pair":
      return `${conflict.where} pairs pupil ${conflict.pupil} with itself`;
    case "together-forbidden":
      return `pupils ${list(conflict.pair)} are forbidden together but chained by together (${list(conflict.unit)})`;
    case "together-too-large":
      return `together-chain (${list(conflict.unit)}) has ${conflict.unit.length} pupils but the largest group has ${conflict.maxGroupSize} seats`;
    case "fixed-group-out-of-range":
      return `pupil ${conflict.pupil} is fixed to group ${conflict.group}, but groups are 0..${conflict.groupCount - 1}`;
    case "fixed-forbidden":
      return `pupils ${list(conflict.pair)} are forbidden together but both fixed to group ${conflict.group}`;
    case "together-fixed-mismatch":
      return `together-chain (${list(conflict.unit)}) is fixed to different groups: ${conflict.fixed
        .map((f) => `${f.pupil}->${f.group}`)
        .join(", ")}`;
    case "fixed-overflow":
      return `group ${conflict.group} has ${conflict.capacity} seats but ${conflict.pupils.length} pupils are fixed to it (${list(conflict.pupils)})`;
    case "infeasible":
      return `no grouping satisfies all hard constraints: ${conflict.message}`;
  }
}
