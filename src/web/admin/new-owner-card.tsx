// The system administrator's first step on a new installation: create the school owner (the
// county or municipality) before adding its schools. Same rules as `trygg owners add`.
import { Alert, Button, Card, Heading, Paragraph, Textfield } from "@digdir/designsystemet-react";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { useAnnounce } from "../app/announcer.tsx";
import { api } from "../app/api.ts";
import { errorFor, FormErrors, type FormProblem, problemsOf } from "../ui/form-errors.tsx";
import type { OwnerSummary } from "./types.ts";

const fieldIdOf = (path: string) =>
  path === "name" || path === "orgNumber" ? `owner-${path}` : null;

export function NewOwnerCard({ onCreated }: { onCreated: (owner: OwnerSummary) => void }) {
  const { t } = useTranslation("admin");
  const announce = useAnnounce();
  const [form, setForm] = useState({ name: "", orgNumber: "" });
  const [problems, setProblems] = useState<FormProblem[]>([]);
  const [attempt, setAttempt] = useState(0);
  const [added, setAdded] = useState<string | null>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setAdded(null);
    try {
      const owner = await api.post<OwnerSummary>("/api/owners", form);
      setProblems([]);
      setForm({ name: "", orgNumber: "" });
      const text = t("schools.ownerAdded", { name: owner.name });
      setAdded(text);
      announce(text);
      onCreated(owner);
    } catch (err) {
      setProblems(problemsOf(err, fieldIdOf, t("form.failed")));
      setAttempt((n) => n + 1);
    }
  };

  return (
    <Card data-color="neutral" className="admin-card">
      <form className="admin-form" onSubmit={submit} noValidate aria-labelledby="new-owner">
        <Heading level={2} data-size="xs" id="new-owner">
          {t("schools.newOwner")}
        </Heading>
        <Paragraph data-size="sm">{t("schools.newOwnerHelp")}</Paragraph>
        <FormErrors
          problems={problems}
          attempt={attempt}
          labelOf={(id) =>
            id === "owner-name"
              ? t("schools.ownerName")
              : id === "owner-orgNumber"
                ? t("schools.columns.orgNumber")
                : null
          }
        />
        {added ? <Alert data-color="success">{added}</Alert> : null}
        <Textfield
          id="owner-name"
          label={t("schools.ownerName")}
          value={form.name}
          onChange={(e) => setForm((f) => ({ ...f, name: e.target.value }))}
          error={errorFor(problems, "owner-name")}
          autoComplete="off"
        />
        <Textfield
          id="owner-orgNumber"
          label={`${t("schools.columns.orgNumber")} ${t("form.optional")}`}
          description={t("schools.orgNumberHelp")}
          inputMode="numeric"
          value={form.orgNumber}
          onChange={(e) => setForm((f) => ({ ...f, orgNumber: e.target.value }))}
          error={errorFor(problems, "owner-orgNumber")}
          autoComplete="off"
        />
        <div className="form-actions">
          <Button type="submit">{t("schools.addOwnerButton")}</Button>
        </div>
      </form>
    </Card>
  );
}
