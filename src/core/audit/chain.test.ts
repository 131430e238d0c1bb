import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  type AuditContent,
  type ChainedEntry,
  canonicalJson,
  checkChain,
  entryHash,
  GENESIS_HASH,
} from "./chain.ts";

const content = (i: number, detail: Record<string, unknown> = {}): AuditContent => ({
  at: new Date(Date.UTC(2026, 10, 26, 9, 0, i)).toISOString(),
  actorId: `actor-${i % 3}`,
  action: "person.read",
  resourceType: "person",
  resourceId: `p-${i}`,
  schoolId: "s-1",
  ownerId: null,
  restricted: false,
  requestId: `r-${i}`,
  detail,
});

function chain(contents: AuditContent[]): ChainedEntry[] {
  let prev = GENESIS_HASH;
  return contents.map((c, i) => {
    const hash = entryHash(prev, c);
    const e = { seq: String(i + 1), prevHash: prev, hash, content: c };
    prev = hash;
    return e;
  });
}

describe("canonicalJson", () => {
  it("ignores key order at every level", () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { y: 2, x: 1 }], c: null } })).toBe(
      canonicalJson({ a: { c: null, d: [1, { x: 1, y: 2 }] }, b: 1 }),
    );
  });
});

describe("checkChain", () => {
  it("accepts an intact chain", () => {
    expect(checkChain(chain([0, 1, 2, 3].map((i) => content(i))))).toEqual({ ok: true, count: 4 });
  });

  it("names the first entry whose content was changed", () => {
    const entries = chain([0, 1, 2, 3].map((i) => content(i)));
    const target = entries[2];
    if (!target) throw new Error("fixture");
    target.content = { ...target.content, action: "person.deleted" };
    expect(checkChain(entries)).toEqual({ ok: false, seq: "3", problem: "content-changed" });
  });

  it("notices a removed entry", () => {
    const entries = chain([0, 1, 2, 3].map((i) => content(i)));
    entries.splice(1, 1);
    expect(checkChain(entries)).toEqual({ ok: false, seq: "3", problem: "prev-hash-mismatch" });
  });

  it("any single-field tampering anywhere is detected (property)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 12 }),
        fc.nat(),
        fc.string({ minLength: 1 }),
        (n, pick, junk) => {
          const entries = chain(Array.from({ length: n }, (_, i) => content(i, { n: i })));
          const idx = pick % n;
          const victim = entries[idx];
          if (!victim) return;
          victim.content = { ...victim.content, detail: { n: idx, junk } };
          const result = checkChain(entries);
          expect(result.ok).toBe(false);
          if (!result.ok) expect(result.seq).toBe(String(idx + 1));
        },
      ),
    );
  });
});
