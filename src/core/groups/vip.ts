import { createPrng, type Prng, shuffleInPlace } from "./prng.ts";
import { mixDeviation } from "./quality.ts";
import { solveGroups } from "./solve.ts";
import type { AttributeValue, ConstraintConflict, PupilId, PupilPair, Schedule } from "./types.ts";

/**
 * VIP buddy structure (DOMAIN.md §7): the class is split into buddy pairs (a trio where the
 * numbers need it) and two pairs form a buddy group of 4-5. Buddies are the closest relation,
 * so the pairs are planned first, as a rotation with groups of 2 and 3 that minimises repeated
 * buddies over the year; the pairs of each round are then nested into buddy groups so that
 * pupils meet new pupils in their buddy group as well.
 */
export interface VipInput {
  readonly pupils: readonly PupilId[];
  readonly rounds: number;
  /** Never buddies and never in the same buddy group. */
  readonly forbidden?: readonly PupilPair[];
  /** Earlier VIP rounds; their buddy pairs and buddy groups count as met. */
  readonly history?: readonly VipRound[];
  readonly seed?: number;
  readonly effort?: number;
  /**
   * Soft: per attribute name (gender), one value per pupil aligned with `pupils`, mixed in
   * the buddy groups. `null` is "other" or "not given": such a pupil is neutral (counted as
   * neither value), so only the recorded genders are balanced and nobody is forced into a
   * binary.
   */
  readonly attributes?: Readonly<Record<string, readonly AttributeValue[]>>;
}

/** One round: buddy groups, each a list of buddy pairs (or trios). */
export interface VipRound {
  readonly buddyGroups: readonly (readonly (readonly PupilId[])[])[];
}

export interface VipQuality {
  /** Repeated buddy pairs: sum over pairs of max(0, times buddies - 1), history included. */
  readonly pairRepeats: number;
  /** Repeated buddy-group meetings, same measure one level up. */
  readonly groupRepeats: number;
}

export type VipResult =
  | { readonly ok: true; readonly rounds: readonly VipRound[]; readonly quality: VipQuality }
  | { readonly ok: false; readonly conflicts: readonly ConstraintConflict[] };

/**
 * Sizes of the buddy units in each buddy group, e.g. 26 pupils -> four groups [2,2] and two
 * [2,3]. With G = floor(n/4) groups, the n mod 4 leftover pupils turn that many pairs into
 * trios. Classes of 6, 7 and 11 cannot be cut into groups of 4-5; they get a lone trio.
 */
export function vipLayout(n: number): number[][] {
  if (n < 2) return [];
  if (n <= 3) return [[n]];
  if (n === 6) return [[3], [3]];
  if (n === 7) return [[2, 2], [3]];
  if (n === 11) return [[2, 2], [2, 2], [3]];
  const groups = Math.floor(n / 4);
  const trios = n - 4 * groups;
  return Array.from({ length: groups }, (_, g) => (g < trios ? [2, 3] : [2, 2]));
}

/**
 * The attributes there is something to balance: at least two different recorded values. A
 * class with no gender recorded (or only one) plans exactly as a class without the mix.
 */
function balancedAttributes(
  pupils: readonly PupilId[],
  attributes: VipInput["attributes"],
): VipInput["attributes"] | undefined {
  const kept = Object.entries(attributes ?? {}).filter(([, values]) => {
    const recorded = new Set(
      pupils
        .map((_, i) => values[i])
        .filter((v) => v !== null && v !== undefined)
        .map((v) => `${typeof v}:${String(v)}`),
    );
    return recorded.size >= 2;
  });
  return kept.length > 0 ? Object.fromEntries(kept) : undefined;
}

export function planVipRounds(given: VipInput): VipResult {
  const { attributes: _given, ...rest } = given;
  const attributes = balancedAttributes(given.pupils, given.attributes);
  const input: VipInput = attributes ? { ...rest, attributes } : rest;
  const layout = vipLayout(input.pupils.length);
  if (layout.length === 0) {
    return {
      ok: false,
      conflicts: [
        { kind: "invalid-parameter", parameter: "pupils", message: "VIP needs at least 2 pupils" },
      ],
    };
  }
  // Two plans, the better one wins: buddies first (new buddies every round, buddy groups
  // nested around them) and buddy groups first (who shares a group varies the most, buddies
  // picked inside each group). Buddies weigh more than group-mates, but a plan that repeats
  // a few buddies while mixing the groups far better is the better plan for the class.
  const pairsFirst = planPairsFirst(input, layout);
  const groupsFirst = planGroupsFirst(input, layout);
  if (!groupsFirst.ok) return pairsFirst;
  if (!pairsFirst.ok) return groupsFirst;
  const mix = vipMix(input.pupils, input.attributes);
  const score = (r: { rounds: readonly VipRound[]; quality: VipQuality }): number =>
    vipScore(r.quality) + MIX_WEIGHT * mix(r.rounds);
  return score(groupsFirst) < score(pairsFirst) ? groupsFirst : pairsFirst;
}

