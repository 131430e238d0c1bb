// The default template must hold every activity of the real seed plan. The seed's tables
// are parsed here and compared with the template row by row, so an activity, a method, a
// responsible or a deadline cannot be dropped (or invented) without this test failing.
//
// The seed lives in the shared folder next to the repository (../shared/seed); set
// TRYGG_SEED_PLAN to point elsewhere. Without it the test fails in CI and is skipped locally.

import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { parsePlanTemplate } from "./template.ts";
import type {
  PlanActivity,
  PlanPartId,
  PlanTemplate,
  Responsible,
  TimingRuleKind,
} from "./types.ts";

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, "../../..");
const seedPath =
  process.env.TRYGG_SEED_PLAN ??
  path.resolve(repoRoot, "../shared/seed/handlingsplan-trygt-skolemiljo.md");
const templatePath = path.resolve(
  repoRoot,
  "templates/action-plans/trygt-skolemiljo-akershus-vgs.nb.json",
);

// ------------------------------------------------------------------ seed parsing

interface SeedRow {
  part: number;
  activity: string;
  responsible: string;
  method: string;
  deadline: string;
}

function stripMarkup(text: string): string {
  return text
    .replace(/<[^>]*>/g, " ")
    .replace(/\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/\s+/g, " ")
    .trim();
}

/** The seed's tables: tab-separated rows under "Del N" headings; continuation rows merged. */
function parseSeed(markdown: string): { rows: SeedRow[]; part4Links: string[] } {
  const rows: SeedRow[] = [];
  const part4Links: string[] = [];
  let part = 0;
  for (const line of markdown.split("\n")) {
    const heading = /^#+\s.*\bDel (\d)\b/.exec(line);
    if (heading) {
      part = Number(heading[1]);
      continue;
    }
    if (part === 4) {
      for (const match of line.matchAll(/\[([^\]]+)\]\(/g)) part4Links.push(match[1] ?? "");
    }
    if (!line.includes("\t")) continue;
    const cells = line.split("\t").map((cell) => cell.trim());
    if (cells[0] === "Aktivitet") continue;
    if (cells.every((cell) => /^-*$/.test(cell))) continue;
    const [activity = "", responsible = "", method = "", deadline = ""] = cells;
    if (activity === "") {
      // A row broken over two lines by the page layout: glue each cell to the row above.
      const previous = rows[rows.length - 1];
      if (previous === undefined) throw new Error(`continuation without a row: ${line}`);
      previous.responsible += ` ${responsible}`;
      previous.method += ` ${method}`;
      previous.deadline += ` ${deadline}`;
      continue;
    }
    rows.push({ part, activity, responsible, method, deadline });
  }
  return { rows, part4Links };
}

/** Words, lower-case, without punctuation, list markers or markup. */
function words(text: string): string[] {
  return stripMarkup(text)
    .normalize("NFC")
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word !== "");
}

function sortedWords(texts: readonly string[]): string[] {
  return texts.flatMap(words).sort();
}

function wordSet(texts: readonly string[]): string[] {
  return [...new Set(texts.flatMap(words))].sort();
}

// How the seed's "Ansvar" phrases map to responsibles. Longest phrases first, so
// "Elevrådsstyret" is not read as "Elevrådsstyre" + "t".
const SEED_RESPONSIBLES: Array<[string, string]> = [
  ["Alle som arbeider ved skolen og som oppdager eller får mistanke", "everyone:staff"],
  ["Alle som arbeider på skolen.", "everyone:staff"],
  ["Alle som arbeider på skolen", "everyone:staff"],
  ["Alle elever og ansatte", "everyone:staffAndPupils"],
  ["Administrativ leder", "role:adminLeader"],
  ["Adm.leder", "role:adminLeader"],
  ["Eleverådsstyret", "role:pupilCouncil"],
  ["Elevrådsstyret", "role:pupilCouncil"],
  ["Elevrådsstyre", "role:pupilCouncil"],
  ["elevråd", "role:pupilCouncil"],
  ["Kontaktlærer", "role:contactTeacher"],
  ["Faglærere", "role:subjectTeacher"],
  ["Faglærer", "role:subjectTeacher"],
  ["Elevtjentesten", "roleGroup:pupilServices"],
  ["Elevtillitsvalgt", "other:Elevtillitsvalgt"],
  ["Trinnansvarlig", "role:gradeLeader"],
  ["Rådgiver", "role:counsellor"],
  ["Øvrig ledelse", "roleGroup:otherLeadership"],
  ["Miljøarbeider", "role:socialWorker"],
  ["Vaktmester", "role:caretaker"],
  ["Komiteledere", "other:Komiteledere"],
  ["komiteledere", "other:Komiteledere"],
  ["Avd.ledere", "role:departmentHead"],
  ["Lærere", "everyone:teachers"],
  ["Elever", "everyone:pupils"],
  ["Russestyret", "other:Russestyret"],
  ["Bibliotekar", "role:librarian"],
  ["Helse- sykepleier", "role:schoolNurse"],
  ["Skolehelse- tjeneste", "role:schoolNurse"],
  ["MOT- koordinator", "other:MOT-koordinator"],
  ["MOT-coacher", "other:MOT-coacher"],
  ["Rektor", "role:principal"],
  // Connectors, not parties.
  ["i samarbeid med:", ""],
  ["i samarbeid med", ""],
  [",", ""],
];

function seedResponsibles(cell: string): string[] {
  let rest = stripMarkup(cell);
  const keys = new Set<string>();
  while (rest !== "") {
    const match = SEED_RESPONSIBLES.find(([phrase]) => rest.startsWith(phrase));
    if (match === undefined) throw new Error(`unmapped responsible in the seed: "${rest}"`);
    if (match[1] !== "") keys.add(match[1]);
    rest = rest.slice(match[0].length).trim();
  }
  return [...keys].sort();
}

