// One case for the people who work on it: where it stands (next dated step and who owns it),
// the reports, the investigation (notes, the pupil's own view, the best-interest
// assessment), the team, attachments, the plan and its follow-up, escalation, closing and
// the case file, and the timeline of everything done. Forms show only what the reader may
// do; the server decides either way.
import {
  Alert,
  Button,
  Card,
  Checkbox,
  Fieldset,
  Heading,
  Paragraph,
  Radio,
  Select,
  Tag,
  Textfield,
} from "@digdir/designsystemet-react";
import { useState } from "react";
import { Link, useParams } from "react-router";
import { api } from "../app/api.ts";
import { PlaceSummary } from "../surveys/where-when/place-fields.tsx";
import { useApiData } from "../ui/api-data.ts";
import { Page } from "../ui/page.tsx";
import {
  ActionForm,
  CloseForm,
  ClosureText,
  CoveringStatements,
  Deadlines,
  Disclosure,
  dueText,
  FamilyInformed,
  FamilyTextfield,
  ImmediateMeasures,
  InvolvedPupils,
  NotHeard,
  namePickerPupils,
  type Post,
  PupilOptions,
  Section,
  Seriousness,
  TextForm,
  ToldAndEntered,
} from "./case-parts.tsx";
import { CheckInViewNote } from "./check-in-parts.tsx";
import type { PupilOption } from "./pupil-name-picker.tsx";
import { Conversation } from "./receipt-conversation.tsx";
import {
  type CaseView,
  missingFields,
  PersonSearch,
  type Problem,
  Problems,
  problemsFrom,
  showDate,
  todayIso,
  useCasesT,
} from "./shared.tsx";

