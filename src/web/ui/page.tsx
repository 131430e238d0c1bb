// Every page renders through <Page>: it sets the document title, renders the one h1, and,
// after a client-side navigation (not on the first load), moves focus to that h1 so screen-reader and keyboard users
// land at the start of the new content (the first load keeps the browser's default focus).
import { Heading } from "@digdir/designsystemet-react";
import { type ReactNode, useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { useLocation } from "react-router";

export function usePageTitle(title: string): void {
  const { t } = useTranslation();
  useEffect(() => {
    document.title = `${title} – ${t("titleSuffix")}`;
  }, [title, t]);
}

export interface PageProps {
  title: string;
  /** A visible heading different from the document title (rare). */
  heading?: ReactNode;
  /** Shown under the heading, e.g. the school name. */
  lead?: ReactNode;
  /** Buttons or links aligned with the heading. */
  actions?: ReactNode;
  children?: ReactNode;
  /** Narrow pages (forms) read better in a measure of about 40rem. */
  narrow?: boolean;
}

export function Page({ title, heading, lead, actions, children, narrow }: PageProps) {
  usePageTitle(title);
  const headingRef = useRef<HTMLHeadingElement>(null);
  // The router marks the location of the first page load with the key "default".
  const { key } = useLocation();
  useEffect(() => {
    if (key !== "default") headingRef.current?.focus({ preventScroll: false });
  }, [key]);
  return (
    <div className={narrow ? "page page--narrow" : "page"}>
      <div className="page__header">
        <div className="page__titles">
          <Heading level={1} data-size="lg" ref={headingRef} tabIndex={-1} className="page__h1">
            {heading ?? title}
          </Heading>
          {lead ? <div className="page__lead">{lead}</div> : null}
        </div>
        {actions ? <div className="page__actions">{actions}</div> : null}
      </div>
      {children}
    </div>
  );
}
