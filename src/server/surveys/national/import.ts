// The national survey import use case, shared by the CLI, the HTTP upload and the living
// demo: decode -> parse (pure) -> plan against what is stored -> write in one transaction
// with its audit row. All or nothing: any unreadable row and nothing is written.
import { decodeSurveyFile, parseNationalSurvey } from "../../../core/surveys/national/parse.ts";
import { planImport, type StoredValue } from "../../../core/surveys/national/plan.ts";
import type { ParseError, SurveyValue } from "../../../core/surveys/national/types.ts";
import { appendAudit } from "../../platform/audit.ts";
import type { Db, Tx } from "../../platform/db/database.ts";

export interface NationalImportRequest {
  schoolId: string;
  /** The unit to take from a many-school file; default: the school's own name. */
  unit?: string | null;
  data: Uint8Array;
  actorId: string | null;
  requestId?: string | null;
  now: Date;
  /** A run created beforehand (the HTTP upload, for progress); else one is created. */
  importId?: string;
  onProgress?: (status: "importing", processed: number, total: number) => void;
}

export interface NationalImportCounts {
  rows: number;
  imported: number;
  unchanged: number;
  hidden: number;
  otherUnits: number;
  skipped: number;
}

export interface NationalImportOutcome {
  importId: string | null;
  ok: boolean;
  format: string | null;
  counts: NationalImportCounts;
  errors: ParseError[];
}

const CHUNK = 200;

function storedOf(row: {
  school_year: string;
  trinn: string;
  gender: "all" | "female" | "male";
  index_name: string;
  level: StoredValue["level"];
  unit_name: string;
  org_number: string | null;
  score: number | null;
  hidden: boolean;
  share_bullied: number | null;
  answered: number | null;
}): StoredValue {
  return {
    schoolYear: row.school_year,
    trinn: row.trinn,
    gender: row.gender,
    indexName: row.index_name,
    level: row.level,
    unitName: row.unit_name,
    orgNumber: row.org_number,
    score: row.score === null ? null : Number(row.score),
    hidden: row.hidden,
    shareBullied: row.share_bullied === null ? null : Number(row.share_bullied),
    answered: row.answered,
  };
}

