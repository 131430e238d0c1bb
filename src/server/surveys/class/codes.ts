// The one-lesson class code: six characters on the board, valid for an hour (or until the
// survey closes), kept only as a keyed hash. Entering it gives the device a token (a cookie)
// good for one answer; the survey takes no more answers than the group has pupils.
import { createHmac, randomBytes, randomInt } from "node:crypto";
import type { Tx } from "../../platform/db/database.ts";

/** No 0/O, 1/I/L: read from a board across a classroom. */
const ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
export const CODE_LENGTH = 6;
export const CODE_MINUTES = 60;
/** A device that entered the code has this long after the code expires to finish. */
export const SESSION_GRACE_MINUTES = 30;
export const DEVICE_COOKIE = "trygg_survey_device";

export function generateCode(): string {
  let out = "";
  for (let i = 0; i < CODE_LENGTH; i++) out += ALPHABET[randomInt(ALPHABET.length)];
  return out;
}

export function normaliseCode(code: string): string {
  return code.toUpperCase().replace(/[^A-Z0-9]/g, "");
}

export function codeHash(secret: string, code: string): string {
  return createHmac("sha256", secret)
    .update(`survey-code:${normaliseCode(code)}`)
    .digest("hex");
}

export function tokenHash(secret: string, token: string): string {
  return createHmac("sha256", secret).update(`survey-device:${token}`).digest("hex");
}

export const newDeviceToken = () => randomBytes(32).toString("base64url");

/** Replaces the survey's code with a new one; returns it in clear text (shown once). */
export async function issueCode(
  tx: Tx,
  secret: string,
  survey: { id: string; closesAt: Date },
  now: Date,
): Promise<{ code: string; expiresAt: Date }> {
  const expiresAt = new Date(
    Math.min(now.getTime() + CODE_MINUTES * 60_000, survey.closesAt.getTime()),
  );
  await tx.deleteFrom("class_survey_code").where("survey_id", "=", survey.id).execute();
  // Expired codes free their letters for new ones.
  await tx.deleteFrom("class_survey_code").where("expires_at", "<=", now).execute();
  for (;;) {
    const code = generateCode();
    const inserted = await tx
      .insertInto("class_survey_code")
      .values({ survey_id: survey.id, code_hash: codeHash(secret, code), expires_at: expiresAt })
      .onConflict((oc) => oc.column("code_hash").doNothing())
      .returning("survey_id")
      .executeTakeFirst();
    if (inserted) return { code, expiresAt };
  }
}
