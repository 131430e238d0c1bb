// "Mine oppgaver": a staff member's tasks from the plan in force — overdue, this week, the
// next weeks, recently done. Marking a task done asks for a short note: it documents the
// school's duty to monitor and prevent. Also here: confirming the duty-to-act routine, and
// the personal calendar address.
import {
  Alert,
  Button,
  Card,
  Link as DsLink,
  Heading,
  Paragraph,
  Spinner,
  Tag,
  Textfield,
} from "@digdir/designsystemet-react";
import { type FormEvent, useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useAnnounce } from "../app/announcer.tsx";
import { api, isApiError } from "../app/api.ts";
import { useSession } from "../app/session.tsx";
import { Page } from "../ui/page.tsx";
import { DailyDutyCards } from "./duties.tsx";
import { currentPlanOf, fmtDate, useApiData, usePlanList } from "./shared.tsx";
import type { MyTask, MyTasks } from "./types.ts";

/** The template's rotation activities: their tasks are done in Grupper og klassekart. */
const ROTATION_ACTIVITIES = new Set(["prev-rotate-buddies", "prev-rotate-seating"]);

export function TasksPage() {
  const { t } = useTranslation("plans");
  const { activeSchool } = useSession();
  const tasks = useApiData<MyTasks>(
    activeSchool ? `/api/schools/${activeSchool.id}/plan-tasks/mine` : null,
  );
  if (!activeSchool) {
    return (
      <Page title={t("tasks.title")}>
        <Paragraph>{t("common.noSchool")}</Paragraph>
      </Page>
    );
  }
  const sections: { key: "overdue" | "thisWeek" | "upcoming" | "done"; items: MyTask[] }[] =
    tasks.state === "ready"
      ? [
          { key: "overdue", items: tasks.data.overdue },
          { key: "thisWeek", items: tasks.data.thisWeek },
          { key: "upcoming", items: tasks.data.upcoming },
          { key: "done", items: tasks.data.done },
        ]
      : [];
  return (
    <Page
      title={t("tasks.title")}
      lead={<Paragraph>{t("tasks.lead", { school: activeSchool.name })}</Paragraph>}
    >
      <RoutineCard schoolId={activeSchool.id} />
      <DailyDutyCards schoolId={activeSchool.id} />
      {tasks.state === "error" ? (
        <Alert data-color="danger">{tasks.message}</Alert>
      ) : tasks.state === "loading" ? (
        <Spinner aria-label={t("common.loading")} />
      ) : (
        sections.map(({ key, items }) => (
          <TaskSection
            key={key}
            kind={key}
            items={items}
            week={tasks.data.week}
            onChange={tasks.reload}
          />
        ))
      )}
      <CalendarFeedCard />
    </Page>
  );
}

function TaskSection({
  kind,
  items,
  week,
  onChange,
}: {
  kind: "overdue" | "thisWeek" | "upcoming" | "done";
  items: MyTask[];
  week: { from: string; to: string };
  onChange: () => void;
}) {
  const { t } = useTranslation("plans");
  const headingId = useId();
  const heading =
    kind === "thisWeek"
      ? t("tasks.sections.thisWeek", { from: fmtDate(week.from), to: fmtDate(week.to) })
      : t(`tasks.sections.${kind}`);
  return (
    <section aria-labelledby={headingId} className="plan-block">
      <Heading level={2} data-size="sm" id={headingId}>
        {heading} <span className="plan-count">({items.length})</span>
      </Heading>
      {items.length === 0 ? (
        <Paragraph data-size="sm">{t("tasks.none")}</Paragraph>
      ) : (
        <ul className="plan-tasks">
          {items.map((task) => (
            <TaskItem key={task.id} task={task} overdue={kind === "overdue"} onChange={onChange} />
          ))}
        </ul>
      )}
    </section>
  );
}

function TaskItem({
  task,
  overdue,
  onChange,
}: {
  task: MyTask;
  overdue: boolean;
  onChange: () => void;
}) {
  const { t } = useTranslation("plans");
  const announce = useAnnounce();
  const [open, setOpen] = useState(false);
  const [note, setNote] = useState(task.note ?? "");
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const noteId = useId();
  const titleId = useId();
  const done = task.status === "done";

  const save = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    try {
      await api.post(`/api/plan-tasks/${task.id}/complete`, { note });
      setOpen(false);
      setError(undefined);
      announce(t("tasks.savedDone"));
      onChange();
    } catch (err) {
      setError(isApiError(err) ? (err.fields?.[0]?.message ?? err.message) : t("common.failed"));
    } finally {
      setBusy(false);
    }
  };
  const reopen = async () => {
    setBusy(true);
    try {
      await api.post(`/api/plan-tasks/${task.id}/reopen`);
      announce(t("tasks.reopened"));
      onChange();
    } finally {
      setBusy(false);
    }
  };

  return (
    <li>
      <Card data-color={overdue ? "danger" : "neutral"} className="plan-task">
        <Heading level={3} data-size="2xs" id={titleId}>
          {task.kind === "checkIn" ? `${t("common.kind.checkIn")}: ` : ""}
          {task.description}
        </Heading>
        <Paragraph data-size="sm" className="plan-task__meta">
          {task.group ? <Tag data-color="brand1">{task.group.name}</Tag> : null}{" "}
          {done
            ? t("tasks.doneAt", { date: fmtDate(task.doneAt) })
            : t("tasks.due", { date: fmtDate(task.dueOn) })}
          {" · "}
          {task.deadlineText}
        </Paragraph>
        {ROTATION_ACTIVITIES.has(task.activityId) ? (
          <Paragraph data-size="sm">
            <Link to="/groups">{t("tasks.openGroups")}</Link>
          </Paragraph>
        ) : null}
        {done && task.note ? <Paragraph data-size="sm">{task.note}</Paragraph> : null}
        {open ? (
          <form onSubmit={save} noValidate className="plan-form">
            <Textfield
              id={noteId}
              label={t("tasks.noteLabel")}
              description={t("tasks.noteHelp")}
              multiline
              rows={3}
              value={note}
              onChange={(e) => setNote(e.target.value)}
              error={error}
              counter={2000}
            />
            <div className="form-actions">
              <Button type="submit" data-size="sm" aria-disabled={busy}>
                {t("tasks.save")}
              </Button>
              <Button variant="tertiary" data-size="sm" onClick={() => setOpen(false)}>
                {t("tasks.cancel")}
              </Button>
            </div>
          </form>
        ) : (
          <div className="form-actions">
            {done ? (
              <>
                <Button
                  variant="secondary"
                  data-size="sm"
                  onClick={() => setOpen(true)}
                  aria-describedby={titleId}
                >
                  {t("tasks.editNote")}
                </Button>
                <Button
                  variant="tertiary"
                  data-size="sm"
                  onClick={reopen}
                  aria-describedby={titleId}
                >
                  {t("tasks.reopen")}
                </Button>
              </>
            ) : (
              <Button data-size="sm" onClick={() => setOpen(true)} aria-describedby={titleId}>
                {t("tasks.markDone")}
              </Button>
            )}
          </div>
        )}
      </Card>
    </li>
  );
}

