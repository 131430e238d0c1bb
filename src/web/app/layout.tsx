// The frame around every page: skip link, header (name, school, language, notifications, user
// menu), the role-filtered main menu, the main landmark and a footer. Below 48rem the menu and
// the switchers fold into a menu button.
import { Alert, Button, Heading, Paragraph, SkipLink, Spinner } from "@digdir/designsystemet-react";
import { useEffect, useId, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, NavLink, Outlet, useLocation } from "react-router";
import { ReportButton } from "../cases/report-button.tsx";
import { NotificationBell } from "../notifications/notification-bell.tsx";
import { CloseIcon, MenuIcon, ShieldIcon } from "../ui/icons.tsx";
import { PHONE_QUERY, useMediaQuery } from "../ui/use-media-query.ts";
import { navItems } from "./access.ts";
import type { FeatureRoute } from "./feature-route.ts";
import { i18n } from "./i18n.ts";
import { LanguageSwitcher } from "./language-switcher.tsx";
import { FeatureRoutesContext } from "./nav-context.ts";
import { SchoolSwitcher } from "./school-switcher.tsx";
import { useSession } from "./session.tsx";
import { UserMenu } from "./user-menu.tsx";

function MainNav({
  routes,
  onNavigate,
}: {
  routes: readonly FeatureRoute[];
  onNavigate?: () => void;
}) {
  const { t } = useTranslation();
  const { user } = useSession();
  if (!user) return null;
  const items = navItems(routes, user);
  return (
    <nav aria-label={t("nav.label")} className="main-nav">
      <ul>
        {items.map((r) => {
          const Icon = r.nav?.icon;
          return (
            <li key={r.path}>
              <NavLink to={r.path} end={r.path === "/"} onClick={onNavigate}>
                {Icon ? <Icon /> : null}
                {/* Feature labels are "namespace:key" strings declared by each feature. */}
                {i18n.t(r.nav?.labelKey as never)}
              </NavLink>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}

function Brand() {
  const { t } = useTranslation();
  const { activeSchool } = useSession();
  return (
    <Link to="/" className="brand">
      <span className="brand__mark" aria-hidden="true">
        <ShieldIcon />
      </span>
      <span className="brand__text">
        <span className="brand__name">{t("appName")}</span>
        <span className="brand__sub">{activeSchool?.name ?? t("tagline")}</span>
      </span>
    </Link>
  );
}

export function Layout({ routes }: { routes: readonly FeatureRoute[] }) {
  const { t } = useTranslation();
  const { session, user, error, refresh } = useSession();
  const phone = useMediaQuery(PHONE_QUERY);
  const [menuOpen, setMenuOpen] = useState(false);
  const menuId = useId();
  const menuButton = useRef<HTMLButtonElement>(null);
  const location = useLocation();

  // A new page closes the phone menu.
  const [shownPath, setShownPath] = useState(location.pathname);
  if (shownPath !== location.pathname) {
    setShownPath(location.pathname);
    setMenuOpen(false);
  }

  // Escape closes the phone menu and returns focus to its button.
  useEffect(() => {
    if (!menuOpen) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === "Escape") {
        setMenuOpen(false);
        menuButton.current?.focus();
      }
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [menuOpen]);

  return (
    <FeatureRoutesContext.Provider value={routes}>
      <div className="app">
        <SkipLink href="#main">{t("skipToContent")}</SkipLink>
        {session?.demo ? (
          <div className="demo-banner" data-color="warning">
            {t("demo.banner")}
          </div>
        ) : null}
        <header className="app-header">
          <div className="app-header__bar">
            <Brand />
            {phone ? (
              <div className="app-header__tools">
                {user ? <ReportButton /> : null}
                {user ? <NotificationBell /> : null}
                <Button
                  ref={menuButton}
                  variant="secondary"
                  data-size="sm"
                  aria-expanded={menuOpen}
                  aria-controls={menuId}
                  onClick={() => setMenuOpen((open) => !open)}
                >
                  {menuOpen ? <CloseIcon /> : <MenuIcon />}
                  {menuOpen ? t("nav.closeMenu") : t("nav.openMenu")}
                </Button>
              </div>
            ) : (
              <div className="app-header__tools">
                <SchoolSwitcher />
                <LanguageSwitcher />
                {user ? <ReportButton /> : null}
                {user ? <NotificationBell /> : null}
                <UserMenu />
              </div>
            )}
          </div>
          {phone ? (
            <div id={menuId} className="phone-menu" hidden={!menuOpen}>
              <MainNav routes={routes} onNavigate={() => setMenuOpen(false)} />
              <div className="phone-menu__tools">
                <SchoolSwitcher />
                <LanguageSwitcher />
                <UserMenu />
              </div>
            </div>
          ) : user ? (
            <div className="app-header__nav">
              <MainNav routes={routes} />
            </div>
          ) : null}
        </header>
        <main id="main" tabIndex={-1} className="app-main">
          {session ? (
            <Outlet />
          ) : error ? (
            <div className="centered">
              <Alert data-color="danger">
                <Heading level={2} data-size="xs">
                  {t("errors.title")}
                </Heading>
                <Paragraph>{t("errors.network")}</Paragraph>
                <Button variant="secondary" onClick={() => void refresh().catch(() => {})}>
                  {t("errors.retry")}
                </Button>
              </Alert>
            </div>
          ) : (
            <div className="centered">
              <Spinner aria-label={t("loading")} data-size="lg" />
            </div>
          )}
        </main>
        <footer className="app-footer">
          <div className="app-footer__inner">
            <p>{t("footer.about")}</p>
          </div>
        </footer>
      </div>
    </FeatureRoutesContext.Provider>
  );
}