export function CasePage() {
  const tc = useCasesT();
  const { caseId } = useParams();
  const data = useApiData<CaseView>(caseId ? `/api/cases/${caseId}` : null);
  const [problems, setProblems] = useState<Problem[]>([]);
  const [attempt, setAttempt] = useState(0);
  const [done, setDone] = useState<string | null>(null);
  const [view, setView] = useState<CaseView | null>(null);

  const post: Post = async (url, body, required = []) => {
    setAttempt((a) => a + 1);
    const missing = missingFields(required);
    if (missing.length > 0) {
      setDone(null);
      setProblems(missing);
      return false;
    }
    try {
      const next = await api.post<CaseView>(`/api/cases/${caseId}${url}`, body);
      if (next && typeof next === "object" && "case" in next) setView(next);
      else data.reload();
      setProblems([]);
      setDone(tc("page.done"));
      return true;
    } catch (err) {
      setDone(null);
      setProblems(problemsFrom(err, (path) => (path ? `f-${path.split(".")[0]}` : null)));
      return false;
    }
  };

  if (data.state !== "ready") {
    return (
      <Page title={tc("page.title")}>
        <Paragraph>{data.state === "error" ? data.message : tc("loading")}</Paragraph>
      </Page>
    );
  }
  const v = view ?? data.data;
  const c = v.case;
  const can = v.can;
  const name = (id: string | null | undefined) =>
    !id
      ? ""
      : id === "system"
        ? tc("page.system")
        : id === "anonymous"
          ? tc("page.anonymous")
          : (v.names[id] ?? "");
  const pupilNames = c.pupils.map(name).join(", ");
  const title =
    c.pupils.length > 0 ? tc("page.caseOf", { pupils: pupilNames }) : tc("page.anonymousCase");
  const plan = c.planRevisions[c.planRevisions.length - 1];
  const open = c.status !== "closed";
  const stepOwner = (o: CaseView["steps"][number]["owner"]) =>
    o.type === "person" ? name(o.personId) : tc(`roles:name.${o.role}`);

  return (
    <Page
      title={title}
      lead={
        <>
          {tc(`kind.${c.kind}`)} · {tc(`status.${c.status}`)} · {v.schoolName} ·{" "}
          {tc("page.reportedOn", { date: showDate(c.reportedAt) })}
        </>
      }
    >
      <Problems problems={problems} title={tc("errors.refused")} attempt={attempt} />
      {done && problems.length === 0 ? (
        <Alert data-color="success" role="status">
          {done}
        </Alert>
      ) : null}
      {c.kind === "leadership-violation" ? (
        <Alert data-color="info">{tc("page.leadershipBanner")}</Alert>
      ) : null}
      {c.serious ? <Alert data-color="warning">{tc("page.seriousBanner")}</Alert> : null}
      {!open ? (
        <Alert data-color="info">
          <Paragraph>{tc("page.closedBanner", { date: showDate(c.closedAt) })}</Paragraph>
          <ClosureText view={v} name={name} />
        </Alert>
      ) : null}

      {v.nextStep ? (
        <Card data-color={v.nextStep.overdue ? "danger" : "neutral"} className="cases-next">
          <Heading level={2} data-size="xs">
            {tc("page.nextStep")}: {tc(`step.${v.nextStep.kind}`)}
          </Heading>
          <Paragraph>
            {dueText(tc, c.kind, v.nextStep)}
            {v.nextStep.overdue ? (
              <>
                {" "}
                <Tag data-color="danger">{tc("page.overdue")}</Tag>
              </>
            ) : null}
            <br />
            {tc("page.responsible", { who: stepOwner(v.nextStep.owner) })}
          </Paragraph>
          {/* Only while the report waits for it: the command is refused once acknowledged. */}
          {can.acknowledge && c.status === "reported" ? (
            <Button onClick={() => void post("/acknowledge", {})}>{tc("page.acknowledge")}</Button>
          ) : null}
        </Card>
      ) : null}

      <Deadlines view={v} name={name} />

      {v.joinSuggestions.length > 0 ? (
        <Card data-color="warning" className="cases-card">
          <Heading level={2} data-size="xs">
            {tc("page.joinSuggestions")}
          </Heading>
          <Paragraph data-size="sm">{tc("page.joinHelp")}</Paragraph>
          {v.joinSuggestions.map((s) => (
            <Button
              key={s.caseId}
              variant="secondary"
              data-size="sm"
              onClick={async () => {
                try {
                  const r = await api.post<{ caseId: string }>(`/api/cases/${caseId}/join`, {
                    intoCaseId: s.caseId,
                  });
                  window.location.assign(`/cases/${r.caseId}`);
                } catch (err) {
                  setProblems(problemsFrom(err, () => null));
                }
              }}
            >
              {tc("page.joinInto", {
                pupils: s.pupils.map(name).join(", "),
                date: showDate(s.reportedAt),
              })}
            </Button>
          ))}
        </Card>
      ) : null}

      <Section title={tc("page.reports")}>
        {c.reports.map((r, i) => {
          const row = v.reports.find((x) => x.id === r.id);
          const d = (row?.details ?? {}) as Record<string, unknown>;
          return (
            <Card key={r.id} className="cases-card" data-color="neutral">
              <Heading level={3} data-size="2xs">
                {tc("page.report", { n: i + 1 })} · {showDate(r.reportedAt)} ·{" "}
                {tc(`kind.${r.kind}`)}
              </Heading>
              <Paragraph data-size="sm">
                {tc("page.reporter")}:{" "}
                {r.reporter.type === "person" ? name(r.reporter.personId) : tc("page.anonymous")}
              </Paragraph>
              <Paragraph className="cases-text">{r.description}</Paragraph>
              <dl className="cases-dl">
                <ToldAndEntered report={r} />
                {d.occurredOn ? (
                  <>
                    <dt>{tc("page.occurredOn")}</dt>
                    <dd>{showDate(String(d.occurredOn))}</dd>
                  </>
                ) : null}
                <PlaceSummary details={d} />
                {d.place ? (
                  <>
                    <dt>{tc("page.place")}</dt>
                    <dd>{String(d.place)}</dd>
                  </>
                ) : null}
                {Array.isArray(d.involvedPupilIds) && d.involvedPupilIds.length > 0 ? (
                  <>
                    <dt>{tc("page.involvedPupils")}</dt>
                    <dd>{d.involvedPupilIds.map((x) => name(String(x))).join(", ")}</dd>
                  </>
                ) : null}
                {Array.isArray(d.involvedStaffIds) && d.involvedStaffIds.length > 0 ? (
                  <>
                    <dt>{tc("page.involvedStaff")}</dt>
                    <dd>{d.involvedStaffIds.map((x) => name(String(x))).join(", ")}</dd>
                  </>
                ) : null}
                {d.others ? (
                  <>
                    <dt>{tc("page.others")}</dt>
                    <dd>{String(d.others)}</dd>
                  </>
                ) : null}
              </dl>
              {d.pupilSaidUnsafe === true ? (
                <Tag data-color="warning">{tc("page.pupilSaidUnsafe")}</Tag>
              ) : null}
              {d.intervened === true ? (
                <Paragraph data-size="sm">
                  {tc("page.intervened")}: {String(d.intervention ?? "")}
                </Paragraph>
              ) : null}
            </Card>
          );
        })}
        {can.addPupil ? (
          <PersonSearch
            id="f-pupilId"
            schoolId={c.schoolId}
            onlyRole="pupil"
            label={tc("page.addPupil")}
            description={tc("page.pupilSearch")}
            exclude={c.pupils}
            onPick={(p) => void post("/pupils", { pupilId: p.id })}
          />
        ) : null}
      </Section>

      {c.reports
        .filter((r) => r.reporter.type === "anonymous")
        .map((r) => (
          <Section key={r.id} title={tc("page.conversation")}>
            <Paragraph data-size="sm">{tc("page.conversationHelp")}</Paragraph>
            <Conversation
              messages={(c.reporterMessages ?? []).filter((m) => m.reportId === r.id)}
              you="school"
              who={(m) =>
                m.from === "reporter"
                  ? tc("page.fromReporter")
                  : `${tc("page.fromSchool")} (${name(m.by)})`
              }
              empty={tc("page.noMessages")}
            />
            {can.replyToReporter ? (
              <TextForm
                id={`f-text-reply-${r.id}`}
                title={tc("page.reply")}
                label={tc("page.replyText")}
                field="text"
                url="/reporter-messages"
                extra={{ reportId: r.id }}
                submit={tc("page.send")}
                post={post}
              />
            ) : null}
          </Section>
        ))}

      <Section title={tc("page.investigation")}>
        <Heading level={3} data-size="2xs">
          {tc("page.notes")}
        </Heading>
        {c.investigationNotes.length === 0 ? (
          <Paragraph data-size="sm">{tc("page.noNotes")}</Paragraph>
        ) : null}
        <ul className="cases-list">
          {c.investigationNotes.map((n) => (
            <li key={n.id}>
              <strong>
                {showDate(n.occurredOn)} · {tc(`noteKind.${n.kind}`)}
              </strong>{" "}
              <small>{tc("page.by", { name: name(n.recordedBy) })}</small>
              <p className="cases-text">{n.text}</p>
            </li>
          ))}
        </ul>
        {can.addInvestigationNote ? (
          <NoteForm post={post} pupils={namePickerPupils(v, name)} />
        ) : null}

        <Heading level={3} data-size="2xs">
          {tc("page.pupilViews")}
        </Heading>
        {c.pupilViews.length === 0 ? (
          <Paragraph data-size="sm">{tc("page.noPupilViews")}</Paragraph>
        ) : null}
        <ul className="cases-list">
          {c.pupilViews.map((pv) => (
            <li key={pv.id}>
              <strong>
                {showDate(pv.heardOn)} · {name(pv.pupilId)}
              </strong>
              {pv.feelsSafe !== null ? (
                <>
                  {" "}
                  <Tag data-color={pv.feelsSafe ? "success" : "warning"} data-size="sm">
                    {tc("page.feelsSafe")} {pv.feelsSafe ? tc("yes") : tc("no")}
                  </Tag>
                </>
              ) : null}
              {pv.source === "checkIn" ? <CheckInViewNote answer={pv.checkInAnswer} /> : null}
              {pv.source === "reporter" ? (
                // What the reporter passed on: the pupil has not been heard by the school yet.
                <Paragraph data-size="sm">{tc("page.viewFromReport")}</Paragraph>
              ) : pv.words ? (
                <p className="cases-text">«{pv.words}»</p>
              ) : null}
            </li>
          ))}
        </ul>
        {can.recordPupilView ? <PupilViewForm post={post} view={v} name={name} /> : null}
        <NotHeard view={v} name={name} post={post} />
        <InvolvedPupils view={v} name={name} post={post} />

        <Heading level={3} data-size="2xs">
          {tc("page.bestInterest")}
        </Heading>
        {c.bestInterest.length === 0 ? (
          <Paragraph data-size="sm">{tc("page.noBestInterest")}</Paragraph>
        ) : null}
        {c.bestInterest.map((b) => (
          <p key={b.id} className="cases-text">
            {b.text}{" "}
            <small>
              ({showDate(b.recordedAt)}, {name(b.recordedBy)})
            </small>
          </p>
        ))}
        {can.recordBestInterest ? (
          <TextForm
            id="f-bestInterest-case"
            title={tc("page.addBestInterest")}
            label={tc("page.bestInterestText")}
            field="text"
            url="/best-interest"
            pupils={namePickerPupils(v, name)}
            post={post}
            collapsed
          />
        ) : null}
      </Section>

      <ImmediateMeasures view={v} name={name} post={post} />
      <FamilyInformed view={v} name={name} post={post} />

      <Section title={tc("page.plan")}>
        {!plan ? <Paragraph data-size="sm">{tc("page.noPlan")}</Paragraph> : null}
        {plan ? (
          <Card className="cases-card" data-color="neutral">
            <Heading level={3} data-size="2xs">
              {tc("page.revision", { n: plan.revision })} · {showDate(plan.savedAt)}
            </Heading>
            <Paragraph className="cases-text">{plan.problem}</Paragraph>
            <ul className="cases-list">
              {plan.measures.map((m) => {
                const doneOn = c.measureLog.filter((e) => e.measureId === m.id);
                return (
                  <li key={m.id}>
                    <strong>{m.description}</strong>
                    <br />
                    <small>
                      {showDate(m.startsOn)}
                      {m.endsOn ? ` – ${showDate(m.endsOn)}` : ""}
                      {m.schedule ? `, ${m.schedule}` : ""} · {tc("planEditor.responsible")}:{" "}
                      {name(m.responsiblePersonId)}
                    </small>
                    {doneOn.map((e) => (
                      <div key={e.id}>
                        <Tag data-color="success" data-size="sm">
                          {tc("event.case.measureCarriedOut")} {showDate(e.carriedOutOn)}
                        </Tag>
                        {e.note ? <small className="cases-text"> {e.note}</small> : null}
                      </div>
                    ))}
                  </li>
                );
              })}
            </ul>
            {can.recordMeasureCarriedOut ? (
              <CarriedOutForm
                post={post}
                measures={plan.measures}
                pupils={namePickerPupils(v, name)}
              />
            ) : null}
            <Paragraph data-size="sm">
              {tc("planEditor.evaluateOn")} {showDate(plan.evaluateOn)}
            </Paragraph>
            {/* One copy per pupil: a family's copy names only their own child. */}
            <ul className="cases-links">
              {(c.pupils.length > 0 ? c.pupils : [""]).flatMap((p) =>
                (["nb", "nn"] as const).map((lang) => (
                  <li key={`${p}-${lang}`}>
                    <a
                      href={`/api/cases/${c.id}/plan/${plan.revision}/pdf?lang=${lang}${p ? `&pupilId=${p}` : ""}`}
                    >
                      {tc(lang === "nb" ? "page.planPdf" : "page.planPdfNn")}
                      {c.pupils.length > 1 ? `: ${name(p)}` : ""}
                    </a>
                  </li>
                )),
              )}
            </ul>
            {c.planCommunications
              .filter((x) => x.revision === plan.revision)
              .map((x) => (
                <Paragraph key={`${x.revision}-${x.communicatedOn}`} data-size="sm">
                  {tc("page.communicated")}: {showDate(x.communicatedOn)} (
                  {x.to.map((p) => tc(`party.${p}`)).join(", ")})
                </Paragraph>
              ))}
            {c.planResponses
              .filter((x) => x.revision === plan.revision)
              .map((x) => (
                <Paragraph key={`${x.by}-${x.respondedOn}`} data-size="sm">
                  {tc("page.responses")}: {showDate(x.respondedOn)} {tc(`party.${x.by}`)} –{" "}
                  {tc("page.accepted")}: {x.accepted ? tc("yes") : tc("no")}
                </Paragraph>
              ))}
            {can.recordPlanCommunicated ? (
              <CommunicatedForm post={post} revision={plan.revision} />
            ) : null}
            {can.recordPlanResponse &&
            c.planCommunications.some((x) => x.revision === plan.revision) ? (
              <ResponseForm post={post} revision={plan.revision} />
            ) : null}
          </Card>
        ) : null}
        {can.savePlan ? (
          <Link to={`/cases/${c.id}/plan`} className="ds-button" data-variant="primary">
            {plan ? tc("page.revisePlan") : tc("page.writePlan")}
          </Link>
        ) : null}
      </Section>

      {plan && (can.recordEvaluation || c.evaluations.length > 0) ? (
        <Section title={tc("page.evaluations")}>
          {c.evaluations.map((ev) => (
            <Card key={ev.id} className="cases-card" data-color="neutral">
              <Heading level={3} data-size="2xs">
                {tc("page.evaluation")} · {showDate(ev.evaluatedOn)}
              </Heading>
              <ul className="cases-list">
                {ev.measureEffects.map((m) => (
                  <li key={m.measureId}>
                    {
                      c.planRevisions.flatMap((p) => p.measures).find((x) => x.id === m.measureId)
                        ?.description
                    }
                    : {tc(`effect.${m.effect}`)}
                    {m.comment ? <span className="cases-text"> – {m.comment}</span> : null}
                  </li>
                ))}
              </ul>
              {ev.summary ? <Paragraph className="cases-text">{ev.summary}</Paragraph> : null}
              {c.status === "evaluating" ? (
                <Paragraph data-size="sm">
                  {tc("page.decideBy", { date: showDate(ev.decideBy) })}
                </Paragraph>
              ) : null}
            </Card>
          ))}
          {can.recordEvaluation ? <EvaluationForm post={post} view={v} name={name} /> : null}
        </Section>
      ) : null}

      <Section title={tc("page.team")}>
        <Paragraph data-size="sm">{tc("page.teamHelp")}</Paragraph>
        {c.team.length === 0 ? <Paragraph data-size="sm">{tc("page.noTeam")}</Paragraph> : null}
        <ul className="cases-list">
          {c.team.map((m) => (
            <li key={m.personId}>
              {name(m.personId)}{" "}
              {can.removeTeamMember ? (
                <Button
                  variant="tertiary"
                  data-size="sm"
                  onClick={() => void post(`/team/${m.personId}/remove`, {})}
                >
                  {tc("page.removeMember", { name: name(m.personId) })}
                </Button>
              ) : null}
            </li>
          ))}
        </ul>
        {can.addTeamMember && c.kind !== "leadership-violation" ? (
          <Disclosure title={tc("page.memberSearch")}>
            <PersonSearch
              schoolId={c.schoolId}
              onlyRole={null}
              label={tc("page.memberSearch")}
              exclude={[...c.team.map((m) => m.personId), ...c.pupils]}
              onPick={(p) => void post("/team", { personId: p.id })}
            />
          </Disclosure>
        ) : null}
      </Section>

      <Section title={tc("page.attachments")}>
        {v.attachments.length === 0 ? (
          <Paragraph data-size="sm">{tc("page.noAttachments")}</Paragraph>
        ) : null}
        <ul className="cases-list">
          {v.attachments.map((a) => (
            <li key={a.id}>
              <a href={`/api/cases/${c.id}/attachments/${a.id}`}>{a.fileName}</a>{" "}
              <small>
                ({Math.ceil(a.sizeBytes / 1024)} kB, {showDate(a.uploadedAt)}, {name(a.uploadedBy)})
              </small>
            </li>
          ))}
        </ul>
        {can.attach ? (
          <Disclosure title={tc("page.addAttachment")}>
            <AttachmentForm caseId={c.id} onDone={() => data.reload()} setProblems={setProblems} />
          </Disclosure>
        ) : null}
      </Section>

      {(open &&
        (can.markSerious ||
          can.notifyOwner ||
          can.recordObviouslyUnfounded ||
          can.assessSeriousness)) ||
      c.seriousness ? (
        <Section title={tc("page.escalation")}>
          <Seriousness view={v} post={post} />
          {c.staffViolationDecisions.map((d) => (
            <Paragraph key={d.at} data-size="sm">
              {d.type === "ownerNotified"
                ? tc("page.ownerNotifiedAt", { date: showDate(d.at) })
                : `${tc("page.unfoundedAt", { date: showDate(d.at) })}: ${d.reason}`}
            </Paragraph>
          ))}
          {c.kind === "staff-violation" && c.staffViolationDecisions.length === 0 ? (
            <>
              {can.notifyOwner ? (
                <ActionForm
                  id="f-notifyOwner"
                  title={tc("page.ownerDecision")}
                  submit={tc("page.notifyOwner")}
                  onSubmit={() => post("/owner-decision", { decision: "notifyOwner" })}
                />
              ) : null}
              {can.recordObviouslyUnfounded ? (
                <TextForm
                  id="f-reason"
                  title={tc("page.unfounded")}
                  label={tc("page.unfoundedReason")}
                  field="reason"
                  url="/owner-decision"
                  extra={{ decision: "obviouslyUnfounded" }}
                  pupils={namePickerPupils(v, name)}
                  post={post}
                />
              ) : null}
            </>
          ) : null}
          {can.markSerious && !c.serious && c.kind !== "leadership-violation" ? (
            <TextForm
              id="f-serious"
              title={tc("page.markSerious")}
              label={tc("page.seriousReason")}
              field="reason"
              url="/serious"
              pupils={namePickerPupils(v, name)}
              post={post}
              collapsed
            />
          ) : null}
        </Section>
      ) : null}

      {c.kindChanges.length > 0 || can.reclassify ? (
        <Section title={tc("page.reclassify")}>
          {c.kindChanges.map((k) => (
            <Paragraph key={k.at} data-size="sm">
              {tc("page.kindChanged", {
                date: showDate(k.at),
                from: tc(`kind.${k.from}`),
                to: tc(`kind.${k.to}`),
              })}
              : {k.reason}
            </Paragraph>
          ))}
          {can.reclassify ? (
            <ReclassifyForm post={post} kind={c.kind} pupils={namePickerPupils(v, name)} />
          ) : null}
        </Section>
      ) : null}

      {can.close && c.status !== "measuresActive" ? (
        <CloseForm view={v} name={name} post={post} />
      ) : null}

      <CoveringStatements view={v} name={name} post={post} />

      {can.export ? (
        <Section title={tc("page.export")}>
          <ul className="cases-links">
            <li>
              <a href={`/api/cases/${c.id}/export?format=pdf`}>{tc("page.exportPdf")}</a>
            </li>
            <li>
              <a href={`/api/cases/${c.id}/export?format=json`}>{tc("page.exportJson")}</a>
            </li>
            <li>
              <a href={`/api/cases/${c.id}/export.zip`}>{tc("page.exportZip")}</a>
            </li>
            {c.pupils.map((p) => (
              <li key={p}>
                <a href={`/api/cases/${c.id}/export?format=pdf&copy=family&pupilId=${p}`}>
                  {tc("page.familyCopy")}: {name(p)}
                </a>
              </li>
            ))}
          </ul>
          <Paragraph data-size="sm">{tc("page.familyCopyHelp")}</Paragraph>
        </Section>
      ) : null}

      <Section title={tc("page.timeline")}>
        <ol className="cases-timeline">
          {v.timeline.map((e) => (
            <li key={e.seq}>
              <time dateTime={e.at}>
                {new Date(e.at).toLocaleString("nb-NO", { timeZone: "Europe/Oslo" })}
              </time>{" "}
              {tc(`event.${e.type}`, e.data)} <small>{name(e.actorId)}</small>
            </li>
          ))}
        </ol>
      </Section>
    </Page>
  );
}

