// "Mine meldinger" for the pupil and the guardians (issue #8): each case about the pupil in
// plain words — its stage, the plan in force in the family version, the next evaluation, whom
// to contact and the right to go to Statsforvalteren. Never the investigation notes, views,
// assessments, reports, the problem text, or other pupils (a keep-apart measure says only
// "kept apart from another pupil").
//
// Who sees what (docs/decisions/0114-family-view.md):
// - a pupil sees the cases about themselves (the case's `pupils`, not cases where they are
//   only an involved pupil);
// - a guardian (the guardianship table) sees the cases about their child while the child is
//   under 18, or of unknown age (as the core treats an unknown birth date when guardians are
//   informed); once the child is 18 only if the pupil's latest recorded choice is that the
//   family may be told;
// - nobody else: staff see their own relations only, never the cases they work on here.
// Every case shown is audited as a read (`case.familyRead`).
import type { Actor } from "../../core/access/actor.ts";
import type { Role } from "../../core/access/roles.ts";
import { type IsoDate, osloDateOf } from "../../core/calendar/iso-date.ts";
import { isAdultOn } from "../../core/cases/duty-rules.ts";
import { isLeadershipKind } from "../../core/cases/escalation.ts";
import { compileRedaction, redactionRule } from "../../core/cases/redact.ts";
import {
  type CaseState,
  type CaseStatus,
  type ClosureGround,
  currentPlan,
  type Measure,
} from "../../core/cases/types.ts";
import type { Lang } from "../../i18n/lang.ts";
import { appendAudit } from "../platform/audit.ts";
import type { Db } from "../platform/db/database.ts";
import { restrictedCase } from "./effects.ts";
import { type ComplaintInfo, complaintFor } from "./family-complaint.ts";
import { tr } from "./pdf.ts";
import { caseStateOf, namesOf } from "./store.ts";

export interface FamilyMeasure {
  readonly description: string;
  readonly startsOn: IsoDate;
  readonly endsOn: IsoDate | null;
  readonly schedule: string | null;
  readonly responsible: { readonly name: string; readonly role: Role | null };
  /** This pupil is kept apart from another pupil (never who). */
  readonly keepApart: boolean;
}

export interface FamilyPlan {
  readonly revision: number;
  readonly measures: readonly FamilyMeasure[];
  readonly evaluateOn: IsoDate;
}

export interface FamilyContact {
  readonly name: string;
  readonly role: "principal" | "caseLead";
}

export interface FamilyCase {
  readonly caseId: string;
  readonly pupil: { readonly id: string; readonly name: string };
  /** How the reader is related to the pupil. */
  readonly as: "pupil" | "guardian";
  readonly schoolName: string;
  readonly stage: CaseStatus;
  readonly learnedOn: IsoDate;
  readonly plan: FamilyPlan | null;
  /** While no plan exists: the date it is due. */
  readonly planDueOn: IsoDate | null;
  readonly nextEvaluationOn: IsoDate | null;
  readonly contacts: readonly FamilyContact[];
  readonly closedOn: IsoDate | null;
  readonly closureGround: ClosureGround | null;
  readonly complaint: ComplaintInfo;
}

/** The role a responsible person held in the case team, most senior first. */
const ROLE_ORDER: readonly Role[] = [
  "principal",
  "deputy",
  "departmentHead",
  "contactTeacher",
  "counsellor",
  "socialWorker",
  "schoolNurse",
  "subjectTeacher",
  "gradeLeader",
  "librarian",
  "adminLeader",
  "caretaker",
  "areaDirector",
  "ownerCaseOfficer",
];

function teamRole(state: CaseState, personId: string): Role | null {
  const roles = state.team.find((m) => m.personId === personId)?.roles ?? [];
  return ROLE_ORDER.find((r) => roles.includes(r)) ?? roles[0] ?? null;
}

/**
 * The free-text redaction of a family's view: the names of every other pupil the case knows
 * (the pupils it is about and the pupils involved) become "[annen elev]", as in the family
 * copy of the case file (src/core/cases/redact.ts). The own pupil's names are kept.
 */
export async function familyRedaction(
  db: Db,
  state: CaseState,
  pupilId: string,
  lang: Lang,
): Promise<(text: string) => string> {
  const others = [
    ...new Set([...state.pupils, ...state.involvedPupils.map((p) => p.pupilId)]),
  ].filter((id) => id !== pupilId);
  if (others.length === 0) return (text) => text;
  const rows = await db
    .selectFrom("person")
    .select(["id", "given_name", "family_name"])
    .where("id", "in", [pupilId, ...others])
    .execute();
  const names = (p: { given_name: string; family_name: string }) => ({
    givenName: p.given_name,
    familyName: p.family_name,
  });
  return compileRedaction(
    redactionRule(
      rows.filter((r) => r.id === pupilId).map(names),
      rows.filter((r) => r.id !== pupilId).map(names),
      tr(lang, "pdf.otherPupilInText"),
    ),
  );
}

/** The plan in force in the family version for one pupil; free text through `redact`. */
export function familyPlan(
  state: CaseState,
  pupilId: string,
  names: Record<string, string>,
  redact: (text: string) => string,
): FamilyPlan | null {
  const plan = currentPlan(state);
  if (!plan) return null;
  return {
    revision: plan.revision,
    evaluateOn: plan.evaluateOn,
    measures: plan.measures.map((m: Measure) => ({
      description: redact(m.description),
      startsOn: m.startsOn,
      endsOn: m.endsOn,
      schedule: m.schedule === null ? null : redact(m.schedule),
      responsible: {
        name: names[m.responsiblePersonId] ?? "",
        role: teamRole(state, m.responsiblePersonId),
      },
      keepApart: m.keepApart.some((pair) => pair.includes(pupilId)),
    })),
  };
}

