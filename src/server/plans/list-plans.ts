// The school's plan versions (newest first) and its school years, with the version in force.
import { schoolYearLabel } from "../../core/plans/versions.ts";
import type { Db } from "../platform/db/database.ts";

export interface PlanListItem {
  id: string;
  version: number;
  status: "draft" | "published" | "archived";
  schoolYearId: string;
  schoolYearLabel: string;
  schoolYearName: string;
  templateId: string | null;
  basedOnVersion: number | null;
  publishedOn: string | null;
  archivedOn: string | null;
  evaluated: boolean;
  evaluationOpen: boolean;
  updatedAt: string;
}

export interface PlanList {
  plans: PlanListItem[];
  schoolYears: { id: string; label: string; startsOn: string; endsOn: string }[];
}

export async function listPlans(db: Db, schoolId: string): Promise<PlanList> {
  const [plans, years] = await Promise.all([
    db
      .selectFrom("action_plan as p")
      .innerJoin("school_year as y", "y.id", "p.school_year_id")
      .select([
        "p.id",
        "p.version",
        "p.status",
        "p.school_year_id",
        "p.school_year",
        "y.label",
        "p.template_id",
        "p.based_on_version",
        "p.published_on",
        "p.archived_on",
        "p.evaluation",
        "p.evaluation_started_at",
        "p.updated_at",
      ])
      .where("p.school_id", "=", schoolId)
      .orderBy("p.version", "desc")
      .execute(),
    db
      .selectFrom("school_year")
      .select(["id", "label", "starts_on", "ends_on"])
      .where("school_id", "=", schoolId)
      .orderBy("starts_on")
      .execute(),
  ]);
  return {
    plans: plans.map((p) => ({
      id: p.id,
      version: p.version,
      status: p.status,
      schoolYearId: p.school_year_id,
      schoolYearLabel: p.label,
      schoolYearName: schoolYearLabel(p.school_year),
      templateId: p.template_id,
      basedOnVersion: p.based_on_version,
      publishedOn: p.published_on,
      archivedOn: p.archived_on,
      evaluated: p.evaluation !== null,
      evaluationOpen: p.evaluation_started_at !== null && p.evaluation === null,
      updatedAt: p.updated_at.toISOString(),
    })),
    schoolYears: years.map((y) => ({
      id: y.id,
      label: y.label,
      startsOn: y.starts_on,
      endsOn: y.ends_on,
    })),
  };
}
