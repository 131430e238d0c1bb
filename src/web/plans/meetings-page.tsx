// The log of the monthly meetings between the pupil council board and the principal: date,
// who took part (as roles), the school-environment topics and the follow-ups. The board and
// the staff read it; the principal and deputy write it.
import {
  Alert,
  Button,
  Card,
  Checkbox,
  Heading,
  Paragraph,
  Spinner,
  Textfield,
} from "@digdir/designsystemet-react";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { useAnnounce } from "../app/announcer.tsx";
import { api } from "../app/api.ts";
import { useSession } from "../app/session.tsx";
import { errorFor, FormErrors, type FormProblem, problemsOf } from "../ui/form-errors.tsx";
import { Page } from "../ui/page.tsx";
import { useCan } from "../ui/use-can.ts";
import { fmtDate, osloToday, useApiData } from "./shared.tsx";
import type { Meeting } from "./types.ts";

const lines = (text: string) =>
  text
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => l !== "");

function followUpsOf(text: string): Meeting["followUps"] {
  return lines(text).map((line) => {
    const [what = "", who = "", due = ""] = line.split("|").map((s) => s.trim());
    return { text: what, responsible: who, dueOn: due === "" ? null : due, done: false };
  });
}

function fieldIdOf(path: string): string | null {
  const top = /^(heldOn|participants|topics|followUps)/.exec(path);
  return top ? `meeting-${top[1]}` : null;
}

export function MeetingsPage() {
  const { t } = useTranslation("plans");
  const { activeSchool } = useSession();
  const can = useCan();
  const load = useApiData<Meeting[]>(
    activeSchool ? `/api/schools/${activeSchool.id}/plan-meetings` : null,
  );
  if (!activeSchool) {
    return (
      <Page title={t("meetings.title")}>
        <Paragraph>{t("common.noSchool")}</Paragraph>
      </Page>
    );
  }
  const manage = can("plan.manage");
  return (
    <Page title={t("meetings.title")} lead={<Paragraph>{t("meetings.lead")}</Paragraph>}>
      {manage ? <NewMeeting schoolId={activeSchool.id} onSaved={load.reload} /> : null}
      <Heading level={2} data-size="sm" className="plan-heading">
        {t("meetings.log")}
      </Heading>
      {load.state === "error" ? (
        <Alert data-color="danger">{load.message}</Alert>
      ) : load.state === "loading" ? (
        <Spinner aria-label={t("common.loading")} />
      ) : load.data.length === 0 ? (
        <Paragraph>{t("meetings.empty")}</Paragraph>
      ) : (
        <ul className="plan-meetings">
          {load.data.map((m) => (
            <li key={m.id}>
              <MeetingCard
                meeting={m}
                schoolId={activeSchool.id}
                manage={manage}
                onSaved={load.reload}
              />
            </li>
          ))}
        </ul>
      )}
    </Page>
  );
}