function responsibleKey(party: Responsible): string {
  switch (party.kind) {
    case "role":
      return `role:${party.role}`;
    case "roleGroup":
      return `roleGroup:${party.group}`;
    case "everyone":
      return `everyone:${party.who}`;
    case "other":
      return `other:${party.label}`;
  }
}

// ------------------------------------------------------------------ template rows

const PART_NUMBER: Record<PlanPartId, number> = {
  information: 1,
  prevention: 2,
  dutyToAct: 3,
  resources: 4,
};

interface TemplateRow {
  part: number;
  activities: PlanActivity[];
}

/** Activities grouped by `tableRow` (consecutive), in plan order. */
function templateRows(template: PlanTemplate): TemplateRow[] {
  const rows: TemplateRow[] = [];
  for (const part of template.content.parts) {
    let current: { key: string; row: TemplateRow } | undefined;
    for (const activity of part.activities) {
      const key = activity.tableRow ?? activity.id;
      if (current?.key === key) {
        current.row.activities.push(activity);
      } else {
        current = { key, row: { part: PART_NUMBER[part.id], activities: [activity] } };
        rows.push(current.row);
      }
    }
  }
  return rows;
}

// Which timing rules may stand for which wording of the "Frist" column.
const DEADLINE_KINDS: Array<[RegExp, TimingRuleKind[]]> = [
  [/^(umiddelbart|straks|snarest|ved skolestart)/i, ["caseRoutine"]],
  [/planleggingsdagene|^før skolestart|^før elevenes første time/i, ["beforeSchoolStarts"]],
  [/^første skoleuke/i, ["firstSchoolWeek"]],
  // "Oktober" for World Mental Health Day is the day itself (10 October): byDate.
  [/august|september|oktober|november/i, ["month", "byDate"]],
  [/^ukentlig/i, ["weekly"]],
  [/tredje eller fjerde uke/i, ["everyNWeeks", "relative"]],
  [/ganger i løpet av skoleåret|årlig opplæring/i, ["timesPerYear"]],
  [/^fortløpende|^i henhold til årsplan/i, ["continuous", "caseRoutine"]],
];

// ------------------------------------------------------------------ tests

const seedExists = fs.existsSync(seedPath);
if (!seedExists && process.env.CI) {
  throw new Error(`The seed plan is missing at ${seedPath}; CI must check the template against it`);
}

describe.skipIf(!seedExists)("default template vs the seed plan", () => {
  const seed = seedExists
    ? parseSeed(fs.readFileSync(seedPath, "utf8"))
    : { rows: [], part4Links: [] };
  const parsed = parsePlanTemplate(JSON.parse(fs.readFileSync(templatePath, "utf8")));
  if (!parsed.ok) throw new Error(`template invalid: ${JSON.stringify(parsed.error, null, 2)}`);
  const template = parsed.value;
  const rows = templateRows(template);

  it("parses the seed's tables (6 + 22 + 12 rows)", () => {
    const perPart = [1, 2, 3].map((part) => seed.rows.filter((row) => row.part === part).length);
    expect(perPart).toEqual([6, 22, 12]);
  });

  it("has one template row per seed row, part by part, in order", () => {
    expect(rows.map((row) => row.part)).toEqual(seed.rows.map((row) => row.part));
  });

  describe.each(
    seed.rows.map((row, index) => ({
      index,
      name: words(row.activity).slice(0, 6).join(" "),
      row,
    })),
  )("seed row $index: $name", ({ index, row }) => {
    const templateRow = rows[index];

    it("keeps the activity text (description and details)", () => {
      expect(templateRow).toBeDefined();
      for (const activity of templateRow?.activities ?? []) {
        expect(sortedWords([activity.description, ...activity.details])).toEqual(
          sortedWords([row.activity]),
        );
      }
    });

    it("keeps every responsible", () => {
      const keys = new Set(
        (templateRow?.activities ?? []).flatMap((activity) =>
          activity.responsible.map(responsibleKey),
        ),
      );
      expect([...keys].sort()).toEqual(seedResponsibles(row.responsible));
    });

    it("keeps every method, word for word", () => {
      expect(sortedWords((templateRow?.activities ?? []).flatMap((a) => a.methods))).toEqual(
        sortedWords([row.method]),
      );
    });

    it("keeps the deadline wording", () => {
      expect(wordSet((templateRow?.activities ?? []).map((a) => a.deadlineText))).toEqual(
        wordSet([row.deadline]),
      );
    });

    it("gives each activity a timing rule that fits its deadline wording", () => {
      for (const activity of templateRow?.activities ?? []) {
        const rule = DEADLINE_KINDS.find(([pattern]) => pattern.test(activity.deadlineText));
        expect(rule, `no mapping for "${activity.deadlineText}"`).toBeDefined();
        expect(rule?.[1]).toContain(activity.timing.kind);
      }
    });
  });

  it("part 3 is the duty-to-act routine: every activity is a case-routine step", () => {
    const part3 = template.content.parts.find((part) => part.id === "dutyToAct");
    expect(part3?.activities.length).toBe(12);
    for (const activity of part3?.activities ?? []) {
      expect(activity.timing.kind).toBe("caseRoutine");
    }
  });

  it("part 4 keeps the national resources", () => {
    expect(seed.part4Links.length).toBeGreaterThan(0);
    const part4 = template.content.parts.find((part) => part.id === "resources");
    const labels = (part4?.links ?? []).map((link) => sortedWords([link.label]).join(" "));
    for (const label of seed.part4Links) {
      expect(labels).toContain(sortedWords([label]).join(" "));
    }
    expect(part4?.links.every((link) => link.url?.startsWith("https://"))).toBe(true);
  });
});
