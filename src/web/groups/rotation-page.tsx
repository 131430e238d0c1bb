// One rotation plan: every round as a card (dates, status, the groups by name, buddy pairs in
// VIP groups), print links, the quality in words, the re-plan banner, who must and must not be
// together, and for seating maps the fixed seats. School constraints come from the school's
// follow-up and show only the two names: never a case or a reason.
import {
  Alert,
  Button,
  Card,
  Link as DsLink,
  Field,
  Heading,
  Label,
  Paragraph,
  Select,
  Spinner,
  Tag,
  ValidationMessage,
} from "@digdir/designsystemet-react";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import type {
  AddConstraintInput,
  FixedSeat,
  RotationConstraint,
  RotationPlanView,
  RotationRoundView,
  RotationSettingsInput,
} from "../../contract/rotations.ts";
import { useAnnounce } from "../app/announcer.tsx";
import { api, isApiError } from "../app/api.ts";
import { errorFor, type FormProblem, problemsOf } from "../ui/form-errors.tsx";
import { Page } from "../ui/page.tsx";
import {
  fmtDate,
  namesOf,
  type PrintKind,
  printUrl,
  QualityText,
  useApiData,
  useGroupLabel,
} from "./shared.tsx";

export function RotationPage() {
  const { t } = useTranslation("groups");
  const { rotationId = "" } = useParams();
  const load = useApiData<RotationPlanView>(`/api/rotations/${rotationId}`);
  // The latest answer of a change, shown until the page is left.
  const [changed, setChanged] = useState<RotationPlanView | null>(null);
  const plan = changed?.id === rotationId ? changed : load.state === "ready" ? load.data : null;

  if (!plan) {
    return (
      <Page title={t("overview.title")}>
        {load.state === "error" ? (
          <Alert data-color="danger">{load.message}</Alert>
        ) : (
          <Spinner aria-label={t("common.loading")} />
        )}
        <BackLink />
      </Page>
    );
  }

  return (
    <Page
      title={plan.name}
      lead={
        <Paragraph>
          {t("plan.lead", {
            group: plan.groupName,
            structure: t(`common.structure.${plan.structure}`),
            weeks: plan.rotationWeeks,
          })}
        </Paragraph>
      }
      actions={<BackLink />}
    >
      {plan.archived ? <Alert data-color="info">{t("plan.archived")}</Alert> : null}
      {plan.needsReplan && !plan.archived ? (
        <ReplanBanner plan={plan} onChange={setChanged} />
      ) : null}

      <section className="groups-section" aria-labelledby="grp-quality-h">
        <Heading level={2} data-size="sm" id="grp-quality-h">
          {t("plan.quality.heading")}
        </Heading>
        <QualityText quality={plan.quality} lowerBound={plan.repeatsLowerBound} />
      </section>

      <section className="groups-section" aria-labelledby="grp-rounds-h">
        <Heading level={2} data-size="sm" id="grp-rounds-h">
          {t("plan.roundsHeading")}
        </Heading>
        <ol className="groups-rounds">
          {plan.rounds.map((round) => (
            <li key={round.index}>
              <RoundCard plan={plan} round={round} />
            </li>
          ))}
        </ol>
      </section>

      <Constraints plan={plan} onChange={setChanged} />
      {plan.structure === "seating" && plan.classroom ? (
        <FixedSeats plan={plan} onChange={setChanged} />
      ) : null}
      {plan.canManage && !plan.archived ? <Archive plan={plan} onChange={setChanged} /> : null}
    </Page>
  );
}

function BackLink() {
  const { t } = useTranslation("groups");
  return (
    <DsLink asChild>
      <Link to="/groups">{t("common.back")}</Link>
    </DsLink>
  );
}

