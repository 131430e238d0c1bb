// "Needs your attention" on the home page: what a person must act on today, before the
// shortcuts. The principal sees the open cases with overdue and unacknowledged steps first
// (late steps are what Statsforvalteren finds most often); every staff member sees their
// action-plan tasks for this week. Each panel shows only what the person may open anyway.
import { Card, Link as DsLink, Heading, Paragraph, Tag } from "@digdir/designsystemet-react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { authorize } from "../../core/access/policy.ts";
import type { AuthenticatedSession } from "../app/session.tsx";
import { useCasesT } from "../cases/shared.tsx";
import { useApiData } from "../ui/api-data.ts";
import { formatDate } from "../ui/format.ts";

interface CaseItem {
  id: string;
  pupils: { id: string; name: string }[];
  serious: boolean;
  status: string;
  nextStep: { kind: string; dueOn: string; overdue: boolean } | null;
}

interface TaskItem {
  id: string;
  description: string;
  dueOn: string;
  group: { name: string } | null;
}

interface MyTasks {
  overdue: TaskItem[];
  thisWeek: TaskItem[];
}

/** How many items each panel lists before "see all". */
const SHOWN = 3;

function allowed(
  user: AuthenticatedSession,
  schoolId: string,
  ownerId: string,
  action: "case.list" | "plan.read",
) {
  return authorize({ personId: user.person.id, grants: user.grants }, action, {
    type: "school",
    schoolId,
    ownerId,
  }).allow;
}

export function Attention({
  user,
  school,
}: {
  user: AuthenticatedSession;
  school: { id: string; ownerId: string };
}) {
  const { t } = useTranslation("home");
  const seesCases = allowed(user, school.id, school.ownerId, "case.list");
  const hasTasks = allowed(user, school.id, school.ownerId, "plan.read");
  if (!seesCases && !hasTasks) return null;
  return (
    <section aria-labelledby="home-attention" className="home-section">
      <Heading level={2} data-size="sm" id="home-attention">
        {t("attention.heading")}
      </Heading>
      <ul className="card-grid card-grid--wide">
        {seesCases ? <CasesPanel schoolId={school.id} /> : null}
        {hasTasks ? <TasksPanel schoolId={school.id} /> : null}
      </ul>
    </section>
  );
}

interface PanelLine {
  key: string;
  label: ReactNode;
  meta: string;
}

/** One card: heading, a sentence, warning tags, the first few items and a link to all. */
function Panel({
  heading,
  load,
  summary,
  warnings,
  lines,
  more,
}: {
  heading: string;
  load: { state: "loading" } | { state: "error"; message: string } | { state: "ready" };
  summary: string;
  warnings: { text: string; color: "danger" | "warning" }[];
  lines: PanelLine[];
  more: { to: string; text: string };
}) {
  const { t } = useTranslation("home");
  return (
    <li>
      <Card data-color="neutral" className="attention">
        <Heading level={3} data-size="xs">
          {heading}
        </Heading>
        {load.state === "loading" ? (
          <Paragraph data-size="sm">{t("attention.loading")}</Paragraph>
        ) : null}
        {load.state === "error" ? <Paragraph data-size="sm">{load.message}</Paragraph> : null}
        {load.state === "ready" ? (
          <>
            <Paragraph data-size="sm">{summary}</Paragraph>
            {warnings.length > 0 ? (
              <ul className="tag-list">
                {warnings.map((w) => (
                  <li key={w.text}>
                    <Tag data-color={w.color}>{w.text}</Tag>
                  </li>
                ))}
              </ul>
            ) : null}
            {lines.length > 0 ? (
              <ul className="attention__list">
                {lines.map((line) => (
                  <li key={line.key}>
                    {line.label}
                    <span className="attention__meta">{line.meta}</span>
                  </li>
                ))}
              </ul>
            ) : null}
            <DsLink asChild>
              <Link to={more.to}>{more.text}</Link>
            </DsLink>
          </>
        ) : null}
      </Card>
    </li>
  );
}

function CasesPanel({ schoolId }: { schoolId: string }) {
  const { t } = useTranslation("home");
  const tc = useCasesT();
  const data = useApiData<{ items: CaseItem[] }>(`/api/schools/${schoolId}/cases?status=open`);
  const items = data.state === "ready" ? data.data.items : [];
  const overdue = items.filter((c) => c.nextStep?.overdue).length;
  const unacknowledged = items.filter((c) => c.status === "reported").length;
  const next = items
    .flatMap((c) => (c.nextStep ? [{ ...c, step: c.nextStep }] : []))
    .sort((a, b) => (a.step.dueOn < b.step.dueOn ? -1 : a.step.dueOn > b.step.dueOn ? 1 : 0))
    .slice(0, SHOWN);
  return (
    <Panel
      heading={t("attention.cases.heading")}
      load={data}
      summary={
        items.length === 0
          ? t("attention.cases.none")
          : t("attention.cases.open", { count: items.length })
      }
      warnings={[
        ...(overdue > 0
          ? [{ text: t("attention.cases.overdue", { count: overdue }), color: "danger" as const }]
          : []),
        ...(unacknowledged > 0
          ? [
              {
                text: t("attention.cases.unacknowledged", { count: unacknowledged }),
                color: "warning" as const,
              },
            ]
          : []),
      ]}
      lines={next.map((c) => ({
        key: c.id,
        label: (
          <Link to={`/cases/${c.id}`}>
            {c.pupils.map((p) => p.name).join(", ") || tc("list.anonymousPupil")}
          </Link>
        ),
        meta: `${tc(`step.${c.step.kind}`)} – ${formatDate(c.step.dueOn)}${
          c.step.overdue ? ` (${tc("list.overdue")})` : ""
        }`,
      }))}
      more={{ to: "/cases", text: t("attention.cases.all") }}
    />
  );
}

function TasksPanel({ schoolId }: { schoolId: string }) {
  const { t } = useTranslation("home");
  const data = useApiData<MyTasks>(`/api/schools/${schoolId}/plan-tasks/mine`);
  const overdue = data.state === "ready" ? data.data.overdue : [];
  const week = data.state === "ready" ? data.data.thisWeek : [];
  return (
    <Panel
      heading={t("attention.tasks.heading")}
      load={data}
      summary={
        week.length === 0 && overdue.length === 0
          ? t("attention.tasks.none")
          : t("attention.tasks.thisWeek", { count: week.length })
      }
      warnings={
        overdue.length > 0
          ? [{ text: t("attention.tasks.overdue", { count: overdue.length }), color: "danger" }]
          : []
      }
      lines={[...overdue, ...week].slice(0, SHOWN).map((task) => ({
        key: task.id,
        label: <span>{task.description}</span>,
        meta: `${task.group ? `${task.group.name} – ` : ""}${formatDate(task.dueOn)}`,
      }))}
      more={{ to: "/tasks", text: t("attention.tasks.all") }}
    />
  );
}