function NoteForm({ post, pupils }: { post: Post; pupils: readonly PupilOption[] }) {
  const tc = useCasesT();
  const [kind, setKind] = useState("conversation");
  const [on, setOn] = useState(todayIso());
  const [text, setText] = useState("");
  return (
    <ActionForm
      id="note-form"
      collapsed
      title={tc("page.addNote")}
      submit={tc("save")}
      onSubmit={async () => {
        const ok = await post("/notes", { kind, occurredOn: on, text });
        if (ok) setText("");
        return ok;
      }}
    >
      <div className="cases-inline">
        <label className="cases-select" htmlFor="note-kind">
          {tc("page.noteKind")}
          <Select id="note-kind" value={kind} onChange={(e) => setKind(e.target.value)}>
            {["conversation", "observation", "survey", "guardianContact", "other"].map((k) => (
              <Select.Option key={k} value={k}>
                {tc(`noteKind.${k}`)}
              </Select.Option>
            ))}
          </Select>
        </label>
        <Textfield
          id="f-occurredOn"
          type="date"
          label={tc("page.noteDate")}
          value={on}
          onChange={(e) => setOn(e.target.value)}
        />
      </div>
      <FamilyTextfield
        id="f-text"
        label={tc("page.noteText")}
        value={text}
        onChange={setText}
        pupils={pupils}
      />
    </ActionForm>
  );
}

