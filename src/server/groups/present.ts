// The rotation plan as the teacher sees it (RotationPlanView in src/contract/rotations.ts).
// School constraints carry the two pupils only: never a case, a kind or a reason.
import type {
  Classroom,
  PupilRef,
  RotationConstraint,
  RotationPlanView,
  RotationQuality,
  RotationRoundView,
} from "../../contract/rotations.ts";
import type { Actor } from "../../core/access/actor.ts";
import { authorize } from "../../core/access/policy.ts";
import { buildProblem } from "../../core/groups/constraints.ts";
import { repeatsLowerBound } from "../../core/groups/quality.ts";
import { deriveGroupSizes } from "../../core/groups/sizes.ts";
import { vipLayout } from "../../core/groups/vip.ts";
import { presentClassroom } from "./classroom-view.ts";
import { roundStatus } from "./dates.ts";
import type { Pair } from "./plan-rounds.ts";
import { constraintDigest, pairsOf, type RotationState, specOf } from "./state.ts";
import { layoutOf, namesOf, type Q } from "./store.ts";

export async function presentRotation(
  q: Q,
  state: RotationState,
  actor: Actor,
  ownerId: string,
): Promise<RotationPlanView> {
  const { plan, pupils, rounds, today } = state;
  const current = new Set(pupils.map((p) => p.id));
  const inRounds = new Set(rounds.flatMap((r) => r.groups.flat()));
  const formerIds = [...inRounds].filter((id) => !current.has(id)).sort();
  const teacherIds = state.teacherConstraints.flatMap((c) => [c.a, c.b]);
  const otherNames = await namesOf(q, [...new Set([...formerIds, ...teacherIds])]);
  const nameOf = new Map<string, string>([
    ...otherNames,
    ...pupils.map((p) => [p.id, p.name] as const),
  ]);
  const ref = (id: string): PupilRef => ({ id, name: nameOf.get(id) ?? "" });

  const constraints: RotationConstraint[] = [
    ...state.schoolPairs.map(
      ([a, b]): RotationConstraint => ({
        id: null,
        kind: "apart",
        pupils: [ref(a), ref(b)],
        source: "school",
      }),
    ),
    ...state.teacherConstraints.map(
      (c): RotationConstraint => ({
        id: c.id,
        kind: c.kind,
        pupils: [ref(c.a), ref(c.b)],
        source: "teacher",
      }),
    ),
  ];

  const roundViews: RotationRoundView[] = rounds.map((r) => ({
    index: r.round_index,
    startsOn: r.starts_on,
    endsOn: r.ends_on,
    status: roundStatus({ startsOn: r.starts_on, endsOn: r.ends_on }, today),
    groups: r.groups,
    ...(r.buddy_pairs ? { buddyPairs: r.buddy_pairs } : {}),
    ...(r.seats ? { seats: r.seats } : {}),
    locked: r.locked,
    edited: r.edited,
  }));

  const { together } = pairsOf(state);
  const spec = specOf(state, "nb");
  const layout = state.classroom ? layoutOf(state.classroom) : null;
  const open = roundViews.some((r) => r.status !== "past");
  const plannedFor = new Set(plan.planned_pupils);
  const membershipChanged =
    plannedFor.size !== current.size || [...current].some((id) => !plannedFor.has(id));
  const needsReplan =
    !plan.archived &&
    open &&
    (membershipChanged || plan.planned_constraints !== constraintDigest(spec, layout));
  const resource = {
    type: "studyGroup" as const,
    schoolId: plan.school_id,
    ownerId,
    groupId: plan.study_group_id,
  };
  const classroom: Classroom | null = state.classroom ? presentClassroom(state.classroom) : null;

  return {
    id: plan.id,
    schoolId: plan.school_id,
    groupId: plan.study_group_id,
    groupName: state.group.name,
    name: plan.name,
    structure: plan.structure,
    groupSize: plan.group_size,
    unevenPolicy: plan.uneven_policy,
    rotationWeeks: plan.rotation_weeks === 4 ? 4 : 3,
    mixGender: plan.mix_gender,
    archived: plan.archived,
    classroom,
    pupils: pupils.map((p) => ({ id: p.id, name: p.name })),
    formerPupils: formerIds.map(ref),
    constraints,
    fixedSeats: state.fixedSeats,
    rounds: roundViews,
    quality: scheduleQuality(
      rounds.map((r) => r.groups),
      [...current],
      together,
    ),
    repeatsLowerBound: lowerBound(state, rounds.length, spec.apart, together),
    needsReplan,
    canManage: !plan.archived && authorize(actor, "rotation.manage", resource).allow,
  };
}

/**
 * Quality over every round, played ones included: repeated meetings (pairs kept together on
 * purpose do not count), the most meetings of a pair, and the fewest classmates a pupil of
 * the group meets.
 */
export function scheduleQuality(
  rounds: readonly (readonly (readonly string[])[])[],
  pupils: readonly string[],
  together: readonly Pair[],
): RotationQuality {
  const meetings = new Map<string, number>();
  const met = new Map<string, Set<string>>(pupils.map((p) => [p, new Set()]));
  const key = (a: string, b: string) => (a < b ? `${a}:${b}` : `${b}:${a}`);
  const exempt = new Set(together.map(([a, b]) => key(a, b)));
  for (const round of rounds) {
    for (const group of round) {
      for (let i = 0; i < group.length; i++) {
        for (let j = i + 1; j < group.length; j++) {
          const a = group[i] as string;
          const b = group[j] as string;
          met.get(a)?.add(b);
          met.get(b)?.add(a);
          const k = key(a, b);
          if (exempt.has(k)) continue;
          meetings.set(k, (meetings.get(k) ?? 0) + 1);
        }
      }
    }
  }
  let totalRepeats = 0;
  let maxMeetings = 0;
  for (const m of meetings.values()) {
    totalRepeats += Math.max(0, m - 1);
    maxMeetings = Math.max(maxMeetings, m);
  }
  const current = new Set(pupils);
  const counts = pupils.map((p) => [...(met.get(p) ?? [])].filter((o) => current.has(o)).length);
  return { totalRepeats, maxMeetings, fewestMet: counts.length > 0 ? Math.min(...counts) : 0 };
}

/** The solver's proven bound for today's class over the plan's number of rounds. */
function lowerBound(
  state: RotationState,
  roundCount: number,
  apart: readonly Pair[],
  together: readonly Pair[],
): number {
  const n = state.pupils.length;
  if (n < 2 || roundCount === 0) return 0;
  const sizes = groupSizesToday(state);
  if (!sizes) return 0;
  const built = buildProblem({
    pupils: state.pupils.map((p) => p.id),
    k: Math.max(...sizes),
    groupSizes: sizes,
    rounds: Math.min(20, roundCount),
    forbidden: apart,
    together,
  });
  return built.ok ? repeatsLowerBound(built.problem) : 0;
}

function groupSizesToday(state: RotationState): number[] | null {
  const n = state.pupils.length;
  const { plan } = state;
  if (plan.structure === "vip") return vipLayout(n).map((g) => g.reduce((s, x) => s + x, 0));
  if (plan.structure === "groups") {
    return deriveGroupSizes(n, plan.group_size ?? 4, plan.uneven_policy);
  }
  // Seating: the sizes of the latest round's tables in use.
  const last = state.rounds[state.rounds.length - 1];
  const sizes = last?.groups.map((g) => g.length).filter((s) => s > 0) ?? [];
  return sizes.reduce((s, x) => s + x, 0) === n ? sizes : null;
}