/** Creates a run in status "validating" (with its audit row) and returns its id. */
export async function createImportRun(
  db: Db,
  req: Pick<NationalImportRequest, "schoolId" | "actorId" | "requestId" | "now"> & {
    bytes: number;
  },
): Promise<string> {
  return db.transaction().execute(async (tx) => {
    const run = await tx
      .insertInto("national_survey_import")
      .values({
        school_id: req.schoolId,
        started_by: req.actorId,
        status: "validating",
        counts: JSON.stringify({}),
        errors: JSON.stringify([]),
        created_at: req.now,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    await appendAudit(tx, {
      at: req.now,
      actorId: req.actorId,
      action: "surveyNational.import.started",
      resourceType: "nationalSurveyImport",
      resourceId: run.id,
      schoolId: req.schoolId,
      requestId: req.requestId ?? null,
      detail: { bytes: req.bytes },
    });
    return run.id;
  });
}

export async function importNationalSurvey(
  db: Db,
  req: NationalImportRequest,
): Promise<NationalImportOutcome> {
  const school = await db
    .selectFrom("school")
    .select(["id", "owner_id", "name", "org_number"])
    .where("id", "=", req.schoolId)
    .executeTakeFirstOrThrow();
  const decoded = decodeSurveyFile(req.data);
  const parsed =
    "error" in decoded
      ? null
      : parseNationalSurvey(decoded.text, {
          name: req.unit?.trim() ? req.unit : school.name,
          // An explicit unit name chooses by name only; else the school's org number helps.
          orgNumber: req.unit?.trim() ? null : school.org_number,
        });
  const errors = "error" in decoded ? [decoded.error] : (parsed?.errors ?? []);
  const base = parsed?.counts ?? { rows: 0, hidden: 0, otherUnits: 0, skipped: 0 };
  const counts: NationalImportCounts = { ...base, imported: 0, unchanged: 0 };
  const format = parsed?.format ?? null;

  if (errors.length > 0 || !parsed) {
    await finishFailed(db, req, school.owner_id, format, counts, errors);
    return { importId: req.importId ?? null, ok: false, format, counts, errors };
  }

  const importId = await db.transaction().execute(async (tx) => {
    const id = req.importId ?? (await insertRun(tx, req));
    const stored = await tx
      .selectFrom("national_survey_result")
      .select([
        "school_year",
        "trinn",
        "gender",
        "index_name",
        "level",
        "unit_name",
        "org_number",
        "score",
        "hidden",
        "share_bullied",
        "answered",
      ])
      .where("school_id", "=", school.id)
      .execute();
    const plan = planImport(stored.map(storedOf), parsed.rows);
    const changes = [...plan.inserts, ...plan.updates];
    for (let i = 0; i < changes.length; i += CHUNK) {
      await upsert(tx, school.id, id, req.now, changes.slice(i, i + CHUNK));
      req.onProgress?.("importing", Math.min(i + CHUNK, changes.length), changes.length);
    }
    counts.imported = changes.length;
    counts.unchanged = plan.unchanged;
    await tx
      .updateTable("national_survey_import")
      .set({
        status: "done",
        format,
        total_rows: counts.rows,
        counts: JSON.stringify(counts),
        errors: JSON.stringify([]),
        finished_at: req.now,
      })
      .where("id", "=", id)
      .execute();
    await appendAudit(tx, {
      at: req.now,
      actorId: req.actorId,
      action: "surveyNational.import.finished",
      resourceType: "nationalSurveyImport",
      resourceId: id,
      schoolId: school.id,
      ownerId: school.owner_id,
      requestId: req.requestId ?? null,
      detail: { format, ...counts },
    });
    return id;
  });
  return { importId, ok: true, format, counts, errors: [] };
}

async function insertRun(tx: Tx, req: NationalImportRequest): Promise<string> {
  const run = await tx
    .insertInto("national_survey_import")
    .values({
      school_id: req.schoolId,
      started_by: req.actorId,
      status: "importing",
      counts: JSON.stringify({}),
      errors: JSON.stringify([]),
      created_at: req.now,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return run.id;
}

async function upsert(
  tx: Tx,
  schoolId: string,
  importId: string,
  now: Date,
  values: SurveyValue[],
) {
  if (values.length === 0) return;
  await tx
    .insertInto("national_survey_result")
    .values(
      values.map((v) => ({
        school_id: schoolId,
        school_year: v.schoolYear,
        trinn: v.trinn,
        gender: v.gender,
        index_name: v.indexName,
        level: v.level,
        unit_name: v.unitName,
        org_number: v.orgNumber,
        score: v.score,
        hidden: v.hidden,
        share_bullied: v.shareBullied,
        answered: v.answered,
        import_id: importId,
        updated_at: now,
      })),
    )
    .onConflict((oc) =>
      oc
        .columns(["school_id", "school_year", "trinn", "gender", "index_name", "level"])
        .doUpdateSet((eb) => ({
          unit_name: eb.ref("excluded.unit_name"),
          org_number: eb.ref("excluded.org_number"),
          score: eb.ref("excluded.score"),
          hidden: eb.ref("excluded.hidden"),
          share_bullied: eb.ref("excluded.share_bullied"),
          answered: eb.ref("excluded.answered"),
          import_id: eb.ref("excluded.import_id"),
          updated_at: eb.ref("excluded.updated_at"),
        })),
    )
    .execute();
}

/**
 * A refused file writes no result. The HTTP run records its errors (so the page can show
 * them); every attempt leaves an audit row with counts only.
 */
async function finishFailed(
  db: Db,
  req: NationalImportRequest,
  ownerId: string,
  format: string | null,
  counts: NationalImportCounts,
  errors: ParseError[],
) {
  await db.transaction().execute(async (tx) => {
    if (req.importId) {
      await tx
        .updateTable("national_survey_import")
        .set({
          status: "failed",
          format,
          total_rows: counts.rows,
          counts: JSON.stringify(counts),
          errors: JSON.stringify(errors),
          finished_at: req.now,
        })
        .where("id", "=", req.importId)
        .execute();
    }
    await appendAudit(tx, {
      at: req.now,
      actorId: req.actorId,
      action: "surveyNational.import.failed",
      resourceType: "nationalSurveyImport",
      resourceId: req.importId ?? null,
      schoolId: req.schoolId,
      ownerId,
      requestId: req.requestId ?? null,
      detail: { format, rows: counts.rows, errors: errors.length },
    });
  });
}
