// Kysely table types. Keep in step with migrations/*.sql (a test compares them).
import type { ColumnType, Generated, Insertable, Selectable, Updateable } from "kysely";

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
/** `date` columns travel as ISO strings (YYYY-MM-DD); see the type parser in database.ts. */
/** A timestamp column with a database default: optional on insert. */
type TimestampWithDefault = ColumnType<Date, Date | string | undefined, Date | string>;
type DateOnly = ColumnType<string, string, string>;
type Json<T> = ColumnType<T, string | T, string | T>;

export interface SchoolOwnerTable {
  id: Generated<string>;
  name: string;
  org_number: string | null;
  plan_deadline_working_days: Generated<number>;
  alert_escalation_minutes: Generated<number>;
  investigation_deadline_working_days: Generated<number>;
  guardians_informed_working_days: Generated<number>;
  state_administrator_name: Generated<string>;
  state_administrator_address: Generated<string>;
  state_administrator_email: Generated<string>;
  state_administrator_url: Generated<string>;
  survey_minimum_answers: Generated<number>;
  created_at: TimestampWithDefault;
}

export interface OwnerClosedDayTable {
  owner_id: string;
  day: DateOnly;
  label: Generated<string>;
}

export interface SchoolTable {
  id: Generated<string>;
  owner_id: string;
  name: string;
  org_number: string | null;
  external_id: string | null;
  created_at: TimestampWithDefault;
}

export interface SchoolYearTable {
  id: Generated<string>;
  school_id: string;
  label: string;
  starts_on: DateOnly;
  ends_on: DateOnly;
}

export interface SchoolYearBreakTable {
  id: Generated<string>;
  school_year_id: string;
  kind: "holiday" | "planningDay";
  label: string;
  starts_on: DateOnly;
  ends_on: DateOnly;
}

export interface PersonTable {
  id: Generated<string>;
  given_name: string;
  family_name: string;
  email: string | null;
  phone: string | null;
  gender: "female" | "male" | "other" | null;
  birth_date: DateOnly | null;
  feide_id: string | null;
  nin_hash: string | null;
  external_source: string | null;
  external_id: string | null;
  is_system_admin: Generated<boolean>;
  created_at: TimestampWithDefault;
  updated_at: TimestampWithDefault;
}

export interface StudyGroupTable {
  id: Generated<string>;
  school_id: string;
  kind: "class" | "teachingGroup";
  name: string;
  grade: string | null;
  subject: string | null;
  external_id: string | null;
  created_at: TimestampWithDefault;
}

export interface GroupMembershipTable {
  group_id: string;
  person_id: string;
  member_role: "pupil" | "teacher";
}

export interface RoleAssignmentTable {
  id: Generated<string>;
  person_id: string;
  role: string;
  school_id: string | null;
  owner_id: string | null;
  group_id: string | null;
  grade: string | null;
  created_at: TimestampWithDefault;
}

export interface GuardianshipTable {
  guardian_id: string;
  pupil_id: string;
  relation: Generated<string>;
}

export interface LocalAccountTable {
  person_id: string;
  username: string;
  password_hash: string;
  totp_secret: string | null;
  totp_enabled: Generated<boolean>;
  /** Last accepted TOTP time step: refuses a replayed code (migration 0005). */
  totp_last_step: Generated<string | null>;
  failed_attempts: Generated<number>;
  locked_until: Timestamp | null;
  created_at: TimestampWithDefault;
}

export interface AppSessionTable {
  id: string;
  person_id: string;
  csrf_token: string;
  auth_method: string;
  active_school_id: string | null;
  id_token: string | null;
  created_at: TimestampWithDefault;
  last_seen_at: TimestampWithDefault;
  expires_at: Timestamp;
}

export interface LoginFlowTable {
  id: string;
  kind: string;
  data: Json<Record<string, unknown>>;
  expires_at: Timestamp;
}

export interface AuditLogTable {
  seq: Generated<string>;
  at: Timestamp;
  actor_id: string | null;
  action: string;
  resource_type: string;
  resource_id: string | null;
  school_id: string | null;
  owner_id: string | null;
  restricted: Generated<boolean>;
  request_id: string | null;
  detail: Json<Record<string, unknown>>;
  prev_hash: string;
  hash: string;
}

export interface OutboxTable {
  id: Generated<string>;
  created_at: TimestampWithDefault;
  channel: "email" | "teams" | "inApp";
  recipient_id: string | null;
  address: string | null;
  template: string;
  link: string;
  status: Generated<"pending" | "sent" | "failed">;
  attempts: Generated<number>;
  last_error: string | null;
  sent_at: Timestamp | null;
  next_attempt_at: TimestampWithDefault;
  claim_token: string | null;
  claimed_until: Timestamp | null;
}

