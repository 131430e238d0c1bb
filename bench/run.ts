// `npm run bench`: every benchmark, each printing its own table.
import fs from "node:fs";
import { printTable, runPlatformBench } from "./platform.ts";

printTable("Platform (embedded PGlite)", await runPlatformBench());

const optional: [string, string, string][] = [
  ["./groups.ts", "runGroupsBench", "Buddy-group solver"],
  ["./import.ts", "runImportBench", "Import"],
];
for (const [file, fn, title] of optional) {
  if (!fs.existsSync(new URL(file, import.meta.url))) continue;
  const mod = (await import(file)) as Record<string, () => Promise<unknown>>;
  const run = mod[fn];
  if (run) {
    console.log(`\n${title}`);
    await run();
  }
}
