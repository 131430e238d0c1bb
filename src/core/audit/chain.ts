// The audit log is a hash chain: each entry's hash covers its own content and the previous
// entry's hash, so changing or removing any row breaks every hash after it.
import { createHash } from "node:crypto";

export const GENESIS_HASH = "0".repeat(64);

export interface AuditContent {
  at: string;
  actorId: string | null;
  action: string;
  resourceType: string;
  resourceId: string | null;
  schoolId: string | null;
  ownerId: string | null;
  restricted: boolean;
  requestId: string | null;
  detail: Record<string, unknown>;
}

/** JSON with object keys sorted at every level, so jsonb's key reordering changes nothing. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
}

export function entryHash(prevHash: string, content: AuditContent): string {
  return createHash("sha256")
    .update(prevHash)
    .update("\n")
    .update(canonicalJson(content))
    .digest("hex");
}

export interface ChainedEntry {
  seq: string;
  prevHash: string;
  hash: string;
  content: AuditContent;
}

export type ChainCheck = { ok: true; count: number } | { ok: false; seq: string; problem: string };

/**
 * Checks a run of entries in sequence order, starting from `expectedPrev` (the hash of the
 * entry before the run, or the genesis hash). Returns the first broken entry.
 */
export function checkChain(
  entries: Iterable<ChainedEntry>,
  expectedPrev = GENESIS_HASH,
): ChainCheck {
  let prev = expectedPrev;
  let count = 0;
  for (const e of entries) {
    if (e.prevHash !== prev) return { ok: false, seq: e.seq, problem: "prev-hash-mismatch" };
    if (entryHash(e.prevHash, e.content) !== e.hash) {
      return { ok: false, seq: e.seq, problem: "content-changed" };
    }
    prev = e.hash;
    count++;
  }
  return { ok: true, count };
}
