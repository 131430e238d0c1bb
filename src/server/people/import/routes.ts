// HTTP routes of the import feature: upload (multipart) -> 202 with an id; then poll the run.
// Multipart is registered in this feature's own scope only: no other route accepts uploads.
import multipart from "@fastify/multipart";
import { z } from "zod";
import type { Lang } from "../../../i18n/lang.ts";
import { AppError, notFound } from "../../platform/errors.ts";
import type { FeatureRoutes } from "../../platform/http/app.ts";
import { schoolFromParam } from "../../platform/http/resources.ts";
import { parse } from "../../platform/http/validate.ts";
import { sniff } from "./detect.ts";
import { problemMessage } from "./messages.ts";
import { failAbandonedRuns, ImportRunner } from "./run.ts";
import { IMPORT_FORMATS, type InputFile, type Problem } from "./types.ts";

/** A OneRoster bulk set has at most a dozen files; anything beyond is a mistake. */
const MAX_FILES = 20;

const flag = z
  .enum(["true", "false", "1", "0", "on", "off", ""])
  .optional()
  .transform((v) => v === "true" || v === "1" || v === "on");

const uploadFields = z.object({
  format: z.enum(IMPORT_FORMATS as [string, ...string[]]),
  dryRun: flag,
  partial: flag,
});

const importParams = z.object({ schoolId: z.uuid(), importId: z.uuid() });

interface RunRow {
  id: string;
  format: string;
  status: "validating" | "importing" | "done" | "failed";
  total_rows: number;
  processed_rows: number;
  problems: unknown[];
  summary: Record<string, unknown>;
  created_at: Date;
  finished_at: Date | null;
  started_by: string | null;
}

function presentProblem(p: Problem, lang: Lang) {
  return {
    file: p.file,
    line: p.line,
    column: p.column,
    code: p.code,
    severity: p.severity,
    params: p.params ?? {},
    message: problemMessage(lang, p.code, p.params),
  };
}

