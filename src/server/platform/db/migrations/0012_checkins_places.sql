-- Issue #9 (ADR 0117): check-ins tied to a case, and where/when a reported incident happened.

-- One "how is it now?" per pupil per plan evaluation date. The answer itself lands in the
-- case (a pupil view with source `checkIn`); this row says the check-in exists and when it
-- was answered, so it is offered once and answered once.
CREATE TABLE case_check_in (
  id uuid PRIMARY KEY,
  case_id uuid NOT NULL REFERENCES school_case(id),
  school_id uuid NOT NULL REFERENCES school(id),
  pupil_id uuid NOT NULL REFERENCES person(id),
  revision integer NOT NULL CHECK (revision >= 1),
  evaluate_on date NOT NULL,
  opens_on date NOT NULL,
  closes_on date NOT NULL CHECK (closes_on >= opens_on),
  opened_at timestamptz NOT NULL,
  answered_at timestamptz,
  view_id text,
  CHECK ((answered_at IS NULL) = (view_id IS NULL)),
  UNIQUE (case_id, pupil_id, evaluate_on)
);
CREATE INDEX case_check_in_pupil_idx ON case_check_in(pupil_id, closes_on);
CREATE TRIGGER case_check_in_no_delete BEFORE DELETE ON case_check_in
  FOR EACH ROW EXECUTE FUNCTION case_row_immutable();

-- Where and when, from fixed lists (both optional), with the ISO week it happened in (the
-- date it happened, else the day the school was told), so places can be counted per week
-- without reading the report's text.
ALTER TABLE case_report
  ADD COLUMN place_kind text CHECK (place_kind IN ('classroom', 'corridor', 'canteen',
    'toilets', 'schoolyard', 'wayToSchool', 'online', 'gym', 'other')),
  ADD COLUMN time_of_day text CHECK (time_of_day IN ('beforeSchool', 'lessons', 'break',
    'lunch', 'afterSchool', 'evening')),
  ADD COLUMN occurred_week text CHECK (occurred_week ~ '^[0-9]{4}-W[0-9]{2}$');
CREATE INDEX case_report_place_idx ON case_report(school_id, occurred_week)
  WHERE place_kind IS NOT NULL;
