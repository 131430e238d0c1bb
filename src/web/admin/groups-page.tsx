// The classes and teaching groups of the active school, with size and teachers.
import { Alert, Link as DsLink, Paragraph, Spinner, Table } from "@digdir/designsystemet-react";
import { useId } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useSession } from "../app/session.tsx";
import { useApiData } from "../ui/api-data.ts";
import { Page } from "../ui/page.tsx";
import type { GroupSummary } from "./types.ts";

function GroupTable({ caption, groups }: { caption: string; groups: GroupSummary[] }) {
  const { t } = useTranslation("admin");
  const captionId = useId();
  if (groups.length === 0) return null;
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be focusable
    <section className="table-scroll admin-section" aria-labelledby={captionId} tabIndex={0}>
      <Table zebra border data-size="sm">
        <caption id={captionId}>{caption}</caption>
        <Table.Head>
          <Table.Row>
            <Table.HeaderCell>{t("groups.columns.name")}</Table.HeaderCell>
            <Table.HeaderCell>{t("groups.columns.grade")}</Table.HeaderCell>
            <Table.HeaderCell>{t("groups.columns.pupils")}</Table.HeaderCell>
            <Table.HeaderCell>{t("groups.columns.teachers")}</Table.HeaderCell>
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {groups.map((g) => (
            <Table.Row key={g.id}>
              <Table.Cell>
                <DsLink asChild>
                  <Link to={`/admin/people?groupId=${g.id}`}>{g.name}</Link>
                </DsLink>
              </Table.Cell>
              <Table.Cell>{g.grade ?? ""}</Table.Cell>
              <Table.Cell>{g.pupilCount}</Table.Cell>
              <Table.Cell>{g.teachers.map((teacher) => teacher.name).join(", ")}</Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    </section>
  );
}

export function GroupsPage() {
  const { t } = useTranslation("admin");
  const { activeSchool } = useSession();
  const load = useApiData<GroupSummary[]>(
    activeSchool ? `/api/schools/${activeSchool.id}/groups` : null,
  );
  if (!activeSchool) {
    return (
      <Page title={t("groups.title")}>
        <Paragraph>{t("form.noSchool")}</Paragraph>
      </Page>
    );
  }
  return (
    <Page
      title={t("groups.title")}
      lead={<Paragraph>{t("groups.lead", { school: activeSchool.name })}</Paragraph>}
    >
      <Paragraph>
        <DsLink asChild>
          <Link to="/admin/people">{t("groups.toPeople")}</Link>
        </DsLink>
      </Paragraph>
      {load.state === "error" ? (
        <Alert data-color="danger">{load.message}</Alert>
      ) : load.state === "loading" ? (
        <Spinner aria-label={t("form.loading")} />
      ) : load.data.length === 0 ? (
        <Paragraph>{t("groups.empty")}</Paragraph>
      ) : (
        <>
          <GroupTable
            caption={t("groups.classes")}
            groups={load.data.filter((g) => g.kind === "class")}
          />
          <GroupTable
            caption={t("groups.teachingGroups")}
            groups={load.data.filter((g) => g.kind === "teachingGroup")}
          />
        </>
      )}
    </Page>
  );
}
