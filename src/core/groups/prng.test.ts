import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createPrng, randomPermutation } from "./prng.ts";

describe("prng", () => {
  it("same seed, same stream; different seeds, different streams", () => {
    const a = createPrng(42);
    const b = createPrng(42);
    const c = createPrng(43);
    const xs = Array.from({ length: 20 }, () => a.uint32());
    expect(Array.from({ length: 20 }, () => b.uint32())).toEqual(xs);
    expect(Array.from({ length: 20 }, () => c.uint32())).not.toEqual(xs);
  });

  it("int stays in range and next in [0, 1)", () => {
    fc.assert(
      fc.property(fc.integer(), fc.integer({ min: 1, max: 1000 }), (seed, bound) => {
        const rng = createPrng(seed);
        for (let i = 0; i < 50; i++) {
          const x = rng.int(bound);
          expect(Number.isInteger(x) && x >= 0 && x < bound).toBe(true);
          const f = rng.next();
          expect(f >= 0 && f < 1).toBe(true);
        }
      }),
    );
  });

  it("randomPermutation is a permutation", () => {
    const perm = randomPermutation(30, createPrng(7));
    expect([...perm].sort((x, y) => x - y)).toEqual(Array.from({ length: 30 }, (_, i) => i));
  });
});
