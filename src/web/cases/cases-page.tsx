// The principal's dashboard: every open case the reader may see, sorted by the next dated
// step, overdue first and marked in words as well as colour. The owner's staff see the
// owner's cases (escalated and leadership cases).
import { Button, Paragraph, Table, Tag } from "@digdir/designsystemet-react";
import { useState } from "react";
import { Link } from "react-router";
import { useSession } from "../app/session.tsx";
import { useApiData } from "../ui/api-data.ts";
import { Page } from "../ui/page.tsx";
import { showDate, todayIso, useCasesT } from "./shared.tsx";

interface Item {
  id: string;
  kind: string;
  status: string;
  pupils: { id: string; name: string }[];
  serious: boolean;
  reportedAt: string;
  closedAt: string | null;
  nextStep: {
    kind: string;
    dueOn: string;
    overdue: boolean;
    owner: { type: "role"; role: string } | { type: "person"; personId: string; name: string };
  } | null;
}

export function CasesPage() {
  const tc = useCasesT();
  const { activeSchool, user } = useSession();
  const [closed, setClosed] = useState(false);
  const ownerId = !activeSchool ? (user?.owners[0]?.id ?? null) : null;
  const base = activeSchool
    ? `/api/schools/${activeSchool.id}/cases`
    : ownerId
      ? `/api/owners/${ownerId}/cases`
      : null;
  const data = useApiData<{ items: Item[] }>(
    base ? `${base}?status=${closed ? "closed" : "open"}` : null,
  );
  const today = todayIso();
  const items = data.state === "ready" ? data.data.items : [];
  const ownerName = (o: NonNullable<Item["nextStep"]>["owner"]) =>
    o.type === "person" ? o.name : tc(`roles:name.${o.role}`);
  return (
    <Page
      title={activeSchool ? tc("list.title") : tc("list.ownerTitle")}
      actions={
        <Button variant="secondary" data-size="sm" onClick={() => setClosed((c) => !c)}>
          {closed ? tc("list.showOpen") : tc("list.showClosed")}
        </Button>
      }
    >
      <Paragraph>{closed ? tc("list.closed") : tc("list.intro")}</Paragraph>
      {data.state === "loading" ? <Paragraph>{tc("loading")}</Paragraph> : null}
      {data.state === "error" ? <Paragraph>{data.message}</Paragraph> : null}
      {data.state === "ready" && items.length === 0 ? (
        <Paragraph>{closed ? tc("list.noneClosed") : tc("list.none")}</Paragraph>
      ) : null}
      {items.length > 0 ? (
        <Table className="cases-table" zebra>
          <caption className="cases-visually-hidden">
            {closed ? tc("list.closed") : tc("list.count", { count: items.length })}
          </caption>
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell>{tc("list.pupils")}</Table.HeaderCell>
              <Table.HeaderCell>{tc("list.kind")}</Table.HeaderCell>
              <Table.HeaderCell>{tc("list.status")}</Table.HeaderCell>
              <Table.HeaderCell>{tc("list.nextStep")}</Table.HeaderCell>
              <Table.HeaderCell>{tc("list.due")}</Table.HeaderCell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {items.map((c) => {
              const names = c.pupils.map((p) => p.name).join(", ") || tc("list.anonymousPupil");
              const step = c.nextStep;
              return (
                <Table.Row key={c.id} className={step?.overdue ? "cases-row--overdue" : undefined}>
                  <Table.Cell>
                    <Link to={`/cases/${c.id}`}>{names}</Link>
                    {c.serious ? (
                      <>
                        {" "}
                        <Tag data-color="danger" data-size="sm">
                          {tc("list.serious")}
                        </Tag>
                      </>
                    ) : null}
                  </Table.Cell>
                  <Table.Cell>{tc(`kind.${c.kind}`)}</Table.Cell>
                  <Table.Cell>{tc(`status.${c.status}`)}</Table.Cell>
                  <Table.Cell>
                    {step ? (
                      <>
                        {tc(`step.${step.kind}`)}
                        <br />
                        <small>{tc("page.responsible", { who: ownerName(step.owner) })}</small>
                      </>
                    ) : (
                      tc("page.closedAt", { date: showDate(c.closedAt) })
                    )}
                  </Table.Cell>
                  <Table.Cell>
                    {step ? (
                      <>
                        {showDate(step.dueOn)}
                        {step.overdue ? (
                          <>
                            {" "}
                            <Tag data-color="danger" data-size="sm">
                              {tc("list.overdue")}
                            </Tag>
                          </>
                        ) : step.dueOn === today ? (
                          <>
                            {" "}
                            <Tag data-color="warning" data-size="sm">
                              {tc("list.dueToday")}
                            </Tag>
                          </>
                        ) : null}
                      </>
                    ) : null}
                  </Table.Cell>
                </Table.Row>
              );
            })}
          </Table.Body>
        </Table>
      ) : null}
    </Page>
  );
}
