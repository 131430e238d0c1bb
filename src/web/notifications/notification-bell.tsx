// The bell in the header: unread count and the latest notifications. A notification only says
// that something needs looking at (never whom or what), and links into the app. If the server
// has no notification endpoint, the bell simply is not shown.
import { Badge, Button, Dropdown, Paragraph } from "@digdir/designsystemet-react";
import { useCallback, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { useLocation, useNavigate } from "react-router";
import { api, isApiError } from "../app/api.ts";
import { formatDateTime } from "../ui/format.ts";
import { BellIcon } from "../ui/icons.tsx";
import { useDropdown } from "../ui/use-dropdown.ts";

interface NotificationItem {
  id: string;
  template: string;
  link: string | null;
  createdAt: string;
  readAt: string | null;
  text?: string;
}

interface NotificationList {
  items: NotificationItem[];
  unreadCount?: number;
}

const POLL_MS = 60_000;

export function NotificationBell() {
  const { t, i18n } = useTranslation("demo");
  const navigate = useNavigate();
  const location = useLocation();
  const [list, setList] = useState<NotificationList | null>(null);
  const [missing, setMissing] = useState(false);
  const menu = useDropdown();

  const load = useCallback(async () => {
    try {
      setList(await api.get<NotificationList>("/api/notifications?limit=10"));
    } catch (err) {
      if (isApiError(err) && (err.status === 404 || err.status === 403)) setMissing(true);
    }
  }, []);

  // Reload on navigation, on language change (texts come translated) and now and then.
  // biome-ignore lint/correctness/useExhaustiveDependencies: the path and language are triggers
  useEffect(() => {
    if (missing) return;
    void load();
  }, [load, missing, location.pathname, i18n.language]);
  useEffect(() => {
    if (missing) return;
    const timer = window.setInterval(() => void load(), POLL_MS);
    return () => window.clearInterval(timer);
  }, [load, missing]);

  if (missing || !list) return null;
  const unread = list.unreadCount ?? list.items.filter((n) => !n.readAt).length;
  const label =
    unread > 0 ? t("notifications.labelUnread", { count: unread }) : t("notifications.label");

  const openItem = async (n: NotificationItem) => {
    menu.close();
    if (!n.readAt) {
      try {
        await api.post(`/api/notifications/${n.id}/read`);
      } catch {
        // Reading still works; the mark is retried next time.
      }
    }
    if (n.link?.startsWith("/")) navigate(n.link);
    void load();
  };

  const markAll = async () => {
    try {
      await api.post("/api/notifications/read-all");
    } finally {
      void load();
    }
  };

  return (
    <Dropdown.TriggerContext>
      <Dropdown.Trigger
        variant="tertiary"
        data-size="sm"
        icon
        aria-label={label}
        className="header-button bell"
      >
        <BellIcon />
        {unread > 0 ? (
          <Badge
            data-color="danger"
            data-size="sm"
            count={unread}
            maxCount={9}
            aria-hidden="true"
          />
        ) : null}
      </Dropdown.Trigger>
      <Dropdown placement="bottom-end" data-size="sm" {...menu.props} className="bell-menu">
        <Dropdown.Heading>{t("notifications.heading")}</Dropdown.Heading>
        {list.items.length === 0 ? (
          <Paragraph data-size="sm" className="bell-menu__empty">
            {t("notifications.empty")}
          </Paragraph>
        ) : (
          <Dropdown.List>
            {list.items.map((n) => (
              <Dropdown.Item key={n.id}>
                <Dropdown.Button onClick={() => void openItem(n)} className="bell-item">
                  <span className="bell-item__text">
                    {!n.readAt ? <span className="bell-item__dot" aria-hidden="true" /> : null}
                    {n.text ?? t("notifications.fallback")}
                    {!n.readAt ? (
                      <span className="ds-sr-only"> ({t("notifications.unread")})</span>
                    ) : null}
                  </span>
                  <time className="bell-item__time" dateTime={n.createdAt}>
                    {formatDateTime(n.createdAt)}
                  </time>
                </Dropdown.Button>
              </Dropdown.Item>
            ))}
          </Dropdown.List>
        )}
        {unread > 0 ? (
          <div className="bell-menu__footer">
            <Button variant="tertiary" data-size="sm" onClick={() => void markAll()}>
              {t("notifications.markAllRead")}
            </Button>
          </div>
        ) : null}
      </Dropdown>
    </Dropdown.TriggerContext>
  );
}
