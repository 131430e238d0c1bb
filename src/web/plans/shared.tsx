// Pieces the plan pages share: the plan in force, the plan content as readable tables (the
// public page and the version page print the same), role names, dates.
import { Link as DsLink, Heading, Paragraph, Table, Tag } from "@digdir/designsystemet-react";
import { type ReactNode, useId } from "react";
import { useTranslation } from "react-i18next";
import type {
  PlanActivity,
  PlanContent,
  PlanLink,
  PlanPart,
  Responsible,
} from "../../core/plans/types.ts";
import { currentLocale } from "../app/i18n.ts";
import { useSession } from "../app/session.tsx";
import { useApiData } from "../ui/api-data.ts";
import { formatIsoDate } from "../ui/format.ts";
import type { PlanList, PlanListItem, PlanStatus } from "./types.ts";

export { formatIsoDate, useApiData };

/** Today in Norway as YYYY-MM-DD (the browser may be anywhere; the plan is dated in Oslo). */
export function osloToday(): string {
  return new Intl.DateTimeFormat("en-CA", {
    timeZone: "Europe/Oslo",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).format(new Date());
}

export function fmtDate(iso: string | null | undefined): string {
  return iso ? formatIsoDate(iso.slice(0, 10), currentLocale()) : "";
}

/** The published version for the running school year, else the next, else the latest. */
export function currentPlanOf(list: PlanList, today = osloToday()): PlanListItem | null {
  const years = new Map(list.schoolYears.map((y) => [y.id, y]));
  const published = list.plans
    .filter((p) => p.status === "published")
    .sort((a, b) =>
      (years.get(a.schoolYearId)?.startsOn ?? "").localeCompare(
        years.get(b.schoolYearId)?.startsOn ?? "",
      ),
    );
  const inYear = published.find((p) => {
    const y = years.get(p.schoolYearId);
    return y !== undefined && y.startsOn <= today && today <= y.endsOn;
  });
  if (inYear) return inYear;
  const next = published.find((p) => (years.get(p.schoolYearId)?.startsOn ?? "") > today);
  return next ?? published[published.length - 1] ?? null;
}

/** The school's plan versions (null until an active school is chosen). */
export function usePlanList() {
  const { activeSchool } = useSession();
  return useApiData<PlanList>(activeSchool ? `/api/schools/${activeSchool.id}/plans` : null);
}

export function StatusTag({ status }: { status: PlanStatus }) {
  const { t } = useTranslation("plans");
  const color = status === "published" ? "success" : status === "draft" ? "warning" : "neutral";
  return <Tag data-color={color}>{t(`common.status.${status}`)}</Tag>;
}

export function useResponsibleText(): (r: Responsible) => string {
  const { t } = useTranslation("plans");
  const { t: tr } = useTranslation("roles");
  return (r) => {
    let name: string;
    if (r.label !== undefined) name = r.label;
    else if (r.kind === "role") name = tr(`name.${r.role}`);
    else if (r.kind === "roleGroup") name = t(`responsible.roleGroup.${r.group}`);
    else if (r.kind === "everyone") name = t(`responsible.everyone.${r.who}`);
    else name = r.label;
    return r.cooperating === true ? t("responsible.cooperating", { who: name }) : name;
  };
}

function Links({ links }: { links: readonly PlanLink[] }) {
  const { t } = useTranslation("plans");
  if (links.length === 0) return null;
  return (
    <ul className="plan-links">
      {links.map((link, i) =>
        link.url ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: links have no id and may repeat
          <li key={i}>
            <DsLink href={link.url}>{link.label}</DsLink>
          </li>
        ) : (
          // biome-ignore lint/suspicious/noArrayIndexKey: links have no id and may repeat
          <li key={i}>
            {link.label} <span className="plan-muted">{t("public.linkMissing")}</span>
          </li>
        ),
      )}
    </ul>
  );
}

function Lines({ items }: { items: readonly string[] }) {
  if (items.length === 0) return null;
  if (items.length === 1) return <>{items[0]}</>;
  return (
    <ul className="plan-lines">
      {items.map((item, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: plain text lines
        <li key={i}>{item}</li>
      ))}
    </ul>
  );
}

interface Row {
  section: string | undefined;
  activities: PlanActivity[];
}

/** Activities sharing `tableRow` print as one row, as in the school's printed plan. */
export function tableRows(part: PlanPart): Row[] {
  const rows: Row[] = [];
  const byKey = new Map<string, Row>();
  for (const activity of part.activities) {
    const existing = activity.tableRow === undefined ? undefined : byKey.get(activity.tableRow);
    if (existing) {
      existing.activities.push(activity);
      continue;
    }
    const row: Row = { section: activity.section, activities: [activity] };
    rows.push(row);
    if (activity.tableRow !== undefined) byKey.set(activity.tableRow, row);
  }
  return rows;
}