export interface NotificationTable {
  id: Generated<string>;
  person_id: string;
  template: string;
  link: string;
  created_at: TimestampWithDefault;
  read_at: Timestamp | null;
}

export interface CapturedMailTable {
  id: Generated<string>;
  created_at: TimestampWithDefault;
  to_address: string;
  subject: string;
  body: string;
}

export interface ImportRunTable {
  id: Generated<string>;
  school_id: string | null;
  owner_id: string | null;
  started_by: string | null;
  format: string;
  status: "validating" | "importing" | "done" | "failed";
  total_rows: Generated<number>;
  processed_rows: Generated<number>;
  problems: Json<unknown[]>;
  summary: Json<Record<string, unknown>>;
  created_at: TimestampWithDefault;
  finished_at: Timestamp | null;
}

export interface AppMetaTable {
  key: string;
  value: string;
}

export interface NotificationPreferenceTable {
  person_id: string;
  lang: Generated<"nb" | "nn" | "en">;
  updated_at: TimestampWithDefault;
}

export interface SchoolCaseTable {
  id: string;
  school_id: string;
  owner_id: string;
  kind: string;
  status: string;
  version: number;
  reported_at: Timestamp;
  learned_on: DateOnly;
  plan_due_on: DateOnly;
  acknowledged_at: Timestamp | null;
  alert_level: Generated<number>;
  alert_next_at: Timestamp | null;
  owner_involved: Generated<boolean>;
  serious: Generated<boolean>;
  next_step_kind: string | null;
  next_step_due_on: DateOnly | null;
  next_step_owner: Json<Record<string, unknown>> | null;
  closed_at: Timestamp | null;
  state: Json<unknown>;
  created_at: TimestampWithDefault;
  updated_at: TimestampWithDefault;
}

export interface CaseReportTable {
  id: string;
  case_id: string;
  first_case_id: string;
  school_id: string;
  kind: string;
  reporter_id: string | null;
  reporter_capacity: "staff" | "pupil" | "guardian" | null;
  receipt_code_hash: string | null;
  details: Json<Record<string, unknown>>;
  reported_at: Timestamp;
  acknowledged_at: Timestamp | null;
  /** Where and when (ADR 0117): fixed lists, both optional, and the ISO week `2027-W05`. */
  place_kind: Generated<string | null>;
  time_of_day: Generated<string | null>;
  occurred_week: Generated<string | null>;
}

export interface CaseEventTable {
  seq: Generated<string>;
  case_id: string;
  type: string;
  at: Timestamp;
  actor_id: string;
  data: Json<Record<string, unknown>>;
}

export interface CasePlanRevisionTable {
  case_id: string;
  revision: number;
  saved_at: Timestamp;
  saved_by: string;
  plan: Json<unknown>;
}

export interface CaseMemberTable {
  case_id: string;
  person_id: string;
  added_at: Timestamp;
  added_by: string;
  removed_at: Timestamp | null;
}

export interface CaseAttachmentTable {
  id: string;
  case_id: string;
  file_name: string;
  media_type: string;
  size_bytes: number;
  sha256: string;
  content: Buffer;
  uploaded_at: Timestamp;
  uploaded_by: string;
}

export interface CaseKeepApartTable {
  case_id: string;
  school_id: string;
  pupil_a: string;
  pupil_b: string;
  ends_on: DateOnly | null;
}

export interface CaseReminderTable {
  case_id: string;
  step: string;
  ref: Generated<string>;
  phase: "upcoming" | "overdue";
  due_on: DateOnly;
  owner: Json<Record<string, unknown>>;
  template: string;
  sent_at: Timestamp | null;
}

/** A "how is it now?" check-in at a plan's evaluation date (ADR 0117). */
export interface CaseCheckInTable {
  id: string;
  case_id: string;
  school_id: string;
  pupil_id: string;
  revision: number;
  evaluate_on: DateOnly;
  opens_on: DateOnly;
  closes_on: DateOnly;
  opened_at: Timestamp;
  answered_at: Timestamp | null;
  view_id: string | null;
}

export interface ActionPlanTable {
  id: Generated<string>;
  school_id: string;
  school_year_id: string;
  school_year: number;
  version: number;
  status: "draft" | "published" | "archived";
  content: Json<unknown>;
  template_id: string | null;
  based_on_version: number | null;
  evaluation: Json<unknown> | null;
  evaluation_started_at: Timestamp | null;
  published_on: DateOnly | null;
  archived_on: DateOnly | null;
  created_at: TimestampWithDefault;
  created_by: string | null;
  updated_at: TimestampWithDefault;
  updated_by: string | null;
}

