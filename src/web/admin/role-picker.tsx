// Choosing a school role and, where the role belongs to one, its class or teaching group.
import { Field, Label, Select, ValidationMessage } from "@digdir/designsystemet-react";
import { useTranslation } from "react-i18next";
import { ROLE_GROUP } from "../../core/access/role-rules.ts";
import { isSchoolRole, SCHOOL_ROLES, type SchoolRole } from "../../core/access/roles.ts";
import type { GroupSummary } from "./types.ts";

export interface RoleChoice {
  role: string;
  groupId: string;
}

/** The roles this person may hand out here, in the order of roles.ts. */
export function assignableRoles(can: (role: string) => boolean): SchoolRole[] {
  return SCHOOL_ROLES.filter((r) => can(r));
}

export function RolePicker({
  idPrefix,
  value,
  onChange,
  roles,
  groups,
  roleError,
  groupError,
}: {
  idPrefix: string;
  value: RoleChoice;
  onChange: (next: RoleChoice) => void;
  roles: readonly SchoolRole[];
  groups: readonly GroupSummary[];
  roleError?: string | undefined;
  groupError?: string | undefined;
}) {
  const { t } = useTranslation("admin");
  const { t: tr } = useTranslation("roles");
  const rule = isSchoolRole(value.role) ? ROLE_GROUP[value.role] : undefined;
  const choices = rule ? groups.filter((g) => g.kind === rule.kind) : [];
  return (
    <>
      <Field>
        <Label htmlFor={`${idPrefix}-role`}>{t("roles.role")}</Label>
        <Select
          id={`${idPrefix}-role`}
          value={value.role}
          onChange={(e) => onChange({ role: e.target.value, groupId: "" })}
          aria-invalid={roleError ? true : undefined}
        >
          <Select.Option value="">{t("roles.chooseRole")}</Select.Option>
          {roles.map((r) => (
            <Select.Option key={r} value={r}>
              {tr(`name.${r}`)}
            </Select.Option>
          ))}
        </Select>
        {roleError ? <ValidationMessage>{roleError}</ValidationMessage> : null}
      </Field>
      {rule ? (
        <Field>
          <Label htmlFor={`${idPrefix}-groupId`}>
            {rule.kind === "class" ? t("roles.class") : t("roles.teachingGroup")}
            {rule.required ? null : ` ${t("form.optional")}`}
          </Label>
          <Select
            id={`${idPrefix}-groupId`}
            value={value.groupId}
            onChange={(e) => onChange({ ...value, groupId: e.target.value })}
            aria-invalid={groupError ? true : undefined}
          >
            <Select.Option value="">
              {rule.kind === "class" ? t("roles.chooseClass") : t("roles.chooseTeachingGroup")}
            </Select.Option>
            {choices.map((g) => (
              <Select.Option key={g.id} value={g.id}>
                {g.name}
              </Select.Option>
            ))}
          </Select>
          {groupError ? <ValidationMessage>{groupError}</ValidationMessage> : null}
        </Field>
      ) : null}
    </>
  );
}

/** "Kontaktlærer (1STA)". */
export function useRoleLabel(): (r: { role: string; groupName: string | null }) => string {
  const { t: tr } = useTranslation("roles");
  return (r) => {
    const name = isSchoolRole(r.role) ? tr(`name.${r.role}`) : r.role;
    return r.groupName ? `${name} (${r.groupName})` : name;
  };
}
