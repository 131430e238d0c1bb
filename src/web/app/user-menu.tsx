// The person's menu: who is logged in, their account page, and the two ways out. "Log out everywhere" ends every
// session of the person, for when a device was lost or shared.
import { Dropdown } from "@digdir/designsystemet-react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { ChevronDownIcon, LogOutIcon, PersonIcon } from "../ui/icons.tsx";
import { useDropdown } from "../ui/use-dropdown.ts";
import { useAnnounce } from "./announcer.tsx";
import { useSession } from "./session.tsx";

export function initials(givenName: string, familyName: string): string {
  return `${givenName.charAt(0)}${familyName.charAt(0)}`.toUpperCase();
}

export function UserMenu({ compact }: { compact?: boolean }) {
  const { t } = useTranslation();
  const { t: ta } = useTranslation("account");
  const { user, logout, logoutEverywhere } = useSession();
  const announce = useAnnounce();
  const menu = useDropdown();
  const navigate = useNavigate();
  if (!user) return null;
  const name = `${user.person.givenName} ${user.person.familyName}`;
  // The page guard sends the person to the login page, which says they are logged out.
  const leave = async (everywhere: boolean) => {
    menu.close();
    await (everywhere ? logoutEverywhere() : logout());
    announce(everywhere ? t("user.loggedOutEverywhere") : t("user.loggedOut"));
  };
  return (
    <Dropdown.TriggerContext>
      <Dropdown.Trigger
        variant="tertiary"
        data-size="sm"
        className="header-button"
        aria-label={t("user.menu", { name })}
      >
        <span className="avatar" aria-hidden="true">
          {initials(user.person.givenName, user.person.familyName)}
        </span>
        {compact ? null : <span className="header-button__text">{name}</span>}
        <ChevronDownIcon />
      </Dropdown.Trigger>
      <Dropdown placement="bottom-end" data-size="sm" {...menu.props}>
        <Dropdown.Heading>{name}</Dropdown.Heading>
        <Dropdown.List>
          <Dropdown.Item>
            <Dropdown.Button
              onClick={() => {
                menu.close();
                navigate("/konto");
              }}
            >
              <PersonIcon />
              {ta("menu")}
            </Dropdown.Button>
          </Dropdown.Item>
          <Dropdown.Item>
            <Dropdown.Button onClick={() => void leave(false)}>
              <LogOutIcon />
              {t("user.logout")}
            </Dropdown.Button>
          </Dropdown.Item>
          <Dropdown.Item>
            <Dropdown.Button onClick={() => void leave(true)} aria-describedby="logout-all-help">
              <LogOutIcon />
              {t("user.logoutAll")}
            </Dropdown.Button>
            <span id="logout-all-help" className="menu-help">
              {t("user.logoutAllHelp")}
            </span>
          </Dropdown.Item>
        </Dropdown.List>
      </Dropdown>
    </Dropdown.TriggerContext>
  );
}
