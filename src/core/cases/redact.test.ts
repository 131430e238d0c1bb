import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compileRedaction, namesOfPerson, redactionRule, redactNames } from "./redact.ts";

const R = "[annen elev]";
const own = { givenName: "Ola", familyName: "Nordmann" };
const kari = { givenName: "Kari", familyName: "Hansen" };
const anneMarie = { givenName: "Anne-Marie", familyName: "Berg" };
const ola2 = { givenName: "Ola", familyName: "Vik" };

describe("redactNames", () => {
  it.each([
    ["replaces a full name as one", [kari], "Kari Hansen slo Ola.", `${R} slo Ola.`],
    ["replaces the given name alone", [kari], "Kari sa det.", `${R} sa det.`],
    ["is case-insensitive", [kari], "KARI HANSEN og kari", `${R} og ${R}`],
    [
      "matches whole words only (a hyphenated name is one word)",
      [kari],
      "Karianne og Kari-Lise",
      "Karianne og Kari-Lise",
    ],
    ["leaves a name inside a word", [kari], "Hansenfamilien", "Hansenfamilien"],
    ["keeps the own pupil's names", [kari], "Ola Nordmann og Kari", `Ola Nordmann og ${R}`],
    ["keeps a shared given name but hides the full name", [ola2], "Ola Vik og Ola", `${R} og Ola`],
    ["matches a name across a line break", [kari], "Kari\nHansen kom", `${R} kom`],
    [
      "handles æøå and punctuation",
      [{ givenName: "Åse", familyName: "Ødegård" }],
      "(Åse Ødegård), åse!",
      `(${R}), ${R}!`,
    ],
    ["hides a hyphenated name", [anneMarie], "Anne-Marie Berg og Anne-Marie", `${R} og ${R}`],
    ["leaves text without names unchanged", [kari], "Ingen navn her.", "Ingen navn her."],
    ["does nothing without other pupils", [], "Kari Hansen", "Kari Hansen"],
    [
      "treats regex characters as text",
      [{ givenName: "Jo (J)", familyName: "X.Y" }],
      "Jo (J) X.Y og JoaJ",
      `${R} og JoaJ`,
    ],
  ])("%s", (_name, others, text, expected) => {
    expect(redactNames(text, redactionRule([own], others, R))).toBe(expected);
  });

  it("keeps an own hyphenated name when a part of it is another pupil's name", () => {
    const rule = redactionRule([anneMarie], [{ givenName: "Anne", familyName: "Li" }], R);
    expect(redactNames("Anne-Marie og Anne", rule)).toBe(`Anne-Marie og ${R}`);
  });

  it("keeps a longer kept name (a teacher's full name) that starts with a hidden given name", () => {
    const rule = redactionRule([own], [{ givenName: "Emil", familyName: "Berg" }], R);
    const redact = compileRedaction({ ...rule, keep: [...rule.keep, "Emil Hansen"] });
    expect(redact("Emil Hansen så Emil og Emil Berg")).toBe(`Emil Hansen så ${R} og ${R}`);
  });

  it("lists full name and given name of a person", () => {
    expect(namesOfPerson({ givenName: " Per  Ivar ", familyName: "Ås" })).toEqual([
      "Per Ivar Ås",
      "Per Ivar",
    ]);
  });
});

// Names from a small alphabet with Norwegian letters, so collisions and prefixes happen often.
const namePart = fc
  .array(fc.constantFrom("a", "e", "i", "o", "å", "ø", "k", "r", "l", "n"), {
    minLength: 2,
    maxLength: 5,
  })
  .map((cs) => cs.join(""))
  .map((s) => s[0]?.toUpperCase() + s.slice(1));
const person = fc.record({ givenName: namePart, familyName: namePart });
const filler = fc.constantFrom("og", "sa", "at", " ", ", ", ".", "\n", "slo", "i friminuttet");
const lowerWords = (s: string) => s.toLocaleLowerCase("nb").split(/[^\p{L}\p{N}_]+/u);

describe("redactNames properties", () => {
  it("no whole-word name of another pupil survives unless it is also the own pupil's", () => {
    fc.assert(
      fc.property(
        person,
        fc.array(person, { maxLength: 4 }),
        fc.array(fc.oneof(filler, namePart), { maxLength: 12 }),
        (ownPupil, others, pieces) => {
          const names = [...namesOfPerson(ownPupil), ...others.flatMap(namesOfPerson)];
          const text = pieces
            .concat(names)
            .map((p, i) => (i % 2 === 0 ? p : ` ${p} `))
            .join("");
          const out = compileRedaction(redactionRule([ownPupil], others, R))(text);
          const ownWords = new Set(lowerWords(namesOfPerson(ownPupil).join(" ")));
          const words = new Set(lowerWords(out));
          for (const other of others) {
            for (const word of lowerWords(other.givenName)) {
              if (!ownWords.has(word)) expect(words.has(word)).toBe(false);
            }
          }
        },
      ),
    );
  });

  it("keeps the own pupil's full name wherever it is written", () => {
    fc.assert(
      fc.property(person, fc.array(person, { maxLength: 4 }), filler, (ownPupil, others, f) => {
        const full = namesOfPerson(ownPupil)[0] as string;
        const out = redactNames(`${f} ${full} ${f}`, redactionRule([ownPupil], others, R));
        expect(out).toContain(full);
      }),
    );
  });

  it("leaves text without any known name unchanged", () => {
    fc.assert(
      fc.property(fc.array(person, { maxLength: 4 }), fc.string(), (others, text) => {
        const rule = redactionRule([own], others, R);
        const known = rule.hide.map((n) => n.toLocaleLowerCase("nb"));
        fc.pre(!known.some((n) => text.toLocaleLowerCase("nb").includes(n)));
        expect(redactNames(text, rule)).toBe(text);
      }),
    );
  });

  it("is idempotent", () => {
    fc.assert(
      fc.property(
        person,
        fc.array(person, { maxLength: 3 }),
        fc.array(fc.oneof(filler, namePart)),
        (o, others, pieces) => {
          const redact = compileRedaction(redactionRule([o], others, R));
          const once = redact(pieces.join(" "));
          expect(redact(once)).toBe(once);
        },
      ),
    );
  });
});
