// People and roles at the active school: a searchable list, one person with their roles here
// (give and take roles), and adding a person by hand.
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
} from "@digdir/designsystemet-react";
import { type FormEvent, useEffect, useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useParams, useSearchParams } from "react-router";
import { SCHOOL_ROLES } from "../../core/access/roles.ts";
import { useAnnounce } from "../app/announcer.tsx";
import { api, isApiError } from "../app/api.ts";
import { useSession } from "../app/session.tsx";
import { useApiData } from "../ui/api-data.ts";
import { errorFor, FormErrors, type FormProblem, problemsOf } from "../ui/form-errors.tsx";
import { Page } from "../ui/page.tsx";
import { useCan } from "../ui/use-can.ts";
import { assignableRoles, type RoleChoice, RolePicker, useRoleLabel } from "./role-picker.tsx";
import type {
  GroupSummary,
  PeoplePage as PeoplePageData,
  PersonDetails,
  RoleAtSchool,
} from "./types.ts";

const PAGE_SIZE = 50;

function NoSchool({ title }: { title: string }) {
  const { t } = useTranslation("admin");
  return (
    <Page title={title}>
      <Paragraph>{t("form.noSchool")}</Paragraph>
    </Page>
  );
}

export function PeoplePage() {
  const { t } = useTranslation("admin");
  const { t: tr } = useTranslation("roles");
  const { t: tc } = useTranslation("common");
  const { activeSchool } = useSession();
  const can = useCan();
  const roleLabel = useRoleLabel();
  const [params, setParams] = useSearchParams();
  const q = params.get("q") ?? "";
  const role = params.get("role") ?? "";
  const groupId = params.get("groupId") ?? "";
  const page = Math.max(0, Number(params.get("page") ?? 0) || 0);
  const [draft, setDraft] = useState({ q, role, groupId });
  // Back and forward change the address, not the form: keep the form showing the search.
  useEffect(() => setDraft({ q, role, groupId }), [q, role, groupId]);
  const captionId = useId();

  const query = new URLSearchParams({ limit: String(PAGE_SIZE), offset: String(page * PAGE_SIZE) });
  if (q) query.set("q", q);
  if (role) query.set("role", role);
  if (groupId) query.set("groupId", groupId);
  const load = useApiData<PeoplePageData>(
    activeSchool ? `/api/schools/${activeSchool.id}/people?${query}` : null,
  );
  const groups = useApiData<GroupSummary[]>(
    activeSchool ? `/api/schools/${activeSchool.id}/groups` : null,
  );

  if (!activeSchool) return <NoSchool title={t("people.title")} />;

  const search = (e: FormEvent) => {
    e.preventDefault();
    const next = new URLSearchParams();
    if (draft.q.trim()) next.set("q", draft.q.trim());
    if (draft.role) next.set("role", draft.role);
    if (draft.groupId) next.set("groupId", draft.groupId);
    setParams(next);
  };
  const goTo = (n: number) => {
    const next = new URLSearchParams(params);
    next.set("page", String(n));
    setParams(next);
  };
  const groupList = groups.state === "ready" ? groups.data : [];
  const total = load.state === "ready" ? load.data.total : 0;
  const from = page * PAGE_SIZE + 1;
  const to = Math.min(total, (page + 1) * PAGE_SIZE);
  const hasMore = to < total;

  return (
    <Page
      title={t("people.title")}
      lead={<Paragraph>{t("people.lead", { school: activeSchool.name })}</Paragraph>}
      actions={
        <>
          <Button variant="secondary" asChild>
            <Link to="/admin/groups">{t("groups.title")}</Link>
          </Button>
          {can("people.manage") ? (
            <Button asChild>
              <Link to="/admin/people/new">{t("people.add")}</Link>
            </Button>
          ) : null}
        </>
      }
    >
      <search className="admin-filters">
        <form onSubmit={search} className="admin-filters__form">
          <Textfield
            label={t("people.search")}
            type="search"
            value={draft.q}
            onChange={(e) => setDraft((d) => ({ ...d, q: e.target.value }))}
            autoComplete="off"
            data-size="sm"
          />
          <Field data-size="sm">
            <Label htmlFor="people-role">{t("people.filterRole")}</Label>
            <Select
              id="people-role"
              value={draft.role}
              onChange={(e) => setDraft((d) => ({ ...d, role: e.target.value }))}
            >
              <Select.Option value="">{t("people.allRoles")}</Select.Option>
              {SCHOOL_ROLES.map((r) => (
                <Select.Option key={r} value={r}>
                  {tr(`name.${r}`)}
                </Select.Option>
              ))}
            </Select>
          </Field>
          <Field data-size="sm">
            <Label htmlFor="people-group">{t("people.filterGroup")}</Label>
            <Select
              id="people-group"
              value={draft.groupId}
              onChange={(e) => setDraft((d) => ({ ...d, groupId: e.target.value }))}
            >
              <Select.Option value="">{t("people.allGroups")}</Select.Option>
              <optgroup label={t("groups.classes")}>
                {groupList
                  .filter((g) => g.kind === "class")
                  .map((g) => (
                    <Select.Option key={g.id} value={g.id}>
                      {g.name}
                    </Select.Option>
                  ))}
              </optgroup>
              <optgroup label={t("groups.teachingGroups")}>
                {groupList
                  .filter((g) => g.kind === "teachingGroup")
                  .map((g) => (
                    <Select.Option key={g.id} value={g.id}>
                      {g.name}
                    </Select.Option>
                  ))}
              </optgroup>
            </Select>
          </Field>
          <div>
            <Button type="submit" data-size="sm">
              {t("people.searchButton")}
            </Button>
          </div>
        </form>
      </search>

      <p className="admin-count" aria-live="polite">
        {load.state === "ready"
          ? total === 0
            ? t("people.none")
            : t("people.showing", { from, to, total })
          : ""}
      </p>
      {load.state === "error" ? (
        <Alert data-color="danger">{load.message}</Alert>
      ) : load.state === "loading" ? (
        <Spinner aria-label={t("form.loading")} />
      ) : load.data.people.length === 0 ? null : (
        <>
          {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be focusable */}
          <section className="table-scroll" aria-labelledby={captionId} tabIndex={0}>
            <Table zebra border data-size="sm">
              <caption id={captionId}>{t("people.caption", { school: activeSchool.name })}</caption>
              <Table.Head>
                <Table.Row>
                  <Table.HeaderCell>{t("people.columns.name")}</Table.HeaderCell>
                  <Table.HeaderCell>{t("people.columns.roles")}</Table.HeaderCell>
                  <Table.HeaderCell>{t("people.columns.classes")}</Table.HeaderCell>
                </Table.Row>
              </Table.Head>
              <Table.Body>
                {load.data.people.map((p) => (
                  <Table.Row key={p.id}>
                    <Table.Cell>
                      <DsLink asChild>
                        <Link to={`/admin/people/${p.id}`}>
                          {p.familyName}, {p.givenName}
                        </Link>
                      </DsLink>
                    </Table.Cell>
                    <Table.Cell>{p.roles.map(roleLabel).join(", ")}</Table.Cell>
                    <Table.Cell>{p.classNames.join(", ")}</Table.Cell>
                  </Table.Row>
                ))}
              </Table.Body>
            </Table>
          </section>
          <nav aria-label={tc("table.pagination")} className="pager">
            <Button
              variant="secondary"
              data-size="sm"
              aria-disabled={page === 0}
              onClick={() => page > 0 && goTo(page - 1)}
            >
              {tc("table.previous")}
            </Button>
            <Button
              variant="secondary"
              data-size="sm"
              aria-disabled={!hasMore}
              onClick={() => hasMore && goTo(page + 1)}
            >
              {tc("table.next")}
            </Button>
          </nav>
        </>
      )}
    </Page>
  );
}

