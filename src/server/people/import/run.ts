// The import use case: create an import_run, then (in the background) validate the files,
// apply the batch in one transaction and record the outcome. Status goes
// validating -> importing -> done | failed. Used by the HTTP routes and the CLI.
import type { Logger } from "pino";
import { appendAudit } from "../../platform/audit.ts";
import type { Clock } from "../../platform/clock.ts";
import type { DatabaseHandle, Db } from "../../platform/db/database.ts";
import { ApplyProblems, applyBatch } from "./apply.ts";
import { parseCsvTemplate } from "./csv-template.ts";
import { parseOneRoster } from "./oneroster.ts";
import { ProgressBoard, type RunStatus } from "./progress.ts";
import {
  type ImportFormat,
  type ImportSummary,
  type InputFile,
  type ParseResult,
  type Problem,
  problem,
} from "./types.ts";

/** More rows than any one school has; protects memory and the single PGlite connection. */
export const MAX_ROWS = 200_000;

export interface ImportRequest {
  schoolId: string;
  format: ImportFormat;
  files: InputFile[];
  dryRun: boolean;
  /** Import the good rows and skip the bad ones (default: all or nothing). */
  partial: boolean;
  actorId: string | null;
  requestId?: string | null;
}

export interface ImportOutcome {
  importId: string;
  status: "done" | "failed";
  problems: Problem[];
  summary: (ImportSummary & { dryRun: boolean }) | null;
  totalRows: number;
}

export interface ImportDeps {
  database: DatabaseHandle;
  clock: Clock;
  logger: Logger;
}

class DryRunRollback extends Error {
  constructor(readonly summary: ImportSummary) {
    super("dry run");
  }
}

/** Problems that make the batch itself unreliable, so even a partial import must stop. */
const FATAL_CODES = new Set<Problem["code"]>([
  "import.missingColumn",
  "import.duplicateColumn",
  "import.orgMismatch",
  "import.csvSyntax",
  "import.tooManyRows",
  "import.deltaNotSupported",
  "import.manifestVersion",
]);

const isBlocking = (problems: readonly Problem[], partial: boolean) =>
  problems.some(
    (p) => p.severity === "error" && (!partial || p.line === null || FATAL_CODES.has(p.code)),
  );

/** Parses the files of one request (no database). */
export function parseImport(
  format: ImportFormat,
  files: readonly InputFile[],
  schoolExternalId: string | null,
): ParseResult {
  let result: ParseResult;
  if (format === "oneroster") result = parseOneRoster(files, { schoolExternalId });
  else {
    const [first, ...rest] = files;
    if (!first) {
      return {
        batch: { groups: [], people: [], roles: [], memberships: [], guardianships: [] },
        problems: [problem("", null, null, "import.emptyFile")],
        totalRows: 0,
      };
    }
    result = parseCsvTemplate(first);
    for (const extra of rest) {
      result.problems.push(
        problem(extra.name, null, null, "import.unknownFile", { file: extra.name }),
      );
    }
  }
  if (result.totalRows > MAX_ROWS) {
    result.problems.push(problem("", null, null, "import.tooManyRows", { max: MAX_ROWS }));
  }
  return result;
}

/** Orders problems as a reader scans a report: by file, then line. */
export function sortProblems(problems: Problem[]): Problem[] {
  return problems.sort(
    (a, b) =>
      a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0) || a.code.localeCompare(b.code),
  );
}

export class ImportRunner {
  readonly board: ProgressBoard;
  private readonly running = new Set<Promise<unknown>>();
  private readonly db: Db;

  constructor(private readonly deps: ImportDeps) {
    this.board = new ProgressBoard(deps.database);
    this.db = deps.database.db;
  }

