// What the API answers about a plan version.
import type { PlanContent } from "../../core/plans/types.ts";
import { schoolYearLabel } from "../../core/plans/versions.ts";
import { loadSchoolYear, type PlanRow, type Q } from "./store.ts";

export interface PlanView {
  id: string;
  schoolId: string;
  version: number;
  status: "draft" | "published" | "archived";
  schoolYear: { id: string; label: string; startsOn: string; endsOn: string; name: string };
  content: PlanContent;
  templateId: string | null;
  basedOnVersion: number | null;
  publishedOn: string | null;
  archivedOn: string | null;
  evaluation: unknown;
  evaluationStartedAt: string | null;
  updatedAt: string;
}

export async function presentPlan(q: Q, row: PlanRow): Promise<PlanView> {
  const year = await loadSchoolYear(q, row.school_id, row.school_year_id);
  return {
    id: row.id,
    schoolId: row.school_id,
    version: row.version,
    status: row.status,
    schoolYear: {
      id: row.school_year_id,
      label: year?.label ?? schoolYearLabel(row.school_year),
      startsOn: year?.startsOn ?? "",
      endsOn: year?.endsOn ?? "",
      name: schoolYearLabel(row.school_year),
    },
    content: row.content as PlanContent,
    templateId: row.template_id,
    basedOnVersion: row.based_on_version,
    publishedOn: row.published_on,
    archivedOn: row.archived_on,
    evaluation: row.evaluation ?? null,
    evaluationStartedAt: row.evaluation_started_at ? row.evaluation_started_at.toISOString() : null,
    updatedAt: row.updated_at.toISOString(),
  };
}
