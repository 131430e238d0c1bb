// The school's audit log for its principal: newest first, a page at a time (cursor paging on
// the log's sequence number, so new entries never shift the pages already seen).
import { Alert, Button, Paragraph, Spinner, Table } from "@digdir/designsystemet-react";
import { useEffect, useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { api, isApiError } from "../app/api.ts";
import { translateOr } from "../app/i18n.ts";
import { useSession } from "../app/session.tsx";
import { formatDateTime, shortId } from "../ui/format.ts";
import { Page } from "../ui/page.tsx";

export interface AuditEntry {
  seq: string;
  at: string;
  actorId: string | null;
  action: string;
  resourceType: string;
  resourceId: string | null;
  requestId: string | null;
}

const PAGE_SIZE = 25;

type Load =
  | { state: "loading" }
  | { state: "error"; message: string }
  | { state: "ready"; entries: AuditEntry[]; hasMore: boolean };

export function AuditPage() {
  const { t } = useTranslation("audit");
  const { t: tc } = useTranslation("common");
  const { user, activeSchool } = useSession();
  // cursors[i] is the `before` of page i (undefined: the newest entries).
  const [cursors, setCursors] = useState<(string | undefined)[]>([undefined]);
  const [load, setLoad] = useState<Load>({ state: "loading" });
  const captionId = useId();
  const schoolId = activeSchool?.id;
  const page = cursors.length - 1;
  const before = cursors[page];

  useEffect(() => {
    if (!schoolId) return;
    let live = true;
    setLoad({ state: "loading" });
    const params = new URLSearchParams({ limit: String(PAGE_SIZE + 1) });
    if (before) params.set("before", before);
    api
      .get<{ entries: AuditEntry[] }>(`/api/schools/${schoolId}/audit?${params}`)
      .then((res) => {
        if (!live) return;
        setLoad({
          state: "ready",
          entries: res.entries.slice(0, PAGE_SIZE),
          hasMore: res.entries.length > PAGE_SIZE,
        });
      })
      .catch((err) => {
        if (live)
          setLoad({
            state: "error",
            message: isApiError(err) ? err.message : tc("errors.unknown"),
          });
      });
    return () => {
      live = false;
    };
  }, [schoolId, before, tc]);

  // A new school starts from its newest entries.
  const [shownSchool, setShownSchool] = useState(schoolId);
  if (shownSchool !== schoolId) {
    setShownSchool(schoolId);
    setCursors([undefined]);
  }

  if (!user || !activeSchool) {
    return (
      <Page title={t("title")}>
        <Paragraph>{t("noSchool")}</Paragraph>
      </Page>
    );
  }

  const actorLabel = (actorId: string | null) =>
    actorId === null
      ? t("system")
      : actorId === user.person.id
        ? t("you")
        : t("person", { id: shortId(actorId) });

  const entries = load.state === "ready" ? load.entries : [];
  const hasMore = load.state === "ready" && load.hasMore;
  const last = entries[entries.length - 1];
  const from = page * PAGE_SIZE + 1;

  return (
    <Page
      title={t("title")}
      lead={<Paragraph>{t("lead", { school: activeSchool.name })}</Paragraph>}
    >
      {load.state === "error" ? (
        <Alert data-color="danger">{load.message}</Alert>
      ) : (
        <>
          {/* Focusable so keyboard users can scroll the table sideways on narrow screens. */}
          {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be focusable */}
          <section className="table-scroll" aria-labelledby={captionId} tabIndex={0}>
            <Table
              zebra
              border
              data-size="sm"
              className="audit-table"
              aria-busy={load.state === "loading"}
            >
              <caption id={captionId}>{t("caption", { school: activeSchool.name })}</caption>
              <Table.Head>
                <Table.Row>
                  <Table.HeaderCell>{t("columns.at")}</Table.HeaderCell>
                  <Table.HeaderCell>{t("columns.action")}</Table.HeaderCell>
                  <Table.HeaderCell>{t("columns.actor")}</Table.HeaderCell>
                  <Table.HeaderCell>{t("columns.resource")}</Table.HeaderCell>
                  <Table.HeaderCell>{t("columns.request")}</Table.HeaderCell>
                </Table.Row>
              </Table.Head>
              <Table.Body>
                {load.state === "loading" ? (
                  <Table.Row>
                    <Table.Cell colSpan={5}>
                      <Spinner aria-label={tc("loading")} data-size="sm" />
                    </Table.Cell>
                  </Table.Row>
                ) : entries.length === 0 ? (
                  <Table.Row>
                    <Table.Cell colSpan={5}>{t("empty")}</Table.Cell>
                  </Table.Row>
                ) : (
                  entries.map((e) => (
                    <Table.Row key={e.seq}>
                      <Table.Cell>
                        <time dateTime={e.at}>{formatDateTime(e.at)}</time>
                      </Table.Cell>
                      <Table.Cell>{translateOr(`audit:actions.${e.action}`, e.action)}</Table.Cell>
                      <Table.Cell>{actorLabel(e.actorId)}</Table.Cell>
                      <Table.Cell>
                        {translateOr(`audit:resources.${e.resourceType}`, e.resourceType)}
                        {e.resourceId ? (
                          <>
                            {" "}
                            <code className="id">{shortId(e.resourceId)}</code>
                          </>
                        ) : null}
                      </Table.Cell>
                      <Table.Cell>
                        {e.requestId ? <code className="id">{shortId(e.requestId)}</code> : null}
                      </Table.Cell>
                    </Table.Row>
                  ))
                )}
              </Table.Body>
            </Table>
          </section>
          <nav aria-label={tc("table.pagination")} className="pager">
            <Button
              variant="tertiary"
              data-size="sm"
              aria-disabled={page === 0}
              onClick={() => page > 0 && setCursors([undefined])}
            >
              {tc("table.newest")}
            </Button>
            <Button
              variant="secondary"
              data-size="sm"
              aria-disabled={page === 0}
              onClick={() => page > 0 && setCursors((c) => c.slice(0, -1))}
            >
              {tc("table.previous")}
            </Button>
            <span className="pager__status" aria-live="polite">
              {t("pageOf", { page: page + 1 })}
              {entries.length > 0
                ? ` · ${t("showing", { from, to: from + entries.length - 1 })}`
                : ""}
            </span>
            <Button
              variant="secondary"
              data-size="sm"
              aria-disabled={!hasMore}
              onClick={() => hasMore && last && setCursors((c) => [...c, last.seq])}
            >
              {tc("table.next")}
            </Button>
          </nav>
        </>
      )}
    </Page>
  );
}