/** What a pupil says: a pupil of the case or another involved pupil (listed apart). */
function PupilViewForm({
  post,
  view,
  name,
}: {
  post: Post;
  view: CaseView;
  name: (id: string | null | undefined) => string;
}) {
  const tc = useCasesT();
  const pupils = [...view.case.pupils, ...(view.case.involvedPupils ?? []).map((p) => p.pupilId)];
  const [pupilId, setPupilId] = useState(pupils[0] ?? "");
  const [words, setWords] = useState("");
  const [safe, setSafe] = useState<"yes" | "no" | "">("");
  return (
    <ActionForm
      id="view-form"
      collapsed
      title={tc("page.addPupilView")}
      submit={tc("save")}
      onSubmit={async () => {
        const ok = await post(
          "/pupil-views",
          {
            pupilId: pupilId || pupils[0],
            heardOn: todayIso(),
            words,
            feelsSafe: safe === "yes" ? true : safe === "no" ? false : null,
          },
          [["f-words", tc("page.words"), words]],
        );
        if (ok) setWords("");
        return ok;
      }}
    >
      {pupils.length > 1 ? (
        <label className="cases-select" htmlFor="view-pupil">
          {tc("page.pupil")}
          <Select id="view-pupil" value={pupilId} onChange={(e) => setPupilId(e.target.value)}>
            <PupilOptions view={view} name={name} />
          </Select>
        </label>
      ) : null}
      <FamilyTextfield
        id="f-words"
        label={tc("page.words")}
        value={words}
        onChange={setWords}
        pupils={namePickerPupils(view, name)}
      />
      <Fieldset>
        <Fieldset.Legend>{tc("page.feelsSafe")}</Fieldset.Legend>
        <div className="cases-inline">
          {(["yes", "no", ""] as const).map((x) => (
            <Radio
              key={x || "u"}
              name="feelsSafe"
              value={x}
              label={x === "yes" ? tc("yes") : x === "no" ? tc("no") : tc("unknown")}
              checked={safe === x}
              onChange={() => setSafe(x)}
            />
          ))}
        </div>
      </Fieldset>
    </ActionForm>
  );
}

