import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import {
  CASE_FILE_SCHEMA_ID,
  CASE_FILE_VERSION,
  CaseFileV1,
  caseFileJsonSchema,
  caseFileSchemaText,
} from "./case-file.ts";

const published = path.join(import.meta.dirname, "..", "..", "docs", "case-file.schema.v1.json");

describe("the published case-file schema", () => {
  it("is exactly what the zod schema generates (run scripts/write-case-file-schema.ts)", () => {
    expect(fs.readFileSync(published, "utf8")).toBe(caseFileSchemaText(caseFileJsonSchema()));
  });

  it("names itself and its version", () => {
    const schema = caseFileJsonSchema();
    expect(schema.$id).toBe(CASE_FILE_SCHEMA_ID);
    expect(CASE_FILE_SCHEMA_ID).toContain(`.v${CASE_FILE_VERSION}.json`);
    const props = schema.properties as Record<string, { const?: unknown }>;
    expect(props.version?.const).toBe(CASE_FILE_VERSION);
    expect(schema.additionalProperties).toBe(false);
  });

  it("refuses a document of another version or with unknown fields", () => {
    const minimal = { version: 2 };
    expect(CaseFileV1.safeParse(minimal).success).toBe(false);
  });
});
