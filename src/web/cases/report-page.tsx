// "Meld fra" / "Si ifra": the report form, made to be filled in under a minute on a phone.
// Staff choose the kind, the pupil(s) (search by name) and write what they saw;
// the rest is optional. Pupils and guardians get a shorter form about themselves or their
// child; a pupil may send it without a name (only a receipt code). After sending, the
// reporter sees a receipt — not the case.
import {
  Alert,
  Button,
  Checkbox,
  Fieldset,
  Heading,
  Paragraph,
  Radio,
  Select,
  Textfield,
} from "@digdir/designsystemet-react";
import { type FormEvent, useState } from "react";
import { Link } from "react-router";
import { api } from "../app/api.ts";
import { useSession } from "../app/session.tsx";
import { type PlaceChoice, PlaceFields, placeBody } from "../surveys/where-when/place-fields.tsx";
import { useApiData } from "../ui/api-data.ts";
import { Page } from "../ui/page.tsx";
import { type Complaint, ComplaintRight } from "./complaint-right.tsx";
import {
  Chosen,
  errorOf,
  missingFields,
  PersonSearch,
  type Problem,
  Problems,
  problemsFrom,
  todayIso,
  useCasesT,
} from "./shared.tsx";

interface ReportContext {
  capacity: "staff" | "pupil" | "guardian" | null;
  kinds: string[];
  pupils: { id: string; name: string }[];
}

type YesNo = "yes" | "no" | "";
const yesNo = (v: YesNo) => (v === "yes" ? true : v === "no" ? false : null);

const FIELD_IDS: Record<string, string> = {
  kind: "report-kind",
  pupilIds: "report-pupils",
  description: "report-description",
  occurredOn: "report-occurredOn",
  place: "report-place",
  intervention: "report-intervention",
  channel: "report-channel",
  toldAt: "report-toldAt",
  involvedStaffIds: "report-staff",
};

/** How the school may have been told; `form` is this form, now. */
const CHANNELS = ["form", "inPerson", "phone", "teams", "sms", "email"] as const;
/** The server refuses a moment further back (src/core/cases/types.ts MAX_TOLD_DAYS_BACK). */
const MAX_TOLD_DAYS_BACK = 30;
const DAY_MS = 24 * 60 * 60 * 1000;
/** §12-5 kinds: the report is about someone working at the school. */
const STAFF_KINDS = ["staff-violation", "leadership-violation"];