function EvaluationForm({
  post,
  view,
  name,
}: {
  post: Post;
  view: CaseView;
  name: (id: string) => string;
}) {
  const tc = useCasesT();
  const c = view.case;
  const plan = c.planRevisions[c.planRevisions.length - 1];
  const [words, setWords] = useState<Record<string, string>>({});
  const [safe, setSafe] = useState<Record<string, boolean>>({});
  const [effects, setEffects] = useState<Record<string, string>>({});
  const [comments, setComments] = useState<Record<string, string>>({});
  const [summary, setSummary] = useState("");
  const [evaluatedOn, setEvaluatedOn] = useState(todayIso());
  const [bestInterest, setBestInterest] = useState("");
  const [earlyReason, setEarlyReason] = useState("");
  if (!plan) return null;
  const pupils = namePickerPupils(view, name);
  const early = evaluatedOn !== "" && evaluatedOn < plan.evaluateOn;
  /** "Virket" only for a measure with a carried-out entry in the log (the server agrees). */
  const carriedOut = (measureId: string) => c.measureLog.some((e) => e.measureId === measureId);
  return (
    <ActionForm
      id="evaluation-form"
      title={tc("page.evaluate")}
      submit={tc("save")}
      onSubmit={() =>
        post(
          "/evaluations",
          {
            evaluatedOn,
            pupilViews: c.pupils.map((p) => ({
              pupilId: p,
              words: words[p] ?? "",
              feelsSafe: safe[p] ?? null,
            })),
            // An unrated measure is sent without an effect: the server names it as missing.
            measureEffects: plan.measures.map((m) => ({
              measureId: m.id,
              effect: effects[m.id] || undefined,
              comment: comments[m.id]?.trim() || null,
            })),
            summary: summary || null,
            earlyReason: early ? earlyReason.trim() || null : null,
            bestInterest,
          },
          [
            ["f-evaluatedOn", tc("duty.evaluatedOn"), evaluatedOn],
            ...(early
              ? ([
                  [
                    "f-earlyReason",
                    tc("duty.earlyReason", { date: showDate(plan.evaluateOn) }),
                    earlyReason,
                  ],
                ] as const)
              : []),
            ["f-bestInterest", tc("duty.bestInterest"), bestInterest],
          ],
        )
      }
    >
      <Textfield
        id="f-evaluatedOn"
        type="date"
        label={tc("duty.evaluatedOn")}
        value={evaluatedOn}
        max={todayIso()}
        onChange={(e) => setEvaluatedOn(e.target.value)}
      />
      {early ? (
        <Textfield
          id="f-earlyReason"
          multiline
          rows={2}
          label={tc("duty.earlyReason", { date: showDate(plan.evaluateOn) })}
          value={earlyReason}
          onChange={(e) => setEarlyReason(e.target.value)}
        />
      ) : null}
      {c.pupils.map((p) => (
        <Fieldset key={p}>
          <Fieldset.Legend>{name(p)}</Fieldset.Legend>
          <FamilyTextfield
            id={`f-pupilViews-${p}`}
            multiline={false}
            label={tc("page.pupilSaysNow")}
            value={words[p] ?? ""}
            onChange={(text) => setWords((w) => ({ ...w, [p]: text }))}
            pupils={pupils}
          />
          <Radio
            name={`safe-${p}`}
            value="yes"
            label={`${tc("page.feelsSafe")} ${tc("yes")}`}
            checked={safe[p] === true}
            onChange={() => setSafe((s) => ({ ...s, [p]: true }))}
          />
          <Radio
            name={`safe-${p}`}
            value="no"
            label={`${tc("page.feelsSafe")} ${tc("no")}`}
            checked={safe[p] === false}
            onChange={() => setSafe((s) => ({ ...s, [p]: false }))}
          />
        </Fieldset>
      ))}
      {plan.measures.map((m) => (
        <Fieldset key={m.id} className="cases-measure">
          <Fieldset.Legend>{tc("page.effectOf", { measure: m.description })}</Fieldset.Legend>
          <label className="cases-select" htmlFor={`effect-${m.id}`}>
            {tc("page.chooseEffect")}
            <Select
              id={`effect-${m.id}`}
              aria-describedby={carriedOut(m.id) ? undefined : `effect-hint-${m.id}`}
              value={effects[m.id] ?? ""}
              onChange={(e) => setEffects((x) => ({ ...x, [m.id]: e.target.value }))}
            >
              <Select.Option value="">–</Select.Option>
              {["worked", "partly", "didNotWork", "notCarriedOut"].map((k) => (
                <Select.Option key={k} value={k} disabled={k === "worked" && !carriedOut(m.id)}>
                  {tc(`effect.${k}`)}
                </Select.Option>
              ))}
            </Select>
          </label>
          {carriedOut(m.id) ? null : (
            <Paragraph data-size="sm" id={`effect-hint-${m.id}`}>
              {tc("duty.workedDisabled")}
            </Paragraph>
          )}
          <Textfield
            id={`effect-comment-${m.id}`}
            label={tc("page.effectComment")}
            value={comments[m.id] ?? ""}
            onChange={(e) => setComments((x) => ({ ...x, [m.id]: e.target.value }))}
          />
        </Fieldset>
      ))}
      <FamilyTextfield
        id="f-summary"
        rows={2}
        label={tc("page.summary")}
        value={summary}
        onChange={setSummary}
        pupils={pupils}
      />
      <FamilyTextfield
        id="f-bestInterest"
        label={tc("duty.bestInterest")}
        description={tc("duty.bestInterestHelp")}
        value={bestInterest}
        onChange={setBestInterest}
        pupils={pupils}
      />
    </ActionForm>
  );
}

