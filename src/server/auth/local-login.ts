// Local accounts: argon2id passwords and an optional TOTP second factor. Used by schools
// without OIDC and by the first administrator.
import { hash, verify } from "@node-rs/argon2";
import * as OTPAuth from "otpauth";
import type { Db } from "../platform/db/database.ts";
import { AppError } from "../platform/errors.ts";

const MAX_FAILURES = 5;
const LOCK_MINUTES = 15;
let dummyHash: Promise<string> | undefined;

export function hashPassword(password: string): Promise<string> {
  // @node-rs/argon2 defaults to argon2id.
  return hash(password);
}

export function newTotpSecret(): string {
  return new OTPAuth.Secret({ size: 20 }).base32;
}

export function totpFor(secret: string, label = "Trygg"): OTPAuth.TOTP {
  return new OTPAuth.TOTP({
    issuer: "Trygg",
    label,
    algorithm: "SHA1",
    digits: 6,
    period: 30,
    secret: OTPAuth.Secret.fromBase32(secret),
  });
}

/** The time step the code belongs to (window ±1), or null when the code is wrong. */
export function totpStep(secret: string, code: string, now: Date): number | null {
  const delta = totpFor(secret).validate({
    token: code.replace(/\s/g, ""),
    timestamp: now.getTime(),
    window: 1,
  });
  return delta === null ? null : Math.floor(now.getTime() / 30_000) + delta;
}

export type PasswordResult = { ok: true; personId: string; needsTotp: boolean } | { ok: false };

/** Checks a password; counts failures and locks the account for a while after too many. */
export async function checkPassword(
  db: Db,
  username: string,
  password: string,
  now: Date,
): Promise<PasswordResult> {
  const account = await db
    .selectFrom("local_account")
    .selectAll()
    .where("username", "=", username.trim().toLowerCase())
    .executeTakeFirst();
  if (!account) {
    // Spend the same effort as a real check so timing does not reveal which usernames exist.
    dummyHash ??= hash("not-a-real-password");
    await verify(await dummyHash, password).catch(() => false);
    return { ok: false };
  }
  const good = await verifyCounted(db, account, password, now);
  return good
    ? { ok: true, personId: account.person_id, needsTotp: account.totp_enabled }
    : { ok: false };
}

/**
 * Re-authentication of a logged-in person (before changing the second factor): the same
 * check, lock and failure count as at login, so a stolen session cannot guess the password
 * faster than the login form allows. False without a local account.
 */
export async function checkOwnPassword(
  db: Db,
  personId: string,
  password: string,
  now: Date,
): Promise<boolean> {
  const account = await db
    .selectFrom("local_account")
    .selectAll()
    .where("person_id", "=", personId)
    .executeTakeFirst();
  if (!account) return false;
  return verifyCounted(db, account, password, now);
}

interface AccountRow {
  person_id: string;
  password_hash: string;
  failed_attempts: number;
  locked_until: Date | string | null;
}

/** Throws while the account is locked; counts a failure, resets the count on success. */
async function verifyCounted(
  db: Db,
  account: AccountRow,
  password: string,
  now: Date,
): Promise<boolean> {
  if (account.locked_until && new Date(account.locked_until).getTime() > now.getTime()) {
    throw new AppError(429, "auth.locked");
  }
  const good = await verify(account.password_hash, password).catch(() => false);
  if (!good) {
    const failures = account.failed_attempts + 1;
    await db
      .updateTable("local_account")
      .set({
        failed_attempts: failures >= MAX_FAILURES ? 0 : failures,
        locked_until:
          failures >= MAX_FAILURES ? new Date(now.getTime() + LOCK_MINUTES * 60_000) : null,
      })
      .where("person_id", "=", account.person_id)
      .execute();
    return false;
  }
  await db
    .updateTable("local_account")
    .set({ failed_attempts: 0, locked_until: null })
    .where("person_id", "=", account.person_id)
    .execute();
  return true;
}
