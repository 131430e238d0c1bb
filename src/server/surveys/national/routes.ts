// HTTP routes of the national survey import and results (issue #9). Upload (multipart) ->
// 202 with a run id; the page polls the run for progress and the row-by-row errors. The run
// answers from memory while its transaction holds the embedded engine's only connection.
import multipart from "@fastify/multipart";
import { z } from "zod";
import type { ParseError } from "../../../core/surveys/national/types.ts";
import type { Lang } from "../../../i18n/lang.ts";
import { AppError, notFound } from "../../platform/errors.ts";
import type { FeatureRoutes } from "../../platform/http/app.ts";
import { schoolFromParam } from "../../platform/http/resources.ts";
import { createImportRun, importNationalSurvey } from "./import.ts";
import { surveyMessage } from "./messages.ts";
import { readNationalResults } from "./results.ts";

const runParams = z.object({ schoolId: z.uuid(), importId: z.uuid() });

interface Live {
  schoolId: string;
  status: "validating" | "importing";
  processed: number;
  total: number;
}

const presentErrors = (errors: ParseError[], lang: Lang) =>
  errors.map((e) => ({
    line: e.line,
    column: e.column,
    code: e.code,
    message: surveyMessage(lang, e.code, e.params),
  }));

export const nationalSurveyRoutes: FeatureRoutes = async (app, deps) => {
  const { database, config, clock, logger } = deps;
  const db = database.db;
  const live = new Map<string, Live>();
  const running = new Set<Promise<unknown>>();
  const onSchool = (rule: "surveyNational.import" | "surveyNational.read") => ({
    config: { access: { action: rule, resource: schoolFromParam(db) } },
  });

  await app.register(async (scope) => {
    await scope.register(multipart, {
      throwFileSizeLimit: true,
      limits: { fileSize: config.maxUploadBytes, files: 1, fields: 5, fieldSize: 1000, parts: 6 },
    });
    scope.addHook("onClose", async () => {
      await Promise.allSettled([...running]);
    });

    scope.post(
      "/api/schools/:schoolId/national-surveys/imports",
      onSchool("surveyNational.import"),
      async (req, reply) => {
        const { schoolId } = req.params as { schoolId: string };
        if (!req.isMultipart()) throw new AppError(400, "import.noFiles");
        let data: Buffer | null = null;
        let unit: string | null = null;
        for await (const part of req.parts()) {
          if (part.type === "file") {
            const bytes = await part.toBuffer();
            if (bytes.length > 0 || part.filename) data = bytes;
          } else if (part.fieldname === "unit") {
            unit = String(part.value).trim().slice(0, 300) || null;
          }
        }
        if (!data) throw new AppError(400, "import.noFiles");
        const actorId = req.actor?.personId ?? null;
        const importId = await createImportRun(db, {
          schoolId,
          actorId,
          requestId: req.id,
          now: clock(),
          bytes: data.length,
        });
        live.set(importId, { schoolId, status: "validating", processed: 0, total: 0 });
        const file = data;
        const work = (async () => {
          // Let the 202 go out before the parse starts.
          await new Promise((resolve) => setImmediate(resolve));
          return importNationalSurvey(db, {
            schoolId,
            unit,
            data: file,
            actorId,
            requestId: req.id,
            now: clock(),
            importId,
            onProgress: (status, processed, total) =>
              live.set(importId, { schoolId, status, processed, total }),
          });
        })()
          .catch((err: unknown) => {
            // Codes only: driver messages can quote row values.
            logger.error(
              { module: "surveys", importId, errName: (err as Error).name },
              "national survey import failed",
            );
            return db
              .updateTable("national_survey_import")
              .set({ status: "failed", finished_at: clock() })
              .where("id", "=", importId)
              .execute();
          })
          .finally(() => {
            live.delete(importId);
            running.delete(work);
          });
        running.add(work);
        return reply.status(202).send({ importId });
      },
    );

    scope.get(
      "/api/schools/:schoolId/national-surveys/imports/:importId",
      onSchool("surveyNational.import"),
      async (req) => {
        const params = runParams.safeParse(req.params);
        if (!params.success) throw notFound();
        const now = live.get(params.data.importId);
        if (now && now.schoolId === params.data.schoolId) {
          return {
            id: params.data.importId,
            status: now.status,
            processed: now.processed,
            total: now.total,
            counts: null,
            errors: [],
          };
        }
        const row = await db
          .selectFrom("national_survey_import")
          .select(["id", "status", "format", "counts", "errors", "created_at", "finished_at"])
          .where("id", "=", params.data.importId)
          // Another school's run is "not found": ids do not reveal tenancy.
          .where("school_id", "=", params.data.schoolId)
          .executeTakeFirst();
        if (!row) throw notFound();
        return {
          id: row.id,
          status: row.status,
          format: row.format,
          processed: 0,
          total: 0,
          counts: row.status === "validating" ? null : row.counts,
          errors: presentErrors(row.errors as ParseError[], req.lang),
          createdAt: new Date(row.created_at).toISOString(),
          finishedAt: row.finished_at ? new Date(row.finished_at).toISOString() : null,
        };
      },
    );
  });

  app.get(
    "/api/schools/:schoolId/national-surveys/imports",
    onSchool("surveyNational.import"),
    async (req) => {
      const { schoolId } = req.params as { schoolId: string };
      const rows = await db
        .selectFrom("national_survey_import")
        .select(["id", "status", "format", "counts", "errors", "created_at"])
        .where("school_id", "=", schoolId)
        .orderBy("created_at", "desc")
        .limit(20)
        .execute();
      return {
        imports: rows.map((r) => ({
          id: r.id,
          status: live.get(r.id)?.status ?? r.status,
          format: r.format,
          counts: r.counts,
          errorCount: (r.errors as unknown[]).length,
          createdAt: new Date(r.created_at).toISOString(),
        })),
      };
    },
  );

  // Published aggregates (no pupil in them): the read is not audited as personal data.
  app.get(
    "/api/schools/:schoolId/national-surveys/results",
    onSchool("surveyNational.read"),
    async (req) => readNationalResults(db, (req.params as { schoolId: string }).schoolId),
  );
};