  /**
   * Creates the run (status validating) and returns its id at once; the work continues in
   * the background. `done` resolves with the outcome (the CLI and tests wait on it).
   */
  async start(req: ImportRequest): Promise<{ importId: string; done: Promise<ImportOutcome> }> {
    const now = this.deps.clock();
    const school = await this.db
      .selectFrom("school")
      .select(["id", "owner_id", "external_id"])
      .where("id", "=", req.schoolId)
      .executeTakeFirstOrThrow();
    const importId = await this.db.transaction().execute(async (tx) => {
      const run = await tx
        .insertInto("import_run")
        .values({
          school_id: school.id,
          owner_id: school.owner_id,
          started_by: req.actorId,
          format: req.format,
          status: "validating",
          problems: JSON.stringify([]),
          summary: JSON.stringify({ dryRun: req.dryRun, partial: req.partial }),
          created_at: now,
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      await appendAudit(tx, {
        at: now,
        actorId: req.actorId,
        action: "import.started",
        resourceType: "importRun",
        resourceId: run.id,
        schoolId: school.id,
        requestId: req.requestId ?? null,
        detail: {
          format: req.format,
          files: req.files.length,
          bytes: req.files.reduce((n, f) => n + f.data.length, 0),
          dryRun: req.dryRun,
          partial: req.partial,
        },
      });
      return run.id;
    });
    this.board.set(importId, { status: "validating", totalRows: 0, processedRows: 0 });
    const done = this.work(importId, req, school).finally(() => {
      this.running.delete(done);
    });
    this.running.add(done);
    return { importId, done };
  }

  /** Waits for every import this process is running (on shutdown and in tests). */
  async drain(): Promise<void> {
    await Promise.allSettled([...this.running]);
  }

  private async work(
    importId: string,
    req: ImportRequest,
    school: { id: string; owner_id: string; external_id: string | null },
  ): Promise<ImportOutcome> {
    const log = this.deps.logger.child({ module: "import", importId, schoolId: school.id });
    let totalRows = 0;
    let problems: Problem[] = [];
    try {
      // Let the HTTP response go out before the CPU-bound parse starts.
      await new Promise((resolve) => setImmediate(resolve));
      const parsed = parseImport(req.format, req.files, school.external_id);
      totalRows = parsed.totalRows;
      problems = sortProblems(parsed.problems);
      if (isBlocking(problems, req.partial)) {
        return await this.finish(importId, req, "failed", problems, null, totalRows);
      }
      await this.setStatus(importId, "importing", totalRows, problems);
      const source = `${req.format}:${school.owner_id}`;
      let summary: ImportSummary;
      try {
        summary = await this.db.transaction().execute(async (tx) => {
          const result = await applyBatch(tx, parsed.batch, {
            schoolId: school.id,
            source,
            importId,
            format: req.format,
            actorId: req.actorId,
            requestId: req.requestId ?? null,
            now: this.deps.clock(),
            onProgress: (done, total) => {
              const rows = total === 0 ? totalRows : Math.floor((done / total) * totalRows);
              this.board.update(importId, Math.min(rows, totalRows), Date.now());
            },
          });
          if (req.dryRun) throw new DryRunRollback(result.summary);
          return result.summary;
        });
      } catch (err) {
        if (err instanceof DryRunRollback) summary = err.summary;
        else throw err;
      }
      await this.board.settle(importId);
      return await this.finish(importId, req, "done", problems, summary, totalRows);
    } catch (err) {
      await this.board.settle(importId);
      if (err instanceof ApplyProblems) {
        problems = sortProblems([...problems, ...err.problems]);
      } else {
        // Ids and codes only: driver messages can quote row values.
        log.error(
          { errCode: (err as { code?: string }).code, errName: (err as Error).name },
          "import failed",
        );
        problems = [...problems, problem("", null, null, "import.failed")];
      }
      return await this.finish(importId, req, "failed", problems, null, totalRows);
    }
  }

  private async setStatus(
    importId: string,
    status: RunStatus,
    totalRows: number,
    problems: Problem[],
  ): Promise<void> {
    this.board.set(importId, { status, totalRows, processedRows: 0 });
    await this.db
      .updateTable("import_run")
      .set({ status, total_rows: totalRows, problems: JSON.stringify(problems) })
      .where("id", "=", importId)
      .execute();
  }

  private async finish(
    importId: string,
    req: ImportRequest,
    status: "done" | "failed",
    problems: Problem[],
    summary: ImportSummary | null,
    totalRows: number,
  ): Promise<ImportOutcome> {
    const now = this.deps.clock();
    const fullSummary = summary ? { ...summary, dryRun: req.dryRun, partial: req.partial } : null;
    try {
      await this.db.transaction().execute(async (tx) => {
        await tx
          .updateTable("import_run")
          .set({
            status,
            total_rows: totalRows,
            processed_rows: status === "done" ? totalRows : 0,
            problems: JSON.stringify(problems),
            summary: JSON.stringify(fullSummary ?? { dryRun: req.dryRun, partial: req.partial }),
            finished_at: now,
          })
          .where("id", "=", importId)
          .execute();
        await appendAudit(tx, {
          at: now,
          actorId: req.actorId,
          action: status === "done" ? "import.finished" : "import.failed",
          resourceType: "importRun",
          resourceId: importId,
          schoolId: req.schoolId,
          requestId: req.requestId ?? null,
          detail: {
            dryRun: req.dryRun,
            totalRows,
            errors: problems.filter((p) => p.severity === "error").length,
            warnings: problems.filter((p) => p.severity === "warning").length,
          },
        });
      });
    } finally {
      this.board.forget(importId);
    }
    return {
      importId,
      status,
      problems,
      summary: fullSummary ? { ...fullSummary } : null,
      totalRows,
    };
  }
}

/**
 * Runs that were validating or importing when their process stopped will never finish. On
 * PGlite (one process) every such run is abandoned; on PostgreSQL only old ones, since another
 * instance may still be working.
 */
export async function failAbandonedRuns(database: DatabaseHandle, now: Date): Promise<number> {
  let q = database.db
    .updateTable("import_run")
    .set({
      status: "failed",
      finished_at: now,
      problems: JSON.stringify([problem("", null, null, "import.failed")]),
    })
    .where("status", "in", ["validating", "importing"]);
  if (database.engine === "postgres") {
    q = q.where("created_at", "<", new Date(now.getTime() - 6 * 60 * 60 * 1000));
  }
  const result = await q.executeTakeFirst();
  return Number(result.numUpdatedRows);
}
