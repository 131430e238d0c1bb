/**
 * Public types of the buddy-group / seating rotation solver.
 *
 * The app identifies pupils by arbitrary ids; the solver works on indices 0..n-1 internally
 * and maps ids only at the edge (`solve.ts`), so these types speak in ids.
 */

export type PupilId = string | number;

/**
 * How to split n pupils when k does not divide n:
 * - `smaller`: ceil(n/k) groups, some one smaller than k;
 * - `larger`: floor(n/k) groups, some one larger than k.
 * Sizes always differ by at most one (see `sizes.ts`).
 */
export type UnevenPolicy = "smaller" | "larger";

export type PupilPair = readonly [PupilId, PupilId];

/** One round: `round[g]` lists the pupils of group g. Group indices are meaningful (fixedGroup). */
export type Round = readonly (readonly PupilId[])[];

export type Schedule = readonly Round[];

/** A soft attribute value (e.g. gender); `null` means unknown and is ignored by the mix penalty. */
export type AttributeValue = string | number | boolean | null;

export interface SolveInput {
  /** The class, in a stable order; attribute arrays are aligned with it. */
  readonly pupils: readonly PupilId[];
  /** Target group size (ignored when `groupSizes` is given). */
  readonly k: number;
  /** Number of rounds to plan (1..200, see MAX_ROUNDS). */
  readonly rounds: number;
  /** Explicit group sizes, group index order; must sum to the number of pupils. */
  readonly groupSizes?: readonly number[];
  /** Defaults to `smaller`. */
  readonly unevenPolicy?: UnevenPolicy;
  /** Hard: these pairs are never in the same group. */
  readonly forbidden?: readonly PupilPair[];
  /**
   * Hard: these pairs are in the same group every round. The relation is transitive: chains
   * form one unit, and no meeting inside a unit counts as a repeat.
   */
  readonly together?: readonly PupilPair[];
  /** Hard: pupil -> group index, every round. */
  readonly fixedGroup?: ReadonlyMap<PupilId, number>;
  /** Soft: per attribute name, one value per pupil (aligned with `pupils`), mixed within groups. */
  readonly attributes?: Readonly<Record<string, readonly AttributeValue[]>>;
  /**
   * Rounds already played. Their meetings count: meeting a pupil again is a repeat, and the
   * reported quality includes repeats inside the history itself. Unknown ids (pupils who left)
   * are ignored.
   */
  readonly history?: Schedule;
  /** Same seed -> same schedule. Defaults to 1. */
  readonly seed?: number;
  /** Multiplies the local-search iteration budget (default 1). Deterministic, not wall-clock. */
  readonly effort?: number;
}

/** Lexicographic quality: lower is better, compared field by field in this order. */
export interface Quality {
  /** Sum over non-together pairs of max(0, meetings - 1), history meetings included. */
  readonly totalRepeats: number;
  /** The most meetings of any non-together pair (history included); 0 when nobody met. */
  readonly maxMeetings: number;
  /** Soft attribute mix penalty (sum of squared deviations from the class share, per group). */
  readonly mixPenalty: number;
  /** Number of violated hard constraints in the planned rounds; always 0 in a solver result. */
  readonly hardViolations: number;
}

export type SolveMethod = "construction" | "local-search";

export interface SolveSuccess {
  readonly ok: true;
  readonly schedule: Schedule;
  readonly quality: Quality;
  /** A proven lower bound on `totalRepeats` for this input. */
  readonly repeatsLowerBound: number;
  readonly method: SolveMethod;
  /** Local-search iterations used (0 when a construction was already optimal). */
  readonly iterations: number;
}

/** Why an input cannot be solved. Every variant names the pupils/groups that conflict. */
export type ConstraintConflict =
  | { readonly kind: "invalid-parameter"; readonly parameter: string; readonly message: string }
  | { readonly kind: "duplicate-pupil"; readonly pupil: PupilId }
  | {
      readonly kind: "unknown-pupil";
      readonly pupil: PupilId;
      readonly where: "forbidden" | "together" | "fixedGroup";
    }
  | { readonly kind: "invalid-group-sizes"; readonly sizes: readonly number[]; readonly n: number }
  | {
      readonly kind: "self-pair";
      readonly pupil: PupilId;
      readonly where: "forbidden" | "together";
    }
  | {
      /** A forbidden pair whose two pupils are chained together by `together`. */
      readonly kind: "together-forbidden";
      readonly pair: PupilPair;
      readonly unit: readonly PupilId[];
    }
  | {
      /** A together-chain that fits in no group. */
      readonly kind: "together-too-large";
      readonly unit: readonly PupilId[];
      readonly maxGroupSize: number;
    }
  | {
      readonly kind: "fixed-group-out-of-range";
      readonly pupil: PupilId;
      readonly group: number;
      readonly groupCount: number;
    }
  | {
      /** A forbidden pair that fixedGroup (directly or through together) puts in one group. */
      readonly kind: "fixed-forbidden";
      readonly pair: PupilPair;
      readonly group: number;
    }
  | {
      /** Pupils of one together-chain fixed to different groups. */
      readonly kind: "together-fixed-mismatch";
      readonly unit: readonly PupilId[];
      readonly fixed: readonly { readonly pupil: PupilId; readonly group: number }[];
    }
  | {
      /** More pupils fixed (with their together-chains) to a group than it has seats. */
      readonly kind: "fixed-overflow";
      readonly group: number;
      readonly capacity: number;
      readonly pupils: readonly PupilId[];
    }
  | {
      /** No single round satisfies all hard constraints together (exhaustive search). */
      readonly kind: "infeasible";
      readonly message: string;
    };

export interface SolveFailure {
  readonly ok: false;
  readonly conflicts: readonly ConstraintConflict[];
}

export type SolveResult = SolveSuccess | SolveFailure;
