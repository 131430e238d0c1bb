// The ID token is kept with the session only to send it back as id_token_hint at logout. An
// ID-porten ID token carries the national identity number (`pid`), which Trygg never stores in
// the clear, so every stored ID token is sealed with AES-256-GCM under a key derived from the
// server secret: a database dump alone reveals nothing.
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";

const VERSION = "v1";
const INFO = "trygg:oidc:id-token:v1";

function keyFrom(secret: string): Buffer {
  return Buffer.from(hkdfSync("sha256", secret, Buffer.alloc(0), INFO, 32));
}

export function sealToken(secret: string, token: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", keyFrom(secret), iv);
  const body = Buffer.concat([cipher.update(token, "utf8"), cipher.final()]);
  const tag = cipher.getAuthTag();
  return [VERSION, iv, body, tag]
    .map((p) => (typeof p === "string" ? p : p.toString("base64url")))
    .join(".");
}

/** The token, or null if the value is not a sealed token of this secret. */
export function openToken(secret: string, sealed: string): string | null {
  const [version, iv, body, tag, ...rest] = sealed.split(".");
  if (version !== VERSION || !iv || !body || !tag || rest.length > 0) return null;
  try {
    const decipher = createDecipheriv("aes-256-gcm", keyFrom(secret), Buffer.from(iv, "base64url"));
    decipher.setAuthTag(Buffer.from(tag, "base64url"));
    return Buffer.concat([
      decipher.update(Buffer.from(body, "base64url")),
      decipher.final(),
    ]).toString("utf8");
  } catch {
    return null;
  }
}