export interface PlanOccurrenceTable {
  id: Generated<string>;
  school_id: string;
  school_year_id: string;
  plan_id: string;
  key: string;
  activity_id: string;
  part_id: "information" | "prevention" | "dutyToAct" | "resources";
  kind: "due" | "checkIn";
  sequence: number;
  window_starts_on: DateOnly;
  due_on: DateOnly;
  roles: Json<string[]>;
  description: string;
  deadline_text: Generated<string>;
  detached: Generated<boolean>;
}

export interface PlanDutyRecordTable {
  id: Generated<string>;
  school_id: string;
  school_year_id: string;
  activity_id: string;
  day: DateOnly;
  status: "done" | "notToday";
  places: Json<string[]>;
  note: string | null;
  person_id: string;
  recorded_at: Timestamp;
  updated_at: Timestamp;
}

export interface PlanTaskTable {
  id: Generated<string>;
  occurrence_id: string;
  school_id: string;
  person_id: string;
  group_id: string | null;
  roles: Json<string[]>;
  status: Generated<"open" | "done" | "skipped">;
  note: string | null;
  done_at: Timestamp | null;
  done_by: string | null;
  reminded_at: Timestamp | null;
  created_at: TimestampWithDefault;
}

export interface PlanMeetingTable {
  id: Generated<string>;
  school_id: string;
  held_on: DateOnly;
  participants: Json<string[]>;
  topics: Json<string[]>;
  follow_ups: Json<unknown[]>;
  recorded_by: string;
  recorded_at: TimestampWithDefault;
  updated_at: TimestampWithDefault;
}

export interface PlanInformationRecordTable {
  id: Generated<string>;
  school_id: string;
  plan_id: string;
  activity_id: string | null;
  audience: string;
  informed_on: DateOnly;
  method: Generated<string>;
  recorded_by: string;
  recorded_at: TimestampWithDefault;
}

export interface RoutineConfirmationTable {
  school_year_id: string;
  person_id: string;
  school_id: string;
  plan_id: string;
  confirmed_at: Timestamp;
}

export interface PlanEvaluationInviteTable {
  plan_id: string;
  person_id: string;
  evaluation_group: "pupilCouncil" | "staffRepresentatives" | "pupilServices" | "leadership";
  invited_at: Timestamp;
}

export interface PlanEvaluationInputTable {
  id: Generated<string>;
  plan_id: string;
  evaluation_group: "pupilCouncil" | "staffRepresentatives" | "pupilServices" | "leadership";
  text: string;
  submitted_by: string;
  submitted_at: Timestamp;
}

export interface PlanCalendarTokenTable {
  person_id: string;
  token_hash: string;
  created_at: Timestamp;
}

export interface ClassroomTable {
  id: Generated<string>;
  school_id: string;
  name: string;
  layout: Json<unknown>;
  created_by: string | null;
  created_at: TimestampWithDefault;
  updated_at: TimestampWithDefault;
}

export interface RotationPlanTable {
  id: Generated<string>;
  school_id: string;
  study_group_id: string;
  school_year_id: string;
  name: string;
  structure: "vip" | "groups" | "seating";
  group_size: number | null;
  uneven_policy: "smaller" | "larger";
  rotation_weeks: number;
  mix_gender: boolean;
  classroom_id: string | null;
  starts_on: DateOnly;
  archived: Generated<boolean>;
  seed: number;
  planned_pupils: Json<string[]>;
  planned_constraints: string;
  created_by: string | null;
  created_at: TimestampWithDefault;
  updated_at: TimestampWithDefault;
}

export interface RotationConstraintTable {
  id: Generated<string>;
  plan_id: string;
  school_id: string;
  kind: "apart" | "together";
  pupil_a: string;
  pupil_b: string;
  created_by: string | null;
  created_at: TimestampWithDefault;
}

export interface RotationFixedSeatTable {
  plan_id: string;
  school_id: string;
  pupil_id: string;
  seat_id: string;
}

export interface RotationRoundTable {
  plan_id: string;
  school_id: string;
  round_index: number;
  starts_on: DateOnly;
  ends_on: DateOnly;
  groups: Json<string[][]>;
  buddy_pairs: Json<string[][][]> | null;
  seats: Json<Record<string, string>> | null;
  locked: Json<string[]>;
  edited: boolean;
  planned_at: Timestamp;
}

