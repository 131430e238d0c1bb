// The year wheel (årshjul): every date of the plan in the school year, as a timeline by
// month (a list, readable by anyone and any screen reader) and as a month calendar. For a
// draft it is a preview of its schedule; for the plan in force it shows how far each is.
import {
  Alert,
  Button,
  Link as DsLink,
  Field,
  Heading,
  Label,
  Paragraph,
  Select,
  Spinner,
  Table,
  Tabs,
  Tag,
} from "@digdir/designsystemet-react";
import { useId, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { PLAN_PART_IDS, type PlanPartId } from "../../core/plans/types.ts";
import { currentLocale } from "../app/i18n.ts";
import { useSession } from "../app/session.tsx";
import { Page } from "../ui/page.tsx";
import { fmtDate, osloToday, useApiData } from "./shared.tsx";
import type { OccurrenceStatus, WheelOccurrence, YearWheel } from "./types.ts";

const STATUS_COLOR: Record<OccurrenceStatus, "success" | "warning" | "neutral" | "info"> = {
  done: "success",
  partly: "warning",
  open: "neutral",
  skipped: "neutral",
  planned: "info",
};

function monthsOf(from: string, to: string): string[] {
  const out: string[] = [];
  let [y, m] = from.split("-").map(Number) as [number, number];
  const [ty, tm] = to.split("-").map(Number) as [number, number];
  while (y < ty || (y === ty && m <= tm)) {
    out.push(`${y}-${String(m).padStart(2, "0")}`);
    m++;
    if (m > 12) {
      m = 1;
      y++;
    }
  }
  return out;
}

function monthTitle(month: string): string {
  const [y, m] = month.split("-").map(Number) as [number, number];
  return new Intl.DateTimeFormat(currentLocale(), {
    month: "long",
    year: "numeric",
    timeZone: "UTC",
  }).format(new Date(Date.UTC(y, m - 1, 1)));
}

function StatusLabel({ o }: { o: WheelOccurrence }) {
  const { t } = useTranslation("plans");
  return (
    <Tag data-color={STATUS_COLOR[o.status]} data-size="sm">
      {t(`common.occurrenceStatus.${o.status}`)}
      {o.tasks > 0 ? ` ${t("wheel.doneOf", { done: o.done, tasks: o.tasks })}` : ""}
    </Tag>
  );
}

export function YearWheelPage() {
  const { t } = useTranslation("plans");
  const { planId } = useParams();
  const { activeSchool } = useSession();
  const load = useApiData<YearWheel>(
    activeSchool && planId ? `/api/schools/${activeSchool.id}/plans/${planId}/year-wheel` : null,
  );
  const [part, setPart] = useState<PlanPartId | "">("");
  const [tab, setTab] = useState("timeline");

  if (!activeSchool) {
    return (
      <Page title={t("wheel.titleShort")}>
        <Paragraph>{t("common.noSchool")}</Paragraph>
      </Page>
    );
  }
  if (load.state !== "ready") {
    return (
      <Page title={t("wheel.titleShort")}>
        {load.state === "error" ? (
          <Alert data-color="danger">{load.message}</Alert>
        ) : (
          <Spinner aria-label={t("common.loading")} />
        )}
      </Page>
    );
  }
  const wheel = load.data;
  const shown = wheel.occurrences.filter((o) => part === "" || o.partId === part);
  return (
    <Page
      title={t("wheel.title", { year: wheel.schoolYear.label })}
      lead={<Paragraph>{t("wheel.lead", { count: wheel.occurrences.length })}</Paragraph>}
    >
      <Paragraph>
        <DsLink asChild>
          <Link to={`/plans/${wheel.planId}`}>{t("common.back")}</Link>
        </DsLink>
      </Paragraph>
      {wheel.source === "preview" ? (
        <Alert data-color="info" className="plan-block">
          {t("wheel.preview")}
        </Alert>
      ) : null}
      {wheel.problems.length > 0 ? (
        <Alert data-color="danger" className="plan-block">
          {t("wheel.problems")}
          <ul>
            {wheel.problems.map((code) => (
              <li key={code}>{t(`errors:${code}` as never)}</li>
            ))}
          </ul>
        </Alert>
      ) : null}
      <Field className="plan-filter">
        <Label htmlFor="wheel-part">{t("wheel.part")}</Label>
        <Select
          id="wheel-part"
          value={part}
          onChange={(e) => setPart(e.target.value as PlanPartId | "")}
        >
          <Select.Option value="">{t("wheel.allParts")}</Select.Option>
          {PLAN_PART_IDS.filter((p) => p !== "resources").map((p) => (
            <Select.Option key={p} value={p}>
              {t(`common.parts.${p}`)}
            </Select.Option>
          ))}
        </Select>
      </Field>
      <Tabs value={tab} onChange={setTab}>
        <Tabs.List>
          <Tabs.Tab value="timeline">{t("wheel.timeline")}</Tabs.Tab>
          <Tabs.Tab value="calendar">{t("wheel.calendar")}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="timeline">
          <Timeline wheel={wheel} occurrences={shown} />
        </Tabs.Panel>
        <Tabs.Panel value="calendar">
          <MonthCalendar wheel={wheel} occurrences={shown} />
        </Tabs.Panel>
      </Tabs>
    </Page>
  );
}

function Timeline({ wheel, occurrences }: { wheel: YearWheel; occurrences: WheelOccurrence[] }) {
  const { t } = useTranslation("plans");
  const months = monthsOf(wheel.schoolYear.startsOn, wheel.schoolYear.endsOn);
  return (
    <div className="plan-timeline">
      {months.map((month) => {
        const items = occurrences.filter((o) => o.dueOn.startsWith(month));
        const holidays = wheel.holidays.filter(
          (h) => h.from.slice(0, 7) <= month && h.to.slice(0, 7) >= month,
        );
        return (
          <section key={month} className="plan-month" aria-label={monthTitle(month)}>
            <Heading level={2} data-size="xs">
              {monthTitle(month)} <span className="plan-count">({items.length})</span>
            </Heading>
            {holidays.map((h) => (
              <Paragraph key={`${h.from}-${h.label}`} data-size="sm" className="plan-muted">
                {t("wheel.holiday", { label: h.label, from: fmtDate(h.from), to: fmtDate(h.to) })}
              </Paragraph>
            ))}
            {items.length === 0 ? (
              <Paragraph data-size="sm">{t("wheel.none")}</Paragraph>
            ) : (
              <ul className="plan-timeline__list">
                {items.map((o) => (
                  <li key={o.key}>
                    <span className="plan-timeline__date">{fmtDate(o.dueOn)}</span>{" "}
                    <span>
                      {o.kind === "checkIn" ? `${t("common.kind.checkIn")}: ` : ""}
                      {o.description}
                    </span>{" "}
                    <StatusLabel o={o} />
                    {o.detached ? <span className="plan-muted"> {t("wheel.detached")}</span> : null}
                  </li>
                ))}
              </ul>
            )}
          </section>
        );
      })}
    </div>
  );
}

function MonthCalendar({
  wheel,
  occurrences,
}: {
  wheel: YearWheel;
  occurrences: WheelOccurrence[];
}) {
  const { t } = useTranslation("plans");
  const months = monthsOf(wheel.schoolYear.startsOn, wheel.schoolYear.endsOn);
  const today = osloToday().slice(0, 7);
  const [month, setMonth] = useState(months.includes(today) ? today : (months[0] ?? today));
  const captionId = useId();
  const index = months.indexOf(month);
  const locale = currentLocale();
  const weeks = useMemo(() => {
    const [y, m] = month.split("-").map(Number) as [number, number];
    const first = new Date(Date.UTC(y, m - 1, 1));
    const offset = (first.getUTCDay() + 6) % 7;
    const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
    const cells: (string | null)[] = Array.from({ length: offset }, () => null);
    for (let d = 1; d <= days; d++) cells.push(`${month}-${String(d).padStart(2, "0")}`);
    while (cells.length % 7 !== 0) cells.push(null);
    const rows: (string | null)[][] = [];
    for (let i = 0; i < cells.length; i += 7) rows.push(cells.slice(i, i + 7));
    return rows;
  }, [month]);
  const weekday = (n: number) =>
    new Intl.DateTimeFormat(locale, { weekday: "short", timeZone: "UTC" }).format(
      new Date(Date.UTC(2024, 0, n)),
    );
  const weekdayLong = (n: number) =>
    new Intl.DateTimeFormat(locale, { weekday: "long", timeZone: "UTC" }).format(
      new Date(Date.UTC(2024, 0, n)),
    );
  return (
    <div className="plan-calendar">
      <div className="form-actions">
        <Button
          variant="secondary"
          data-size="sm"
          onClick={() => setMonth(months[index - 1] ?? month)}
          aria-disabled={index <= 0}
        >
          {t("wheel.prevMonth")}
        </Button>
        <Button
          variant="secondary"
          data-size="sm"
          onClick={() => setMonth(months[index + 1] ?? month)}
          aria-disabled={index >= months.length - 1}
        >
          {t("wheel.nextMonth")}
        </Button>
      </div>
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be focusable */}
      <section className="table-scroll" aria-labelledby={captionId} tabIndex={0}>
        <Table border data-size="sm" className="plan-calendar__table">
          <caption id={captionId} aria-live="polite">
            {monthTitle(month)}
          </caption>
          <Table.Head>
            <Table.Row>
              {[1, 2, 3, 4, 5, 6, 7].map((n) => (
                <Table.HeaderCell key={n}>
                  <abbr title={weekdayLong(n)}>{weekday(n)}</abbr>
                </Table.HeaderCell>
              ))}
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {weeks.map((week) => (
              <Table.Row key={week.find((d) => d !== null) ?? "w"}>
                {week.map((day, i) => {
                  if (day === null) {
                    // biome-ignore lint/suspicious/noArrayIndexKey: empty cells have no date
                    return <Table.Cell key={`e${i}`} />;
                  }
                  const items = occurrences.filter((o) => o.dueOn === day);
                  const holiday = wheel.holidays.find((h) => h.from <= day && day <= h.to);
                  return (
                    <Table.Cell
                      key={day}
                      className={holiday ? "plan-calendar__holiday" : undefined}
                    >
                      <span className="plan-calendar__day">{Number(day.slice(8))}</span>
                      {holiday ? <span className="plan-muted"> {holiday.label}</span> : null}
                      {items.length > 0 ? (
                        <ul>
                          {items.map((o) => (
                            <li key={o.key}>
                              {o.description.length > 60
                                ? `${o.description.slice(0, 57)}…`
                                : o.description}
                            </li>
                          ))}
                        </ul>
                      ) : null}
                    </Table.Cell>
                  );
                })}
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      </section>
    </div>
  );
}