/** The closing ground in the family's words (a legacy free-text closure reads as "other"). */
export function closureGroundOf(state: CaseState): ClosureGround | null {
  if (!state.closure) return null;
  return state.closure.type === "reason" ? "other" : state.closure.type;
}

/** Whom the family contacts: the principal (not on a leadership case) and the case lead. */
export async function contactsOf(db: Db, state: CaseState): Promise<FamilyContact[]> {
  const principals = isLeadershipKind(state.kind)
    ? []
    : (
        await db
          .selectFrom("role_assignment")
          .select("person_id")
          .where("school_id", "=", state.schoolId)
          .where("role", "=", "principal")
          .orderBy("person_id")
          .execute()
      ).map((r) => r.person_id);
  const lead =
    state.acknowledgedBy && !principals.includes(state.acknowledgedBy)
      ? [state.acknowledgedBy]
      : [];
  const names = await namesOf(db, [...principals, ...lead]);
  return [
    ...principals.map((id) => ({ name: names[id] ?? "", role: "principal" as const })),
    ...lead.map((id) => ({ name: names[id] ?? "", role: "caseLead" as const })),
  ];
}

/** May a guardian be shown a case about this pupil today? */
export function guardianMaySee(
  state: CaseState,
  pupilId: string,
  birthDate: IsoDate | null,
  today: IsoDate,
): boolean {
  if (birthDate === null || !isAdultOn(birthDate, today)) return true;
  const choices = state.familyInformation.filter(
    (f) => f.type === "adultPupilChoice" && f.pupilId === pupilId,
  );
  const latest = choices[choices.length - 1];
  return latest?.type === "adultPupilChoice" && latest.familyMayBeTold;
}

export async function familyCases(
  db: Db,
  actor: Actor,
  opts: { now: Date; requestId: string | null; lang: Lang },
): Promise<{ items: FamilyCase[] }> {
  const lang = opts.lang;
  const me = actor.personId;
  const today = osloDateOf(opts.now);
  const wards = (
    await db.selectFrom("guardianship").select("pupil_id").where("guardian_id", "=", me).execute()
  ).map((r) => r.pupil_id);
  const pupilIds = [...new Set([me, ...wards])];
  const rows = await db
    .selectFrom("school_case as c")
    .innerJoin("school as s", "s.id", "c.school_id")
    .select(["c.state", "s.name as school_name"])
    .where((eb) =>
      eb.or(
        pupilIds.map((id) =>
          eb(eb.ref("c.state"), "@>", JSON.stringify({ pupils: [id] }) as never),
        ),
      ),
    )
    .orderBy("c.reported_at", "desc")
    .execute();
  const births = new Map(
    (
      await db
        .selectFrom("person")
        .select(["id", "birth_date"])
        .where("id", "in", pupilIds)
        .execute()
    ).map((p) => [p.id, (p.birth_date as IsoDate | null) ?? null]),
  );

  const shown: {
    state: CaseState;
    schoolName: string;
    pupilId: string;
    as: "pupil" | "guardian";
  }[] = [];
  for (const row of rows) {
    const state = caseStateOf(row.state);
    for (const pupilId of state.pupils) {
      if (pupilId === me) {
        shown.push({ state, schoolName: row.school_name, pupilId, as: "pupil" });
      } else if (
        wards.includes(pupilId) &&
        guardianMaySee(state, pupilId, births.get(pupilId) ?? null, today)
      ) {
        shown.push({ state, schoolName: row.school_name, pupilId, as: "guardian" });
      }
    }
  }

  const items: FamilyCase[] = [];
  for (const { state, schoolName, pupilId, as } of shown) {
    const plan = currentPlan(state);
    const names = await namesOf(db, [
      pupilId,
      ...(plan?.measures ?? []).map((m) => m.responsiblePersonId),
    ]);
    const open = state.status !== "closed";
    items.push({
      caseId: state.id,
      pupil: { id: pupilId, name: names[pupilId] ?? "" },
      as,
      schoolName,
      stage: state.status,
      learnedOn: state.learnedOn,
      plan: familyPlan(state, pupilId, names, await familyRedaction(db, state, pupilId, lang)),
      planDueOn: plan || !open ? null : state.planDueOn,
      nextEvaluationOn: open && plan ? plan.evaluateOn : null,
      contacts: await contactsOf(db, state),
      closedOn: state.closedAt ? osloDateOf(new Date(state.closedAt)) : null,
      closureGround: closureGroundOf(state),
      complaint: await complaintFor(db, state.ownerId, state.learnedOn),
    });
  }

  if (shown.length > 0) {
    await db.transaction().execute(async (tx) => {
      for (const { state, pupilId, as } of shown) {
        await appendAudit(tx, {
          at: opts.now,
          actorId: me,
          action: "case.familyRead",
          resourceType: "case",
          resourceId: state.id,
          schoolId: state.schoolId,
          ownerId: state.ownerId,
          restricted: restrictedCase(state),
          requestId: opts.requestId,
          detail: { pupilId, as },
        });
      }
    });
  }
  return { items };
}