/** A `datetime-local` value ("2027-03-24T09:15") for an instant, in the browser's time. */
function localInput(at: Date): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}T${pad(at.getHours())}:${pad(at.getMinutes())}`;
}

export function ReportPage() {
  const tc = useCasesT();
  const { activeSchool } = useSession();
  const ctx = useApiData<ReportContext>(
    activeSchool ? `/api/schools/${activeSchool.id}/cases/report-context` : null,
  );
  const [kind, setKind] = useState("");
  const [pupils, setPupils] = useState<{ id: string; name: string }[]>([]);
  const [involved, setInvolved] = useState<{ id: string; name: string }[]>([]);
  const [description, setDescription] = useState("");
  const [occurredOn, setOccurredOn] = useState(todayIso());
  const [place, setPlace] = useState("");
  const [others, setOthers] = useState("");
  const [unsafe, setUnsafe] = useState<YesNo>("");
  const [intervened, setIntervened] = useState<YesNo>("");
  const [intervention, setIntervention] = useState("");
  const [problems, setProblems] = useState<Problem[]>([]);
  const [attempt, setAttempt] = useState(0);
  const [busy, setBusy] = useState(false);
  const [sent, setSent] = useState<{
    caseId: string | null;
    receiptCode?: string;
    complaint?: Complaint | null;
  } | null>(null);
  const [anonymous, setAnonymous] = useState(false);
  const [channel, setChannel] = useState<(typeof CHANNELS)[number]>("form");
  const [toldAt, setToldAt] = useState("");
  const [staffInvolved, setStaffInvolved] = useState<{ id: string; name: string }[]>([]);
  const [where, setWhere] = useState<PlaceChoice>({ placeKind: "", timeOfDay: "" });

  if (!activeSchool) {
    return (
      <Page title={tc("report.title")}>
        <Paragraph>{tc("report.notAtSchool")}</Paragraph>
      </Page>
    );
  }
  if (ctx.state !== "ready") {
    return (
      <Page title={tc("report.title")}>
        <Paragraph>{ctx.state === "error" ? ctx.message : tc("loading")}</Paragraph>
      </Page>
    );
  }
  const staff = ctx.data.capacity === "staff";
  const guardian = ctx.data.capacity === "guardian";
  const title = staff ? tc("report.title") : tc("report.pupilTitle");
  const chosenKind = staff ? kind : "pupil-reported";
  const chosenPupils = staff
    ? pupils
    : guardian
      ? pupils.length > 0
        ? pupils
        : ctx.data.pupils.length === 1
          ? ctx.data.pupils
          : []
      : ctx.data.pupils;

  if (sent) {
    return (
      <Page title={tc("report.sentTitle")}>
        <Alert data-color="success">
          <Heading level={2} data-size="xs">
            {tc("report.sentTitle")}
          </Heading>
          <Paragraph>{staff ? tc("report.sentBody") : tc("report.pupilSentBody")}</Paragraph>
        </Alert>
        {sent.receiptCode ? (
          <Alert data-color="info">
            <Heading level={2} data-size="xs">
              {tc("report.receiptCode", { code: sent.receiptCode })}
            </Heading>
            <Paragraph>{tc("report.receiptCodeHelp")}</Paragraph>
          </Alert>
        ) : null}
        {sent.complaint ? <ComplaintRight complaint={sent.complaint} level={2} /> : null}
        <ul className="cases-links">
          <li>
            <Link to="/cases/mine">{tc("nav.myReports")}</Link>
          </li>
          {sent.caseId ? (
            <li>
              <Link to={`/cases/${sent.caseId}`}>{tc("report.openCase")}</Link>
            </li>
          ) : null}
        </ul>
      </Page>
    );
  }

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setAttempt((a) => a + 1);
    const local: Problem[] = [];
    if (!chosenKind)
      local.push({
        fieldId: FIELD_IDS.kind ?? null,
        message: tc("chooseField", { label: tc("report.kindLegend") }),
      });
    if (staff && chosenPupils.length === 0) {
      local.push({ fieldId: FIELD_IDS.pupilIds ?? null, message: tc("report.pupilsRequired") });
    }
    local.push(
      ...missingFields([
        [
          FIELD_IDS.description ?? "",
          staff ? tc("report.description") : tc("report.pupilDescription"),
          description,
        ],
      ]),
    );
    if (staff && channel !== "form") {
      const at = toldAt ? new Date(toldAt).getTime() : Number.NaN;
      const fieldId = FIELD_IDS.toldAt ?? null;
      if (Number.isNaN(at)) {
        local.push(...missingFields([[fieldId ?? "", tc("report.toldAt"), ""]]));
      } else if (at > Date.now() + 5 * 60 * 1000) {
        local.push({ fieldId, message: tc("errors.report.toldAtInFuture") });
      } else if (at < Date.now() - MAX_TOLD_DAYS_BACK * DAY_MS) {
        local.push({
          fieldId,
          message: tc("errors.report.toldAtTooOld", { days: MAX_TOLD_DAYS_BACK }),
        });
      }
    }
    if (local.length > 0) {
      setProblems(local);
      return;
    }
    setBusy(true);
    if (anonymous) {
      // Sent outside the session: the server stores no identity, only the code's hash.
      try {
        const r = await api.post<{ receiptCode: string; complaint: Complaint }>(
          `/api/public/schools/${activeSchool.id}/si-ifra`,
          { description },
        );
        setProblems([]);
        setSent({ caseId: null, receiptCode: r.receiptCode, complaint: r.complaint });
      } catch (err) {
        setProblems(problemsFrom(err, (path) => FIELD_IDS[path.split(".")[0] ?? ""] ?? null));
      } finally {
        setBusy(false);
      }
      return;
    }
    try {
      const receipt = await api.post<{ caseId: string | null; complaint: Complaint | null }>(
        `/api/schools/${activeSchool.id}/cases`,
        {
          kind: chosenKind,
          pupilIds: chosenPupils.map((p) => p.id),
          description,
          ...placeBody(where),
          ...(staff
            ? {
                occurredOn: occurredOn || null,
                place: place || null,
                involvedPupilIds: involved.map((p) => p.id),
                others: others || null,
                pupilSaidUnsafe: yesNo(unsafe),
                intervened: yesNo(intervened),
                intervention: intervened === "yes" ? intervention || null : null,
                involvedStaffIds: STAFF_KINDS.includes(chosenKind)
                  ? staffInvolved.map((p) => p.id)
                  : [],
                channel,
                ...(channel !== "form" && toldAt ? { toldAt: new Date(toldAt).toISOString() } : {}),
              }
            : {}),
        },
      );
      setProblems([]);
      setSent(receipt);
    } catch (err) {
      setProblems(problemsFrom(err, (path) => FIELD_IDS[path.split(".")[0] ?? ""] ?? null));
    } finally {
      setBusy(false);
    }
  };

  const yesNoField = (
    name: string,
    legend: string,
    value: YesNo,
    set: (v: YesNo) => void,
    hint?: string,
  ) => (
    <Fieldset>
      <Fieldset.Legend>{legend}</Fieldset.Legend>
      {hint ? <Fieldset.Description>{hint}</Fieldset.Description> : null}
      <div className="cases-inline">
        {(["yes", "no", ""] as const).map((v) => (
          <Radio
            key={v || "unknown"}
            name={name}
            value={v}
            label={v === "yes" ? tc("yes") : v === "no" ? tc("no") : tc("unknown")}
            checked={value === v}
            onChange={() => set(v)}
          />
        ))}
      </div>
    </Fieldset>
  );

  return (
    <Page title={title} narrow>
      <Paragraph>
        {staff
          ? tc("report.intro")
          : guardian
            ? tc("report.guardianIntro")
            : tc("report.pupilIntro")}
      </Paragraph>
      <form onSubmit={submit} noValidate className="cases-form">
        <Problems problems={problems} title={tc("report.problemsTitle")} attempt={attempt} />
        {staff ? (
          <Fieldset id={FIELD_IDS.kind} tabIndex={-1}>
            <Fieldset.Legend>{tc("report.kindLegend")}</Fieldset.Legend>
            {ctx.data.kinds
              .filter((k) => k !== "pupil-reported")
              .map((k) => (
                <Radio
                  key={k}
                  name="kind"
                  value={k}
                  label={tc(`kind.${k}`)}
                  description={tc(`kindHelp.${k}`)}
                  checked={kind === k}
                  onChange={() => setKind(k)}
                />
              ))}
          </Fieldset>
        ) : null}
        {staff ? (
          <div className="cases-field-group">
            <PersonSearch
              id={FIELD_IDS.pupilIds}
              schoolId={activeSchool.id}
              onlyRole="pupil"
              label={tc("report.pupilSearch")}
              exclude={pupils.map((p) => p.id)}
              onPick={(p) => setPupils((list) => [...list, p])}
              error={errorOf(problems, "report-pupils")}
            />
            <Heading level={2} data-size="2xs">
              {tc("report.pupils")}
            </Heading>
            <Chosen
              people={pupils}
              onRemove={(id) => setPupils((list) => list.filter((p) => p.id !== id))}
              empty={tc("report.chosenNone")}
            />
          </div>
        ) : guardian && ctx.data.pupils.length > 1 ? (
          <Fieldset id={FIELD_IDS.pupilIds} tabIndex={-1}>
            <Fieldset.Legend>{tc("report.child")}</Fieldset.Legend>
            {ctx.data.pupils.map((p) => (
              <Radio
                key={p.id}
                name="child"
                value={p.id}
                label={p.name}
                checked={pupils[0]?.id === p.id}
                onChange={() => setPupils([p])}
              />
            ))}
          </Fieldset>
        ) : null}
        <Textfield
          id={FIELD_IDS.description}
          multiline
          rows={4}
          label={staff ? tc("report.description") : tc("report.pupilDescription")}
          description={tc("report.descriptionHelp")}
          value={description}
          onChange={(e) => setDescription(e.target.value)}
          error={errorOf(problems, "report-description")}
        />
        {staff && STAFF_KINDS.includes(kind) ? (
          <div className="cases-field-group">
            <PersonSearch
              id={FIELD_IDS.involvedStaffIds}
              schoolId={activeSchool.id}
              onlyRole="staff"
              label={tc("report.staffConcerned")}
              description={tc("report.staffConcernedHelp")}
              exclude={staffInvolved.map((p) => p.id)}
              onPick={(p) => setStaffInvolved((list) => [...list, p])}
              error={errorOf(problems, "report-staff")}
            />
            <Chosen
              people={staffInvolved}
              onRemove={(id) => setStaffInvolved((list) => list.filter((p) => p.id !== id))}
            />
          </div>
        ) : null}
        {staff ? (
          <Fieldset>
            <Fieldset.Legend>{tc("report.toldLegend")}</Fieldset.Legend>
            <Fieldset.Description>{tc("report.toldHelp")}</Fieldset.Description>
            <label className="cases-select" htmlFor={FIELD_IDS.channel}>
              {tc("report.channel")}
              <Select
                id={FIELD_IDS.channel}
                value={channel}
                onChange={(e) => {
                  const next = e.target.value as (typeof CHANNELS)[number];
                  setChannel(next);
                  if (next !== "form" && !toldAt) setToldAt(localInput(new Date()));
                }}
              >
                {CHANNELS.map((ch) => (
                  <Select.Option key={ch} value={ch}>
                    {tc(`report.channels.${ch}`)}
                  </Select.Option>
                ))}
              </Select>
            </label>
            {channel !== "form" ? (
              <Textfield
                id={FIELD_IDS.toldAt}
                type="datetime-local"
                label={tc("report.toldAt")}
                description={tc("report.toldAtHelp")}
                value={toldAt}
                min={localInput(new Date(Date.now() - MAX_TOLD_DAYS_BACK * DAY_MS))}
                max={localInput(new Date())}
                onChange={(e) => setToldAt(e.target.value)}
                error={errorOf(problems, "report-toldAt")}
              />
            ) : null}
          </Fieldset>
        ) : null}
        {staff ? (
          <>
            <div className="cases-inline">
              <Textfield
                id={FIELD_IDS.occurredOn}
                type="date"
                label={tc("report.occurredOn")}
                value={occurredOn}
                onChange={(e) => setOccurredOn(e.target.value)}
                error={errorOf(problems, "report-occurredOn")}
              />
              <Textfield
                id={FIELD_IDS.place}
                label={tc("report.place")}
                value={place}
                onChange={(e) => setPlace(e.target.value)}
              />
            </div>
            {yesNoField(
              "unsafe",
              tc("report.pupilSaidUnsafe"),
              unsafe,
              setUnsafe,
              tc("report.pupilSaidUnsafeHelp"),
            )}
            {yesNoField("intervened", tc("report.intervened"), intervened, setIntervened)}
            {intervened === "yes" ? (
              <Textfield
                id={FIELD_IDS.intervention}
                label={tc("report.intervention")}
                value={intervention}
                onChange={(e) => setIntervention(e.target.value)}
              />
            ) : null}
            <details className="cases-more">
              <summary>{tc("report.involvedPupils")}</summary>
              <PersonSearch
                schoolId={activeSchool.id}
                onlyRole="pupil"
                label={tc("report.pupilSearch")}
                exclude={[...pupils, ...involved].map((p) => p.id)}
                onPick={(p) => setInvolved((list) => [...list, p])}
              />
              <Chosen
                people={involved}
                onRemove={(id) => setInvolved((list) => list.filter((p) => p.id !== id))}
              />
              <Textfield
                label={tc("report.others")}
                value={others}
                onChange={(e) => setOthers(e.target.value)}
              />
            </details>
          </>
        ) : null}
        {/* A report without a name stays without any detail that could point at the pupil. */}
        {anonymous ? null : <PlaceFields value={where} onChange={setWhere} />}
        {ctx.data.capacity === "pupil" ? (
          <Checkbox
            label={tc("report.anonymous")}
            description={tc("report.anonymousHelp")}
            checked={anonymous}
            onChange={(e) => setAnonymous(e.target.checked)}
          />
        ) : null}
        <Button type="submit" disabled={busy}>
          {busy ? tc("report.sending") : tc("report.submit")}
        </Button>
      </form>
    </Page>
  );
}
