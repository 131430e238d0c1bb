// The HTTP contract of buddy groups, group rotations and seating maps (issue #5), shared by
// the server (src/server/groups) and the web pages (src/web/groups). Types only.
//
// Routes (all JSON unless noted; writes need the CSRF header like every other write):
//   GET    /api/schools/:schoolId/rotation-groups          -> RotationGroupSummary[]
//   GET    /api/schools/:schoolId/classrooms               -> ClassroomSummary[]
//   POST   /api/schools/:schoolId/classrooms               SaveClassroomInput -> Classroom (201)
//   GET    /api/classrooms/:classroomId                    -> Classroom
//   PUT    /api/classrooms/:classroomId                    SaveClassroomInput -> Classroom
//   POST   /api/schools/:schoolId/rotations                CreateRotationInput -> RotationPlanView (201)
//   GET    /api/rotations/:rotationId                      -> RotationPlanView
//   PUT    /api/rotations/:rotationId/settings             RotationSettingsInput -> RotationPlanView
//   POST   /api/rotations/:rotationId/constraints          AddConstraintInput -> RotationPlanView
//   DELETE /api/rotations/:rotationId/constraints/:constraintId -> RotationPlanView
//   PUT    /api/rotations/:rotationId/rounds/:index         SaveRoundInput -> RotationPlanView
//   POST   /api/rotations/:rotationId/replan               ReplanInput -> RotationPlanView
//   POST   /api/rotations/:rotationId/archive              {} -> RotationPlanView
//   GET    /api/rotations/:rotationId/rounds/:index/seating.pdf?lang=nb|nn|en   (A4 seating map)
//   GET    /api/rotations/:rotationId/rounds/:index/name-tags.pdf?lang=nb|nn|en (desk name tags)
//   GET    /api/rotations/:rotationId/rounds/:index/groups.pdf?lang=nb|nn|en    (printable groups)
//
// Errors use the project's usual `{ code, message, requestId, fields? }` body with a
// translated message; a hard-constraint violation is 409 `groups.constraintViolated` with
// `pupils: PupilRef[]` naming the pupils concerned.

import type { ClassroomLayout, FixedSeat } from "../core/groups/seating.ts";

export type IsoDate = string;

/** `vip`: buddy pairs (trios where needed) nested two to a buddy group. `groups`: plain groups
 * of `groupSize`. `seating`: the classroom's tables are the groups, pupils get seats. */
export type RotationStructure = "vip" | "groups" | "seating";

export type UnevenPolicy = "smaller" | "larger";

export interface PupilRef {
  id: string;
  name: string;
}

export interface RotationPlanSummary {
  id: string;
  name: string;
  structure: RotationStructure;
  rotationWeeks: 3 | 4;
  roundCount: number;
  /** Index of the round in force today, or null before the first / after the last. */
  currentRound: number | null;
  archived: boolean;
}

/** A class or teaching group the caller may plan rotations for. */
export interface RotationGroupSummary {
  groupId: string;
  groupName: string;
  kind: "class" | "teachingGroup";
  pupilCount: number;
  plans: RotationPlanSummary[];
}

// ---------------------------------------------------------------- classrooms (seating layouts)

// The layout model lives in the pure core (src/core/groups/seating.ts): the room is a grid of
// cells, the front (board) is the top edge, each table is one group with its seats.
export type {
  ClassroomLayout,
  FixedSeat,
  LayoutKind,
  LayoutSeat,
  LayoutTable,
} from "../core/groups/seating.ts";

export interface ClassroomSummary {
  id: string;
  name: string;
  seatCount: number;
  tableCount: number;
}

export interface Classroom extends ClassroomSummary {
  schoolId: string;
  layout: ClassroomLayout;
}

export interface SaveClassroomInput {
  name: string;
  layout: ClassroomLayout;
}

// ---------------------------------------------------------------- rotation plans

export interface CreateRotationInput {
  groupId: string;
  name: string;
  structure: RotationStructure;
  /** `groups`: 2..6. Ignored for `vip` (pairs in groups of 4-5) and `seating` (the tables). */
  groupSize?: number;
  unevenPolicy?: UnevenPolicy;
  /** Every 3 or 4 teaching weeks, on the dates of the action plan's rotation activity. */
  rotationWeeks: 3 | 4;
  /** First round on or after this date; defaults to today. */
  startsOn?: IsoDate;
  /** `seating` only. */
  classroomId?: string;
  /** Soft: mix genders in each group where the gender is known. */
  mixGender?: boolean;
}

export type RotationSettingsInput = Pick<
  CreateRotationInput,
  "name" | "rotationWeeks" | "groupSize" | "unevenPolicy" | "classroomId" | "mixGender"
> & {
  /** `seating`: pupils who always sit on one seat (e.g. front row). Replaces the list. */
  fixedSeats?: FixedSeat[];
};

/**
 * A constraint as a teacher sees it. `source: "school"` pairs come from the school's
 * follow-up (open cases): no case, no reason, and the teacher cannot remove them.
 */
export interface RotationConstraint {
  /** Null for `school` constraints. */
  id: string | null;
  kind: "apart" | "together";
  pupils: [PupilRef, PupilRef];
  source: "school" | "teacher";
}

export interface AddConstraintInput {
  kind: "apart" | "together";
  pupilIds: [string, string];
}

export interface RotationQuality {
  /** Sum over pairs of max(0, meetings - 1) over the whole plan, past rounds included. */
  totalRepeats: number;
  /** The most times any two pupils are together. */
  maxMeetings: number;
  /** How many classmates the pupil who meets the fewest meets over the plan. */
  fewestMet: number;
}

export type RoundStatus = "past" | "current" | "planned";

export interface RotationRoundView {
  index: number;
  startsOn: IsoDate;
  /** The day before the next round starts, or the school year's last day. */
  endsOn: IsoDate;
  status: RoundStatus;
  /** `groups[g]` = pupil ids of group g (for `seating`: of table g, in layout order). */
  groups: string[][];
  /** `vip`: `buddyPairs[g]` = the buddy pairs (or trios) inside group g. */
  buddyPairs?: string[][][];
  /** `seating`: seat id -> pupil id. */
  seats?: Record<string, string>;
  /** Pupils a teacher locked to their group in this round (kept by re-planning). */
  locked: string[];
  /** True once a teacher changed the round by hand. */
  edited: boolean;
}

export interface RotationPlanView {
  id: string;
  schoolId: string;
  groupId: string;
  groupName: string;
  name: string;
  structure: RotationStructure;
  groupSize: number | null;
  unevenPolicy: UnevenPolicy;
  rotationWeeks: 3 | 4;
  mixGender: boolean;
  archived: boolean;
  classroom: Classroom | null;
  /** The group's pupils today. */
  pupils: PupilRef[];
  /** Pupils in the rounds who have left the group since (shown greyed, removed on re-plan). */
  formerPupils: PupilRef[];
  constraints: RotationConstraint[];
  fixedSeats: FixedSeat[];
  rounds: RotationRoundView[];
  quality: RotationQuality;
  /** Lower bound on totalRepeats for this class size and round count. */
  repeatsLowerBound: number;
  /** True when pupils joined/left or constraints changed since the rounds were planned. */
  needsReplan: boolean;
  canManage: boolean;
}

export interface SaveRoundInput {
  groups: string[][];
  buddyPairs?: string[][][];
  seats?: Record<string, string>;
  locked?: string[];
}

export interface ReplanInput {
  /** Re-plan rounds from this index on (never a past round); defaults to the next round. */
  fromRound?: number;
  seed?: number;
}
