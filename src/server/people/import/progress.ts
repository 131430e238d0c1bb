// Progress of imports that this process is running.
//
// The apply step runs in one transaction, so progress written inside it is invisible to other
// connections until commit. Two channels therefore carry it:
// - an in-process map, read by GET on the instance doing the work (the only channel on
//   PGlite, which has a single connection: a write outside the transaction would queue behind
//   it);
// - on PostgreSQL, throttled writes of processed_rows through the pool, i.e. a connection
//   other than the transaction's, so that GET on any instance sees them.
import type { DatabaseHandle } from "../../platform/db/database.ts";

export type RunStatus = "validating" | "importing" | "done" | "failed";

export interface LiveProgress {
  status: RunStatus;
  totalRows: number;
  processedRows: number;
}

const WRITE_EVERY_MS = 250;

export class ProgressBoard {
  private readonly live = new Map<string, LiveProgress>();
  private readonly lastWrite = new Map<string, number>();
  private readonly writes = new Map<string, Promise<void>>();

  constructor(private readonly database: DatabaseHandle) {}

  get(importId: string): LiveProgress | undefined {
    return this.live.get(importId);
  }

  set(importId: string, progress: LiveProgress): void {
    this.live.set(importId, progress);
  }

  /** Records progress; on PostgreSQL also writes it (at most every 250 ms) outside the transaction. */
  update(importId: string, processedRows: number, now: number): void {
    const p = this.live.get(importId);
    if (!p) return;
    p.processedRows = processedRows;
    if (this.database.engine !== "postgres") return;
    const last = this.lastWrite.get(importId) ?? 0;
    if (now - last < WRITE_EVERY_MS && processedRows < p.totalRows) return;
    this.lastWrite.set(importId, now);
    const previous = this.writes.get(importId) ?? Promise.resolve();
    const write = previous.then(async () => {
      try {
        await this.database.db
          .updateTable("import_run")
          .set({ processed_rows: processedRows })
          .where("id", "=", importId)
          .where("status", "=", "importing")
          .execute();
      } catch {
        // Progress is best effort; the final state is written after the transaction.
      }
    });
    this.writes.set(importId, write);
  }

  /** Waits for pending progress writes, so that none lands after the final state. */
  async settle(importId: string): Promise<void> {
    await this.writes.get(importId);
    this.writes.delete(importId);
    this.lastWrite.delete(importId);
  }

  forget(importId: string): void {
    this.live.delete(importId);
  }
}
