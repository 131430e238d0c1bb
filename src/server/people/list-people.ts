// The people of one school, filtered by role, class or group, and a search by name or class;
// one page of them, sorted by name in Norwegian order.
import { z } from "zod";
import { SCHOOL_ROLES } from "../../core/access/roles.ts";
import type { Db } from "../platform/db/database.ts";
import type { Problem } from "../schools/input.ts";
import { byName, classNamesAtSchool, type RoleView, rolesAtSchool } from "./store.ts";

const blankToUndefined = (v: unknown) => (v === "" ? undefined : v);

export const peopleQuery = z.object({
  role: z.preprocess(blankToUndefined, z.enum(SCHOOL_ROLES).optional()),
  groupId: z.preprocess(blankToUndefined, z.uuid().optional()),
  q: z.preprocess(blankToUndefined, z.string().trim().max(100).optional()),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});

export type PeopleQuery = z.infer<typeof peopleQuery>;

export interface PersonListItem {
  id: string;
  givenName: string;
  familyName: string;
  roles: RoleView[];
  classNames: string[];
}

export type ListPeopleResult =
  | { ok: true; total: number; people: PersonListItem[] }
  | { ok: false; problems: Problem[] };

function fold(s: string): string {
  return s.normalize("NFC").toLocaleLowerCase("nb");
}

export async function listPeople(
  db: Db,
  schoolId: string,
  query: PeopleQuery,
): Promise<ListPeopleResult> {
  const { role, groupId } = query;
  if (groupId) {
    const group = await db
      .selectFrom("study_group")
      .select("id")
      .where("id", "=", groupId)
      .where("school_id", "=", schoolId)
      .executeTakeFirst();
    // Filtering by another school's group would tell who is in it.
    if (!group)
      return { ok: false, problems: [{ path: "groupId", code: "role.groupNotAtSchool" }] };
  }

  // One row per person: the join yields a row per role, DISTINCT folds them.
  const candidates = await db
    .selectFrom("role_assignment as r")
    .innerJoin("person as p", "p.id", "r.person_id")
    .select(["p.id", "p.given_name", "p.family_name"])
    .distinct()
    .where("r.school_id", "=", schoolId)
    .$if(role !== undefined, (q) => q.where("r.role", "=", role as string))
    .$if(groupId !== undefined, (q) =>
      q.where("p.id", "in", (eb) =>
        eb
          .selectFrom("group_membership")
          .select("person_id")
          .where("group_id", "=", groupId as string)
          .union(
            eb
              .selectFrom("role_assignment")
              .select("person_id")
              .where("school_id", "=", schoolId)
              .where("group_id", "=", groupId as string),
          )
          // The guardians of the group's pupils: "everyone in 1STA" includes their parents.
          .union(
            eb
              .selectFrom("guardianship as gu")
              .innerJoin("group_membership as m", "m.person_id", "gu.pupil_id")
              .select("gu.guardian_id as person_id")
              .where("m.member_role", "=", "pupil")
              .where("m.group_id", "=", groupId as string),
          ),
      ),
    )
    .execute();

  // Search in code: the embedded engine's case folding knows no Norwegian letters. Each
  // word must be part of the name or the start of one of the person's classes, so "2sta"
  // lists the pupils of 2STA and "ola 2sta" finds Ola in that class.
  const tokens = query.q ? fold(query.q).split(/\s+/).filter(Boolean) : [];
  const classesOfCandidates =
    tokens.length === 0
      ? null
      : await classNamesAtSchool(
          db,
          schoolId,
          candidates.map((p) => p.id),
        );
  const matching =
    classesOfCandidates === null
      ? candidates
      : candidates.filter((p) => {
          const name = fold(`${p.given_name} ${p.family_name}`);
          const classes = (classesOfCandidates.get(p.id) ?? []).map(fold);
          return tokens.every((t) => name.includes(t) || classes.some((c) => c.startsWith(t)));
        });
  matching.sort(byName);

  const page = matching.slice(query.offset, query.offset + query.limit);
  const ids = page.map((p) => p.id);
  const [roles, classes] = await Promise.all([
    rolesAtSchool(db, schoolId, ids),
    classesOfCandidates ?? classNamesAtSchool(db, schoolId, ids),
  ]);
  return {
    ok: true,
    total: matching.length,
    people: page.map((p) => ({
      id: p.id,
      givenName: p.given_name,
      familyName: p.family_name,
      roles: roles.get(p.id) ?? [],
      classNames: classes.get(p.id) ?? [],
    })),
  };
}
