-- Duty to act, breach-proof (issue #8): the owner's investigation deadline and the
-- Statsforvalteren office families are told about. Edited on the owner settings page.

ALTER TABLE school_owner
  ADD COLUMN investigation_deadline_working_days integer NOT NULL DEFAULT 2
    CHECK (investigation_deadline_working_days BETWEEN 1 AND 30),
  ADD COLUMN guardians_informed_working_days integer NOT NULL DEFAULT 2
    CHECK (guardians_informed_working_days BETWEEN 1 AND 30),
  -- The Statsforvalteren office that hears complaints from this owner's schools
  -- (DOMAIN.md §4): shown on receipts, family copies and closing letters.
  ADD COLUMN state_administrator_name text NOT NULL DEFAULT 'Statsforvalteren i Oslo og Viken'
    CHECK (length(state_administrator_name) BETWEEN 1 AND 200),
  ADD COLUMN state_administrator_address text NOT NULL DEFAULT 'Postboks 325, 1502 Moss'
    CHECK (length(state_administrator_address) BETWEEN 1 AND 300),
  ADD COLUMN state_administrator_email text NOT NULL DEFAULT 'sfovpost@statsforvalteren.no'
    CHECK (length(state_administrator_email) BETWEEN 3 AND 200),
  ADD COLUMN state_administrator_url text NOT NULL
    DEFAULT 'https://www.statsforvalteren.no/nb/oslo-og-viken/barnehage-og-opplaring/skolemiljo/'
    CHECK (state_administrator_url LIKE 'https://%');
