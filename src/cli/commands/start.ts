// `trygg start`: serves the web app as built in dist/web and the API. The web is built once
// (`npm run build`), never at every start, so a second instance in the same folder never sees
// a half-written build. Outside production a missing or stale build is made here first, so
// `npm start` stays one command for a newcomer.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { PortInUseError, start, webDir } from "../../server/main.ts";
import { ConfigError, loadConfig } from "../../server/platform/config.ts";
import { DatabaseUnreachableError } from "../../server/platform/db/database.ts";
import { DataDirLockedError } from "../../server/platform/db/lock.ts";
import { SecretMismatchError } from "../../server/platform/secret.ts";

/** Errors whose message tells the operator what to do: printed alone, exit 1. */
const OPERATOR_ERRORS = [
  ConfigError,
  DataDirLockedError,
  PortInUseError,
  DatabaseUnreachableError,
  SecretMismatchError,
];
/** How long in-flight requests may take to finish after SIGTERM before the process exits. */
const DRAIN_MS = 10_000;

const repoRoot = path.resolve(webDir, "../..");
const webSources = [path.join(repoRoot, "src/web"), path.join(repoRoot, "src/i18n")];

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    newest = Math.max(newest, fs.statSync(path.join(entry.parentPath, entry.name)).mtimeMs);
  }
  return newest;
}

/** "missing", "stale" (sources newer than the build; only checked where sources exist) or "ok". */
export function webBuildState(): "missing" | "stale" | "ok" {
  const index = path.join(webDir, "index.html");
  if (!fs.existsSync(index)) return "missing";
  const built = fs.statSync(index).mtimeMs;
  const sources = webSources.filter((d) => fs.existsSync(d));
  return sources.some((d) => newestMtime(d) > built) ? "stale" : "ok";
}

function ensureWebBuild(production: boolean): boolean {
  const state = webBuildState();
  if (state === "ok" || (state === "stale" && production)) return true;
  if (production) {
    console.error("The web app is not built. Run `npm run build` once after installing.");
    return false;
  }
  console.log(state === "missing" ? "Building the web app once…" : "Rebuilding the web app…");
  const build = spawnSync("npx", ["vite", "build", "--logLevel", "warn"], {
    cwd: repoRoot,
    stdio: ["ignore", "inherit", "inherit"],
  });
  return build.status === 0;
}

export default async function run(_argv: string[]): Promise<number> {
  try {
    const config = loadConfig();
    // Tests start the API alone; the server then serves no web app.
    if (config.env !== "test" && !ensureWebBuild(config.env === "production")) return 1;
    const running = await start(config);
    console.log(`Trygg is running on ${running.url}${running.config.demo ? " (demo mode)" : ""}`);
    const shutdown = () => {
      // A second signal, or requests that never finish, must not keep the process alive.
      setTimeout(() => process.exit(1), DRAIN_MS + 5_000).unref();
      running.stop(DRAIN_MS).then(
        () => process.exit(0),
        () => process.exit(1),
      );
    };
    process.once("SIGINT", shutdown);
    process.once("SIGTERM", shutdown);
    return 0;
  } catch (err) {
    if (OPERATOR_ERRORS.some((type) => err instanceof type)) {
      console.error((err as Error).message);
      return 1;
    }
    throw err;
  }
}
