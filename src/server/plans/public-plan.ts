// The plan a school publishes: the published version of the school year in progress (else
// of the next one, else the latest published). Only the plan's content and its version data
// leave the server: no names, no tasks, no notes.
import type { IsoDate } from "../../core/calendar/iso-date.ts";
import type { PlanContent } from "../../core/plans/types.ts";
import { schoolYearLabel } from "../../core/plans/versions.ts";
import type { Db } from "../platform/db/database.ts";

export interface PublicPlan {
  school: { id: string; name: string };
  plan: {
    id: string;
    version: number;
    schoolYear: string;
    schoolYearId: string;
    publishedOn: string | null;
    content: PlanContent;
  };
}

export async function findPublicPlan(
  db: Db,
  schoolId: string,
  today: IsoDate,
): Promise<PublicPlan | null> {
  const school = await db
    .selectFrom("school")
    .select(["id", "name"])
    .where("id", "=", schoolId)
    .executeTakeFirst();
  if (!school) return null;
  const published = await db
    .selectFrom("action_plan as p")
    .innerJoin("school_year as y", "y.id", "p.school_year_id")
    .select([
      "p.id",
      "p.version",
      "p.school_year",
      "p.school_year_id",
      "p.published_on",
      "p.content",
      "y.starts_on",
      "y.ends_on",
    ])
    .where("p.school_id", "=", schoolId)
    .where("p.status", "=", "published")
    .orderBy("y.starts_on")
    .execute();
  const chosen =
    published.find((p) => p.starts_on <= today && today <= p.ends_on) ??
    published.find((p) => p.starts_on > today) ??
    published[published.length - 1];
  if (!chosen) return null;
  return {
    school: { id: school.id, name: school.name },
    plan: {
      id: chosen.id,
      version: chosen.version,
      schoolYear: schoolYearLabel(chosen.school_year),
      schoolYearId: chosen.school_year_id,
      publishedOn: chosen.published_on,
      content: chosen.content as PlanContent,
    },
  };
}
