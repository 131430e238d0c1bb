-- Foundation: tenancy (owner -> school -> school year), people, roles, groups, accounts,
-- sessions, the hash-chained audit log, the notification outbox and import runs.
-- Stays within PostgreSQL 15 features so it runs unchanged on PGlite.

CREATE TABLE school_owner (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name text NOT NULL,
  org_number text UNIQUE,
  plan_deadline_working_days integer NOT NULL DEFAULT 5 CHECK (plan_deadline_working_days BETWEEN 1 AND 30),
  alert_escalation_minutes integer NOT NULL DEFAULT 60 CHECK (alert_escalation_minutes BETWEEN 5 AND 1440),
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE owner_closed_day (
  owner_id uuid NOT NULL REFERENCES school_owner(id),
  day date NOT NULL,
  label text NOT NULL DEFAULT '',
  PRIMARY KEY (owner_id, day)
);

CREATE TABLE school (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  owner_id uuid NOT NULL REFERENCES school_owner(id),
  name text NOT NULL,
  org_number text UNIQUE,
  external_id text UNIQUE,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX school_owner_idx ON school(owner_id);

CREATE TABLE school_year (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  school_id uuid NOT NULL REFERENCES school(id),
  label text NOT NULL,
  starts_on date NOT NULL,
  ends_on date NOT NULL,
  CHECK (ends_on > starts_on),
  UNIQUE (school_id, label)
);

-- School holidays (ranges) and planning days of one school year.
CREATE TABLE school_year_break (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  school_year_id uuid NOT NULL REFERENCES school_year(id) ON DELETE CASCADE,
  kind text NOT NULL CHECK (kind IN ('holiday', 'planningDay')),
  label text NOT NULL,
  starts_on date NOT NULL,
  ends_on date NOT NULL,
  CHECK (ends_on >= starts_on)
);
CREATE INDEX school_year_break_year_idx ON school_year_break(school_year_id);

CREATE TABLE person (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  given_name text NOT NULL,
  family_name text NOT NULL,
  email text,
  phone text,
  gender text CHECK (gender IN ('female', 'male', 'other')),
  birth_date date,
  -- Feide name (user@realm), the stable login key for staff and pupils.
  feide_id text UNIQUE,
  -- Keyed HMAC of the national identity number (ID-porten 'pid'); the number itself is never stored.
  nin_hash text UNIQUE,
  external_source text,
  external_id text,
  is_system_admin boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (external_source, external_id)
);

CREATE TABLE study_group (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  school_id uuid NOT NULL REFERENCES school(id),
  kind text NOT NULL CHECK (kind IN ('class', 'teachingGroup')),
  name text NOT NULL,
  grade text,
  subject text,
  external_id text,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (school_id, external_id)
);
CREATE INDEX study_group_school_idx ON study_group(school_id);

CREATE TABLE group_membership (
  group_id uuid NOT NULL REFERENCES study_group(id) ON DELETE CASCADE,
  person_id uuid NOT NULL REFERENCES person(id),
  member_role text NOT NULL CHECK (member_role IN ('pupil', 'teacher')),
  PRIMARY KEY (group_id, person_id, member_role)
);
CREATE INDEX group_membership_person_idx ON group_membership(person_id);

-- A role held by a person, either at a school or at a school owner (owner roles), optionally
-- scoped to one group (contact teacher of a class, subject teacher of a teaching group).
CREATE TABLE role_assignment (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  person_id uuid NOT NULL REFERENCES person(id),
  role text NOT NULL,
  school_id uuid REFERENCES school(id),
  owner_id uuid REFERENCES school_owner(id),
  group_id uuid REFERENCES study_group(id) ON DELETE CASCADE,
  grade text,
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK ((school_id IS NULL) <> (owner_id IS NULL) OR role = 'systemAdmin')
);
CREATE UNIQUE INDEX role_assignment_unique_idx ON role_assignment
  (person_id, role, coalesce(school_id, '00000000-0000-0000-0000-000000000000'::uuid),
   coalesce(owner_id, '00000000-0000-0000-0000-000000000000'::uuid),
   coalesce(group_id, '00000000-0000-0000-0000-000000000000'::uuid));
CREATE INDEX role_assignment_school_idx ON role_assignment(school_id, role);

CREATE TABLE guardianship (
  guardian_id uuid NOT NULL REFERENCES person(id),
  pupil_id uuid NOT NULL REFERENCES person(id),
  relation text NOT NULL DEFAULT 'guardian',
  PRIMARY KEY (guardian_id, pupil_id)
);
CREATE INDEX guardianship_pupil_idx ON guardianship(pupil_id);

CREATE TABLE local_account (
  person_id uuid PRIMARY KEY REFERENCES person(id),
  username text NOT NULL UNIQUE,
  password_hash text NOT NULL,
  totp_secret text,
  totp_enabled boolean NOT NULL DEFAULT false,
  failed_attempts integer NOT NULL DEFAULT 0,
  locked_until timestamptz,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE app_session (
  -- SHA-256 of the cookie token: a stolen database dump cannot be replayed as cookies.
  id text PRIMARY KEY,
  person_id uuid NOT NULL REFERENCES person(id),
  csrf_token text NOT NULL,
  auth_method text NOT NULL,
  active_school_id uuid REFERENCES school(id),
  id_token text,
  created_at timestamptz NOT NULL DEFAULT now(),
  last_seen_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL
);
CREATE INDEX app_session_person_idx ON app_session(person_id);

-- Short-lived state of a login in flight (OIDC state/nonce/PKCE, pending TOTP step).
CREATE TABLE login_flow (
  id text PRIMARY KEY,
  kind text NOT NULL,
  data jsonb NOT NULL,
  expires_at timestamptz NOT NULL
);

-- Append-only, hash-chained audit log. Each row's hash covers its content and prev_hash.
CREATE TABLE audit_log (
  seq bigserial PRIMARY KEY,
  at timestamptz NOT NULL,
  actor_id uuid,
  action text NOT NULL,
  resource_type text NOT NULL,
  resource_id text,
  school_id uuid,
  owner_id uuid,
  -- Set for entries about a leadership-violation case: hidden from the school's leadership.
  restricted boolean NOT NULL DEFAULT false,
  request_id text,
  detail jsonb NOT NULL DEFAULT '{}'::jsonb,
  prev_hash text NOT NULL,
  hash text NOT NULL
);
CREATE INDEX audit_log_school_idx ON audit_log(school_id, seq);
CREATE INDEX audit_log_resource_idx ON audit_log(resource_type, resource_id);

CREATE FUNCTION audit_log_append_only() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only';
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER audit_log_no_update BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();

-- Outbox: written in the same transaction as the change that causes it, sent by a job.
-- Holds no personal content: a template key and a link only.
CREATE TABLE outbox (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  created_at timestamptz NOT NULL DEFAULT now(),
  channel text NOT NULL CHECK (channel IN ('email', 'teams', 'inApp')),
  recipient_id uuid REFERENCES person(id),
  address text,
  template text NOT NULL,
  link text NOT NULL,
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent', 'failed')),
  attempts integer NOT NULL DEFAULT 0,
  last_error text,
  sent_at timestamptz
);
CREATE INDEX outbox_pending_idx ON outbox(status, created_at);

CREATE TABLE notification (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  person_id uuid NOT NULL REFERENCES person(id),
  template text NOT NULL,
  link text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  read_at timestamptz
);
CREATE INDEX notification_person_idx ON notification(person_id, created_at);

-- Demo mode only: mail that would have been sent, viewable in the UI.
CREATE TABLE captured_mail (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  created_at timestamptz NOT NULL DEFAULT now(),
  to_address text NOT NULL,
  subject text NOT NULL,
  body text NOT NULL
);

CREATE TABLE import_run (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  school_id uuid REFERENCES school(id),
  owner_id uuid REFERENCES school_owner(id),
  started_by uuid REFERENCES person(id),
  format text NOT NULL,
  status text NOT NULL CHECK (status IN ('validating', 'importing', 'done', 'failed')),
  total_rows integer NOT NULL DEFAULT 0,
  processed_rows integer NOT NULL DEFAULT 0,
  problems jsonb NOT NULL DEFAULT '[]'::jsonb,
  summary jsonb NOT NULL DEFAULT '{}'::jsonb,
  created_at timestamptz NOT NULL DEFAULT now(),
  finished_at timestamptz
);

CREATE TABLE app_meta (
  key text PRIMARY KEY,
  value text NOT NULL
);
