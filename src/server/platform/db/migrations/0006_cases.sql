-- Duty-to-act cases (opplæringslova §12-4 and §12-5).
--
-- The case itself is one value computed by the pure core (src/core/cases): `school_case.state`
-- holds it whole, and the columns beside it repeat what lists, access checks and jobs query
-- (status, next step, alert, owner involvement). The other tables are either append-only
-- history (events, plan revisions, attachments) or projections rewritten from the state in
-- the same transaction (reports, team, keep-apart pairs, reminders).
--
-- Cases are kept for ever (archive rules): nothing here may be deleted, and closed cases are
-- read-only. Triggers refuse DELETE on the case tables and UPDATE on the history tables.

CREATE FUNCTION case_row_immutable() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION '% rows are never changed or deleted', TG_TABLE_NAME;
END;
$$ LANGUAGE plpgsql;

CREATE TABLE school_case (
  id uuid PRIMARY KEY,
  school_id uuid NOT NULL REFERENCES school(id),
  owner_id uuid NOT NULL REFERENCES school_owner(id),
  kind text NOT NULL CHECK (kind IN ('pupil-reported', 'staff-concern', 'staff-violation', 'leadership-violation')),
  status text NOT NULL CHECK (status IN ('reported', 'acknowledged', 'investigating', 'measuresActive', 'evaluating', 'closed')),
  -- The core's optimistic-concurrency token: every accepted command increments it.
  version integer NOT NULL,
  reported_at timestamptz NOT NULL,
  learned_on date NOT NULL,
  plan_due_on date NOT NULL,
  acknowledged_at timestamptz,
  alert_level integer NOT NULL DEFAULT 0,
  -- When an unacknowledged alert goes to the next level (the case tick job looks here).
  alert_next_at timestamptz,
  owner_involved boolean NOT NULL DEFAULT false,
  serious boolean NOT NULL DEFAULT false,
  -- The next dated step: what the dashboards sort by.
  next_step_kind text,
  next_step_due_on date,
  next_step_owner jsonb,
  closed_at timestamptz,
  state jsonb NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX school_case_school_idx ON school_case(school_id, status);
CREATE INDEX school_case_owner_idx ON school_case(owner_id, status);
CREATE INDEX school_case_alert_idx ON school_case(alert_next_at) WHERE status = 'reported';
CREATE TRIGGER school_case_no_delete BEFORE DELETE ON school_case
  FOR EACH ROW EXECUTE FUNCTION case_row_immutable();

-- One row per report (melding); `case_id` follows the report when it is joined into another
-- case. What the reporter wrote lives in the state; the extra facts of the form live here.
CREATE TABLE case_report (
  id uuid PRIMARY KEY,
  case_id uuid NOT NULL REFERENCES school_case(id),
  first_case_id uuid NOT NULL REFERENCES school_case(id),
  school_id uuid NOT NULL REFERENCES school(id),
  kind text NOT NULL,
  -- Null for an anonymous report: no identity is stored, only a keyed hash of the receipt code.
  reporter_id uuid REFERENCES person(id),
  reporter_capacity text CHECK (reporter_capacity IN ('staff', 'pupil', 'guardian')),
  receipt_code_hash text UNIQUE,
  -- When and where it happened, others involved, whether the pupil said they do not feel
  -- safe, whether the reporter intervened. Case content: never logged.
  details jsonb NOT NULL DEFAULT '{}'::jsonb,
  reported_at timestamptz NOT NULL,
  acknowledged_at timestamptz,
  CHECK ((reporter_id IS NULL) = (receipt_code_hash IS NOT NULL))
);
CREATE INDEX case_report_case_idx ON case_report(case_id);
CREATE INDEX case_report_reporter_idx ON case_report(reporter_id, reported_at);
CREATE TRIGGER case_report_no_delete BEFORE DELETE ON case_report
  FOR EACH ROW EXECUTE FUNCTION case_row_immutable();

-- The case's timeline: every accepted command's events, in order. Append-only.
CREATE TABLE case_event (
  seq bigserial PRIMARY KEY,
  case_id uuid NOT NULL REFERENCES school_case(id),
  type text NOT NULL,
  at timestamptz NOT NULL,
  -- A person id, 'system' (the job runner) or 'anonymous'.
  actor_id text NOT NULL,
  data jsonb NOT NULL DEFAULT '{}'::jsonb
);
CREATE INDEX case_event_case_idx ON case_event(case_id, seq);
CREATE TRIGGER case_event_append_only BEFORE UPDATE OR DELETE ON case_event
  FOR EACH ROW EXECUTE FUNCTION case_row_immutable();

-- Every saved version of the measure plan (aktivitetsplan), never changed once saved.
CREATE TABLE case_plan_revision (
  case_id uuid NOT NULL REFERENCES school_case(id),
  revision integer NOT NULL CHECK (revision >= 1),
  saved_at timestamptz NOT NULL,
  saved_by text NOT NULL,
  plan jsonb NOT NULL,
  PRIMARY KEY (case_id, revision)
);
CREATE TRIGGER case_plan_revision_append_only BEFORE UPDATE OR DELETE ON case_plan_revision
  FOR EACH ROW EXECUTE FUNCTION case_row_immutable();

-- The named case team (need-to-know). A removed member keeps the row with `removed_at`.
CREATE TABLE case_member (
  case_id uuid NOT NULL REFERENCES school_case(id),
  person_id uuid NOT NULL REFERENCES person(id),
  added_at timestamptz NOT NULL,
  added_by text NOT NULL,
  removed_at timestamptz,
  PRIMARY KEY (case_id, person_id)
);
CREATE INDEX case_member_person_idx ON case_member(person_id) WHERE removed_at IS NULL;

-- Documents in the case file (conversation notes as scans, survey results, letters).
-- Only a few safe types, at most 10 MiB each; kept for ever like the case.
CREATE TABLE case_attachment (
  id uuid PRIMARY KEY,
  case_id uuid NOT NULL REFERENCES school_case(id),
  file_name text NOT NULL CHECK (length(file_name) BETWEEN 1 AND 200),
  media_type text NOT NULL CHECK (media_type IN ('application/pdf', 'image/png', 'image/jpeg', 'text/plain')),
  size_bytes integer NOT NULL CHECK (size_bytes BETWEEN 1 AND 10485760),
  sha256 text NOT NULL,
  content bytea NOT NULL,
  uploaded_at timestamptz NOT NULL,
  uploaded_by uuid NOT NULL REFERENCES person(id)
);
CREATE INDEX case_attachment_case_idx ON case_attachment(case_id, uploaded_at);
CREATE TRIGGER case_attachment_immutable BEFORE UPDATE OR DELETE ON case_attachment
  FOR EACH ROW EXECUTE FUNCTION case_row_immutable();

-- Keep-apart measures as pupil pairs, for the groups feature: no reason, no text. Rewritten
-- from the plan in force whenever the case changes; in force while the case has a plan in
-- force and `ends_on` (null: open-ended) has not passed.
CREATE TABLE case_keep_apart (
  case_id uuid NOT NULL REFERENCES school_case(id),
  school_id uuid NOT NULL REFERENCES school(id),
  pupil_a uuid NOT NULL REFERENCES person(id),
  pupil_b uuid NOT NULL REFERENCES person(id),
  ends_on date,
  CHECK (pupil_a < pupil_b),
  PRIMARY KEY (case_id, pupil_a, pupil_b)
);
CREATE INDEX case_keep_apart_school_idx ON case_keep_apart(school_id);

-- Reminders of dated steps (upcoming / overdue), replaced whenever the case's steps change.
-- The case tick job sends the due ones and stamps `sent_at`.
CREATE TABLE case_reminder (
  case_id uuid NOT NULL REFERENCES school_case(id),
  step text NOT NULL,
  ref text NOT NULL DEFAULT '',
  phase text NOT NULL CHECK (phase IN ('upcoming', 'overdue')),
  due_on date NOT NULL,
  owner jsonb NOT NULL,
  template text NOT NULL,
  sent_at timestamptz,
  PRIMARY KEY (case_id, step, ref, phase)
);
CREATE INDEX case_reminder_due_idx ON case_reminder(due_on) WHERE sent_at IS NULL;
