// Writes docs/case-file.schema.v1.json from the zod schema in src/contract/case-file.ts.
// Run after changing the schema: `npx tsx scripts/write-case-file-schema.ts`
// (src/contract/case-file.test.ts fails while the two differ).
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { caseFileJsonSchema, caseFileSchemaText } from "../src/contract/case-file.ts";

const file = path.join(
  path.dirname(fileURLToPath(import.meta.url)),
  "..",
  "docs",
  "case-file.schema.v1.json",
);
fs.writeFileSync(file, caseFileSchemaText(caseFileJsonSchema()));
console.log(`wrote ${path.relative(process.cwd(), file)}`);
