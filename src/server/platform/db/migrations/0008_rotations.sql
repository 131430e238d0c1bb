-- Buddy groups, group rotations and seating maps (issue #5). A rotation plan belongs to one
-- class or teaching group and holds its rounds: the groups (and, for VIP, the buddy pairs;
-- for seating, the seats) of each period between two rotation dates. Played rounds are the
-- history the solver uses; they are never rewritten. Keep-apart pairs from cases are not
-- copied here: they are read from the cases when a plan is solved or shown.

-- A classroom's furniture: tables with seats on a grid (ClassroomLayout in src/contract).
CREATE TABLE classroom (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  school_id uuid NOT NULL REFERENCES school(id),
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  layout jsonb NOT NULL,
  created_by uuid REFERENCES person(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX classroom_school_idx ON classroom(school_id);

CREATE TABLE rotation_plan (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  school_id uuid NOT NULL REFERENCES school(id),
  study_group_id uuid NOT NULL REFERENCES study_group(id),
  school_year_id uuid NOT NULL REFERENCES school_year(id),
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  structure text NOT NULL CHECK (structure IN ('vip', 'groups', 'seating')),
  group_size integer CHECK (group_size BETWEEN 2 AND 6),
  uneven_policy text NOT NULL DEFAULT 'smaller' CHECK (uneven_policy IN ('smaller', 'larger')),
  rotation_weeks integer NOT NULL CHECK (rotation_weeks IN (3, 4)),
  mix_gender boolean NOT NULL DEFAULT false,
  classroom_id uuid REFERENCES classroom(id),
  -- The first round is on or after this day.
  starts_on date NOT NULL,
  archived boolean NOT NULL DEFAULT false,
  seed integer NOT NULL,
  -- What the rounds were planned for: the pupils and a digest of the hard constraints
  -- (pairs and fixed seats). A difference from today's is what "needs re-planning" means.
  planned_pupils jsonb NOT NULL DEFAULT '[]'::jsonb,
  planned_constraints text NOT NULL DEFAULT '',
  created_by uuid REFERENCES person(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK (structure <> 'groups' OR group_size IS NOT NULL),
  CHECK (structure <> 'seating' OR classroom_id IS NOT NULL)
);
CREATE INDEX rotation_plan_group_idx ON rotation_plan(study_group_id);
CREATE INDEX rotation_plan_school_idx ON rotation_plan(school_id);

-- Pairs a teacher set: never in one group, or always in one group.
CREATE TABLE rotation_constraint (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  plan_id uuid NOT NULL REFERENCES rotation_plan(id) ON DELETE CASCADE,
  school_id uuid NOT NULL REFERENCES school(id),
  kind text NOT NULL CHECK (kind IN ('apart', 'together')),
  pupil_a uuid NOT NULL REFERENCES person(id),
  pupil_b uuid NOT NULL REFERENCES person(id),
  created_by uuid REFERENCES person(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK (pupil_a < pupil_b),
  UNIQUE (plan_id, pupil_a, pupil_b)
);

-- Seating: a pupil who always sits on one seat (e.g. the front row).
CREATE TABLE rotation_fixed_seat (
  plan_id uuid NOT NULL REFERENCES rotation_plan(id) ON DELETE CASCADE,
  school_id uuid NOT NULL REFERENCES school(id),
  pupil_id uuid NOT NULL REFERENCES person(id),
  seat_id text NOT NULL,
  PRIMARY KEY (plan_id, pupil_id),
  UNIQUE (plan_id, seat_id)
);

CREATE TABLE rotation_round (
  plan_id uuid NOT NULL REFERENCES rotation_plan(id) ON DELETE CASCADE,
  school_id uuid NOT NULL REFERENCES school(id),
  round_index integer NOT NULL CHECK (round_index BETWEEN 0 AND 19),
  starts_on date NOT NULL,
  ends_on date NOT NULL,
  -- string[][]: pupil ids per group (per table for seating, in layout order).
  groups jsonb NOT NULL,
  -- VIP: string[][][], the buddy pairs (or trios) inside each buddy group.
  buddy_pairs jsonb,
  -- Seating: { seatId: pupilId }.
  seats jsonb,
  -- string[]: pupils a teacher locked to their group in this round.
  locked jsonb NOT NULL DEFAULT '[]'::jsonb,
  edited boolean NOT NULL DEFAULT false,
  planned_at timestamptz NOT NULL,
  PRIMARY KEY (plan_id, round_index),
  CHECK (ends_on >= starts_on)
);
CREATE INDEX rotation_round_school_idx ON rotation_round(school_id);
