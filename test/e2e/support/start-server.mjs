// Starts Trygg for the browser tests: builds the web, gives the server a fresh data directory
// (deleted before and after, so every run starts from the seeded demo school) with two local
// accounts, and stops the server when Playwright says so.
import { spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");
const dataDir = path.join(root, ".tmp", `e2e-data-${randomBytes(4).toString("hex")}`);

if (process.env.TRYGG_E2E_SKIP_BUILD !== "1") {
  const build = spawnSync("npx", ["vite", "build", "--logLevel", "warn"], {
    cwd: root,
    stdio: ["ignore", "ignore", "inherit"],
  });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

fs.rmSync(dataDir, { recursive: true, force: true });
const env = { ...process.env, TRYGG_DATA_DIR: dataDir };

// Local accounts (no roles) for the username/password test and the two-step login test (one
// per browser project, since each turns its second factor on); the names and the password are
// in support/fixtures.ts.
for (const [username, given] of [
  ["e2e.local", "Lokal"],
  ["e2e.totp", "Kode"],
  ["e2e.totp.phone", "Kode"],
]) {
  const add = spawnSync(
    process.execPath,
    [
      "bin/trygg.mjs",
      "users",
      "add",
      "--username",
      username,
      "--given",
      given,
      "--family",
      "Testbruker",
      "--password",
      "e2e-passord-som-er-langt",
    ],
    { cwd: root, env, stdio: ["ignore", "ignore", "inherit"] },
  );
  if (add.status !== 0) process.exit(add.status ?? 1);
}

const server = spawn(process.execPath, ["bin/trygg.mjs", "start"], {
  cwd: root,
  stdio: ["ignore", "inherit", "inherit"],
  env,
});

let stopping = false;
const cleanUp = () => fs.rmSync(dataDir, { recursive: true, force: true });
const stop = () => {
  if (stopping) return;
  stopping = true;
  server.kill("SIGTERM");
};
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
server.on("exit", (code) => {
  cleanUp();
  process.exit(stopping ? 0 : (code ?? 1));
});
