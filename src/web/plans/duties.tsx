// Daily duties (ADR 0118): in "Mine oppgaver" the duty holder ticks the places and saves
// "done today" or "not today" with one tap (phone first); the leadership page shows the
// record and the share of school days done per month.
import {
  Alert,
  Button,
  Card,
  Checkbox,
  Fieldset,
  Heading,
  Paragraph,
  Spinner,
  Table,
  Textfield,
} from "@digdir/designsystemet-react";
import { useEffect, useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { useAnnounce } from "../app/announcer.tsx";
import { api, isApiError } from "../app/api.ts";
import { useSession } from "../app/session.tsx";
import { Page } from "../ui/page.tsx";
import { fmtDate, useApiData } from "./shared.tsx";

interface DutyRecord {
  day: string;
  status: "done" | "notToday";
  places: string[];
  note: string | null;
  person: { id: string; name: string };
  updatedAt: string;
}

interface MyDuties {
  today: string;
  schoolDay: boolean;
  duties: {
    activityId: string;
    description: string;
    method: string;
    places: string[];
    today: DutyRecord | null;
  }[];
}

interface DutyRecords {
  today: string;
  duties: {
    activityId: string;
    method: string;
    places: string[];
    months: {
      month: string;
      schoolDays: number;
      done: number;
      notToday: number;
      missing: number;
      share: number | null;
    }[];
    records: DutyRecord[];
  }[];
}

/** The caller's daily duties, each a card with today's toggle. Nothing when they have none. */
export function DailyDutyCards({ schoolId }: { schoolId: string }) {
  const mine = useApiData<MyDuties>(`/api/schools/${schoolId}/plan-duties/mine`);
  if (mine.state !== "ready" || mine.data.duties.length === 0) return null;
  return (
    <>
      {mine.data.duties.map((duty) => (
        <DutyCard
          key={duty.activityId}
          schoolId={schoolId}
          schoolDay={mine.data.schoolDay}
          duty={duty}
        />
      ))}
    </>
  );
}

function DutyCard({
  schoolId,
  schoolDay,
  duty,
}: {
  schoolId: string;
  schoolDay: boolean;
  duty: MyDuties["duties"][number];
}) {
  const { t } = useTranslation("plans");
  const announce = useAnnounce();
  const headingId = useId();
  const [record, setRecord] = useState<DutyRecord | null>(duty.today);
  const [places, setPlaces] = useState<string[]>(
    duty.today?.status === "done" ? duty.today.places : [],
  );
  const [note, setNote] = useState(duty.today?.note ?? "");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => setRecord(duty.today), [duty.today]);

  const save = async (status: "done" | "notToday") => {
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      const saved = await api.put<DutyRecord>(
        `/api/schools/${schoolId}/plan-duties/${duty.activityId}/today`,
        { status, places: status === "done" ? places : [], note: note.trim() || null },
      );
      setRecord(saved);
      announce(savedText(saved));
    } catch (e) {
      setError(isApiError(e) ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };
  const savedText = (r: DutyRecord) =>
    r.status === "done"
      ? t("duties.savedDone", { places: r.places.join(", ") })
      : t("duties.savedNotToday");

  return (
    <Card className="plan-card duty-card" aria-labelledby={headingId}>
      <Heading level={2} data-size="xs" id={headingId}>
        {t("duties.heading", { method: duty.method })}
      </Heading>
      {!schoolDay ? (
        <Paragraph data-size="sm">{t("duties.notSchoolDay")}</Paragraph>
      ) : (
        <>
          <Paragraph data-size="sm">{t("duties.help")}</Paragraph>
          {record ? (
            <Alert data-color={record.status === "done" ? "success" : "info"} data-size="sm">
              {savedText(record)} {t("duties.correct")}
            </Alert>
          ) : null}
          {error ? (
            <Alert data-color="danger" data-size="sm">
              {error}
            </Alert>
          ) : null}
          <Fieldset className="duty-places">
            <Fieldset.Legend>{t("duties.places")}</Fieldset.Legend>
            {duty.places.map((place) => (
              <Checkbox
                key={place}
                label={place}
                checked={places.includes(place)}
                onChange={(e) => {
                  const on = e.currentTarget.checked;
                  setPlaces((list) => (on ? [...list, place] : list.filter((p) => p !== place)));
                }}
              />
            ))}
          </Fieldset>
          <Textfield
            label={t("duties.note")}
            value={note}
            onChange={(e) => setNote(e.target.value)}
            counter={280}
          />
          <div className="form-actions duty-actions">
            <Button onClick={() => save("done")} aria-disabled={busy}>
              {t("duties.done")}
            </Button>
            <Button variant="secondary" onClick={() => save("notToday")} aria-disabled={busy}>
              {t("duties.notToday")}
            </Button>
          </div>
        </>
      )}
    </Card>
  );
}

function monthName(month: string, locale: string): string {
  const [y, m] = month.split("-").map(Number);
  return new Intl.DateTimeFormat(locale, {
    month: "long",
    year: "numeric",
    timeZone: "UTC",
  }).format(new Date(Date.UTC(y ?? 2000, (m ?? 1) - 1, 1)));
}

/** The leadership's page: the record of each daily duty and its share per month. */
export function DutyRecordsPage() {
  const { t, i18n } = useTranslation("plans");
  const { activeSchool } = useSession();
  const records = useApiData<DutyRecords>(
    activeSchool ? `/api/schools/${activeSchool.id}/plan-duties` : null,
  );
  const locale = i18n.language === "en" ? "en-GB" : i18n.language === "nn" ? "nn-NO" : "nb-NO";
  return (
    <Page title={t("duties.recordsTitle")} lead={<Paragraph>{t("duties.recordsLead")}</Paragraph>}>
      {records.state === "error" ? (
        <Alert data-color="danger">{records.message}</Alert>
      ) : records.state !== "ready" ? (
        <Spinner aria-label={t("common.loading")} />
      ) : records.data.duties.length === 0 ? (
        <Paragraph>{t("duties.none")}</Paragraph>
      ) : (
        records.data.duties.map((duty) => (
          <DutySection key={duty.activityId} duty={duty} locale={locale} />
        ))
      )}
    </Page>
  );
}

function DutySection({ duty, locale }: { duty: DutyRecords["duties"][number]; locale: string }) {
  const { t } = useTranslation("plans");
  const monthsId = useId();
  const recordsId = useId();
  return (
    <div className="plan-block">
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be focusable */}
      <section className="table-scroll" aria-labelledby={monthsId} tabIndex={0}>
        <Table data-size="sm">
          <caption id={monthsId}>{t("duties.monthsCaption", { method: duty.method })}</caption>
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell>{t("duties.month")}</Table.HeaderCell>
              <Table.HeaderCell>{t("duties.schoolDays")}</Table.HeaderCell>
              <Table.HeaderCell>{t("duties.doneCol")}</Table.HeaderCell>
              <Table.HeaderCell>{t("duties.notTodayCol")}</Table.HeaderCell>
              <Table.HeaderCell>{t("duties.missing")}</Table.HeaderCell>
              <Table.HeaderCell>{t("duties.share")}</Table.HeaderCell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {duty.months.map((m) => (
              <Table.Row key={m.month}>
                <Table.Cell>{monthName(m.month, locale)}</Table.Cell>
                <Table.Cell>{m.schoolDays}</Table.Cell>
                <Table.Cell>{m.done}</Table.Cell>
                <Table.Cell>{m.notToday}</Table.Cell>
                <Table.Cell>{m.missing}</Table.Cell>
                <Table.Cell>{m.share === null ? "–" : `${Math.round(m.share * 100)} %`}</Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      </section>
      {duty.records.length === 0 ? (
        <Paragraph>{t("duties.noRecords")}</Paragraph>
      ) : (
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be focusable
        <section className="table-scroll" aria-labelledby={recordsId} tabIndex={0}>
          <Table data-size="sm">
            <caption id={recordsId}>{t("duties.recordsCaption", { method: duty.method })}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t("duties.day")}</Table.HeaderCell>
                <Table.HeaderCell>{t("duties.status")}</Table.HeaderCell>
                <Table.HeaderCell>{t("duties.placesCol")}</Table.HeaderCell>
                <Table.HeaderCell>{t("duties.who")}</Table.HeaderCell>
                <Table.HeaderCell>{t("duties.noteCol")}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {duty.records.map((r) => (
                <Table.Row key={r.day}>
                  <Table.Cell>{fmtDate(r.day)}</Table.Cell>
                  <Table.Cell>
                    {r.status === "done" ? t("duties.doneCol") : t("duties.notTodayCol")}
                  </Table.Cell>
                  <Table.Cell>{r.places.join(", ")}</Table.Cell>
                  <Table.Cell>{r.person.name}</Table.Cell>
                  <Table.Cell>{r.note ?? ""}</Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </section>
      )}
    </div>
  );
}
