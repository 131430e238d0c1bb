/**
 * A resolvable (partial) design: a list of rounds on points 0..v-1. Every round is a partition
 * of the points into blocks, and no two points share a block in two rounds. Blocks usually
 * have size k; derived designs (points deleted) may mix sizes.
 */
export type DesignRound = readonly (readonly number[])[];

export interface Design {
  readonly name: string;
  readonly v: number;
  readonly k: number;
  readonly rounds: readonly DesignRound[];
}

/**
 * Why a design is not valid, or null: every round a partition of 0..v-1 and no pair in two
 * blocks. Used by the tests and as a guard on every searched design, so a construction is
 * checked rather than trusted.
 */
export function designDefect(design: Design, blockSize?: number): string | null {
  const { v } = design;
  const met = new Uint8Array(v * v);
  for (let r = 0; r < design.rounds.length; r++) {
    const round = design.rounds[r] as DesignRound;
    const seen = new Uint8Array(v);
    for (const block of round) {
      if (blockSize !== undefined && block.length !== blockSize) {
        return `round ${r}: block of ${block.length}, expected ${blockSize}`;
      }
      for (const p of block) {
        if (!Number.isInteger(p) || p < 0 || p >= v) return `round ${r}: point ${p} out of range`;
        if (seen[p] === 1) return `round ${r}: point ${p} twice`;
        seen[p] = 1;
      }
      for (let i = 0; i < block.length; i++) {
        for (let j = i + 1; j < block.length; j++) {
          const at = (block[i] as number) * v + (block[j] as number);
          if (met[at] === 1) return `round ${r}: pair ${block[i]}-${block[j]} meets twice`;
          met[at] = 1;
          met[(block[j] as number) * v + (block[i] as number)] = 1;
        }
      }
    }
    if (seen.some((s) => s === 0)) return `round ${r}: not every point is placed`;
  }
  return null;
}
