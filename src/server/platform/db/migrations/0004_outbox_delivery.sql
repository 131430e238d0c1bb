-- Outbox delivery: retries with backoff, and a lease so that several app instances never send
-- the same row twice at once. A person's language for the texts sent to them.

ALTER TABLE outbox
  -- When the row may be tried (again); the sender skips rows whose time has not come.
  ADD COLUMN next_attempt_at timestamptz NOT NULL DEFAULT now(),
  -- A sender claims a row by writing its own token and a lease end; another sender takes the
  -- row only after the lease has run out (the first one crashed).
  ADD COLUMN claim_token uuid,
  ADD COLUMN claimed_until timestamptz;

DROP INDEX outbox_pending_idx;
CREATE INDEX outbox_pending_idx ON outbox(next_attempt_at) WHERE status = 'pending';

CREATE TABLE notification_preference (
  person_id uuid PRIMARY KEY REFERENCES person(id),
  lang text NOT NULL DEFAULT 'nb' CHECK (lang IN ('nb', 'nn', 'en')),
  updated_at timestamptz NOT NULL DEFAULT now()
);
