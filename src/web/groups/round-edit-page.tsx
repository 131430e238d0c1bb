// Changing one round by hand: every pupil has a "move to group" choice (keyboard and phone
// friendly; dragging a pupil onto another group does the same with a mouse) and a lock. In a
// VIP plan the pupils are shown in their buddy pairs, each pair with its own "move the pair"
// choice; moving one pupil of a pair first warns, naming the buddy who would be left alone. The
// quality figures and any broken constraint update live, computed in the browser; the server
// checks the hard constraints again on save and answers 409 naming the pupils concerned.
import {
  Alert,
  Button,
  Card,
  Checkbox,
  Link as DsLink,
  Field,
  Fieldset,
  Heading,
  Label,
  Paragraph,
  Select,
  Spinner,
} from "@digdir/designsystemet-react";
import { type DragEvent, useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useParams } from "react-router";
import type { PupilRef, RotationPlanView } from "../../contract/rotations.ts";
import { useAnnounce } from "../app/announcer.tsx";
import { api, isApiError } from "../app/api.ts";
import { Page } from "../ui/page.tsx";
import {
  breaches,
  buddyLeftAlone,
  type EditableRound,
  editableRound,
  fmtDate,
  listNames,
  liveQuality,
  movePair,
  movePupil,
  namesOf,
  pupilsWithoutBuddy,
  QualityText,
  roundToSave,
  useApiData,
  useGroupLabel,
} from "./shared.tsx";

export function RoundEditPage() {
  const { t } = useTranslation("groups");
  const { rotationId = "", index = "0" } = useParams();
  const load = useApiData<RotationPlanView>(`/api/rotations/${rotationId}`);
  const roundIndex = Number(index);
  const plan = load.state === "ready" ? load.data : null;
  const round = plan?.rounds.find((r) => r.index === roundIndex);

  if (!plan || !round) {
    return (
      <Page title={t("edit.title", { round: roundIndex + 1 })}>
        {load.state === "error" ? (
          <Alert data-color="danger">{load.message}</Alert>
        ) : load.state === "loading" ? (
          <Spinner aria-label={t("common.loading")} />
        ) : (
          <Alert data-color="danger">{t("common.failed")}</Alert>
        )}
      </Page>
    );
  }
  return <RoundEditor key={`${plan.id}-${round.index}`} plan={plan} roundIndex={round.index} />;
}

