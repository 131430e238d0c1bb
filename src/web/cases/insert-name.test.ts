import { describe, expect, it } from "vitest";
import { insertAtSelection } from "./insert-name.ts";

describe("insertAtSelection", () => {
  it.each([
    ["into an empty text", "", 0, 0, { value: "Kari", cursor: 4 }],
    ["at the cursor between spaces", "Hei  sa", 4, 4, { value: "Hei Kari sa", cursor: 8 }],
    ["after a word, with a space", "Hei", 3, 3, { value: "Hei Kari", cursor: 8 }],
    ["before a word, with a space", "sa hei", 0, 0, { value: "Kari sa hei", cursor: 4 }],
    ["before punctuation, without a space", "Hei .", 4, 4, { value: "Hei Kari.", cursor: 8 }],
    ["over a selection", "Hei du!", 4, 6, { value: "Hei Kari!", cursor: 8 }],
    ["after a colon, with a space", "Sa til:", 7, 7, { value: "Sa til: Kari", cursor: 12 }],
    ["after a comma, with a space", "Ola,", 4, 4, { value: "Ola, Kari", cursor: 9 }],
    ["at the end when the selection is lost", "Hei ", null, null, { value: "Hei Kari", cursor: 8 }],
    ["clamped when out of range", "Hei ", 99, 120, { value: "Hei Kari", cursor: 8 }],
  ])("%s", (_name, value, start, end, expected) => {
    expect(insertAtSelection(value, start, end, "Kari")).toEqual(expected);
  });
});
