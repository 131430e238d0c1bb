// "Grupper og klassekart": the person's classes and teaching groups with their rotation plans,
// and the form that creates a plan (VIP buddy groups, groups of k, or a seating map).
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
  Radio,
  Select,
  Spinner,
  Tag,
  Textfield,
  ValidationMessage,
} from "@digdir/designsystemet-react";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router";
import type {
  ClassroomSummary,
  CreateRotationInput,
  RotationGroupSummary,
  RotationPlanView,
  RotationStructure,
  UnevenPolicy,
} from "../../contract/rotations.ts";
import { useAnnounce } from "../app/announcer.tsx";
import { api } from "../app/api.ts";
import { useSession } from "../app/session.tsx";
import { errorFor, FormErrors, type FormProblem, problemsOf } from "../ui/form-errors.tsx";
import { Page } from "../ui/page.tsx";
import { useApiData } from "./shared.tsx";

const STRUCTURES: RotationStructure[] = ["vip", "groups", "seating"];

export function GroupsOverviewPage() {
  const { t } = useTranslation("groups");
  const { activeSchool } = useSession();
  const groups = useApiData<RotationGroupSummary[]>(
    activeSchool ? `/api/schools/${activeSchool.id}/rotation-groups` : null,
  );

  if (!activeSchool) {
    return (
      <Page title={t("overview.title")}>
        <Paragraph>{t("common.noSchool")}</Paragraph>
      </Page>
    );
  }

  return (
    <Page
      title={t("overview.title")}
      lead={<Paragraph>{t("overview.lead")}</Paragraph>}
      actions={
        <DsLink asChild>
          <Link to="/groups/classrooms">{t("overview.classrooms")}</Link>
        </DsLink>
      }
    >
      {groups.state === "error" ? (
        <Alert data-color="danger">{groups.message}</Alert>
      ) : groups.state === "loading" ? (
        <Spinner aria-label={t("common.loading")} />
      ) : groups.data.length === 0 ? (
        <Paragraph>{t("overview.empty")}</Paragraph>
      ) : (
        <>
          <ul className="groups-list">
            {groups.data.map((g) => (
              <li key={g.groupId}>
                <GroupCard group={g} />
              </li>
            ))}
          </ul>
          <CreateRotation schoolId={activeSchool.id} groups={groups.data} />
        </>
      )}
    </Page>
  );
}

