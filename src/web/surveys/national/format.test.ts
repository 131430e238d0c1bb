import { describe, expect, it } from "vitest";
import { continuousYears } from "./format.ts";

describe("continuousYears", () => {
  it.each<[string[], string[]]>([
    [[], []],
    [["2024-25"], ["2024-25"]],
    [
      ["2020-21", "2024-25"],
      ["2020-21", "2021-22", "2022-23", "2023-24", "2024-25"],
    ],
    [
      ["1999-00", "2000-01"],
      ["1999-00", "2000-01"],
    ],
  ])("%j -> %j", (years, expected) => {
    expect(continuousYears(years)).toEqual(expected);
  });
});
