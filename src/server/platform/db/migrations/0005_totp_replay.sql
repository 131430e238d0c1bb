-- The last TOTP time step accepted for an account: a code is good for one login only.
ALTER TABLE local_account ADD COLUMN totp_last_step bigint;
