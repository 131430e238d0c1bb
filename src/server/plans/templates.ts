// The action-plan templates a school can start from: every `templates/action-plans/*.json`,
// parsed and validated by the core. A file that does not parse is left out of the list (and
// logged once by the caller's test suite, which parses every template).
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parsePlanTemplate } from "../../core/plans/template.ts";
import type { PlanTemplate } from "../../core/plans/types.ts";

export const TEMPLATES_DIR = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  "../../../templates/action-plans",
);

let cache: { dir: string; templates: PlanTemplate[] } | null = null;

/** Every valid template, sorted by id. Read once per process: templates ship with Trygg. */
export function listTemplates(dir = TEMPLATES_DIR): PlanTemplate[] {
  if (cache && cache.dir === dir) return cache.templates;
  const templates: PlanTemplate[] = [];
  const files = fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.endsWith(".json")) : [];
  for (const file of files.sort()) {
    let json: unknown;
    try {
      json = JSON.parse(fs.readFileSync(path.join(dir, file), "utf8"));
    } catch {
      continue;
    }
    const parsed = parsePlanTemplate(json);
    if (parsed.ok) templates.push(parsed.value);
  }
  templates.sort((a, b) => a.id.localeCompare(b.id));
  cache = { dir, templates };
  return templates;
}

export function findTemplate(id: string): PlanTemplate | undefined {
  return listTemplates().find((t) => t.id === id);
}
