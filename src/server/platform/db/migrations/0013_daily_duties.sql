-- Daily duties of the action plan (ADR 0118): the social worker's presence in the canteen,
-- the hall and other common areas is recorded once per school day as "done" (with the places
-- covered) or "not today" (no reason needed, an optional short note). One record per duty,
-- school and day; it is made on the day and may be corrected until the day ends, by the
-- person who holds the duty's role (the last one to save is the one recorded).
CREATE TABLE plan_duty_record (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  school_id uuid NOT NULL REFERENCES school(id),
  school_year_id uuid NOT NULL REFERENCES school_year(id),
  -- The plan activity with `dailyDuty` (a stable id across versions).
  activity_id text NOT NULL CHECK (length(activity_id) BETWEEN 1 AND 100),
  day date NOT NULL,
  status text NOT NULL CHECK (status IN ('done', 'notToday')),
  -- The places covered, as the plan names them; empty on a "not today".
  places jsonb NOT NULL DEFAULT '[]',
  note text CHECK (note IS NULL OR length(note) <= 280),
  person_id uuid NOT NULL REFERENCES person(id),
  recorded_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  UNIQUE (school_id, activity_id, day)
);
CREATE INDEX plan_duty_record_year_idx ON plan_duty_record(school_year_id, activity_id, day);