/** A unit of squared mix deviation costs as much as this many repeated group meetings. */
const MIX_WEIGHT = 1;

/**
 * The mix penalty of buddy groups: for each attribute, the squared deviation of each group's
 * counts from the class shares, among the pupils whose value is recorded (see
 * `mixDeviation`). Pupils with `null` (gender "other" or not given) count for nothing, and
 * the class shares are taken over the recorded values only.
 */
export function vipMix(
  pupils: readonly PupilId[],
  attributes: VipInput["attributes"],
): (rounds: readonly VipRound[]) => number {
  const coded: { codeOf: Map<PupilId, number>; share: number[] }[] = [];
  for (const values of Object.values(attributes ?? {})) {
    const codes = new Map<string, number>();
    const codeOf = new Map<PupilId, number>();
    const counts: number[] = [];
    pupils.forEach((id, i) => {
      const value = values[i];
      if (value === null || value === undefined) return;
      const key = `${typeof value}:${String(value)}`;
      let code = codes.get(key);
      if (code === undefined) {
        code = codes.size;
        codes.set(key, code);
        counts.push(0);
      }
      counts[code] = (counts[code] ?? 0) + 1;
      codeOf.set(id, code);
    });
    const known = counts.reduce((a, b) => a + b, 0);
    // One recorded value (or none) leaves nothing to balance.
    if (counts.length < 2) continue;
    coded.push({ codeOf, share: counts.map((c) => c / known) });
  }
  const groupPenalty = (members: readonly PupilId[]): number => {
    let penalty = 0;
    for (const { codeOf, share } of coded) {
      const counts = new Array<number>(share.length).fill(0);
      for (const id of members) {
        const code = codeOf.get(id);
        if (code !== undefined) counts[code] = (counts[code] ?? 0) + 1;
      }
      penalty += mixDeviation(counts, 0, share.length, share);
    }
    return penalty;
  };
  return (rounds) => {
    if (coded.length === 0) return 0;
    let total = 0;
    for (const round of rounds)
      for (const group of round.buddyGroups) total += groupPenalty(group.flat());
    return Math.round(total * 1e6) / 1e6;
  };
}

/** The mix penalty of one buddy group, for the nesting step (0 without attributes). */
function groupMixOf(input: VipInput): (members: readonly PupilId[]) => number {
  const mix = vipMix(input.pupils, input.attributes);
  return (members) => mix([{ buddyGroups: [[members]] }]);
}

/** A repeated buddy costs as much as this many repeated group meetings. */
const BUDDY_WEIGHT = 4;

function vipScore(q: VipQuality): number {
  return q.pairRepeats * BUDDY_WEIGHT + q.groupRepeats;
}

function forbiddenKeys(input: VipInput): Set<string> {
  const forbidden = new Set<string>();
  for (const [a, b] of input.forbidden ?? []) {
    forbidden.add(`${String(a)}\u0000${String(b)}`);
    forbidden.add(`${String(b)}\u0000${String(a)}`);
  }
  return forbidden;
}

/**
 * Buddy groups first: the groups are a rotation of their own (sizes from the layout), then
 * each group is split into its buddy units round by round, choosing the split that repeats
 * the fewest earlier buddies.
 */
