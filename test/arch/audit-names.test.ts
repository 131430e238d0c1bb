// Every action the server writes to the audit log has a name on the audit-log page, so a
// principal reading the log sees "Sak åpnet", not "case.read". The actions are collected from
// the source: literal `action: "…"` in audit inputs, the case event types and the plan edits.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { CASE_EVENT_TYPES } from "../../src/core/cases/effects.ts";
import { en, nb, nn } from "../../src/i18n/web/audit.ts";

const PLAN_EDIT_KINDS = ["replaceContent", "saveActivity", "addActivity", "removeActivity"];

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return entry.name.endsWith(".ts") && !entry.name.endsWith(".test.ts") ? [full] : [];
  });
}

/** Literal audit actions; route access rules (`config: { access: { action } }`) are skipped. */
function literalAuditActions(): Set<string> {
  const actions = new Set<string>();
  for (const file of sourceFiles("src/server")) {
    const lines = fs.readFileSync(file, "utf8").split("\n");
    lines.forEach((line, i) => {
      const match = line.match(/\baction: "([a-zA-Z]+(?:\.[a-zA-Z]+)+)"/);
      if (!match?.[1]) return;
      const context = lines.slice(Math.max(0, i - 2), i + 1).join(" ");
      if (/access|config|as const/.test(context)) return;
      actions.add(match[1]);
    });
  }
  return actions;
}

function nameOf(catalogue: { actions: unknown }, action: string): unknown {
  return action
    .split(".")
    .reduce<unknown>(
      (node, key) =>
        node && typeof node === "object" ? (node as Record<string, unknown>)[key] : undefined,
      catalogue.actions,
    );
}

const actions = [
  ...literalAuditActions(),
  ...CASE_EVENT_TYPES,
  ...PLAN_EDIT_KINDS.map((kind) => `plan.${kind}`),
].sort();

describe("audit action names", () => {
  it("finds the audit actions in the source", () => {
    expect(actions).toContain("case.read");
    expect(actions).toContain("auth.login");
    expect(actions).not.toContain("session.use");
  });

  it.each(actions)("%s has a name in bokmål, nynorsk and English", (action) => {
    for (const catalogue of [nb, nn, en]) {
      expect(typeof nameOf(catalogue, action), action).toBe("string");
    }
  });
});
