import { describe, expect, it } from "vitest";
import { deriveGroupSizes, evenSplit, meetingsPerRound } from "./sizes.ts";

describe("deriveGroupSizes", () => {
  it.each([
    // n, k, policy, expected
    [24, 4, "smaller", [4, 4, 4, 4, 4, 4]],
    [25, 4, "smaller", [4, 4, 4, 4, 3, 3, 3]],
    [31, 3, "smaller", [3, 3, 3, 3, 3, 3, 3, 3, 3, 2, 2]],
    [31, 3, "larger", [4, 3, 3, 3, 3, 3, 3, 3, 3, 3]],
    [25, 2, "larger", [3, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2]],
    [25, 2, "smaller", [2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 1]],
    [30, 5, "larger", [5, 5, 5, 5, 5, 5]],
    [5, 4, "smaller", [3, 2]],
    [11, 4, "larger", [6, 5]],
    [3, 4, "larger", [3]],
    [3, 4, "smaller", [3]],
  ] as const)("n=%i k=%i %s -> %j", (n, k, policy, expected) => {
    const sizes = deriveGroupSizes(n, k, policy);
    expect(sizes).toEqual(expected);
    expect(sizes.reduce((s, x) => s + x, 0)).toBe(n);
  });

  it("defaults to the smaller policy", () => {
    expect(deriveGroupSizes(10, 3)).toEqual([3, 3, 2, 2]);
  });

  it("never differs by more than one and respects the policy bound for n 4..40, k 2..6", () => {
    for (let n = 4; n <= 40; n++) {
      for (let k = 2; k <= 6; k++) {
        const smaller = deriveGroupSizes(n, k, "smaller");
        const larger = deriveGroupSizes(n, k, "larger");
        expect(Math.max(...smaller)).toBeLessThanOrEqual(k);
        expect(Math.max(...smaller) - Math.min(...smaller)).toBeLessThanOrEqual(1);
        expect(smaller.length).toBe(Math.ceil(n / k));
        if (n >= k) expect(Math.min(...larger)).toBeGreaterThanOrEqual(k);
        expect(Math.max(...larger) - Math.min(...larger)).toBeLessThanOrEqual(1);
      }
    }
  });

  it("rejects nonsense", () => {
    expect(() => deriveGroupSizes(0, 3)).toThrow(RangeError);
    expect(() => deriveGroupSizes(10, 0)).toThrow(RangeError);
  });
});

describe("helpers", () => {
  it("evenSplit puts larger parts first", () => {
    expect(evenSplit(10, 4)).toEqual([3, 3, 2, 2]);
  });
  it("meetingsPerRound counts pairs", () => {
    expect(meetingsPerRound([4, 4, 3])).toBe(6 + 6 + 3);
  });
});
