// Parts of the case page for the duty to act (issue #8): the deadlines and every pending
// step, when the school was told, pupils who could not be heard, other involved pupils, the
// principal's "is this serious?", §12-5 measures put in place at once, the family told (or
// an adult pupil's choice), the covering statement to Statsforvalteren, and closing on a
// fixed ground. Each form posts one command; the server decides and its refusal is shown as
// it comes.
import {
  Button,
  Card,
  Checkbox,
  Details,
  Fieldset,
  Heading,
  Paragraph,
  Radio,
  Select,
  Tag,
  Textfield,
} from "@digdir/designsystemet-react";
import { type FormEvent, type ReactNode, useId, useRef, useState } from "react";
import { useSession } from "../app/session.tsx";
import { useApiData } from "../ui/api-data.ts";
import { PupilNamePicker, PupilNamesHint, type PupilOption } from "./pupil-name-picker.tsx";
import {
  type CaseView,
  dueOf,
  type missingFields,
  PersonSearch,
  type Step,
  showDate,
  todayIso,
  useCasesT,
} from "./shared.tsx";

/** A required field for the client-side check: `[fieldId, label, value]`. */
export type Required = Parameters<typeof missingFields>[0];
/** Posts to the case; checks `required` first and names each empty field. */
export type Post = (url: string, body: unknown, required?: Required) => Promise<boolean>;
type Name = (id: string | null | undefined) => string;

const STAFF_KINDS = ["staff-violation", "leadership-violation"];
export const isStaffKind = (kind: string) => STAFF_KINDS.includes(kind);

/**
 * A secondary form behind a disclosure, closed at first: the summary is the form's title.
 * Once open it stays open (with what was typed) until the reader closes it or `close()` is
 * called after a successful save, which also puts focus back on the summary.
 */
export function Disclosure({
  title,
  children,
}: {
  title: string;
  children: ReactNode | ((close: () => void) => ReactNode);
}) {
  const ref = useRef<HTMLDetailsElement>(null);
  const close = () => {
    const details = ref.current;
    if (!details) return;
    details.open = false;
    details.querySelector("summary")?.focus();
  };
  return (
    <Details ref={ref} className="cases-disclosure">
      <Details.Summary>{title}</Details.Summary>
      <Details.Content>
        {typeof children === "function" ? children(close) : children}
      </Details.Content>
    </Details>
  );
}

/**
 * A small form that posts to the case and reloads it; shows the server's verdict. With
 * `collapsed` it sits behind a disclosure titled as the form, which closes after a save and
 * stays open on a missing field or a refusal.
 */
export function ActionForm({
  id,
  title,
  submit,
  onSubmit,
  children,
  collapsed = false,
}: {
  id: string;
  title: string;
  submit: string;
  onSubmit: () => Promise<boolean>;
  children?: ReactNode;
  collapsed?: boolean;
}) {
  const [busy, setBusy] = useState(false);
  const form = (close?: () => void) => (
    <form
      id={id}
      className="cases-form cases-form--small"
      noValidate
      onSubmit={async (e: FormEvent) => {
        e.preventDefault();
        setBusy(true);
        try {
          if ((await onSubmit()) && close) close();
        } finally {
          setBusy(false);
        }
      }}
    >
      {close ? null : (
        <Heading level={3} data-size="2xs">
          {title}
        </Heading>
      )}
      {children}
      <Button type="submit" data-size="sm" disabled={busy}>
        {submit}
      </Button>
    </form>
  );
  return collapsed ? <Disclosure title={title}>{(close) => form(close)}</Disclosure> : form();
}

export function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="cases-section" aria-label={title}>
      <Heading level={2} data-size="xs">
        {title}
      </Heading>
      {children}
    </section>
  );
}

/**
 * The pupils a writer may name in free text: the case's pupils, then the other involved
 * pupils, as the register spells them (so the family copy can replace the others' names).
 */
export function namePickerPupils(view: CaseView, name: (id: string) => string): PupilOption[] {
  const c = view.case;
  const ids = [...new Set([...c.pupils, ...(c.involvedPupils ?? []).map((p) => p.pupilId)])];
  return ids.map((id) => ({ id, name: name(id) })).filter((p) => p.name !== "");
}

