/**
 * Seeded pseudo-random numbers for the solver. `src/core` may not use Math.random: the same
 * seed must give the same schedule on every machine, so the generator is ours (xoshiro128**,
 * seeded through splitmix32 so that nearby seeds give unrelated streams).
 */
export interface Prng {
  /** Uniform float in [0, 1). */
  next(): number;
  /** Uniform integer in [0, bound). `bound` must be >= 1. */
  int(bound: number): number;
  /** Uniform 32-bit unsigned integer. */
  uint32(): number;
}

function splitmix32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x9e3779b9) >>> 0;
    let z = state;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return (z ^ (z >>> 16)) >>> 0;
  };
}

export function createPrng(seed: number): Prng {
  // Fold any JS number (negative, fractional, > 2^32) into 32 bits deterministically.
  const folded = Number.isFinite(seed) ? Math.floor(seed) % 4294967296 : 0;
  const init = splitmix32(folded);
  let a = init();
  let b = init();
  let c = init();
  let d = init();
  if ((a | b | c | d) === 0) a = 1; // xoshiro must not start from the all-zero state
  const uint32 = (): number => {
    const result = Math.imul(rotl(Math.imul(b, 5), 7), 9) >>> 0;
    const t = b << 9;
    c ^= a;
    d ^= b;
    b ^= c;
    a ^= d;
    c ^= t;
    d = rotl(d, 11);
    return result;
  };
  return {
    uint32,
    next: () => uint32() / 4294967296,
    int: (bound: number) => Math.floor((uint32() / 4294967296) * bound),
  };
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}

/** Fisher-Yates shuffle in place; returns the same array for chaining. */
export function shuffleInPlace<T>(items: T[], rng: Prng): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    const tmp = items[i] as T;
    items[i] = items[j] as T;
    items[j] = tmp;
  }
  return items;
}

/** A random permutation of 0..n-1. */
export function randomPermutation(n: number, rng: Prng): number[] {
  return shuffleInPlace(
    Array.from({ length: n }, (_, i) => i),
    rng,
  );
}