function PartTable({
  part,
  heading,
  rows,
  actions,
}: {
  part: PlanPart;
  heading: string | undefined;
  rows: Row[];
  actions?: (activity: PlanActivity) => ReactNode;
}) {
  const { t } = useTranslation("plans");
  const responsibleText = useResponsibleText();
  const captionId = useId();
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be focusable
    <section className="table-scroll" aria-labelledby={captionId} tabIndex={0}>
      <Table border data-size="sm" className="plan-table">
        <caption id={captionId}>{t("public.caption", { part: heading ?? part.title })}</caption>
        <Table.Head>
          <Table.Row>
            <Table.HeaderCell>{t("public.columns.activity")}</Table.HeaderCell>
            <Table.HeaderCell>{t("public.columns.responsible")}</Table.HeaderCell>
            <Table.HeaderCell>{t("public.columns.method")}</Table.HeaderCell>
            <Table.HeaderCell>{t("public.columns.deadline")}</Table.HeaderCell>
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {rows.map((row) => {
            const first = row.activities[0];
            if (!first) return null;
            const responsibles = [
              ...new Set(row.activities.flatMap((a) => a.responsible.map(responsibleText))),
            ];
            return (
              <Table.Row key={first.id}>
                <Table.Cell>
                  {first.description}
                  <Lines items={first.details} />
                  <Links links={row.activities.flatMap((a) => a.links)} />
                  {actions ? (
                    <div className="plan-row-actions">{row.activities.map((a) => actions(a))}</div>
                  ) : null}
                </Table.Cell>
                <Table.Cell>
                  <Lines items={responsibles} />
                </Table.Cell>
                <Table.Cell>
                  <Lines items={[...new Set(row.activities.flatMap((a) => a.methods))]} />
                </Table.Cell>
                <Table.Cell>
                  <Lines items={[...new Set(row.activities.map((a) => a.deadlineText))]} />
                </Table.Cell>
              </Table.Row>
            );
          })}
        </Table.Body>
      </Table>
    </section>
  );
}

/**
 * The plan content as headings, paragraphs and one table per part (per routine in part 3).
 * `headingLevel` is the level of the part headings; `actions` adds buttons per activity.
 */
export function PlanContentView({
  content,
  headingLevel = 2,
  actions,
  partActions,
}: {
  content: PlanContent;
  headingLevel?: 2 | 3;
  actions?: (activity: PlanActivity) => ReactNode;
  partActions?: (part: PlanPart) => ReactNode;
}) {
  const sub = (headingLevel + 1) as 3 | 4;
  return (
    <div className="plan-content">
      {content.sections.map((section) => (
        <section key={section.id} className="plan-section">
          <Heading level={headingLevel} data-size="sm">
            {section.heading}
          </Heading>
          {section.paragraphs.map((p, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: paragraphs of free text
            <Paragraph key={i}>{p}</Paragraph>
          ))}
          <Links links={section.links} />
        </section>
      ))}
      {content.parts.map((part) => {
        const blocks: { heading: string | undefined; rows: Row[] }[] = [];
        for (const row of tableRows(part)) {
          const last = blocks[blocks.length - 1];
          if (!last || (row.section !== undefined && row.section !== last.heading)) {
            blocks.push({ heading: row.section, rows: [row] });
          } else last.rows.push(row);
        }
        return (
          <section key={part.id} className="plan-section">
            <Heading level={headingLevel} data-size="sm">
              {part.title}
            </Heading>
            {part.intro.map((p, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: paragraphs of free text
              <Paragraph key={i}>{p}</Paragraph>
            ))}
            {blocks.map((block, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: blocks follow the part's order
              <div key={i}>
                {block.heading ? (
                  <Heading level={sub} data-size="xs">
                    {block.heading}
                  </Heading>
                ) : null}
                <PartTable
                  part={part}
                  heading={block.heading}
                  rows={block.rows}
                  actions={actions}
                />
              </div>
            ))}
            <Links links={part.links} />
            {partActions ? partActions(part) : null}
          </section>
        );
      })}
    </div>
  );
}

/** "12 %" in the UI language, or a dash when nothing is due yet. */
export function percent(value: number | null): string {
  if (value === null) return "–";
  return new Intl.NumberFormat(currentLocale(), {
    style: "percent",
    maximumFractionDigits: 0,
  }).format(value);
}
