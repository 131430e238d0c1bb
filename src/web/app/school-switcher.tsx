// Shown only to people with roles at more than one school: everything else in the UI works
// on the active school, so which one it is must always be visible.
import { Dropdown } from "@digdir/designsystemet-react";
import { useTranslation } from "react-i18next";
import { CheckIcon, ChevronDownIcon, SchoolIcon } from "../ui/icons.tsx";
import { useDropdown } from "../ui/use-dropdown.ts";
import { useAnnounce } from "./announcer.tsx";
import { useSession } from "./session.tsx";

export function SchoolSwitcher() {
  const { t } = useTranslation();
  const { user, activeSchool, switchSchool } = useSession();
  const announce = useAnnounce();
  const menu = useDropdown();
  if (!user || user.schools.length < 2) return null;
  return (
    <Dropdown.TriggerContext>
      <Dropdown.Trigger variant="tertiary" data-size="sm" className="header-button">
        <SchoolIcon />
        <span className="ds-sr-only">{t("school.label")}:</span>
        <span className="header-button__text">{activeSchool?.name ?? t("school.choose")}</span>
        <ChevronDownIcon />
      </Dropdown.Trigger>
      <Dropdown placement="bottom-end" data-size="sm" {...menu.props}>
        <Dropdown.Heading>{t("school.choose")}</Dropdown.Heading>
        <Dropdown.List>
          {user.schools.map((s) => (
            <Dropdown.Item key={s.id}>
              <Dropdown.Button
                aria-current={s.id === activeSchool?.id ? "true" : undefined}
                onClick={() => {
                  menu.close();
                  void switchSchool(s.id).then(() =>
                    announce(t("school.switched", { name: s.name })),
                  );
                }}
              >
                <span className="menu-check">
                  {s.id === activeSchool?.id ? <CheckIcon /> : null}
                </span>
                {s.name}
              </Dropdown.Button>
            </Dropdown.Item>
          ))}
        </Dropdown.List>
      </Dropdown>
    </Dropdown.TriggerContext>
  );
}
