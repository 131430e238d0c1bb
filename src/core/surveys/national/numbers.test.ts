import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatNumber, parseNumber } from "./numbers.ts";

describe("parseNumber", () => {
  it.each<[string | number | null, ReturnType<typeof parseNumber>]>([
    ["3,1", { kind: "value", value: 3.1 }],
    ["3.1", { kind: "value", value: 3.1 }],
    ["63 187", { kind: "value", value: 63187 }],
    ["63\u00a0187", { kind: "value", value: 63187 }],
    ["1 234 567,5", { kind: "value", value: 1234567.5 }],
    [" 4 ", { kind: "value", value: 4 }],
    [4.2, { kind: "value", value: 4.2 }],
    ["*", { kind: "hidden" }],
    [".", { kind: "hidden" }],
    ["", { kind: "empty" }],
    [null, { kind: "empty" }],
    ["3,1,2", { kind: "invalid" }],
    ["12 34", { kind: "invalid" }],
    ["fire", { kind: "invalid" }],
    ["3,", { kind: "invalid" }],
  ])("%j", (raw, expected) => {
    expect(parseNumber(raw)).toEqual(expected);
  });

  it("reads back any number written with decimal comma and thousands spaces", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -10_000_000, max: 10_000_000 }),
        fc.integer({ min: 0, max: 3 }),
        (n, d) => {
          const value = n / 10 ** d;
          const parsed = parseNumber(formatNumber(value, d));
          expect(parsed.kind).toBe("value");
          if (parsed.kind === "value") expect(parsed.value).toBeCloseTo(value, 6);
        },
      ),
    );
  });

  it("reads integers the same with or without the thousands spaces", () => {
    fc.assert(
      fc.property(fc.nat(1_000_000_000), (n) => {
        expect(parseNumber(formatNumber(n, 0))).toEqual(parseNumber(String(n)));
      }),
    );
  });

  it("never mistakes a hidden marker, padded with spaces, for a number", () => {
    fc.assert(
      fc.property(fc.constantFrom(".", "*"), fc.nat(3), fc.nat(3), (m, l, r) => {
        expect(parseNumber(`${" ".repeat(l)}${m}${" ".repeat(r)}`)).toEqual({ kind: "hidden" });
      }),
    );
  });

  it("never throws and never returns NaN on any text", () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        const p = parseNumber(s);
        if (p.kind === "value") expect(Number.isFinite(p.value)).toBe(true);
      }),
    );
  });
});
