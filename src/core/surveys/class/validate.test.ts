import { describe, expect, it } from "vitest";
import { STANDARD_TEMPLATE } from "./template.ts";
import { SURVEY_LANGS } from "./types.ts";
import {
  buildOwnDefinition,
  checkAnswer,
  checkDefinition,
  checkDuration,
  MAX_OPEN_MINUTES,
  type OwnQuestionInput,
} from "./validate.ts";

describe("the built-in template", () => {
  it("is a valid definition with every text in nb, nn and en", () => {
    expect(checkDefinition(STANDARD_TEMPLATE)).toEqual([]);
    const empty = STANDARD_TEMPLATE.questions.flatMap((q) =>
      [q.text, ...(q.options ?? []).map((o) => o.text)].flatMap((t) =>
        SURVEY_LANGS.filter((l) => t[l].trim() === "").map((l) => `${q.id}.${l}`),
      ),
    );
    expect(empty).toEqual([]);
  });

  it("asks what the issue asks, with the places", () => {
    const kinds = STANDARD_TEMPLATE.questions.map((q) => `${q.id}:${q.kind}`);
    expect(kinds).toEqual([
      "wellbeing:scale",
      "breaks:single",
      "bullied:single",
      "where:multi",
      "safeWay:scale",
      "comment:freeText",
    ]);
    const where = STANDARD_TEMPLATE.questions.find((q) => q.id === "where");
    expect(where?.options?.map((o) => o.id)).toEqual([
      "classroom",
      "corridor",
      "canteen",
      "toilets",
      "wayToSchool",
      "online",
      "other",
    ]);
  });
});

describe("a teacher's own questions", () => {
  const table: [string, OwnQuestionInput[], string[]][] = [
    ["one scale question", [{ kind: "scale", text: "Trives du?" }], []],
    [
      "yes/no and free text",
      [
        { kind: "yesNo", text: "Ja?" },
        { kind: "freeText", text: "Mer?" },
      ],
      [],
    ],
    ["single with options", [{ kind: "single", text: "Hvilken?", options: ["A", "B"] }], []],
    ["no questions", [], ["questions:survey.noQuestions"]],
    ["blank text", [{ kind: "scale", text: "  " }], ["questions.0.text:survey.questionText"]],
    [
      "too long text",
      [{ kind: "scale", text: "x".repeat(301) }],
      ["questions.0.text:survey.questionText"],
    ],
    [
      "multi is not for own questions",
      [{ kind: "multi", text: "Hvor?" }],
      ["questions.0.kind:survey.questionKind"],
    ],
    ["unknown kind", [{ kind: "essay", text: "Skriv" }], ["questions.0.kind:survey.questionKind"]],
    [
      "single with one option",
      [{ kind: "single", text: "Hvilken?", options: ["A"] }],
      ["questions.0.options:survey.optionCount"],
    ],
    [
      "single without options",
      [{ kind: "single", text: "Hvilken?" }],
      ["questions.0.options:survey.optionCount"],
    ],
    [
      "blank option",
      [{ kind: "single", text: "Hvilken?", options: ["A", " "] }],
      ["questions.0.options.1:survey.optionText"],
    ],
    [
      "duplicate option",
      [{ kind: "single", text: "Hvilken?", options: ["A", "a"] }],
      ["questions.0.options.1:survey.duplicateOption"],
    ],
    [
      "too many questions",
      Array.from({ length: 21 }, () => ({ kind: "yesNo", text: "?" })),
      ["questions:survey.tooManyQuestions"],
    ],
  ];
  it("validates every cell of the table", () => {
    const failing = table.flatMap(([name, input, want]) => {
      const r = buildOwnDefinition(input);
      const got = r.ok ? [] : r.problems.map((p) => `${p.path}:${p.code}`);
      return JSON.stringify(got) === JSON.stringify(want) ? [] : [{ name, got, want }];
    });
    expect(failing).toEqual([]);
  });

  it("builds a definition that passes the stored-definition check", () => {
    const r = buildOwnDefinition([
      { kind: "single", text: "Hvilken?", options: ["A", "B", "C"] },
      { kind: "freeText", text: "Mer?" },
    ]);
    if (!r.ok) throw new Error("invalid");
    expect(r.definition.templateId).toBe("own");
    expect(checkDefinition(r.definition)).toEqual([]);
    expect(r.definition.questions.map((q) => q.id)).toEqual(["q1", "q2"]);
  });
});

describe("the open window", () => {
  const table: [number, boolean][] = [
    [14, false],
    [15, true],
    [45, true],
    [MAX_OPEN_MINUTES, true],
    [MAX_OPEN_MINUTES + 1, false],
    [30.5, false],
  ];
  it("allows a lesson to two weeks", () => {
    const failing = table.filter(([m, ok]) => (checkDuration(m).length === 0) !== ok);
    expect(failing).toEqual([]);
  });
});

describe("a pupil's answer", () => {
  const table: [string, Record<string, unknown>, string[] | Record<string, unknown>][] = [
    [
      "a full answer",
      { wellbeing: 4, breaks: "yes", bullied: "never", where: [], safeWay: 5, comment: " Bra " },
      { wellbeing: 4, breaks: "yes", bullied: "never", where: [], safeWay: 5, comment: "Bra" },
    ],
    ["skipped questions are left out", { wellbeing: 3, comment: "" }, { wellbeing: 3 }],
    [
      "multi is stored in option order",
      { where: ["online", "classroom"] },
      { where: ["classroom", "online"] },
    ],
    ["nothing at all", {}, ["answers:survey.answerEmpty"]],
    ["scale out of range", { wellbeing: 6 }, ["wellbeing:survey.answerInvalid"]],
    ["scale not whole", { wellbeing: 2.5 }, ["wellbeing:survey.answerInvalid"]],
    ["scale as text", { wellbeing: "3" }, ["wellbeing:survey.answerInvalid"]],
    ["unknown option", { breaks: "maybe" }, ["breaks:survey.answerInvalid"]],
    ["multi with a duplicate", { where: ["online", "online"] }, ["where:survey.answerInvalid"]],
    ["multi with an unknown place", { where: ["moon"] }, ["where:survey.answerInvalid"]],
    ["free text too long", { comment: "x".repeat(1001) }, ["comment:survey.answerInvalid"]],
    [
      "unknown question",
      { wellbeing: 3, pupilName: "Kari" },
      ["pupilName:survey.answerUnknownQuestion"],
    ],
  ];
  it("checks every cell of the table", () => {
    const failing = table.flatMap(([name, raw, want]) => {
      const r = checkAnswer(STANDARD_TEMPLATE, raw);
      const got = r.ok ? r.answer : r.problems.map((p) => `${p.path}:${p.code}`);
      return JSON.stringify(got) === JSON.stringify(want) ? [] : [{ name, got, want }];
    });
    expect(failing).toEqual([]);
  });
});
