// The home page per role: greeting, the active school, the person's roles there, shortcuts to
// the pages their roles open, and a short, true statement of the rights and duties that apply.
import { Card, Heading, Paragraph, Tag } from "@digdir/designsystemet-react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { STAFF_ROLES } from "../../core/access/roles.ts";
import { navItems } from "../app/access.ts";
import { i18n } from "../app/i18n.ts";
import { useFeatureRoutes } from "../app/nav-context.ts";
import { useSession } from "../app/session.tsx";
import { CheckInCards } from "../cases/check-in-parts.tsx";
import { Page } from "../ui/page.tsx";
import { Attention } from "./attention.tsx";

export function HomePage() {
  const { t } = useTranslation("home");
  const { t: tr } = useTranslation("roles");
  const { user, activeSchool, rolesAt } = useSession();
  const featureRoutes = useFeatureRoutes();
  if (!user) return null;
  const roles = rolesAt();
  const shortcuts = navItems(featureRoutes, user).filter((r) => r.path !== "/");
  const isStaff = roles.some((r) => (STAFF_ROLES as readonly string[]).includes(r));
  const isPupil = roles.includes("pupil") || roles.includes("pupilCouncil");
  const isGuardian = roles.includes("guardian");
  const owner = user.owners[0];
  const where = activeSchool
    ? t("atSchool", { school: activeSchool.name })
    : owner
      ? t("atOwner", { owner: owner.name })
      : t("noSchool");

  return (
    <Page
      title={t("title")}
      heading={t("greeting", { name: user.person.givenName })}
      lead={<Paragraph>{where}</Paragraph>}
    >
      {roles.length > 0 ? (
        <section aria-labelledby="home-roles" className="home-section">
          <Heading level={2} data-size="2xs" id="home-roles" className="home-section__label">
            {t("yourRoles")}
          </Heading>
          <ul className="tag-list">
            {roles.map((r) => (
              <li key={r}>
                <Tag data-color="brand1">{tr(`name.${r}`)}</Tag>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {activeSchool ? <Attention user={user} school={activeSchool} /> : null}
      {roles.includes("pupil") ? <CheckInCards /> : null}

      <section aria-labelledby="home-shortcuts" className="home-section">
        <Heading level={2} data-size="sm" id="home-shortcuts">
          {t("shortcuts")}
        </Heading>
        {shortcuts.length === 0 ? (
          <Paragraph>{t("noShortcuts")}</Paragraph>
        ) : (
          <ul className="card-grid">
            {shortcuts.map((r) => (
              <li key={r.path}>
                <Card data-color="accent" asChild className="shortcut">
                  <Link to={r.path}>
                    <Heading level={3} data-size="xs">
                      {i18n.t(r.nav?.labelKey as never)}
                    </Heading>
                    {r.nav?.descriptionKey ? (
                      <Paragraph data-size="sm">{i18n.t(r.nav.descriptionKey as never)}</Paragraph>
                    ) : null}
                  </Link>
                </Card>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section className="home-section home-info" aria-label={t("title")}>
        {isStaff ? (
          <Card data-color="neutral" className="info-card">
            <Heading level={2} data-size="xs">
              {t("staff.heading")}
            </Heading>
            <Paragraph>{t("staff.body")}</Paragraph>
          </Card>
        ) : null}
        {isPupil ? (
          <Card data-color="neutral" className="info-card">
            <Heading level={2} data-size="xs">
              {t("pupil.heading")}
            </Heading>
            <Paragraph>{t("pupil.body")}</Paragraph>
          </Card>
        ) : null}
        {isGuardian ? (
          <Card data-color="neutral" className="info-card">
            <Heading level={2} data-size="xs">
              {t("guardian.heading")}
            </Heading>
            <Paragraph>{t("guardian.body")}</Paragraph>
          </Card>
        ) : null}
        {owner && !activeSchool ? (
          <Card data-color="neutral" className="info-card">
            <Heading level={2} data-size="xs">
              {t("owner.heading")}
            </Heading>
            <Paragraph>{t("owner.body")}</Paragraph>
          </Card>
        ) : null}
      </section>
    </Page>
  );
}