/** Staff confirm once a year that they have read the routine for the duty to act. */
function RoutineCard({ schoolId }: { schoolId: string }) {
  const { t } = useTranslation("plans");
  const announce = useAnnounce();
  const list = usePlanList();
  const current = list.state === "ready" ? currentPlanOf(list.data) : null;
  const mine = useApiData<{ confirmedAt: string | null }>(
    current ? `/api/schools/${schoolId}/plans/${current.id}/routine-confirmation` : null,
  );
  const [busy, setBusy] = useState(false);
  if (list.state === "ready" && !current) {
    return <Alert data-color="info">{t("common.noPublished")}</Alert>;
  }
  if (!current || mine.state !== "ready") return null;
  if (mine.data.confirmedAt) {
    return (
      <Paragraph data-size="sm" className="plan-block">
        {t("tasks.routine.confirmed", { date: fmtDate(mine.data.confirmedAt) })}
      </Paragraph>
    );
  }
  const confirm = async () => {
    setBusy(true);
    try {
      await api.post(`/api/schools/${schoolId}/plans/${current.id}/routine-confirmation`);
      announce(t("tasks.routine.thanks"));
      mine.reload();
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card data-color="warning" className="plan-card">
      <Heading level={2} data-size="xs">
        {t("tasks.routine.heading")}
      </Heading>
      <Paragraph data-size="sm">
        {t("tasks.routine.help", { year: current.schoolYearName })}
      </Paragraph>
      <div className="form-actions">
        <DsLink asChild>
          <Link to={`/plans/${current.id}`}>{t("tasks.routine.read")}</Link>
        </DsLink>
        <Button data-size="sm" onClick={confirm} aria-disabled={busy}>
          {t("tasks.routine.confirm")}
        </Button>
      </div>
    </Card>
  );
}

/** The personal calendar address: made on request, shown once, replaceable. */
function CalendarFeedCard() {
  const { t } = useTranslation("plans");
  const announce = useAnnounce();
  const status = useApiData<{ exists: boolean; createdAt: string | null }>("/api/me/plan-calendar");
  const [url, setUrl] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const make = async () => {
    setBusy(true);
    try {
      const res = await api.post<{ url: string }>("/api/me/plan-calendar");
      setUrl(res.url);
      announce(t("tasks.calendar.made"));
      status.reload();
    } finally {
      setBusy(false);
    }
  };
  const remove = async () => {
    setBusy(true);
    try {
      await api.delete("/api/me/plan-calendar");
      setUrl(null);
      announce(t("tasks.calendar.removed"));
      status.reload();
    } finally {
      setBusy(false);
    }
  };
  if (status.state !== "ready") return null;
  return (
    <Card data-color="neutral" className="plan-card">
      <Heading level={2} data-size="xs">
        {t("tasks.calendar.heading")}
      </Heading>
      <Paragraph data-size="sm">{t("tasks.calendar.help")}</Paragraph>
      {url ? (
        <Textfield
          label={t("tasks.calendar.address")}
          description={t("tasks.calendar.copyHelp")}
          value={url}
          readOnly
          data-size="sm"
          onFocus={(e) => e.currentTarget.select()}
        />
      ) : status.data.exists ? (
        <Paragraph data-size="sm">
          {t("tasks.calendar.exists", { date: fmtDate(status.data.createdAt) })}
        </Paragraph>
      ) : null}
      <div className="form-actions">
        <Button variant="secondary" data-size="sm" onClick={make} aria-disabled={busy}>
          {status.data.exists ? t("tasks.calendar.rotate") : t("tasks.calendar.create")}
        </Button>
        {status.data.exists ? (
          <Button
            variant="tertiary"
            data-color="danger"
            data-size="sm"
            onClick={remove}
            aria-disabled={busy}
          >
            {t("tasks.calendar.remove")}
          </Button>
        ) : null}
      </div>
    </Card>
  );
}
