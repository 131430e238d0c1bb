// ID-porten (guardians): the `pid` claim is the national identity number. Trygg keeps only a
// keyed HMAC of it (person.nin_hash), so the number is never stored, logged or compared in
// the clear, and a leaked table cannot be reversed by hashing all 11-digit numbers.
import { createHmac } from "node:crypto";
import type { Db } from "../../platform/db/database.ts";

const NIN = /^\d{11}$/;

export function isNin(value: unknown): value is string {
  return typeof value === "string" && NIN.test(value);
}

/**
 * The value stored in person.nin_hash: HMAC-SHA256 under the server secret
 * (`resolveSecret(config)`), hex. Importers and the CLI use this to store guardians' hashes.
 */
export function ninHash(secret: string, nin: string): string {
  if (!isNin(nin)) throw new Error("A national identity number has exactly 11 digits");
  return createHmac("sha256", secret).update(`trygg:nin:v1:${nin}`).digest("hex");
}

/** The identity number from ID-porten's claims, or null if absent or malformed. */
export function pidFromClaims(claims: Record<string, unknown>): string | null {
  const pid = claims.pid;
  return isNin(pid) ? pid : null;
}

export async function findPersonByNin(db: Db, secret: string, nin: string): Promise<string | null> {
  const row = await db
    .selectFrom("person")
    .select("id")
    .where("nin_hash", "=", ninHash(secret, nin))
    .executeTakeFirst();
  return row?.id ?? null;
}