function RoundEditor({ plan, roundIndex }: { plan: RotationPlanView; roundIndex: number }) {
  const { t } = useTranslation("groups");
  const navigate = useNavigate();
  const announce = useAnnounce();
  const original = plan.rounds.find((r) => r.index === roundIndex);
  const [draft, setDraft] = useState<EditableRound | null>(() =>
    original ? editableRound(original) : null,
  );
  const [error, setError] = useState<{ message: string; pupils: PupilRef[] } | null>(null);
  const [busy, setBusy] = useState(false);
  // The id of the element to focus after a move (the moved pupil's or pair's choice).
  const [focusId, setFocusId] = useState<string | null>(null);
  // VIP: a move of one pupil that would leave their buddy alone, waiting for the teacher.
  const [split, setSplit] = useState<{ pupil: string; buddy: string; to: number } | null>(null);
  const [dragged, setDragged] = useState<string | null>(null);
  // The group chosen in each pupil's "move to" list; the move happens on the button, so
  // arrowing through the list does not shuffle the pupil around.
  const [targets, setTargets] = useState<Record<string, number>>({});
  const [pairTargets, setPairTargets] = useState<Record<string, number>>({});
  const errorRef = useRef<HTMLDivElement>(null);
  const groupLabel = useGroupLabel(plan);
  const names = namesOf(plan);
  const backTo = `/groups/rotations/${plan.id}`;

  // After a move the pupil's (or pair's) choice lives in another group: keep the focus on it.
  useEffect(() => {
    if (!focusId) return;
    document.getElementById(focusId)?.focus();
    setFocusId(null);
  }, [focusId]);
  useEffect(() => {
    if (error) errorRef.current?.focus();
  }, [error]);

  if (!original || !draft) return null;
  const title = t("edit.title", { round: roundIndex + 1 });
  const lead = (
    <Paragraph>
      {t("edit.lead", {
        plan: plan.name,
        from: fmtDate(original.startsOn),
        to: fmtDate(original.endsOn),
      })}
    </Paragraph>
  );
  const back = (
    <DsLink asChild>
      <Link to={backTo}>{t("common.backToPlan")}</Link>
    </DsLink>
  );
  if (original.status === "past" || !plan.canManage || plan.archived) {
    return (
      <Page title={title} lead={lead} actions={back}>
        <Alert data-color="info">{t("edit.notEditable")}</Alert>
      </Page>
    );
  }

  const quality = liveQuality(plan, roundIndex, draft.groups);
  const broken = breaches(plan, draft.groups);
  const alone = pupilsWithoutBuddy(draft);
  const locked = new Set(draft.locked);
  const groupCount = draft.groups.length;

  const nameOf = (id: string) => names.get(id) ?? "?";
  const moveNow = (pupilId: string, to: number) => {
    const buddy = buddyLeftAlone(draft, pupilId);
    const next = movePupil(draft, pupilId, to, plan);
    setDraft(next);
    setTargets(({ [pupilId]: _, ...rest }) => rest);
    setSplit(null);
    setFocusId(`grp-move-${pupilId}`);
    let said = t("edit.moved", { name: nameOf(pupilId), group: groupLabel(to) });
    // The buddy left behind may have joined another pair of the old group as a trio.
    const joined = buddy ? next.buddyPairs?.flat().find((u) => u.includes(buddy)) : undefined;
    if (buddy && joined && joined.length > 1) {
      said += ` ${t("edit.regrouped", {
        name: nameOf(buddy),
        others: listNames(joined.filter((id) => id !== buddy).map(nameOf)),
      })}`;
    }
    announce(said);
  };
  const move = (pupilId: string, to: number) => {
    const buddy = buddyLeftAlone(draft, pupilId);
    if (buddy) {
      // Ask first, naming the buddy; the warning's first button moves the pair instead.
      setSplit({ pupil: pupilId, buddy, to });
      setFocusId(`grp-split-pair-${pupilId}`);
      return;
    }
    moveNow(pupilId, to);
  };
  const moveUnit = (pupilId: string, to: number) => {
    const unit = draft.buddyPairs?.flat().find((u) => u.includes(pupilId)) ?? [pupilId];
    setDraft(movePair(draft, pupilId, to, plan));
    setPairTargets(({ [unit[0] ?? pupilId]: _, ...rest }) => rest);
    setSplit(null);
    setFocusId(`grp-movepair-${unit[0] ?? pupilId}`);
    announce(t("edit.moved", { name: listNames(unit.map(nameOf)), group: groupLabel(to) }));
  };
  const cancelSplit = () => {
    if (split) setFocusId(`grp-move-${split.pupil}`);
    setSplit(null);
  };
  const toggleLock = (pupilId: string, on: boolean) =>
    setDraft((d) =>
      d
        ? {
            ...d,
            locked: on ? [...d.locked, pupilId] : d.locked.filter((id) => id !== pupilId),
          }
        : d,
    );
  const onDrop = (g: number) => (e: DragEvent) => {
    e.preventDefault();
    const id = dragged ?? e.dataTransfer.getData("text/plain");
    setDragged(null);
    if (!id) return;
    // Dragging in a VIP plan moves the pair, as the pair's own choice does.
    if (draft.buddyPairs) moveUnit(id, g);
    else move(id, g);
  };

  const save = async () => {
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      await api.put<RotationPlanView>(
        `/api/rotations/${plan.id}/rounds/${roundIndex}`,
        roundToSave(draft, plan),
      );
      announce(t("edit.saved"));
      navigate(backTo);
    } catch (err) {
      const pupils =
        isApiError(err) && Array.isArray(err.body?.pupils) ? (err.body.pupils as PupilRef[]) : [];
      setError({ message: isApiError(err) ? err.message : t("common.failed"), pupils });
    } finally {
      setBusy(false);
    }
  };

  const groupOptions = Array.from({ length: groupCount }, (_, i) => (
    // biome-ignore lint/suspicious/noArrayIndexKey: groups are identified by position
    <Select.Option key={i} value={String(i)}>
      {groupLabel(i)}
    </Select.Option>
  ));

  const pupilRow = (id: string, g: number) => (
    <li
      key={id}
      draggable
      onDragStart={(e) => {
        e.dataTransfer.setData("text/plain", id);
        setDragged(id);
      }}
      onDragEnd={() => setDragged(null)}
    >
      <Fieldset className="groups-pupil">
        <Fieldset.Legend className="groups-pupil__name">{nameOf(id)}</Fieldset.Legend>
        <div className="groups-pupil__move">
          <Field>
            <Label htmlFor={`grp-move-${id}`} className="groups-visually-hidden">
              {t("edit.moveTo")}
            </Label>
            <Select
              id={`grp-move-${id}`}
              data-size="sm"
              value={String(targets[id] ?? g)}
              onChange={(e) => setTargets((m) => ({ ...m, [id]: Number(e.target.value) }))}
            >
              {groupOptions}
            </Select>
          </Field>
          <Button
            variant="secondary"
            data-size="sm"
            onClick={() => move(id, targets[id] ?? g)}
            aria-disabled={(targets[id] ?? g) === g}
          >
            {t("edit.move")}
          </Button>
        </div>
        <Checkbox
          data-size="sm"
          className="groups-pupil__lock"
          label={
            // On narrow screens the short word shows; the full label is still read out.
            <>
              <span className="groups-lock-long">{t("edit.lock")}</span>
              <span className="groups-lock-short" aria-hidden="true">
                {t("edit.lockShort")}
              </span>
            </>
          }
          checked={locked.has(id)}
          onChange={(e) => toggleLock(id, e.currentTarget.checked)}
        />
      </Fieldset>
    </li>
  );

  const pairBox = (unit: string[], g: number) => {
    const key = unit[0] ?? "";
    const target = pairTargets[key] ?? g;
    const pending = split && unit.includes(split.pupil) ? split : null;
    return (
      <Fieldset className="groups-pair">
        <Fieldset.Legend className="groups-pair__legend">
          {t("edit.pair", { names: listNames(unit.map(nameOf)) })}
        </Fieldset.Legend>
        {unit.length > 1 ? (
          <div className="groups-pupil__move">
            <Field>
              <Label htmlFor={`grp-movepair-${key}`} className="groups-visually-hidden">
                {t("edit.movePairTo")}
              </Label>
              <Select
                id={`grp-movepair-${key}`}
                data-size="sm"
                value={String(target)}
                onChange={(e) => setPairTargets((m) => ({ ...m, [key]: Number(e.target.value) }))}
              >
                {groupOptions}
              </Select>
            </Field>
            <Button
              variant="secondary"
              data-size="sm"
              onClick={() => {
                if (target !== g) moveUnit(key, target);
              }}
              aria-disabled={target === g}
            >
              {t("edit.movePair")}
            </Button>
          </div>
        ) : null}
        <ul className="groups-edit-members">{unit.map((id) => pupilRow(id, g))}</ul>
        {pending ? (
          <Alert data-color="warning" role="alert" className="groups-split">
            <Paragraph data-size="sm">
              {t("edit.splitWarning", {
                name: nameOf(pending.pupil),
                buddy: nameOf(pending.buddy),
              })}
            </Paragraph>
            <div className="groups-actions">
              <Button
                id={`grp-split-pair-${pending.pupil}`}
                data-size="sm"
                onClick={() => moveUnit(pending.pupil, pending.to)}
              >
                {t("edit.movePairTo2", { group: groupLabel(pending.to) })}
              </Button>
              <Button
                variant="secondary"
                data-size="sm"
                onClick={() => moveNow(pending.pupil, pending.to)}
              >
                {t("edit.moveOnly", { name: nameOf(pending.pupil) })}
              </Button>
              <Button variant="tertiary" data-size="sm" onClick={cancelSplit}>
                {t("edit.cancel")}
              </Button>
            </div>
          </Alert>
        ) : null}
      </Fieldset>
    );
  };

  return (
    <Page title={title} lead={lead} actions={back}>
      <Paragraph data-size="sm">{t("edit.help")}</Paragraph>

      <Card data-color="neutral" className="groups-card groups-live">
        <Heading level={2} data-size="xs">
          {t("edit.qualityHeading")}
        </Heading>
        {/* Read out when a move changes the figures or breaks a constraint. */}
        <div aria-live="polite" aria-atomic="true" id="grp-live">
          <Paragraph data-size="sm">
            {t("edit.repeatsChange", {
              now: quality.totalRepeats,
              before: plan.quality.totalRepeats,
            })}{" "}
            {t("edit.maxChange", { now: quality.maxMeetings, before: plan.quality.maxMeetings })}
          </Paragraph>
          <QualityText quality={quality} lowerBound={plan.repeatsLowerBound} />
          {broken.length > 0 || alone.length > 0 ? (
            <Alert data-color="warning">
              <Heading level={3} data-size="2xs">
                {t("edit.warningsHeading")}
              </Heading>
              <ul>
                {broken.map((b) => (
                  <li key={`${b.kind}-${b.a}-${b.b}`}>
                    {b.kind === "apart"
                      ? t("edit.warningApart", { a: b.a, b: b.b })
                      : t("edit.warningTogether", { a: b.a, b: b.b })}
                  </li>
                ))}
                {alone.map((p) => (
                  <li key={`alone-${p.id}`}>
                    {t("edit.warningAlone", { name: nameOf(p.id), group: groupLabel(p.group) })}
                  </li>
                ))}
              </ul>
            </Alert>
          ) : null}
        </div>
      </Card>

      {error ? (
        <Alert data-color="danger" ref={errorRef} tabIndex={-1} className="groups-card">
          <Heading level={2} data-size="xs">
            {t("edit.conflict")}
          </Heading>
          <Paragraph>{error.message}</Paragraph>
          {/* The server's message may already end with the names. */}
          {error.pupils.length > 0 && !error.pupils.every((p) => error.message.includes(p.name)) ? (
            <ul>
              {error.pupils.map((p) => (
                <li key={p.id}>{p.name}</li>
              ))}
            </ul>
          ) : null}
        </Alert>
      ) : null}

      <div className="groups-grid groups-grid--edit">
        {draft.groups.map((members, g) => (
          <section
            // biome-ignore lint/suspicious/noArrayIndexKey: groups are identified by position
            key={g}
            className={dragged ? "groups-group groups-group--drop" : "groups-group"}
            aria-labelledby={`grp-edit-g${g}`}
            onDragOver={(e) => e.preventDefault()}
            onDrop={onDrop(g)}
          >
            <Heading level={2} data-size="2xs" id={`grp-edit-g${g}`}>
              {groupLabel(g)}
            </Heading>
            {draft.buddyPairs?.[g] ? (
              <ul className="groups-edit-pairs">
                {draft.buddyPairs[g].map((unit) => (
                  <li key={unit.join()}>{pairBox(unit, g)}</li>
                ))}
              </ul>
            ) : (
              <ul className="groups-edit-members">{members.map((id) => pupilRow(id, g))}</ul>
            )}
          </section>
        ))}
      </div>

      <div className="groups-actions">
        <Button onClick={() => void save()} aria-disabled={busy}>
          {busy ? t("common.saving") : t("edit.save")}
        </Button>
        <Button
          variant="secondary"
          onClick={() => {
            setDraft(editableRound(original));
            setError(null);
            setSplit(null);
          }}
        >
          {t("edit.reset")}
        </Button>
      </div>
    </Page>
  );
}
