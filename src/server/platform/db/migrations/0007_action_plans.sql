-- The yearly action plan (handlingsplan for trygt og godt skolemiljø, opplæringslova §12-3)
-- as living software: versions of the plan, its year wheel (dated occurrences of each
-- activity in a school year), the tasks people get from it, and the records around it
-- (who was informed, who confirmed the duty-to-act routine, the pupil council's meetings
-- with the principal, the yearly evaluation round).
--
-- The plan's rules are the pure core's (src/core/plans); these tables store its results.
-- Occurrences belong to the school year, not to a version: publishing a revision reconciles
-- the stored wheel with the new schedule, and what has been done (status, notes) stays.

-- One row per version. Versions are numbered 1, 2, 3, … per school across years; a version
-- is a draft (edited), published (in force, public) or archived (replaced, kept read-only).
CREATE TABLE action_plan (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  school_id uuid NOT NULL REFERENCES school(id),
  school_year_id uuid NOT NULL REFERENCES school_year(id),
  -- The calendar year the school year starts in (2026 = 2026–27), as the core counts it.
  school_year integer NOT NULL,
  version integer NOT NULL CHECK (version >= 1),
  status text NOT NULL CHECK (status IN ('draft', 'published', 'archived')),
  -- PlanContent (src/core/plans/types.ts): the school's own text and rules.
  content jsonb NOT NULL,
  template_id text,
  based_on_version integer,
  -- PlanEvaluation, once the yearly evaluation of this version is recorded.
  evaluation jsonb,
  -- Set when the yearly evaluation round (invitations, input) is opened on this version.
  evaluation_started_at timestamptz,
  published_on date,
  archived_on date,
  created_at timestamptz NOT NULL DEFAULT now(),
  created_by uuid REFERENCES person(id),
  updated_at timestamptz NOT NULL DEFAULT now(),
  updated_by uuid REFERENCES person(id),
  UNIQUE (school_id, version)
);
-- One draft and one published version per school year at a time.
CREATE UNIQUE INDEX action_plan_one_draft_idx ON action_plan(school_year_id) WHERE status = 'draft';
CREATE UNIQUE INDEX action_plan_one_published_idx ON action_plan(school_year_id) WHERE status = 'published';
CREATE INDEX action_plan_school_idx ON action_plan(school_id, status);

-- The year wheel: one dated occurrence of an activity in a school year. `key` is the core's
-- `${activityId}@${dueOn}`; description and deadline text are copied from the version that
-- scheduled it, so a done occurrence still reads right after its activity was edited away.
CREATE TABLE plan_occurrence (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  school_id uuid NOT NULL REFERENCES school(id),
  school_year_id uuid NOT NULL REFERENCES school_year(id),
  -- The version that last scheduled it.
  plan_id uuid NOT NULL REFERENCES action_plan(id),
  key text NOT NULL,
  activity_id text NOT NULL,
  part_id text NOT NULL CHECK (part_id IN ('information', 'prevention', 'dutyToAct', 'resources')),
  kind text NOT NULL CHECK (kind IN ('due', 'checkIn')),
  sequence integer NOT NULL,
  window_starts_on date NOT NULL,
  due_on date NOT NULL,
  roles jsonb NOT NULL DEFAULT '[]'::jsonb,
  description text NOT NULL,
  deadline_text text NOT NULL DEFAULT '',
  -- Settled (done, noted or past) but no longer produced by the version in force: history.
  detached boolean NOT NULL DEFAULT false,
  UNIQUE (school_year_id, key)
);
CREATE INDEX plan_occurrence_due_idx ON plan_occurrence(school_id, due_on);