const MAX_BYTES = 10 * 1024 * 1024;
const TYPES = ["application/pdf", "image/png", "image/jpeg", "text/plain"];

function AttachmentForm({
  caseId,
  onDone,
  setProblems,
}: {
  caseId: string;
  onDone: () => void;
  setProblems: (p: Problem[]) => void;
}) {
  const tc = useCasesT();
  const [error, setError] = useState<string | null>(null);
  return (
    <div className="cases-form cases-form--small">
      <label className="cases-select">
        {tc("page.addAttachment")}
        <input
          type="file"
          accept={TYPES.join(",")}
          aria-describedby="attachment-help"
          onChange={async (e) => {
            const file = e.target.files?.[0];
            if (!file) return;
            if (file.size > MAX_BYTES) return setError(tc("page.attachmentTooLarge"));
            if (!TYPES.includes(file.type)) return setError(tc("page.attachmentType"));
            setError(null);
            const bytes = new Uint8Array(await file.arrayBuffer());
            let binary = "";
            for (let i = 0; i < bytes.length; i += 0x8000) {
              binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
            }
            try {
              await api.post(`/api/cases/${caseId}/attachments`, {
                fileName: file.name,
                mediaType: file.type,
                contentBase64: btoa(binary),
              });
              e.target.value = "";
              onDone();
            } catch (err) {
              setProblems(problemsFrom(err, () => null));
            }
          }}
        />
      </label>
      <Paragraph id="attachment-help" data-size="sm">
        {error ?? tc("page.attachmentHelp")}
      </Paragraph>
    </div>
  );
}

