// Starts Trygg for the browser tests: builds the web, gives the server a fresh data directory
// (deleted before and after, so every run starts from the seeded demo school), and stops the
// server when Playwright says so.
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
const server = spawn(process.execPath, ["bin/trygg.mjs", "start"], {
  cwd: root,
  stdio: ["ignore", "inherit", "inherit"],
  env: { ...process.env, TRYGG_DATA_DIR: dataDir },
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