-- One person's share of an occurrence, for their class or teaching group when the role is
-- scoped to one. The done note is the documentation of the duty to monitor and prevent.
CREATE TABLE plan_task (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  occurrence_id uuid NOT NULL REFERENCES plan_occurrence(id) ON DELETE CASCADE,
  school_id uuid NOT NULL REFERENCES school(id),
  person_id uuid NOT NULL REFERENCES person(id),
  group_id uuid REFERENCES study_group(id) ON DELETE SET NULL,
  roles jsonb NOT NULL DEFAULT '[]'::jsonb,
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'done', 'skipped')),
  note text,
  done_at timestamptz,
  done_by uuid REFERENCES person(id),
  -- When the reminder job last told the person (one reminder per task).
  reminded_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX plan_task_unique_idx ON plan_task
  (occurrence_id, person_id, coalesce(group_id, '00000000-0000-0000-0000-000000000000'::uuid));
CREATE INDEX plan_task_person_idx ON plan_task(person_id, status);
CREATE INDEX plan_task_school_idx ON plan_task(school_id, status);

-- The monthly meetings of the pupil council board with the principal. Participants are
-- written as roles or bodies ("Elevrådsstyret", "Rektor"), not as a list of people.
CREATE TABLE plan_meeting (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  school_id uuid NOT NULL REFERENCES school(id),
  held_on date NOT NULL,
  participants jsonb NOT NULL DEFAULT '[]'::jsonb,
  topics jsonb NOT NULL DEFAULT '[]'::jsonb,
  -- [{ text, responsible, dueOn, done }]
  follow_ups jsonb NOT NULL DEFAULT '[]'::jsonb,
  recorded_by uuid NOT NULL REFERENCES person(id),
  recorded_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX plan_meeting_school_idx ON plan_meeting(school_id, held_on);

-- Part 1 (information work): who was informed, when and how.
CREATE TABLE plan_information_record (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  school_id uuid NOT NULL REFERENCES school(id),
  plan_id uuid NOT NULL REFERENCES action_plan(id),
  activity_id text,
  audience text NOT NULL,
  informed_on date NOT NULL,
  method text NOT NULL DEFAULT '',
  recorded_by uuid NOT NULL REFERENCES person(id),
  recorded_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX plan_information_record_plan_idx ON plan_information_record(plan_id, informed_on);

-- Staff confirm, once per school year, that they have read the routine for the duty to act.
CREATE TABLE routine_confirmation (
  school_year_id uuid NOT NULL REFERENCES school_year(id),
  person_id uuid NOT NULL REFERENCES person(id),
  school_id uuid NOT NULL REFERENCES school(id),
  -- The version they read.
  plan_id uuid NOT NULL REFERENCES action_plan(id),
  confirmed_at timestamptz NOT NULL,
  PRIMARY KEY (school_year_id, person_id)
);

-- The yearly evaluation round: who was invited for which group, and what each group said.
CREATE TABLE plan_evaluation_invite (
  plan_id uuid NOT NULL REFERENCES action_plan(id),
  person_id uuid NOT NULL REFERENCES person(id),
  evaluation_group text NOT NULL CHECK (evaluation_group IN ('pupilCouncil', 'staffRepresentatives', 'pupilServices', 'leadership')),
  invited_at timestamptz NOT NULL,
  PRIMARY KEY (plan_id, person_id, evaluation_group)
);

CREATE TABLE plan_evaluation_input (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  plan_id uuid NOT NULL REFERENCES action_plan(id),
  evaluation_group text NOT NULL CHECK (evaluation_group IN ('pupilCouncil', 'staffRepresentatives', 'pupilServices', 'leadership')),
  text text NOT NULL,
  submitted_by uuid NOT NULL REFERENCES person(id),
  submitted_at timestamptz NOT NULL
);
CREATE INDEX plan_evaluation_input_plan_idx ON plan_evaluation_input(plan_id, evaluation_group);

-- A person's secret calendar-feed address: calendar apps subscribe without a session. Only
-- the SHA-256 of the token is kept; rotating replaces it and the old address stops working.
CREATE TABLE plan_calendar_token (
  person_id uuid PRIMARY KEY REFERENCES person(id),
  token_hash text NOT NULL UNIQUE,
  created_at timestamptz NOT NULL
);