function CommunicatedForm({ post, revision }: { post: Post; revision: number }) {
  const tc = useCasesT();
  const [on, setOn] = useState(todayIso());
  const [to, setTo] = useState<string[]>(["pupil", "guardians"]);
  return (
    <ActionForm
      id="f-communicated"
      title={tc("page.recordCommunicated")}
      submit={tc("save")}
      onSubmit={() => post("/plan/communicated", { revision, communicatedOn: on, to })}
    >
      <Textfield
        id="f-communicatedOn"
        type="date"
        label={tc("page.communicatedOn")}
        value={on}
        onChange={(e) => setOn(e.target.value)}
      />
      <Fieldset>
        <Fieldset.Legend>{tc("page.to")}</Fieldset.Legend>
        {["pupil", "guardians"].map((p) => (
          <Checkbox
            key={p}
            label={tc(`party.${p}`)}
            checked={to.includes(p)}
            onChange={(e) =>
              setTo((list) => (e.target.checked ? [...list, p] : list.filter((x) => x !== p)))
            }
          />
        ))}
      </Fieldset>
    </ActionForm>
  );
}

function ResponseForm({ post, revision }: { post: Post; revision: number }) {
  const tc = useCasesT();
  const [on, setOn] = useState(todayIso());
  const [by, setBy] = useState("guardians");
  const [accepted, setAccepted] = useState(true);
  const [comment, setComment] = useState("");
  return (
    <ActionForm
      id="f-response"
      title={tc("page.recordResponse")}
      submit={tc("save")}
      onSubmit={() =>
        post("/plan/responses", {
          revision,
          respondedOn: on,
          by,
          accepted,
          comment: comment || null,
        })
      }
    >
      <div className="cases-inline">
        <Textfield
          id="f-respondedOn"
          type="date"
          label={tc("page.respondedOn")}
          value={on}
          onChange={(e) => setOn(e.target.value)}
        />
        <label className="cases-select" htmlFor="f-by">
          {tc("page.respondedBy")}
          <Select id="f-by" value={by} onChange={(e) => setBy(e.target.value)}>
            {["guardians", "pupil"].map((p) => (
              <Select.Option key={p} value={p}>
                {tc(`party.${p}`)}
              </Select.Option>
            ))}
          </Select>
        </label>
      </div>
      <Fieldset>
        <Fieldset.Legend>{tc("page.accepted")}</Fieldset.Legend>
        <div className="cases-inline">
          <Radio
            name="accepted"
            value="yes"
            label={tc("yes")}
            checked={accepted}
            onChange={() => setAccepted(true)}
          />
          <Radio
            name="accepted"
            value="no"
            label={tc("no")}
            checked={!accepted}
            onChange={() => setAccepted(false)}
          />
        </div>
      </Fieldset>
      <Textfield
        id="f-comment"
        label={tc("page.comment")}
        value={comment}
        onChange={(e) => setComment(e.target.value)}
      />
    </ActionForm>
  );
}

