// "Needs your attention" on the home page: what a person must act on today, before the
// shortcuts. The principal sees the open cases with overdue and unacknowledged steps first
// (late steps are what Statsforvalteren finds most often); every staff member sees their
// action-plan tasks for this week. Each panel shows only what the person may open anyway.
import { Card, Link as DsLink, Heading, Paragraph, Tag } from "@digdir/designsystemet-react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { authorize } from "../../core/access/policy.ts";
import { useApiData } from "../admin/shared.tsx";
import type { AuthenticatedSession } from "../app/session.tsx";
import { useCasesT } from "../cases/shared.tsx";
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

function CasesPanel({ schoolId }: { schoolId: string }) {
  const { t } = useTranslation("home");
  const tc = useCasesT();
  const data = useApiData<{ items: CaseItem[] }>(`/api/schools/${schoolId}/cases?status=open`);
  const items = data.state === "ready" ? data.data.items : [];
  const overdue = items.filter((c) => c.nextStep?.overdue).length;
  const unacknowledged = items.filter((c) => c.status === "reported").length;
  const next = [...items]
    .filter((c) => c.nextStep)
    .sort((a, b) => ((a.nextStep?.dueOn ?? "") < (b.nextStep?.dueOn ?? "") ? -1 : 1))
    .slice(0, SHOWN);
  return (
    <li>
      <Card data-color="neutral" className="attention">
        <Heading level={3} data-size="xs">
          {t("attention.cases.heading")}
        </Heading>
        {data.state === "loading" ? (
          <Paragraph data-size="sm">{t("attention.loading")}</Paragraph>
        ) : null}
        {data.state === "error" ? <Paragraph data-size="sm">{data.message}</Paragraph> : null}
        {data.state === "ready" ? (
          <>
            <Paragraph data-size="sm">
              {items.length === 0
                ? t("attention.cases.none")
                : t("attention.cases.open", { count: items.length })}
            </Paragraph>
            {overdue > 0 || unacknowledged > 0 ? (
              <ul className="tag-list">
                {overdue > 0 ? (
                  <li>
                    <Tag data-color="danger">
                      {t("attention.cases.overdue", { count: overdue })}
                    </Tag>
                  </li>
                ) : null}
                {unacknowledged > 0 ? (
                  <li>
                    <Tag data-color="warning">
                      {t("attention.cases.unacknowledged", { count: unacknowledged })}
                    </Tag>
                  </li>
                ) : null}
              </ul>
            ) : null}
            {next.length > 0 ? (
              <ul className="attention__list">
                {next.map((c) => (
                  <li key={c.id}>
                    <Link to={`/cases/${c.id}`}>
                      {c.pupils.map((p) => p.name).join(", ") || tc("list.anonymousPupil")}
                    </Link>
                    <span className="attention__meta">
                      {c.nextStep
                        ? `${tc(`step.${c.nextStep.kind}`)} – ${formatDate(c.nextStep.dueOn)}`
                        : ""}
                      {c.nextStep?.overdue ? ` (${tc("list.overdue")})` : ""}
                    </span>
                  </li>
                ))}
              </ul>
            ) : null}
            <DsLink asChild>
              <Link to="/cases">{t("attention.cases.all")}</Link>
            </DsLink>
          </>
        ) : null}
      </Card>
    </li>
  );
}

function TasksPanel({ schoolId }: { schoolId: string }) {
  const { t } = useTranslation("home");
  const data = useApiData<MyTasks>(`/api/schools/${schoolId}/plan-tasks/mine`);
  const overdue = data.state === "ready" ? data.data.overdue : [];
  const week = data.state === "ready" ? data.data.thisWeek : [];
  const shown = [...overdue, ...week].slice(0, SHOWN);
  return (
    <li>
      <Card data-color="neutral" className="attention">
        <Heading level={3} data-size="xs">
          {t("attention.tasks.heading")}
        </Heading>
        {data.state === "loading" ? (
          <Paragraph data-size="sm">{t("attention.loading")}</Paragraph>
        ) : null}
        {data.state === "error" ? <Paragraph data-size="sm">{data.message}</Paragraph> : null}
        {data.state === "ready" ? (
          <>
            <Paragraph data-size="sm">
              {week.length === 0 && overdue.length === 0
                ? t("attention.tasks.none")
                : t("attention.tasks.thisWeek", { count: week.length })}
            </Paragraph>
            {overdue.length > 0 ? (
              <ul className="tag-list">
                <li>
                  <Tag data-color="danger">
                    {t("attention.tasks.overdue", { count: overdue.length })}
                  </Tag>
                </li>
              </ul>
            ) : null}
            {shown.length > 0 ? (
              <ul className="attention__list">
                {shown.map((task) => (
                  <li key={task.id}>
                    <span>{task.description}</span>
                    <span className="attention__meta">
                      {task.group ? `${task.group.name} – ` : ""}
                      {formatDate(task.dueOn)}
                    </span>
                  </li>
                ))}
              </ul>
            ) : null}
            <DsLink asChild>
              <Link to="/tasks">{t("attention.tasks.all")}</Link>
            </DsLink>
          </>
        ) : null}
      </Card>
    </li>
  );
}
