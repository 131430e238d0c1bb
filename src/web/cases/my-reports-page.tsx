// The reporter's receipts: received, then acknowledged by the school. Never the case itself.
// A report sent without a name is found by its code and carries a conversation with the school.
import { Button, Heading, Paragraph, Table, Tag, Textfield } from "@digdir/designsystemet-react";
import { type FormEvent, useState } from "react";
import { api } from "../app/api.ts";
import { useApiData } from "../ui/api-data.ts";
import { Page } from "../ui/page.tsx";
import { CheckInCards } from "./check-in-parts.tsx";
import { type Complaint, ComplaintRight } from "./complaint-right.tsx";
import { FamilyCases } from "./family-cases.tsx";
import { type AnonymousReceipt, ReceiptConversation } from "./receipt-conversation.tsx";
import { showDate, useCasesT } from "./shared.tsx";

interface Receipt {
  reportId: string;
  kind: string;
  schoolName: string;
  receivedAt: string;
  status: "received" | "acknowledged";
  acknowledgedAt: string | null;
  /** A pupil's or guardian's report: when they may go to Statsforvalteren. */
  complaint: Complaint | null;
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
      {data.state === "ready" ? <LatestComplaint items={data.data.items} /> : null}
      <CheckInCards />
      <FamilyCases />
      <CodeCheck />
    </Page>
  );
}

/** The complaint right for the latest report a pupil or guardian sent (staff get none). */
function LatestComplaint({ items }: { items: Receipt[] }) {
  const latest = items.find((r) => r.complaint !== null)?.complaint;
  return latest ? <ComplaintRight complaint={latest} level={2} /> : null;
}

/**
 * The receipt of a report sent without a name, found only by its code: whether the school
 * has read it, and the two-way conversation with the school.
 */
function CodeCheck() {
  const tc = useCasesT();
  const [code, setCode] = useState("");
  const [found, setFound] = useState<{ code: string; receipt: AnonymousReceipt } | null>(null);
  const [notFound, setNotFound] = useState(false);
  const check = async (e: FormEvent) => {
    e.preventDefault();
    try {
      const r = await api.post<AnonymousReceipt>("/api/public/receipts", { code });
      setFound({ code, receipt: r });
      setNotFound(false);
    } catch {
      setFound(null);
      setNotFound(true);
    }
  };
  return (
    <>
      <form onSubmit={check} className="cases-form cases-form--small" noValidate>
        <Heading level={2} data-size="xs">
          {tc("mine.checkCode")}
        </Heading>
        <div className="cases-inline">
          <Textfield
            label={tc("mine.code")}
            value={code}
            onChange={(e) => setCode(e.target.value)}
            autoComplete="off"
          />
          <Button type="submit" variant="secondary">
            {tc("mine.check")}
          </Button>
        </div>
        <p aria-live="polite">{notFound ? tc("mine.codeNotFound") : null}</p>
      </form>
      {found ? (
        <ReceiptConversation key={found.code} code={found.code} first={found.receipt} />
      ) : null}
    </>
  );
}
