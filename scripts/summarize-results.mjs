// Adds up the test counts of every runner into one closing line: "N passed, N failed".
import fs from "node:fs";
import path from "node:path";

const dir = process.argv[2] ?? ".tmp/results";
let passed = 0;
let failed = 0;
let skipped = 0;
for (const name of fs.existsSync(dir) ? fs.readdirSync(dir) : []) {
  if (!name.endsWith(".json")) continue;
  const data = JSON.parse(fs.readFileSync(path.join(dir, name), "utf8"));
  if (name.startsWith("vitest")) {
    // A test file that fails to load has no tests of its own: count the file as one failure,
    // or the closing line would say "0 failed" while the run exits 1.
    const unloaded = (data.testResults ?? []).filter(
      (r) => r.status === "failed" && (r.assertionResults ?? []).length === 0,
    );
    const failedHere = (data.numFailedTests ?? 0) + unloaded.length;
    passed += data.numPassedTests ?? 0;
    failed += failedHere;
    skipped += (data.numPendingTests ?? 0) + (data.numTodoTests ?? 0);
    console.log(`${name}: ${data.numPassedTests} passed, ${failedHere} failed`);
    for (const r of unloaded)
      console.log(`  failed to load: ${path.relative(process.cwd(), r.name)}`);
  } else if (name.startsWith("playwright")) {
    const s = data.stats ?? {};
    passed += (s.expected ?? 0) + (s.flaky ?? 0);
    failed += s.unexpected ?? 0;
    skipped += s.skipped ?? 0;
    console.log(`${name}: ${s.expected ?? 0} passed, ${s.unexpected ?? 0} failed`);
  }
}
console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failed > 0 ? 1 : 0);
