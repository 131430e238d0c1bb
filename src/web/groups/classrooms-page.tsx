// The school's classrooms for seating maps, and a new one from a template (rows, islands or a
// U) with a number of seats; the editor opens on it afterwards.
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
  Table,
  Textfield,
  ValidationMessage,
} from "@digdir/designsystemet-react";
import { type FormEvent, useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router";
import type { Classroom, ClassroomSummary } from "../../contract/rotations.ts";
import { layoutTemplate, PER_TABLE, type TemplateKind } from "../../core/groups/seating.ts";
import { useAnnounce } from "../app/announcer.tsx";
import { api } from "../app/api.ts";
import { useSession } from "../app/session.tsx";
import { errorFor, FormErrors, type FormProblem, problemsOf } from "../ui/form-errors.tsx";
import { Page } from "../ui/page.tsx";
import { useApiData } from "./shared.tsx";

const KINDS: TemplateKind[] = ["rows", "islands", "horseshoe"];

export function ClassroomsPage() {
  const { t } = useTranslation("groups");
  const { activeSchool } = useSession();
  const rooms = useApiData<ClassroomSummary[]>(
    activeSchool ? `/api/schools/${activeSchool.id}/classrooms` : null,
  );
  const captionId = useId();
  const back = (
    <DsLink asChild>
      <Link to="/groups">{t("common.back")}</Link>
    </DsLink>
  );
  if (!activeSchool) {
    return (
      <Page title={t("classrooms.title")}>
        <Paragraph>{t("common.noSchool")}</Paragraph>
      </Page>
    );
  }
  return (
    <Page
      title={t("classrooms.title")}
      lead={<Paragraph>{t("classrooms.lead")}</Paragraph>}
      actions={back}
    >
      {rooms.state === "error" ? (
        <Alert data-color="danger">{rooms.message}</Alert>
      ) : rooms.state === "loading" ? (
        <Spinner aria-label={t("common.loading")} />
      ) : rooms.data.length === 0 ? (
        <Paragraph>{t("classrooms.none")}</Paragraph>
      ) : (
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be focusable
        <section className="table-scroll" aria-labelledby={captionId} tabIndex={0}>
          <Table zebra border data-size="sm">
            <caption id={captionId}>{t("classrooms.caption")}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t("classrooms.name")}</Table.HeaderCell>
                <Table.HeaderCell>{t("classrooms.tables")}</Table.HeaderCell>
                <Table.HeaderCell>{t("classrooms.seats")}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {rooms.data.map((r) => (
                <Table.Row key={r.id}>
                  <Table.Cell>
                    <DsLink asChild>
                      <Link to={`/groups/classrooms/${r.id}`}>{r.name}</Link>
                    </DsLink>
                  </Table.Cell>
                  <Table.Cell>{r.tableCount}</Table.Cell>
                  <Table.Cell>{r.seatCount}</Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </section>
      )}
      <CreateClassroom schoolId={activeSchool.id} />
    </Page>
  );
}

function CreateClassroom({ schoolId }: { schoolId: string }) {
  const { t } = useTranslation("groups");
  const navigate = useNavigate();
  const announce = useAnnounce();
  const [name, setName] = useState("");
  const [kind, setKind] = useState<TemplateKind>("rows");
  const [seats, setSeats] = useState("28");
  const [perTable, setPerTable] = useState(String(PER_TABLE.rows.default));
  const [problems, setProblems] = useState<FormProblem[]>([]);
  const [attempt, setAttempt] = useState(0);
  const [busy, setBusy] = useState(false);
  const range = PER_TABLE[kind];
  const err = (id: string) => errorFor(problems, id);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    setBusy(true);
    try {
      const layout = layoutTemplate(kind, {
        seats: Number(seats) || 1,
        perTable: Number(perTable) || range.default,
      });
      const room = await api.post<Classroom>(`/api/schools/${schoolId}/classrooms`, {
        name: name.trim(),
        layout,
      });
      announce(t("classrooms.created"));
      navigate(`/groups/classrooms/${room.id}`);
    } catch (error) {
      setProblems(
        problemsOf(
          error,
          (path) =>
            path === "name" ? "room-name" : path.startsWith("layout") ? "room-seats" : null,
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
        {t("classrooms.createHeading")}
      </Heading>
      <form onSubmit={submit} noValidate className="groups-form">
        <FormErrors problems={problems} attempt={attempt} />
        <Textfield
          id="room-name"
          label={t("classrooms.name")}
          value={name}
          onChange={(e) => setName(e.target.value)}
          error={err("room-name")}
        />
        <Field>
          <Label htmlFor="room-kind">{t("classrooms.template")}</Label>
          <Select
            id="room-kind"
            value={kind}
            onChange={(e) => {
              const next = e.target.value as TemplateKind;
              setKind(next);
              setPerTable(String(PER_TABLE[next].default));
            }}
          >
            {KINDS.map((k) => (
              <Select.Option key={k} value={k}>
                {t(`classrooms.kinds.${k}`)}
              </Select.Option>
            ))}
          </Select>
        </Field>
        <div className="groups-fields">
          <Textfield
            id="room-seats"
            type="number"
            inputMode="numeric"
            min={1}
            max={60}
            label={t("classrooms.seatCount")}
            value={seats}
            onChange={(e) => setSeats(e.target.value)}
            error={err("room-seats")}
          />
          <Field>
            <Label htmlFor="room-per-table">{t("classrooms.perTable")}</Label>
            <Select
              id="room-per-table"
              value={perTable}
              onChange={(e) => setPerTable(e.target.value)}
            >
              {Array.from({ length: range.max - range.min + 1 }, (_, i) => range.min + i).map(
                (n) => (
                  <Select.Option key={n} value={String(n)}>
                    {n}
                  </Select.Option>
                ),
              )}
            </Select>
            {err("room-per-table") ? (
              <ValidationMessage>{err("room-per-table")}</ValidationMessage>
            ) : null}
          </Field>
        </div>
        <div>
          <Button type="submit" aria-disabled={busy}>
            {busy ? t("common.saving") : t("classrooms.submit")}
          </Button>
        </div>
      </form>
    </Card>
  );
}
