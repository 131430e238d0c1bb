import { start } from "../../server/main.ts";
import { ConfigError, loadConfig } from "../../server/platform/config.ts";
import { DataDirLockedError } from "../../server/platform/db/lock.ts";

export default async function run(_argv: string[]): Promise<number> {
  try {
    const running = await start(loadConfig());
    console.log(`Trygg is running on ${running.url}${running.config.demo ? " (demo mode)" : ""}`);
    const shutdown = () => {
      running.stop().then(
        () => process.exit(0),
        () => process.exit(1),
      );
    };
    process.once("SIGINT", shutdown);
    process.once("SIGTERM", shutdown);
    return 0;
  } catch (err) {
    if (err instanceof ConfigError || err instanceof DataDirLockedError) {
      console.error(err.message);
      return 1;
    }
    throw err;
  }
}
