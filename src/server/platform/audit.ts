// Writes and verifies the append-only, hash-chained audit log. Entries are written inside the
// caller's transaction, so a change and its audit row commit (or roll back) together.
import { sql } from "kysely";
import {
  type AuditContent,
  type ChainCheck,
  type ChainedEntry,
  checkChain,
  entryHash,
  GENESIS_HASH,
} from "../../core/audit/chain.ts";
import type { Db, Tx } from "./db/database.ts";
import type { AuditRow } from "./db/schema.ts";

export interface AuditInput {
  at: Date;
  actorId: string | null;
  action: string;
  resourceType: string;
  resourceId?: string | null;
  schoolId?: string | null;
  ownerId?: string | null;
  restricted?: boolean;
  requestId?: string | null;
  /** Ids and field names only: never names, free text or case content. */
  detail?: Record<string, unknown>;
}

// One chain across the database: appends are serialized by a transaction-level advisory lock,
// which also holds across several app instances on PostgreSQL.
const AUDIT_LOCK = 727275;

function toContent(input: AuditInput): AuditContent {
  return {
    at: input.at.toISOString(),
    actorId: input.actorId,
    action: input.action,
    resourceType: input.resourceType,
    resourceId: input.resourceId ?? null,
    schoolId: input.schoolId ?? null,
    ownerId: input.ownerId ?? null,
    restricted: input.restricted ?? false,
    requestId: input.requestId ?? null,
    detail: input.detail ?? {},
  };
}

export async function appendAudit(tx: Tx, ...inputs: AuditInput[]): Promise<void> {
  if (inputs.length === 0) return;
  await sql`SELECT pg_advisory_xact_lock(${AUDIT_LOCK})`.execute(tx);
  const last = await tx
    .selectFrom("audit_log")
    .select("hash")
    .orderBy("seq", "desc")
    .limit(1)
    .executeTakeFirst();
  let prev = last?.hash ?? GENESIS_HASH;
  for (const input of inputs) {
    const content = toContent(input);
    const hash = entryHash(prev, content);
    await tx
      .insertInto("audit_log")
      .values({
        at: content.at,
        actor_id: content.actorId,
        action: content.action,
        resource_type: content.resourceType,
        resource_id: content.resourceId,
        school_id: content.schoolId,
        owner_id: content.ownerId,
        restricted: content.restricted,
        request_id: content.requestId,
        detail: JSON.stringify(content.detail),
        prev_hash: prev,
        hash,
      })
      .execute();
    prev = hash;
  }
}

export function rowToEntry(row: AuditRow): ChainedEntry {
  return {
    seq: row.seq,
    prevHash: row.prev_hash,
    hash: row.hash,
    content: {
      at: new Date(row.at).toISOString(),
      actorId: row.actor_id,
      action: row.action,
      resourceType: row.resource_type,
      resourceId: row.resource_id,
      schoolId: row.school_id,
      ownerId: row.owner_id,
      restricted: row.restricted,
      requestId: row.request_id,
      detail: row.detail,
    },
  };
}

/** Walks the whole chain in batches; names the first broken entry. */
export async function verifyAuditChain(db: Db, batchSize = 5000): Promise<ChainCheck> {
  let prev = GENESIS_HASH;
  let after = "0";
  let count = 0;
  for (;;) {
    const rows = await db
      .selectFrom("audit_log")
      .selectAll()
      .where(sql<boolean>`seq > ${after}::bigint`)
      .orderBy("seq")
      .limit(batchSize)
      .execute();
    if (rows.length === 0) return { ok: true, count };
    const result = checkChain(rows.map(rowToEntry), prev);
    if (!result.ok) return result;
    count += result.count;
    const lastRow = rows[rows.length - 1] as AuditRow;
    prev = lastRow.hash;
    after = lastRow.seq;
  }
}