export const importRoutes: FeatureRoutes = async (app, deps) => {
  const { database, config } = deps;
  const db = database.db;
  const runner = new ImportRunner(deps);
  await failAbandonedRuns(database, deps.clock());

  /** A run without its problem list (the history). */
  /** Imports this process is running: which school they belong to, for the live answer. */
  const liveRuns = new Map<string, { schoolId: string; format: string }>();
  const presentRun = (row: RunRow) => {
    const live = runner.board.get(row.id);
    const problems = row.problems as Problem[];
    return {
      id: row.id,
      format: row.format,
      status: live?.status ?? row.status,
      totalRows: live?.totalRows ?? row.total_rows,
      processedRows: live?.processedRows ?? row.processed_rows,
      errorCount: problems.filter((p) => p.severity === "error").length,
      warningCount: problems.filter((p) => p.severity === "warning").length,
      summary: row.summary,
      startedBy: row.started_by,
      createdAt: new Date(row.created_at).toISOString(),
      finishedAt: row.finished_at ? new Date(row.finished_at).toISOString() : null,
    };
  };

  await app.register(async (scope) => {
    await scope.register(multipart, {
      throwFileSizeLimit: true,
      limits: {
        fileSize: config.maxUploadBytes,
        files: MAX_FILES,
        fields: 10,
        fieldSize: 1000,
        parts: MAX_FILES + 10,
      },
    });
    scope.addHook("onClose", async () => {
      await runner.drain();
    });

    scope.post(
      "/api/schools/:schoolId/imports",
      { config: { access: { action: "import.run", resource: schoolFromParam(db) } } },
      async (req, reply) => {
        const { schoolId } = req.params as { schoolId: string };
        if (!req.isMultipart()) throw new AppError(400, "import.noFiles");
        const fields: Record<string, string> = {};
        const files: InputFile[] = [];
        let bytes = 0;
        for await (const part of req.parts()) {
          if (part.type === "file") {
            const data = await part.toBuffer();
            bytes += data.length;
            if (bytes > config.maxUploadBytes) throw new AppError(413, "body.tooLarge");
            // An empty file input still sends a part with no name and no bytes.
            if (data.length === 0 && !part.filename) continue;
            const name = (part.filename || part.fieldname).split(/[\\/]/).pop() ?? "upload.csv";
            files.push({ name, data });
          } else {
            fields[part.fieldname] = String(part.value);
          }
        }
        const format = z.enum(IMPORT_FORMATS as [string, ...string[]]).safeParse(fields.format);
        if (!format.success) throw new AppError(400, "import.unsupportedFormat");
        const body = parse(uploadFields, fields);
        if (files.length === 0) throw new AppError(400, "import.noFiles");
        if (body.format === "csv" && files.length > 1)
          throw new AppError(400, "import.oneFileOnly");
        for (const f of files) {
          const kind = sniff(f.data);
          if (kind === "spreadsheet")
            throw new AppError(400, "import.spreadsheet", { file: f.name });
          if (kind === "zip") throw new AppError(400, "import.zip", { file: f.name });
          if (kind === "notCsv") throw new AppError(400, "import.notCsv", { file: f.name });
        }
        const { importId, done } = await runner.start({
          schoolId,
          format: body.format as "oneroster" | "csv",
          files,
          dryRun: body.dryRun,
          partial: body.partial,
          actorId: req.actor?.personId ?? null,
          requestId: req.id,
        });
        liveRuns.set(importId, { schoolId, format: body.format });
        // The outcome is recorded by the runner; nothing to do with it here.
        done.catch(() => undefined).finally(() => liveRuns.delete(importId));
        return reply.status(202).send({ importId });
      },
    );

    scope.get(
      "/api/schools/:schoolId/imports/:importId",
      { config: { access: { action: "import.run", resource: schoolFromParam(db) } } },
      async (req) => {
        const params = importParams.safeParse(req.params);
        if (!params.success) throw notFound();
        // While this process applies the import, answer from memory: on the embedded engine the
        // import's transaction holds the only database connection until it commits.
        const running = liveRuns.get(params.data.importId);
        const live = runner.board.get(params.data.importId);
        if (
          running &&
          live &&
          running.schoolId === params.data.schoolId &&
          live.status === "importing"
        ) {
          return {
            id: params.data.importId,
            format: running.format,
            status: live.status,
            totalRows: live.totalRows,
            processedRows: live.processedRows,
            errorCount: 0,
            warningCount: 0,
            summary: {},
            startedBy: null,
            createdAt: null,
            finishedAt: null,
            problems: [],
          };
        }
        const row = await db
          .selectFrom("import_run")
          .select([
            "id",
            "format",
            "status",
            "total_rows",
            "processed_rows",
            "problems",
            "summary",
            "created_at",
            "finished_at",
            "started_by",
          ])
          .where("id", "=", params.data.importId)
          // Another school's run is "not found", not "forbidden": ids do not reveal tenancy.
          .where("school_id", "=", params.data.schoolId)
          .executeTakeFirst();
        if (!row) throw notFound();
        return {
          ...presentRun(row),
          problems: (row.problems as Problem[]).map((p) => presentProblem(p, req.lang)),
        };
      },
    );

    scope.get(
      "/api/schools/:schoolId/imports",
      { config: { access: { action: "import.run", resource: schoolFromParam(db) } } },
      async (req) => {
        const { schoolId } = req.params as { schoolId: string };
        const rows = await db
          .selectFrom("import_run")
          .select([
            "id",
            "format",
            "status",
            "total_rows",
            "processed_rows",
            "problems",
            "summary",
            "created_at",
            "finished_at",
            "started_by",
          ])
          .where("school_id", "=", schoolId)
          .orderBy("created_at", "desc")
          .limit(50)
          .execute();
        // The history lists runs; the full problem report is one GET away.
        return { imports: rows.map(presentRun) };
      },
    );
  });
};