/**
 * A free-text field whose text reaches the family copy: a button to insert a pupil's name
 * at the cursor, and the hint that the family sees the text with other pupils' names
 * replaced (the field points to the hint with aria-describedby).
 */
export function FamilyTextfield({
  id,
  label,
  description,
  value,
  onChange,
  pupils,
  multiline = true,
  rows = 3,
  error,
}: {
  id: string;
  label: string;
  description?: string;
  value: string;
  onChange: (value: string) => void;
  pupils: readonly PupilOption[];
  multiline?: boolean;
  rows?: number;
  error?: ReactNode;
}) {
  const ref = useRef<HTMLInputElement | HTMLTextAreaElement>(null);
  const hintId = `${useId()}-hint`;
  return (
    <div className="cases-family-text">
      {multiline ? (
        <Textfield
          ref={ref}
          id={id}
          multiline
          rows={rows}
          label={label}
          description={description}
          value={value}
          onChange={(e) => onChange(e.target.value)}
          aria-describedby={hintId}
          error={error}
        />
      ) : (
        <Textfield
          ref={ref}
          id={id}
          label={label}
          description={description}
          value={value}
          onChange={(e) => onChange(e.target.value)}
          aria-describedby={hintId}
          error={error}
        />
      )}
      <PupilNamePicker pupils={pupils} fieldRef={ref} value={value} onChange={onChange} />
      <PupilNamesHint id={hintId} />
    </div>
  );
}

/**
 * One text field and a button; the field is required. With `pupils` the text reaches the
 * family copy: the writer can insert a pupil's name and sees the hint.
 */
export function TextForm({
  id,
  title,
  label,
  description,
  field,
  url,
  extra,
  submit,
  pupils,
  post,
  collapsed,
}: {
  id: string;
  title: string;
  label: string;
  description?: string;
  field: string;
  url: string;
  extra?: Record<string, unknown>;
  submit?: string;
  pupils?: readonly PupilOption[];
  post: Post;
  collapsed?: boolean;
}) {
  const tc = useCasesT();
  const [text, setText] = useState("");
  return (
    <ActionForm
      id={`${id}-form`}
      collapsed={collapsed}
      title={title}
      submit={submit ?? tc("save")}
      onSubmit={async () => {
        const ok = await post(url, { ...extra, [field]: text }, [[id, label, text]]);
        if (ok) setText("");
        return ok;
      }}
    >
      {pupils ? (
        <FamilyTextfield
          id={id}
          label={label}
          description={description}
          value={text}
          onChange={setText}
          pupils={pupils}
        />
      ) : (
        <Textfield
          id={id}
          multiline
          rows={3}
          label={label}
          description={description}
          value={text}
          onChange={(e) => setText(e.target.value)}
        />
      )}
    </ActionForm>
  );
}

/** §12-5 steps are due "straks" (at once): never shown as a number of working days. */
const AT_ONCE_STEPS = ["immediateMeasures", "ownerDecision"];

/** The due text of a step: "Straks – senest 24. mar. 2027" or "Frist 24. mar. 2027". */
export function dueText(tc: ReturnType<typeof useCasesT>, kind: string, step: Step): string {
  const date = showDate(dueOf(step));
  return isStaffKind(kind) && AT_ONCE_STEPS.includes(step.kind)
    ? tc("duty.immediately", { date })
    : tc("page.dueBy", { date });
}