function planGroupsFirst(input: VipInput, layout: readonly number[][]): VipResult {
  const history = input.history ?? [];
  const groups = solveGroups({
    pupils: input.pupils,
    k: 4,
    rounds: input.rounds,
    groupSizes: layout.map((units) => units.reduce((s, x) => s + x, 0)),
    ...(input.forbidden ? { forbidden: input.forbidden } : {}),
    history: history.map((round) => round.buddyGroups.map((group) => group.flat())),
    ...(input.attributes ? { attributes: input.attributes } : {}),
    seed: input.seed ?? 1,
    ...(input.effort !== undefined ? { effort: input.effort } : {}),
  });
  if (!groups.ok) return groups;
  const buddies = new Map<string, number>();
  const key = (a: PupilId, b: PupilId): string => {
    const x = `${typeof a}:${String(a)}`;
    const y = `${typeof b}:${String(b)}`;
    return x < y ? `${x}|${y}` : `${y}|${x}`;
  };
  const remember = (unit: readonly PupilId[]): void => {
    for (let i = 0; i < unit.length; i++) {
      for (let j = i + 1; j < unit.length; j++) {
        const k = key(unit[i] as PupilId, unit[j] as PupilId);
        buddies.set(k, (buddies.get(k) ?? 0) + 1);
      }
    }
  };
  for (const round of history) for (const group of round.buddyGroups) group.forEach(remember);
  const unitCost = (unit: readonly PupilId[]): number => {
    let c = 0;
    for (let i = 0; i < unit.length; i++) {
      for (let j = i + 1; j < unit.length; j++) {
        const m = buddies.get(key(unit[i] as PupilId, unit[j] as PupilId)) ?? 0;
        c += m * m;
      }
    }
    return c;
  };
  const forget = (unit: readonly PupilId[]): void => {
    for (let i = 0; i < unit.length; i++) {
      for (let j = i + 1; j < unit.length; j++) {
        const k = key(unit[i] as PupilId, unit[j] as PupilId);
        buddies.set(k, (buddies.get(k) ?? 0) - 1);
      }
    }
  };
  const split = groups.schedule.map((round) =>
    round.map((members, g) => {
      const best = bestSplit(members, layout[g] ?? [members.length], unitCost);
      best.forEach(remember);
      return best;
    }),
  );
  // A few passes of coordinate descent: each group's split is chosen again knowing every
  // other round's buddies, which removes most repeats the first, greedy pass left.
  for (let pass = 0; pass < 3; pass++) {
    for (const round of split) {
      round.forEach((units, g) => {
        units.forEach(forget);
        const best = bestSplit(units.flat(), layout[g] ?? [units.flat().length], unitCost);
        best.forEach(remember);
        round[g] = best;
      });
    }
  }
  const rounds: VipRound[] = split.map((buddyGroups) => ({ buddyGroups }));
  return { ok: true, rounds, quality: vipQuality([...history, ...rounds]) };
}

/** The split of a buddy group (at most 7 pupils) into units of the given sizes with the lowest cost. */
function bestSplit(
  members: readonly PupilId[],
  sizes: readonly number[],
  unitCost: (unit: readonly PupilId[]) => number,
): PupilId[][] {
  let best: PupilId[][] = [];
  let bestCost = Number.POSITIVE_INFINITY;
  const walk = (rest: readonly PupilId[], i: number, units: PupilId[][], cost: number): void => {
    if (cost >= bestCost) return;
    const size = sizes[i];
    if (size === undefined) {
      best = units.map((u) => [...u]);
      bestCost = cost;
      return;
    }
    // The first remaining pupil always opens the next unit: each split is visited once.
    const [first, ...others] = rest;
    if (first === undefined) return;
    for (const mates of combinations(others, size - 1)) {
      const unit = [first, ...mates];
      walk(
        others.filter((p) => !mates.includes(p)),
        i + 1,
        [...units, unit],
        cost + unitCost(unit),
      );
    }
  };
  walk(members, 0, [], 0);
  return best;
}

function combinations<T>(items: readonly T[], k: number): T[][] {
  if (k === 0) return [[]];
  const out: T[][] = [];
  items.forEach((item, i) => {
    for (const rest of combinations(items.slice(i + 1), k - 1)) out.push([item, ...rest]);
  });
  return out;
}

/** Buddies first: a rotation of buddy units, nested into buddy groups round by round. */
function planPairsFirst(input: VipInput, layout: readonly number[][]): VipResult {
  const unitSizes = layout.flat().sort((a, b) => b - a);
  const history = input.history ?? [];
  const pairHistory: Schedule = history.map((round) => round.buddyGroups.flat());
  const pairs = solveGroups({
    pupils: input.pupils,
    k: 2,
    rounds: input.rounds,
    groupSizes: unitSizes,
    ...(input.forbidden ? { forbidden: input.forbidden } : {}),
    history: pairHistory,
    seed: input.seed ?? 1,
    ...(input.effort !== undefined ? { effort: input.effort } : {}),
  });
  if (!pairs.ok) return pairs;

  const rng = createPrng((input.seed ?? 1) ^ 0x5bd1e995);
  const index = new Map<PupilId, number>(input.pupils.map((id, i) => [id, i]));
  const n = input.pupils.length;
  const groupMeetings = new Int32Array(n * n);
  const meet = (members: readonly PupilId[], delta: number): void => {
    const idx = members.map((id) => index.get(id)).filter((i) => i !== undefined);
    for (const a of idx) {
      for (const b of idx) {
        if (a !== b) groupMeetings[a * n + b] = (groupMeetings[a * n + b] as number) + delta;
      }
    }
  };
  for (const round of history) for (const group of round.buddyGroups) meet(group.flat(), 1);
  const forbidden = forbiddenKeys(input);
  const mixOf = groupMixOf(input);

  const rounds: VipRound[] = [];
  for (const round of pairs.schedule) {
    const nested = nestPairs(round, layout, groupMeetings, index, forbidden, rng, mixOf);
    if (!nested) {
      return {
        ok: false,
        conflicts: [
          {
            kind: "infeasible",
            message:
              "the buddy pairs could not be nested into buddy groups without a keep-apart pair",
          },
        ],
      };
    }
    for (const group of nested) meet(group.flat(), 1);
    rounds.push({ buddyGroups: nested });
  }
  return { ok: true, rounds, quality: vipQuality([...history, ...rounds]) };
}

