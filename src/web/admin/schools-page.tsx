// The school owner's schools: head counts per school, and adding a school (area director,
// system admin). A system admin first picks the owner, or creates one.
import {
  Alert,
  Button,
  Card,
  Field,
  Heading,
  Label,
  Paragraph,
  Select,
  Spinner,
  Table,
  Textfield,
} from "@digdir/designsystemet-react";
import { type FormEvent, useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { authorize } from "../../core/access/policy.ts";
import { useAnnounce } from "../app/announcer.tsx";
import { api } from "../app/api.ts";
import { useSession } from "../app/session.tsx";
import { useApiData } from "../ui/api-data.ts";
import { errorFor, FormErrors, type FormProblem, problemsOf } from "../ui/form-errors.tsx";
import { Page } from "../ui/page.tsx";
import { NewOwnerCard } from "./new-owner-card.tsx";
import type { OwnerSummary, SchoolSummary } from "./types.ts";

const fieldIdOf = (path: string) =>
  path === "name" || path === "orgNumber" ? `school-${path}` : null;

export function SchoolsPage() {
  const { t } = useTranslation("admin");
  const { user } = useSession();
  const announce = useAnnounce();
  const isAdmin = user?.grants.some((g) => g.role === "systemAdmin") ?? false;
  const allOwners = useApiData<OwnerSummary[]>(isAdmin ? "/api/owners" : null);
  const owners: OwnerSummary[] = isAdmin
    ? allOwners.state === "ready"
      ? allOwners.data
      : []
    : (user?.owners ?? []).map((o) => ({ ...o, orgNumber: null }));
  const [chosen, setChosen] = useState<string | null>(null);
  const ownerId = chosen ?? owners[0]?.id ?? null;
  const owner = owners.find((o) => o.id === ownerId) ?? null;
  const schools = useApiData<SchoolSummary[]>(ownerId ? `/api/owners/${ownerId}/schools` : null);
  const [form, setForm] = useState({ name: "", orgNumber: "" });
  const [problems, setProblems] = useState<FormProblem[]>([]);
  const [attempt, setAttempt] = useState(0);
  const [added, setAdded] = useState<string | null>(null);
  const captionId = useId();

  const manage =
    user && ownerId
      ? authorize({ personId: user.person.id, grants: user.grants }, "owner.manage", {
          type: "owner",
          ownerId,
        }).allow
      : false;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!ownerId) return;
    setAdded(null);
    try {
      const school = await api.post<SchoolSummary>(`/api/owners/${ownerId}/schools`, form);
      setProblems([]);
      setForm({ name: "", orgNumber: "" });
      const text = t("schools.added", { name: school.name });
      setAdded(text);
      announce(text);
      schools.reload();
    } catch (err) {
      setProblems(problemsOf(err, fieldIdOf, t("form.failed")));
      setAttempt((n) => n + 1);
    }
  };

  return (
    <Page
      title={t("schools.title")}
      lead={owner ? <Paragraph>{t("schools.lead", { owner: owner.name })}</Paragraph> : null}
    >
      {owners.length > 1 ? (
        <Field className="admin-owner-picker">
          <Label htmlFor="owner-picker">{t("schools.owner")}</Label>
          <Select
            id="owner-picker"
            value={ownerId ?? ""}
            onChange={(e) => setChosen(e.target.value)}
            width="auto"
          >
            {owners.map((o) => (
              <Select.Option key={o.id} value={o.id}>
                {o.name}
              </Select.Option>
            ))}
          </Select>
        </Field>
      ) : null}
      {!ownerId ? (
        allOwners.state === "loading" && isAdmin ? (
          <Spinner aria-label={t("form.loading")} />
        ) : (
          <Paragraph>{t("schools.noOwner")}</Paragraph>
        )
      ) : schools.state === "error" ? (
        <Alert data-color="danger">{schools.message}</Alert>
      ) : schools.state === "loading" ? (
        <Spinner aria-label={t("form.loading")} />
      ) : (
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be focusable
        <section className="table-scroll" aria-labelledby={captionId} tabIndex={0}>
          <Table zebra border data-size="sm">
            <caption id={captionId}>{t("schools.caption", { owner: owner?.name ?? "" })}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t("schools.columns.name")}</Table.HeaderCell>
                <Table.HeaderCell>{t("schools.columns.orgNumber")}</Table.HeaderCell>
                <Table.HeaderCell>{t("schools.columns.pupils")}</Table.HeaderCell>
                <Table.HeaderCell>{t("schools.columns.staff")}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {schools.data.map((s) => (
                <Table.Row key={s.id}>
                  <Table.Cell>{s.name}</Table.Cell>
                  <Table.Cell>{s.orgNumber ?? ""}</Table.Cell>
                  <Table.Cell>{s.pupils}</Table.Cell>
                  <Table.Cell>{s.staff}</Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </section>
      )}

      {manage ? (
        <Card data-color="neutral" className="admin-card">
          <form className="admin-form" onSubmit={submit} noValidate aria-labelledby="add-school">
            <Heading level={2} data-size="xs" id="add-school">
              {t("schools.add")}
            </Heading>
            <FormErrors
              problems={problems}
              attempt={attempt}
              labelOf={(id) =>
                id === "school-name"
                  ? t("schools.columns.name")
                  : id === "school-orgNumber"
                    ? t("schools.columns.orgNumber")
                    : null
              }
            />
            {added ? <Alert data-color="success">{added}</Alert> : null}
            <Textfield
              id="school-name"
              label={t("schools.columns.name")}
              value={form.name}
              onChange={(e) => setForm((f) => ({ ...f, name: e.target.value }))}
              error={errorFor(problems, "school-name")}
              autoComplete="off"
            />
            <Textfield
              id="school-orgNumber"
              label={`${t("schools.columns.orgNumber")} ${t("form.optional")}`}
              description={t("schools.orgNumberHelp")}
              inputMode="numeric"
              value={form.orgNumber}
              onChange={(e) => setForm((f) => ({ ...f, orgNumber: e.target.value }))}
              error={errorFor(problems, "school-orgNumber")}
              autoComplete="off"
            />
            <div className="form-actions">
              <Button type="submit">{t("schools.addButton")}</Button>
            </div>
          </form>
        </Card>
      ) : null}

      {isAdmin ? (
        <NewOwnerCard
          onCreated={(created) => {
            allOwners.reload();
            setChosen(created.id);
          }}
        />
      ) : null}
    </Page>
  );
}
