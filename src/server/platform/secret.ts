// The server secret keys the hash of national identity numbers. In production it comes from
// TRYGG_SECRET; an embedded install makes one on first start and keeps it in the data dir.
import { createHmac, randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import type { Config } from "./config.ts";
import type { Db } from "./db/database.ts";

export function resolveSecret(config: Config): string {
  if (config.secret) return config.secret;
  if (config.database.engine !== "pglite") {
    throw new Error("TRYGG_SECRET must be set when running on PostgreSQL");
  }
  const file = path.join(config.dataDir, "secret");
  if (fs.existsSync(file)) return fs.readFileSync(file, "utf8").trim();
  fs.mkdirSync(config.dataDir, { recursive: true });
  const secret = randomBytes(32).toString("base64url");
  fs.writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

/** `app_meta` key holding a fingerprint of the secret the data was made with. */
export const SECRET_FINGERPRINT_KEY = "secret.fingerprint";

/** A one-way fingerprint: proves which secret made the data without storing the secret. */
export function secretFingerprint(secret: string): string {
  return createHmac("sha256", secret)
    .update("trygg secret fingerprint v1")
    .digest("hex")
    .slice(0, 16);
}

export class SecretMismatchError extends Error {
  constructor() {
    super(
      "TRYGG_SECRET does not match the secret this database was made with. National identity " +
        "numbers and anonymous receipt codes are keyed with it, so Trygg will not start with " +
        "another one. Set TRYGG_SECRET to the original secret (an embedded install keeps it in " +
        "the file `secret` in its data folder).",
    );
    this.name = "SecretMismatchError";
  }
}

/**
 * Remembers which secret the data was made with on first start, and refuses a different one
 * later (for example when moving from the embedded engine to PostgreSQL without carrying the
 * embedded secret over as TRYGG_SECRET).
 */
export async function checkSecretFingerprint(db: Db, secret: string): Promise<void> {
  const fingerprint = secretFingerprint(secret);
  const row = await db
    .selectFrom("app_meta")
    .select("value")
    .where("key", "=", SECRET_FINGERPRINT_KEY)
    .executeTakeFirst();
  if (!row) {
    await db
      .insertInto("app_meta")
      .values({ key: SECRET_FINGERPRINT_KEY, value: fingerprint })
      .onConflict((oc) => oc.column("key").doNothing())
      .execute();
    return;
  }
  if (row.value !== fingerprint) throw new SecretMismatchError();
}