function fullName(p: { givenName: string; familyName: string }): string {
  return `${p.givenName} ${p.familyName}`;
}

const roleFieldId = (path: string) =>
  path === "role" || path === "groupId" ? `new-role-${path}` : null;

export function PersonPage() {
  const { t } = useTranslation("admin");
  const { personId } = useParams();
  const { activeSchool } = useSession();
  const can = useCan();
  const announce = useAnnounce();
  const roleLabel = useRoleLabel();
  const load = useApiData<PersonDetails>(
    activeSchool && personId ? `/api/schools/${activeSchool.id}/people/${personId}` : null,
  );
  const manage = can("people.manage");
  const groups = useApiData<GroupSummary[]>(
    activeSchool && manage ? `/api/schools/${activeSchool.id}/groups` : null,
  );
  const [choice, setChoice] = useState<RoleChoice>({ role: "", groupId: "" });
  const [problems, setProblems] = useState<FormProblem[]>([]);
  const [attempt, setAttempt] = useState(0);
  const [status, setStatus] = useState<{ kind: "success" | "danger"; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const rolesCaption = useId();

  if (!activeSchool) return <NoSchool title={t("person.title")} />;
  if (load.state === "loading") {
    return (
      <Page title={t("person.title")}>
        <Spinner aria-label={t("form.loading")} />
      </Page>
    );
  }
  if (load.state === "error") {
    return (
      <Page title={t("person.title")}>
        <Alert data-color="danger">
          {load.status === 404 ? t("person.notFound") : load.message}
        </Alert>
        <Paragraph>
          <DsLink asChild>
            <Link to="/admin/people">{t("person.back")}</Link>
          </DsLink>
        </Paragraph>
      </Page>
    );
  }
  const person = load.data;
  const name = fullName(person);
  const roles = assignableRoles((r) => can("people.manage", r));

  const give = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setStatus(null);
    try {
      const created = await api.post<RoleAtSchool>(
        `/api/schools/${activeSchool.id}/people/${person.id}/roles`,
        { role: choice.role, groupId: choice.groupId || null },
      );
      setProblems([]);
      setChoice({ role: "", groupId: "" });
      const text = t("person.roleGiven", { role: roleLabel(created), name });
      setStatus({ kind: "success", text });
      announce(text);
      load.reload();
    } catch (err) {
      setProblems(problemsOf(err, roleFieldId, t("form.failed")));
      setAttempt((n) => n + 1);
    } finally {
      setBusy(false);
    }
  };

  const remove = async (role: RoleAtSchool) => {
    setStatus(null);
    try {
      await api.delete(`/api/schools/${activeSchool.id}/people/${person.id}/roles/${role.id}`);
      const text = t("person.roleRemoved", { role: roleLabel(role), name });
      setStatus({ kind: "success", text });
      announce(text);
      load.reload();
    } catch (err) {
      const text = isApiError(err) ? err.message : t("form.failed");
      setStatus({ kind: "danger", text });
      announce(text);
    }
  };

  return (
    <Page
      title={name}
      lead={<Paragraph>{t("person.lead", { school: activeSchool.name })}</Paragraph>}
    >
      <Paragraph>
        <DsLink asChild>
          <Link to="/admin/people">{t("person.back")}</Link>
        </DsLink>
      </Paragraph>

      <section className="admin-section" aria-labelledby="person-contact">
        <Heading level={2} data-size="xs" id="person-contact">
          {t("person.contact")}
        </Heading>
        <dl className="admin-facts">
          <div>
            <dt>{t("person.email")}</dt>
            <dd>{person.email ?? t("person.missing")}</dd>
          </div>
          <div>
            <dt>{t("person.phone")}</dt>
            <dd>{person.phone ?? t("person.missing")}</dd>
          </div>
          <div>
            <dt>{t("person.feideId")}</dt>
            <dd>{person.feideId ?? t("person.missing")}</dd>
          </div>
        </dl>
      </section>

      <section className="admin-section" aria-labelledby={rolesCaption}>
        <Heading level={2} data-size="xs" id={rolesCaption}>
          {t("person.roles", { school: activeSchool.name })}
        </Heading>
        {status ? <Alert data-color={status.kind}>{status.text}</Alert> : null}
        {person.roles.length === 0 ? (
          <Paragraph>{t("person.noRoles")}</Paragraph>
        ) : (
          <ul className="admin-roles">
            {person.roles.map((r) => (
              <li key={r.id}>
                <span>{roleLabel(r)}</span>
                {manage && can("people.manage", r.role) ? (
                  <Button
                    variant="tertiary"
                    data-color="danger"
                    data-size="sm"
                    onClick={() => remove(r)}
                  >
                    {t("person.removeRole", { role: roleLabel(r) })}
                  </Button>
                ) : null}
              </li>
            ))}
          </ul>
        )}
      </section>

      {manage ? (
        <Card data-color="neutral" className="admin-card">
          <form className="admin-form" onSubmit={give} noValidate aria-labelledby="give-role">
            <Heading level={2} data-size="xs" id="give-role">
              {t("person.giveRole")}
            </Heading>
            <FormErrors problems={problems} attempt={attempt} />
            <RolePicker
              idPrefix="new-role"
              value={choice}
              onChange={setChoice}
              roles={roles}
              groups={groups.state === "ready" ? groups.data : []}
              roleError={errorFor(problems, "new-role-role")}
              groupError={errorFor(problems, "new-role-groupId")}
            />
            <div className="form-actions">
              <Button type="submit" aria-disabled={busy}>
                {busy ? t("form.saving") : t("person.giveRoleButton")}
              </Button>
            </div>
          </form>
        </Card>
      ) : null}

      {person.guardians.length > 0 ? (
        <section className="admin-section" aria-labelledby="person-guardians">
          <Heading level={2} data-size="xs" id="person-guardians">
            {t("person.guardians")}
          </Heading>
          <ul className="admin-list">
            {person.guardians.map((g) => (
              <li key={g.id}>
                <DsLink asChild>
                  <Link to={`/admin/people/${g.id}`}>{fullName(g)}</Link>
                </DsLink>
                {[g.email, g.phone].filter(Boolean).length > 0 ? (
                  <span className="muted"> · {[g.email, g.phone].filter(Boolean).join(" · ")}</span>
                ) : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {person.children.length > 0 ? (
        <section className="admin-section" aria-labelledby="person-children">
          <Heading level={2} data-size="xs" id="person-children">
            {t("person.children", { school: activeSchool.name })}
          </Heading>
          <ul className="admin-list">
            {person.children.map((c) => (
              <li key={c.id}>
                <DsLink asChild>
                  <Link to={`/admin/people/${c.id}`}>{fullName(c)}</Link>
                </DsLink>
                {c.classNames.length > 0 ? (
                  <span className="muted"> · {c.classNames.join(", ")}</span>
                ) : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {person.groups.length > 0 ? (
        <section className="admin-section" aria-labelledby="person-groups">
          <Heading level={2} data-size="xs" id="person-groups">
            {t("person.groups")}
          </Heading>
          <ul className="admin-list">
            {person.groups.map((g) => (
              <li key={`${g.id}-${g.memberRole}`}>
                <DsLink asChild>
                  <Link to={`/admin/people?groupId=${g.id}`}>{g.name}</Link>
                </DsLink>
                <span className="muted">
                  {" "}
                  · {g.kind === "class" ? t("groups.kindClass") : t("groups.kindTeachingGroup")}
                  {g.memberRole === "teacher" ? ` · ${t("groups.asTeacher")}` : ""}
                </span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </Page>
  );
}

const newPersonFieldId = (path: string): string | null => {
  if (path === "role" || path === "groupId") return `person-${path}`;
  if (["givenName", "familyName", "email", "feideId"].includes(path)) return `person-${path}`;
  return null;
};

export function NewPersonPage() {
  const { t } = useTranslation("admin");
  const { activeSchool } = useSession();
  const can = useCan();
  const navigate = useNavigate();
  const announce = useAnnounce();
  const groups = useApiData<GroupSummary[]>(
    activeSchool ? `/api/schools/${activeSchool.id}/groups` : null,
  );
  const [form, setForm] = useState({ givenName: "", familyName: "", email: "", feideId: "" });
  const [choice, setChoice] = useState<RoleChoice>({ role: "", groupId: "" });
  const [problems, setProblems] = useState<FormProblem[]>([]);
  const [attempt, setAttempt] = useState(0);
  const [busy, setBusy] = useState(false);

  if (!activeSchool) return <NoSchool title={t("newPerson.title")} />;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    try {
      const created = await api.post<{ id: string }>(`/api/schools/${activeSchool.id}/people`, {
        ...form,
        role: choice.role,
        groupId: choice.groupId || null,
      });
      announce(t("newPerson.created", { name: `${form.givenName} ${form.familyName}`.trim() }));
      navigate(`/admin/people/${created.id}`);
    } catch (err) {
      setProblems(problemsOf(err, newPersonFieldId, t("form.failed")));
      setAttempt((n) => n + 1);
      setBusy(false);
    }
  };
  const labels: Record<string, string> = {
    "person-givenName": t("newPerson.givenName"),
    "person-familyName": t("newPerson.familyName"),
    "person-email": t("newPerson.email"),
    "person-feideId": t("newPerson.feideId"),
    "person-role": t("roles.role"),
    "person-groupId": t("roles.group"),
  };
  const text = (field: keyof typeof form, autoComplete: string, type = "text") => (
    <Textfield
      id={`person-${field}`}
      type={type as "text"}
      label={t(`newPerson.${field}`)}
      value={form[field]}
      onChange={(e) => setForm((f) => ({ ...f, [field]: e.target.value }))}
      error={errorFor(problems, `person-${field}`)}
      autoComplete={autoComplete}
    />
  );

  return (
    <Page
      title={t("newPerson.title")}
      lead={<Paragraph>{t("newPerson.lead", { school: activeSchool.name })}</Paragraph>}
      narrow
    >
      <Paragraph>
        <DsLink asChild>
          <Link to="/admin/people">{t("person.back")}</Link>
        </DsLink>
      </Paragraph>
      <form className="admin-form" onSubmit={submit} noValidate>
        <FormErrors problems={problems} attempt={attempt} labelOf={(id) => labels[id] ?? null} />
        {text("givenName", "off")}
        {text("familyName", "off")}
        {text("email", "off", "email")}
        <Textfield
          id="person-feideId"
          label={t("newPerson.feideId")}
          description={t("newPerson.feideIdHelp")}
          value={form.feideId}
          onChange={(e) => setForm((f) => ({ ...f, feideId: e.target.value }))}
          error={errorFor(problems, "person-feideId")}
          autoComplete="off"
        />
        <RolePicker
          idPrefix="person"
          value={choice}
          onChange={setChoice}
          roles={assignableRoles((r) => can("people.manage", r))}
          groups={groups.state === "ready" ? groups.data : []}
          roleError={errorFor(problems, "person-role")}
          groupError={errorFor(problems, "person-groupId")}
        />
        <div className="form-actions">
          <Button type="submit" aria-disabled={busy}>
            {busy ? t("form.saving") : t("newPerson.submit")}
          </Button>
        </div>
      </form>
    </Page>
  );
}