function ReplanBanner({
  plan,
  onChange,
}: {
  plan: RotationPlanView;
  onChange: (view: RotationPlanView) => void;
}) {
  const { t } = useTranslation("groups");
  const announce = useAnnounce();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const replan = async () => {
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      onChange(await api.post<RotationPlanView>(`/api/rotations/${plan.id}/replan`, {}));
      announce(t("plan.replan.done"));
    } catch (err) {
      setError(isApiError(err) ? err.message : t("common.failed"));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Alert data-color="warning" className="groups-banner">
      <Paragraph>{t("plan.replan.banner")}</Paragraph>
      {plan.canManage ? (
        <>
          <Paragraph data-size="sm">{t("plan.replan.help")}</Paragraph>
          <div>
            <Button variant="primary" onClick={replan} aria-disabled={busy}>
              {busy ? t("common.saving") : t("plan.replan.button")}
            </Button>
          </div>
        </>
      ) : null}
      {error ? <Paragraph role="alert">{error}</Paragraph> : null}
    </Alert>
  );
}

const STATUS_COLOR = { past: "neutral", current: "success", planned: "info" } as const;

function RoundCard({ plan, round }: { plan: RotationPlanView; round: RotationRoundView }) {
  const { t } = useTranslation("groups");
  const names = namesOf(plan);
  const current = new Set(plan.pupils.map((p) => p.id));
  const groupLabel = useGroupLabel(plan);
  const headingId = `grp-round-${round.index}`;
  const locked = new Set(round.locked);
  const nameOf = (id: string) => {
    const name = names.get(id) ?? "?";
    const text = current.has(id) ? name : t("plan.formerPupil", { name });
    return locked.has(id) ? `${text} (${t("plan.locked")})` : text;
  };
  const prints: PrintKind[] =
    plan.structure === "seating" ? ["seating", "name-tags", "groups"] : ["groups", "name-tags"];
  const printLabel: Record<PrintKind, string> = {
    groups: t("plan.print.groups"),
    seating: t("plan.print.seating"),
    "name-tags": t("plan.print.nameTags"),
  };

  return (
    <Card data-color={round.status === "current" ? "accent" : "neutral"} className="groups-round">
      <div className="groups-round__head">
        <Heading level={3} data-size="xs" id={headingId}>
          {t("plan.round", { round: round.index + 1 })}
        </Heading>
        <Tag data-color={STATUS_COLOR[round.status]}>{t(`common.roundStatus.${round.status}`)}</Tag>
        {round.edited ? <Tag data-color="neutral">{t("plan.edited")}</Tag> : null}
      </div>
      <Paragraph data-size="sm">
        {t("plan.dates", { from: fmtDate(round.startsOn), to: fmtDate(round.endsOn) })}
      </Paragraph>
      <div className="groups-grid">
        {round.groups.map((members, g) => {
          const pairs = round.buddyPairs?.[g];
          return (
            // biome-ignore lint/suspicious/noArrayIndexKey: groups are identified by position
            <div key={g} className="groups-group">
              <Heading level={4} data-size="2xs">
                {groupLabel(g)}
              </Heading>
              {pairs && pairs.length > 0 ? (
                <ul className="groups-pairs" aria-label={t("plan.buddyPairs")}>
                  {pairs.map((pair, i) => (
                    // biome-ignore lint/suspicious/noArrayIndexKey: pairs are identified by position
                    <li key={i}>
                      {pair.map((id) => (
                        <span key={id} className="groups-name">
                          {nameOf(id)}
                        </span>
                      ))}
                    </li>
                  ))}
                </ul>
              ) : (
                <ul className="groups-members">
                  {members.map((id) => (
                    <li key={id}>{nameOf(id)}</li>
                  ))}
                </ul>
              )}
            </div>
          );
        })}
      </div>
      <div className="groups-round__actions">
        {plan.canManage && !plan.archived && round.status !== "past" ? (
          <DsLink asChild>
            <Link to={`/groups/rotations/${plan.id}/rounds/${round.index}`}>
              {t("plan.edit", { round: round.index + 1 })}
            </Link>
          </DsLink>
        ) : null}
        <ul className="groups-print" aria-label={t("plan.print.heading")}>
          {prints.map((kind) => (
            <li key={kind}>
              <DsLink
                href={printUrl(plan.id, round.index, kind)}
                aria-label={t("plan.print.label", {
                  what: printLabel[kind],
                  round: round.index + 1,
                })}
              >
                {printLabel[kind]}
              </DsLink>
            </li>
          ))}
        </ul>
      </div>
    </Card>
  );
}