function GroupCard({ group }: { group: RotationGroupSummary }) {
  const { t } = useTranslation("groups");
  return (
    <Card data-color="neutral" className="groups-card">
      <Heading level={2} data-size="sm">
        {group.groupName}
      </Heading>
      <Paragraph data-size="sm" className="groups-muted">
        {t(`common.groupKind.${group.kind}`)} · {t("common.pupils", { count: group.pupilCount })}
      </Paragraph>
      {group.plans.length === 0 ? (
        <Paragraph data-size="sm">{t("overview.noPlans")}</Paragraph>
      ) : (
        <ul className="groups-plan-list">
          {group.plans.map((p) => (
            <li key={p.id}>
              <DsLink asChild>
                <Link to={`/groups/rotations/${p.id}`}>{p.name}</Link>
              </DsLink>{" "}
              <span className="groups-muted">
                {t("overview.planMeta", {
                  structure: t(`common.structure.${p.structure}`),
                  weeks: p.rotationWeeks,
                  rounds: p.roundCount,
                })}
              </span>{" "}
              {p.archived ? (
                <Tag data-color="neutral">{t("overview.archived")}</Tag>
              ) : p.currentRound !== null ? (
                <Tag data-color="success">
                  {t("overview.currentRound", { round: p.currentRound + 1 })}
                </Tag>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}

const FIELD_IDS: Record<string, string> = {
  groupId: "grp-group",
  name: "grp-name",
  structure: "grp-structure",
  rotationWeeks: "grp-weeks",
  startsOn: "grp-starts",
  groupSize: "grp-size",
  unevenPolicy: "grp-uneven",
  classroomId: "grp-classroom",
  mixGender: "grp-mix",
};

function CreateRotation({
  schoolId,
  groups,
}: {
  schoolId: string;
  groups: RotationGroupSummary[];
}) {
  const { t } = useTranslation("groups");
  const navigate = useNavigate();
  const announce = useAnnounce();
  const classrooms = useApiData<ClassroomSummary[]>(`/api/schools/${schoolId}/classrooms`);
  const [groupId, setGroupId] = useState(groups[0]?.groupId ?? "");
  const [name, setName] = useState<string | null>(null);
  const [structure, setStructure] = useState<RotationStructure>("vip");
  const [weeks, setWeeks] = useState<3 | 4>(3);
  const [startsOn, setStartsOn] = useState("");
  const [groupSize, setGroupSize] = useState("4");
  const [uneven, setUneven] = useState<UnevenPolicy>("smaller");
  const [classroomId, setClassroomId] = useState("");
  const [mixGender, setMixGender] = useState(true);
  const [problems, setProblems] = useState<FormProblem[]>([]);
  const [attempt, setAttempt] = useState(0);
  const [busy, setBusy] = useState(false);

  const group = groups.find((g) => g.groupId === groupId);
  // Until the teacher types a name, the plan is named after its type and group.
  const shownName =
    name ?? (group ? `${t(`common.structure.${structure}`)} ${group.groupName}` : "");
  const rooms = classrooms.state === "ready" ? classrooms.data : [];
  const chosenRoom = classroomId || (rooms[0]?.id ?? "");
  const err = (id: string) => errorFor(problems, id);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    setBusy(true);
    const input: CreateRotationInput = {
      groupId,
      name: shownName.trim(),
      structure,
      rotationWeeks: weeks,
      mixGender,
      ...(startsOn ? { startsOn } : {}),
      ...(structure === "groups"
        ? { groupSize: Number(groupSize), unevenPolicy: uneven }
        : structure === "seating"
          ? { classroomId: chosenRoom }
          : {}),
    };
    try {
      const plan = await api.post<RotationPlanView>(`/api/schools/${schoolId}/rotations`, input);
      announce(t("create.created"));
      navigate(`/groups/rotations/${plan.id}`);
    } catch (error) {
      setProblems(
        problemsOf(
          error,
          (path) => FIELD_IDS[path.split(".")[0] ?? ""] ?? null,
          t("common.failed"),
        ),
      );
      setAttempt((n) => n + 1);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card data-color="neutral" className="groups-card">
      <Heading level={2} data-size="sm">
        {t("create.heading")}
      </Heading>
      <Paragraph data-size="sm">{t("create.help")}</Paragraph>
      <form onSubmit={submit} noValidate className="groups-form">
        <FormErrors problems={problems} attempt={attempt} />
        <Field>
          <Label htmlFor="grp-group">{t("create.group")}</Label>
          <Select
            id="grp-group"
            value={groupId}
            onChange={(e) => setGroupId(e.target.value)}
            aria-invalid={err("grp-group") ? true : undefined}
          >
            {groups.map((g) => (
              <Select.Option key={g.groupId} value={g.groupId}>
                {g.groupName}
              </Select.Option>
            ))}
          </Select>
          {err("grp-group") ? <ValidationMessage>{err("grp-group")}</ValidationMessage> : null}
        </Field>

        <Fieldset id="grp-structure" tabIndex={-1}>
          <Fieldset.Legend>{t("create.structure")}</Fieldset.Legend>
          {STRUCTURES.map((s) => (
            <Radio
              key={s}
              name="grp-structure"
              value={s}
              label={t(`common.structure.${s}`)}
              description={t(`common.structureHelp.${s}`)}
              checked={structure === s}
              onChange={() => setStructure(s)}
            />
          ))}
          {err("grp-structure") ? (
            <ValidationMessage>{err("grp-structure")}</ValidationMessage>
          ) : null}
        </Fieldset>

        <Textfield
          id="grp-name"
          label={t("create.name")}
          description={t("create.nameHelp")}
          value={shownName}
          onChange={(e) => setName(e.target.value)}
          error={err("grp-name")}
        />

        <Fieldset id="grp-weeks" tabIndex={-1}>
          <Fieldset.Legend>{t("create.rotationWeeks")}</Fieldset.Legend>
          <Radio
            name="grp-weeks"
            value="3"
            label={t("create.weeks3")}
            checked={weeks === 3}
            onChange={() => setWeeks(3)}
          />
          <Radio
            name="grp-weeks"
            value="4"
            label={t("create.weeks4")}
            checked={weeks === 4}
            onChange={() => setWeeks(4)}
          />
          {err("grp-weeks") ? <ValidationMessage>{err("grp-weeks")}</ValidationMessage> : null}
        </Fieldset>

        <Textfield
          id="grp-starts"
          type="date"
          label={t("create.startsOn")}
          description={t("create.startsOnHelp")}
          value={startsOn}
          onChange={(e) => setStartsOn(e.target.value)}
          error={err("grp-starts")}
        />

        {structure === "groups" ? (
          <>
            <Textfield
              id="grp-size"
              type="number"
              inputMode="numeric"
              min={2}
              max={6}
              label={t("create.groupSize")}
              description={t("create.groupSizeHelp")}
              value={groupSize}
              onChange={(e) => setGroupSize(e.target.value)}
              error={err("grp-size")}
            />
            <Field>
              <Label htmlFor="grp-uneven">{t("create.unevenPolicy")}</Label>
              <Select
                id="grp-uneven"
                value={uneven}
                onChange={(e) => setUneven(e.target.value as UnevenPolicy)}
                aria-invalid={err("grp-uneven") ? true : undefined}
              >
                <Select.Option value="smaller">{t("create.uneven.smaller")}</Select.Option>
                <Select.Option value="larger">{t("create.uneven.larger")}</Select.Option>
              </Select>
              {err("grp-uneven") ? (
                <ValidationMessage>{err("grp-uneven")}</ValidationMessage>
              ) : null}
            </Field>
          </>
        ) : null}

        {structure === "seating" ? (
          rooms.length === 0 && classrooms.state === "ready" ? (
            <Alert data-color="info" id="grp-classroom" tabIndex={-1}>
              <Paragraph>{t("create.noClassrooms")}</Paragraph>
              <DsLink asChild>
                <Link to="/groups/classrooms">{t("overview.classrooms")}</Link>
              </DsLink>
            </Alert>
          ) : (
            <Field>
              <Label htmlFor="grp-classroom">{t("create.classroom")}</Label>
              <Select
                id="grp-classroom"
                value={chosenRoom}
                onChange={(e) => setClassroomId(e.target.value)}
                aria-invalid={err("grp-classroom") ? true : undefined}
              >
                {rooms.map((r) => (
                  <Select.Option key={r.id} value={r.id}>
                    {`${r.name} (${r.seatCount})`}
                  </Select.Option>
                ))}
              </Select>
              {err("grp-classroom") ? (
                <ValidationMessage>{err("grp-classroom")}</ValidationMessage>
              ) : null}
            </Field>
          )
        ) : null}

        <Checkbox
          id="grp-mix"
          label={t("create.mixGender")}
          description={t("create.mixGenderHelp")}
          checked={mixGender}
          onChange={(e) => setMixGender(e.currentTarget.checked)}
          error={err("grp-mix")}
        />

        <div>
          <Button type="submit" aria-disabled={busy}>
            {busy ? t("common.saving") : t("create.submit")}
          </Button>
        </div>
      </form>
    </Card>
  );
}
