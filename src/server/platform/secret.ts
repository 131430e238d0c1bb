// The server secret keys the hash of national identity numbers. In production it comes from
// TRYGG_SECRET; an embedded install makes one on first start and keeps it in the data dir.
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import type { Config } from "./config.ts";

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