function MeetingCard({
  meeting,
  schoolId,
  manage,
  onSaved,
}: {
  meeting: Meeting;
  schoolId: string;
  manage: boolean;
  onSaved: () => void;
}) {
  const { t } = useTranslation("plans");
  const announce = useAnnounce();
  const toggle = async (index: number, done: boolean) => {
    await api.put(`/api/schools/${schoolId}/plan-meetings/${meeting.id}`, {
      heldOn: meeting.heldOn,
      participants: meeting.participants,
      topics: meeting.topics,
      followUps: meeting.followUps.map((f, i) => (i === index ? { ...f, done } : f)),
    });
    announce(t("meetings.saved"));
    onSaved();
  };
  return (
    <Card data-color="neutral" className="plan-card">
      <Heading level={3} data-size="xs">
        {t("meetings.meetingOn", { date: fmtDate(meeting.heldOn) })}
      </Heading>
      <Paragraph data-size="sm">
        <strong>{t("meetings.fields.participants")}:</strong> {meeting.participants.join(", ")}
      </Paragraph>
      {meeting.topics.length > 0 ? (
        <>
          <Paragraph data-size="sm">
            <strong>{t("meetings.fields.topics")}:</strong>
          </Paragraph>
          <ul>
            {meeting.topics.map((topic, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: plain text lines
              <li key={i}>{topic}</li>
            ))}
          </ul>
        </>
      ) : null}
      {meeting.followUps.length > 0 ? (
        <fieldset className="plan-followups">
          <legend>{t("meetings.fields.followUps")}</legend>
          {meeting.followUps.map((f, i) => {
            const text = [
              f.text,
              f.responsible ? t("meetings.responsible", { who: f.responsible }) : "",
              f.dueOn ? t("meetings.due", { date: fmtDate(f.dueOn) }) : "",
            ]
              .filter(Boolean)
              .join(" · ");
            return manage ? (
              <Checkbox
                // biome-ignore lint/suspicious/noArrayIndexKey: follow-ups are a list without ids
                key={i}
                label={text}
                checked={f.done}
                onChange={(e) => void toggle(i, e.currentTarget.checked)}
              />
            ) : (
              // biome-ignore lint/suspicious/noArrayIndexKey: follow-ups are a list without ids
              <Paragraph key={i} data-size="sm">
                {f.done ? `✓ ${t("meetings.done")}: ` : ""}
                {text}
              </Paragraph>
            );
          })}
        </fieldset>
      ) : null}
    </Card>
  );
}

function NewMeeting({ schoolId, onSaved }: { schoolId: string; onSaved: () => void }) {
  const { t } = useTranslation("plans");
  const announce = useAnnounce();
  const [heldOn, setHeldOn] = useState(osloToday());
  const [participants, setParticipants] = useState("");
  const [topics, setTopics] = useState("");
  const [followUps, setFollowUps] = useState("");
  const [problems, setProblems] = useState<FormProblem[]>([]);
  const [attempt, setAttempt] = useState(0);
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setSaved(false);
    try {
      await api.post(`/api/schools/${schoolId}/plan-meetings`, {
        heldOn,
        participants: lines(participants),
        topics: lines(topics),
        followUps: followUpsOf(followUps),
      });
      setParticipants("");
      setTopics("");
      setFollowUps("");
      setProblems([]);
      setSaved(true);
      announce(t("meetings.saved"));
      onSaved();
    } catch (err) {
      setProblems(problemsOf(err, fieldIdOf, t("common.failed")));
      setAttempt((n) => n + 1);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card data-color="neutral" className="plan-card">
      <Heading level={2} data-size="sm">
        {t("meetings.new")}
      </Heading>
      <form onSubmit={submit} noValidate className="plan-form">
        <FormErrors problems={problems} attempt={attempt} />
        {saved ? <Alert data-color="success">{t("meetings.saved")}</Alert> : null}
        <Textfield
          id="meeting-heldOn"
          type="date"
          label={t("meetings.fields.heldOn")}
          value={heldOn}
          onChange={(e) => setHeldOn(e.target.value)}
          error={errorFor(problems, "meeting-heldOn")}
        />
        <Textfield
          id="meeting-participants"
          label={t("meetings.fields.participants")}
          description={t("meetings.participantsHelp")}
          multiline
          rows={3}
          value={participants}
          onChange={(e) => setParticipants(e.target.value)}
          error={errorFor(problems, "meeting-participants")}
        />
        <Textfield
          id="meeting-topics"
          label={t("meetings.fields.topics")}
          description={t("meetings.topicsHelp")}
          multiline
          rows={3}
          value={topics}
          onChange={(e) => setTopics(e.target.value)}
          error={errorFor(problems, "meeting-topics")}
        />
        <Textfield
          id="meeting-followUps"
          label={t("meetings.fields.followUps")}
          description={t("meetings.followUpsHelp")}
          multiline
          rows={3}
          value={followUps}
          onChange={(e) => setFollowUps(e.target.value)}
          error={errorFor(problems, "meeting-followUps")}
        />
        <div>
          <Button type="submit" aria-disabled={busy}>
            {t("meetings.save")}
          </Button>
        </div>
      </form>
    </Card>
  );
}
