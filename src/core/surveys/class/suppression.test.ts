import { describe, expect, it } from "vitest";
import {
  hiddenCells,
  isValidMinimum,
  poolDecisions,
  release,
  type SurveyUnit,
  tally,
  termOf,
} from "./suppression.ts";
import { STANDARD_TEMPLATE } from "./template.ts";
import type { SurveyAnswer } from "./types.ts";

describe("cell suppression", () => {
  // counts, partition -> hidden mask as a string of h (hidden) and . (shown)
  const table: [number[], boolean, string][] = [
    [[10, 8, 5], true, "..."],
    [[20, 4, 0, 0], true, ".hhh"],
    [[24, 1], true, "hh"],
    [[12, 2, 9], true, ".hh"],
    [[12, 1, 1, 9], true, ".hhh"],
    [[12, 1, 2, 9], true, ".hh."],
    [[0, 0, 0, 0, 25], true, "hhhhh"],
    [[5, 5, 5, 5, 5], true, "....."],
    [[5, 0, 7], false, ".h."],
    [[1, 2, 0, 9], false, "hhh."],
    [[3, 3], true, ".."],
  ];
  it("hides what each cell of the table says", () => {
    const failing = table.flatMap(([counts, partition, want]) => {
      const got = hiddenCells(counts, partition)
        .map((h) => (h ? "h" : "."))
        .join("");
      return got === want ? [] : [{ counts, partition, got, want }];
    });
    expect(failing).toEqual([]);
  });
});

describe("the minimum K", () => {
  it("is bounded 5–50, whole numbers", () => {
    const table: [number, boolean][] = [
      [4, false],
      [5, true],
      [10, true],
      [50, true],
      [51, false],
      [7.5, false],
    ];
    expect(table.filter(([k, ok]) => isValidMinimum(k) !== ok)).toEqual([]);
  });
});

const answers = (n: number, make: (i: number) => SurveyAnswer) =>
  Array.from({ length: n }, (_, i) => make(i));

describe("releasing a survey's results", () => {
  it("shows nothing below K, not even per question", () => {
    const r = release(
      STANDARD_TEMPLATE,
      tally(
        STANDARD_TEMPLATE,
        answers(9, () => ({ wellbeing: 4 })),
      ),
      10,
      true,
    );
    expect(r).toEqual({ shown: false, respondents: 9, questions: [] });
  });

  it("shows a question only when K answered it; free text only when asked for", () => {
    const t = tally(
      STANDARD_TEMPLATE,
      answers(12, (i) => ({
        wellbeing: (i % 5) + 1,
        comment: `tekst ${i % 3}`,
        ...(i < 5 ? { safeWay: 4 } : {}),
      })),
    );
    const forTeacher = release(STANDARD_TEMPLATE, t, 10, false);
    const q = (id: string) => forTeacher.questions.find((x) => x.id === id);
    expect(q("wellbeing")?.shown).toBe(true);
    expect(q("safeWay")).toMatchObject({ shown: false, respondents: null, cells: [] });
    expect(q("comment")).toMatchObject({ shown: true, texts: null });
    const forCounsellor = release(STANDARD_TEMPLATE, t, 10, true);
    expect(forCounsellor.questions.find((x) => x.id === "comment")?.texts).toHaveLength(12);
  });

  it("gives a scale's mean only when no cell is hidden", () => {
    const even = tally(
      STANDARD_TEMPLATE,
      answers(15, (i) => ({ wellbeing: (i % 5) + 1 })),
    );
    expect(release(STANDARD_TEMPLATE, even, 10, false).questions[0]?.mean).toBe(3);
    const skewed = tally(
      STANDARD_TEMPLATE,
      answers(15, (i) => ({ wellbeing: i === 0 ? 1 : 5 })),
    );
    const q = release(STANDARD_TEMPLATE, skewed, 10, false).questions[0];
    expect(q?.mean).toBeNull();
    expect(q?.cells.filter((c) => c.count === null).length).toBeGreaterThanOrEqual(2);
  });

  it("sorts free text so the order of answering is lost", () => {
    const t = tally(STANDARD_TEMPLATE, [{ comment: "b" }, { comment: "c" }, { comment: "a" }]);
    expect(t.questions.find((q) => q.id === "comment")?.texts).toEqual(["a", "b", "c"]);
  });
});

describe("trinn pools", () => {
  const unit = (id: string, respondents: number, extra: Partial<SurveyUnit> = {}): SurveyUnit => ({
    id,
    respondents,
    minimum: 10,
    closed: true,
    poolKey: "8|standard-v1|2026-autumn",
    poolSealed: true,
    ...extra,
  });
  const table: [string, SurveyUnit[], string][] = [
    [
      "two small classes make a pool",
      [unit("a", 6), unit("b", 5), unit("c", 20)],
      "a,b:11:released",
    ],
    ["one small class stays hidden", [unit("a", 6), unit("c", 20)], "a:6:tooFew"],
    ["all classes shown: nothing to pool", [unit("a", 12), unit("c", 20)], ":0:empty"],
    [
      "not sealed yet",
      [unit("a", 6, { poolSealed: false }), unit("b", 6, { poolSealed: false })],
      "a,b:12:notSealed",
    ],
    [
      "an open survey keeps it unsealed",
      [unit("a", 6), unit("b", 6, { closed: false })],
      "a,b:12:notSealed",
    ],
    ["the strictest K of the pool", [unit("a", 6), unit("b", 6, { minimum: 15 })], "a,b:12:tooFew"],
  ];
  it("pools only the surveys not shown on their own", () => {
    const failing = table.flatMap(([name, units, want]) => {
      const [p] = poolDecisions(units);
      const got = p ? `${p.surveyIds.join(",")}:${p.respondents}:${p.state}` : "none";
      return got === want ? [] : [{ name, got, want }];
    });
    expect(failing).toEqual([]);
  });

  it("never pools own-question surveys", () => {
    expect(poolDecisions([unit("a", 3, { poolKey: null })])).toEqual([]);
  });

  it("seals a term after its end plus the longest open window", () => {
    const table: [string, string, string][] = [
      ["2026-11-20T10:00:00Z", "2026-autumn", "2027-01-15T00:00:00.000Z"],
      ["2026-08-01T00:00:00Z", "2026-autumn", "2027-01-15T00:00:00.000Z"],
      ["2027-03-02T10:00:00Z", "2027-spring", "2027-08-15T00:00:00.000Z"],
      ["2027-07-31T23:00:00Z", "2027-spring", "2027-08-15T00:00:00.000Z"],
    ];
    const failing = table.filter(([at, key, seals]) => {
      const t = termOf(new Date(at));
      return t.key !== key || t.sealsAt.toISOString() !== seals;
    });
    expect(failing).toEqual([]);
  });
});
