-- The school's own class surveys (miljøundersøkelser, issue #9; ADR 0116). Answers are kept
-- with no link to a pupil: no person, no session, no time (the survey's own window dates
-- them), and a random id. Who has answered is a separate table with no link to the answers.

-- K: results are shown only when at least this many pupils answered (the owner decides).
ALTER TABLE school_owner
  ADD COLUMN survey_minimum_answers integer NOT NULL DEFAULT 10
  CHECK (survey_minimum_answers BETWEEN 5 AND 50);

CREATE TABLE class_survey (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  school_id uuid NOT NULL REFERENCES school(id),
  study_group_id uuid NOT NULL REFERENCES study_group(id),
  -- The group's trinn when the survey started: what the trinn summary pools by.
  grade text,
  title text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
  template_id text NOT NULL,
  definition jsonb NOT NULL,
  -- K frozen at the start, so a later change of the setting never regroups old results.
  minimum_answers integer NOT NULL CHECK (minimum_answers BETWEEN 5 AND 50),
  -- The pupils of the group at the start: no more answers than that, by any way in.
  max_answers integer NOT NULL CHECK (max_answers >= 0),
  opens_at timestamptz NOT NULL,
  closes_at timestamptz NOT NULL,
  created_by uuid REFERENCES person(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK (closes_at >= opens_at)
);
CREATE INDEX class_survey_school_idx ON class_survey(school_id, opens_at);
CREATE INDEX class_survey_group_idx ON class_survey(study_group_id);

-- One answer. Deliberately nothing but the survey and the answer itself.
CREATE TABLE class_survey_answer (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  survey_id uuid NOT NULL REFERENCES class_survey(id),
  answer jsonb NOT NULL
);
CREATE INDEX class_survey_answer_survey_idx ON class_survey_answer(survey_id);

-- Who has answered (logged-in pupils): each pupil once. No time, no answer id.
CREATE TABLE class_survey_respondent (
  survey_id uuid NOT NULL REFERENCES class_survey(id),
  person_id uuid NOT NULL REFERENCES person(id),
  PRIMARY KEY (survey_id, person_id)
);

-- The one-lesson class code (hashed): pupils without a login answer with it.
CREATE TABLE class_survey_code (
  survey_id uuid PRIMARY KEY REFERENCES class_survey(id),
  code_hash text NOT NULL UNIQUE,
  expires_at timestamptz NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);

-- A device that entered the code: one answer per device token (hashed).
CREATE TABLE class_survey_code_session (
  token_hash text PRIMARY KEY,
  survey_id uuid NOT NULL REFERENCES class_survey(id),
  expires_at timestamptz NOT NULL,
  used boolean NOT NULL DEFAULT false
);
CREATE INDEX class_survey_code_session_survey_idx ON class_survey_code_session(survey_id);
