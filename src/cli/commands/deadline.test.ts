import { describe, expect, it } from "vitest";
import run from "./deadline.ts";

async function deadline(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const code = await run(argv, { stdout: (t) => (out += t), stderr: (t) => (err += t) });
  return { code, out, err };
}

describe("trygg deadline", () => {
  it.each([
    ["2026-11-26", "5", "2026-12-03", "Thursday to next Thursday"],
    ["2027-03-24", "5", "2027-04-05", "across Maundy Thursday, Good Friday and Easter Monday 2027"],
    ["2027-05-12", "5", "2027-05-20", "across 17 May, which is also Whit Monday in 2027"],
    ["2026-12-22", "5", "2026-12-30", "across Christmas (Christmas Eve is a working day)"],
  ])("from %s plus %s working days is %s (%s)", async (from, n, expected) => {
    const res = await deadline("--from", from, "--working-days", n);
    expect(res).toEqual({ code: 0, out: `${expected}\n`, err: "" });
  });

  it("reads the owner's closed days and deadline setting with --school-owner", async () => {
    // Covered end to end in test/api/deadline-owner.test.ts with a database; here only parsing.
    const res = await deadline("--from", "2026-11-26");
    expect(res.code).toBe(2);
  });

  it("skips closed days given on the command line", async () => {
    const res = await deadline(
      "--from",
      "2026-11-26",
      "--working-days",
      "5",
      "--closed-days",
      "2026-11-27,2026-11-30",
    );
    expect(res.out).toBe("2026-12-07\n");
  });

  it.each([
    [["--working-days", "5"], /--from is required/],
    [["--from", "2026-02-30", "--working-days", "5"], /--from/],
    [["--from", "2026-11-26", "--working-days", "five"], /working-days/],
    [["--from", "2026-11-26", "--school-owner", "nope"], /UUID/],
  ])("refuses bad input %j with exit 2 and nothing on stdout", async (argv, message) => {
    const res = await deadline(...argv);
    expect(res.code).toBe(2);
    expect(res.out).toBe("");
    expect(res.err).toMatch(message);
  });
});
