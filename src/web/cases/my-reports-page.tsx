// The reporter's receipts: received, then acknowledged by the school. Never the case itself.
import { Paragraph, Table, Tag } from "@digdir/designsystemet-react";
import { useApiData } from "../admin/shared.tsx";
import { Page } from "../ui/page.tsx";
import { showDate, useCasesT } from "./shared.tsx";

interface Receipt {
  reportId: string;
  kind: string;
  schoolName: string;
  receivedAt: string;
  status: "received" | "acknowledged";
  acknowledgedAt: string | null;
}

export function MyReportsPage() {
  const tc = useCasesT();
  const data = useApiData<{ items: Receipt[] }>("/api/cases/mine");
  return (
    <Page title={tc("mine.title")}>
      <Paragraph>{tc("mine.intro")}</Paragraph>
      {data.state === "loading" ? <Paragraph>{tc("loading")}</Paragraph> : null}
      {data.state === "error" ? <Paragraph>{data.message}</Paragraph> : null}
      {data.state === "ready" && data.data.items.length === 0 ? (
        <Paragraph>{tc("mine.none")}</Paragraph>
      ) : null}
      {data.state === "ready" && data.data.items.length > 0 ? (
        <Table className="cases-table">
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell>{tc("list.kind")}</Table.HeaderCell>
              <Table.HeaderCell>{tc("list.status")}</Table.HeaderCell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {data.data.items.map((r) => (
              <Table.Row key={r.reportId}>
                <Table.Cell>
                  {tc(`kind.${r.kind}`)}
                  <br />
                  <small>
                    {r.schoolName} · {tc("mine.sentAt", { date: showDate(r.receivedAt) })}
                  </small>
                </Table.Cell>
                <Table.Cell>
                  <Tag data-color={r.status === "acknowledged" ? "success" : "neutral"}>
                    {r.status === "acknowledged"
                      ? tc("mine.acknowledged", { date: showDate(r.acknowledgedAt) })
                      : tc("mine.received")}
                  </Tag>
                </Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      ) : null}
    </Page>
  );
}