/** Every pending step with its due date and owner, overdue ones marked in words and colour. */
export function Deadlines({ view, name }: { view: CaseView; name: Name }) {
  const tc = useCasesT();
  const c = view.case;
  if (c.status === "closed") return null;
  const measures = c.planRevisions.flatMap((p) => p.measures);
  const what = (s: Step) =>
    s.kind === "informFamily"
      ? name(s.ref)
      : s.kind === "carryOutMeasure"
        ? (measures.find((m) => m.id === s.ref)?.description ?? "")
        : "";
  const owner = (o: Step["owner"]) =>
    o.type === "person" ? name(o.personId) : tc(`roles:name.${o.role}`);
  return (
    <Section title={tc("duty.deadlines")}>
      {c.investigateBy && (c.status === "reported" || c.status === "acknowledged") ? (
        <Paragraph data-size="sm">
          {tc("duty.investigateBy", { date: showDate(c.investigateBy) })}
        </Paragraph>
      ) : null}
      {c.planRevisions.length === 0 ? (
        <Paragraph data-size="sm">{tc("page.planDue", { date: showDate(c.planDueOn) })}</Paragraph>
      ) : null}
      <ul className="cases-steps">
        {view.steps.map((s) => {
          const label = what(s)
            ? tc("duty.stepFor", { step: tc(`step.${s.kind}`), what: what(s) })
            : tc(`step.${s.kind}`);
          return (
            <li
              key={`${s.kind}-${s.ref ?? ""}`}
              className={s.overdue ? "cases-step cases-step--overdue" : "cases-step"}
            >
              <strong>{label}</strong>
              <br />
              <span>{dueText(tc, c.kind, s)}</span>
              {s.overdue ? (
                <>
                  {" "}
                  <Tag data-color="danger" data-size="sm">
                    {tc("page.overdue")}
                  </Tag>
                </>
              ) : null}
              <br />
              <small>{tc("page.responsible", { who: owner(s.owner) })}</small>
            </li>
          );
        })}
      </ul>
    </Section>
  );
}

/** When the school was told (and how) and when the report was entered into Trygg. */
export function ToldAndEntered({ report }: { report: CaseView["case"]["reports"][number] }) {
  const tc = useCasesT();
  const at = (iso: string) =>
    new Date(iso).toLocaleString(undefined, {
      timeZone: "Europe/Oslo",
      dateStyle: "medium",
      timeStyle: "short",
    });
  return (
    <>
      <dt>{tc("duty.told")}</dt>
      <dd>
        {at(report.toldAt ?? report.reportedAt)} ({tc(`duty.channel.${report.channel ?? "form"}`)})
      </dd>
      <dt>{tc("duty.entered")}</dt>
      <dd>{at(report.reportedAt)}</dd>
    </>
  );
}

/** The pupils whose views may be recorded: the case's pupils, then the other involved. */
export function PupilOptions({ view, name }: { view: CaseView; name: Name }) {
  const tc = useCasesT();
  const c = view.case;
  const involved = c.involvedPupils ?? [];
  if (involved.length === 0) {
    return (
      <>
        {c.pupils.map((p) => (
          <Select.Option key={p} value={p}>
            {name(p)}
          </Select.Option>
        ))}
      </>
    );
  }
  return (
    <>
      <Select.Optgroup label={tc("page.pupil")}>
        {c.pupils.map((p) => (
          <Select.Option key={p} value={p}>
            {tc("duty.casePupil", { name: name(p) })}
          </Select.Option>
        ))}
      </Select.Optgroup>
      <Select.Optgroup label={tc("duty.involved")}>
        {involved.map((p) => (
          <Select.Option key={p.pupilId} value={p.pupilId}>
            {tc("duty.involvedPupil", {
              name: name(p.pupilId),
              role: tc(`duty.role.${p.role}`),
            })}
          </Select.Option>
        ))}
      </Select.Optgroup>
    </>
  );
}