/**
 * Put the buddy units of one round into buddy groups of the given layout, minimising how
 * often members have already shared a buddy group: greedy start, then swaps of equally large
 * units between groups until no swap helps (a few restarts). Keep-apart pairs cost 1000.
 */
function nestPairs(
  units: readonly (readonly PupilId[])[],
  layout: readonly number[][],
  groupMeetings: Int32Array,
  index: ReadonlyMap<PupilId, number>,
  forbidden: ReadonlySet<string>,
  rng: Prng,
  mixOf: (members: readonly PupilId[]) => number,
): PupilId[][][] | null {
  const n = Math.round(Math.sqrt(groupMeetings.length));
  const cost = (a: readonly PupilId[], b: readonly PupilId[]): number => {
    let c = 0;
    for (const x of a) {
      for (const y of b) {
        if (forbidden.has(`${String(x)}\u0000${String(y)}`)) c += 1000;
        const m = groupMeetings[(index.get(x) ?? 0) * n + (index.get(y) ?? 0)] as number;
        c += m * m;
      }
    }
    return c;
  };
  const groupCost = (group: readonly (readonly PupilId[])[]): number => {
    let c = 0;
    for (let i = 0; i < group.length; i++) {
      for (let j = i + 1; j < group.length; j++) c += cost(group[i] ?? [], group[j] ?? []);
    }
    return c + MIX_WEIGHT * mixOf(group.flat());
  };
  let best: PupilId[][][] | null = null;
  let bestCost = Number.POSITIVE_INFINITY;
  for (let restart = 0; restart < 4; restart++) {
    const bySize = new Map<number, (readonly PupilId[])[]>();
    for (const unit of shuffleInPlace([...units], rng)) {
      const list = bySize.get(unit.length) ?? [];
      list.push(unit);
      bySize.set(unit.length, list);
    }
    const groups: PupilId[][][] = layout.map((sizes) =>
      sizes.map((s) => [...(bySize.get(s)?.pop() ?? [])]),
    );
    let improved = true;
    while (improved) {
      improved = false;
      for (let g = 0; g < groups.length; g++) {
        for (let h = g + 1; h < groups.length; h++) {
          const G = groups[g] as PupilId[][];
          const H = groups[h] as PupilId[][];
          for (let i = 0; i < G.length; i++) {
            for (let j = 0; j < H.length; j++) {
              const u = G[i] as PupilId[];
              const v = H[j] as PupilId[];
              if (u.length !== v.length) continue;
              const before = groupCost(G) + groupCost(H);
              G[i] = v;
              H[j] = u;
              if (groupCost(G) + groupCost(H) < before) improved = true;
              else {
                G[i] = u;
                H[j] = v;
              }
            }
          }
        }
      }
    }
    const total = groups.reduce((s, group) => s + groupCost(group), 0);
    if (total < bestCost) {
      bestCost = total;
      best = groups;
    }
  }
  const hasForbidden = (best ?? []).some((group) =>
    group.some((u, i) => group.some((v, j) => j > i && cost(u, v) >= 1000)),
  );
  return hasForbidden ? null : best;
}

/** Pair- and group-level repeats of a VIP plan (history rounds included when passed). */
export function vipQuality(rounds: readonly VipRound[]): VipQuality {
  const pairCount = new Map<string, number>();
  const groupCount = new Map<string, number>();
  const bump = (map: Map<string, number>, members: readonly PupilId[]): void => {
    const keys = members.map((id) => `${typeof id}:${String(id)}`).sort();
    for (let i = 0; i < keys.length; i++) {
      for (let j = i + 1; j < keys.length; j++) {
        const key = `${keys[i]}|${keys[j]}`;
        map.set(key, (map.get(key) ?? 0) + 1);
      }
    }
  };
  for (const round of rounds) {
    for (const group of round.buddyGroups) {
      for (const unit of group) bump(pairCount, unit);
      bump(groupCount, group.flat());
    }
  }
  const repeats = (map: Map<string, number>): number =>
    [...map.values()].reduce((s, m) => s + Math.max(0, m - 1), 0);
  return { pairRepeats: repeats(pairCount), groupRepeats: repeats(groupCount) };
}