export interface NationalSurveyImportTable {
  id: Generated<string>;
  school_id: string;
  started_by: string | null;
  status: "validating" | "importing" | "done" | "failed";
  format: string | null;
  total_rows: Generated<number>;
  counts: Json<Record<string, number>>;
  errors: Json<unknown[]>;
  created_at: TimestampWithDefault;
  finished_at: Timestamp | null;
}

export interface NationalSurveyResultTable {
  id: Generated<string>;
  school_id: string;
  school_year: string;
  trinn: string;
  gender: "all" | "female" | "male";
  index_name: string;
  level: "school" | "municipality" | "county" | "national";
  unit_name: string;
  org_number: string | null;
  score: number | null;
  hidden: Generated<boolean>;
  share_bullied: number | null;
  answered: number | null;
  import_id: string;
  updated_at: TimestampWithDefault;
}

export interface Database {
  school_owner: SchoolOwnerTable;
  owner_closed_day: OwnerClosedDayTable;
  school: SchoolTable;
  school_year: SchoolYearTable;
  school_year_break: SchoolYearBreakTable;
  person: PersonTable;
  study_group: StudyGroupTable;
  group_membership: GroupMembershipTable;
  role_assignment: RoleAssignmentTable;
  guardianship: GuardianshipTable;
  local_account: LocalAccountTable;
  app_session: AppSessionTable;
  login_flow: LoginFlowTable;
  audit_log: AuditLogTable;
  outbox: OutboxTable;
  notification: NotificationTable;
  captured_mail: CapturedMailTable;
  import_run: ImportRunTable;
  app_meta: AppMetaTable;
  notification_preference: NotificationPreferenceTable;
  school_case: SchoolCaseTable;
  case_report: CaseReportTable;
  case_event: CaseEventTable;
  case_plan_revision: CasePlanRevisionTable;
  case_member: CaseMemberTable;
  case_attachment: CaseAttachmentTable;
  case_keep_apart: CaseKeepApartTable;
  case_reminder: CaseReminderTable;
  case_check_in: CaseCheckInTable;
  action_plan: ActionPlanTable;
  plan_occurrence: PlanOccurrenceTable;
  plan_task: PlanTaskTable;
  plan_meeting: PlanMeetingTable;
  plan_information_record: PlanInformationRecordTable;
  routine_confirmation: RoutineConfirmationTable;
  plan_evaluation_invite: PlanEvaluationInviteTable;
  plan_evaluation_input: PlanEvaluationInputTable;
  plan_calendar_token: PlanCalendarTokenTable;
  plan_duty_record: PlanDutyRecordTable;
  classroom: ClassroomTable;
  rotation_plan: RotationPlanTable;
  rotation_constraint: RotationConstraintTable;
  rotation_fixed_seat: RotationFixedSeatTable;
  rotation_round: RotationRoundTable;
  national_survey_import: NationalSurveyImportTable;
  national_survey_result: NationalSurveyResultTable;
  class_survey: ClassSurveyTable;
  class_survey_answer: ClassSurveyAnswerTable;
  class_survey_respondent: ClassSurveyRespondentTable;
  class_survey_code: ClassSurveyCodeTable;
  class_survey_code_session: ClassSurveyCodeSessionTable;
}

// --- class surveys (0011) ---

export interface ClassSurveyTable {
  id: Generated<string>;
  school_id: string;
  study_group_id: string;
  grade: string | null;
  title: string;
  template_id: string;
  definition: Json<unknown>;
  minimum_answers: number;
  max_answers: number;
  opens_at: Timestamp;
  closes_at: Timestamp;
  created_by: string | null;
  created_at: TimestampWithDefault;
}

export interface ClassSurveyAnswerTable {
  id: Generated<string>;
  survey_id: string;
  answer: Json<Record<string, unknown>>;
}

export interface ClassSurveyRespondentTable {
  survey_id: string;
  person_id: string;
}

export interface ClassSurveyCodeTable {
  survey_id: string;
  code_hash: string;
  expires_at: Timestamp;
  created_at: TimestampWithDefault;
}

export interface ClassSurveyCodeSessionTable {
  token_hash: string;
  survey_id: string;
  expires_at: Timestamp;
  used: Generated<boolean>;
}

export type Person = Selectable<PersonTable>;
export type NewPerson = Insertable<PersonTable>;
export type PersonUpdate = Updateable<PersonTable>;
export type School = Selectable<SchoolTable>;
export type AuditRow = Selectable<AuditLogTable>;