/** The pupils who could not be heard, with the reason, and the form to record one. */
export function NotHeard({ view, name, post }: { view: CaseView; name: Name; post: Post }) {
  const tc = useCasesT();
  const c = view.case;
  const entries = c.pupilsNotHeard ?? [];
  const [pupilId, setPupilId] = useState(c.pupils[0] ?? "");
  const [reason, setReason] = useState("");
  const options = c.pupils.length + (c.involvedPupils ?? []).length;
  return (
    <>
      {entries.length > 0 ? (
        <>
          <Heading level={3} data-size="2xs">
            {tc("duty.heardTitle")}
          </Heading>
          <ul className="cases-list">
            {entries.map((n) => (
              <li key={n.id} className="cases-text">
                {tc("duty.notHeardEntry", {
                  name: name(n.pupilId),
                  date: showDate(n.recordedAt),
                  reason: n.reason,
                })}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {view.can.recordPupilNotHeard && options > 0 ? (
        <ActionForm
          id="not-heard-form"
          collapsed
          title={tc("duty.notHeardTitle")}
          submit={tc("save")}
          onSubmit={async () => {
            const ok = await post("/pupils-not-heard", { pupilId, reason }, [
              ["f-reason-notHeard", tc("duty.notHeardReason"), reason],
            ]);
            if (ok) setReason("");
            return ok;
          }}
        >
          {options > 1 ? (
            <label className="cases-select" htmlFor="f-pupilId-notHeard">
              {tc("page.pupil")}
              <Select
                id="f-pupilId-notHeard"
                value={pupilId}
                onChange={(e) => setPupilId(e.target.value)}
              >
                <PupilOptions view={view} name={name} />
              </Select>
            </label>
          ) : null}
          <FamilyTextfield
            id="f-reason-notHeard"
            rows={2}
            label={tc("duty.notHeardReason")}
            value={reason}
            onChange={setReason}
            pupils={namePickerPupils(view, name)}
          />
        </ActionForm>
      ) : null}
    </>
  );
}

const ROLES = ["allegedActor", "bystander", "other"] as const;

/** Other pupils directly involved, with their role; add one by searching. */
export function InvolvedPupils({ view, name, post }: { view: CaseView; name: Name; post: Post }) {
  const tc = useCasesT();
  const c = view.case;
  const involved = c.involvedPupils ?? [];
  const [role, setRole] = useState<(typeof ROLES)[number]>("allegedActor");
  return (
    <>
      <Heading level={3} data-size="2xs">
        {tc("duty.involved")}
      </Heading>
      {involved.length === 0 ? (
        <Paragraph data-size="sm">{tc("duty.noInvolved")}</Paragraph>
      ) : (
        <ul className="cases-list">
          {involved.map((p) => (
            <li key={p.pupilId}>
              {name(p.pupilId)} – {tc(`duty.role.${p.role}`)}
            </li>
          ))}
        </ul>
      )}
      {view.can.addInvolvedPupil ? (
        <Disclosure title={tc("duty.addInvolved")}>
          <div className="cases-form cases-form--small" id="involved-form">
            <label className="cases-select" htmlFor="f-role">
              {tc("duty.involvedRole")}
              <Select
                id="f-role"
                value={role}
                onChange={(e) => setRole(e.target.value as (typeof ROLES)[number])}
              >
                {ROLES.map((r) => (
                  <Select.Option key={r} value={r}>
                    {tc(`duty.role.${r}`)}
                  </Select.Option>
                ))}
              </Select>
            </label>
            <PersonSearch
              id="f-pupilId-involved"
              schoolId={c.schoolId}
              onlyRole="pupil"
              label={tc("duty.involvedSearch")}
              exclude={[...c.pupils, ...involved.map((p) => p.pupilId)]}
              onPick={(p) => void post("/involved-pupils", { pupilId: p.id, role })}
            />
          </div>
        </Disclosure>
      ) : null}
    </>
  );
}

/** The principal's one answer to "is this a serious case?", and the answer afterwards. */
export function Seriousness({ view, post }: { view: CaseView; post: Post }) {
  const tc = useCasesT();
  const c = view.case;
  const [answer, setAnswer] = useState<"yes" | "no" | "">("");
  const [reason, setReason] = useState("");
  if (c.kind === "leadership-violation") return null;
  const s = c.seriousness;
  if (s) {
    return (
      <Paragraph data-size="sm" className="cases-text">
        {s.serious
          ? tc("duty.seriousAnswerYes", { date: showDate(s.at) })
          : tc("duty.seriousAnswerNo", { date: showDate(s.at) })}
        {s.reason ? ` ${tc("duty.seriousReason")}: ${s.reason}` : ""}
      </Paragraph>
    );
  }
  if (s !== null || !view.can.assessSeriousness || c.acknowledgedAt === null) return null;
  return (
    <ActionForm
      id="seriousness-form"
      title={tc("duty.seriousTitle")}
      submit={tc("save")}
      onSubmit={() =>
        post("/seriousness", { serious: answer === "yes", reason: reason.trim() || null }, [
          ["f-serious-answer", tc("duty.seriousTitle"), answer, "choose"],
          ...(answer === "yes"
            ? ([["f-reason-seriousness", tc("duty.seriousReason"), reason]] as const)
            : []),
        ])
      }
    >
      <Paragraph data-size="sm">{tc("duty.seriousHelp")}</Paragraph>
      <Fieldset id="f-serious-answer" tabIndex={-1}>
        <Fieldset.Legend>{tc("duty.seriousTitle")}</Fieldset.Legend>
        <Radio
          name="seriousness"
          value="yes"
          label={tc("duty.seriousYes")}
          checked={answer === "yes"}
          onChange={() => setAnswer("yes")}
        />
        <Radio
          name="seriousness"
          value="no"
          label={tc("duty.seriousNo")}
          checked={answer === "no"}
          onChange={() => setAnswer("no")}
        />
      </Fieldset>
      <FamilyTextfield
        id="f-reason-seriousness"
        rows={2}
        label={tc("duty.seriousReason")}
        description={tc("duty.seriousReasonHelp")}
        value={reason}
        onChange={setReason}
        pupils={namePickerPupils(view, (id) => (id ? (view.names[id] ?? "") : ""))}
      />
    </ActionForm>
  );
}

/** §12-5: what was put in place at once. */
export function ImmediateMeasures({
  view,
  name,
  post,
}: {
  view: CaseView;
  name: Name;
  post: Post;
}) {
  const tc = useCasesT();
  const c = view.case;
  if (!isStaffKind(c.kind)) return null;
  const entries = c.immediateMeasures ?? [];
  return (
    <Section title={tc("duty.immediateTitle")}>
      <Paragraph data-size="sm">{tc("duty.immediateHelp")}</Paragraph>
      {entries.length === 0 ? (
        <Paragraph data-size="sm">{tc("duty.noImmediate")}</Paragraph>
      ) : (
        <ul className="cases-list">
          {entries.map((m) => (
            <li key={m.id}>
              <span className="cases-text">{m.text}</span>{" "}
              <small>
                ({showDate(m.at)}, {name(m.by)})
              </small>
            </li>
          ))}
        </ul>
      )}
      {view.can.recordImmediateMeasures ? (
        <TextForm
          id="f-text-immediate"
          title={tc("duty.immediateTitle")}
          label={tc("duty.immediateText")}
          field="text"
          url="/immediate-measures"
          pupils={namePickerPupils(view, name)}
          post={post}
        />
      ) : null}
    </Section>
  );
}

const INFORM_CHANNELS = ["meeting", "phone", "letter", "email", "sms", "digital"] as const;

/** Guardians told that a case exists, per pupil; or an adult pupil's choice. */
export function FamilyInformed({ view, name, post }: { view: CaseView; name: Name; post: Post }) {
  const tc = useCasesT();
  const { user } = useSession();
  const c = view.case;
  const entries = c.familyInformation ?? [];
  const [pupilId, setPupilId] = useState(c.pupils[0] ?? "");
  const [type, setType] = useState<"guardiansInformed" | "adultPupilChoice">("guardiansInformed");
  const [on, setOn] = useState(todayIso());
  const [channel, setChannel] = useState<string>("meeting");
  const [by, setBy] = useState("");
  const [mayBeTold, setMayBeTold] = useState<"yes" | "no" | "">("");
  const canRecord = view.can.recordGuardiansInformed || view.can.recordAdultPupilChoice;
  if (c.pupils.length === 0 || (entries.length === 0 && !canRecord && !c.familyInformedBy)) {
    return null;
  }
  const others = c.team.map((m) => m.personId).filter((id) => id !== user?.person.id);
  return (
    <Section title={tc("duty.family")}>
      {c.familyInformedBy ? (
        <Paragraph data-size="sm">
          {tc("duty.familyHelp", { date: showDate(c.familyInformedBy) })}
        </Paragraph>
      ) : null}
      <ul className="cases-list">
        {c.pupils.map((p) => {
          const mine = entries.filter((f) => f.pupilId === p);
          if (mine.length === 0) {
            return <li key={p}>{tc("duty.familyMissing", { name: name(p) })}</li>;
          }
          return mine.map((f) => (
            <li key={f.id}>
              {f.type === "guardiansInformed"
                ? tc("duty.familyInformedEntry", {
                    name: name(p),
                    date: showDate(f.informedOn),
                    channel: tc(`duty.informChannels.${f.channel}`),
                    by: name(f.informedBy),
                  })
                : tc(f.familyMayBeTold ? "duty.familyChoiceYes" : "duty.familyChoiceNo", {
                    name: name(p),
                    date: showDate(f.decidedOn),
                  })}
            </li>
          ));
        })}
      </ul>
      {canRecord ? (
        <ActionForm
          id="family-form"
          collapsed
          title={tc("duty.family")}
          submit={tc("save")}
          onSubmit={() =>
            type === "guardiansInformed"
              ? post(
                  "/family-information",
                  { type, pupilId, informedOn: on, channel, ...(by ? { informedBy: by } : {}) },
                  [["f-informedOn", tc("duty.informedOn"), on]],
                )
              : post(
                  "/family-information",
                  { type, pupilId, decidedOn: on, familyMayBeTold: mayBeTold === "yes" },
                  [
                    ["f-informedOn", tc("duty.informedOn"), on],
                    ["f-familyMayBeTold", tc("duty.familyMayBeTold"), mayBeTold, "choose"],
                  ],
                )
          }
        >
          {c.pupils.length > 1 ? (
            <label className="cases-select" htmlFor="f-pupilId-family">
              {tc("page.pupil")}
              <Select
                id="f-pupilId-family"
                value={pupilId}
                onChange={(e) => setPupilId(e.target.value)}
              >
                {c.pupils.map((p) => (
                  <Select.Option key={p} value={p}>
                    {name(p)}
                  </Select.Option>
                ))}
              </Select>
            </label>
          ) : null}
          <Fieldset>
            <Fieldset.Legend>{tc("duty.familyType")}</Fieldset.Legend>
            <Radio
              name="family-type"
              value="guardiansInformed"
              label={tc("duty.guardiansInformed")}
              checked={type === "guardiansInformed"}
              onChange={() => setType("guardiansInformed")}
            />
            <Radio
              name="family-type"
              value="adultPupilChoice"
              label={tc("duty.adultPupilChoice")}
              checked={type === "adultPupilChoice"}
              onChange={() => setType("adultPupilChoice")}
            />
          </Fieldset>
          <Textfield
            id="f-informedOn"
            type="date"
            label={tc("duty.informedOn")}
            value={on}
            max={todayIso()}
            onChange={(e) => setOn(e.target.value)}
          />
          {type === "guardiansInformed" ? (
            <div className="cases-inline">
              <label className="cases-select" htmlFor="f-channel">
                {tc("duty.informChannel")}
                <Select id="f-channel" value={channel} onChange={(e) => setChannel(e.target.value)}>
                  {INFORM_CHANNELS.map((ch) => (
                    <Select.Option key={ch} value={ch}>
                      {tc(`duty.informChannels.${ch}`)}
                    </Select.Option>
                  ))}
                </Select>
              </label>
              <label className="cases-select" htmlFor="f-informedBy">
                {tc("duty.informedBy")}
                <Select id="f-informedBy" value={by} onChange={(e) => setBy(e.target.value)}>
                  <Select.Option value="">{tc("duty.me")}</Select.Option>
                  {others.map((id) => (
                    <Select.Option key={id} value={id}>
                      {name(id)}
                    </Select.Option>
                  ))}
                </Select>
              </label>
            </div>
          ) : (
            <Fieldset id="f-familyMayBeTold" tabIndex={-1}>
              <Fieldset.Legend>{tc("duty.familyMayBeTold")}</Fieldset.Legend>
              <div className="cases-inline">
                <Radio
                  name="family-may"
                  value="yes"
                  label={tc("yes")}
                  checked={mayBeTold === "yes"}
                  onChange={() => setMayBeTold("yes")}
                />
                <Radio
                  name="family-may"
                  value="no"
                  label={tc("no")}
                  checked={mayBeTold === "no"}
                  onChange={() => setMayBeTold("no")}
                />
              </div>
            </Fieldset>
          )}
        </ActionForm>
      ) : null}
    </Section>
  );
}

/** The covering statements to Statsforvalteren; may be written on a closed case too. */
export function CoveringStatements({
  view,
  name,
  post,
}: {
  view: CaseView;
  name: Name;
  post: Post;
}) {
  const tc = useCasesT();
  const entries = view.case.coveringStatements ?? [];
  if (entries.length === 0 && !view.can.recordCoveringStatement) return null;
  return (
    <Section title={tc("duty.covering")}>
      <Paragraph data-size="sm">{tc("duty.coveringHelp")}</Paragraph>
      {entries.length === 0 ? <Paragraph data-size="sm">{tc("duty.noCovering")}</Paragraph> : null}
      {entries.map((s) => (
        <Card key={s.id} className="cases-card" data-color="neutral">
          <Paragraph className="cases-text">{s.text}</Paragraph>
          <Paragraph data-size="sm">
            {showDate(s.recordedAt)}, {name(s.recordedBy)}
          </Paragraph>
        </Card>
      ))}
      {view.can.recordCoveringStatement ? (
        <TextForm
          id="f-text-covering"
          title={tc("duty.covering")}
          label={tc("duty.coveringText")}
          field="text"
          url="/covering-statements"
          pupils={namePickerPupils(view, name)}
          post={post}
          collapsed
        />
      ) : null}
    </Section>
  );
}

const GROUNDS = ["pupilFeelsSafe", "pupilLeftSchool", "joined", "noCaseToAnswer", "other"] as const;
type Ground = (typeof GROUNDS)[number];

interface ListItem {
  id: string;
  schoolId: string;
  kind: string;
  pupils: { id: string; name: string }[];
  reportedAt: string;
}

/** Closing on one of the fixed grounds (ADR 0113). */
export function CloseForm({ view, name, post }: { view: CaseView; name: Name; post: Post }) {
  const tc = useCasesT();
  const { user, hasRole } = useSession();
  const c = view.case;
  const [ground, setGround] = useState<Ground>("pupilFeelsSafe");
  const [left, setLeft] = useState<string[]>([]);
  const [note, setNote] = useState("");
  const [intoCaseId, setIntoCaseId] = useState("");
  const [findings, setFindings] = useState("");
  const [reason, setReason] = useState("");
  const [confirmed, setConfirmed] = useState(false);
  const leadership = c.kind === "leadership-violation";
  const pupils = namePickerPupils(view, name);
  const cases = useApiData<{ items: ListItem[] }>(
    ground !== "joined"
      ? null
      : leadership
        ? `/api/owners/${c.ownerId}/cases`
        : `/api/schools/${c.schoolId}/cases`,
  );
  const principal = leadership
    ? (user?.grants ?? []).some((g) => g.role === "areaDirector" && g.ownerId === c.ownerId)
    : hasRole("principal", c.schoolId);
  const candidates =
    cases.state === "ready"
      ? cases.data.items.filter((x) => x.id !== c.id && x.schoolId === c.schoolId)
      : [];

  const submit = () => {
    switch (ground) {
      case "pupilFeelsSafe":
        return post("/close", { type: ground });
      case "pupilLeftSchool":
        return post("/close", { type: ground, pupilIds: left, note }, [
          ["f-pupilIds", tc("duty.leftPupils"), left.join(","), "choose"],
          ["f-note-close", tc("duty.leftNote"), note],
        ]);
      case "joined":
        return post("/close", { type: ground, intoCaseId }, [
          ["f-intoCaseId", tc("duty.joinedCase"), intoCaseId, "choose"],
        ]);
      case "noCaseToAnswer":
        return post("/close", { type: ground, findings }, [
          ["f-findings", tc("duty.findings"), findings],
        ]);
      case "other":
        return post("/close", { type: ground, reason, confirmed: principal && confirmed }, [
          ["f-reason-close", tc("duty.otherReason"), reason],
        ]);
    }
  };

  return (
    <Section title={tc("page.close")}>
      <Paragraph data-size="sm">{tc("page.closeHelp")}</Paragraph>
      <ActionForm
        id="close-form"
        collapsed
        title={tc("page.close")}
        submit={tc("page.close")}
        onSubmit={submit}
      >
        <Fieldset id="f-closure" tabIndex={-1}>
          <Fieldset.Legend>{tc("duty.closeGround")}</Fieldset.Legend>
          {GROUNDS.map((g) => (
            <Radio
              key={g}
              name="closure"
              value={g}
              label={tc(`duty.grounds.${g}`)}
              checked={ground === g}
              onChange={() => setGround(g)}
            />
          ))}
        </Fieldset>
        {ground === "pupilLeftSchool" ? (
          <>
            <Fieldset id="f-pupilIds" tabIndex={-1}>
              <Fieldset.Legend>{tc("duty.leftPupils")}</Fieldset.Legend>
              {c.pupils.map((p) => (
                <Checkbox
                  key={p}
                  label={name(p)}
                  checked={left.includes(p)}
                  onChange={(e) =>
                    setLeft((list) =>
                      e.target.checked ? [...list, p] : list.filter((x) => x !== p),
                    )
                  }
                />
              ))}
            </Fieldset>
            <FamilyTextfield
              id="f-note-close"
              rows={2}
              label={tc("duty.leftNote")}
              value={note}
              onChange={setNote}
              pupils={pupils}
            />
          </>
        ) : null}
        {ground === "joined" ? (
          <label className="cases-select" htmlFor="f-intoCaseId">
            {tc("duty.joinedCase")}
            <Select
              id="f-intoCaseId"
              value={intoCaseId}
              onChange={(e) => setIntoCaseId(e.target.value)}
            >
              <Select.Option value="">
                {cases.state === "ready" && candidates.length === 0
                  ? tc("duty.noOpenCases")
                  : tc("duty.chooseCase")}
              </Select.Option>
              {candidates.map((x) => (
                <Select.Option key={x.id} value={x.id}>
                  {tc("duty.caseOption", {
                    pupils: x.pupils.map((p) => p.name).join(", ") || tc("list.anonymousPupil"),
                    kind: tc(`kind.${x.kind}`),
                    date: showDate(x.reportedAt),
                  })}
                </Select.Option>
              ))}
            </Select>
          </label>
        ) : null}
        {ground === "noCaseToAnswer" ? (
          <FamilyTextfield
            id="f-findings"
            label={tc("duty.findings")}
            value={findings}
            onChange={setFindings}
            pupils={pupils}
          />
        ) : null}
        {ground === "other" ? (
          <>
            <FamilyTextfield
              id="f-reason-close"
              label={tc("duty.otherReason")}
              value={reason}
              onChange={setReason}
              pupils={pupils}
            />
            {principal ? (
              <Checkbox
                id="f-confirmed"
                label={tc("duty.confirmPrincipal")}
                checked={confirmed}
                onChange={(e) => setConfirmed(e.target.checked)}
              />
            ) : null}
          </>
        ) : null}
      </ActionForm>
    </Section>
  );
}

/** The ground a closed case was closed on, in words. */
export function ClosureText({ view, name }: { view: CaseView; name: Name }) {
  const tc = useCasesT();
  const closure = view.case.closure;
  if (!closure) return null;
  const ground = tc(`duty.grounds.${closure.type}`);
  let detail: ReactNode = null;
  switch (closure.type) {
    case "pupilLeftSchool":
      detail = `${closure.pupilIds.map((p) => name(p)).join(", ")}: ${closure.note}`;
      break;
    case "joined":
      detail = (
        <>
          {tc("duty.joinedInto")} <a href={`/cases/${closure.intoCaseId}`}>{tc("duty.openCase")}</a>
        </>
      );
      break;
    case "noCaseToAnswer":
      detail = closure.findings;
      break;
    case "other":
    case "reason":
      detail = closure.reason;
      break;
    default:
      break;
  }
  return (
    <Paragraph className="cases-text">
      {tc("duty.closedGround", { ground })}
      {detail ? (
        <>
          <br />
          {detail}
        </>
      ) : null}
    </Paragraph>
  );
}
