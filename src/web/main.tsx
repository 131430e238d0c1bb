// Entry point of the web UI: styles (self-hosted font, Designsystemet, the theme, ours),
// translations, the session, and the router.
import "@fontsource-variable/inter";
import "@digdir/designsystemet-css";
import "@digdir/designsystemet-css/theme";
import "./styles.css";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { I18nextProvider } from "react-i18next";
import { RouterProvider } from "react-router";
import { AnnouncerProvider } from "./app/announcer.tsx";
import { i18n } from "./app/i18n.ts";
import { createRouter } from "./app/routes.tsx";
import { SessionProvider } from "./app/session.tsx";

const router = createRouter();
const root = document.getElementById("root");
if (!root) throw new Error("index.html has no #root element");

createRoot(root).render(
  <StrictMode>
    <I18nextProvider i18n={i18n}>
      <SessionProvider>
        <AnnouncerProvider>
          <RouterProvider router={router} />
        </AnnouncerProvider>
      </SessionProvider>
    </I18nextProvider>
  </StrictMode>,
);
