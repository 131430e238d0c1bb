// One person as seen from one school: contact details, roles and groups at this school, and
// the family ties that matter here (a pupil's guardians, a guardian's children at this school).
// Roles at other schools are never part of the answer.
import type { Db } from "../platform/db/database.ts";
import {
  byName,
  classNamesAtSchool,
  collator,
  isAtSchool,
  type RoleView,
  rolesAtSchool,
} from "./store.ts";

export interface PersonDetails {
  id: string;
  givenName: string;
  familyName: string;
  email: string | null;
  phone: string | null;
  feideId: string | null;
  roles: RoleView[];
  groups: { id: string; name: string; kind: "class" | "teachingGroup"; memberRole: string }[];
  guardians: {
    id: string;
    givenName: string;
    familyName: string;
    email: string | null;
    phone: string | null;
  }[];
  children: { id: string; givenName: string; familyName: string; classNames: string[] }[];
}

/** Null when the person is not at this school (the caller answers 404). */
export async function readPerson(
  db: Db,
  schoolId: string,
  personId: string,
): Promise<PersonDetails | null> {
  if (!(await isAtSchool(db, schoolId, personId))) return null;
  const person = await db
    .selectFrom("person")
    .select(["id", "given_name", "family_name", "email", "phone", "feide_id"])
    .where("id", "=", personId)
    .executeTakeFirst();
  if (!person) return null;

  const roles = (await rolesAtSchool(db, schoolId, [personId])).get(personId) ?? [];
  const groups = await db
    .selectFrom("group_membership as m")
    .innerJoin("study_group as g", "g.id", "m.group_id")
    .select(["g.id", "g.name", "g.kind", "m.member_role"])
    .where("m.person_id", "=", personId)
    .where("g.school_id", "=", schoolId)
    .execute();

  const isPupil = roles.some((r) => r.role === "pupil");
  const isGuardian = roles.some((r) => r.role === "guardian");
  const guardians = isPupil
    ? await db
        .selectFrom("guardianship as gu")
        .innerJoin("person as p", "p.id", "gu.guardian_id")
        .select(["p.id", "p.given_name", "p.family_name", "p.email", "p.phone"])
        .where("gu.pupil_id", "=", personId)
        .execute()
    : [];
  // Only children who are pupils here: a sibling at another school is not this school's business.
  const children = isGuardian
    ? await db
        .selectFrom("guardianship as gu")
        .innerJoin("person as p", "p.id", "gu.pupil_id")
        .select(["p.id", "p.given_name", "p.family_name"])
        .where("gu.guardian_id", "=", personId)
        .where((eb) =>
          eb.exists(
            eb
              .selectFrom("role_assignment as r")
              .select("r.id")
              .whereRef("r.person_id", "=", "p.id")
              .where("r.school_id", "=", schoolId)
              .where("r.role", "=", "pupil"),
          ),
        )
        .execute()
    : [];
  const childClasses = await classNamesAtSchool(
    db,
    schoolId,
    children.map((c) => c.id),
  );

  return {
    id: person.id,
    givenName: person.given_name,
    familyName: person.family_name,
    email: person.email,
    phone: person.phone,
    feideId: person.feide_id,
    roles,
    groups: groups
      .map((g) => ({ id: g.id, name: g.name, kind: g.kind, memberRole: g.member_role }))
      .sort(
        (a, b) =>
          (a.kind === b.kind ? 0 : a.kind === "class" ? -1 : 1) || collator.compare(a.name, b.name),
      ),
    guardians: guardians.sort(byName).map((g) => ({
      id: g.id,
      givenName: g.given_name,
      familyName: g.family_name,
      email: g.email,
      phone: g.phone,
    })),
    children: children.sort(byName).map((c) => ({
      id: c.id,
      givenName: c.given_name,
      familyName: c.family_name,
      classNames: childClasses.get(c.id) ?? [],
    })),
  };
}
