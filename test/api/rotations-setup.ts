// Shared set-up of the rotation API tests: a class and a teaching group of the big demo
// school, their teachers, teachers of other groups, and the people who must get nothing.
import type { TestApp, TestClient } from "../support/app.ts";
import { demoSchools, personWithRole } from "../support/people.ts";

export interface RotationWorld {
  schoolId: string;
  ownerId: string;
  otherSchoolId: string;
  classId: string;
  teachingGroupId: string;
  pupils: string[];
  ids: Record<string, string>;
  as: Record<string, TestClient>;
}

async function teachersOf(t: TestApp, schoolId: string, role: string, kind: string) {
  const rows = await t.database.db
    .selectFrom("role_assignment as r")
    .innerJoin("study_group as g", "g.id", "r.group_id")
    .select(["r.person_id", "r.group_id"])
    .where("r.role", "=", role)
    .where("r.school_id", "=", schoolId)
    .where("g.kind", "=", kind as "class")
    // Teachers who are teachers only: a grade leader sees every group anyway.
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom("role_assignment as l")
            .select("l.id")
            .whereRef("l.person_id", "=", "r.person_id")
            .where("l.role", "in", ["principal", "deputy", "departmentHead", "gradeLeader"]),
        ),
      ),
    )
    .orderBy("g.name")
    .orderBy("r.person_id")
    .execute();
  const all = await t.database.db
    .selectFrom("role_assignment")
    .select(["person_id", "group_id"])
    .where("school_id", "=", schoolId)
    .where("group_id", "is not", null)
    .execute();
  return rows
    .filter((r, i) => rows.findIndex((x) => x.group_id === r.group_id) === i)
    .map((r) => ({
      personId: r.person_id,
      groupId: r.group_id as string,
      groups: new Set(all.filter((a) => a.person_id === r.person_id).map((a) => a.group_id)),
    }));
}

type Teacher = Awaited<ReturnType<typeof teachersOf>>[number];

/** The first teacher with no role in any of the groups named. */
function pick(list: Teacher[], notIn: readonly string[], what: string): Teacher {
  const found = list.find((x) => notIn.every((g) => !x.groups.has(g)));
  if (!found) throw new Error(`no ${what}`);
  return found;
}

export async function rotationWorld(t: TestApp): Promise<RotationWorld> {
  const db = t.database.db;
  const { big, small } = await demoSchools(db);
  const contacts = await teachersOf(t, big.id, "contactTeacher", "class");
  const subjects = await teachersOf(t, big.id, "subjectTeacher", "teachingGroup");
  const contact = pick(contacts, [], "contact teacher");
  const subject = pick(subjects, [contact.groupId], "subject teacher");
  const otherContact = pick(contacts, [contact.groupId, subject.groupId], "other contact teacher");
  const otherSubject = pick(subjects, [contact.groupId, subject.groupId], "other subject teacher");
  const pupils = (
    await db
      .selectFrom("group_membership")
      .select("person_id")
      .where("group_id", "=", contact.groupId)
      .where("member_role", "=", "pupil")
      .orderBy("person_id")
      .execute()
  ).map((r) => r.person_id);
  const guardian = await db
    .selectFrom("guardianship")
    .select("guardian_id")
    .where("pupil_id", "=", pupils[0] as string)
    .executeTakeFirstOrThrow();
  const ids: Record<string, string> = {
    contactTeacher: contact.personId,
    otherContactTeacher: otherContact.personId,
    subjectTeacher: subject.personId,
    otherSubjectTeacher: otherSubject.personId,
    principal: await personWithRole(db, "principal", { schoolId: big.id }),
    deputy: await personWithRole(db, "deputy", { schoolId: big.id }),
    counsellor: await personWithRole(db, "counsellor", { schoolId: big.id }),
    pupil: pupils[0] as string,
    guardian: guardian.guardian_id,
    otherPrincipal: await personWithRole(db, "principal", { schoolId: small.id }),
    ownerCaseOfficer: await personWithRole(db, "ownerCaseOfficer", { ownerId: big.ownerId }),
  };
  const as: Record<string, TestClient> = {};
  for (const [name, id] of Object.entries(ids)) as[name] = await t.as(id);
  return {
    schoolId: big.id,
    ownerId: big.ownerId,
    otherSchoolId: small.id,
    classId: contact.groupId,
    teachingGroupId: subject.groupId,
    pupils,
    ids,
    as,
  };
}
