// The plan API's answers as the web reads them (the server's shapes, restated: the web never
// imports server code). The plan content itself is the core's model.
import type { PlanContent, PlanPartId } from "../../core/plans/types.ts";

export type PlanStatus = "draft" | "published" | "archived";
export type EvaluationGroup =
  | "pupilCouncil"
  | "staffRepresentatives"
  | "pupilServices"
  | "leadership";
export const EVALUATION_GROUP_IDS: readonly EvaluationGroup[] = [
  "pupilCouncil",
  "staffRepresentatives",
  "pupilServices",
  "leadership",
];

export interface PlanListItem {
  id: string;
  version: number;
  status: PlanStatus;
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

export interface TemplateInfo {
  id: string;
  name: string;
  description: string;
  language: string;
  activities: number;
}

export interface PlanView {
  id: string;
  schoolId: string;
  version: number;
  status: PlanStatus;
  schoolYear: { id: string; label: string; startsOn: string; endsOn: string; name: string };
  content: PlanContent;
  templateId: string | null;
  basedOnVersion: number | null;
  publishedOn: string | null;
  archivedOn: string | null;
  evaluation: {
    evaluatedOn: string;
    participants: { group: EvaluationGroup; description: string }[];
    input: { group: EvaluationGroup; text: string }[];
    decisions: { text: string; activityId?: string }[];
  } | null;
  evaluationStartedAt: string | null;
  updatedAt: string;
}

export type OccurrenceStatus = "open" | "partly" | "done" | "skipped" | "planned";

export interface WheelOccurrence {
  id: string | null;
  key: string;
  activityId: string;
  partId: PlanPartId;
  kind: "due" | "checkIn";
  sequence: number;
  windowStartsOn: string;
  dueOn: string;
  roles: string[];
  description: string;
  deadlineText: string;
  detached: boolean;
  status: OccurrenceStatus;
  tasks: number;
  done: number;
}

export interface YearWheel {
  planId: string;
  source: "stored" | "preview";
  schoolYear: { id: string; label: string; startsOn: string; endsOn: string };
  holidays: { label: string; from: string; to: string }[];
  occurrences: WheelOccurrence[];
  problems: string[];
}

export interface MyTask {
  id: string;
  occurrenceId: string;
  activityId: string;
  partId: PlanPartId;
  kind: "due" | "checkIn";
  description: string;
  deadlineText: string;
  windowStartsOn: string;
  dueOn: string;
  group: { id: string; name: string; kind: "class" | "teachingGroup" } | null;
  roles: string[];
  status: "open" | "done" | "skipped";
  note: string | null;
  doneAt: string | null;
}

export interface MyTasks {
  today: string;
  week: { from: string; to: string };
  overdue: MyTask[];
  thisWeek: MyTask[];
  upcoming: MyTask[];
  done: MyTask[];
}

export interface ProgressCounts {
  total: number;
  done: number;
  skipped: number;
  open: number;
  dueSoFar: number;
  overdue: number;
  completion: number | null;
}

export interface Overview {
  planId: string;
  today: string;
  overall: ProgressCounts;
  byPart: { partId: PlanPartId; title: string; counts: ProgressCounts }[];
  byRole: { role: string; counts: ProgressCounts }[];
  byGroup: { groupId: string; name: string; kind: string; counts: ProgressCounts }[];
  overdue: {
    occurrenceKey: string;
    activityId: string;
    partId: PlanPartId;
    description: string;
    dueOn: string;
    daysOverdue: number;
    person: { id: string; name: string };
    group: { id: string; name: string } | null;
  }[];
  overdueTotal: number;
  unassigned: number;
  occurrences: number;
}

export interface EvaluationInput {
  id: string;
  group: EvaluationGroup;
  text: string;
  submittedAt: string;
  submittedBy: { id: string; name: string } | null;
}

export interface EvaluationView {
  planId: string;
  startedAt: string | null;
  invited: Record<EvaluationGroup, number>;
  representatives: { id: string; name: string }[];
  inputs: EvaluationInput[];
  evaluation: PlanView["evaluation"];
}

export interface MyEvaluation {
  open: boolean;
  planId: string | null;
  schoolYear: string | null;
  groups: EvaluationGroup[];
  inputs: EvaluationInput[];
}

export interface Meeting {
  id: string;
  heldOn: string;
  participants: string[];
  topics: string[];
  followUps: { text: string; responsible: string; dueOn: string | null; done: boolean }[];
  recordedAt: string;
  updatedAt: string;
}

export interface InformationRecord {
  id: string;
  activityId: string | null;
  audience: string;
  informedOn: string;
  method: string;
  recordedAt: string;
}

export interface Confirmations {
  total: number;
  confirmed: number;
  staff: { id: string; name: string; roles: string[]; confirmedAt: string | null }[];
}

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
