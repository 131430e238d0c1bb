/**
 * The solver's internal, index-based view of an input: pupils are 0..n-1, pair data lives in
 * flat n*n typed arrays (index a*n+b, kept symmetric) because the local search reads them
 * millions of times per second.
 */
export interface AttributeIndex {
  readonly name: string;
  /** Value index per pupil, -1 when unknown. */
  readonly codeOf: Int32Array;
  readonly valueCount: number;
  /** Share of each value among the pupils whose value is known. */
  readonly share: Float64Array;
}

export interface Problem {
  readonly n: number;
  /** Group sizes by group index; identical in every round. */
  readonly sizes: readonly number[];
  readonly rounds: number;
  /** Together-chains: every pupil is in exactly one unit (most units are single pupils). */
  readonly units: readonly (readonly number[])[];
  readonly unitOf: Int32Array;
  /** Group index a unit is fixed to, or -1. */
  readonly unitFixed: Int32Array;
  /** 1 where the pair may never share a group. */
  readonly forbidden: Uint8Array;
  readonly forbiddenPairs: readonly (readonly [number, number])[];
  /** Meetings already played (history), per pair. */
  readonly history: Int32Array;
  readonly attributes: readonly AttributeIndex[];
}

/** A schedule on indices: `groupOf[r * n + p]` is pupil p's group in planned round r. */
export type Assignment = Int32Array;

/** True when the two pupils are in the same together-unit (their meetings are never repeats). */
export function sameUnit(problem: Problem, a: number, b: number): boolean {
  return problem.unitOf[a] === problem.unitOf[b];
}
