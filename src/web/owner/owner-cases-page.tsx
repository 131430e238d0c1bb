// The owner's own case list (issue #8): every open case the owner's staff may see across the
// owner's schools, what waits for the owner first, then overdue steps, then by due date (the
// server sorts and shows only the cases the policy lets the reader read).
import { Paragraph, Table, Tag } from "@digdir/designsystemet-react";
import { useId } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useSession } from "../app/session.tsx";
import { showDate, useCasesT } from "../cases/shared.tsx";
import { useApiData } from "../ui/api-data.ts";
import { Page } from "../ui/page.tsx";

interface Item {
  id: string;
  schoolName: string;
  kind: string;
  status: string;
  pupils: { id: string; name: string }[];
  serious: boolean;
  needsOwner: boolean;
  nextStep: {
    kind: string;
    dueOn: string;
    overdue: boolean;
    owner: { type: "role"; role: string } | { type: "person"; personId: string; name: string };
  } | null;
}

export function OwnerCasesPage() {
  const { t } = useTranslation("owner");
  const tc = useCasesT();
  const { user } = useSession();
  const owner = user?.owners[0] ?? null;
  const data = useApiData<{ items: Item[] }>(
    owner ? `/api/owners/${owner.id}/cases?status=open` : null,
  );
  const captionId = useId();
  const items = data.state === "ready" ? data.data.items : [];
  const who = (o: NonNullable<Item["nextStep"]>["owner"]) =>
    o.type === "person" ? o.name : tc(`roles:name.${o.role}`);

  return (
    <Page
      title={t("cases.title")}
      lead={owner ? <Paragraph>{t("cases.lead", { owner: owner.name })}</Paragraph> : null}
    >
      {!owner ? <Paragraph>{t("settings.noOwner")}</Paragraph> : null}
      {data.state === "loading" && owner ? <Paragraph>{tc("loading")}</Paragraph> : null}
      {data.state === "error" ? <Paragraph>{data.message}</Paragraph> : null}
      {data.state === "ready" && items.length === 0 ? (
        <Paragraph>{t("cases.none")}</Paragraph>
      ) : null}
      {items.length > 0 ? (
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be focusable
        <section className="table-scroll" aria-labelledby={captionId} tabIndex={0}>
          <Table className="cases-table" zebra>
            <caption id={captionId}>{t("cases.caption", { owner: owner?.name ?? "" })}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{tc("list.pupils")}</Table.HeaderCell>
                <Table.HeaderCell>{t("cases.school")}</Table.HeaderCell>
                <Table.HeaderCell>{tc("list.kind")}</Table.HeaderCell>
                <Table.HeaderCell>{tc("list.nextStep")}</Table.HeaderCell>
                <Table.HeaderCell>{tc("list.due")}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {items.map((c) => {
                const names = c.pupils.map((p) => p.name).join(", ") || tc("list.anonymousPupil");
                const step = c.nextStep;
                return (
                  <Table.Row
                    key={c.id}
                    className={step?.overdue ? "cases-row--overdue" : undefined}
                  >
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
                    <Table.Cell>{c.schoolName}</Table.Cell>
                    <Table.Cell>{tc(`kind.${c.kind}`)}</Table.Cell>
                    <Table.Cell>
                      {step ? (
                        <>
                          {tc(`step.${step.kind}`)}
                          <br />
                          <small>{tc("page.responsible", { who: who(step.owner) })}</small>
                          {c.needsOwner ? (
                            <>
                              <br />
                              <Tag data-color="warning" data-size="sm">
                                {t("cases.needsOwner")}
                              </Tag>
                            </>
                          ) : null}
                        </>
                      ) : null}
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
                          ) : null}
                        </>
                      ) : null}
                    </Table.Cell>
                  </Table.Row>
                );
              })}
            </Table.Body>
          </Table>
        </section>
      ) : null}
    </Page>
  );
}
