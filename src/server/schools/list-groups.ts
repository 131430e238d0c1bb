// The classes and teaching groups of a school with their size and teachers.
import type { Db } from "../platform/db/database.ts";

export interface GroupView {
  id: string;
  kind: "class" | "teachingGroup";
  name: string;
  grade: string | null;
  subject: string | null;
  pupilCount: number;
  teachers: { id: string; name: string }[];
}

// PGlite has no ICU collation, so display order is decided here, never by ORDER BY name.
const collator = new Intl.Collator("nb", { numeric: true, sensitivity: "base" });

export async function listGroups(db: Db, schoolId: string): Promise<GroupView[]> {
  const groups = await db
    .selectFrom("study_group as g")
    .leftJoin("group_membership as m", (j) =>
      j.onRef("m.group_id", "=", "g.id").on("m.member_role", "=", "pupil"),
    )
    .select(["g.id", "g.kind", "g.name", "g.grade", "g.subject"])
    .select((eb) => eb.fn.count<string>("m.person_id").as("pupils"))
    .where("g.school_id", "=", schoolId)
    .groupBy(["g.id", "g.kind", "g.name", "g.grade", "g.subject"])
    .execute();
  const teachers = await db
    .selectFrom("group_membership as m")
    .innerJoin("study_group as g", "g.id", "m.group_id")
    .innerJoin("person as p", "p.id", "m.person_id")
    .select(["m.group_id", "p.id", "p.given_name", "p.family_name"])
    .where("g.school_id", "=", schoolId)
    .where("m.member_role", "=", "teacher")
    .execute();
  const byGroup = new Map<string, { id: string; name: string; family: string }[]>();
  for (const t of teachers) {
    const list = byGroup.get(t.group_id) ?? [];
    list.push({ id: t.id, name: `${t.given_name} ${t.family_name}`, family: t.family_name });
    byGroup.set(t.group_id, list);
  }
  return groups
    .map((g) => ({
      id: g.id,
      kind: g.kind,
      name: g.name,
      grade: g.grade,
      subject: g.subject,
      pupilCount: Number(g.pupils),
      teachers: (byGroup.get(g.id) ?? [])
        .sort((a, b) => collator.compare(a.family, b.family) || collator.compare(a.name, b.name))
        .map(({ id, name }) => ({ id, name })),
    }))
    .sort(
      (a, b) =>
        // Classes first (what most people look for), then teaching groups.
        (a.kind === b.kind ? 0 : a.kind === "class" ? -1 : 1) || collator.compare(a.name, b.name),
    );
}
