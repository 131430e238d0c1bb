// The public plan's words in the reader's language, shared by the HTML page and the PDF:
// responsibles as role names (never people), activities grouped into the seed plan's table
// rows, dates as Norwegians write them.
import type { PlanActivity, PlanPart, Responsible } from "../../core/plans/types.ts";
import type { Lang } from "../../i18n/lang.ts";
import { plans } from "../../i18n/web/plans.ts";
import { roles } from "../../i18n/web/roles.ts";

export type PlanTexts = (typeof plans)["nb"];

export function textsFor(lang: Lang): { plan: PlanTexts; roleName: (role: string) => string } {
  const names = roles[lang].name as Record<string, string>;
  return { plan: plans[lang], roleName: (role) => names[role] ?? role };
}

export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (_m, key: string) => String(values[key] ?? ""));
}

/** "Kontaktlærer", "Elevtjenesten", "i samarbeid med Skolehelsetjenesten". */
export function responsibleText(r: Responsible, lang: Lang): string {
  const { plan, roleName } = textsFor(lang);
  let name: string;
  if (r.label !== undefined) name = r.label;
  else if (r.kind === "role") name = roleName(r.role);
  else if (r.kind === "roleGroup") name = plan.responsible.roleGroup[r.group];
  else if (r.kind === "everyone") name = plan.responsible.everyone[r.who];
  else name = r.label;
  return r.cooperating === true ? fill(plan.responsible.cooperating, { who: name }) : name;
}

export interface PlanRowGroup {
  section: string | undefined;
  activities: PlanActivity[];
}

/** Activities that share `tableRow` print as one row; `section` starts a sub-heading. */
export function tableRows(part: PlanPart): PlanRowGroup[] {
  const rows: PlanRowGroup[] = [];
  const byKey = new Map<string, PlanRowGroup>();
  for (const activity of part.activities) {
    const existing = activity.tableRow === undefined ? undefined : byKey.get(activity.tableRow);
    if (existing) {
      existing.activities.push(activity);
      continue;
    }
    const row: PlanRowGroup = { section: activity.section, activities: [activity] };
    rows.push(row);
    if (activity.tableRow !== undefined) byKey.set(activity.tableRow, row);
  }
  return rows;
}

const LOCALES: Record<Lang, string> = { nb: "nb-NO", nn: "nn-NO", en: "en-GB" };

export function formatDate(iso: string, lang: Lang): string {
  const [y, m, d] = iso.split("-").map(Number);
  if (!y || !m || !d) return iso;
  return new Intl.DateTimeFormat(LOCALES[lang], {
    day: "numeric",
    month: "long",
    year: "numeric",
    timeZone: "UTC",
  }).format(new Date(Date.UTC(y, m - 1, d)));
}
