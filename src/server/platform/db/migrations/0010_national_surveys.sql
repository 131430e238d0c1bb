-- National survey results (Elevundersøkelsen, issue #9): the school's figures per school year,
-- trinn, gender and index, with the comparison figures (municipality, county, national) the
-- imported file carried. Aggregates published by Udir: no pupil is named or linked.

CREATE TABLE national_survey_import (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  school_id uuid NOT NULL REFERENCES school(id),
  started_by uuid REFERENCES person(id),
  status text NOT NULL CHECK (status IN ('validating', 'importing', 'done', 'failed')),
  format text,
  total_rows integer NOT NULL DEFAULT 0,
  -- {rows, imported, unchanged, hidden, otherUnits, skipped}
  counts jsonb NOT NULL DEFAULT '{}'::jsonb,
  -- [{line, column, code, params}]: codes and positions, no figures or names of people
  errors jsonb NOT NULL DEFAULT '[]'::jsonb,
  created_at timestamptz NOT NULL DEFAULT now(),
  finished_at timestamptz
);
CREATE INDEX national_survey_import_school ON national_survey_import (school_id, created_at DESC);

CREATE TABLE national_survey_result (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  school_id uuid NOT NULL REFERENCES school(id),
  school_year text NOT NULL CHECK (school_year ~ '^[0-9]{4}-[0-9]{2}$'),
  -- '5'..'10', 'Vg1'..'Vg3', or 'all'
  trinn text NOT NULL CHECK (trinn ~ '^([1-9]|10|Vg[1-3]|all)$'),
  gender text NOT NULL CHECK (gender IN ('all', 'female', 'male')),
  index_name text NOT NULL CHECK (length(index_name) BETWEEN 1 AND 200),
  level text NOT NULL CHECK (level IN ('school', 'municipality', 'county', 'national')),
  unit_name text NOT NULL CHECK (length(unit_name) BETWEEN 1 AND 300),
  org_number text,
  score double precision CHECK (score BETWEEN 1 AND 5),
  hidden boolean NOT NULL DEFAULT false,
  share_bullied double precision CHECK (share_bullied BETWEEN 0 AND 100),
  answered integer CHECK (answered >= 0),
  import_id uuid NOT NULL REFERENCES national_survey_import(id),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (school_id, school_year, trinn, gender, index_name, level)
);
