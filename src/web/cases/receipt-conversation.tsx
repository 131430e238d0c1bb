// The pupil's side of a report sent without a name: with the receipt code alone they see
// whether the school has read it, the school's replies, and can write back. The code is kept
// only in this page's memory and sent in request bodies (never in a URL).
import { Alert, Button, Heading, Paragraph, Tag, Textfield } from "@digdir/designsystemet-react";
import { type FormEvent, useState } from "react";
import { api } from "../app/api.ts";
import { type Complaint, ComplaintRight } from "./complaint-right.tsx";
import { showDate, useCasesT } from "./shared.tsx";

export interface AnonymousReceipt {
  status: "received" | "acknowledged";
  receivedAt: string;
  acknowledgedAt: string | null;
  open: boolean;
  messages: { id: string; from: "school" | "reporter"; text: string; at: string }[];
  /** When the pupil may go to Statsforvalteren (null only if the case is gone). */
  complaint: Complaint | null;
}

type Message = { id: string; from: "school" | "reporter"; text: string; at: string };

/** The conversation of one anonymous report, oldest first; `who` names each message's side. */
export function Conversation<M extends Message>({
  messages,
  you,
  who,
  empty,
}: {
  messages: readonly M[];
  you: "school" | "reporter";
  who: (m: M) => string;
  empty: string;
}) {
  if (messages.length === 0) return <Paragraph data-size="sm">{empty}</Paragraph>;
  return (
    <ol className="cases-conversation">
      {messages.map((m) => (
        <li key={m.id} className={m.from === you ? "cases-message--own" : "cases-message"}>
          <strong>{who(m)}</strong>{" "}
          <small>
            <time dateTime={m.at}>{showDate(m.at)}</time>
          </small>
          <p className="cases-text">{m.text}</p>
        </li>
      ))}
    </ol>
  );
}

export function ReceiptConversation({ code, first }: { code: string; first: AnonymousReceipt }) {
  const tc = useCasesT();
  const [receipt, setReceipt] = useState(first);
  const [text, setText] = useState("");
  const [busy, setBusy] = useState(false);
  const [note, setNote] = useState<{ ok: boolean; text: string } | null>(null);
  const send = async (e: FormEvent) => {
    e.preventDefault();
    if (!text.trim()) {
      setNote({ ok: false, text: tc("report.required") });
      return;
    }
    setBusy(true);
    try {
      const next = await api.post<AnonymousReceipt>("/api/public/receipts/messages", {
        code,
        text,
      });
      setReceipt(next);
      setText("");
      setNote({ ok: true, text: tc("mine.sent") });
    } catch {
      setNote({ ok: false, text: tc("mine.sendFailed") });
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="cases-section" aria-labelledby="receipt-conversation">
      <Tag data-color={receipt.status === "acknowledged" ? "success" : "neutral"}>
        {receipt.status === "acknowledged"
          ? tc("mine.acknowledged", { date: showDate(receipt.acknowledgedAt) })
          : tc("mine.received")}
      </Tag>
      <Heading level={2} data-size="xs" id="receipt-conversation">
        {tc("mine.conversation")}
      </Heading>
      <Paragraph data-size="sm">{tc("mine.conversationHelp")}</Paragraph>
      <Conversation
        messages={receipt.messages}
        you="reporter"
        who={(m) => (m.from === "reporter" ? tc("mine.fromYou") : tc("mine.fromSchool"))}
        empty={tc("mine.noMessages")}
      />
      {receipt.open ? (
        <form onSubmit={send} className="cases-form cases-form--small" noValidate>
          <Textfield
            id="receipt-write"
            multiline
            rows={3}
            label={tc("mine.write")}
            value={text}
            onChange={(e) => setText(e.target.value)}
            error={note && !note.ok ? note.text : undefined}
          />
          <Button type="submit" disabled={busy}>
            {tc("mine.send")}
          </Button>
        </form>
      ) : (
        <Alert data-color="info">{tc("mine.closed")}</Alert>
      )}
      {receipt.complaint ? <ComplaintRight complaint={receipt.complaint} /> : null}
      <p role="status" className="cases-visually-hidden">
        {note?.ok ? note.text : ""}
      </p>
    </section>
  );
}