/** That a measure was carried out, on which day, with an optional note (case-file item 6). */
function CarriedOutForm({
  post,
  measures,
  pupils,
}: {
  post: Post;
  measures: readonly { id: string; description: string }[];
  pupils: readonly PupilOption[];
}) {
  const tc = useCasesT();
  const [measureId, setMeasureId] = useState(measures[0]?.id ?? "");
  const [on, setOn] = useState(todayIso());
  const [note, setNote] = useState("");
  return (
    <ActionForm
      id="carried-out-form"
      title={tc("page.carriedOutTitle")}
      submit={tc("page.carriedOut")}
      onSubmit={async () => {
        const ok = await post(`/measures/${encodeURIComponent(measureId)}/carried-out`, {
          carriedOutOn: on,
          note: note.trim() || null,
        });
        if (ok) setNote("");
        return ok;
      }}
    >
      <label className="cases-select" htmlFor="carried-out-measure">
        {tc("page.measure")}
        <Select
          id="carried-out-measure"
          value={measureId}
          onChange={(e) => setMeasureId(e.target.value)}
        >
          {measures.map((m) => (
            <Select.Option key={m.id} value={m.id}>
              {m.description}
            </Select.Option>
          ))}
        </Select>
      </label>
      <Textfield
        id="f-carriedOutOn"
        type="date"
        label={tc("page.carriedOutOn")}
        value={on}
        onChange={(e) => setOn(e.target.value)}
      />
      <FamilyTextfield
        id="f-note"
        multiline={false}
        label={tc("page.carriedOutNote")}
        value={note}
        onChange={setNote}
        pupils={pupils}
      />
    </ActionForm>
  );
}

const KINDS = ["pupil-reported", "staff-concern", "staff-violation", "leadership-violation"];

/** Change the case's kind, with the reason (kept in the case's history). */
function ReclassifyForm({
  post,
  kind,
  pupils,
}: {
  post: Post;
  kind: string;
  pupils: readonly PupilOption[];
}) {
  const tc = useCasesT();
  const [next, setNext] = useState(KINDS.find((k) => k !== kind) ?? kind);
  const [reason, setReason] = useState("");
  return (
    <ActionForm
      id="reclassify-form"
      collapsed
      title={tc("page.reclassify")}
      submit={tc("page.reclassify")}
      onSubmit={async () => {
        const ok = await post("/reclassify", { kind: next, reason });
        if (ok) setReason("");
        return ok;
      }}
    >
      <label className="cases-select" htmlFor="f-kind">
        {tc("page.reclassifyKind")}
        <Select id="f-kind" value={next} onChange={(e) => setNext(e.target.value)}>
          {KINDS.filter((k) => k !== kind).map((k) => (
            <Select.Option key={k} value={k}>
              {tc(`kind.${k}`)}
            </Select.Option>
          ))}
        </Select>
      </label>
      <FamilyTextfield
        id="f-reason-reclassify"
        multiline={false}
        label={tc("page.reclassifyReason")}
        value={reason}
        onChange={setReason}
        pupils={pupils}
      />
    </ActionForm>
  );
}
