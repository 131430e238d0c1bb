// The classes and teaching groups the caller may plan rotations for, with their plans. Only
// names and counts: no pupil is named here.
import type { RotationGroupSummary, RotationPlanSummary } from "../../contract/rotations.ts";
import type { Actor } from "../../core/access/actor.ts";
import { authorize } from "../../core/access/policy.ts";
import { osloDateOf } from "../../core/calendar/iso-date.ts";
import type { Db } from "../platform/db/database.ts";
import { roundStatus } from "./dates.ts";

export async function listRotationGroups(
  db: Db,
  opts: { schoolId: string; ownerId: string; actor: Actor; now: Date },
): Promise<RotationGroupSummary[]> {
  const today = osloDateOf(opts.now);
  const groups = await db
    .selectFrom("study_group as g")
    .leftJoin("group_membership as m", (j) =>
      j.onRef("m.group_id", "=", "g.id").on("m.member_role", "=", "pupil"),
    )
    .select(["g.id", "g.name", "g.kind"])
    .select((eb) => eb.fn.count<string>("m.person_id").as("pupils"))
    .where("g.school_id", "=", opts.schoolId)
    .groupBy(["g.id", "g.name", "g.kind"])
    .execute();
  const allowed = groups.filter(
    (g) =>
      authorize(opts.actor, "rotation.read", {
        type: "studyGroup",
        schoolId: opts.schoolId,
        ownerId: opts.ownerId,
        groupId: g.id,
      }).allow,
  );
  if (allowed.length === 0) return [];
  const plans = await db
    .selectFrom("rotation_plan")
    .select([
      "id",
      "study_group_id",
      "name",
      "structure",
      "rotation_weeks",
      "archived",
      "created_at",
    ])
    .where("school_id", "=", opts.schoolId)
    .where(
      "study_group_id",
      "in",
      allowed.map((g) => g.id),
    )
    .orderBy("created_at")
    .execute();
  const rounds = plans.length
    ? await db
        .selectFrom("rotation_round")
        .select(["plan_id", "round_index", "starts_on", "ends_on"])
        .where(
          "plan_id",
          "in",
          plans.map((p) => p.id),
        )
        .execute()
    : [];
  const summaries = new Map<string, RotationPlanSummary[]>();
  for (const p of plans) {
    const own = rounds.filter((r) => r.plan_id === p.id);
    const current = own.find(
      (r) => roundStatus({ startsOn: r.starts_on, endsOn: r.ends_on }, today) === "current",
    );
    const list = summaries.get(p.study_group_id) ?? [];
    list.push({
      id: p.id,
      name: p.name,
      structure: p.structure,
      rotationWeeks: p.rotation_weeks === 4 ? 4 : 3,
      roundCount: own.length,
      currentRound: current ? current.round_index : null,
      archived: p.archived,
    });
    summaries.set(p.study_group_id, list);
  }
  const kindOrder = (k: string) => (k === "class" ? 0 : 1);
  return allowed
    .sort((a, b) => kindOrder(a.kind) - kindOrder(b.kind) || a.name.localeCompare(b.name, "nb"))
    .map((g) => ({
      groupId: g.id,
      groupName: g.name,
      kind: g.kind,
      pupilCount: Number(g.pupils),
      plans: summaries.get(g.id) ?? [],
    }));
}