function Constraints({
  plan,
  onChange,
}: {
  plan: RotationPlanView;
  onChange: (view: RotationPlanView) => void;
}) {
  const { t } = useTranslation("groups");
  const announce = useAnnounce();
  const [error, setError] = useState<string | null>(null);
  const remove = async (c: RotationConstraint) => {
    if (!c.id) return;
    setError(null);
    try {
      onChange(await api.delete<RotationPlanView>(`/api/rotations/${plan.id}/constraints/${c.id}`));
      announce(t("plan.constraints.removed"));
      document.getElementById("grp-constraints-h")?.focus();
    } catch (err) {
      setError(isApiError(err) ? err.message : t("common.failed"));
    }
  };
  const pairText = (c: RotationConstraint) =>
    t("plan.constraints.pair", { a: c.pupils[0].name, b: c.pupils[1].name });

  return (
    <section className="groups-section" aria-labelledby="grp-constraints-h">
      <Heading level={2} data-size="sm" id="grp-constraints-h" tabIndex={-1}>
        {t("plan.constraints.heading")}
      </Heading>
      {error ? <Alert data-color="danger">{error}</Alert> : null}
      {plan.constraints.length === 0 ? (
        <Paragraph data-size="sm">{t("plan.constraints.none")}</Paragraph>
      ) : (
        <ul className="groups-constraints">
          {plan.constraints.map((c, i) => (
            <li key={c.id ?? `school-${i}`}>
              <span>
                <strong>
                  {c.source === "school"
                    ? t("plan.constraints.schoolApart")
                    : t(`plan.constraints.${c.kind}`)}
                  :
                </strong>{" "}
                {pairText(c)}
              </span>
              {c.source === "teacher" && c.id && plan.canManage && !plan.archived ? (
                <Button
                  variant="tertiary"
                  data-size="sm"
                  onClick={() => void remove(c)}
                  aria-label={t("plan.constraints.removeLabel", {
                    a: c.pupils[0].name,
                    b: c.pupils[1].name,
                  })}
                >
                  {t("plan.constraints.remove")}
                </Button>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      {plan.canManage && !plan.archived ? <AddConstraint plan={plan} onChange={onChange} /> : null}
    </section>
  );
}

function AddConstraint({
  plan,
  onChange,
}: {
  plan: RotationPlanView;
  onChange: (view: RotationPlanView) => void;
}) {
  const { t } = useTranslation("groups");
  const announce = useAnnounce();
  const [kind, setKind] = useState<"apart" | "together">("apart");
  const [a, setA] = useState("");
  const [b, setB] = useState("");
  const [problems, setProblems] = useState<FormProblem[]>([]);
  const [busy, setBusy] = useState(false);
  const pupils = [...plan.pupils].sort((x, y) => x.name.localeCompare(y.name));
  const err = (id: string) => errorFor(problems, id);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    if (a && a === b) {
      setProblems([{ fieldId: "grp-con-b", message: t("plan.constraints.samePupil") }]);
      return;
    }
    setBusy(true);
    try {
      const input: AddConstraintInput = { kind, pupilIds: [a, b] };
      onChange(await api.post<RotationPlanView>(`/api/rotations/${plan.id}/constraints`, input));
      setProblems([]);
      setA("");
      setB("");
      announce(t("plan.constraints.added"));
    } catch (error) {
      setProblems(
        problemsOf(
          error,
          (path) =>
            path === "kind"
              ? "grp-con-kind"
              : path.startsWith("pupilIds.1")
                ? "grp-con-b"
                : path.startsWith("pupilIds")
                  ? "grp-con-a"
                  : null,
          t("common.failed"),
        ),
      );
    } finally {
      setBusy(false);
    }
  };
  const general = problems.filter((p) => p.fieldId === null);

  const picker = (id: string, label: string, value: string, set: (v: string) => void) => (
    <Field>
      <Label htmlFor={id}>{label}</Label>
      <Select
        id={id}
        value={value}
        onChange={(e) => set(e.target.value)}
        aria-invalid={err(id) ? true : undefined}
      >
        <Select.Option value="">{t("common.choose")}</Select.Option>
        {pupils.map((p) => (
          <Select.Option key={p.id} value={p.id}>
            {p.name}
          </Select.Option>
        ))}
      </Select>
      {err(id) ? <ValidationMessage>{err(id)}</ValidationMessage> : null}
    </Field>
  );

  return (
    <form onSubmit={submit} noValidate className="groups-form groups-subform">
      <Heading level={3} data-size="xs">
        {t("plan.constraints.addHeading")}
      </Heading>
      {general.length > 0 ? (
        <Alert data-color="danger">{general.map((p) => p.message).join(" ")}</Alert>
      ) : null}
      <div className="groups-fields">
        <Field>
          <Label htmlFor="grp-con-kind">{t("plan.constraints.kind")}</Label>
          <Select
            id="grp-con-kind"
            value={kind}
            onChange={(e) => setKind(e.target.value === "together" ? "together" : "apart")}
            aria-invalid={err("grp-con-kind") ? true : undefined}
          >
            <Select.Option value="apart">{t("plan.constraints.apart")}</Select.Option>
            <Select.Option value="together">{t("plan.constraints.together")}</Select.Option>
          </Select>
          {err("grp-con-kind") ? (
            <ValidationMessage>{err("grp-con-kind")}</ValidationMessage>
          ) : null}
        </Field>
        {picker("grp-con-a", t("plan.constraints.pupilA"), a, setA)}
        {picker("grp-con-b", t("plan.constraints.pupilB"), b, setB)}
      </div>
      <div>
        <Button type="submit" variant="secondary" aria-disabled={busy}>
          {busy ? t("common.saving") : t("plan.constraints.add")}
        </Button>
      </div>
    </form>
  );
}

/** The settings as they are, so a change of one part (the fixed seats) keeps the rest. */
function settingsOf(plan: RotationPlanView): RotationSettingsInput {
  return {
    name: plan.name,
    rotationWeeks: plan.rotationWeeks,
    unevenPolicy: plan.unevenPolicy,
    mixGender: plan.mixGender,
    ...(plan.groupSize !== null ? { groupSize: plan.groupSize } : {}),
    ...(plan.classroom ? { classroomId: plan.classroom.id } : {}),
  };
}

function FixedSeats({
  plan,
  onChange,
}: {
  plan: RotationPlanView;
  onChange: (view: RotationPlanView) => void;
}) {
  const { t } = useTranslation("groups");
  const announce = useAnnounce();
  const [pupilId, setPupilId] = useState("");
  const [seatId, setSeatId] = useState("");
  const [problems, setProblems] = useState<FormProblem[]>([]);
  const names = namesOf(plan);
  const tables = plan.classroom?.layout.tables ?? [];
  const seatNames = new Map<string, string>();
  for (const table of tables) {
    table.seats.forEach((seat, i) => {
      seatNames.set(seat.id, t("plan.fixedSeats.seatName", { table: table.label, seat: i + 1 }));
    });
  }
  const taken = new Set(plan.fixedSeats.map((f) => f.seatId));
  const fixedPupils = new Set(plan.fixedSeats.map((f) => f.pupilId));
  const err = (id: string) => errorFor(problems, id);

  const save = async (fixedSeats: FixedSeat[]) => {
    try {
      onChange(
        await api.put<RotationPlanView>(`/api/rotations/${plan.id}/settings`, {
          ...settingsOf(plan),
          fixedSeats,
        }),
      );
      setProblems([]);
      announce(t("plan.fixedSeats.saved"));
      return true;
    } catch (error) {
      setProblems(
        problemsOf(
          error,
          (path) =>
            path.startsWith("fixedSeats") && path.endsWith("seatId")
              ? "grp-fix-seat"
              : path.startsWith("fixedSeats")
                ? "grp-fix-pupil"
                : null,
          t("common.failed"),
        ),
      );
      return false;
    }
  };
  const add = async (e: FormEvent) => {
    e.preventDefault();
    if (!pupilId || !seatId) return;
    if (await save([...plan.fixedSeats, { pupilId, seatId }])) {
      setPupilId("");
      setSeatId("");
    }
  };
  const general = problems.filter((p) => p.fieldId === null);

  return (
    <section className="groups-section" aria-labelledby="grp-fixed-h">
      <Heading level={2} data-size="sm" id="grp-fixed-h" tabIndex={-1}>
        {t("plan.fixedSeats.heading")}
      </Heading>
      <Paragraph data-size="sm">{t("plan.fixedSeats.help")}</Paragraph>
      {general.length > 0 ? (
        <Alert data-color="danger">{general.map((p) => p.message).join(" ")}</Alert>
      ) : null}
      {plan.fixedSeats.length === 0 ? (
        <Paragraph data-size="sm">{t("plan.fixedSeats.none")}</Paragraph>
      ) : (
        <ul className="groups-constraints">
          {plan.fixedSeats.map((f) => {
            const name = names.get(f.pupilId) ?? "?";
            return (
              <li key={f.pupilId}>
                <span>
                  <strong>{name}:</strong> {seatNames.get(f.seatId) ?? f.seatId}
                </span>
                {plan.canManage && !plan.archived ? (
                  <Button
                    variant="tertiary"
                    data-size="sm"
                    aria-label={t("plan.fixedSeats.remove", { name })}
                    onClick={async () => {
                      if (await save(plan.fixedSeats.filter((x) => x.pupilId !== f.pupilId)))
                        document.getElementById("grp-fixed-h")?.focus();
                    }}
                  >
                    {t("plan.constraints.remove")}
                  </Button>
                ) : null}
              </li>
            );
          })}
        </ul>
      )}
      {plan.canManage && !plan.archived ? (
        <form onSubmit={add} noValidate className="groups-form groups-subform">
          <div className="groups-fields">
            <Field>
              <Label htmlFor="grp-fix-pupil">{t("plan.fixedSeats.pupil")}</Label>
              <Select
                id="grp-fix-pupil"
                value={pupilId}
                onChange={(e) => setPupilId(e.target.value)}
                aria-invalid={err("grp-fix-pupil") ? true : undefined}
              >
                <Select.Option value="">{t("common.choose")}</Select.Option>
                {plan.pupils
                  .filter((p) => !fixedPupils.has(p.id))
                  .map((p) => (
                    <Select.Option key={p.id} value={p.id}>
                      {p.name}
                    </Select.Option>
                  ))}
              </Select>
              {err("grp-fix-pupil") ? (
                <ValidationMessage>{err("grp-fix-pupil")}</ValidationMessage>
              ) : null}
            </Field>
            <Field>
              <Label htmlFor="grp-fix-seat">{t("plan.fixedSeats.seat")}</Label>
              <Select
                id="grp-fix-seat"
                value={seatId}
                onChange={(e) => setSeatId(e.target.value)}
                aria-invalid={err("grp-fix-seat") ? true : undefined}
              >
                <Select.Option value="">{t("common.choose")}</Select.Option>
                {[...seatNames]
                  .filter(([id]) => !taken.has(id))
                  .map(([id, label]) => (
                    <Select.Option key={id} value={id}>
                      {label}
                    </Select.Option>
                  ))}
              </Select>
              {err("grp-fix-seat") ? (
                <ValidationMessage>{err("grp-fix-seat")}</ValidationMessage>
              ) : null}
            </Field>
          </div>
          <div>
            <Button type="submit" variant="secondary">
              {t("plan.fixedSeats.add")}
            </Button>
          </div>
        </form>
      ) : null}
    </section>
  );
}

function Archive({
  plan,
  onChange,
}: {
  plan: RotationPlanView;
  onChange: (view: RotationPlanView) => void;
}) {
  const { t } = useTranslation("groups");
  const announce = useAnnounce();
  const [error, setError] = useState<string | null>(null);
  const archive = async () => {
    try {
      onChange(await api.post<RotationPlanView>(`/api/rotations/${plan.id}/archive`, {}));
      announce(t("plan.archivedDone"));
    } catch (err) {
      setError(isApiError(err) ? err.message : t("common.failed"));
    }
  };
  return (
    <div className="groups-section">
      {error ? <Alert data-color="danger">{error}</Alert> : null}
      <Button variant="secondary" data-color="danger" onClick={() => void archive()}>
        {t("plan.archive")}
      </Button>
    </div>
  );
}
