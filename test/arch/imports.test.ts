// Dependencies point inward: core imports nothing of ours outside core and no framework;
// web never imports server; contract imports only core.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = path.resolve("src");

function sourceFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(p);
    return /\.(ts|tsx)$/.test(e.name) ? [p] : [];
  });
}

function importsOf(file: string): string[] {
  const text = fs.readFileSync(file, "utf8");
  const specs: string[] = [];
  for (const m of text.matchAll(
    /(?:import|export)\s[^'"]*?from\s+["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)/g,
  )) {
    const spec = m[1] ?? m[2];
    if (spec) specs.push(spec);
  }
  return specs;
}

function resolvedTopFolder(file: string, spec: string): string | null {
  if (!spec.startsWith(".")) return null;
  const target = path.resolve(path.dirname(file), spec);
  const rel = path.relative(root, target);
  return rel.startsWith("..") ? "outside-src" : (rel.split(path.sep)[0] ?? null);
}

const FORBIDDEN_IN_CORE = [
  "fastify",
  "kysely",
  "pg",
  "@electric-sql/pglite",
  "react",
  "pg-boss",
  "nodemailer",
];

describe("architecture: import direction", () => {
  it("src/core imports only src/core and no framework", () => {
    const bad: string[] = [];
    for (const file of sourceFiles(path.join(root, "core"))) {
      if (file.endsWith(".test.ts")) continue;
      for (const spec of importsOf(file)) {
        const top = resolvedTopFolder(file, spec);
        if (top !== null && top !== "core") bad.push(`${path.relative(root, file)} -> ${spec}`);
        if (top === null && FORBIDDEN_IN_CORE.some((p) => spec === p || spec.startsWith(`${p}/`))) {
          bad.push(`${path.relative(root, file)} -> ${spec}`);
        }
      }
    }
    expect(bad).toEqual([]);
  });

  it("src/web never imports src/server or src/cli", () => {
    const bad: string[] = [];
    for (const file of sourceFiles(path.join(root, "web"))) {
      for (const spec of importsOf(file)) {
        const top = resolvedTopFolder(file, spec);
        if (top === "server" || top === "cli") bad.push(`${path.relative(root, file)} -> ${spec}`);
      }
    }
    expect(bad).toEqual([]);
  });

  it("src/contract and src/i18n import only core, contract and i18n", () => {
    const bad: string[] = [];
    for (const dir of ["contract", "i18n"]) {
      for (const file of sourceFiles(path.join(root, dir))) {
        for (const spec of importsOf(file)) {
          const top = resolvedTopFolder(file, spec);
          if (top !== null && !["core", "contract", "i18n"].includes(top)) {
            bad.push(`${path.relative(root, file)} -> ${spec}`);
          }
        }
      }
    }
    expect(bad).toEqual([]);
  });
});
