// The classroom editor: the room as a grid seen from above (board at the top), where a table
// is chosen with a click or the keyboard and moved with the buttons or the arrow keys; tables
// can be added and removed and their seats changed. Problems (overlapping tables, a table
// without seats) show as they arise; the server checks the layout again on save.
import {
  Alert,
  Button,
  Card,
  Link as DsLink,
  Heading,
  Paragraph,
  Spinner,
  Textfield,
} from "@digdir/designsystemet-react";
import { type KeyboardEvent, type ReactNode, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import type { Classroom, ClassroomLayout } from "../../contract/rotations.ts";
import { validateLayout } from "../../core/groups/seating.ts";
import { useAnnounce } from "../app/announcer.tsx";
import { api } from "../app/api.ts";
import { FormErrors, type FormProblem, problemsOf } from "../ui/form-errors.tsx";
import { Page } from "../ui/page.tsx";
import { addTable, moveTable, removeTable, seatTotal, setSeats } from "./layout-edit.ts";
import { useApiData } from "./shared.tsx";

export function ClassroomPage() {
  const { t } = useTranslation("groups");
  const { classroomId = "" } = useParams();
  const load = useApiData<Classroom>(`/api/classrooms/${classroomId}`);
  if (load.state !== "ready") {
    return (
      <Page title={t("classrooms.title")} actions={<BackToRooms />}>
        {load.state === "error" ? (
          <Alert data-color="danger">{load.message}</Alert>
        ) : (
          <Spinner aria-label={t("common.loading")} />
        )}
      </Page>
    );
  }
  return <Editor key={load.data.id} room={load.data} />;
}

function BackToRooms() {
  const { t } = useTranslation("groups");
  return (
    <DsLink asChild>
      <Link to="/groups/classrooms">{t("classrooms.title")}</Link>
    </DsLink>
  );
}

const MOVES = {
  ArrowUp: [0, -1],
  ArrowDown: [0, 1],
  ArrowLeft: [-1, 0],
  ArrowRight: [1, 0],
} as const;

function Editor({ room }: { room: Classroom }) {
  const { t } = useTranslation("groups");
  const announce = useAnnounce();
  const [name, setName] = useState(room.name);
  const [layout, setLayout] = useState<ClassroomLayout>(room.layout);
  const [selected, setSelected] = useState<string | null>(room.layout.tables[0]?.id ?? null);
  const [problems, setProblems] = useState<FormProblem[]>([]);
  const [attempt, setAttempt] = useState(0);
  const [busy, setBusy] = useState(false);
  const table = layout.tables.find((x) => x.id === selected) ?? null;
  // One line per table and kind of problem (a table's seats may repeat the same one).
  const layoutProblems = [
    ...new Map(validateLayout(layout).map((p) => [`${p.tableId}-${p.code}`, p])).values(),
  ];
  const problemText = (code: string) =>
    t(`editor.problems.${code.replace(/^layout\./, "")}` as never);
  const labelOf = (id: string | undefined) => layout.tables.find((x) => x.id === id)?.label ?? "";

  const move = (tableId: string, dx: number, dy: number) => {
    const next = moveTable(layout, tableId, dx, dy);
    const label = labelOf(tableId);
    if (!next) {
      announce(t("editor.blocked"));
      return;
    }
    setLayout(next);
    const moved = next.tables.find((x) => x.id === tableId);
    if (moved) announce(t("editor.moved", { label, x: moved.x + 1, y: moved.y + 1 }));
  };
  const onTableKey = (tableId: string) => (e: KeyboardEvent) => {
    const delta = MOVES[e.key as keyof typeof MOVES];
    if (!delta) return;
    e.preventDefault();
    setSelected(tableId);
    move(tableId, delta[0], delta[1]);
  };
  const add = () => {
    const { layout: next, tableId } = addTable(layout, table?.seats.length ?? 2);
    setLayout(next);
    setSelected(tableId);
    // The new table's button is rendered on the next paint; focus it so arrows move it.
    window.setTimeout(() => document.getElementById(`room-table-${tableId}`)?.focus(), 0);
  };
  const remove = () => {
    if (!table) return;
    setLayout(removeTable(layout, table.id));
    setSelected(null);
    document.getElementById("room-add")?.focus();
  };

  const save = async () => {
    if (busy) return;
    setBusy(true);
    try {
      const saved = await api.put<Classroom>(`/api/classrooms/${room.id}`, {
        name: name.trim(),
        layout,
      });
      setLayout(saved.layout);
      setProblems([]);
      announce(t("editor.saved"));
    } catch (error) {
      setProblems(
        problemsOf(error, (path) => (path === "name" ? "room-name" : null), t("common.failed")),
      );
      setAttempt((n) => n + 1);
    } finally {
      setBusy(false);
    }
  };

  const cells: ReactNode[] = [];
  for (const tbl of layout.tables) {
    for (const s of tbl.seats) {
      cells.push(
        <div
          key={s.id}
          className="room-seat"
          aria-hidden="true"
          style={{ gridColumn: s.x + 1, gridRow: s.y + 1 }}
        />,
      );
    }
  }

  return (
    <Page
      title={t("editor.title", { name: room.name })}
      lead={
        <Paragraph>
          {t("editor.summary", { tables: layout.tables.length, seats: seatTotal(layout) })}
        </Paragraph>
      }
      actions={<BackToRooms />}
    >
      <FormErrors problems={problems} attempt={attempt} />
      <Paragraph data-size="sm">{t("editor.help")}</Paragraph>

      {/* The room may be wider than a phone: only this box scrolls sideways. */}
      <section className="room-scroll" aria-labelledby="room-grid-h">
        <Heading level={2} data-size="xs" id="room-grid-h">
          {t("editor.grid")}
        </Heading>
        <div
          className="room-grid"
          style={{
            gridTemplateColumns: `repeat(${layout.width}, var(--room-cell))`,
            gridTemplateRows: `repeat(${layout.height}, var(--room-cell))`,
          }}
        >
          <div
            className="room-board"
            style={{ gridColumn: `1 / span ${layout.width}`, gridRow: 1 }}
          >
            {t("editor.front")}
          </div>
          {cells}
          {layout.tables.map((tbl) => (
            <button
              key={tbl.id}
              id={`room-table-${tbl.id}`}
              type="button"
              className="room-table"
              aria-pressed={tbl.id === selected}
              aria-label={t("editor.tableButton", { label: tbl.label, seats: tbl.seats.length })}
              style={{
                gridColumn: `${tbl.x + 1} / span ${tbl.w}`,
                gridRow: `${tbl.y + 1} / span ${tbl.h}`,
              }}
              onClick={() => setSelected(tbl.id)}
              onKeyDown={onTableKey(tbl.id)}
            >
              {tbl.label}
            </button>
          ))}
        </div>
      </section>

      {layoutProblems.length > 0 ? (
        <Alert data-color="warning" className="groups-card">
          <Heading level={2} data-size="2xs">
            {t("editor.invalid")}
          </Heading>
          <ul>
            {layoutProblems.map((p, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: problems may repeat per table
              <li key={i}>
                {p.tableId ? `${t("plan.table", { label: labelOf(p.tableId) })}: ` : ""}
                {problemText(p.code)}
              </li>
            ))}
          </ul>
        </Alert>
      ) : null}

      <Card data-color="neutral" className="groups-card">
        <Heading level={2} data-size="xs">
          {table ? t("editor.selected", { label: table.label }) : t("editor.noneSelected")}
        </Heading>
        {table ? (
          <>
            <div className="groups-actions">
              <Button variant="secondary" data-size="sm" onClick={() => move(table.id, 0, -1)}>
                {t("editor.moveUp")}
              </Button>
              <Button variant="secondary" data-size="sm" onClick={() => move(table.id, 0, 1)}>
                {t("editor.moveDown")}
              </Button>
              <Button variant="secondary" data-size="sm" onClick={() => move(table.id, -1, 0)}>
                {t("editor.moveLeft")}
              </Button>
              <Button variant="secondary" data-size="sm" onClick={() => move(table.id, 1, 0)}>
                {t("editor.moveRight")}
              </Button>
            </div>
            <Textfield
              id="room-table-seats"
              type="number"
              inputMode="numeric"
              min={1}
              max={12}
              label={t("editor.seatsPerTable", { label: table.label })}
              value={String(table.seats.length)}
              onChange={(e) => {
                const n = Number(e.target.value);
                if (Number.isInteger(n) && n >= 1 && n <= 12)
                  setLayout(setSeats(layout, table.id, n));
              }}
            />
            <div>
              <Button variant="tertiary" data-color="danger" data-size="sm" onClick={remove}>
                {t("editor.removeTable", { label: table.label })}
              </Button>
            </div>
          </>
        ) : null}
        <div>
          <Button id="room-add" variant="secondary" onClick={add}>
            {t("editor.addTable")}
          </Button>
        </div>
      </Card>

      <Card data-color="neutral" className="groups-card">
        <Textfield
          id="room-name"
          label={t("editor.name")}
          value={name}
          onChange={(e) => setName(e.target.value)}
        />
        <div>
          <Button onClick={() => void save()} aria-disabled={busy}>
            {busy ? t("common.saving") : t("editor.save")}
          </Button>
        </div>
      </Card>
    </Page>
  );
}
